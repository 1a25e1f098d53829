// Attendance that is quick and right: the attendee select of the session page becomes a search
// as you type over the registry (name, cédula, organisation), and choosing a person preselects
// the organisation of their membership. The registry comes with the page (a JSON block named by
// the form's data-registro): searching needs no network, with or without signal. Without this
// script the native select still works; the form posts the same fields.
(() => {
  const MAXIMO = 8;
  const registros = new Map(); // block id -> Promise of the prepared registry (or null)
  let secuencia = 0;

  const plano = (texto) =>
    (texto || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

  function preparar(datos) {
    const personas = (datos.personas || []).map((p) => ({
      ...p,
      clave: plano([p.nombre, p.identificacion, p.organizacion && p.organizacion.nombre].join(" ")),
      inicio: plano(p.nombre),
    }));
    const siglas = new Map((datos.organizaciones || []).map((o) => [o.id, plano(o.siglas)]));
    for (const p of personas) {
      if (p.organizacion && siglas.get(p.organizacion.id)) p.clave += " " + siglas.get(p.organizacion.id);
    }
    return { personas, porId: new Map(personas.map((p) => [String(p.id), p])) };
  }

  // The session page carries its registry: <script type="application/json" id="..."> named by
  // the form's data-registro. Read once, and kept for the forms that replace this one.
  function cargar(id) {
    if (!registros.has(id)) {
      const bloque = id && document.getElementById(id);
      if (!bloque) return Promise.resolve(null); // the select's names still serve
      registros.set(id, Promise.resolve().then(() => preparar(JSON.parse(bloque.textContent)))
        .catch(() => null));
    }
    return registros.get(id);
  }

  // Who is already on this session's list: the page's list (each item names its actor) and
  // the phone's outbox (registro.js disables their options).
  function presentes(select) {
    const ids = new Set();
    document.querySelectorAll("#lista-asistencia [data-actor]").forEach((li) => ids.add(li.dataset.actor));
    for (const o of select.options) if (o.value && o.disabled) ids.add(o.value);
    return ids;
  }

  // The persons to search: the registry's (with cédula and organisation), then anyone else the
  // select offers (by name only), each marked when already on this session's list.
  function candidatos(registro, select) {
    const ofrecidos = new Map();
    for (const o of select.options) if (o.value) ofrecidos.set(o.value, o.textContent.trim());
    const ya = presentes(select);
    const lista = [];
    if (registro) {
      for (const p of registro.personas) lista.push({ ...p, registrado: ya.has(String(p.id)) });
    }
    for (const [id, nombre] of ofrecidos) {
      if (registro && registro.porId.has(id)) continue;
      lista.push({ id, nombre, identificacion: "", organizacion: null, miembro: false,
        clave: plano(nombre), inicio: plano(nombre), registrado: ya.has(id) });
    }
    return lista;
  }

  function buscar(lista, texto) {
    const palabras = plano(texto).split(/\s+/).filter(Boolean);
    if (!palabras.length) return [];
    const hallados = lista.filter((p) => palabras.every((w) => p.clave.includes(w)));
    const puntaje = (p) =>
      (p.registrado ? 4 : 0) + (p.miembro ? 0 : 2) + (p.inicio.startsWith(palabras[0]) ? 0 : 1);
    return hallados
      .map((p, i) => [puntaje(p), i, p])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .slice(0, MAXIMO)
      .map((t) => t[2]);
  }

  function elemento(etiqueta, clase, texto) {
    const el = document.createElement(etiqueta);
    if (clase) el.className = clase;
    if (texto) el.textContent = texto;
    return el;
  }

  function mejorar(form) {
    const select = form.querySelector('select[name="asistencia-actor"]');
    if (!select || select.dataset.combo) return;
    select.dataset.combo = "1";
    const organizacion = form.querySelector('select[name="asistencia-organizacion"]');
    const n = ++secuencia;
    const textos = form.dataset;
    const caja = elemento("div", "combo-asistente");
    const entrada = elemento("input", "form-control");
    Object.assign(entrada, {
      type: "search", id: `buscar-asistente-${n}`, autocomplete: "off", required: true,
      placeholder: textos.textoBuscar || "",
    });
    entrada.setAttribute("role", "combobox");
    entrada.setAttribute("aria-autocomplete", "list");
    entrada.setAttribute("aria-expanded", "false");
    entrada.setAttribute("aria-controls", `resultados-asistente-${n}`);
    entrada.setAttribute("enterkeyhint", "search");
    const descrita = select.getAttribute("aria-describedby");
    if (descrita) entrada.setAttribute("aria-describedby", descrita);
    if (select.classList.contains("is-invalid")) {
      // the error goes with the search box, which is also where the focus lands after a refusal
      select.classList.remove("is-invalid");
      entrada.classList.add("is-invalid");
      entrada.setAttribute("aria-invalid", "true");
      form.querySelectorAll(`#${CSS.escape(select.id)}_error`).forEach((e) => e.classList.add("d-block"));
    }
    const lista = elemento("ul", "list-group combo-resultados");
    lista.id = `resultados-asistente-${n}`;
    lista.setAttribute("role", "listbox");
    lista.hidden = true;
    const estado = elemento("div", "visually-hidden");
    estado.setAttribute("aria-live", "polite");
    caja.append(entrada, lista, estado);
    select.before(caja); // first in the form: where the focus goes back after each save
    // Out of sight but still in the form: its value is what the form posts (whatever sends
    // it: htmx, the outbox, or a test choosing an option).
    select.classList.add("visually-hidden");
    select.setAttribute("aria-hidden", "true");
    select.required = false;
    select.tabIndex = -1;
    const etiqueta = form.querySelector(`label[for="${select.id}"]`);
    if (etiqueta) etiqueta.htmlFor = entrada.id;

    const nota = elemento("div", "form-text nota-organizacion");
    nota.hidden = true;
    if (organizacion) organizacion.after(nota);

    let resultados = [];
    let activo = -1;
    let registro = null;
    cargar(form.dataset.registro).then((r) => {
      registro = r;
      if (r) form.dataset.registroListo = ""; // searchable over the registry (tests wait for it)
    });

    let interno = false; // a change of the select made here, not by someone else

    // The search box says who the select holds, and is invalid while nobody is chosen.
    function sincronizar() {
      const opcion = select.value ? select.selectedOptions[0] : null;
      if (opcion && !entrada.value.trim()) entrada.value = opcion.textContent.trim();
      entrada.setCustomValidity(
        select.value ? "" : entrada.value.trim() ? textos.textoElija || " " : textos.textoElijaVacio || " "
      );
    }
    sincronizar();

    function cerrar() {
      lista.hidden = true;
      entrada.setAttribute("aria-expanded", "false");
      entrada.removeAttribute("aria-activedescendant");
      activo = -1;
    }

    function marcar(i) {
      activo = i;
      lista.querySelectorAll('[role="option"]').forEach((li, j) => {
        li.setAttribute("aria-selected", String(j === i));
        li.classList.toggle("active", j === i);
        if (j === i) {
          entrada.setAttribute("aria-activedescendant", li.id);
          li.scrollIntoView({ block: "nearest" });
        }
      });
    }

    function mostrar() {
      resultados = buscar(candidatos(registro, select), entrada.value);
      lista.replaceChildren();
      resultados.forEach((p, i) => {
        const li = elemento("li", "list-group-item list-group-item-action combo-opcion");
        li.id = `${lista.id}-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.append(elemento("span", "fw-semibold", p.nombre));
        if (p.miembro) li.append(" ", elemento("span", "badge text-bg-light", textos.textoMiembro || ""));
        const detalle = [p.organizacion && p.organizacion.nombre, p.identificacion, p.canton]
          .filter(Boolean).join(" · ");
        if (p.registrado) {
          li.setAttribute("aria-disabled", "true");
          li.classList.add("disabled");
          li.append(elemento("div", "small", textos.textoYaRegistrado || ""));
        } else if (detalle) {
          li.append(elemento("div", "small text-body-secondary", detalle));
        }
        li.addEventListener("pointerdown", (e) => e.preventDefault()); // keep the keyboard up
        li.addEventListener("click", () => elegir(i));
        lista.append(li);
      });
      if (!resultados.length && entrada.value.trim()) {
        const li = elemento("li", "list-group-item small text-body-secondary", textos.textoSinResultados || "");
        lista.append(li);
      }
      const abierto = lista.childElementCount > 0;
      lista.hidden = !abierto;
      entrada.setAttribute("aria-expanded", String(abierto));
      activo = -1;
      entrada.removeAttribute("aria-activedescendant");
      estado.textContent = entrada.value.trim() ? `${resultados.length}` : "";
    }

    function cambiarSelect(valor, nombre) {
      interno = true;
      if (valor && !Array.from(select.options).some((o) => o.value === valor)) {
        // someone taken off this session's list since the page was made: offered again
        const opcion = document.createElement("option");
        opcion.value = valor;
        opcion.textContent = nombre || valor;
        select.append(opcion);
      }
      select.value = valor;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      interno = false;
    }

    // The organisation of the person's membership, shown and changeable.
    function preseleccionarOrganizacion(p) {
      if (!organizacion) return;
      const org = p && p.organizacion && String(p.organizacion.id);
      const ofrecida = org && Array.from(organizacion.options).some((o) => o.value === org);
      organizacion.value = ofrecida ? org : "";
      organizacion.dispatchEvent(new Event("change", { bubbles: true }));
      nota.textContent = ofrecida ? textos.textoOrganizacion || "" : "";
      nota.hidden = !ofrecida;
    }

    function elegir(i) {
      const p = resultados[i];
      if (!p || p.registrado) return;
      cambiarSelect(String(p.id), p.nombre);
      entrada.value = p.nombre;
      entrada.classList.remove("is-invalid");
      entrada.removeAttribute("aria-invalid");
      sincronizar();
      preseleccionarOrganizacion(p);
      cerrar();
    }

    // Emptied after a save (registro.js resets the form, which stays on the page): the note on
    // the organisation belonged to the person just saved.
    form.addEventListener("reset", () => {
      nota.hidden = true;
      nota.textContent = "";
      cerrar();
      setTimeout(sincronizar, 0);
    });

    select.addEventListener("change", () => {
      if (interno) return;
      entrada.value = select.value ? select.selectedOptions[0].textContent.trim() : "";
      sincronizar();
      preseleccionarOrganizacion(registro && registro.porId.get(select.value));
    });
    // Before the browser validates the form (a tap on its button, or Enter), look again: a draft
    // may have put a value in the select.
    form.addEventListener("click", (e) => {
      if (e.target.closest('[type="submit"]')) sincronizar();
    }, true);

    entrada.addEventListener("input", () => {
      if (select.value) {
        cambiarSelect("");
        nota.hidden = true;
      }
      sincronizar();
      mostrar();
    });
    entrada.addEventListener("focus", () => { if (entrada.value && !select.value) mostrar(); });
    // Closed a moment after the box is left (a tap on an option lands first), unless the focus
    // is back by then: a save with the keyboard leaves the box for the button and returns to it,
    // and the list typed next must not be shut by the earlier leaving.
    entrada.addEventListener("blur", () => setTimeout(() => {
      if (document.activeElement !== entrada) cerrar();
    }, 150));
    entrada.addEventListener("keydown", (e) => {
      const abierto = !lista.hidden && resultados.length > 0;
      if (e.key === "ArrowDown") {
        e.preventDefault();
        if (lista.hidden) mostrar();
        if (resultados.length) marcar((activo + 1) % resultados.length);
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        if (abierto) marcar(activo <= 0 ? resultados.length - 1 : activo - 1);
      } else if (e.key === "Enter" && abierto) {
        e.preventDefault(); // choose, do not submit a half-typed name
        elegir(activo >= 0 ? activo : 0);
      } else if (e.key === "Escape") {
        if (!lista.hidden) { e.preventDefault(); cerrar(); }
      }
    });
    organizacion?.addEventListener("change", (e) => { if (e.isTrusted) nota.hidden = true; });
    form.comboSincronizar = sincronizar;
    form.comboAsistente = { elegirPorId(id) {
      resultados = candidatos(registro, select).filter((p) => String(p.id) === String(id));
      elegir(0);
    } };
  }

  // The walk-in form: a person typed there who is already in the registry (same cédula, or the
  // same name) is offered at once, before a duplicate is sent.
  function avisarCoincidencia(form) {
    const asistencia = document.querySelector("form[data-registro]");
    if (!asistencia) return;
    cargar(asistencia.dataset.registro).then((registro) => {
      if (!registro) return;
      const campo = (n) => form.elements.namedItem(`nuevo-${n}`);
      const cedula = (campo("identificacion")?.value || "").replace(/\D/g, "");
      const nombre = plano(`${campo("nombres")?.value || ""} ${campo("apellidos")?.value || ""}`)
        .replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ");
      const persona = registro.personas.find((p) =>
        (cedula.length >= 10 && p.identificacion === cedula)
        || (nombre.includes(" ") && p.inicio.replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ") === nombre));
      let aviso = form.querySelector(".aviso-coincidencia");
      if (!persona) { aviso?.remove(); return; }
      if (!aviso) {
        aviso = elemento("div", "alert alert-info py-2 small aviso-coincidencia");
        aviso.setAttribute("role", "status");
        form.querySelector(".row")?.before(aviso);
      }
      if (aviso.dataset.id === String(persona.id)) return;
      aviso.dataset.id = String(persona.id);
      const textos = asistencia.dataset;
      const quien = persona.nombre + (persona.organizacion ? ` (${persona.organizacion.nombre})` : "");
      const boton = elemento("button", "btn btn-sm btn-primary mt-1 d-block",
        (textos.textoUsarExistente || "").replace("%s", quien));
      boton.type = "button";
      boton.addEventListener("click", () => {
        asistencia.comboAsistente?.elegirPorId(persona.id);
        form.closest("details")?.removeAttribute("open");
        asistencia.querySelector('[type="submit"]')?.focus();
      });
      aviso.replaceChildren(elemento("span", "", textos.textoYaEnRegistro || ""), boton);
    });
  }

  function iniciar() {
    document.querySelectorAll("form[data-registro]").forEach(mejorar);
  }

  document.addEventListener("input", (e) => {
    const form = e.target.closest && e.target.closest(".form-nuevo-asistente");
    if (form && /^nuevo-(nombres|apellidos|identificacion)$/.test(e.target.name)) avisarCoincidencia(form);
  });
  // registro.js puts drafts back on these events (it listens first): show what it restored.
  for (const evento of ["DOMContentLoaded", "htmx:afterSettle"]) {
    document.addEventListener(evento, () => {
      document.querySelectorAll("form[data-registro]").forEach((f) => f.comboSincronizar?.());
    });
  }
  // The section is replaced after each save (htmx or the outbox): enhance the new form too.
  new MutationObserver(iniciar).observe(document.documentElement, { childList: true, subtree: true });
  iniciar();
})();
