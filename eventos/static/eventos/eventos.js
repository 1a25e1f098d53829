// Eventos: small behaviours without inline scripts (the Content Security Policy forbids them).
document.addEventListener("click", (event) => {
  const imprimir = event.target.closest("[data-imprimir]");
  if (imprimir) {
    window.print();
  }
});

document.addEventListener("change", (event) => {
  const todos = event.target.closest("[data-marcar]");
  if (todos) {
    const nombre = todos.dataset.marcar;
    document.querySelectorAll(`input[type=checkbox][name="${nombre}"]`).forEach((casilla) => {
      casilla.checked = todos.checked;
    });
  }
});
