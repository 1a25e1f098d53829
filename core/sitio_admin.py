"""The Django admin, opened only to the Administración role.

Everyone else who is logged in gets the portal's 403 page naming the missing role, and anonymous
visitors go to the portal's own login (throttled by django-axes) instead of the admin's form.
"""

from functools import wraps

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .permisos import AccesoDenegado
from .rules import es_administrador


class PortalAdminSite(admin.AdminSite):
    site_header = _("Pactos por Pichincha · Administración")
    site_title = _("Administración de Pactos por Pichincha")
    index_title = _("Usuarios, roles y datos del portal")
    site_url = "/"

    def has_permission(self, request):
        user = request.user
        return user.is_active and es_administrador(user)

    def _rechazar(self, request, siguiente: str):
        if not request.user.is_authenticated:
            return redirect_to_login(siguiente)
        raise AccesoDenegado("core.administrar")

    def admin_view(self, view, cacheable=False):
        protegida = super().admin_view(view, cacheable)

        @wraps(protegida)
        def comprobada(request, *args, **kwargs):
            if not self.has_permission(request):
                return self._rechazar(request, request.get_full_path())
            return protegida(request, *args, **kwargs)

        return comprobada

    def login(self, request, extra_context=None):
        if self.has_permission(request):
            return super().login(request, extra_context)
        return self._rechazar(request, request.GET.get("next") or reverse("admin:index"))
