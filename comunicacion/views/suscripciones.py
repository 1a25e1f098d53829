"""Subscription pages: the public form, the confirmation and unsubscribe links, staff figures."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from core.limites import clave_visitante, limite_superado
from core.permisos import PermisoRequeridoMixin

from ..forms.suscripciones import SuscripcionForm
from ..selectors.suscripciones import resumen_suscripciones
from ..services import suscripciones as servicio
from . import _form_con_errores


class SuscripcionView(TemplateView):
    template_name = "comunicacion/publico/suscripcion.html"
    LIMITE_POR_HORA = 5

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", SuscripcionForm())
        return contexto

    def post(self, request, *args, **kwargs):
        form = SuscripcionForm(request.POST)
        if limite_superado(
            clave_visitante(request, "comunicacion:suscripcion"), self.LIMITE_POR_HORA
        ):
            form.is_valid()
            form.add_error(
                None, _("Demasiadas solicitudes desde esta conexión. Intente de nuevo en una hora.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if form.is_valid():
            datos = form.cleaned_data
            try:
                servicio.suscripcion_solicitar(
                    email=datos["email"],
                    tipo=datos["tipo"],
                    canton=datos.get("canton"),
                    eje=datos.get("eje"),
                    pacto=datos.get("pacto"),
                )
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                return redirect("comunicacion:suscripcion_enviada")
        return self.render_to_response(self.get_context_data(form=form))


class SuscripcionEnviadaView(TemplateView):
    template_name = "comunicacion/publico/suscripcion_enviada.html"


@method_decorator(never_cache, name="dispatch")
class _EnlaceFirmadoView(TemplateView):
    """GET shows one button (mail scanners that follow links change nothing); POST acts."""

    sal = ""
    template_name = "comunicacion/publico/suscripcion_enlace.html"

    def _leer(self, token):
        try:
            return servicio.leer(token, self.sal)
        except servicio.EnlaceInvalido:
            return None

    def get(self, request, token: str):
        suscripcion = self._leer(token)
        if suscripcion is None:
            return self._invalido()
        return self.render_to_response(self.get_context_data(suscripcion=suscripcion, hecho=False))

    def _invalido(self):
        return self.render_to_response(
            self.get_context_data(invalido=True, suscripcion=None), status=404
        )


class ConfirmarView(_EnlaceFirmadoView):
    sal = servicio.SAL_CONFIRMAR
    extra_context = {"accion": "confirmar"}

    def post(self, request, token: str):
        try:
            suscripcion = servicio.suscripcion_confirmar(token=token)
        except servicio.EnlaceInvalido:
            return self._invalido()
        return self.render_to_response(self.get_context_data(suscripcion=suscripcion, hecho=True))


@method_decorator(csrf_exempt, name="dispatch")
class BajaView(_EnlaceFirmadoView):
    """One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` to this
    URL without a CSRF token; the signed token in the URL is the authorisation."""

    sal = servicio.SAL_BAJA
    extra_context = {"accion": "baja"}

    def post(self, request, token: str):
        try:
            suscripcion = servicio.suscripcion_baja(token=token)
        except servicio.EnlaceInvalido:
            return self._invalido()
        return self.render_to_response(self.get_context_data(suscripcion=suscripcion, hecho=True))


class SuscripcionesGestionView(PermisoRequeridoMixin, TemplateView):
    """Figures only: the staff never need subscribers' addresses to run the digests."""

    permission_required = "comunicacion.ver_suscripciones"
    template_name = "comunicacion/gestion/suscripciones.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["resumen"] = resumen_suscripciones()
        return contexto
