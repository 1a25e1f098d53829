// Redoc of the open-data API (datos/templates/datos/redoc.html). Redoc writes its styles into
// <style> elements; the nonce of this script tag lets them pass the Content Security Policy.
(function () {
  "use strict";
  var contenedor = document.getElementById("redoc");
  var nonce = document.currentScript ? document.currentScript.nonce : "";
  if (!contenedor || !window.Redoc) {
    return;
  }
  contenedor.textContent = "";
  window.Redoc.init(
    contenedor.dataset.esquema,
    {
      nonce: nonce,
      expandResponses: "200",
      // Search runs in a Web Worker made from a blob: URL, which the policy refuses.
      disableSearch: true,
    },
    contenedor
  );
})();
