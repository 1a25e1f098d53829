// Loaded just before Redoc's bundle on the Redoc page (datos/templates/datos/redoc.html), so that
// Redoc works under the portal's Content Security Policy without loosening it:
// - the bundle injects its own CSS (<style> elements) as it loads, before Redoc.init can hand it
//   the nonce: every <style> inserted on this page gets the page's nonce (this tag's own);
// - its sidebar loads the Redocly logo from Redocly's CDN, which the policy refuses: no request
//   leaves the portal, an empty image stands in.
(function () {
  "use strict";
  var nonce = document.currentScript ? document.currentScript.nonce : "";
  var VACIA = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";

  function conNonce(nodo) {
    if (nonce && nodo instanceof HTMLStyleElement && !nodo.nonce) {
      nodo.nonce = nonce;
    }
  }
  var insertar = Node.prototype.insertBefore;
  var anadir = Node.prototype.appendChild;
  Node.prototype.insertBefore = function (nodo, referencia) {
    conNonce(nodo);
    return insertar.call(this, nodo, referencia);
  };
  Node.prototype.appendChild = function (nodo) {
    conNonce(nodo);
    return anadir.call(this, nodo);
  };

  function local(valor) {
    var texto = String(valor);
    if (texto.indexOf("data:") === 0) {
      return texto;
    }
    return new URL(texto, document.baseURI).origin === location.origin ? texto : VACIA;
  }
  var poner = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (nombre, valor) {
    if (this instanceof HTMLImageElement && String(nombre).toLowerCase() === "src") {
      valor = local(valor);
    }
    return poner.call(this, nombre, valor);
  };
  var src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
  Object.defineProperty(HTMLImageElement.prototype, "src", {
    configurable: true,
    enumerable: src.enumerable,
    get: src.get,
    set: function (valor) {
      src.set.call(this, local(valor));
    },
  });
})();
