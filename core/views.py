import sys
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import busqueda, selectors, services
from .cache import PaginaPublicaMixin, pagina_publica
from .cola import cola_de, total_de
from .forms import ConfirmarForm, FiltroPersonasForm, InvitarForm, ResumenForm, RolesForm
from .permisos import AccesoDenegado
from .personas import secciones_de
from .vistas import PUBLICO, SoloPost, VistaAccion, VistaStaff, objeto_o_404, paginar


class PanelView(VistaStaff):
    """The staff's landing page after login: their work queue first, then the areas."""

    permiso = "core.ver_panel"
    template_name = "core/panel.html"

    def get_context_data(self, **kwargs):
        cola = cola_de(self.request.user)
        return super().get_context_data(
            cola=cola,
            total_cola=total_de(cola),
            recibe_resumen=selectors.recibe_resumen(usuario=self.request.user),
            **kwargs,
        )


class ResumenDiarioView(SoloPost, VistaAccion):
    """Turn the daily e-mail digest of the queue on or off (posted from the panel)."""

    permiso = "core.ver_panel"
    form_class = ResumenForm
    template_name = "core/panel.html"

    def ejecutar(self, form):
        return services.preferencias_resumen_cambiar(
            usuario=self.request.user, activo=form.cleaned_data["resumen_diario"]
        )

    def form_valid(self, form):
        self.mensaje_exito = (
            _("Recibirá cada mañana su cola de trabajo por correo.")
            if self.resultado.resumen_diario
            else _("Ya no recibirá el resumen diario.")
        )
        return super().form_valid(form)

    def get_success_url(self) -> str:
        return reverse("core:panel")


# --- The team's accounts ---------------------------------------------------------------------


class PersonasView(VistaStaff):
    permiso = "core.ver_personas"
    template_name = "core/personas/lista.html"

    def get_context_data(self, **kwargs):
        filtro = FiltroPersonasForm(self.request.GET or None)
        return super().get_context_data(
            filtro=filtro,
            pagina=paginar(self.request, selectors.personas(**filtro.filtros()), 50),
            puede_invitar=self.puede("core.invitar_persona"),
            **kwargs,
        )


class PersonaInvitarView(VistaAccion):
    permiso = "core.invitar_persona"
    form_class = InvitarForm
    template_name = "core/personas/invitar.html"
    mensaje_exito = _(
        "Invitación enviada: la persona recibirá el enlace para elegir su contraseña."
    )

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "permitidos": services.roles_asignables(usuario=self.request.user),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(dias_invitacion=settings.PORTAL_INVITACION_DIAS, **kwargs)

    def ejecutar(self, form):
        datos = form.cleaned_data
        return services.persona_invitar(
            correo=datos["correo"],
            nombre=datos["nombre"],
            apellido=datos["apellido"],
            roles=datos["roles"],
            usuario=self.request.user,
        )

    def get_success_url(self) -> str:
        return reverse("core:persona", args=[self.resultado.pk])


class _Persona:
    def cargar_objeto(self):
        return objeto_o_404(selectors.personas(), pk=self.kwargs["pk"])

    def get_success_url(self) -> str:
        return reverse("core:persona", args=[self.objeto.pk])

    def contexto_persona(self) -> dict:
        persona = self.objeto
        permitidos = services.roles_asignables(usuario=self.request.user)
        return {
            "persona": persona,
            "roles_fijos": [g.name for g in persona.groups.all() if g.name not in permitidos],
            "cambios": selectors.cambios_de_persona(persona=persona)[:50],
            "secciones": secciones_de(persona, self.request.user, request=self.request),
            "puede_desactivar": self.puede("core.desactivar_persona"),
            "sin_contrasena": not persona.has_usable_password(),
        }


class PersonaView(_Persona, VistaStaff):
    permiso = "core.ver_personas"
    template_name = "core/personas/persona.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "form",
            RolesForm(
                permitidos=services.roles_asignables(usuario=self.request.user),
                initial={"roles": [g.name for g in self.objeto.groups.all()]},
            ),
        )
        return super().get_context_data(**self.contexto_persona(), **kwargs)


