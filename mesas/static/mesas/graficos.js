// Participation charts of a table's public page (data from json_script blocks, CSP-safe).
// Each is drawn when it nears the screen (static/js/graficos-diferidos.js loads Chart.js then).
document.addEventListener("DOMContentLoaded", () => {
  const colores = ["#0b6b3a", "#b3261e", "#8a9a91", "#2f8f5b", "#d9a400", "#4f6bed"];
  const sinMovimiento = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  // Long sector names on two or more lines: on one they were cut at the canvas' left edge.
  const partir = (texto) => {
    const lineas = [];
    for (const palabra of String(texto).split(" ")) {
      const ultima = lineas.length - 1;
      if (ultima >= 0 && (lineas[ultima] + " " + palabra).length <= 18) lineas[ultima] += " " + palabra;
      else lineas.push(palabra);
    }
    return lineas;
  };
  window.PactosGraficos.alVerGraficos("canvas.grafico-mesa", (canvas) => {
    const nodo = document.getElementById(canvas.dataset.datos);
    if (!nodo) return;
    const datos = JSON.parse(nodo.textContent);
    new Chart(canvas, {
      type: canvas.dataset.tipo,
      data: {
        labels: canvas.dataset.tipo === "bar" ? datos.etiquetas.map(partir) : datos.etiquetas,
        datasets: [{ label: datos.titulo, data: datos.valores, backgroundColor: colores }],
      },
      options: {
        animation: sinMovimiento ? false : undefined,
        plugins: { title: { display: true, text: datos.titulo }, legend: { display: canvas.dataset.tipo !== "bar" } },
        indexAxis: canvas.dataset.tipo === "bar" ? "y" : "x",
        // counts of people: whole numbers on the axis
        scales: canvas.dataset.tipo === "bar" ? { x: { ticks: { precision: 0 } } } : undefined,
      },
    });
  });
});
