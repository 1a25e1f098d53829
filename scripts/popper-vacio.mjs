// What the portal's Bootstrap bundle has in place of Popper (scripts/bootstrap-portal.mjs, bundled
// by `make` with esbuild's --alias:@popperjs/core=./scripts/popper-vacio.mjs).
//
// Every drop-down of the portal is in a navbar or has data-bs-display="static": Bootstrap then
// turns Popper's styles off and the menu is placed by CSS alone (`.dropdown-menu[data-bs-popper]`),
// so Popper only computed positions nobody applied: 6.9 KB (brotli) of 13 on every first visit
// (issue 15). tests/core/test_bootstrap_portal.py fails on a drop-down that would need Popper.
export function createPopper() {
  return { update() {}, destroy() {} };
}
