"""The public home page: it draws on every app, so it lives in the top layer."""

from django.db.models import Avg, Count
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from comunicacion.selectors import noticias_publicas
from comunicacion.selectors.consulta import consultas_abiertas
from core.cache import PaginaPublicaMixin
from core.fechas import ultima_fecha
from eventos.selectors import agenda_publica
from mesas.models import Asistencia, Sesion
from mesas.selectors import acuerdos_publicos
from pactos.fuentes_mesas import REALIZADAS
from pactos.models.hoja_de_ruta import Bloque
from pactos.selectors.hoja_de_ruta import hoja_de_ruta_publica
from pactos.selectors.pactos import actualizaciones_publicas, pactos_publicados
from sie.selectors import cantones_publicos

# What the home shows of each list: a phone should reach "Participe" in a few swipes.
EN_PORTADA = 4

PRODUCTOS = [
    (
        "bi-diagram-3",
        _("Enfoque, metodología y hoja de ruta"),
        _(
            "El enfoque conceptual, la metodología, la hoja de ruta y el plan de trabajo del programa."
        ),
    ),
    (
        "bi-people",
        _("Dos procesos de concertación"),
        _(
            "8 mesas cantonales de turismo y 5 mesas sectoriales agropecuarias que acuerdan "
            "los pactos provinciales."
        ),
    ),
    (
        "bi-megaphone",
        _("Comunicación de doble vía"),
        _("Publicar, escuchar y responder: noticias, consulta pública y mensajes ciudadanos."),
    ),
    (
        "bi-bar-chart-line",
        _("Sistema de Información Estratégica"),
        _("Indicadores de turismo y agricultura por cantón, con metas y datos abiertos."),
    ),
    (
        "bi-calendar-event",
        _("Eventos públicos"),
        _(
            "El lanzamiento y la socialización de resultados con líderes políticos, sociales y expertos."
        ),
    ),
]

BLOQUES_HOJA_DE_RUTA = [
    (
        _("Evento de lanzamiento"),
        _(
            "Grupo de trabajo, agenda, estrategia de comunicación, expositores, invitados, "
            "logística, el lanzamiento y su sistematización."
        ),
    ),
    (
        _("Pactos"),
        _(
            "Diseño metodológico, convocatoria a los actores, organización de las mesas y "
            "concertación de los pactos de turismo y agropecuario."
        ),
    ),
    (
        _("Instrumentos de apoyo"),
        _(
            "Estrategia de comunicación, diseño del sistema de información y mapeo de actores "
            "provinciales y cantonales."
        ),
    ),
    (
        _("Socialización"),
        _(
            "Un encuentro que comparte los resultados y avances de los pactos para corregir "
            "errores, sumar experiencias y fortalecer el proceso."
        ),
    ),
]


def cifras_portada() -> dict:
    """The programme's figures that matter, from public data only: sessions held, agreements of
    published actas, organisations that took part, commitments of published pactos."""
    realizadas = Sesion.objects.filter(estado__in=REALIZADAS)
    compromisos = pactos_publicados().aggregate(
        n=Count("compromisos"), avance=Avg("compromisos__avance")
    )
    return {
        "sesiones": realizadas.count(),
        "acuerdos": acuerdos_publicos().count(),
        "organizaciones": Asistencia.objects.filter(sesion__in=realizadas).aggregate(
            n=Count("organizacion", distinct=True)
        )["n"],
        "compromisos": compromisos["n"],
        "avance": round(compromisos["avance"] or 0),
    }


class InicioView(PaginaPublicaMixin, TemplateView):
    """The home: what comes next, what is open to comment, what is new, and how to take part.

    Served from the page cache like every public page; any write of the public apps (a session
    planned, an event published, a news item) renders it again. Time alone (a session that has
    passed, a news item scheduled for later) shows within a minute."""

    template_name = "inicio.html"
    duracion_cache_publica = 60

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["proximas"] = agenda_publica()[:EN_PORTADA]
        context["consulta"] = consultas_abiertas().order_by("cierra").first()
        context["noticias"] = noticias_publicas()[:3]
        context["avances"] = actualizaciones_publicas(limite=3)
        context["cifras"] = cifras_portada()
        # "Actualizado el": the latest of what the page shows.
        context["actualizado"] = ultima_fecha(
            [e.publicada_en for e in context["proximas"]]
            + [n.publicada_en for n in context["noticias"]]
            + [a.fecha for a in context["avances"]]
            + [context["consulta"].abre if context["consulta"] else None]
        )
        context["cantones"] = cantones_publicos()
        context["productos"] = PRODUCTOS
        # The four blocks of the roadmap with what each is for, and how far each has got.
        avance = {b["bloque"]: b for b in hoja_de_ruta_publica()}
        context["bloques"] = [
            (titulo, texto, avance.get(clave))
            for clave, (titulo, texto) in zip(Bloque.values, BLOQUES_HOJA_DE_RUTA, strict=True)
        ]
        return context


def ping(request):
    """A fixed answer through the full middleware stack: liveness probe and the benchmarks' floor."""
    return HttpResponse("ok", content_type="text/plain")
