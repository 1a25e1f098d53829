// Charts of the commitments dashboard (data from json_script blocks, CSP-safe).
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Chart === "undefined") return;
  document.querySelectorAll("canvas.grafico-compromisos").forEach((canvas) => {
    const nodo = document.getElementById(canvas.dataset.datos);
    if (!nodo) return;
    const datos = JSON.parse(nodo.textContent);
    const linea = canvas.dataset.tipo === "line";
    new Chart(canvas, {
      type: canvas.dataset.tipo,
      data: {
        labels: datos.etiquetas,
        datasets: [
          {
            label: datos.titulo,
            data: datos.valores,
            borderColor: "#0b6b3a",
            backgroundColor: linea ? "rgba(11, 107, 58, .15)" : datos.colores || "#0b6b3a",
            fill: linea,
            tension: 0.2,
          },
        ],
      },
      options: {
        // Drawn at their values at once: an animated chart printed, captured or read while it
        // grows shows every bar short of its count.
        animation: false,
        plugins: { legend: { display: false }, title: { display: true, text: datos.titulo } },
        scales: linea ? { y: { min: 0, max: 100 } } : { x: { ticks: { precision: 0 } } },
        indexAxis: linea ? "x" : "y",
      },
    });
  });
});
