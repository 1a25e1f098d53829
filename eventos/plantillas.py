"""The logistics templates of events: the launch checklist of the programme's founding document
(for launch and socialization events) and a short list for any other event.

Each item: (categoria, titulo, dias antes del evento, detalle). The launch's first block follows
the roadmap's launch steps; the second the logistics a launch needs.
"""

from django.utils.translation import gettext_lazy as _

PLANTILLA_LANZAMIENTO = [
    ("organizacion", _("Conformar el grupo de trabajo del lanzamiento"), 45, ""),
    ("organizacion", _("Definir la agenda del lanzamiento"), 40, ""),
    ("prensa", _("Definir la estrategia de comunicación del lanzamiento"), 35, ""),
    ("organizacion", _("Confirmar a los expositores"), 30, ""),
    ("organizacion", _("Elaborar la lista de invitados y entregar las invitaciones"), 21, ""),
    ("organizacion", _("Acordar la institución encargada de la organización"), 40, ""),
    ("lugar", _("Reservar el local y confirmar el aforo"), 30, ""),
    ("sonido", _("Contratar sonido, proyección y transmisión"), 14, ""),
    ("alimentacion", _("Contratar el refrigerio"), 10, ""),
    ("transporte", _("Organizar el transporte de invitados de los cantones"), 7, ""),
    (
        "accesibilidad",
        _("Verificar accesibilidad: rampas, baños, intérprete de lengua de señas"),
        10,
        "",
    ),
    ("materiales", _("Imprimir programa, credenciales y material informativo"), 5, ""),
    ("prensa", _("Convocar a la prensa y preparar el boletín"), 3, ""),
    ("presupuesto", _("Aprobar el presupuesto del evento"), 30, ""),
    ("organizacion", _("Realizar el lanzamiento"), 0, ""),
    ("organizacion", _("Sistematizar el evento"), -7, ""),
]

# Any other event (a workshop, a fair, a visit): what every event needs, nothing a launch-sized
# event needs only (press conference, transport from the cantons, budget approval).
PLANTILLA_BASICA = [
    ("organizacion", _("Definir la agenda del evento"), 14, ""),
    ("lugar", _("Reservar el local y confirmar el aforo"), 14, ""),
    ("organizacion", _("Elaborar la lista de invitados y enviar las invitaciones"), 10, ""),
    ("materiales", _("Preparar materiales y la lista de asistencia"), 2, ""),
    ("organizacion", _("Realizar el evento"), 0, ""),
    ("organizacion", _("Sistematizar el evento"), -7, ""),
]


def plantilla_de(tipo: str) -> list:
    """The template of an event of this kind: the launch's for launch and socialization events,
    the short one for any other."""
    if tipo in ("lanzamiento", "socializacion"):
        return PLANTILLA_LANZAMIENTO
    return PLANTILLA_BASICA
