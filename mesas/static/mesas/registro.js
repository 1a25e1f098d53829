// Recording a session in the field: keep what was typed until the server has it.
(() => {
  const CLAVE = "mesas-borrador:";
  const aviso = () => document.getElementById("aviso-conexion");

  function guardar(form) {
    const datos = {};
    for (const campo of form.elements) {
      if (!campo.name || campo.type === "hidden" || campo.type === "submit") continue;
      if (campo.multiple) {
        datos[campo.name] = Array.from(campo.selectedOptions).map((o) => o.value);
      } else {
        datos[campo.name] = campo.value;
      }
    }
    localStorage.setItem(CLAVE + form.dataset.borrador, JSON.stringify(datos));
  }

  function restaurar(form) {
    const texto = localStorage.getItem(CLAVE + form.dataset.borrador);
    if (!texto) return;
    let datos;
    try { datos = JSON.parse(texto); } catch { return; }
    for (const [nombre, valor] of Object.entries(datos)) {
      const campo = form.elements.namedItem(nombre);
      if (!campo || campo.value) continue;
      // a select only takes a value it still offers (a recorded attendee leaves the list)
      if (campo.tagName === "SELECT" && !campo.multiple
          && !Array.from(campo.options).some((o) => o.value === valor)) continue;
      if (campo.multiple && Array.isArray(valor)) {
        for (const opcion of campo.options) opcion.selected = valor.includes(opcion.value);
      } else if (typeof valor === "string") {
        campo.value = valor;
      }
    }
  }

  function iniciar(raiz) {
    raiz.querySelectorAll("form[data-borrador]").forEach(restaurar);
  }

  document.addEventListener("input", (e) => {
    const form = e.target.closest("form[data-borrador]");
    if (form) guardar(form);
  });
  document.addEventListener("change", (e) => {
    const form = e.target.closest("form[data-borrador]");
    if (form) guardar(form);
  });
  document.addEventListener("htmx:afterRequest", (e) => {
    // The form that sent the request: once its section is swapped, htmx fires this event on
    // another element (e.detail.elt is no longer the form), and a draft never forgotten came
    // back into the fresh form: the next attendee got the previous one's organisation.
    const origen = (e.detail.requestConfig && e.detail.requestConfig.elt) || e.detail.elt;
    const form = origen.closest && origen.closest("form[data-borrador]");
    if (!form) return;
    if (e.detail.successful) {
      aviso()?.classList.add("d-none");
      // Saved: the server answered with the section; forget the draft unless it shows errors.
      const xhr = e.detail.xhr;
      if (xhr && !xhr.responseText.includes("is-invalid") && !xhr.responseText.includes("alert-danger")) {
        localStorage.removeItem(CLAVE + form.dataset.borrador);
      }
    }
  });
  for (const evento of ["htmx:sendError", "htmx:timeout", "htmx:responseError"]) {
    document.addEventListener(evento, () => aviso()?.classList.remove("d-none"));
  }
  // Adding an attendee refreshes the speaker and responsible selects: send what is selected in
  // them so the server keeps it (hx-include would also validate those required fields).
  document.addEventListener("htmx:configRequest", (e) => {
    const form = e.detail.elt.closest && e.detail.elt.closest("form[data-conservar]");
    if (!form) return;
    for (const nombre of form.dataset.conservar.split(" ")) {
      const campo = document.querySelector(`[name="${nombre}"]`);
      if (!campo) continue;
      const valores = campo.multiple
        ? Array.from(campo.selectedOptions).map((o) => o.value)
        : [campo.value];
      e.detail.parameters[nombre] = campo.multiple ? valores : valores[0];
    }
  });
  document.addEventListener("htmx:afterSettle", (e) => iniciar(e.detail.elt));
  document.addEventListener("DOMContentLoaded", () => iniciar(document));
})();
