// Sessions without signal: registers the service worker (mesas/sin_senal.py) and asks it to keep
// the session pages this page names before the signal goes. An element with data-sin-senal lists
// them (its value: addresses; its links to session pages too). A session page carries its
// attendance registry in itself, so keeping the page keeps the search.
// When they are kept, <html data-sin-senal="lista"> and the page's #sin-senal-lista shows.
(() => {
  // A part of the page that only the server can bring (data-sin-red: what to say instead) is not
  // asked for without a connection: the worker would answer with the kept page, and nothing
  // would happen. It says why, beside it, until it can be brought.
  document.addEventListener("htmx:beforeRequest", (event) => {
    const elemento = event.detail.elt;
    if (!elemento.dataset || !elemento.dataset.sinRed) return;
    const previo = elemento.parentElement.querySelector(".aviso-sin-red");
    if (navigator.onLine) {
      if (previo) previo.remove();
      return;
    }
    event.preventDefault();
    const aviso = previo || document.createElement("p");
    aviso.className = "aviso-sin-red small text-danger mt-2 mb-0";
    aviso.setAttribute("role", "status");
    aviso.textContent = elemento.dataset.sinRed;
    if (!previo) elemento.after(aviso);
  });

  const script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script || !script.dataset.sw) return;
  const SESION = /^(?:\/[a-z]{2})?\/mesas\/sesion\/\d+\/$/;

  function direcciones() {
    const paginas = new Set();
    for (const elemento of document.querySelectorAll("[data-sin-senal]")) {
      for (const url of (elemento.dataset.sinSenal || "").split(/\s+/)) if (url) paginas.add(url);
      for (const enlace of elemento.querySelectorAll("a[href]")) {
        const url = new URL(enlace.href, location.href);
        if (url.origin === location.origin && SESION.test(url.pathname)) paginas.add(url.pathname);
      }
    }
    return [...paginas];
  }

  function calentar(trabajador, urls) {
    return new Promise((resolver) => {
      if (!urls.length) return resolver({ listas: 0, total: 0 });
      const canal = new MessageChannel();
      canal.port1.onmessage = (e) => resolver(e.data);
      trabajador.postMessage({ tipo: "calentar", urls }, [canal.port2]);
    });
  }

  // The worker answered a slow reload with the kept copy, and the newer page has now arrived:
  // show it at once, unless the person is typing (then a button offers it; drafts survive both).
  navigator.serviceWorker.addEventListener("message", (event) => {
    const datos = event.data || {};
    if (datos.tipo !== "copia-superada" || datos.ruta !== location.pathname) return;
    const activo = document.activeElement;
    const escribiendo = activo && activo.closest("form") && activo.matches("input, textarea, select");
    // at most one reload a minute by itself: on a link slower than the worker's timeout every
    // reload is answered by a copy again, and the page must not keep reloading
    const ultima = Number(sessionStorage.getItem("copia-superada") || 0);
    if (!escribiendo && Date.now() - ultima > 60_000) {
      sessionStorage.setItem("copia-superada", String(Date.now()));
      location.reload();
      return;
    }
    if (document.getElementById("copia-superada")) return;
    const aviso = document.createElement("div");
    aviso.id = "copia-superada";
    aviso.className = "alert alert-info d-flex align-items-center gap-2 small sticky-top";
    aviso.setAttribute("role", "status");
    const boton = document.createElement("button");
    boton.type = "button";
    boton.className = "btn btn-sm btn-primary ms-auto";
    boton.textContent = script.dataset.textoActualizar;
    boton.addEventListener("click", () => location.reload());
    aviso.append(document.createTextNode(script.dataset.textoCopia), boton);
    (document.querySelector("main") || document.body).prepend(aviso);
  });

  window.addEventListener("load", async () => {
    try {
      await navigator.serviceWorker.register(script.dataset.sw, { scope: "/" });
      const registro = await navigator.serviceWorker.ready;
      const resultado = await calentar(registro.active, direcciones());
      const lista = resultado.listas === resultado.total;
      document.documentElement.dataset.sinSenal = lista ? "lista" : "incompleta";
      const aviso = document.getElementById("sin-senal-lista");
      if (aviso && lista) aviso.hidden = false;
    } catch (error) {
      document.documentElement.dataset.sinSenal = "no";
    }
  });
})();
