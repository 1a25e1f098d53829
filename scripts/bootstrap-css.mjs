// Bootstrap's CSS reduced to the rules the portal can use (issue 15 "Light on a bad connection",
// issue 18 "unused CSS removed at build time"): PurgeCSS keeps a selector only when its class
// names appear somewhere in the portal's templates, scripts, styles or Python (forms and
// template tags set classes too), or in the templates of the packages that render the portal's
// forms (crispy-bootstrap5, crispy-forms, django-filter, Django's own form templates). Classes
// that only Bootstrap's scripts add (show, collapsing...) are kept by the safelist.
//
//   node scripts/bootstrap-css.mjs OUT.css PACKAGE_TEMPLATE_DIR...   (run by `make`)
//
// A class is never built by concatenation in a template or a script (tests/core/
// test_bootstrap_css.py checks that every class the templates name is in the built CSS).
import { writeFileSync } from "node:fs";
import { PurgeCSS } from "purgecss";

const [salida, ...paquetes] = process.argv.slice(2);
const IGNORADOS = ["**/.venv/**", "**/static/vendor/**", "**/staticfiles/**", "**/var/**"];

const [resultado] = await new PurgeCSS().purge({
  css: ["node_modules/bootstrap/dist/css/bootstrap.min.css"],
  content: [
    "templates/**/*.html",
    "*/templates/**/*.html",
    "*/templatetags/*.py",
    "*/*.py",
    "*/*/*.py",
    "static/js/**/*.js",
    "static/css/**/*.css",
    "*/static/**/*.js",
    "*/static/**/*.css",
    ...paquetes.map((d) => `${d}/**/*.html`),
  ],
  skippedContentGlobs: IGNORADOS,
  // class names with the characters Bootstrap uses (col-md-6, w-100, g-2, text-bg-light...)
  defaultExtractor: (texto) => texto.match(/[\w-]+/g) || [],
  safelist: {
    // set by Bootstrap's scripts (Collapse, Dropdown, Alert) and by htmx
    standard: ["show", "showing", "hiding", "collapsing", "collapse", "fade", "active", "disabled"],
    greedy: [/data-bs-popper/, /^dropdown-menu-/, /^htmx-/],
  },
  keyframes: true,
  variables: true,
  fontFace: true,
});
const cabecera = "/*! Bootstrap 5.3.8 (MIT), reduced to the classes the portal uses (scripts/bootstrap-css.mjs) */\n";
writeFileSync(salida, cabecera + resultado.css.replace(/\/\*# sourceMappingURL=.*?\*\//, ""));
console.log(`Bootstrap CSS: ${resultado.css.length.toLocaleString("en")} bytes`);
