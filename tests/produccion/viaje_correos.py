# ruff: noqa: F821 (MAILDIR and enviar_como_beat are defined before this code runs)
"""A full journey that makes the portal send each kind of e-mail (run inside the stack's
`manage.py shell` by test_correos.py: the same services the portal's views call, and the beat
tasks sent as beat sends them). Each step waits for its messages in the SMTP sink's Maildir and
labels them, so `resultado` maps each kind of mail to the Maildir keys of its messages.

Set before running: MAILDIR (the sink's Maildir); como_beat.py's enviar_como_beat.
"""

import datetime
import os
import time

from django.contrib.auth import get_user_model
from django.utils import timezone

from actores.models import Actor
from comunicacion.models import Consulta, Suscripcion
from comunicacion.services import consulta as servicios_consulta
from comunicacion.services import suscripciones as servicios_suscripciones
from comunicacion.tasks import enviar_resumen_suscripcion
from eventos import services as servicios_eventos
from eventos.models import Evento, Invitado
from mesas import services as servicios_mesas
from mesas.models import Mesa
from pactos.models import ContactoResponsable, RecordatorioCompromiso
from pactos.services.pactos import compromisos_para_recordar
from sie.models import Parroquia

NUEVOS = os.path.join(MAILDIR, "new")
usuarios = get_user_model().objects
coordinadora = usuarios.get(username="coordinadora")
facilitador = usuarios.get(username="facilitador")
resultado = {}
faltan = {}


def claves():
    return set(os.listdir(NUEVOS)) if os.path.isdir(NUEVOS) else set()


def paso(nombre, accion, minimo=1, limite=30.0):
    """Run accion(), then wait until at least `minimo` new messages arrived and no more come."""
    antes = claves()
    try:
        accion()
    except Exception as exc:  # the step's error is what the test reports
        faltan[nombre] = f"{type(exc).__name__}: {exc}"
        resultado[nombre] = []
        return
    fin = time.monotonic() + limite
    nuevas, estable_desde = set(), time.monotonic()
    while time.monotonic() < fin:
        ahora = claves() - antes
        if ahora != nuevas:
            nuevas, estable_desde = ahora, time.monotonic()
        elif len(nuevas) >= minimo and time.monotonic() - estable_desde > 2:
            break
        time.sleep(0.3)
    resultado[nombre] = sorted(nuevas)
    if len(nuevas) < minimo:
        faltan[nombre] = f"{len(nuevas)} de al menos {minimo} en {limite:.0f} s"


# 1. A table convocation (invitation with the RSVP link and the .ics), for tomorrow at 10:00.
mesa = Mesa.objects.filter(estado=Mesa.Estado.ACTIVA).order_by("pk").first()
manana = timezone.localdate() + datetime.timedelta(days=1)
inicio = timezone.make_aware(datetime.datetime.combine(manana, datetime.time(10, 0)))
sesion = servicios_mesas.sesion_crear(
    mesa=mesa,
    inicio=inicio,
    fin=inicio + datetime.timedelta(hours=2),
    parroquia=Parroquia.objects.filter(canton=mesa.canton_id).first() or Parroquia.objects.first(),
    lugar="Casa comunal",
    objetivo="Sesión de la prueba de producción",
    usuario=facilitador,
)
convocados = list(mesa.miembros.exclude(email="").order_by("pk")[:2]) or list(
    Actor.objects.exclude(email="").order_by("pk")[:2]
)
paso(
    "convocatoria_mesa",
    lambda: servicios_mesas.convocatoria_enviar(
        sesion=sesion, actores=convocados, usuario=facilitador
    ),
    minimo=len(convocados),
)

# 2. The day-before reminder of that session, as beat sends it (mesas-recordatorios-del-dia-anterior).
paso(
    "recordatorio_mesa",
    lambda: enviar_como_beat("mesas-recordatorios-del-dia-anterior"),
    minimo=len(convocados),
)

