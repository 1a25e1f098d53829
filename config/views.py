"""The public home page: it draws on every app, so it lives in the top layer."""

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core.cache import PaginaPublicaMixin
from pactos.models.hoja_de_ruta import Bloque
from pactos.selectors.hoja_de_ruta import hoja_de_ruta_publica
from sie.selectors import cantones_publicos

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


class InicioView(PaginaPublicaMixin, TemplateView):
    template_name = "inicio.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
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
