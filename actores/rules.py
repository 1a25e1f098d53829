"""Permissions of actores (django-rules), with the 403 explanations.

Coordination manages everything; facilitation adds and edits actors of its assigned cantons and
sectors (AsignacionTerritorial); the rest of the staff reads the map without personal data; the
public only sees organisations that agreed to appear.
"""

import rules
from django.utils.translation import gettext_lazy as _

from core.permisos import describir_permiso
from core.rules import es_coordinador, es_facilitador, es_personal

from .selectors import asignaciones_de, encaja_en_asignacion


@rules.predicate
def tiene_asignacion(user) -> bool:
    return bool(asignaciones_de(usuario=user))


@rules.predicate
def actor_en_asignacion(user, actor) -> bool:
    if actor is None or not asignaciones_de(usuario=user):
        return False
    return encaja_en_asignacion(
        usuario=user, canton_id=actor.canton_id, sector_ids=[s.pk for s in actor.sectores.all()]
    )


@rules.predicate
def actor_publico(user, actor) -> bool:
    return bool(
        actor is not None
        and actor.activo
        and actor.visible_publico
        and actor.naturaleza == actor.Naturaleza.ORGANIZACION
    )


puede_editar = es_coordinador | (es_facilitador & actor_en_asignacion)

rules.add_perm("actores.ver_mapa", es_personal)
rules.add_perm("actores.ver_actor", es_personal | actor_publico)
rules.add_perm(
    "actores.ver_datos_personales", es_coordinador | (es_facilitador & actor_en_asignacion)
)
rules.add_perm("actores.crear_actor", es_coordinador | (es_facilitador & tiene_asignacion))
rules.add_perm("actores.importar", es_coordinador | (es_facilitador & tiene_asignacion))
rules.add_perm("actores.exportar", es_personal)
rules.add_perm("actores.exportar_datos_personales", es_coordinador)
rules.add_perm("actores.fusionar", es_coordinador)

# Editing an actor, moving it on the map and managing its relations: one rule, one explanation.
for permiso in ("actores.editar_actor", "actores.cambiar_posicion", "actores.gestionar_relaciones"):
    rules.add_perm(permiso, puede_editar)
    describir_permiso(
        permiso,
        _(
            "el rol de Coordinación, o el de Facilitación con el cantón o el sector de este actor asignado"
        ),
    )

describir_permiso("actores.ver_mapa", _("pertenecer al equipo del programa (cualquier rol)"))
describir_permiso(
    "actores.ver_actor", _("pertenecer al equipo del programa; este actor no es público")
)
describir_permiso(
    "actores.ver_datos_personales",
    _("el rol de Coordinación, o el de Facilitación con este cantón o sector asignado"),
)
describir_permiso(
    "actores.crear_actor",
    _("el rol de Coordinación, o el de Facilitación con al menos un cantón o sector asignado"),
)
describir_permiso(
    "actores.importar",
    _("el rol de Coordinación, o el de Facilitación con al menos un cantón o sector asignado"),
)
describir_permiso("actores.exportar", _("pertenecer al equipo del programa (cualquier rol)"))
describir_permiso("actores.exportar_datos_personales", _("el rol de Coordinación"))
describir_permiso("actores.fusionar", _("el rol de Coordinación"))

rules.add_perm("actores.asignar_territorios", es_coordinador)
describir_permiso("actores.asignar_territorios", _("el rol de Coordinación"))
