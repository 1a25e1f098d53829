"""Who may do what with pactos and commitments.

| rule                                  | coordinación | responsible's contact   | other staff | public |
| pactos.ver_pacto (obj)                | yes          | published only          | yes         | published only |
| pactos.gestionar_pactos (lists, history) | yes       | no                      | yes         | no     |
| pactos.editar_pacto                   | yes          | no                      | no          | no     |
| pactos.consolidar                     | yes          | no                      | no          | no     |
| pactos.actualizar_compromiso (obj)    | yes          | yes (their commitments) | no          | no     |
| pactos.ver_tablero / importar_avances | yes          | no                      | no          | no     |
"""

import rules
from django.utils.translation import gettext_lazy as _

from core.permisos import describir_permiso
from core.rules import es_administrador, es_coordinador, es_personal


@rules.predicate
def pacto_publicado(user, pacto) -> bool:
    return pacto is not None and pacto.estado == "publicado"


@rules.predicate
def es_responsable_de_compromiso(user, compromiso) -> bool:
    if compromiso is None or not getattr(user, "is_authenticated", False):
        return False
    from pactos.selectors.pactos import actores_de_usuario
    from pactos.services.pactos import ESTADOS_SEGUIMIENTO

    if compromiso.pacto.estado not in ESTADOS_SEGUIMIENTO:
        return False
    actores = set(actores_de_usuario(user=user))
    if not actores:
        return False
    if compromiso.lider_id in actores:
        return True
    return compromiso.socios.filter(pk__in=actores).exists()


@rules.predicate
def es_contacto_responsable(user) -> bool:
    from pactos.selectors.pactos import actores_de_usuario

    return bool(actores_de_usuario(user=user))


rules.add_perm("pactos.ver_pacto", pacto_publicado | es_personal)
rules.add_perm("pactos.gestionar_pactos", es_personal)
rules.add_perm("pactos.editar_pacto", es_coordinador)
rules.add_perm("pactos.consolidar", es_coordinador)
rules.add_perm("pactos.actualizar_compromiso", es_coordinador | es_responsable_de_compromiso)
rules.add_perm("pactos.ver_mis_compromisos", es_coordinador | es_contacto_responsable)
rules.add_perm("pactos.ver_tablero", es_coordinador)
rules.add_perm("pactos.importar_avances", es_coordinador)

describir_permiso("pactos.ver_pacto", _("que el pacto esté publicado o pertenecer al equipo"))
describir_permiso("pactos.gestionar_pactos", _("pertenecer al equipo del programa (cualquier rol)"))
describir_permiso("pactos.editar_pacto", _("el rol de Coordinación"))
describir_permiso("pactos.consolidar", _("el rol de Coordinación"))
describir_permiso(
    "pactos.actualizar_compromiso",
    _(
        "ser contacto de una organización responsable de este compromiso (de un pacto firmado) "
        "o tener el rol de Coordinación"
    ),
)
describir_permiso(
    "pactos.ver_mis_compromisos",
    _("ser contacto de una organización responsable de compromisos"),
)
describir_permiso("pactos.ver_tablero", _("el rol de Coordinación"))
describir_permiso("pactos.importar_avances", _("el rol de Coordinación"))

# Linking an organisation's contact persons (who receive its commitments' reminders and report
# their progress): Coordinación and Administración, from the organisation's page.
rules.add_perm("pactos.gestionar_contactos", es_coordinador | es_administrador)
describir_permiso("pactos.gestionar_contactos", _("el rol de Coordinación o de Administración"))
