// Portal-wide behaviour. No inline scripts: the Content Security Policy only allows 'self'.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) {
    event.detail.headers["X-CSRFToken"] = token.value;
  }
});

// Keyboard and screen-reader users after an htmx swap (docs/accesibilidad.md). When the part of the
// page that held the focus is replaced, focus would fall back to the top of the page: put it on the
// first field with an error, or on the first field of the same form (ready for the next entry).
// Messages marked data-anunciar are read out through the page's persistent live region.
(() => {
  let zona = null;
  let accion = null;
  const CAMPOS =
    "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex='-1'])";

  document.addEventListener("htmx:beforeSwap", (event) => {
    const objetivo = event.detail.target;
    const activo = document.activeElement;
    zona = null;
    if (objetivo && objetivo.id && activo && activo !== document.body && objetivo.contains(activo)) {
      zona = objetivo.id;
      accion = activo.form ? activo.form.getAttribute("action") : null;
    }
  });

  document.addEventListener("htmx:afterSettle", (event) => {
    const anuncios = document.getElementById("anuncios");
    const raiz = event.detail.elt;
    const mensajes = raiz && raiz.isConnected && raiz.querySelectorAll
      ? Array.from(raiz.querySelectorAll("[data-anunciar]"), (m) => m.textContent.trim())
      : [];
    if (anuncios && mensajes.length) {
      anuncios.textContent = "";
      setTimeout(() => { anuncios.textContent = mensajes.join(" "); }, 50);
    }
    if (!zona) return;
    const contenedor = document.getElementById(zona);
    zona = null;
    const activo = document.activeElement;
    if (!contenedor || (activo && activo !== document.body && activo.isConnected)) return;
    const form = accion && Array.from(contenedor.querySelectorAll("form")).find((f) => f.getAttribute("action") === accion);
    const destino =
      contenedor.querySelector(".is-invalid") ||
      (form && form.querySelector(CAMPOS)) ||
      contenedor.querySelector(CAMPOS);
    if (destino) {
      destino.focus();
    } else {
      // Nothing left to operate in the new content (a guest just checked in): keep the focus on
      // it, so the next Tab goes on from here and not from the top of the page.
      contenedor.setAttribute("tabindex", "-1");
      contenedor.focus();
    }
  });
})();

// Confirmations (contract C5): a form with data-confirmar="¿…?" asks that question before it is
// sent. One listener in the capture phase, so it runs before htmx's or the offline outbox's own
// submit handlers: cancelled, the submit stops there and nothing is sent.
document.addEventListener(
  "submit",
  (event) => {
    const form = event.target;
    const pregunta = form instanceof HTMLFormElement ? form.dataset.confirmar : null;
    if (pregunta && !window.confirm(pregunta)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  },
  true,
);
