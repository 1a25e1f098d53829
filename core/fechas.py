"""When a public page's content last changed, for its "Actualizado el …" line
(templates/includes/actualizado.html prints it in the language's DATE_FORMAT)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone


def ultima_fecha(fechas: Iterable[datetime | None]) -> datetime | None:
    """The latest of these moments that has already happened (a news item scheduled for later
    does not date the page), or None when there is none."""
    ahora = timezone.now()
    return max((f for f in fechas if f is not None and f <= ahora), default=None)
