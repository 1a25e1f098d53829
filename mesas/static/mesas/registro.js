// Recording a session in the field, with or without signal (docs/architecture.md, "Sesiones sin
// señal"). Every record form of the session page (data-bandeja or data-borrador) goes through ONE
// outbox in IndexedDB: on submit the entry is stored on the phone with its uid, the form is
// emptied, and a sender posts the entries in order, as htmx would (HX-Request), swapping the
// section the server answers with. A refused entry is kept, with the server's reason, until the
// facilitator corrects or discards it; without signal the sender waits and tries again by itself.
(() => {
  const pagina = document.querySelector(".registro-sesion[data-sesion]");
  if (!pagina) return;
  const SESION = pagina.dataset.sesion;
  const FORMULARIOS = "form[data-bandeja], form[data-borrador]";
  const BORRADOR = "mesas-borrador:";
  // The selects that name an attendee (contract C2: they also take an attendance's uid).
  const SELECTS_ASISTENTES = 'select[name="intervencion-actor"], select[name="acuerdo-responsables"]';
  const ESPERA_MAXIMA = 60_000;

  // --- texts, in the page's language (mesas/registro/_bandeja.html) ---------------------------
  const plantillaTextos = document.getElementById("textos-bandeja");
  function texto(clave, n) {
    const nodo = plantillaTextos && plantillaTextos.content.querySelector(`[data-clave="${clave}"]`);
    const valor = nodo ? nodo.textContent.trim() : clave;
    return n === undefined ? valor : valor.replace("%(n)s", String(n));
  }

  // --- the outbox --------------------------------------------------------------------------------
  const base = window.idb
    ? window.idb.openDB("pactos-bandeja", 1, {
        upgrade(db) {
          const entradas = db.createObjectStore("entradas", { keyPath: "n", autoIncrement: true });
          entradas.createIndex("sesion", "sesion");
        },
      })
    : Promise.reject(new Error("idb no disponible"));
  let entradas = []; // this session's entries, in order (a copy of the store)

  async function leer() {
    entradas = await (await base).getAllFromIndex("entradas", "sesion", SESION);
    return entradas;
  }
  async function guardar(entrada) {
    const n = await (await base).put("entradas", entrada);
    entrada.n = n;
    return entrada;
  }
  async function borrar(entrada) {
    await (await base).delete("entradas", entrada.n);
  }

  function nuevoUid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // --- the forms -----------------------------------------------------------------------------------
  const iniciales = new Map(); // form action → its values when blank

  function prefijo(form) {
    return form.dataset.bandeja || (form.dataset.borrador || "").replace(/-\d+$/, "");
  }

  function campoUid(form) {
    return form.querySelector('input[name="uid"], input[name$="-uid"]');
  }

  // A fresh uid for the next entry. Always made here: a page reloaded from the phone's cache
  // carries the uid the server put in it, perhaps already used by an entry before the reload.
  function renovarUid(form) {
    let campo = campoUid(form);
    if (!campo) {
      campo = document.createElement("input");
      campo.type = "hidden";
      campo.name = `${prefijo(form)}-uid`;
      form.append(campo);
    }
    campo.value = nuevoUid();
  }

  // htmx would post these forms itself: the outbox does it instead (the target stays known).
  function prepararForm(form) {
    if (!form.matches(FORMULARIOS) || !pagina.contains(form) || form.dataset.bandejaLista) return;
    const objetivo = form.getAttribute("hx-target");
    if (objetivo) form.dataset.objetivo = objetivo;
    for (const atributo of ["hx-post", "hx-target", "hx-swap", "hx-sync"]) form.removeAttribute(atributo);
    form.dataset.bandejaLista = "1";
    renovarUid(form);
    // what "empty" means for this form: as the server first gave it, without errors
    const accion = form.getAttribute("action");
    if (!iniciales.has(accion) && !form.querySelector(".is-invalid, .alert-danger")) {
      iniciales.set(accion, valoresDe(form));
    }
  }

  // Empty the form for the next entry. Not form.reset(): a form brought back with errors holds
  // the refused values as its defaults.
  function vaciar(form) {
    form.reset();
    const valores = iniciales.get(form.getAttribute("action"));
    if (valores) ponerValores(form, valores);
    renovarUid(form);
  }
  function prepararTodo(raiz) {
    if (raiz.matches && raiz.matches(FORMULARIOS)) prepararForm(raiz);
    if (raiz.querySelectorAll) raiz.querySelectorAll(FORMULARIOS).forEach(prepararForm);
  }
  document.addEventListener("htmx:beforeProcessNode", (e) => {
    if (e.target.matches && e.target.matches(FORMULARIOS)) prepararForm(e.target);
  });

  function seccionDe(form) {
    if (form.dataset.objetivo) return form.dataset.objetivo;
    const seccion = form.closest("section[id]");
    return seccion ? `#${seccion.id}` : null;
  }

  function serializar(form) {
    return Array.from(new FormData(form).entries()).filter(
      ([nombre, valor]) => nombre !== "csrfmiddlewaretoken" && typeof valor === "string",
    );
  }

  // What the pending item shows: what was typed or chosen (the defaults left untouched, no).
  function resumir(form) {
    const partes = [];
    for (const campo of form.elements) {
      if (!campo.name || ["hidden", "submit", "button", "checkbox", "radio"].includes(campo.type)) continue;
      if (campo.tagName === "SELECT") {
        for (const opcion of campo.selectedOptions) {
          if (opcion.value && !opcion.defaultSelected) {
            partes.push(opcion.dataset.nombre || opcion.textContent.trim());
          }
        }
      } else if (campo.value.trim()) {
        partes.push(campo.value.trim());
      }
    }
    const boton = form.querySelector("[type=submit]");
    const resumen = partes.join(" · ") || (boton ? boton.textContent.trim() : "");
    return resumen.length > 240 ? `${resumen.slice(0, 239)}…` : resumen;
  }

  // An attendee recorded offline, to be offered as speaker and responsable before the server
  // has them: a walk-in by its attendance uid (C2), a listed person by their actor's pk.
  function asistenteDe(form, pares, uid) {
    const valor = (nombre) => (pares.find(([n]) => n === nombre) || [])[1] || "";
    if (prefijo(form) === "nuevo") {
      const nombre = `${valor("nuevo-nombres")} ${valor("nuevo-apellidos")}`.trim();
      return nombre ? { valor: uid, nombre } : null;
    }
    if (prefijo(form) === "asistencia") {
      const select = form.querySelector('select[name="asistencia-actor"]');
      const opcion = select && select.selectedOptions[0];
      return opcion && opcion.value ? { valor: opcion.value, nombre: opcion.textContent.trim() } : null;
    }
    return null;
  }

  // --- values kept across a swap (what is being typed for the next entry) ---------------------
  function valoresDe(form) {
    const valores = {};
    for (const campo of form.elements) {
      if (!campo.name || campo.type === "submit") continue;
      // hidden fields are the server's (a version, the csrf token), except the next entry's uid
      if (campo.type === "hidden" && campo !== campoUid(form)) continue;
      if (campo.type === "checkbox" || campo.type === "radio") {
        if (campo.checked) (valores[campo.name] ||= []).push(campo.value);
        else valores[campo.name] ||= [];
      } else if (campo.multiple) {
        valores[campo.name] = Array.from(campo.selectedOptions, (o) => o.value);
      } else {
        valores[campo.name] = campo.value;
      }
    }
    return valores;
  }

  function ponerValores(form, valores) {
    for (const campo of form.elements) {
      if (!campo.name || !(campo.name in valores) || campo.type === "submit") continue;
      const valor = valores[campo.name];
      if (campo.type === "checkbox" || campo.type === "radio") {
        campo.checked = [].concat(valor).includes(campo.value);
      } else if (campo.multiple) {
        const lista = [].concat(valor);
        for (const opcion of campo.options) opcion.selected = lista.includes(opcion.value);
      } else if (campo.tagName === "SELECT") {
        if (Array.from(campo.options).some((o) => o.value === valor)) campo.value = valor;
      } else {
        campo.value = Array.isArray(valor) ? valor[0] || "" : valor;
      }
    }
  }

  function fotografiar() {
    const foto = { formularios: new Map(), abiertos: new Set(), foco: null };
    for (const form of pagina.querySelectorAll(FORMULARIOS)) {
      const accion = form.getAttribute("action");
      foto.formularios.set(accion, valoresDe(form));
      if (form.closest("details[open]")) foto.abiertos.add(accion);
    }
    const activo = document.activeElement;
    if (activo && activo.form) {
      foto.foco = { accion: activo.form.getAttribute("action"), nombre: activo.name || "" };
    }
    return foto;
  }

  function restaurar(foto, salvo) {
    prepararTodo(pagina);
    opcionesDeAsistentes();
    for (const form of pagina.querySelectorAll(FORMULARIOS)) {
      const accion = form.getAttribute("action");
      if (accion === salvo) continue;
      const valores = foto.formularios.get(accion);
      if (valores) ponerValores(form, valores);
      const detalles = form.closest("details");
      if (detalles && foto.abiertos.has(accion)) detalles.open = true;
    }
    if (foto.foco) {
      // After the scripts that rebuild a form's widgets (the attendance search) have run: the
      // same field if it is there, else the form's first field, never the top of the page.
      setTimeout(() => {
        const activo = document.activeElement;
        if (activo && activo.isConnected && activo !== document.body) return;
        const form = Array.from(pagina.querySelectorAll(FORMULARIOS)).find(
          (f) => f.getAttribute("action") === foto.foco.accion,
        );
        if (!form) return;
        const campo = foto.foco.nombre && form.elements.namedItem(foto.foco.nombre);
        const visible = campo && campo.focus && campo.getAttribute?.("aria-hidden") !== "true";
        (visible ? campo : form.querySelector(PRIMER_CAMPO))?.focus({ preventScroll: true });
      }, 0);
    }
  }

  // The server's answer replaces its section (and the out-of-band parts it carries), as htmx
  // would; what is being typed in every form of the page stays.
  // `salvo`: the action of a form the answer brings back as it must stay (with its errors).
  function intercambiar(objetivo, html, salvo) {
    const destino = document.querySelector(objetivo);
    if (!destino) return;
    const foto = fotografiar();
    window.htmx.swap(destino, html, { swapStyle: "outerHTML", swapDelay: 0, settleDelay: 0 }, {
      afterSwapCallback: () => restaurar(foto, salvo),
    });
  }

  const PRIMER_CAMPO = [
    "input:not([type=hidden]):not([disabled]):not([aria-hidden=true])",
    "select:not([disabled]):not([aria-hidden=true])",
    "textarea:not([disabled])",
  ].join(", ");

  // --- busy state ------------------------------------------------------------------------------------
  const esperando = new Map(); // uid → the form whose save is being sent
  const vacios = new WeakMap(); // form → its values just after it was emptied

  function ocupar(form) {
    form.setAttribute("aria-busy", "true");
    form.querySelector(".nota-bandeja")?.remove();
    const boton = form.querySelector("[type=submit]");
    if (!boton || boton.dataset.original !== undefined) return;
    boton.dataset.original = boton.innerHTML;
    boton.disabled = true;
    boton.setAttribute("aria-busy", "true");
    const giro = document.createElement("span");
    giro.className = "spinner-border spinner-border-sm me-1";
    giro.setAttribute("aria-hidden", "true");
    boton.replaceChildren(giro, document.createTextNode(texto("guardando")));
  }

  function liberar(form, nota) {
    form.removeAttribute("aria-busy");
    const boton = form.querySelector("[type=submit]");
    if (boton && boton.dataset.original !== undefined) {
      boton.innerHTML = boton.dataset.original;
      delete boton.dataset.original;
      boton.disabled = false;
      boton.removeAttribute("aria-busy");
    }
    form.querySelector(".nota-bandeja")?.remove();
    if (nota) {
      const aviso = document.createElement("p");
      aviso.className = "nota-bandeja small text-success mt-2 mb-0";
      aviso.setAttribute("role", "status");
      const icono = document.createElement("i");
      icono.className = "bi bi-phone me-1";
      icono.setAttribute("aria-hidden", "true");
      aviso.append(icono, texto(nota));
      form.append(aviso);
    }
  }

  function liberarEsperas(nota) {
    for (const [uid, form] of esperando) {
      if (form.isConnected) liberar(form, nota);
      esperando.delete(uid);
    }
  }

  // --- submit: into the outbox ----------------------------------------------------------------------
  document.addEventListener("submit", async (e) => {
    const form = e.target;
    if (e.defaultPrevented || !form.matches(FORMULARIOS) || !pagina.contains(form)) return;
    e.preventDefault();
    if (form.getAttribute("aria-busy") === "true") return; // a second tap while saving
    // A keyboard user who saved from this form stays in it, on its first field, ready for the
    // next entry (the busy button is disabled, which would drop the focus to the page's top).
    const teniaFoco = form.contains(document.activeElement);
    prepararForm(form);
    ocupar(form);
    const pares = serializar(form);
    const uid = campoUid(form).value;
    const entrada = {
      sesion: SESION,
      uid,
      tipo: prefijo(form),
      accion: form.getAttribute("action"),
      objetivo: form.dataset.objetivo || null,
      seccion: seccionDe(form),
      campos: pares,
      resumen: resumir(form),
      asistente: asistenteDe(form, pares, uid),
      estado: "pendiente",
      motivo: "",
      creada: Date.now(),
    };
    // Emptied at once, before anything is awaited: what is chosen or typed from now on is the
    // next entry's (a fast hand picking the next attendee must not be wiped by this save).
    const escrito = valoresDe(form);
    vaciar(form);
    if (teniaFoco) form.querySelector(PRIMER_CAMPO)?.focus({ preventScroll: true });
    vacios.set(form, JSON.stringify(valoresDe(form)));
    localStorage.removeItem(BORRADOR + form.dataset.borrador);
    try {
      await guardar(entrada);
    } catch (error) {
      // no IndexedDB on this browser (or it is full): the form goes the plain way, online only
      ponerValores(form, escrito);
      liberar(form);
      HTMLFormElement.prototype.submit.call(form);
      return;
    }
    // The entry is safe in the outbox and the form already empty, with a new id: the next entry
    // may be saved at once (a double tap cannot store this one twice). Waiting for the server's
    // answer here refused a fast second save without a word.
    liberar(form);
    esperando.set(uid, form);
    await refrescar();
    if (navigator.onLine) enviar();
    else liberarEsperas("en_telefono");
  });

  // --- the sender ----------------------------------------------------------------------------------------
  let enviando = false;
  let sinConexion = false;
  let cuentaCerrada = false;
  let espera = 2_000;
  let reintento = null;

  function token() {
    const campo = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (campo && campo.value) return campo.value;
    const galleta = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
    return galleta ? decodeURIComponent(galleta.slice("csrftoken=".length)) : "";
  }

  function programarReintento() {
    clearTimeout(reintento);
    reintento = setTimeout(enviar, espera);
    espera = Math.min(espera * 2, ESPERA_MAXIMA);
  }

  // The reason the server gave, as the facilitator would read it on the page.
  function motivoDe(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const textos = [];
    for (const nodo of doc.querySelectorAll(".alert-danger, .invalid-feedback, .errorlist li, .pagina-error .alert")) {
      const t = nodo.textContent.replace(/\s+/g, " ").trim();
      if (t && !textos.includes(t)) textos.push(t);
    }
    if (!textos.length) {
      const titulo = doc.querySelector("main h1, h1");
      if (titulo) textos.push(titulo.textContent.replace(/\s+/g, " ").trim());
    }
    return textos.join(" ");
  }

  async function publicar(entrada) {
    const cuerpo = new URLSearchParams(entrada.campos);
    cuerpo.set("csrfmiddlewaretoken", token());
    const control = new AbortController();
    const plazo = setTimeout(() => control.abort(), 30_000);
    try {
      const respuesta = await fetch(entrada.accion, {
        method: "POST",
        body: cuerpo,
        credentials: "same-origin",
        redirect: "manual",
        signal: control.signal,
        headers: {
          "HX-Request": "true",
          "HX-Current-URL": location.href,
          "X-CSRFToken": token(),
        },
      });
      // the body too: a connection lost while it arrives is a connection lost
      return { respuesta, html: respuesta.type === "opaqueredirect" ? "" : await respuesta.text() };
    } finally {
      clearTimeout(plazo);
    }
  }

  let otraVez = false; // asked to send while sending: look again once done

  async function enviar() {
    if (enviando) {
      otraVez = true;
      return;
    }
    enviando = true;
    otraVez = false;
    try {
      // one sender per session even with the page open in two tabs
      if (navigator.locks) await navigator.locks.request(`pactos-bandeja-${SESION}`, enviarTodo);
      else await enviarTodo();
    } catch (error) {
      console.error(error);
    } finally {
      enviando = false;
      await refrescar();
    }
    if (otraVez && !sinConexion) enviar();
  }

  async function enviarTodo() {
    let redireccion = null;
    for (;;) {
      const lista = await leer();
      const entrada = lista.find((e) => e.estado === "pendiente");
      if (!entrada) break;
      if (!navigator.onLine) {
        ponerSinConexion(true);
        liberarEsperas("en_telefono");
        return;
      }
      // Closing waits for everything before it: with a refused entry still there, it would
      // freeze a record that lacks it.
      if (entrada.tipo === "cierre" && lista.some((e) => e.n < entrada.n && e.estado === "rechazado")) {
        await rechazar(entrada, texto("cierre_espera"));
        continue;
      }
      pintarEnvio(entrada.uid);
      let resultado;
      try {
        resultado = await publicar(entrada);
      } catch (error) {
        ponerSinConexion(true);
        liberarEsperas("en_telefono");
        programarReintento();
        return;
      }
      ponerSinConexion(false);
      espera = 2_000;
      const { respuesta, html } = resultado;
      if (respuesta.type === "opaqueredirect") {
        // logged out: the server sends to the login page; keep everything and say so
        cuentaCerrada = true;
        liberarEsperas();
        return;
      }
      cuentaCerrada = false;
      if (respuesta.ok) {
        await borrar(entrada);
        entradas = entradas.filter((e) => e.n !== entrada.n);
        const url = respuesta.headers.get("HX-Redirect");
        if (url) redireccion = url;
        // a save's answer is its section's list (HX-Retarget), not the section with its forms
        else if (entrada.objetivo) intercambiar(respuesta.headers.get("HX-Retarget") || entrada.objetivo, html);
        const form = esperando.get(entrada.uid);
        if (form && form.isConnected) liberar(form);
        esperando.delete(entrada.uid);
        pintar();
      } else if (respuesta.status >= 500) {
        entrada.motivo = texto("error_servidor");
        await guardar(entrada);
        liberarEsperas();
        programarReintento();
        return;
      } else if (!(await devolverAlFormulario(entrada, respuesta, html))) {
        await rechazar(entrada, motivoDe(html) || texto("sin_motivo"));
      }
    }
    if (redireccion) location.assign(redireccion);
  }

  // Refused at once, while its form still waits untouched: the answer puts what was typed back
  // in the form, with the errors beside the fields, as a page without the outbox would; the
  // entry leaves the outbox (the form holds it now). Refused later, it stays in the list.
  async function devolverAlFormulario(entrada, respuesta, html) {
    const form = esperando.get(entrada.uid);
    if (respuesta.status !== 400 || !entrada.objetivo || !form || !form.isConnected) return false;
    if (vacios.get(form) !== JSON.stringify(valoresDe(form))) return false;
    esperando.delete(entrada.uid);
    await borrar(entrada);
    entradas = entradas.filter((e) => e.n !== entrada.n);
    intercambiar(entrada.objetivo, html, entrada.accion);
    const devuelto = Array.from(pagina.querySelectorAll(FORMULARIOS)).find(
      (f) => f.getAttribute("action") === entrada.accion,
    );
    devuelto?.querySelector(".is-invalid, input:not([type=hidden]), select, textarea")?.focus();
    pintar();
    return true;
  }

  async function rechazar(entrada, motivo) {
    entrada.estado = "rechazado";
    entrada.motivo = motivo;
    await guardar(entrada);
    const form = esperando.get(entrada.uid);
    if (form && form.isConnected) liberar(form);
    esperando.delete(entrada.uid);
  }

  // --- what the page shows -------------------------------------------------------------------------------
  const estado = document.getElementById("pendientes");

  function ponerSinConexion(valor) {
    sinConexion = valor;
    pintarEstado();
  }

  function pintarEstado() {
    if (!estado) return;
    const pendientes = entradas.filter((e) => e.estado === "pendiente").length;
    const rechazadas = entradas.filter((e) => e.estado === "rechazado").length;
    estado.dataset.pendientes = String(pendientes);
    estado.dataset.rechazadas = String(rechazadas);
    estado.querySelector("[data-cuenta]").textContent =
      texto(pendientes === 1 ? "pendiente_uno" : "pendiente_varios", pendientes);
    const cuentaRechazadas = estado.querySelector("[data-rechazadas]");
    cuentaRechazadas.textContent = texto(rechazadas === 1 ? "rechazada_uno" : "rechazada_varios", rechazadas);
    cuentaRechazadas.hidden = rechazadas === 0;
    const desconectado = sinConexion || !navigator.onLine;
    estado.querySelector("[data-sin-conexion]").hidden = !desconectado;
    estado.querySelector("[data-cuenta-cerrada]").hidden = !cuentaCerrada;
    estado.classList.toggle("bandeja-sin-conexion", desconectado);
    estado.classList.toggle("bandeja-con-pendientes", pendientes > 0);
    estado.classList.toggle("bandeja-con-rechazadas", rechazadas > 0);
    // "will be sent when the signal returns" is no longer true once nothing waits
    if (pendientes === 0) pagina.querySelectorAll(".nota-bandeja").forEach((nota) => nota.remove());
  }

  function pintarEnvio(uid) {
    const item = pagina.querySelector(`.entrada-bandeja[data-uid="${uid}"] .estado-entrada`);
    if (item) item.textContent = texto("enviando");
  }

  function boton(clave, clase, alPulsar) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = `btn btn-sm ${clase}`;
    b.textContent = texto(clave);
    b.addEventListener("click", alPulsar);
    return b;
  }

  function itemDe(entrada) {
    const rechazada = entrada.estado === "rechazado";
    const li = document.createElement("li");
    li.className = `list-group-item entrada-bandeja ${rechazada ? "entrada-rechazada" : "entrada-pendiente"}`;
    li.dataset.uid = entrada.uid;
    const icono = document.createElement("i");
    icono.className = `bi ${rechazada ? "bi-exclamation-triangle text-danger" : "bi-clock-history"} me-1`;
    icono.setAttribute("aria-hidden", "true");
    const resumen = document.createElement("span");
    resumen.textContent = entrada.resumen;
    const marca = document.createElement("span");
    marca.className = `badge ms-1 estado-entrada ${rechazada ? "text-bg-danger" : "text-bg-warning"}`;
    marca.textContent = texto(rechazada ? "rechazado" : "pendiente");
    li.append(icono, resumen, marca);
    if (entrada.motivo) {
      const motivo = document.createElement("div");
      motivo.className = `small motivo-entrada ${rechazada ? "text-danger" : "text-body-secondary"}`;
      motivo.textContent = entrada.motivo;
      li.append(motivo);
    }
    if (rechazada) {
      const acciones = document.createElement("div");
      acciones.className = "d-flex flex-wrap gap-2 mt-1";
      // only where its form is on the page (a closed session shows none)
      if (entrada.tipo !== "cierre" && formDe(entrada.accion)) {
        acciones.append(boton("corregir", "btn-outline-primary", () => corregir(entrada)));
      }
      acciones.append(
        boton("reintentar", "btn-outline-secondary", async () => {
          entrada.estado = "pendiente";
          entrada.motivo = "";
          await guardar(entrada);
          await refrescar();
          enviar();
        }),
        boton("descartar", "btn-outline-danger", async () => {
          if (!window.confirm(texto("descartar_confirmar"))) return;
          await borrar(entrada);
          await refrescar();
        }),
      );
      li.append(acciones);
    }
    return li;
  }

  // The list where a section shows its items; the close has none: one is made for it.
  function listaDe(seccion) {
    let lista = seccion.querySelector(".lista-bandeja");
    if (lista) return lista;
    lista = Array.from(seccion.querySelectorAll(".list-group")).find((l) => !l.closest("form"));
    if (lista) return lista;
    lista = document.createElement("ul");
    lista.className = "list-group mb-3 lista-bandeja";
    const form = seccion.querySelector("form");
    if (form) form.before(lista);
    else seccion.append(lista);
    return lista;
  }

  function pintar() {
    pagina.querySelectorAll(".entrada-bandeja").forEach((item) => item.remove());
    pagina.querySelectorAll(".lista-bandeja:empty").forEach((lista) => lista.remove());
    for (const entrada of entradas) {
      const seccion = entrada.seccion && document.querySelector(entrada.seccion);
      if (!seccion) continue;
      const lista = listaDe(seccion);
      // "Nobody yet" is no longer true
      for (const vacio of lista.querySelectorAll(":scope > li.text-body-secondary:not(.entrada-bandeja)")) {
        vacio.hidden = true;
      }
      lista.append(itemDe(entrada));
    }
    opcionesDeAsistentes();
    notaDePuntos();
    pintarEstado();
  }

  async function refrescar() {
    try {
      await leer();
    } catch (error) {
      entradas = [];
    }
    pintar();
  }

  // Attendees still on the phone can speak and be made responsable.
  function opcionesDeAsistentes() {
    const asistentes = entradas.filter((e) => e.asistente).map((e) => e.asistente);
    // a person already on the list (the page's or the phone's) is not offered twice
    const enLista = new Set(Array.from(pagina.querySelectorAll("#lista-asistencia [data-actor]"), (li) => li.dataset.actor));
    for (const opcion of pagina.querySelectorAll('select[name="asistencia-actor"] option')) {
      opcion.hidden = opcion.disabled =
        Boolean(opcion.value) && (enLista.has(opcion.value) || asistentes.some((a) => a.valor === opcion.value));
    }
    for (const select of pagina.querySelectorAll(SELECTS_ASISTENTES)) {
      // an option goes when its attendee left the phone, unless chosen in a form being filled
      // (C2 still takes that uid); the others stay as they are, and so does what is selected
      select.querySelectorAll("option[data-bandeja]").forEach((o) => {
        if (!o.selected && !asistentes.some((a) => a.valor === o.value)) o.remove();
      });
      for (const asistente of asistentes) {
        if (Array.from(select.options).some((o) => o.value === asistente.valor)) continue;
        const opcion = document.createElement("option");
        opcion.value = asistente.valor;
        opcion.dataset.bandeja = "1";
        opcion.dataset.nombre = asistente.nombre;
        opcion.textContent = `${asistente.nombre} (${texto("asistente_pendiente")})`;
        select.append(opcion);
      }
    }
  }

  // Agenda items still on the phone cannot be chosen as an intervention's item yet: the server
  // knows them by their number only once they reach it. Say so beside the select.
  function notaDePuntos() {
    const campo = document.getElementById("campo-intervencion-punto");
    if (!campo) return;
    const hay = entradas.some((e) => e.tipo === "agenda");
    let nota = campo.parentElement.querySelector(".nota-puntos");
    if (hay && !nota) {
      nota = document.createElement("p");
      nota.className = "nota-puntos small text-body-secondary";
      nota.textContent = texto("puntos_pendientes");
      campo.after(nota);
    } else if (!hay && nota) {
      nota.remove();
    }
  }

  // A refused entry back into its form, to be corrected and saved again (with its own uid).
  function formDe(accion) {
    return Array.from(pagina.querySelectorAll(FORMULARIOS)).find((f) => f.getAttribute("action") === accion);
  }

  async function corregir(entrada) {
    const form = formDe(entrada.accion);
    if (!form) return;
    await borrar(entrada);
    await refrescar();
    const valores = {};
    for (const [nombre, valor] of entrada.campos) {
      const campo = form.elements.namedItem(nombre);
      const varios = campo && (campo.multiple || campo.type === "checkbox" || (campo.length && campo[0]?.type === "checkbox"));
      if (varios) (valores[nombre] ||= []).push(valor);
      else valores[nombre] = valor;
    }
    for (const campo of form.querySelectorAll('input[type="checkbox"]')) valores[campo.name] ||= [];
    ponerValores(form, valores);
    const detalles = form.closest("details");
    if (detalles) detalles.open = true;
    form.scrollIntoView({ block: "center" });
    form.querySelector("input:not([type=hidden]), select, textarea")?.focus({ preventScroll: true });
  }

  // --- drafts: what is typed and not yet saved survives a reload -------------------------------
  function guardarBorrador(form) {
    if (!form.dataset.borrador) return;
    const datos = {};
    for (const campo of form.elements) {
      if (!campo.name || campo.type === "hidden" || campo.type === "submit") continue;
      datos[campo.name] = campo.multiple ? Array.from(campo.selectedOptions, (o) => o.value) : campo.value;
    }
    localStorage.setItem(BORRADOR + form.dataset.borrador, JSON.stringify({ bandeja: 1, datos }));
  }

  // Drafts left by the page before the outbox were never forgotten after a save (the next
  // attendee got the previous one's organisation): they go.
  for (const clave of Object.keys(localStorage)) {
    if (!clave.startsWith(BORRADOR)) continue;
    let valor = null;
    try {
      valor = JSON.parse(localStorage.getItem(clave));
    } catch {
      // unreadable: removed below
    }
    if (!valor || valor.bandeja !== 1) localStorage.removeItem(clave);
  }

  function restaurarBorrador(form) {
    const guardado = localStorage.getItem(BORRADOR + form.dataset.borrador);
    if (!guardado) return;
    let datos;
    try {
      datos = JSON.parse(guardado).datos;
    } catch {
      return;
    }
    if (!datos) return;
    const vacios = {};
    for (const [nombre, valor] of Object.entries(datos)) {
      const campo = form.elements.namedItem(nombre);
      if (campo && !campo.value) vacios[nombre] = valor;
    }
    ponerValores(form, vacios);
  }

  for (const evento of ["input", "change"]) {
    document.addEventListener(evento, (e) => {
      const form = e.target.closest && e.target.closest("form[data-borrador]");
      if (form && pagina.contains(form)) guardarBorrador(form);
    });
  }

  // --- start, and try again by itself ------------------------------------------------------------------
  window.addEventListener("online", () => {
    espera = 2_000;
    sinConexion = false; // until a send fails again
    pintarEstado();
    enviar();
  });
  window.addEventListener("offline", () => pintarEstado());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") enviar();
  });
  setInterval(() => {
    if (!enviando && entradas.some((e) => e.estado === "pendiente")) enviar();
  }, 20_000);

  prepararTodo(pagina);
  pagina.querySelectorAll("form[data-borrador]").forEach(restaurarBorrador);
  refrescar().then(enviar);
})();
