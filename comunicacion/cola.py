"""Comunicación's entries in the panel's work queue (core.cola), registered by
comunicacion.extensiones; each counts with the selector of the page it links to, in one query."""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.cola import Elemento, Pendientes, TareaCola, primeros_y_total
from core.roles import Rol

from . import selectors
from .selectors import consulta as sel_consulta


def mensajes_vencidos(usuario) -> Pendientes:
    filas, total = primeros_y_total(selectors.mensajes_vencidos().order_by("recibido", "pk"))
    return Pendientes(
        total=total,
        url=reverse("comunicacion:bandeja") + "?estado=vencidos",
        elementos=[
            Elemento(
                texto=m.asunto,
                url=reverse("comunicacion:mensaje", args=[m.pk]),
                detalle=_("Recibido el %(fecha)s") % {"fecha": formats.date_format(m.recibido)},
                urgente=True,
            )
            for m in filas
        ],
    )


def por_publicar(usuario) -> Pendientes:
    filas, total = primeros_y_total(selectors.mensajes_por_publicar())
    return Pendientes(
        total=total,
        url=reverse("comunicacion:bandeja") + "?estado=respondido",
        elementos=[
            Elemento(
                texto=m.asunto,
                url=reverse("comunicacion:mensaje", args=[m.pk]) + "#publicacion",
                detalle=_("Respondido el %(fecha)s")
                % {"fecha": formats.date_format(m.respondido_en)},
            )
            for m in filas
        ],
    )


def comentarios(usuario) -> Pendientes:
    filas, total = primeros_y_total(sel_consulta.comentarios_sin_respuesta())
    return Pendientes(
        total=total,
        url=reverse("comunicacion:consultas_gestion"),
        elementos=[
            Elemento(
                texto=c.texto[:90],
                url=reverse("comunicacion:consulta_moderar", args=[c.consulta_id])
                + "?estado=publicado&sin_respuesta=1",
                detalle=str(c.consulta.version.pacto.titulo),
            )
            for c in filas
        ],
    )


def borradores(usuario) -> Pendientes:
    filas, total = primeros_y_total(selectors.noticias_borrador())
    return Pendientes(
        total=total,
        url=reverse("comunicacion:noticias_gestion") + "?estado=borrador",
        elementos=[
            Elemento(texto=n.titulo, url=reverse("comunicacion:noticia_gestion", args=[n.pk]))
            for n in filas
        ],
    )


TAREAS = [
    (
        "comunicacion_mensajes_vencidos",
        TareaCola(
            titulo=gettext_lazy("Mensajes con el plazo de respuesta vencido"),
            roles=frozenset({Rol.COMUNICACION}),
            permiso="comunicacion.ver_mensajes",
            funcion=mensajes_vencidos,
            vacio=gettext_lazy("Ningún mensaje de la ciudadanía pasó su plazo."),
            icono="bi-envelope-exclamation",
        ),
        60,
    ),
    (
        "comunicacion_por_publicar",
        TareaCola(
            titulo=gettext_lazy("Respuestas por revisar antes de publicarlas"),
            roles=frozenset({Rol.COMUNICACION}),
            permiso="comunicacion.aprobar_publicacion",
            funcion=por_publicar,
            vacio=gettext_lazy("No hay respuestas esperando su versión pública."),
            icono="bi-chat-left-quote",
        ),
        65,
    ),
    (
        "comunicacion_comentarios",
        TareaCola(
            titulo=gettext_lazy("Comentarios de consulta sin respuesta"),
            roles=frozenset({Rol.COMUNICACION}),
            permiso="comunicacion.moderar_consulta",
            funcion=comentarios,
            vacio=gettext_lazy("Todos los comentarios publicados tienen respuesta."),
            icono="bi-chat-square-text",
        ),
        70,
    ),
    (
        "comunicacion_borradores",
        TareaCola(
            titulo=gettext_lazy("Noticias en borrador"),
            roles=frozenset({Rol.COMUNICACION}),
            permiso="comunicacion.gestionar_noticias",
            funcion=borradores,
            vacio=gettext_lazy("No hay noticias en borrador."),
            icono="bi-newspaper",
        ),
        80,
    ),
]
