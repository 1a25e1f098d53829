"""The one base for the portal's views: a view states its permission and how it loads its object;
an action view states its form and the one service it calls.

    class PactoPublicarView(VistaAccion):
        permiso = "pactos.publicar_pacto"
        form_class = PublicarForm
        template_name = "pactos/pacto/publicar.html"
        mensaje_exito = _("Pacto publicado.")

        def cargar_objeto(self):
            return objeto_o_404(Pacto, pk=self.kwargs["pk"])

        def ejecutar(self, form):
            return services.pacto_publicar(pacto=self.objeto, usuario=self.request.user)

The order of the checks is one rule for every view: an anonymous visitor of a staff view is sent to
log in (when the rule admits anonymous visitors on some objects, `regla_admite_anonimos`, only once
it refuses them on the loaded one); then the object is loaded (404 if it does not exist); then the
permission is checked on it (the explained 403 of core.permisos); only then a method the view does not take is 405. A
ValidationError raised by the service lands on the form
through errores_a_form(): the form is shown again with what was typed and the answer is 400 (409
for an edit made on a stale version). htmx requests get `plantilla_parcial` instead of the page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import models
from django.forms import BaseForm
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from django.views.generic.edit import FormMixin

from .errores import ConflictoEdicion
from .permisos import exigir_permiso

PUBLICO = "publico"
"""The `permiso` of a view anyone may use; stating it keeps every view explicit about access."""


def objeto_o_404(queryset_o_modelo, **filtros) -> models.Model:
    """The object the URL names, or the 404 page."""
    return get_object_or_404(queryset_o_modelo, **filtros)


def paginar(request, queryset, por_pagina: int = 25, parametro: str = "page") -> Page:
    """The page of `queryset` the request asks for (an invalid number gives the first or last)."""
    return Paginator(queryset, por_pagina).get_page(request.GET.get(parametro))


def errores_a_form(form: BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: errors keyed by a field of the form go beside
    that field, everything else (other keys, plain messages, edit conflicts) above the form."""
    if isinstance(exc, ConflictoEdicion) or not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for campo, errores in exc.error_dict.items():
        form.add_error(campo if campo in form.fields else None, errores)


class VistaStaff(TemplateView):
    """A page that states its permission (`permiso`) and how it loads its object (`cargar_objeto`)."""

    permiso: str = ""
    # The rule admits anonymous visitors on some objects (a public actor): they are not sent to
    # log in before the object is loaded, only when the rule refuses them on it.
    regla_admite_anonimos: bool = False
    objeto: models.Model | None = None

    def dispatch(self, request, *args, **kwargs):
        if not self.permiso:
            raise TypeError(f"{type(self).__name__} debe declarar `permiso` (o PUBLICO).")
        anonimo = not request.user.is_authenticated
        if self.permiso != PUBLICO and anonimo and not self.regla_admite_anonimos:
            return redirect_to_login(request.get_full_path())
        self.objeto = self.cargar_objeto()
        if self.permiso != PUBLICO:
            if anonimo and not self.puede(self.permiso):
                return redirect_to_login(request.get_full_path())
            exigir_permiso(request.user, self.permiso, self.objeto)
        return super().dispatch(request, *args, **kwargs)

    def cargar_objeto(self) -> models.Model | None:
        """The object the permission is checked on; raise Http404 (objeto_o_404) if it is missing."""
        return None

    def puede(self, permiso: str) -> bool:
        return self.request.user.has_perm(permiso, self.objeto)

    def es_htmx(self) -> bool:
        return bool(getattr(self.request, "htmx", False))

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        kwargs.setdefault("objeto", self.objeto)
        return super().get_context_data(**kwargs)


class SoloPost:
    """Put first in the bases of an action posted from a page that shows its form elsewhere:
    GET and the other methods answer 405, after the login, object and permission checks (so a
    GET still proves the rule: 302 for anonymous visitors, 403 for those without it)."""

    http_method_names = ["post"]


def pagina_y_accion(pagina: type[VistaStaff], accion: type[VistaStaff]):
    """One address for a page (GET) and the action its form posts (POST), each its own view
    with its own permission."""
    ver, actuar = pagina.as_view(), accion.as_view()

    def vista(request, *args, **kwargs):
        return (actuar if request.method == "POST" else ver)(request, *args, **kwargs)

    return vista


class VistaAccion(FormMixin, VistaStaff):
    """One action: GET shows the form, POST validates it and calls the one service of `ejecutar`."""

    plantilla_parcial: str | None = None
    mensaje_exito: str | None = None
    http_method_names = ["get", "post", "head", "options"]
    resultado: Any = None

    def ejecutar(self, form: BaseForm) -> Any:
        """Call the one service this action stands for, with usuario=self.request.user."""
        raise NotImplementedError

    def get_template_names(self) -> list[str]:
        if self.plantilla_parcial and self.es_htmx():
            return [self.plantilla_parcial]
        return super().get_template_names()

    def get_success_url(self) -> str:
        if self.success_url:
            return str(self.success_url)
        if self.objeto is not None and hasattr(self.objeto, "get_absolute_url"):
            return self.objeto.get_absolute_url()
        return self.request.get_full_path()

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        try:
            self.resultado = self.ejecutar(form)
        except ValidationError as exc:
            errores_a_form(form, exc)
            return self.form_invalid(form, status=409 if isinstance(exc, ConflictoEdicion) else 400)
        return self.form_valid(form)

    def form_valid(self, form: BaseForm) -> HttpResponse:
        if self.mensaje_exito:
            messages.success(self.request, self.mensaje_exito)
        if self.es_htmx():
            return self.respuesta_htmx()
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form: BaseForm, status: int = 400) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def respuesta_htmx(self) -> HttpResponse:
        """After a successful htmx post: by default the browser goes to the success page."""
        return HttpResponse(headers={"HX-Redirect": self.get_success_url()})
