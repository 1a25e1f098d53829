// The style sheet bundle of the pages kept for use without signal (core/estaticos.py, PAQUETES:
// Bootstrap's CSS, the portal's and the tables'), reduced at `collectstatic` to the rules those
// pages can use: PurgeCSS keeps a selector only when its class names appear in the templates the
// session page and "Mis mesas" are made of (their includes, the header and footer), in the
// scripts of the bundle, in the portal's Python (forms and template tags set classes too) or in
// the templates of the packages that render forms. The rest of the portal keeps the whole sheets.
//
//   node scripts/paquete-css.mjs FILE.css PACKAGE_TEMPLATE_DIR...   (rewrites FILE.css)
//
// tests/core/test_paquetes.py renders both pages in their states and fails on a class of theirs
// that the reduced bundle lost.
import { readFileSync, writeFileSync } from "node:fs";
import { PurgeCSS } from "purgecss";

const [hoja, ...paquetes] = process.argv.slice(2);
const CONTENIDO = [
  "templates/base.html",
  "templates/documento.html",
  "templates/includes/*.html",
  "core/templates/core/documento.html",
  "core/templates/core/includes/*.html",
  "*/templates/*/includes/*.html",
  "mesas/templates/mesas/sesion.html",
  "mesas/templates/mesas/mis_mesas.html",
  "mesas/templates/mesas/_*.html",
  "mesas/templates/mesas/registro/*.html",
  "mesas/templates/mesas/sin_senal/*.html",
  "*/templatetags/*.py",
  "*/*.py",
  "*/*/*.py",
  "static/js/*.js",
  "mesas/static/mesas/*.js",
];

const [resultado] = await new PurgeCSS().purge({
  css: [{ raw: readFileSync(hoja, "utf-8") }],
  content: [...CONTENIDO, ...paquetes.map((d) => `${d}/**/*.html`)],
  skippedContentGlobs: ["**/.venv/**", "**/static/vendor/**", "**/staticfiles/**", "**/var/**", "**/tests/**"],
  // class names with the characters Bootstrap uses (col-md-6, w-100, g-2, text-bg-light...)
  defaultExtractor: (texto) => texto.match(/[\w-]+/g) || [],
  safelist: {
    // set by portal.js (Bootstrap's Collapse, Dropdown and Alert classes) and by htmx
    standard: ["show", "showing", "hiding", "collapsing", "collapse", "fade", "active", "disabled"],
    // and those the templates build from a value (estado-{{ sesion.estado }}, respuesta-...)
    greedy: [/data-bs-popper/, /^dropdown-menu-/, /^htmx-/, /^estado-/, /^respuesta-/, /^lista-/],
  },
  keyframes: true,
  variables: true,
  fontFace: true,
});
writeFileSync(hoja, resultado.css);
