"""Demo events built through the services: the programme's launch (held and systematized) and the
socialization of results (planned, with invitations in every state). No e-mail is sent."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from actores.models import Actor
from core.demo_archivos import iniciales, retrato_demo
from sie.models import Canton, Parroquia

from . import services
from .models import Evento, Invitado, MiembroEquipo, Ponente, TareaLogistica

QUITO = ZoneInfo("America/Guayaquil")

LANZAMIENTO = "Lanzamiento del programa Pactos por Pichincha"
SOCIALIZACION = "Socialización de resultados de los Pactos por Pichincha"

PERSONAS_A_MANO = [
    ("Gabriela Simbaña", "Radio Pichincha Universal", "privado", "1701", "mujer"),
    ("Diego Cabascango", "Junta parroquial de Tupigachi", "publico", "1704", "hombre"),
    (
        "Verónica Lema",
        "Red de turismo comunitario del Chocó Andino",
        "comunitario",
        "1707",
        "mujer",
    ),
    ("Marco Tituaña", "Asociación de ganaderos de Machachi", "comunitario", "1703", "hombre"),
    ("Lucía Farinango", "Universidad Politécnica Salesiana", "academia", "1701", "mujer"),
    ("Andrés Pazmiño", "Cámara de Turismo de Pichincha", "privado", "1701", "hombre"),
    ("Sofía Quishpe", "Fundación Maquita", "ong", "1705", "mujer"),
    ("Hernán Cacuango", "Confederación del Pueblo Kayambi", "comunitario", "1702", "hombre"),
    ("Paola Andrade", "Expoflores", "privado", "1702", "mujer"),
    ("Fernando Yánez", "GAD Municipal de Puerto Quito", "publico", "1709", "hombre"),
    ("María José Tapia", "Agencia de cooperación alemana GIZ", "cooperacion", "1701", "mujer"),
    ("Rubén Chicaiza", "Junta de riego El Pisque", "comunitario", "1702", "otro"),
]

PONENTES = [
    (
        "Autoridad provincial de Pichincha",
        "Prefectura",
        "Gobierno Provincial de Pichincha",
        "Presenta el programa y el compromiso del Gobierno Provincial con el desarrollo productivo.",
    ),
    (
        "Carolina Játiva",
        "Coordinadora del programa",
        "Gobierno Provincial de Pichincha",
        "Economista, coordina la hoja de ruta de los pactos de turismo y agropecuario.",
    ),
    (
        "Esteban Montalvo",
        "Investigador en desarrollo territorial",
        "Universidad Central del Ecuador",
        "Estudia cadenas de valor agropecuarias de la Sierra norte.",
    ),
    (
        "Daniela Andrade",
        "Comunicación del programa",
        "Gobierno Provincial de Pichincha",
        "Periodista; modera los diálogos del programa.",
    ),
]


def _fecha(anio, mes, dia, hora, minuto=0) -> datetime:
    return datetime(anio, mes, dia, hora, minuto, tzinfo=QUITO)


def _invitados_del_mapa(evento, usuario, cuantos: int, personas=PERSONAS_A_MANO) -> None:
    actores = list(
        Actor.objects.filter(activo=True)
        .select_related("canton")
        .order_by("-influencia", "pk")[:cuantos]
    )
    services.invitados_agregar_desde_actores(evento=evento, actores=actores, usuario=usuario)
    _a_mano(evento, usuario, personas)


def _a_mano(evento, usuario, personas) -> None:
    cantones = {c.codigo: c for c in Canton.objects.all()}
    for nombre, organizacion, tipo, canton, genero in personas:
        if evento.invitados.filter(nombre=nombre).exists():
            continue
        correo = nombre.lower().replace(" ", ".").translate(str.maketrans("áéíóúñ", "aeioun"))
        services.invitado_agregar(
            evento=evento,
            usuario=usuario,
            datos={
                "nombre": nombre,
                "organizacion": organizacion,
                "email": f"{correo}@demo.example.org",
                "tipo_actor": tipo,
                "canton": cantones.get(canton),
                "genero": genero,
            },
        )


def _foto(evento, nombre: str):
    """A drawn portrait with the speaker's initials: the demo's public pages show real uploads."""
    return retrato_demo(f"{evento.slug[:30]}-{slugify(nombre)[:40]}.png", iniciales(nombre))


def _fotos_que_faltan(usuario) -> None:
    """Events loaded before the demo had pictures get their speakers' portraits."""
    for ponente in Ponente.objects.filter(
        evento__titulo__in=[LANZAMIENTO, SOCIALIZACION], foto=""
    ).select_related("evento"):
        services.ponente_guardar(
            evento=ponente.evento,
            usuario=usuario,
            ponente=ponente,
            datos={"foto": _foto(ponente.evento, ponente.nombre)},
        )


