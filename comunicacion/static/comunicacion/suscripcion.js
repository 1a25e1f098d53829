// Subscription form: show only the list that matches the chosen kind (canton, axis, pacto or
// table).
(function () {
  "use strict";
  var form = document.getElementById("form-suscripcion");
  if (!form) return;
  var listas = ["canton", "eje", "pacto", "mesa"];
  function actualizar() {
    var elegido = form.querySelector("input[name=tipo]:checked");
    var tipo = elegido ? elegido.value : "";
    listas.forEach(function (nombre) {
      var campo = form.querySelector("#div_id_" + nombre);
      if (campo) campo.hidden = tipo !== nombre;
    });
  }
  form.addEventListener("change", actualizar);
  actualizar();
})();
