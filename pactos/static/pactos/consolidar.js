// Consolidation: ticking agreements proposes the commitment's title (from the first) and a text
// listing them. A field the person typed is never replaced: only an empty one, or one that still
// holds what was proposed, follows the ticks.
(() => {
  const form = document.getElementById("form-consolidar");
  const titulo = form && form.querySelector("[name=titulo]");
  const texto = form && form.querySelector("[name=texto]");
  if (!titulo || !texto) {
    return;
  }
  const propuesta = () => {
    const marcados = [...form.querySelectorAll("input[name=acuerdos]:checked")];
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
  for (const [campo, clave] of campos) {
    if (campo.value === "" || campo.value === inicial[clave]) {
      campo.dataset.propuesto = campo.value;
    }
  }
  form.addEventListener("change", (event) => {
    if (!event.target.matches("input[name=acuerdos]")) {
      return;
    }
    const nueva = propuesta();
    for (const [campo, clave] of campos) {
      if (campo.value === "" || campo.value === campo.dataset.propuesto) {
        campo.value = nueva[clave];
        campo.dataset.propuesto = nueva[clave];
      }
    }
  });
})();