def _programa(evento, usuario, bloques) -> None:
    ponentes = [
        services.ponente_guardar(
            evento=evento,
            usuario=usuario,
            datos={
                "nombre": n,
                "cargo": c,
                "organizacion": o,
                "bio": b,
                "orden": i,
                "foto": _foto(evento, n),
            },
        )
        for i, (n, c, o, b) in enumerate(PONENTES)
    ]
    moderadora = ponentes[3]
    inicio = evento.inicio
    for minutos, titulo, quien in bloques:
        fin = inicio + timedelta(minutes=minutos)
        services.sesion_guardar(
            evento=evento,
            usuario=usuario,
            datos={"titulo": titulo, "inicio": inicio, "fin": fin},
            ponentes=[ponentes[i] for i in quien],
            moderadores=[moderadora] if quien else [],
        )
        inicio = fin


def _equipo(evento, usuarios) -> None:
    coordinadora = usuarios["coordinadora"]
    for clave, rol in [
        ("coordinadora", MiembroEquipo.Rol.RESPONSABLE),
        ("comunicacion", MiembroEquipo.Rol.COMUNICACION),
        ("facilitador", MiembroEquipo.Rol.ACREDITACION),
        ("analista", MiembroEquipo.Rol.SISTEMATIZACION),
    ]:
        if clave in usuarios:
            services.miembro_agregar(
                evento=evento, rol=rol, miembro=usuarios[clave], usuario=coordinadora
            )


