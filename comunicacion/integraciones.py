"""Comunicación's figures on the roadmap dashboard (product 3: two-way communication)."""

from django.utils.translation import gettext_lazy as _


def registrar() -> None:
    try:
        from pactos.indicadores_programa import registrar_cifra
    except ImportError:
        return
    from . import selectors

    registrar_cifra(
        3,
        "comunicacion_acciones",
        _("Acciones de comunicación realizadas"),
        selectors.acciones_realizadas,
    )
    registrar_cifra(
        3, "comunicacion_noticias", _("Noticias publicadas"), selectors.noticias_publicadas
    )
    registrar_cifra(
        3,
        "comunicacion_mensajes",
        _("Mensajes ciudadanos respondidos"),
        selectors.mensajes_respondidos,
    )
