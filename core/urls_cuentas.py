import logging

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.urls import path, reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .correo import correo_enviar
from .enlaces import url_base
from .services import generador_invitacion

app_name = "cuentas"
logger = logging.getLogger(__name__)


class ClaveRestablecerForm(PasswordResetForm):
    """The reset message leaves like every other e-mail of the portal, through core.correo."""

    def send_mail(self, asunto, plantilla, contexto, remitente, para, **kwargs):
        try:
            correo_enviar(
                para=para,
                plantilla=plantilla.removesuffix(".txt"),
                contexto=contexto,
                idioma=get_language(),  # the language of the page that asked for it
            )
        except Exception:
            # As Django's form does: the page says the same whether or not a message left.
            logger.exception(
                "No salió el correo de restablecer la clave de %s", contexto["user"].pk
            )


class ClaveRestablecerView(auth_views.PasswordResetView):
    """The reset link opens the public address, like every link the portal e-mails, not the host
    the request happened to come through."""

    form_class = ClaveRestablecerForm

    def form_valid(self, form):
        self.extra_email_context = {**(self.extra_email_context or {}), "url_base": url_base()}
        return super().form_valid(form)


class InvitacionAceptarView(auth_views.PasswordResetConfirmView):
    """The set-password page of an invitation (core.services.persona_invitar)."""

    token_generator = generador_invitacion
    reset_url_token = "elegir-clave"


def _pagina(ruta, vista, nombre, *, plantilla, titulo, icono=None, siguiente=None, **opciones):
    """One account page: its template under cuentas/, the title and icon of cuentas/base.html,
    and the page it leads to."""
    if siguiente:
        opciones["success_url"] = reverse_lazy(f"cuentas:{siguiente}")
    vista = vista.as_view(
        template_name=f"cuentas/{plantilla}.html",
        extra_context={"titulo": titulo, "icono": icono},
        **opciones,
    )
    return path(ruta, vista, name=nombre)


urlpatterns = [
    _pagina(
        "login/",
        auth_views.LoginView,
        "login",
        plantilla="login",
        titulo=_("Ingresar"),
        redirect_authenticated_user=True,
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Before clave/<uidb64>/<token>/, which would otherwise swallow clave/cambiar/listo/.
    _pagina(
        "clave/cambiar/",
        auth_views.PasswordChangeView,
        "clave_cambiar",
        plantilla="clave_cambiar",
        titulo=_("Cambiar la contraseña"),
        siguiente="clave_cambiar_listo",
    ),
    _pagina(
        "clave/cambiar/listo/",
        auth_views.PasswordChangeDoneView,
        "clave_cambiar_listo",
        plantilla="clave_cambiada",
        titulo=_("Contraseña cambiada"),
        icono="bi-check2-circle",
    ),
    _pagina(
        "clave/restablecer/",
        ClaveRestablecerView,
        "clave_restablecer",
        plantilla="clave_restablecer",
        titulo=_("Restablecer la contraseña"),
        siguiente="clave_enviada",
        email_template_name="cuentas/email/clave_restablecer.txt",
        subject_template_name="cuentas/email/clave_restablecer_asunto.txt",
    ),
    _pagina(
        "clave/enviada/",
        auth_views.PasswordResetDoneView,
        "clave_enviada",
        plantilla="clave_enviada",
        titulo=_("Revise su correo"),
        icono="bi-envelope-check",
    ),
    _pagina(
        "clave/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView,
        "clave_confirmar",
        plantilla="clave_nueva",
        titulo=_("Elija una contraseña nueva"),
        siguiente="clave_cambiada",
    ),
    # Before clave/<uidb64>/<token>/ too: an invitation's link, with its own token lifetime.
    _pagina(
        "invitacion/<uidb64>/<token>/",
        InvitacionAceptarView,
        "invitacion",
        plantilla="clave_nueva",
        titulo=_("Elija su contraseña"),
        siguiente="clave_cambiada",
    ),
    _pagina(
        "clave/cambiada/",
        auth_views.PasswordResetCompleteView,
        "clave_cambiada",
        plantilla="clave_cambiada",
        titulo=_("Contraseña cambiada"),
        icono="bi-check2-circle",
    ),
]
