"""What mesas offers to the search (core.busqueda): agreements and sessions with a published acta
to everybody; to coordinators and the tables' own facilitators, their sessions and everything
recorded in them (mesas.selectors.sesiones_de, the rule of mesas.ver_sesion)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.busqueda import FuenteBusqueda

from . import selectors
from .models import Acuerdo, Intervencion, Prioridad, PuntoAgenda, TemaPendiente


def _sesiones(usuario):
    if not usuario.has_perm("mesas.ver_mis_mesas"):
        return None
    return selectors.sesiones_de(usuario=usuario)


def _de_sesiones(modelo):
    def visibles(usuario):
        sesiones = _sesiones(usuario)
        return None if sesiones is None else modelo.objects.filter(sesion__in=sesiones)

    return visibles


def _url_publica(slug: str, numero: str, *_resto) -> str:
    return reverse("mesas:sesion_publica", kwargs={"slug": slug, "numero": numero})


def _url_sesion(_slug: str, _numero: str, pk: str) -> str:
    return reverse("mesas:sesion", kwargs={"pk": pk})


DE_LA_SESION = ("sesion__mesa__slug", "sesion__numero", "sesion_id")


def _en_la_sesion(mesa: str, _slug: str, numero: str, _pk: str) -> str:
    return _("%(mesa)s — sesión %(numero)s") % {"mesa": mesa, "numero": numero}


def _la_sesion(_detalle: str, _slug: str, numero: str, _pk: str) -> str:
    return _("Sesión %(numero)s") % {"numero": numero}


def _item(etiqueta, modelo, titulo: str, texto: tuple[str, ...] = ()) -> FuenteBusqueda:
    """Something recorded in a session: staff only, linked to the session's page."""
    return FuenteBusqueda(
        etiqueta=etiqueta,
        titulo=titulo,
        texto=texto,
        detalle="sesion__mesa__nombre",
        subtitulo=_en_la_sesion,
        claves=DE_LA_SESION,
        visibles=_de_sesiones(modelo),
        url_personal=_url_sesion,
    )


FUENTES = {
    "mesas.acuerdos": FuenteBusqueda(
        etiqueta=_("Acuerdo de mesa"),
        titulo="texto",
        texto=("resultado_esperado",),
        detalle="sesion__mesa__nombre",
        subtitulo=_en_la_sesion,
        claves=DE_LA_SESION,
        publicas=selectors.acuerdos_publicos,
        url_publica=_url_publica,
        visibles=_de_sesiones(Acuerdo),
        url_personal=_url_sesion,
    ),
    "mesas.sesiones": FuenteBusqueda(
        etiqueta=_("Sesión de mesa"),
        titulo="mesa__nombre",
        texto=("objetivo", "lugar"),
        subtitulo=_la_sesion,
        claves=("mesa__slug", "numero", "pk"),
        publicas=selectors.sesiones_publicadas,  # those whose acta is published
        url_publica=_url_publica,
        visibles=_sesiones,
        url_personal=_url_sesion,
    ),
    "mesas.agenda": _item(_("Punto de agenda"), PuntoAgenda, "titulo", ("proposito",)),
    "mesas.intervenciones": _item(_("Intervención"), Intervencion, "resumen"),
    "mesas.prioridades": _item(_("Prioridad"), Prioridad, "texto"),
    "mesas.temas_pendientes": _item(_("Tema pendiente"), TemaPendiente, "texto"),
}
