"""Who may do what in Comunicación: the Comunicación and Coordinación roles manage everything."""

import rules
from django.utils.translation import gettext_lazy as _

from core.permisos import describir_permiso
from core.rules import es_comunicador, es_coordinador, es_personal

comunica = es_comunicador | es_coordinador

PERMISOS = {
    "comunicacion.gestionar_noticias": (comunica, _("el rol de Comunicación o de Coordinación")),
    "comunicacion.ver_mensajes": (comunica, _("el rol de Comunicación o de Coordinación")),
    "comunicacion.responder_mensaje": (comunica, _("el rol de Comunicación o de Coordinación")),
    "comunicacion.asignar_mensaje": (comunica, _("el rol de Comunicación o de Coordinación")),
    # "Preguntó, respondimos": the public version of an answer is published only once approved.
    "comunicacion.aprobar_publicacion": (
        comunica,
        _("el rol de Comunicación o de Coordinación"),
    ),
    "comunicacion.ver_suscripciones": (comunica, _("el rol de Comunicación o de Coordinación")),
    "comunicacion.ver_plan": (es_personal, _("pertenecer al equipo del programa")),
    "comunicacion.gestionar_plan": (comunica, _("el rol de Comunicación o de Coordinación")),
    # Public consultation: a coordinator opens and closes it; Comunicación moderates and answers.
    "comunicacion.abrir_consulta": (es_coordinador, _("el rol de Coordinación")),
    "comunicacion.moderar_consulta": (comunica, _("el rol de Comunicación o de Coordinación")),
    "comunicacion.responder_consulta": (comunica, _("el rol de Comunicación o de Coordinación")),
    "comunicacion.ver_informe_consulta": (es_personal, _("pertenecer al equipo del programa")),
}

for _nombre, (_regla, _texto) in PERMISOS.items():
    rules.add_perm(_nombre, _regla)
    describir_permiso(_nombre, _texto)
