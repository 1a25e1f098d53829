"""Comunicación: news of the programme and citizens' messages answered by staff."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..markdown import markdown_seguro


def sumar_dias_habiles(desde, dias: int):
    """The date `dias` working days (Monday to Friday; holidays not counted) after `desde`."""
    from datetime import timedelta

    fecha = desde
    while dias > 0:
        fecha += timedelta(days=1)
        if fecha.weekday() < 5:
            dias -= 1
    return fecha


class NoticiaQuerySet(models.QuerySet):
    def publicas(self):
        """Published news whose publication date has arrived: the only ones the public sees."""
        return self.filter(estado=Noticia.Estado.PUBLICADA, publicada_en__lte=timezone.now())


class Noticia(models.Model):
    class Estado(models.TextChoices):
        BORRADOR = "borrador", _("Borrador")
        PUBLICADA = "publicada", _("Publicada")

    titulo = models.CharField(_("título"), max_length=200)
    slug = models.SlugField(_("dirección web"), max_length=220, unique=True)
    resumen = models.CharField(_("resumen"), max_length=400)
    cuerpo = models.TextField(
        _("texto"),
        help_text=_("En Markdown: **negrita**, *cursiva*, listas con «-», [enlaces](https://…)."),
    )
    imagen = models.ImageField(_("imagen"), upload_to="comunicacion/noticias/", blank=True)
    imagen_alt = models.CharField(
        _("texto alternativo de la imagen"),
        max_length=250,
        blank=True,
        help_text=_("Describe la imagen para quien no puede verla."),
    )
    ejes = models.ManyToManyField("sie.Eje", verbose_name=_("ejes"), blank=True)
    cantones = models.ManyToManyField("sie.Canton", verbose_name=_("cantones"), blank=True)
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.BORRADOR
    )
    publicada_en = models.DateTimeField(_("fecha de publicación"), null=True, blank=True)
    mesa = models.ForeignKey(
        "mesas.Mesa", verbose_name=_("mesa"), null=True, blank=True, on_delete=models.SET_NULL
    )
    pacto = models.ForeignKey(
        "pactos.Pacto", verbose_name=_("pacto"), null=True, blank=True, on_delete=models.SET_NULL
    )
    evento = models.ForeignKey(
        "eventos.Evento",
        verbose_name=_("evento"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    autor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="noticias",
    )
    creada = models.DateTimeField(_("creada"), auto_now_add=True)
    actualizada = models.DateTimeField(_("actualizada"), auto_now=True)

    objects = NoticiaQuerySet.as_manager()

    class Meta:
        verbose_name = _("noticia")
        verbose_name_plural = _("noticias")
        ordering = ["-publicada_en", "-creada"]
        constraints = [
            models.CheckConstraint(
                condition=Q(imagen="") | ~Q(imagen_alt=""),
                name="noticia_imagen_con_texto_alternativo",
            ),
            models.CheckConstraint(
                condition=Q(estado="borrador") | Q(publicada_en__isnull=False),
                name="noticia_publicada_con_fecha",
            ),
        ]
        indexes = [models.Index(fields=["estado", "publicada_en"], name="noticia_estado_fecha_idx")]

    def __str__(self) -> str:
        return self.titulo

    def get_absolute_url(self) -> str:
        return reverse("comunicacion:noticia", kwargs={"slug": self.slug})

    @property
    def cuerpo_html(self) -> str:
        return markdown_seguro(self.cuerpo)

    @property
    def es_publica(self) -> bool:
        return (
            self.estado == self.Estado.PUBLICADA
            and self.publicada_en is not None
            and self.publicada_en <= timezone.now()
        )


def nuevo_codigo_seguimiento() -> str:
    """An unguessable tracking code: 16 symbols of Crockford's base32 (80 bits), in groups of 4."""
    import secrets

    simbolos = "".join(secrets.choice(ALFABETO_CODIGO) for _ in range(16))
    return "-".join(simbolos[i : i + 4] for i in range(0, 16, 4))


# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is not mistaken.
ALFABETO_CODIGO = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def normalizar_codigo(texto: str) -> str:
    """What the visitor typed, as stored: upper case, confusable letters mapped, grouped by 4."""
    limpio = "".join(c for c in (texto or "").upper() if c.isalnum())
    limpio = limpio.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    if len(limpio) != 16 or any(c not in ALFABETO_CODIGO for c in limpio):
        return ""
    return "-".join(limpio[i : i + 4] for i in range(0, 16, 4))


