"""What comunicacion offers to the search (core.busqueda): published news to everybody; every
news item and the citizens' messages to Comunicación and Coordinación (their rules)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.busqueda import FuenteBusqueda, todos_con_permiso

from .models import Mensaje, Noticia
from .selectors import noticias_publicas

FUENTES = {
    "comunicacion.noticias": FuenteBusqueda(
        etiqueta=_("Noticia"),
        titulo="titulo",
        texto=("resumen", "cuerpo"),
        claves=("slug", "pk"),
        publicas=noticias_publicas,
        url_publica=lambda slug, _pk: reverse("comunicacion:noticia", kwargs={"slug": slug}),
        visibles=todos_con_permiso("comunicacion.gestionar_noticias", Noticia),
        url_personal=lambda _slug, pk: reverse("comunicacion:noticia_gestion", kwargs={"pk": pk}),
    ),
    # The sender's name is shown to who may open the message; the e-mail is never searched.
    "comunicacion.mensajes": FuenteBusqueda(
        etiqueta=_("Mensaje ciudadano"),
        titulo="asunto",
        texto=("texto", "respuesta"),
        detalle="nombre",
        visibles=todos_con_permiso("comunicacion.ver_mensajes", Mensaje),
        url_personal=lambda pk: reverse("comunicacion:mensaje", kwargs={"pk": pk}),
    ),
}
