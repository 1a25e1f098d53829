// Participation charts of a table's public page (data from json_script blocks, CSP-safe).
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Chart === "undefined") return;
  const colores = ["#0b6b3a", "#b3261e", "#8a9a91", "#2f8f5b", "#d9a400", "#4f6bed"];
  document.querySelectorAll("canvas.grafico-mesa").forEach((canvas) => {
    const nodo = document.getElementById(canvas.dataset.datos);
    if (!nodo) return;
    const datos = JSON.parse(nodo.textContent);
    new Chart(canvas, {
      type: canvas.dataset.tipo,
      data: {
        labels: datos.etiquetas,
        datasets: [{ label: datos.titulo, data: datos.valores, backgroundColor: colores }],
      },
      options: {
        plugins: { title: { display: true, text: datos.titulo }, legend: { display: canvas.dataset.tipo !== "bar" } },
        indexAxis: canvas.dataset.tipo === "bar" ? "y" : "x",
      },
    });
  });
});
