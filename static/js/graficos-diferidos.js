// Chart.js only when a chart comes near the screen: a page with charts paints, and answers taps,
// without first downloading and evaluating 200 KB of library (issue 18). Each chart's data is
// also in a table next to it, which stays the accessible version (and the one shown if the
// library never arrives). Load this file with `defer` and data-chartjs="<Chart.js URL>", before
// the page's own chart script, which calls PactosGraficos.alVerGraficos(selector, dibujar).
(function () {
  "use strict";

  const propio = document.currentScript;
  const origen = propio ? propio.dataset.chartjs : "";
  let carga = null;

  function cargarChart() {
    if (typeof Chart !== "undefined") {
      return Promise.resolve();
    }
    if (!carga) {
      carga = new Promise(function (resolver, rechazar) {
        const script = document.createElement("script");
        script.src = origen;
        script.async = true;
        script.addEventListener("load", resolver);
        script.addEventListener("error", rechazar);
        document.head.appendChild(script);
      });
    }
    return carga;
  }

  function alVerGraficos(selector, dibujar) {
    const lienzos = Array.prototype.slice.call(document.querySelectorAll(selector));
    if (!lienzos.length || !origen) {
      return;
    }
    const pintar = function (lienzo) {
      cargarChart().then(
        function () { dibujar(lienzo); },
        function () { /* no chart: the table beside it says the same */ }
      );
    };
    if (!("IntersectionObserver" in window)) {
      lienzos.forEach(pintar);
      return;
    }
    const observador = new IntersectionObserver(
      function (entradas) {
        entradas.forEach(function (entrada) {
          if (entrada.isIntersecting) {
            observador.unobserve(entrada.target);
            pintar(entrada.target);
          }
        });
      },
      { rootMargin: "200px 0px" }
    );
    lienzos.forEach(function (lienzo) { observador.observe(lienzo); });
  }

  window.PactosGraficos = { alVerGraficos: alVerGraficos };
})();