class Mensaje(models.Model):
    """A citizen's message from the public contact form; staff assign, note and answer it."""

    class Estado(models.TextChoices):
        NUEVO = "nuevo", _("Sin asignar")
        ASIGNADO = "asignado", _("En curso")
        RESPONDIDO = "respondido", _("Respondido")
        CERRADO = "cerrado", _("Cerrado")

    class Tipo(models.TextChoices):
        PREGUNTA = "pregunta", _("Pregunta")
        PROPUESTA = "propuesta", _("Propuesta")
        QUEJA = "queja", _("Queja o reclamo")

    class Tema(models.TextChoices):
        TURISMO = "turismo", _("Turismo")
        AGROPECUARIO = "agropecuario", _("Agropecuario")
        MESAS = "mesas", _("Mesas de diálogo y pactos")
        EVENTOS = "eventos", _("Eventos")
        PORTAL = "portal", _("Este portal")
        OTRO = "otro", _("Otro tema")

    class Origen(models.TextChoices):
        WEB = "web", _("Formulario del portal")
        SMS = "sms", _("SMS")
        WHATSAPP = "whatsapp", _("WhatsApp")

    ABIERTOS = (Estado.NUEVO, Estado.ASIGNADO)

    codigo = models.CharField(
        _("código de seguimiento"),
        max_length=19,
        unique=True,
        null=True,
        editable=False,
        default=nuevo_codigo_seguimiento,
    )
    tipo = models.CharField(
        _("tipo de mensaje"), max_length=10, choices=Tipo.choices, default=Tipo.PREGUNTA
    )
    tema = models.CharField(_("tema"), max_length=12, choices=Tema.choices, default=Tema.OTRO)
    nombre = models.CharField(_("nombre"), max_length=120)
    # The contact form asks for an e-mail; a message that came by SMS or WhatsApp has the phone
    # instead, and its answer leaves the way it came (comunicacion/mensajes_texto.py).
    email = models.EmailField(_("correo electrónico"), blank=True)
    telefono = models.CharField(_("celular"), max_length=20, blank=True)
    origen = models.CharField(
        _("llegó por"), max_length=10, choices=Origen.choices, default=Origen.WEB
    )
    canton = models.ForeignKey(
        "sie.Canton", verbose_name=_("cantón"), null=True, blank=True, on_delete=models.SET_NULL
    )
    asunto = models.CharField(_("asunto"), max_length=150)
    texto = models.TextField(_("mensaje"), max_length=4000)
    publicar = models.BooleanField(
        _("acepto que la pregunta y su respuesta se publiquen sin mis datos personales"),
        default=False,
    )
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.NUEVO
    )
    recibido = models.DateTimeField(_("recibido"), auto_now_add=True)
    asignado_a = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asignado a"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mensajes_asignados",
    )
    plazo_fijado = models.DateField(
        _("plazo de respuesta"),
        null=True,
        blank=True,
        help_text=_("Vacío: 15 días hábiles desde que se recibió."),
    )
    respuesta = models.TextField(_("respuesta"), blank=True)
    respondido_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondido por"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mensajes_respondidos",
    )
    respondido_en = models.DateTimeField(_("respondido en"), null=True, blank=True)
    respuesta_enviada_en = models.DateTimeField(_("respuesta enviada en"), null=True, blank=True)
    cerrado_en = models.DateTimeField(_("cerrado en"), null=True, blank=True)
    # "Preguntó, respondimos": a separate public version, edited and approved by the team; the
    # answer e-mailed to the sender is never published as such.
    pregunta_publica = models.TextField(_("pregunta publicada"), max_length=4000, blank=True)
    respuesta_publica = models.TextField(_("respuesta publicada"), blank=True)
    publicacion_aprobada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("publicación aprobada por"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publicacion_aprobada_en = models.DateTimeField(
        _("publicación aprobada el"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("mensaje ciudadano")
        verbose_name_plural = _("mensajes ciudadanos")
        ordering = ["-recibido"]
        constraints = [
            models.CheckConstraint(
                condition=Q(estado__in=["nuevo", "asignado", "cerrado"]) | ~Q(respuesta=""),
                name="mensaje_respondido_con_respuesta",
            ),
            models.CheckConstraint(
                condition=~Q(estado="asignado") | Q(asignado_a__isnull=False),
                name="mensaje_en_curso_con_responsable",
            ),
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(telefono=""), name="mensaje_con_correo_o_celular"
            ),
            models.CheckConstraint(
                condition=Q(publicacion_aprobada_en__isnull=True)
                | (Q(publicar=True) & ~Q(respuesta_publica="")),
                name="mensaje_publicado_con_permiso_y_texto",
            ),
        ]
        indexes = [models.Index(fields=["estado", "recibido"], name="mensaje_estado_recibido_idx")]

    DIAS_HABILES_PARA_RESPONDER = 15

    def __str__(self) -> str:
        return f"{self.asunto} — {self.nombre}"

    @property
    def plazo(self):
        """Answer deadline: the one staff set, or 15 working days (Monday to Friday) after it
        was received."""
        if self.plazo_fijado:
            return self.plazo_fijado
        return sumar_dias_habiles(
            timezone.localdate(self.recibido), self.DIAS_HABILES_PARA_RESPONDER
        )

    @property
    def abierto(self) -> bool:
        return self.estado in self.ABIERTOS

    @property
    def vencido(self) -> bool:
        return self.abierto and timezone.localdate() > self.plazo


class NotaMensaje(models.Model):
    """An internal note of the team on a message: never shown to the sender nor the public."""

    mensaje = models.ForeignKey(
        Mensaje, verbose_name=_("mensaje"), on_delete=models.CASCADE, related_name="notas"
    )
    autor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="notas_mensajes",
    )
    texto = models.TextField(_("nota"), max_length=2000)
    creada = models.DateTimeField(_("creada"), auto_now_add=True)

    class Meta:
        verbose_name = _("nota interna")
        verbose_name_plural = _("notas internas")
        ordering = ["creada", "pk"]

    def __str__(self) -> str:
        return f"{self.mensaje_id} · {self.creada:%d/%m/%Y}"


class AccionComunicacion(models.Model):
    """A dated action of the communication plan: to whom, through which channel, who does it."""

    class Audiencia(models.TextChoices):
        CIUDADANIA = "ciudadania", _("Ciudadanía")
        ACTORES = "actores", _("Actores de las mesas")
        AUTORIDADES = "autoridades", _("Autoridades y GAD")
        MEDIOS = "medios", _("Medios de comunicación")
        ALIADOS = "aliados", _("Academia, ONG y cooperación")

    class Canal(models.TextChoices):
        WEB = "web", _("Portal web")
        CORREO = "correo", _("Correo electrónico")
        RADIO = "radio", _("Radio")
        REDES = "redes", _("Redes sociales")
        ASAMBLEA = "asamblea", _("Asamblea comunitaria")
        PRENSA = "prensa", _("Prensa")

    class Estado(models.TextChoices):
        PLANIFICADA = "planificada", _("Planificada")
        REALIZADA = "realizada", _("Realizada")
        CANCELADA = "cancelada", _("Cancelada")

    titulo = models.CharField(_("acción"), max_length=200)
    mensaje_clave = models.TextField(_("mensaje clave"), blank=True)
    fecha = models.DateField(_("fecha"))
    audiencia = models.CharField(_("audiencia"), max_length=12, choices=Audiencia.choices)
    canal = models.CharField(_("canal"), max_length=10, choices=Canal.choices)
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        on_delete=models.PROTECT,
        related_name="acciones_comunicacion",
    )
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.PLANIFICADA
    )
    mesa = models.ForeignKey(
        "mesas.Mesa", verbose_name=_("mesa"), null=True, blank=True, on_delete=models.SET_NULL
    )
    pacto = models.ForeignKey(
        "pactos.Pacto", verbose_name=_("pacto"), null=True, blank=True, on_delete=models.SET_NULL
    )
    evento = models.ForeignKey(
        "eventos.Evento", verbose_name=_("evento"), null=True, blank=True, on_delete=models.SET_NULL
    )
    noticia = models.ForeignKey(
        Noticia, verbose_name=_("noticia"), null=True, blank=True, on_delete=models.SET_NULL
    )
    creada = models.DateTimeField(_("creada"), auto_now_add=True)

    class Meta:
        verbose_name = _("acción de comunicación")
        verbose_name_plural = _("acciones de comunicación")
        ordering = ["fecha", "pk"]
        indexes = [models.Index(fields=["estado", "fecha"], name="accion_com_estado_fecha_idx")]

    def __str__(self) -> str:
        return f"{self.fecha:%d/%m/%Y} · {self.titulo}"


# The consultation and the subscriptions keep their models in their own modules.
from .consulta import *  # noqa: E402, F403
from .suscripciones import *  # noqa: E402, F403