def _lanzamiento(usuarios) -> Evento:
    coordinadora = usuarios["coordinadora"]
    parroquia = Parroquia.objects.get(canton__codigo="1701", nombre="San Antonio de Pichincha")
    ahora = timezone.now()
    # Planned in the future, as it was, then moved to its real date once held.
    evento = services.evento_crear(
        usuario=coordinadora,
        datos={
            "tipo": Evento.Tipo.LANZAMIENTO,
            "titulo": LANZAMIENTO,
            "resumen": "Presentación pública del programa, su hoja de ruta y las mesas de diálogo.",
            "descripcion": (
                "Autoridades, gobiernos locales, productores, operadores turísticos, academia y "
                "cooperación conocen el programa Pactos por Pichincha: sus objetivos, sus cinco "
                "productos y el camino para acordar los pactos de turismo y agropecuario."
            ),
            "inicio": ahora + timedelta(days=30),
            "fin": ahora + timedelta(days=30, hours=3, minutes=30),
            "modalidad": Evento.Modalidad.HIBRIDA,
            "lugar": "Auditorio de la Ciudad Mitad del Mundo",
            "parroquia": parroquia,
            "direccion": "Av. Manuel Córdova Galarza, km 13½",
            "enlace_virtual": "https://transmision.pichincha.gob.ec/lanzamiento",
            "institucion_organizadora": "Gobierno Provincial de Pichincha",
            "acceso": Evento.Acceso.INVITACION,
            "publicado": True,
            "capacidad": 120,
        },
        aliados=Actor.objects.filter(
            naturaleza=Actor.Naturaleza.ORGANIZACION, tipo__in=["academia", "cooperacion"]
        )[:3],
    )
    _equipo(evento, usuarios)
    _programa(
        evento,
        coordinadora,
        [
            (30, "Registro de participantes y café de bienvenida", []),
            (20, "Bienvenida e instalación del evento", [0]),
            (40, "Pactos por Pichincha: objetivos, productos y hoja de ruta", [1]),
            (40, "Turismo y agro en Pichincha: lo que dicen los datos", [2]),
            (60, "Diálogo con los actores: expectativas para las mesas", [1, 2]),
            (20, "Cierre y firma de la carta de intención", [0]),
        ],
    )
    _invitados_del_mapa(evento, coordinadora, 40)
    services.invitaciones_despachar(evento_id=evento.pk, enviar_correo=False)
    services.evento_cambiar_estado(
        evento=evento, estado=Evento.Estado.INVITACIONES, usuario=coordinadora
    )
    invitados = list(evento.invitados.filter(estado=Invitado.Estado.INVITADO).order_by("pk"))
    for i, invitado in enumerate(invitados):
        if i % 7 == 6:
            continue  # never answered
        services.invitacion_responder(invitado=invitado, asiste=i % 6 != 5, avisar=False)
    # The day of the launch.
    evento = services.evento_actualizar(
        evento=evento,
        usuario=coordinadora,
        datos={
            "inicio": _fecha(2026, 6, 18, 9, 30),
            "fin": _fecha(2026, 6, 18, 13, 0),
        },
    )
    confirmados = list(evento.invitados.filter(estado=Invitado.Estado.CONFIRMADO).order_by("pk"))
    facilitador = usuarios.get("facilitador", coordinadora)
    for i, invitado in enumerate(confirmados):
        if i % 5 != 4:
            services.asistencia_registrar(invitado=invitado, usuario=facilitador)
    cantones = {c.codigo: c for c in Canton.objects.all()}
    for nombre, organizacion, tipo, canton, genero in [
        ("Jorge Pilataxi", "Comuna de Tocachi", "comunitario", "1704", "hombre"),
        (
            "Irene Guachamín",
            "Asociación de mujeres queseras de Cayambe",
            "comunitario",
            "1702",
            "mujer",
        ),
        ("Patricio Ron", "Diario La Hora", "privado", "1701", "hombre"),
    ]:
        services.asistente_sin_invitacion_registrar(
            evento=evento,
            usuario=facilitador,
            datos={
                "nombre": nombre,
                "organizacion": organizacion,
                "tipo_actor": tipo,
                "canton": cantones[canton],
                "genero": genero,
            },
        )
    for tarea in evento.tareas.all():
        presupuesto = {
            "lugar": 800,
            "sonido": 650,
            "alimentacion": 1440,
            "transporte": 900,
            "accesibilidad": 250,
            "materiales": 380,
            "prensa": 200,
        }.get(tarea.categoria)
        services.tarea_guardar(
            evento=evento,
            usuario=coordinadora,
            tarea=tarea,
            datos={
                "estado": TareaLogistica.Estado.LISTA,
                "responsable": coordinadora,
                "presupuesto_usd": presupuesto,
            },
        )
    services.sistematizacion_guardar(
        evento=evento,
        usuario=coordinadora,
        datos={
            "resumen": (
                "El lanzamiento reunió a autoridades provinciales y cantonales, gobiernos "
                "parroquiales, organizaciones de productores, operadores de turismo, universidades "
                "y cooperación. Se presentaron los objetivos del programa, sus cinco productos y la "
                "hoja de ruta hacia los pactos de turismo (8 mesas cantonales) y agropecuario "
                "(5 mesas sectoriales)."
            ),
            "conclusiones": (
                "Los participantes respaldaron el enfoque de concertación y pidieron que las mesas "
                "sesionen en los territorios, con información del SIE disponible antes de cada "
                "sesión. Se destacó la necesidad de incluir a las organizaciones comunitarias y a "
                "las juntas de riego."
            ),
            "compromisos": (
                "Instalar las 8 mesas cantonales de turismo en los próximos dos meses\n"
                "Instalar las 5 mesas sectoriales agropecuarias\n"
                "Publicar el mapa de actores y el SIE en el portal\n"
                "Enviar a los participantes la memoria del lanzamiento"
            ),
            "cobertura_prensa": (
                "Diario La Hora — nota del 19 de junio de 2026\n"
                "Radio Pichincha Universal — entrevista a la coordinación del programa\n"
                "Transmisión en vivo por las redes del Gobierno Provincial"
            ),
        },
    )
    services.evento_cambiar_estado(
        evento=evento, estado=Evento.Estado.SISTEMATIZADO, usuario=coordinadora
    )
    return evento


