"""Demo content built through the services: four news items about the programme and two citizens'
messages already answered (no e-mail is sent to the fictitious senders)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify

from core.demo_archivos import TIERRA, VERDE, imagen_demo
from eventos.models import Evento
from mesas.models import Mesa
from pactos.models import Pacto
from sie.models import Canton, Eje

from . import services
from .models import AccionComunicacion, Mensaje, Noticia
from .services import publicacion

QUITO = ZoneInfo("America/Guayaquil")

NOTICIAS = [
    {
        "titulo": "Arranca Pactos por Pichincha: turismo y agro se sientan a la misma mesa",
        "resumen": "El Gobierno Provincial presentó el programa que reunirá a productores, "
        "operadores turísticos, gobiernos locales y academia para acordar pactos de desarrollo.",
        "cuerpo": "El programa **Pactos por Pichincha** se presentó en Quito ante autoridades "
        "cantonales, organizaciones comunitarias, gremios y universidades.\n\n"
        "Durante los próximos meses trabajará en dos ejes:\n\n"
        "- **Turismo**, con énfasis en el Chocó Andino, Mindo y la ruta de los volcanes.\n"
        "- **Agropecuario**, con las cadenas de leche, cacao, flores, frutas y papa.\n\n"
        "Cada eje tendrá sus mesas de diálogo y terminará en un pacto con compromisos "
        "verificables.",
        "ejes": ["turismo", "agropecuario"],
        "cantones": ["1701"],
        "evento": "Lanzamiento del programa Pactos por Pichincha",
        "dias": 40,
    },
    {
        "titulo": "Las mesas de turismo sesionan en el Chocó Andino",
        "resumen": "Operadores de turismo comunitario, juntas parroquiales y el GAD de San "
        "Miguel de Los Bancos priorizaron señalética, conectividad y promoción conjunta.",
        "cuerpo": "La mesa de turismo se reunió en **San Miguel de Los Bancos** con 34 "
        "participantes.\n\nLas prioridades acordadas fueron:\n\n"
        "1. Señalética turística bilingüe en las vías de acceso.\n"
        "2. Conectividad para los emprendimientos comunitarios.\n"
        "3. Una marca y un calendario de promoción compartidos.\n\n"
        "El acta de la sesión está publicada en la página de la mesa.",
        "ejes": ["turismo"],
        "cantones": ["1707", "1708"],
        "mesa_eje": "turismo",
        "dias": 25,
    },
    {
        "titulo": "Productores de leche de Mejía y Cayambe plantean sus prioridades",
        "resumen": "La mesa agropecuaria recogió propuestas sobre precio justo, centros de "
        "acopio y asistencia técnica para pequeños ganaderos.",
        "cuerpo": "En Machachi y Cayambe, las asociaciones de ganaderos expusieron la "
        "situación de la cadena láctea.\n\n> «Necesitamos centros de acopio cerca de las "
        "comunidades y asistencia técnica permanente», señaló un dirigente de Tupigachi.\n\n"
        "Las propuestas pasarán al borrador del pacto agropecuario.",
        "ejes": ["agropecuario"],
        "cantones": ["1702", "1703"],
        "mesa_eje": "agropecuario",
        "dias": 14,
    },
    {
        "titulo": "El borrador del pacto de turismo, listo para la consulta",
        "resumen": "El texto recoge los compromisos de las mesas: quién hace qué, con qué "
        "plazo y cómo se verificará su cumplimiento.",
        "cuerpo": "El borrador del **pacto de turismo** reúne los compromisos acordados en "
        "las mesas. Cada compromiso tiene un responsable, un plazo y un indicador de "
        "cumplimiento.\n\nEl equipo del programa recibirá observaciones antes de la firma. "
        "Puede escribirnos desde la página *Escríbanos* del portal.",
        "ejes": ["turismo"],
        "cantones": ["1707", "1709"],
        "pacto_eje": "turismo",
        "dias": 3,
    },
]

MENSAJES = [
    {
        "nombre": "Rosa Guamán",
        "email": "rosa.guaman@example.org",
        "canton": "1709",
        "asunto": "¿Cómo participa mi asociación en la mesa de turismo?",
        "texto": "Somos una asociación de turismo comunitario de Puerto Quito. "
        "Queremos participar en las mesas. ¿Qué debemos hacer?",
        "publicar": True,
        "respuesta": "Gracias por escribirnos. Las mesas de turismo están abiertas a las "
        "organizaciones del territorio: el facilitador del cantón se pondrá en contacto con "
        "ustedes para invitarles a la próxima sesión.",
    },
    {
        "nombre": "Jorge Morales",
        "email": "jorge.morales@example.org",
        "canton": "1702",
        "asunto": "Propuesta sobre centros de acopio",
        "texto": "Propongo que el pacto agropecuario incluya un centro de acopio de leche "
        "en la parroquia de Olmedo.",
        "respuesta": "Su propuesta fue remitida a la mesa agropecuaria, que la analizará en "
        "su próxima sesión. Le informaremos del resultado.",
    },
]


def _imagen(datos: dict) -> dict:
    """A drawn banner for the item, so the demo's public pages carry a real upload."""
    lema = "Pactos por Pichincha · " + ("turismo" if "turismo" in datos["ejes"] else "agro")
    color = VERDE if "turismo" in datos["ejes"] else TIERRA
    return {
        "imagen": imagen_demo(f"{slugify(datos['titulo'])[:50]}.png", lema, color),
        "imagen_alt": f"Cartel del programa con el lema «{lema}»",
    }


