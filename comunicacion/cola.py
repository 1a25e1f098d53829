"""Comunicación's entries in the panel's work queue (core.cola), registered by
comunicacion.extensiones; each counts with the selector of the page it links to, in one query."""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.cola import Elemento, Pendientes, TareasDeApp, pendientes_de
from core.roles import Rol

from . import selectors
from .selectors import consulta as sel_consulta

TAREAS = TareasDeApp("comunicacion", roles={Rol.COMUNICACION})


@TAREAS.tarea(
    gettext_lazy("Mensajes con el plazo de respuesta vencido"),
    gettext_lazy("Ningún mensaje de la ciudadanía pasó su plazo."),
    permiso="comunicacion.ver_mensajes",
    icono="bi-envelope-exclamation",
)
def mensajes_vencidos(usuario) -> Pendientes:
    return _mensajes(
        selectors.mensajes_vencidos().order_by("recibido", "pk"),
        estado="vencidos",
        detalle=lambda m: _("Recibido el %(fecha)s") % {"fecha": formats.date_format(m.recibido)},
        urgente=True,
    )


@TAREAS.tarea(
    gettext_lazy("Respuestas por revisar antes de publicarlas"),
    gettext_lazy("No hay respuestas esperando su versión pública."),
    permiso="comunicacion.aprobar_publicacion",
    icono="bi-chat-left-quote",
)
def por_publicar(usuario) -> Pendientes:
    return _mensajes(
        selectors.mensajes_por_publicar(),
        estado="respondido",
        detalle=lambda m: (
            _("Respondido el %(fecha)s") % {"fecha": formats.date_format(m.respondido_en)}
        ),
        ancla="#publicacion",
    )


def _mensajes(qs, *, estado, detalle, ancla="", urgente=False) -> Pendientes:
    """Citizens' messages: the inbox filtered by `estado`, each item opening its message (at
    `ancla`)."""
    return pendientes_de(
        qs,
        url=reverse("comunicacion:bandeja") + f"?estado={estado}",
        elemento=lambda m: Elemento(
            texto=m.asunto,
            url=reverse("comunicacion:mensaje", args=[m.pk]) + ancla,
            detalle=detalle(m),
            urgente=urgente,
        ),
    )


@TAREAS.tarea(
    gettext_lazy("Comentarios de consulta sin respuesta"),
    gettext_lazy("Todos los comentarios publicados tienen respuesta."),
    permiso="comunicacion.moderar_consulta",
    icono="bi-chat-square-text",
)
def comentarios(usuario) -> Pendientes:
    return pendientes_de(
        sel_consulta.comentarios_sin_respuesta(),
        url=reverse("comunicacion:consultas_gestion"),
        elemento=lambda c: Elemento(
            texto=c.texto[:90],
            url=reverse("comunicacion:consulta_moderar", args=[c.consulta_id])
            + "?estado=publicado&sin_respuesta=1",
            detalle=str(c.consulta.version.pacto.titulo),
        ),
    )


@TAREAS.tarea(
    gettext_lazy("Noticias en borrador"),
    gettext_lazy("No hay noticias en borrador."),
    permiso="comunicacion.gestionar_noticias",
    icono="bi-newspaper",
)
def borradores(usuario) -> Pendientes:
    return pendientes_de(
        selectors.noticias_borrador(),
        url=reverse("comunicacion:noticias_gestion") + "?estado=borrador",
        elemento=lambda n: Elemento(
            texto=n.titulo, url=reverse("comunicacion:noticia_gestion", args=[n.pk])
        ),
    )
