"""What the public forms of Comunicación share: a limit of posts an hour from one address."""

from __future__ import annotations

from django import forms

from core import limites


class LimitePorHoraMixin:
    """Anti-spam of a public VistaAccion: beyond LIMITE_POR_HORA posts an hour from one address
    the form is shown again, with what was typed and `mensaje_limite`, answered 429."""

    LIMITE_POR_HORA: int = 5
    nombre_limite: str = ""
    mensaje_limite: str = ""

    def clave_limite(self) -> str:
        return limites.clave_visitante(self.request, f"comunicacion:{self.nombre_limite}")

    def limite_superado(self, form: forms.BaseForm) -> bool:
        """Count this post; True once there are more than LIMITE_POR_HORA in the hour."""
        return limites.limite_superado(self.clave_limite(), self.LIMITE_POR_HORA, 3600)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if self.limite_superado(form):
            form.is_valid()
            form.add_error(None, str(self.mensaje_limite))
            return self.form_invalid(form, status=429)
        return super().post(request, *args, **kwargs)
