"""The canton fact sheet (ficha cantonal), a public one-page PDF of a canton's reference data;
sie.extensiones registers TIPOS in core's document pipeline."""

from django.utils.text import slugify
from django.utils.translation import gettext

from core.documentos import TipoDocumento

from .models import Canton, Eje

FICHA_CANTONAL = "ficha_cantonal"


def contexto_ficha_cantonal(canton: Canton) -> dict:
    parroquias = list(canton.parroquias.order_by("nombre"))
    sectores = list(canton.sectores.filter(activo=True).select_related("eje"))
    densidad = None
    if canton.poblacion and canton.superficie_km2:
        densidad = canton.poblacion / float(canton.superficie_km2)
    return {
        "canton": canton,
        "parroquias": parroquias,
        "parroquias_urbanas": [p for p in parroquias if p.tipo == p.Tipo.URBANA],
        "parroquias_rurales": [p for p in parroquias if p.tipo == p.Tipo.RURAL],
        "sectores_agropecuarios": [s for s in sectores if s.eje.codigo == Eje.Codigo.AGROPECUARIO],
        "sectores_turismo": [s for s in sectores if s.eje.codigo == Eje.Codigo.TURISMO],
        "densidad": densidad,
    }


TIPOS = (
    TipoDocumento(
        tipo=FICHA_CANTONAL,
        plantilla="sie/pdf/ficha_cantonal.html",
        modelo="sie.Canton",
        campo_clave="codigo",
        permiso=None,  # public: anonymous visitors may ask for it
        contexto=contexto_ficha_cantonal,
        nombre_archivo=lambda canton: f"ficha-cantonal-{canton.codigo}-{slugify(canton.slug)}.pdf",
        titulo=lambda canton: gettext("Ficha cantonal de %(canton)s") % {"canton": canton.nombre},
    ),
)
