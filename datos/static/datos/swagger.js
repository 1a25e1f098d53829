// Swagger UI of the open-data API (datos/templates/datos/swagger.html): a static file, so the
// page needs no inline script under the portal's Content Security Policy.
(function () {
  "use strict";
  var contenedor = document.getElementById("swagger-ui");
  if (!contenedor || !window.SwaggerUIBundle) {
    return;
  }
  contenedor.textContent = "";
  window.SwaggerUIBundle({
    url: contenedor.dataset.esquema,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    // The schema is the portal's own; never ask a validator on the internet.
    validatorUrl: null,
    supportedSubmitMethods: ["get", "head"],
  });
})();
