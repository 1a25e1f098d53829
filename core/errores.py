"""Errors that services raise and every view answers the same way (see core.vistas)."""

from django.core.exceptions import ValidationError


class ConflictoEdicion(ValidationError):
    """An edit made on a version of the record that someone else has changed since (answered 409)."""