class PersonaRolesView(SoloPost, _Persona, VistaAccion):
    permiso = "core.asignar_roles"
    form_class = RolesForm
    template_name = "core/personas/persona.html"
    mensaje_exito = _("Roles guardados.")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "permitidos": services.roles_asignables(usuario=self.request.user),
        }

    def ejecutar(self, form):
        # Roles the person holds that this user may not touch stay as they are.
        permitidos = services.roles_asignables(usuario=self.request.user)
        fijos = [g.name for g in self.objeto.groups.all() if g.name not in permitidos]
        return services.persona_roles_asignar(
            persona=self.objeto,
            roles=[*form.cleaned_data["roles"], *fijos],
            usuario=self.request.user,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.contexto_persona(), **kwargs)


class _AccionPersona(SoloPost, _Persona, VistaAccion):
    """A button on the person's page; a refusal (their own account, a superuser) is shown there."""

    form_class = ConfirmarForm
    template_name = "core/personas/persona.html"
    servicio = None

    def ejecutar(self, form):
        return type(self).servicio(persona=self.objeto, usuario=self.request.user)

    def form_invalid(self, form, status=400):
        for error in form.non_field_errors():
            messages.error(self.request, error)
        return HttpResponseRedirect(self.get_success_url())


class PersonaDesactivarView(_AccionPersona):
    permiso = "core.desactivar_persona"
    mensaje_exito = _("Cuenta desactivada: ya no puede ingresar. Lo que hizo conserva su autoría.")
    servicio = staticmethod(services.persona_desactivar)


class PersonaActivarView(_AccionPersona):
    permiso = "core.desactivar_persona"
    mensaje_exito = _("Cuenta reactivada.")
    servicio = staticmethod(services.persona_activar)


class PersonaReinvitarView(_AccionPersona):
    permiso = "core.invitar_persona"
    mensaje_exito = _("Invitación enviada otra vez.")
    servicio = staticmethod(services.persona_invitacion_reenviar)


class BuscarView(VistaStaff):
    """The site search: what the public may see, whoever asks (core.busqueda)."""

    permiso = PUBLICO
    template_name = "core/buscar.html"
    publico = True

    def dispatch(self, request, *args, **kwargs):
        # Only the empty page is cached: each query would be a key of its own.
        if self.publico and not request.GET.get("q", "").strip():
            return pagina_publica(super().dispatch)(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        consulta = " ".join(self.request.GET.get("q", "").split())[: busqueda.LARGO_MAXIMO]
        usuario = None if self.publico else self.request.user
        filas = busqueda.buscar(consulta=consulta, usuario=usuario) if consulta else []
        pagina = paginar(self.request, filas, por_pagina=20, parametro="pagina")
        pagina.object_list = busqueda.presentar(
            pagina.object_list, consulta=consulta, publico=self.publico
        )
        return super().get_context_data(consulta=consulta, pagina=pagina, **kwargs)


class BuscarPersonalView(BuscarView):
    """The staff search: what this person may open, by the apps' own rules."""

    permiso = "core.ver_panel"
    template_name = "core/buscar_personal.html"
    publico = False


class AccesibilidadView(PaginaPublicaMixin, VistaStaff):
    """The accessibility statement (NTE INEN-ISO/IEC 40500): keep it true when the portal changes."""

    permiso = PUBLICO
    template_name = "core/accesibilidad.html"
    extra_context = {"fecha_evaluacion": date(2026, 12, 7)}


class PrivacidadView(PaginaPublicaMixin, VistaStaff):
    """The privacy notice (LOPDP): what the portal stores, as read from its models."""

    permiso = PUBLICO
    template_name = "core/privacidad.html"
    extra_context = {"fecha_revision": date(2026, 12, 7)}


def error_403(request, exception=None):
    falta = getattr(exception, "falta", None) if isinstance(exception, AccesoDenegado) else None
    return render(request, "errors/403.html", {"falta": falta}, status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    """The 500 handler; a database that is down is a 503 the visitor can understand.

    It renders without context processors: they may need the very database that failed.
    """
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        html = loader.get_template("errors/503.html").render({})
        respuesta = HttpResponse(html, status=503)
        respuesta["Retry-After"] = "60"
        return respuesta
    return HttpResponse(loader.get_template("errors/500.html").render({}), status=500)