# 3. An event invitation; a reminder round; then the guest confirms: the confirmation with its QR.
evento = (
    Evento.objects.filter(
        estado__in=[Evento.Estado.PLANIFICACION, Evento.Estado.INVITACIONES],
        inicio__gt=timezone.now(),
    )
    .order_by("inicio")
    .first()
)
invitados = [
    servicios_eventos.invitado_agregar(
        evento=evento,
        usuario=coordinadora,
        datos={"nombre": nombre, "email": correo, "organizacion": "Prueba de producción"},
    )
    for nombre, correo in (
        ("Invitada Producción", "invitada.produccion@example.org"),
        ("Invitado Recordatorio", "invitado.recordatorio@example.org"),
    )
]
paso(
    "invitacion_evento",
    lambda: servicios_eventos.invitaciones_enviar(evento=evento, usuario=coordinadora),
    minimo=2,
)
paso(
    "recordatorio_evento",
    lambda: servicios_eventos.recordatorio_crear(evento=evento, usuario=coordinadora),
)
# The venue is made larger when it is full, so that the answer confirms (with the QR code).
confirmados = evento.invitados.filter(estado=Invitado.Estado.CONFIRMADO).count()
if evento.capacidad and confirmados >= evento.capacidad:
    Evento.objects.filter(pk=evento.pk).update(capacidad=confirmados + 10)
paso(
    "confirmacion_evento",
    lambda: servicios_eventos.invitacion_responder(
        invitado=Invitado.objects.get(pk=invitados[0].pk), asiste=True
    ),
)

# 4. A comment on the open consultation, by someone without an account: its confirmation link.
consulta = next(c for c in Consulta.objects.order_by("pk") if c.acepta_comentarios)
paso(
    "confirmacion_comentario",
    lambda: servicios_consulta.comentario_recibir(
        consulta=consulta,
        datos={
            "tipo": "apoyo",
            "texto": "Comentario de la prueba de producción.",
            "nombre": "Vecina de Cayambe",
            "email": "vecina.comentario@example.org",
        },
    ),
)

# 5. A subscription request (confirmation link), then a digest once it is confirmed.
paso(
    "confirmacion_suscripcion",
    lambda: servicios_suscripciones.suscripcion_solicitar(
        email="suscriptora.produccion@example.org", tipo=Suscripcion.Tipo.NOTICIAS
    ),
)
suscripcion = Suscripcion.objects.get(email="suscriptora.produccion@example.org")
servicios_suscripciones.suscripcion_confirmar(
    token=servicios_suscripciones.url_confirmar(suscripcion=suscripcion)
    .rstrip("/")
    .rsplit("/", 1)[-1]
)
# Subscribed a year ago: every news item published since then is new to her.
Suscripcion.objects.filter(pk=suscripcion.pk).update(
    confirmada_en=timezone.now() - datetime.timedelta(days=365)
)
paso("resumen_suscripcion", lambda: enviar_resumen_suscripcion.delay(suscripcion.pk))

# 6. A commitment reminder to the lead's contact person (recordar-compromisos, as beat sends it).
compromiso = compromisos_para_recordar(hoy=timezone.localdate()).order_by("pk").first()
contacto, _ = usuarios.get_or_create(
    username="contacto.produccion",
    defaults={"email": "contacto.compromisos@example.org", "first_name": "Contacto"},
)
ContactoResponsable.objects.get_or_create(usuario=contacto, actor_id=compromiso.lider_id)
# A reminder round that ran before with nobody to write to does not count as sent this month.
RecordatorioCompromiso.objects.filter(compromiso=compromiso, destinatarios=0).delete()
paso("recordatorio_compromiso", lambda: enviar_como_beat("recordar-compromisos"))

# 7. The weekly roadmap summary to the programme's staff (beat).
paso("resumen_hoja_de_ruta", lambda: enviar_como_beat("pactos-resumen-semanal-hoja-de-ruta"))

resultado = {"correos": resultado, "faltan": faltan}
