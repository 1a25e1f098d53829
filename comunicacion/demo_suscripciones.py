"""Demo of the messages workflow (one message in each state, one overdue) and of subscriptions
(confirmed, pending and cancelled). Messages go through the services without e-mail; the
fictitious subscribers are written directly, so no confirmation e-mail is ever sent."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from pactos.selectors.pactos import pactos_publicados
from sie.models import Canton, Eje

from . import services
from .models import Mensaje, Suscripcion

MENSAJES_FLUJO = [
    {
        "estado": "nuevo",
        "dias": 1,
        "tipo": "pregunta",
        "tema": "eventos",
        "nombre": "Carmen Tipán",
        "email": "carmen.tipan@example.org",
        "canton": "1703",
        "asunto": "¿Habrá transporte al encuentro de Machachi?",
        "texto": "Somos de una comunidad alejada de Aloasí. ¿El programa organiza transporte "
        "para el encuentro provincial?",
    },
    {
        "estado": "nuevo",
        "dias": 26,
        "tipo": "queja",
        "tema": "turismo",
        "nombre": "Patricio Vinueza",
        "email": "patricio.vinueza@example.org",
        "canton": "1707",
        "asunto": "No nos invitaron a la mesa de turismo de Los Bancos",
        "texto": "Nuestra operadora de turismo de aventura no recibió la invitación a la "
        "segunda sesión de la mesa.",
    },
    {
        "estado": "asignado",
        "dias": 6,
        "tipo": "propuesta",
        "tema": "agropecuario",
        "nombre": "Lucía Farinango",
        "email": "lucia.farinango@example.org",
        "canton": "1702",
        "asunto": "Ferias de productores en Cayambe",
        "texto": "Proponemos una feria mensual de productores de leche y quesos en la plaza "
        "de Cayambe, con apoyo del Gobierno Provincial.",
        "nota": "Consultar a la mesa agropecuaria si entra en el borrador del pacto.",
    },
    {
        "estado": "cerrado",
        "dias": 20,
        "tipo": "pregunta",
        "tema": "portal",
        "nombre": "Diego Andrango",
        "email": "diego.andrango@example.org",
        "canton": "1701",
        "asunto": "¿Dónde descargo el acta de la sesión?",
        "texto": "No encuentro el acta de la sesión de la mesa de turismo del mes pasado.",
        "publicar": True,
        "respuesta": "Las actas publicadas están en la página de cada mesa, en la lista de "
        "sesiones. La de turismo ya está disponible en PDF.",
    },
    {
        "estado": "cerrado",
        "dias": 12,
        "tipo": "pregunta",
        "tema": "otro",
        "nombre": "Diego Andrango",
        "email": "diego.andrango@example.org",
        "canton": "1701",
        "asunto": "Acta de la sesión (repetido)",
        "texto": "No encuentro el acta de la sesión de turismo.",
        "motivo": "Duplicado: ya respondido en su mensaje anterior.",
    },
]

SUSCRIPCIONES = [
    # (e-mail, kind, canton code, axis code, confirmed days ago or None, cancelled)
    ("vecinos.cayambe@example.org", "canton", "1702", None, 20, False),
    ("turismo.noroccidente@example.org", "eje", None, "turismo", 15, False),
    ("prensa.local@example.org", "noticias", None, None, 30, False),
    ("pendiente.mejia@example.org", "canton", "1703", None, None, False),
    ("sin.confirmar@example.org", "noticias", None, None, None, False),
    ("antes.suscrita@example.org", "noticias", None, None, 40, True),
]


def _mensaje(datos: dict, usuario) -> None:
    mensaje = services.mensaje_recibir(
        datos={**datos, "canton": Canton.objects.get(codigo=datos["canton"])}
    )
    Mensaje.objects.filter(pk=mensaje.pk).update(
        recibido=timezone.now() - timedelta(days=datos["dias"])
    )
    mensaje.refresh_from_db()
    if datos["estado"] == "asignado":
        services.mensaje_asignar(mensaje=mensaje, usuario=usuario, asignado_a=usuario)
        services.mensaje_anotar(mensaje=mensaje, usuario=usuario, texto=datos["nota"])
    elif datos["estado"] == "cerrado":
        if datos.get("respuesta"):
            services.mensaje_responder(
                mensaje=mensaje, usuario=usuario, respuesta=datos["respuesta"], enviar=False
            )
        services.mensaje_cerrar(mensaje=mensaje, usuario=usuario, motivo=datos.get("motivo", ""))


def _suscripciones() -> int:
    ahora = timezone.now()
    creadas = 0
    for email, tipo, canton, eje, dias, baja in SUSCRIPCIONES:
        if Suscripcion.objects.filter(email=email).exists():
            continue
        Suscripcion.objects.create(
            email=email,
            tipo=tipo,
            canton=Canton.objects.get(codigo=canton) if canton else None,
            eje=Eje.objects.get(codigo=eje) if eje else None,
            confirmacion_enviada_en=ahora - timedelta(days=dias or 1),
            confirmada_en=ahora - timedelta(days=dias) if dias else None,
            baja_en=ahora - timedelta(days=2) if baja else None,
        )
        creadas += 1
    pacto = pactos_publicados().order_by("pk").first()
    if pacto and not Suscripcion.objects.filter(tipo="pacto", pacto=pacto).exists():
        Suscripcion.objects.create(
            email="veeduria.ciudadana@example.org",
            tipo="pacto",
            pacto=pacto,
            confirmada_en=ahora - timedelta(days=10),
        )
        creadas += 1
    return creadas


def cargar_demo_mensajes_y_suscripciones(*, comunicacion) -> str:
    hechos = 0
    for datos in MENSAJES_FLUJO:
        if Mensaje.objects.filter(email=datos["email"], asunto=datos["asunto"]).exists():
            continue
        with transaction.atomic():
            _mensaje(datos, comunicacion)
        hechos += 1
    suscripciones = _suscripciones()
    if not hechos and not suscripciones:
        return ""
    return f"{hechos} mensajes en curso o cerrados, {suscripciones} suscripciones"
