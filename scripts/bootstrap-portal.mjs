// The Bootstrap plugins the portal's templates use, and no others: data-bs-toggle="collapse"
// (the menu on a phone), data-bs-toggle="dropdown" (the header's menus, placed by CSS: Popper is
// replaced by scripts/popper-vacio.mjs) and data-bs-dismiss="alert". `make` bundles this with
// esbuild into
// static/vendor/bootstrap/bootstrap.portal.min.js (tests/core/test_bootstrap_portal.py checks
// that no template uses a plugin left out).
import Alert from "bootstrap/js/src/alert.js";
import Collapse from "bootstrap/js/src/collapse.js";
import Dropdown from "bootstrap/js/src/dropdown.js";

window.bootstrap = { Alert, Collapse, Dropdown };
