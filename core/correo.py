"""The one way the portal sends e-mail, and the one sweep of rows whose e-mail has not left.

A message is three templates beside each other: `<plantilla>_asunto.txt` (one line; white space
is folded), `<plantilla>.txt` and, when it exists, `<plantilla>.html`. They are rendered in the
programme's language (Spanish) unless `idioma` says otherwise; links inside them come from
core.enlaces, so they point at the portal's public address.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .enlaces import url_base

logger = logging.getLogger(__name__)


def correo_componer(
    *,
    para: str | list[str],
    plantilla: str,
    contexto: dict,
    adjuntos: Iterable[tuple[str, bytes | str, str]] = (),
    cabeceras: dict | None = None,
    responder_a: list[str] | None = None,
    idioma: str = "es",
) -> EmailMultiAlternatives:
    """The message correo_enviar() sends, for callers that must inspect it first."""
    with translation.override(idioma):
        asunto = " ".join(render_to_string(f"{plantilla}_asunto.txt", contexto).split())
        texto = render_to_string(f"{plantilla}.txt", contexto)
        try:
            html = render_to_string(f"{plantilla}.html", contexto)
        except TemplateDoesNotExist:
            html = None
    mensaje = EmailMultiAlternatives(
        subject=asunto,
        body=texto,
        to=[para] if isinstance(para, str) else list(para),
        # The message's id names the portal's public host, not the machine that sent it (Django
        # uses the host's own name: "localhost" in a container).
        headers={"Message-ID": make_msgid(domain=urlsplit(url_base()).hostname)}
        | (cabeceras or {}),
        reply_to=responder_a or None,
    )
    if html is not None:
        mensaje.attach_alternative(html, "text/html")
    for nombre, contenido, tipo in adjuntos:
        mensaje.attach(nombre, contenido, tipo)
    return mensaje


def correo_enviar(**kwargs) -> None:
    """Render and send one message (see correo_componer for the arguments)."""
    correo_componer(**kwargs).send()


def pendientes_enviar(
    *,
    queryset: models.QuerySet,
    enviar: Callable[[models.Model], None],
    marca: str = "enviado_en",
) -> int:
    """Send each row of `queryset` whose `marca` is still empty, once: the row is locked while its
    e-mail leaves (a retried task or a sweep running at the same time skip it) and marked with the
    time after. A row that fails is logged and left unmarked while the others carry on; then the
    first failure is raised again, so that a Celery task retries (the sent rows stay marked)."""
    enviados = 0
    fallo: Exception | None = None
    pendientes = queryset.filter(**{f"{marca}__isnull": True})
    for pk in list(pendientes.values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                fila = pendientes.select_for_update(skip_locked=True, of=("self",)).filter(pk=pk)
                fila = fila.first()
                if fila is None:
                    continue
                enviar(fila)
                setattr(fila, marca, timezone.now())
                fila.save(update_fields=[marca])
        except Exception as exc:
            logger.exception("No se pudo enviar el correo de %s %s", queryset.model.__name__, pk)
            fallo = fallo or exc
            continue
        enviados += 1
    if fallo is not None:
        raise fallo
    return enviados


def pendiente_enviar(
    queryset: models.QuerySet,
    pk: int,
    enviar: Callable[[models.Model], None],
    marca: str = "enviado_en",
) -> bool:
    """The task of one row: send the e-mail of row `pk` of `queryset` if it is still unsent
    (pendientes_enviar on that row alone); True when it left now, False when it had already."""
    return pendientes_enviar(queryset=queryset.filter(pk=pk), enviar=enviar, marca=marca) > 0
