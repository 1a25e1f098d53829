// Consolidation: ticking agreements proposes the commitment's title (from the first) and a text
// listing them. A field the person typed is never replaced: only an empty one, or one that still
// holds what was proposed, follows the ticks.
// The ticks and what was typed also survive moving to another page of the list or changing its
// filter: the links and the filter carry the ticked agreements (the page shows those it does not
// list above the list, still ticked), and what was typed waits in the tab's sessionStorage until
// the form is sent.
(() => {
  const form = document.getElementById("form-consolidar");
  const titulo = form && form.querySelector("[name=titulo]");
  const texto = form && form.querySelector("[name=texto]");
  if (!titulo || !texto) {
    return;
  }
  const elegidos = () => [...form.querySelectorAll("input[name=acuerdos]:checked")];
  const propuesta = () => {
    const marcados = elegidos();
    return {
      titulo: marcados.length ? marcados[0].dataset.titulo : "",
      texto: marcados.map((casilla) => casilla.dataset.linea).join("\n"),
    };
  };
  const campos = [
    [titulo, "titulo"],
    [texto, "texto"],
  ];
  const inicial = propuesta();
  for (const [campo, nombre] of campos) {
    if (campo.value === "" || campo.value === inicial[nombre]) {
      campo.dataset.propuesto = campo.value;
    }
  }

  // What was typed, kept for this tab while the person moves through the list.
  const clave = `consolidar:${location.pathname}`;
  const escritos = [...form.querySelectorAll("[name=titulo], [name=texto], [name=lider], [name=motivo]")];
  const guardado = JSON.parse(sessionStorage.getItem(clave) || "{}");
  for (const campo of escritos) {
    const propio = campo.value !== "" && campo.value !== campo.dataset.propuesto;
    if (guardado[campo.name] !== undefined && !propio) {
      campo.value = guardado[campo.name];
      delete campo.dataset.propuesto;
    }
  }
  const guardar = () => {
    const datos = {};
    for (const campo of escritos) {
      if (campo.value !== "" && campo.value !== campo.dataset.propuesto) {
        datos[campo.name] = campo.value;
      }
    }
    sessionStorage.setItem(clave, JSON.stringify(datos));
  };
  form.addEventListener("input", guardar);
  form.addEventListener("submit", () => sessionStorage.removeItem(clave));

  form.addEventListener("change", (event) => {
    if (!event.target.matches("input[name=acuerdos]")) {
      guardar();
      return;
    }
    const nueva = propuesta();
    for (const [campo, nombre] of campos) {
      if (campo.value === "" || campo.value === campo.dataset.propuesto) {
        campo.value = nueva[nombre];
        campo.dataset.propuesto = nueva[nombre];
      }
    }
  });

  // Another page of the list, or another filter, keeps the ticks.
  const ids = () => elegidos().map((casilla) => casilla.value);
  document.addEventListener("click", (event) => {
    const enlace = event.target.closest(".pagination a[href]");
    if (!enlace) {
      return;
    }
    const url = new URL(enlace.href, location.href);
    url.searchParams.delete("acuerdos");
    for (const id of ids()) {
      url.searchParams.append("acuerdos", id);
    }
    enlace.href = url.toString();
  });
  for (const filtro of document.querySelectorAll("form[method=get]")) {
    filtro.addEventListener("submit", () => {
      for (const viejo of filtro.querySelectorAll("input[data-elegido]")) {
        viejo.remove();
      }
      for (const id of ids()) {
        const oculto = Object.assign(document.createElement("input"), {
          type: "hidden",
          name: "acuerdos",
          value: id,
        });
        oculto.dataset.elegido = "";
        filtro.append(oculto);
      }
    });
  }
})();
