// Roadmap pages: the print button (no inline handlers, the Content Security Policy forbids them).
document.addEventListener("click", (event) => {
  const boton = event.target.closest("[data-imprimir]");
  if (boton) {
    event.preventDefault();
    window.print();
  }
});
