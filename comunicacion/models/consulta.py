"""Public consultation on a draft pacto: consultations, comments, moderation and official answers."""

__all__: list[str] = []
