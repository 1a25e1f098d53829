"""Who may do what with the roadmap.

| rule                              | coordinación | owner of the activity | other staff | public |
| pactos.ver_hoja_de_ruta           | yes          | yes                   | yes         | no     |
| pactos.editar_hoja_de_ruta        | yes          | no                    | no          | no     |
| pactos.actualizar_actividad (obj) | yes          | yes (their own)       | no          | no     |
| pactos.generar_informe            | yes          | no                    | no          | no     |
| pactos.ver_informes               | yes          | yes                   | yes         | no     |
"""

import rules

from core.permisos import describir_permiso
from core.rules import es_coordinador, es_personal


@rules.predicate
def es_responsable_de_actividad(user, actividad) -> bool:
    return (
        actividad is not None
        and getattr(user, "is_authenticated", False)
        and actividad.responsable_id == user.pk
    )


rules.add_perm("pactos.ver_hoja_de_ruta", es_personal)
rules.add_perm("pactos.editar_hoja_de_ruta", es_coordinador)
rules.add_perm(
    "pactos.actualizar_actividad", es_coordinador | (es_personal & es_responsable_de_actividad)
)
rules.add_perm("pactos.generar_informe", es_coordinador)
rules.add_perm("pactos.ver_informes", es_personal)

describir_permiso("pactos.ver_hoja_de_ruta", "pertenecer al equipo del programa (cualquier rol)")
describir_permiso("pactos.editar_hoja_de_ruta", "el rol de Coordinación")
describir_permiso(
    "pactos.actualizar_actividad",
    "ser responsable de esta actividad o tener el rol de Coordinación",
)
describir_permiso("pactos.generar_informe", "el rol de Coordinación")
describir_permiso("pactos.ver_informes", "pertenecer al equipo del programa (cualquier rol)")
