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

// The header's menus and the dismissible messages: what Bootstrap's Collapse, Dropdown and
// Alert plugins did for the portal's data-bs-toggle="collapse" / "dropdown" and
// data-bs-dismiss="alert", with Bootstrap's classes and ARIA, in a few hundred bytes instead of
// 6.6 KB on every first visit (issue 15; tests/core/test_bootstrap_portal.py,
// tests/browser/test_menus_cabecera.py). Drop-downs are placed by CSS (data-bs-popper="static").
(() => {
  const DESPLEGABLE = '[data-bs-toggle="dropdown"]';
  const menuDe = (boton) => boton.parentElement.querySelector(".dropdown-menu");
  const abiertos = () => document.querySelectorAll(`${DESPLEGABLE}[aria-expanded="true"]`);
  const mostrar = (boton, si) => {
    boton.classList.toggle("show", si);
    boton.setAttribute("aria-expanded", String(si));
    const menu = menuDe(boton);
    menu.classList.toggle("show", si);
    if (si) menu.setAttribute("data-bs-popper", "static");
  };
  const cerrarOtros = (salvo) => abiertos().forEach((b) => b !== salvo && mostrar(b, false));

  document.addEventListener("click", (event) => {
    const boton = event.target.closest("[data-bs-toggle], [data-bs-dismiss='alert']");
    const tipo = boton?.dataset.bsToggle;
    if (tipo !== "dropdown") cerrarOtros(null); // a click elsewhere (or on an item) closes it
    if (!boton) return;
    if (boton.dataset.bsDismiss === "alert") {
      boton.closest(".alert")?.remove();
    } else if (tipo === "collapse") {
      const destino = document.querySelector(boton.dataset.bsTarget);
      const abierto = destino.classList.toggle("show");
      document.querySelectorAll(`[data-bs-target="${boton.dataset.bsTarget}"]`).forEach((b) => {
        b.classList.toggle("collapsed", !abierto);
        b.setAttribute("aria-expanded", String(abierto));
      });
    } else if (tipo === "dropdown") {
      event.preventDefault();
      cerrarOtros(boton);
      mostrar(boton, boton.getAttribute("aria-expanded") !== "true");
    }
  });

  // The keyboard: Escape closes and gives the focus back to the toggle; the arrows open the
  // menu and walk its items; Tab out of a menu closes it.
  document.addEventListener("keydown", (event) => {
    const dentro = event.target.closest?.(".dropdown");
    const boton = dentro?.querySelector(DESPLEGABLE);
    if (!boton) return;
    if (event.key === "Escape") {
      if (boton.getAttribute("aria-expanded") === "true") {
        mostrar(boton, false);
        boton.focus();
      }
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      cerrarOtros(boton);
      mostrar(boton, true);
      const items = Array.from(
        menuDe(boton).querySelectorAll(".dropdown-item:not(.disabled):not(:disabled)"),
      );
      const actual = items.indexOf(document.activeElement);
      const paso = event.key === "ArrowDown" ? 1 : -1;
      const siguiente = actual < 0 ? (paso > 0 ? 0 : items.length - 1) : actual + paso;
      items[Math.max(0, Math.min(items.length - 1, siguiente))]?.focus();
    }
  });
  document.addEventListener("keyup", (event) => {
    if (event.key !== "Tab") return; // not on focusin: a click's own focus would move the page
    abiertos().forEach((b) => !b.parentElement.contains(event.target) && mostrar(b, false));
  });
})();
