"""What pactos offers to the search (core.busqueda): published pactos and their commitments to
everybody; every pacto and commitment to the programme's team (pactos.gestionar_pactos)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.busqueda import FuenteBusqueda, todos_con_permiso

from .models import Compromiso, Pacto
from .selectors.pactos import compromisos_publicados, pactos_publicados


def _del_equipo(modelo):
    return todos_con_permiso("pactos.gestionar_pactos", modelo)


FUENTES = {
    "pactos.pactos": FuenteBusqueda(
        etiqueta=_("Pacto"),
        titulo="titulo",
        texto=("preambulo", "objetivos", "estrategia"),
        detalle="eje__nombre",
        claves=("slug", "pk"),
        publicas=pactos_publicados,
        url_publica=lambda slug, _pk: reverse("pactos:pacto_publico", kwargs={"slug": slug}),
        visibles=_del_equipo(Pacto),
        url_personal=lambda _slug, pk: reverse("pactos:pacto_gestion", kwargs={"pk": pk}),
    ),
    "pactos.compromisos": FuenteBusqueda(
        etiqueta=_("Compromiso"),
        titulo="titulo",
        texto=("texto", "resultado_esperado"),
        detalle="pacto__titulo",
        claves=("pacto__slug", "numero", "pk"),
        publicas=compromisos_publicados,
        url_publica=lambda slug, numero, _pk: reverse(
            "pactos:compromiso_publico", kwargs={"slug": slug, "numero": numero}
        ),
        visibles=_del_equipo(Compromiso),
        url_personal=lambda _slug, _numero, pk: reverse(
            "pactos:compromiso_gestion", kwargs={"pk": pk}
        ),
    ),
}
