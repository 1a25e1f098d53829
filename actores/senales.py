"""Signals of actores, for the apps above it (they connect in their AppConfig.ready())."""

from django.dispatch import Signal

# Sent with actor= after a change of Actor.consentimiento_nombre_publico: whatever published
# document names the actor (or stands in for them) is rendered again under the new answer.
nombre_publico_cambiado = Signal()
