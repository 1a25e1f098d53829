"""axe-core through axe-playwright-python: run it on a page and sort what it finds by impact."""

from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

# axe's default rule set (WCAG 2.x A and AA plus its best practices: landmarks, heading order...)
# and WCAG 2.2's minimum target size (24 px), which axe leaves off by default.
GRAVES = ("serious", "critical")
OPCIONES = {"rules": {"target-size": {"enabled": True}}, "resultTypes": ["violations"]}

_axe = Axe()


@dataclass
class Hallazgos:
    pagina: str
    graves: list[dict] = field(default_factory=list)
    leves: list[dict] = field(default_factory=list)

    def informe(self, violaciones: list[dict]) -> str:
        lineas = []
        for v in violaciones:
            lineas.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])})")
            for nodo in v["nodes"][:5]:
                detalle = (nodo.get("any") or nodo.get("all") or nodo.get("none") or [{}])[0]
                lineas.append(
                    f"      {', '.join(map(str, nodo['target']))}: {nodo['html'][:140]!r}"
                    f" — {detalle.get('message', '')[:200]}"
                )
        return f"{self.pagina}\n" + "\n".join(lineas)


def revisar(page, nombre: str) -> Hallazgos:
    """Run axe on the page as it is now; serious and critical violations are the failures."""
    resultado = _axe.run(page, options=OPCIONES)
    hallazgos = Hallazgos(pagina=nombre)
    for violacion in resultado.response["violations"]:
        destino = hallazgos.graves if violacion["impact"] in GRAVES else hallazgos.leves
        destino.append(violacion)
    return hallazgos


# Each control of the page focused in turn, as after a key press (so :focus-visible applies):
# the ones whose focus shows no ring of at least 2 px (WCAG 2.4.7).
_JS_SIN_ANILLO = """() => {
  const controles = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]";
  const sinAnillo = [];
  for (const e of document.querySelectorAll(controles)) {
    if (e.disabled || e.getAttribute("tabindex") === "-1") continue;
    const caja = e.getBoundingClientRect();
    if (!caja.width || !caja.height || getComputedStyle(e).visibility === "hidden") continue;
    e.focus({preventScroll: true});
    if (document.activeElement !== e) continue;
    const estilo = getComputedStyle(e);
    if (estilo.outlineStyle === "none" || parseFloat(estilo.outlineWidth) < 2) {
      const texto = (e.getAttribute("aria-label") || e.innerText || e.name || "").trim();
      sinAnillo.push(`${e.tagName.toLowerCase()}.${String(e.className).slice(0, 40)} «${texto.slice(0, 40)}»`);
    }
  }
  return sinAnillo;
}"""


def sin_anillo_de_foco(page) -> list[str]:
    """The page's controls that show no focus ring when reached with the keyboard."""
    page.keyboard.press("Tab")  # keyboard modality: programmatic focus now matches :focus-visible
    return page.evaluate(_JS_SIN_ANILLO)
