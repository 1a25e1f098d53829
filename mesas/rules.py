"""Permissions of the tables: coordinators everything, facilitators only the tables they facilitate."""

import rules
from django.utils.translation import gettext_lazy as _

from core.permisos import describir_permiso
from core.rules import es_coordinador, es_facilitador


def _mesa_de(obj):
    return getattr(obj, "mesa", obj)


@rules.predicate
def facilita_mesa(user, obj) -> bool:
    """The user is a facilitator assigned to this table (obj: a Mesa or a Sesion)."""
    if obj is None or not getattr(user, "is_authenticated", False):
        return False
    return _mesa_de(obj).facilitadores.filter(pk=user.pk).exists()


@rules.predicate
def sesion_editable(user, sesion) -> bool:
    return sesion is not None and sesion.editable


@rules.predicate
def sesion_cerrada(user, sesion) -> bool:
    """Closed, with its acta published or not (a cancelled session is not closed: it never
    took place)."""
    return sesion is not None and not sesion.editable and not sesion.cancelada


@rules.predicate
def acta_sin_publicar(user, sesion) -> bool:
    return sesion is not None and sesion.estado == sesion.Estado.CERRADA


@rules.predicate
def sesion_publicada(user, sesion) -> bool:
    return sesion is not None and sesion.estado == sesion.Estado.ACTA_PUBLICADA


responsable_de_mesa = es_coordinador | (es_facilitador & facilita_mesa)

rules.add_perm("mesas.ver_mis_mesas", es_coordinador | es_facilitador)
rules.add_perm("mesas.gestionar_mesa", es_coordinador)
rules.add_perm("mesas.ver_mesa_interna", responsable_de_mesa)
rules.add_perm("mesas.crear_sesion", responsable_de_mesa)
rules.add_perm("mesas.ver_sesion", responsable_de_mesa)
rules.add_perm("mesas.registrar_sesion", responsable_de_mesa & sesion_editable)
rules.add_perm("mesas.convocar", responsable_de_mesa & sesion_editable)
rules.add_perm("mesas.cerrar_sesion", responsable_de_mesa & sesion_editable)
rules.add_perm("mesas.cancelar_sesion", responsable_de_mesa & sesion_editable)
rules.add_perm(
    "mesas.reabrir_sesion",
    (responsable_de_mesa & acta_sin_publicar) | (es_coordinador & sesion_cerrada),
)
rules.add_perm("mesas.publicar_acta", es_coordinador & acta_sin_publicar)
rules.add_perm("mesas.ver_acta", responsable_de_mesa | sesion_publicada)
# The acta for signature names everybody: it never becomes public.
rules.add_perm("mesas.ver_acta_firmada", responsable_de_mesa)
# Photos of the signed sheet are taken after closing too: allowed whatever the session's state.
rules.add_perm("mesas.adjuntar_fotos", responsable_de_mesa)

describir_permiso(
    "mesas.ver_mis_mesas",
    _("el rol de Facilitación o de Coordinación"),
)
describir_permiso(
    "mesas.gestionar_mesa",
    _("el rol de Coordinación"),
)
describir_permiso(
    "mesas.ver_mesa_interna",
    _("facilitar esta mesa (asignación de Coordinación) o ser Coordinación"),
)
describir_permiso(
    "mesas.crear_sesion",
    _("facilitar esta mesa (asignación de Coordinación) o ser Coordinación"),
)
describir_permiso(
    "mesas.ver_sesion",
    _("facilitar la mesa de esta sesión o pertenecer a Coordinación"),
)
describir_permiso(
    "mesas.registrar_sesion",
    _(
        "facilitar la mesa de esta sesión y que la sesión esté abierta (una sesión cerrada "
        "se corrige solo después de reabrirla)"
    ),
)
describir_permiso(
    "mesas.convocar",
    _("facilitar la mesa de esta sesión y que la sesión no esté cerrada"),
)
describir_permiso(
    "mesas.cerrar_sesion",
    _("facilitar la mesa de esta sesión y que la sesión esté abierta"),
)
describir_permiso(
    "mesas.cancelar_sesion",
    _("facilitar la mesa de esta sesión y que la sesión no se haya cerrado ni cancelado"),
)
describir_permiso(
    "mesas.reabrir_sesion",
    _(
        "facilitar la mesa de una sesión cerrada con el acta sin publicar (un acta ya "
        "publicada solo la reabre Coordinación)"
    ),
)
describir_permiso(
    "mesas.publicar_acta",
    _("el rol de Coordinación y una sesión cerrada con su acta sin publicar"),
)
describir_permiso(
    "mesas.ver_acta_firmada",
    _("facilitar la mesa de esta sesión o pertenecer a Coordinación"),
)
describir_permiso(
    "mesas.ver_acta",
    _("que el acta esté publicada, o facilitar la mesa de esta sesión"),
)
describir_permiso(
    "mesas.adjuntar_fotos",
    _("facilitar la mesa de esta sesión o pertenecer a Coordinación"),
)
