"""The roadmap of the programme's founding document: loaded on every install by a data migration.

Each activity: (codigo, bloque, nombre, es_hito, productos, dependencias). Products are the
numbers of the five products (1 approach and roadmap, 2 concertation, 3 communication, 4 SIE,
5 public events). Dates are left empty: coordinators set them.
"""

PRODUCTOS = [
    (
        1,
        "enfoque",
        "Enfoque conceptual, metodología, hoja de ruta y plan de trabajo",
        "El enfoque conceptual, la metodología, la hoja de ruta y el plan de trabajo del programa.",
    ),
    (
        2,
        "concertacion",
        "Dos procesos de concertación (turismo y agropecuario)",
        "8 mesas cantonales de turismo y 5 mesas sectoriales agropecuarias que acuerdan los pactos.",
    ),
    (
        3,
        "comunicacion",
        "Estrategia de comunicación de doble vía",
        "Publicar, escuchar y responder a la ciudadanía y a los actores.",
    ),
    (
        4,
        "sie",
        "Sistema de Información Estratégica (SIE)",
        "Información provincial para el desarrollo productivo: indicadores por cantón y sector.",
    ),
    (
        5,
        "eventos",
        "Eventos públicos de difusión del programa",
        "Compartir el alcance y los resultados con líderes políticos, sociales y expertos.",
    ),
]

BLOQUES = ["lanzamiento", "pactos", "instrumentos", "socializacion"]

ACTIVIDADES = [
    # Evento de lanzamiento
    (
        "lanzamiento-grupo-trabajo",
        "lanzamiento",
        "Conformar el grupo de trabajo",
        False,
        [1, 5],
        [],
    ),
    (
        "lanzamiento-agenda",
        "lanzamiento",
        "Definir la agenda del lanzamiento",
        False,
        [5],
        ["lanzamiento-grupo-trabajo"],
    ),
    (
        "lanzamiento-comunicacion",
        "lanzamiento",
        "Definir la estrategia de comunicación del lanzamiento",
        False,
        [3, 5],
        ["lanzamiento-grupo-trabajo"],
    ),
    (
        "lanzamiento-expositores",
        "lanzamiento",
        "Confirmar a los expositores",
        False,
        [5],
        ["lanzamiento-agenda"],
    ),
    (
        "lanzamiento-invitados",
        "lanzamiento",
        "Lista de invitados y entrega de invitaciones",
        False,
        [5],
        ["lanzamiento-agenda"],
    ),
    (
        "lanzamiento-institucion",
        "lanzamiento",
        "Definir la institución encargada de organizar",
        False,
        [5],
        ["lanzamiento-grupo-trabajo"],
    ),
    (
        "lanzamiento-logistica",
        "lanzamiento",
        "Logística del lanzamiento",
        False,
        [5],
        ["lanzamiento-institucion"],
    ),
    (
        "lanzamiento-evento",
        "lanzamiento",
        "Evento de lanzamiento",
        True,
        [5],
        [
            "lanzamiento-expositores",
            "lanzamiento-invitados",
            "lanzamiento-logistica",
            "lanzamiento-comunicacion",
        ],
    ),
    (
        "lanzamiento-sistematizacion",
        "lanzamiento",
        "Sistematización del evento",
        False,
        [1, 5],
        ["lanzamiento-evento"],
    ),
    # Pactos
    ("pactos-diseno-metodologico", "pactos", "Diseño metodológico", True, [1, 2], []),
    (
        "pactos-convocatoria",
        "pactos",
        "Convocatoria y acercamiento a los actores",
        False,
        [2],
        ["pactos-diseno-metodologico", "instrumentos-mapeo-actores"],
    ),
    (
        "pactos-organizacion-mesas",
        "pactos",
        "Organización de las mesas",
        False,
        [2],
        ["pactos-convocatoria"],
    ),
    (
        "pactos-mesas-turismo",
        "pactos",
        "8 mesas cantonales que acuerdan una estrategia provincial de turismo",
        True,
        [2],
        ["pactos-organizacion-mesas"],
    ),
    (
        "pactos-mesas-agropecuarias",
        "pactos",
        "5 mesas sectoriales agropecuarias: articulación, prioridades, acuerdos y metas a futuro",
        True,
        [2],
        ["pactos-organizacion-mesas"],
    ),
    # Instrumentos de apoyo
    (
        "instrumentos-comunicacion",
        "instrumentos",
        "Estrategia de comunicación",
        True,
        [3],
        [],
    ),
    (
        "instrumentos-sistema-informacion",
        "instrumentos",
        "Diseño del sistema de información",
        True,
        [4],
        [],
    ),
    (
        "instrumentos-mapeo-actores",
        "instrumentos",
        "Mapeo de actores provinciales y cantonales",
        False,
        [1, 2],
        [],
    ),
    # Socialización
    (
        "socializacion-encuentro",
        "socializacion",
        "Encuentro de socialización de los resultados y avances de los pactos",
        True,
        [2, 5],
        ["pactos-mesas-turismo", "pactos-mesas-agropecuarias"],
    ),
]
