from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from .enlaces import url_base

app_name = "cuentas"


class ClaveRestablecerView(auth_views.PasswordResetView):
    """The reset link opens the public address, like every link the portal e-mails, not the host
    the request happened to come through."""

    def form_valid(self, form):
        self.extra_email_context = {**(self.extra_email_context or {}), "url_base": url_base()}
        return super().form_valid(form)


urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="cuentas/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Before clave/<uidb64>/<token>/, which would otherwise swallow clave/cambiar/listo/.
    path(
        "clave/cambiar/",
        auth_views.PasswordChangeView.as_view(
            template_name="cuentas/clave_cambiar.html",
            success_url=reverse_lazy("cuentas:clave_cambiar_listo"),
        ),
        name="clave_cambiar",
    ),
    path(
        "clave/cambiar/listo/",
        auth_views.PasswordChangeDoneView.as_view(template_name="cuentas/clave_cambiada.html"),
        name="clave_cambiar_listo",
    ),
    path(
        "clave/restablecer/",
        ClaveRestablecerView.as_view(
            template_name="cuentas/clave_restablecer.html",
            email_template_name="cuentas/email/clave_restablecer.txt",
            subject_template_name="cuentas/email/clave_restablecer_asunto.txt",
            success_url=reverse_lazy("cuentas:clave_enviada"),
        ),
        name="clave_restablecer",
    ),
    path(
        "clave/enviada/",
        auth_views.PasswordResetDoneView.as_view(template_name="cuentas/clave_enviada.html"),
        name="clave_enviada",
    ),
    path(
        "clave/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="cuentas/clave_nueva.html",
            success_url=reverse_lazy("cuentas:clave_cambiada"),
        ),
        name="clave_confirmar",
    ),
    path(
        "clave/cambiada/",
        auth_views.PasswordResetCompleteView.as_view(template_name="cuentas/clave_cambiada.html"),
        name="clave_cambiada",
    ),
]
