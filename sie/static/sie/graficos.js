// SIE charts: every <canvas data-grafico="ID"> is drawn from the JSON in <script id="ID">.
// The data comes from the server through json_script; an accessible table sits beside each chart.
(function () {
  "use strict";

  function numero(valor) {
    if (valor === null || valor === undefined) {
      return "—";
    }
    return new Intl.NumberFormat(document.documentElement.lang === "en" ? "en" : "es-EC", {
      maximumFractionDigits: 2,
    }).format(valor);
  }

  function dibujar(lienzo) {
    const fuente = document.getElementById(lienzo.dataset.grafico);
    if (!fuente || typeof Chart === "undefined") {
      return;
    }
    const datos = JSON.parse(fuente.textContent);
    const conjuntos = datos.conjuntos.map(function (c) {
      return {
        label: c.label,
        data: c.data,
        borderColor: c.color,
        backgroundColor: datos.tipo === "bar" ? c.color : c.color + "33",
        spanGaps: true,
        tension: 0.2,
        pointRadius: 3,
      };
    });
    if (datos.meta !== undefined && datos.meta !== null) {
      conjuntos.push({
        label: lienzo.dataset.etiquetaMeta || "Meta",
        data: datos.etiquetas.map(function () { return datos.meta; }),
        borderColor: "#b3261e",
        borderDash: [6, 4],
        pointRadius: 0,
        fill: false,
      });
    }
    lienzo.chart = new Chart(lienzo, {
      type: datos.tipo,
      data: { labels: datos.etiquetas, datasets: conjuntos },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: datos.tipo === "bar" ? "y" : "x",
        plugins: {
          legend: { display: conjuntos.length > 1, position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                const valor = datos.tipo === "bar" ? ctx.parsed.x : ctx.parsed.y;
                return ctx.dataset.label + ": " + numero(valor) + " " + datos.unidad;
              },
            },
          },
        },
        scales: datos.tipo === "bar"
          ? { x: { beginAtZero: true, title: { display: true, text: datos.unidad } } }
          : { y: { title: { display: true, text: datos.unidad } } },
      },
    });
  }

  function iniciar() {
    window.PactosGraficos.alVerGraficos("canvas[data-grafico]", dibujar);
    // Auto-submit selectors marked with data-enviar (no inline handlers under the CSP).
    document.querySelectorAll("[data-enviar]").forEach(function (control) {
      control.addEventListener("change", function () { control.form.submit(); });
    });
    // "Select all" checkbox of the analyst's list.
    const todos = document.getElementById("seleccionar-todos");
    if (todos) {
      todos.addEventListener("change", function () {
        document.querySelectorAll("input[name=ids]").forEach(function (c) { c.checked = todos.checked; });
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", iniciar);
  } else {
    iniciar();
  }
})();
