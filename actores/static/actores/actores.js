// Actor form: show the person's or the organisation's name fields according to "naturaleza".
(function () {
  "use strict";
  function alternar() {
    var elegido = document.querySelector('input[name="naturaleza"]:checked');
    var persona = elegido && elegido.value === "persona";
    ["nombres", "apellidos"].forEach(function (n) {
      var c = document.getElementById("div_id_" + n);
      if (c) { c.parentElement.classList.toggle("d-none", !persona); }
    });
    ["nombre", "siglas", "visible_publico"].forEach(function (n) {
      var c = document.getElementById("div_id_" + n);
      if (c) { (n === "visible_publico" ? c : c.parentElement).classList.toggle("d-none", persona); }
    });
    var genero = document.getElementById("div_id_genero");
    if (genero) { genero.classList.toggle("d-none", !persona); }
  }
  document.addEventListener("change", function (e) {
    if (e.target && e.target.name === "naturaleza") { alternar(); }
  });
  document.addEventListener("DOMContentLoaded", alternar);
  var errores = document.getElementById("errores-formulario");
  if (errores) { errores.focus(); }
})();