def _socializacion(usuarios) -> Evento:
    coordinadora = usuarios["coordinadora"]
    # The Coliseo de Cayambe is in the urban parish Cayambe (INEC 170202), not a rural one.
    parroquia = Parroquia.objects.get(codigo="170202")
    inicio = timezone.localtime() + timedelta(days=21)
    inicio = inicio.replace(hour=9, minute=0, second=0, microsecond=0)
    evento = services.evento_crear(
        usuario=coordinadora,
        datos={
            "tipo": Evento.Tipo.SOCIALIZACION,
            "titulo": SOCIALIZACION,
            "resumen": (
                "Compartimos los resultados y avances de los pactos para corregir errores, sumar "
                "experiencias y fortalecer el proceso."
            ),
            "descripcion": (
                "Las mesas cantonales de turismo y las mesas sectoriales agropecuarias presentan "
                "sus acuerdos, prioridades y metas. Los participantes revisan los compromisos y "
                "proponen ajustes."
            ),
            "inicio": inicio,
            "fin": inicio + timedelta(hours=4),
            "modalidad": Evento.Modalidad.PRESENCIAL,
            "lugar": "Coliseo municipal de Cayambe",
            "parroquia": parroquia,
            "direccion": "Calle Rocafuerte y 10 de Agosto",
            "institucion_organizadora": "Gobierno Provincial de Pichincha",
            "acceso": Evento.Acceso.PUBLICO,
            "publicado": True,
            "capacidad": 14,
        },
    )
    _equipo(evento, usuarios)
    _programa(
        evento,
        coordinadora,
        [
            (30, "Registro y bienvenida", [0]),
            (60, "Resultados del pacto de turismo: las 8 mesas cantonales", [1]),
            (60, "Resultados del pacto agropecuario: las 5 mesas sectoriales", [2]),
            (60, "Trabajo en grupos: correcciones y nuevas experiencias", [1, 2]),
            (30, "Acuerdos para fortalecer el proceso y cierre", [0]),
        ],
    )
    services.logistica_aplicar_plantilla(evento=evento, usuario=coordinadora)
    _invitados_del_mapa(evento, coordinadora, 22, personas=PERSONAS_A_MANO[:-3])
    services.invitaciones_despachar(evento_id=evento.pk, enviar_correo=False)
    # Added afterwards: still on the list without an invitation.
    _a_mano(evento, coordinadora, PERSONAS_A_MANO[-3:])
    evento.refresh_from_db()
    services.evento_cambiar_estado(
        evento=evento, estado=Evento.Estado.INVITACIONES, usuario=coordinadora
    )
    invitados = list(evento.invitados.filter(estado=Invitado.Estado.INVITADO).order_by("pk"))
    for i, invitado in enumerate(invitados):
        if i % 4 == 3:
            continue  # no answer yet
        services.invitacion_responder(invitado=invitado, asiste=i % 8 != 5, avisar=False)
    hechas = list(evento.tareas.order_by("orden")[:8])
    for tarea in hechas:
        services.tarea_guardar(
            evento=evento,
            usuario=coordinadora,
            tarea=tarea,
            datos={"estado": TareaLogistica.Estado.LISTA, "responsable": coordinadora},
        )
    return evento


def cargar_demo(*, usuarios: dict, salida=None) -> str:
    creados = []
    if not Evento.objects.filter(titulo=LANZAMIENTO).exists():
        with transaction.atomic():
            creados.append(_lanzamiento(usuarios))
    if not Evento.objects.filter(titulo=SOCIALIZACION).exists():
        with transaction.atomic():
            creados.append(_socializacion(usuarios))
    if not creados:
        _fotos_que_faltan(usuarios["coordinadora"])
        return "ya estaban cargados"
    for evento in creados:
        evento.refresh_from_db()
    return ", ".join(f"{e.titulo} ({e.get_estado_display()})" for e in creados)
