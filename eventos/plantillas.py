"""The launch checklist of the programme's founding document, the template for new launch events.

Each item: (categoria, titulo, dias antes del evento, detalle). The first block follows the
roadmap's launch steps; the second the logistics a launch needs.
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