def _noticia(datos: dict, usuario) -> Noticia:
    extra = {}
    if datos.get("evento"):
        extra["evento"] = Evento.objects.filter(titulo=datos["evento"]).first()
    if datos.get("mesa_eje"):
        extra["mesa"] = Mesa.objects.filter(tipo=datos["mesa_eje"]).order_by("pk").first()
    if datos.get("pacto_eje"):
        extra["pacto"] = Pacto.objects.filter(eje__codigo=datos["pacto_eje"]).first()
    noticia = services.noticia_crear(
        usuario=usuario,
        datos={
            "titulo": datos["titulo"],
            "resumen": datos["resumen"],
            "cuerpo": datos["cuerpo"],
            **_imagen(datos),
            "ejes": list(Eje.objects.filter(codigo__in=datos["ejes"])),
            "cantones": list(Canton.objects.filter(codigo__in=datos["cantones"])),
            **extra,
        },
    )
    hoy = datetime.now(QUITO).replace(hour=9, minute=30, second=0, microsecond=0)
    return services.noticia_publicar(
        noticia=noticia, usuario=usuario, cuando=hoy - timedelta(days=datos["dias"])
    )


# (days from today, title, audience, channel, state, linked event title or None)
ACCIONES = [
    (-45, "Rueda de prensa de lanzamiento del programa", "medios", "prensa", "realizada",
     "Lanzamiento del programa Pactos por Pichincha"),
    (-30, "Cuñas radiales sobre las mesas de turismo en el noroccidente", "ciudadania", "radio",
     "realizada", None),
    (-20, "Asamblea informativa con juntas parroquiales de Cayambe", "actores", "asamblea",
     "realizada", None),
    (-7, "Boletín por correo a los actores de las mesas", "actores", "correo", "realizada", None),
    (10, "Campaña en redes: qué propone el borrador del pacto de turismo", "ciudadania", "redes",
     "planificada", None),
    (25, "Convocatoria a la socialización de resultados", "autoridades", "correo", "planificada",
     "Socialización de resultados de los Pactos por Pichincha"),
]  # fmt: skip


def _acciones(usuario) -> int:
    from django.utils import timezone

    hoy = timezone.localdate()
    creadas = 0
    for dias, titulo, audiencia, canal, estado, evento in ACCIONES:
        if AccionComunicacion.objects.filter(titulo=titulo).exists():
            continue
        services.accion_guardar(
            usuario=usuario,
            datos={
                "titulo": titulo,
                "fecha": hoy + timedelta(days=dias),
                "audiencia": audiencia,
                "canal": canal,
                "estado": estado,
                "evento": Evento.objects.filter(titulo=evento).first() if evento else None,
            },
        )
        creadas += 1
    return creadas


def cargar_demo(*, usuarios: dict, salida=None) -> str:
    comunicacion = usuarios.get("comunicacion") or usuarios.get("coordinadora")
    hechas = []
    for datos in NOTICIAS:
        if not Noticia.objects.filter(titulo=datos["titulo"]).exists():
            with transaction.atomic():
                hechas.append(_noticia(datos, comunicacion))
        else:  # loaded before the demo had pictures
            for noticia in Noticia.objects.filter(titulo=datos["titulo"], imagen=""):
                services.noticia_editar(noticia=noticia, usuario=comunicacion, datos=_imagen(datos))
    respondidos = 0
    for datos in MENSAJES:
        if Mensaje.objects.filter(email=datos["email"], asunto=datos["asunto"]).exists():
            continue
        with transaction.atomic():
            mensaje = services.mensaje_recibir(
                datos={**datos, "canton": Canton.objects.get(codigo=datos["canton"])}
            )
            services.mensaje_responder(
                mensaje=mensaje, usuario=comunicacion, respuesta=datos["respuesta"], enviar=False
            )
            if mensaje.publicar:  # its public version, reviewed and approved by the team
                publicacion.mensaje_publicacion_guardar(
                    mensaje=mensaje,
                    usuario=comunicacion,
                    pregunta_publica=publicacion.propuesta_publica(
                        mensaje.texto, nombre=mensaje.nombre
                    ),
                    respuesta_publica=publicacion.propuesta_publica(
                        datos["respuesta"], nombre=mensaje.nombre
                    ),
                    aprobar=True,
                )
            respondidos += 1
    acciones = _acciones(comunicacion)
    from .demo_consulta import cargar_demo_consulta

    consulta = cargar_demo_consulta(
        coordinadora=usuarios.get("coordinadora"), comunicacion=comunicacion
    )
    from .demo_suscripciones import cargar_demo_mensajes_y_suscripciones

    flujo = cargar_demo_mensajes_y_suscripciones(comunicacion=comunicacion)
    if not hechas and not respondidos and not acciones and not consulta and not flujo:
        return "ya estaban cargados"
    return (
        f"{len(hechas)} noticias publicadas, {respondidos} mensajes respondidos, "
        f"{acciones} acciones del plan"
        + (f"; {consulta}" if consulta else "")
        + (f"; {flujo}" if flujo else "")
    )
