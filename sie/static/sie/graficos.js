// SIE charts: every <canvas data-grafico="ID"> is drawn from the JSON in <script id="ID">.
// The data comes from the server through json_script; an accessible table sits beside each chart.
(function () {
  "use strict";

  function numero(valor) {
    if (valor === null || valor === undefined) {
      return "—";
    }
    // Thousands always grouped, as the server's cifra() writes them (Spanish would leave
    // 1201 ungrouped next to 19.020).
    return new Intl.NumberFormat(document.documentElement.lang === "en" ? "en" : "es-EC", {
      maximumFractionDigits: 2,
      useGrouping: "always",
    }).format(valor);
  }

  // A time axis: each period at its start in years (datos.posiciones, from the server), so
  // 2024 → 2026 spans two years and a year without data keeps its width. Ticks sit on every
  // period and on every whole year between them.
  function ejeTemporal(datos) {
    const posiciones = datos.posiciones;
    const nombres = {};
    posiciones.forEach(function (x, i) { nombres[x] = datos.etiquetas[i]; });
    const marcas = posiciones.slice();
    const desde = Math.ceil(posiciones[0]);
    const hasta = Math.floor(posiciones[posiciones.length - 1]);
    for (let anio = desde; anio <= hasta; anio += 1) {
      if (!marcas.some(function (x) { return Math.abs(x - anio) < 0.02; })) {
        marcas.push(anio);
      }
    }
    marcas.sort(function (a, b) { return a - b; });
    const margen = posiciones.length > 1 ? 0 : 0.5;
    return {
      type: "linear",
      min: posiciones[0] - margen,
      max: posiciones[posiciones.length - 1] + margen,
      afterBuildTicks: function (eje) {
        eje.ticks = marcas.map(function (x) { return { value: x }; });
      },
      ticks: {
        autoSkip: false,
        callback: function (valor) {
          return nombres[valor] !== undefined ? nombres[valor] : String(Math.round(valor));
        },
      },
    };
  }

  function enTiempo(datos, valores) {
    return valores.map(function (y, i) { return { x: datos.posiciones[i], y: y }; });
  }

  function dibujar(lienzo) {
    const fuente = document.getElementById(lienzo.dataset.grafico);
    if (!fuente || typeof Chart === "undefined") {
      return;
    }
    const datos = JSON.parse(fuente.textContent);
    const temporal = datos.tipo === "line" && Array.isArray(datos.posiciones) && datos.posiciones.length > 0;
    const conjuntos = datos.conjuntos.map(function (c) {
      return {
        label: c.label,
        data: temporal ? enTiempo(datos, c.data) : c.data,
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
        data: temporal
          ? enTiempo(datos, datos.etiquetas.map(function () { return datos.meta; }))
          : datos.etiquetas.map(function () { return datos.meta; }),
        borderColor: "#b3261e",
        borderDash: [6, 4],
        pointRadius: 0,
        fill: false,
      });
    }
    lienzo.chart = new Chart(lienzo, {
      type: datos.tipo,
      data: temporal ? { datasets: conjuntos } : { labels: datos.etiquetas, datasets: conjuntos },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: datos.tipo === "bar" ? "y" : "x",
        plugins: {
          legend: { display: conjuntos.length > 1, position: "bottom" },
          tooltip: {
            callbacks: {
              title: function (elementos) {
                if (!temporal || !elementos.length) {
                  return undefined;
                }
                return datos.etiquetas[elementos[0].dataIndex];
              },
              label: function (ctx) {
                const valor = datos.tipo === "bar" ? ctx.parsed.x : ctx.parsed.y;
                return ctx.dataset.label + ": " + numero(valor) + " " + datos.unidad;
              },
            },
          },
        },
        scales: datos.tipo === "bar"
          ? {
              x: {
                beginAtZero: true,
                title: { display: true, text: datos.unidad },
                ticks: { callback: function (valor) { return numero(valor); } },
              },
            }
          : Object.assign(
              {
                y: {
                  title: { display: true, text: datos.unidad },
                  ticks: { callback: function (valor) { return numero(valor); } },
                },
              },
              temporal ? { x: ejeTemporal(datos) } : {}
            ),
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
