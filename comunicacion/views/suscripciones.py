"""Subscription pages: the public form, the confirmation and unsubscribe links, staff figures."""

from __future__ import annotations

from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from core.cache import PaginaPublicaMixin
from core.firmas import EnlaceInvalido
from core.vistas import PUBLICO, VistaAccion, VistaStaff

from ..forms.suscripciones import TEMAS_CON_OBJETO, SuscripcionForm
from ..selectors.suscripciones import resumen_suscripciones
from ..services import suscripciones as servicio
from .base import LimitePorHoraMixin


class SuscripcionView(PaginaPublicaMixin, LimitePorHoraMixin, VistaAccion):
    permiso = PUBLICO
    form_class = SuscripcionForm
    template_name = "comunicacion/publico/suscripcion.html"
    success_url = reverse_lazy("comunicacion:suscripcion_enviada")
    nombre_limite = "suscripcion"
    mensaje_limite = gettext_lazy(
        "Demasiadas solicitudes desde esta conexión. Intente de nuevo en una hora."
    )

    @cached_property
    def _a_seguir(self):
        """(kind, object) named by the address, as a public page's "Seguir …" link gives them
        (?tipo=mesa&mesa=3), or None: the form opens with them chosen."""
        if self.request.method != "GET":
            return None
        tipo = self.request.GET.get("tipo", "")
        valor = self.request.GET.get(tipo, "") if tipo in TEMAS_CON_OBJETO else ""
        if not valor.isdigit():
            return None
        objeto = SuscripcionForm().fields[tipo].queryset.filter(pk=int(valor)).first()
        return None if objeto is None else (tipo, objeto)

    def get_initial(self):
        inicial = super().get_initial()
        if a_seguir := self._a_seguir:
            tipo, objeto = a_seguir
            inicial.update({"tipo": tipo, tipo: objeto.pk})
        return inicial

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["a_seguir"] = self._a_seguir[1] if self._a_seguir else None
        return contexto

    def ejecutar(self, form):
        datos = form.cleaned_data
        return servicio.suscripcion_solicitar(
            email=datos["email"],
            tipo=datos["tipo"],
            canton=datos.get("canton"),
            eje=datos.get("eje"),
            pacto=datos.get("pacto"),
            mesa=datos.get("mesa"),
        )


class SuscripcionEnviadaView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "comunicacion/publico/suscripcion_enviada.html"


@method_decorator(never_cache, name="dispatch")
class _EnlaceFirmadoView(VistaStaff):
    """GET shows one button (mail scanners that follow links change nothing); POST acts."""

    permiso = PUBLICO
    sal = ""
    template_name = "comunicacion/publico/suscripcion_enlace.html"

    def _leer(self, token):
        try:
            return servicio.suscripcion_de_token(token=token, sal=self.sal)
        except EnlaceInvalido:
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
        except EnlaceInvalido:
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
        except EnlaceInvalido:
            return self._invalido()
        return self.render_to_response(self.get_context_data(suscripcion=suscripcion, hecho=True))


class SuscripcionesGestionView(VistaStaff):
    """Figures only: the staff never need subscribers' addresses to run the digests."""

    permiso = "comunicacion.ver_suscripciones"
    template_name = "comunicacion/gestion/suscripciones.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["resumen"] = resumen_suscripciones()
        return contexto
