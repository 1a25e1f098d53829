"""Subscriptions by e-mail (double opt-in) to news, a canton, an axis or a pacto's updates."""

__all__: list[str] = []
