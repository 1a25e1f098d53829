"""Views of mesas on core.vistas: each states its permission and how it loads its object, and each
action (one section of the recording page, closing, convening...) is its own view calling one
service."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from actores.selectors import actores_visibles
from core.cache import PaginaPublicaMixin, datos_publicos
from core.compresion import CALIDAD_BROTLI_RED_LENTA
from core.tarjetas import respuesta_png, tarjeta_png
from core.vistas import PUBLICO, SoloPost, VistaAccion, VistaStaff, objeto_o_404, paginar

from . import forms, papel, selectors, services
from .calendario import calendario_ics
from .models import (
    Acuerdo,
    Asistencia,
    FotoSesion,
    Intervencion,
    Invitacion,
    Mesa,
    Prioridad,
    PuntoAgenda,
    Sesion,
    TemaPendiente,
)

# --- Public ----------------------------------------------------------------------------------


class MesaListaView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "mesas/lista.html"

    def get_context_data(self, **kwargs):
        mesas = list(selectors.mesas_publicas())
        return {
            **super().get_context_data(**kwargs),
            "turismo": [m for m in mesas if m.tipo == Mesa.Tipo.TURISMO],
            "agropecuarias": [m for m in mesas if m.tipo == Mesa.Tipo.AGROPECUARIO],
        }


def _grafico(etiquetas, valores, titulo) -> dict:
    return {
        "etiquetas": [str(e) for e in etiquetas],
        "valores": list(valores),
        "titulo": str(titulo),
    }


SESIONES_POR_PAGINA = 12


class MesaView(PaginaPublicaMixin, VistaStaff):
    """A table's public page: its sessions on a timeline, agreements and participation."""

    permiso = PUBLICO
    template_name = "mesas/mesa.html"

    def cargar_objeto(self):
        return objeto_o_404(selectors.mesas_publicas(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        mesa = self.objeto
        todas = selectors.sesiones_publicadas_de(mesa=mesa)
        cifras = datos_publicos(
            f"mesa:{mesa.pk}:participacion", lambda: selectors.participacion(sesiones=todas)
        )
        # The timeline shows one page of sessions (the latest 12 by default, page 1) and their
        # agreements, so the page costs the same after 4 sessions or 400.
        pagina = paginar(
            self.request,
            todas.order_by("-numero").values_list("pk", flat=True),
            SESIONES_POR_PAGINA,
            parametro="sesiones",
        )
        sesiones = list(todas.filter(pk__in=list(pagina.object_list)))
        actas = selectors.actas_publicadas(sesiones=sesiones)
        genero = _grafico(
            [_("Mujeres"), _("Hombres"), _("Otro / no informa")],
            [cifras["mujeres"], cifras["hombres"], cifras["otro_genero"]],
            _("Asistencias por género"),
        )
        return {
            **super().get_context_data(**kwargs),
            "mesa": mesa,
            "sesiones": [(s, actas.get(s.pk)) for s in sesiones],
            "proximas": selectors.sesiones_proximas_de_mesa(mesa=mesa),
            "pagina_sesiones": pagina,
            # "Actualizado el": the last acta published (page 1 holds the latest sessions).
            "actualizado": max((s.publicada_en for s in sesiones if s.publicada_en), default=None),
            "acuerdos": selectors.con_responsables_publicos(
                acuerdos=list(selectors.acuerdos_publicos(mesa=mesa).filter(sesion__in=sesiones))
            ),
            "cifras": cifras,
            "grafico_genero": genero,
            # the same figures as a table, for who cannot see the chart
            "datos_genero": list(zip(genero["etiquetas"], genero["valores"], strict=True)),
            "grafico_sectores": _grafico(
                [s for s, _n in cifras["por_sector"]],
                [n for _s, n in cifras["por_sector"]],
                _("Asistencias por sector"),
            ),
        }


class SesionPublicaView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "mesas/sesion_publica.html"

    def cargar_objeto(self):
        try:
            return selectors.sesion_publicada(
                slug=self.kwargs["slug"], numero=self.kwargs["numero"]
            )
        except Sesion.DoesNotExist:
            raise Http404(_("Esta sesión no existe o su acta aún no se ha publicado.")) from None

    def get_context_data(self, **kwargs):
        sesion = self.objeto
        return {
            **super().get_context_data(**kwargs),
            "sesion": sesion,
            "mesa": sesion.mesa,
            "acta": selectors.acta_publica_actual(sesion=sesion),
            **selectors.acta_publica_contexto(sesion),
        }


class SesionTarjetaView(SesionPublicaView):
    """The image shown beside a shared link to a session (og:image): 1200×630 PNG, no names."""

    def get(self, request, *args, **kwargs):
        sesion = self.objeto
        mesa = sesion.mesa
        ambito = mesa.canton.nombre if mesa.canton_id else str(mesa.sector or "")
        fecha = date_format(timezone.localtime(sesion.inicio), "DATE_FORMAT")
        contenido = tarjeta_png(
            titulo=mesa.nombre,
            etiqueta=_("Sesión %(numero)s") % {"numero": sesion.numero},
            detalle=" · ".join(p for p in (fecha, ambito) if p),
            pie=_("Gobierno Provincial de Pichincha"),
        )
        return respuesta_png(contenido)


class CalendarioView(PaginaPublicaMixin, VistaStaff):
    """Public .ics of the sessions (dates and places only) of one table or of all of them."""

    permiso = PUBLICO

    def cargar_objeto(self):
        slug = self.kwargs.get("slug")
        return objeto_o_404(Mesa, slug=slug) if slug is not None else None

    def get(self, request, *args, **kwargs):
        slug = self.kwargs.get("slug")
        nombre = self.objeto.nombre if self.objeto else _("Mesas de Pactos por Pichincha")
        respuesta = HttpResponse(
            calendario_ics(
                selectors.sesiones_para_calendario(slug=slug), nombre=nombre, detalle=False
            ),
            content_type="text/calendar",
        )
        respuesta["Content-Disposition"] = f'attachment; filename="{slug or "mesas"}.ics"'
        return respuesta


class InvitacionView(VistaAccion):
    """The link in the invitation e-mail: confirm or decline attendance (no login needed)."""

    permiso = PUBLICO
    form_class = forms.RespuestaInvitacionForm
    template_name = "mesas/invitacion.html"
    mensaje_exito = gettext_lazy("Gracias: registramos su respuesta.")

    def cargar_objeto(self):
        try:
            return selectors.invitacion_por_token(token=self.kwargs["token"])
        except Invitacion.DoesNotExist:
            raise Http404(_("Esta invitación no existe.")) from None

    def ejecutar(self, form):
        return services.invitacion_responder(
            invitacion=self.objeto, asistira=form.cleaned_data["respuesta"] == "si"
        )

    def get_success_url(self) -> str:
        return self.request.path

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "invitacion": self.objeto,
            "sesion": self.objeto.sesion,
        }


# --- A table, for its staff ------------------------------------------------------------------


class MisMesasView(VistaStaff):
    permiso = "mesas.ver_mis_mesas"
    template_name = "mesas/mis_mesas.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **selectors.panel_facilitacion(usuario=self.request.user),
        }

    def render_to_response(self, context, **kwargs):
        respuesta = super().render_to_response(context, **kwargs)
        respuesta.calidad_brotli = CALIDAD_BROTLI_RED_LENTA  # its first visit is on a slow link
        return respuesta


class FacilitacionDePersonaView(SoloPost, VistaAccion):
    """The tables one person facilitates, posted from their page in /panel/personas/."""

    permiso = "mesas.gestionar_mesa"
    form_class = forms.MesasDePersonaForm
    template_name = "mesas/persona_mesas.html"
    mensaje_exito = gettext_lazy("Mesas que facilita guardadas.")

    def cargar_objeto(self):
        return objeto_o_404(get_user_model(), pk=self.kwargs["pk"])

    def ejecutar(self, form):
        return services.facilitador_mesas_asignar(
            persona=self.objeto, mesas=form.cleaned_data["mesas"], usuario=self.request.user
        )

    def get_success_url(self) -> str:
        return reverse("core:persona", args=[self.objeto.pk]) + "#seccion-mesas"

    def form_invalid(self, form, status=400):
        for errores in form.errors.values():
            for error in errores:
                messages.error(self.request, error)
        return HttpResponseRedirect(self.get_success_url())


class _MesaInterna:
    def cargar_objeto(self):
        return objeto_o_404(selectors.mesas_internas(), slug=self.kwargs["slug"])

    def contexto_gestion(self) -> dict:
        return {
            "mesa": self.objeto,
            "pagina": paginar(
                self.request, selectors.sesiones_de_mesa(mesa=self.objeto), parametro="pagina"
            ),
        }


class MesaGestionView(_MesaInterna, VistaStaff):
    """A table for its facilitators: its sessions, and the form to plan the next one."""

    permiso = "mesas.ver_mesa_interna"
    template_name = "mesas/gestion.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **self.contexto_gestion(),
            "form": forms.SesionForm(mesa=self.objeto),
        }


class SesionCrearView(_MesaInterna, VistaAccion):
    """Plan the next session of a table (posted from the table's page)."""

    http_method_names = ["post"]
    permiso = "mesas.crear_sesion"
    template_name = "mesas/gestion.html"
    form_class = forms.SesionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "mesa": self.objeto}

    def ejecutar(self, form):
        return services.sesion_crear(
            mesa=self.objeto, usuario=self.request.user, **form.cleaned_data
        )

    def form_valid(self, form):
        messages.success(
            self.request, _("Sesión %(n)s planificada.") % {"n": self.resultado.numero}
        )
        return super().form_valid(form)

    def get_success_url(self) -> str:
        return self.resultado.get_absolute_url()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self.contexto_gestion()}


class MesaEquipoView(_MesaInterna, VistaAccion):
    """The coordinator chooses who facilitates a table and which actors are its members."""

    permiso = "mesas.gestionar_mesa"
    template_name = "mesas/equipo.html"
    form_class = forms.EquipoMesaForm
    mensaje_exito = gettext_lazy("Equipo de la mesa actualizado.")

    def get_form_kwargs(self):
        mesa = self.objeto
        datos = self.request.POST if self.request.method == "POST" else self.request.GET
        busqueda = datos.get("q", "")
        return {
            **super().get_form_kwargs(),
            "mesa": mesa,
            "candidatos_facilitacion": selectors.candidatos_facilitacion(mesa=mesa),
            "actores": actores_visibles(usuario=self.request.user)
            .filter(activo=True)
            .select_related("canton"),
            "busqueda": busqueda,
            "initial": {"facilitadores": list(mesa.facilitadores.all()), "q": busqueda},
        }

    def ejecutar(self, form):
        return services.mesa_equipo_actualizar(
            mesa=self.objeto,
            facilitadores=form.cleaned_data["facilitadores"],
            quitar_miembros=form.cleaned_data["quitar"],
            agregar_miembros=form.cleaned_data["agregar"],
            usuario=self.request.user,
        )

    def get_success_url(self) -> str:
        return reverse("mesas:equipo", kwargs={"slug": self.objeto.slug})

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "mesa": self.objeto}


# --- The recording page of a session and its actions -----------------------------------------


class _PaginaSesion:
    """Loads the session of the URL and builds the context of its recording page."""

    def cargar_objeto(self):
        return objeto_o_404(selectors.sesiones_con_mesa(), pk=self.kwargs["pk"])

    def contexto_pagina(self, **formularios) -> dict:
        """The page's context; `formularios` replace the blank form of a section or action."""
        sesion = self.objeto
        puede_convocar = self.puede("mesas.convocar")
        contexto = {
            "sesion": sesion,
            "mesa": sesion.mesa,
            "f": {v.seccion: v.form_class(sesion=sesion, prefix=v.seccion) for v in SECCIONES},
            **selectors.registro_de_sesion(sesion=sesion),
            "acta": selectors.acta_actual(sesion=sesion),
            "acta_publica": selectors.acta_publica_actual(sesion=sesion),
            "puede_registrar": self.puede("mesas.registrar_sesion"),
            "puede_cerrar": self.puede("mesas.cerrar_sesion"),
            "puede_reabrir": self.puede("mesas.reabrir_sesion"),
            "puede_publicar": self.puede("mesas.publicar_acta"),
            "puede_convocar": puede_convocar,
            # The session's data are seldom edited during the session: their form (a parish list
            # among its fields) is made when asked for ("Cambiar los datos", ?datos=1), as the
            # convocation's list is below; a refused save shows it bound instead.
            "form_datos": forms.SesionEditarForm(
                instance=sesion, mesa=sesion.mesa, initial={"version": sesion.version}
            )
            if self.request.GET.get("datos") == "1"
            else None,
            # The list of everyone who can be invited is long (40 % of the page on a phone, a
            # third of its server time): made only when asked for ("Elegir a quién invitar").
            "form_convocatoria": forms.ConvocatoriaForm(sesion=sesion)
            if puede_convocar and self.request.GET.get("convocar") == "1"
            else None,
            "form_reenviar": forms.InvitacionesReenviarForm(sesion=sesion)
            if puede_convocar
            else None,
            "form_cerrar": forms.VersionForm(initial={"version": sesion.version}),
            "historial": Paginator(
                selectors.historial_de_sesion(sesion=sesion), HISTORIAL_POR_PAGINA
            ).page(1),
            **contexto_papel(sesion=sesion, usuario=self.request.user),
            "por_traer": selectors.asistencias_por_traer(sesion=sesion),
            "puede_cancelar": self.puede("mesas.cancelar_sesion"),
            "form_cancelar": forms.SesionCancelarForm(initial={"version": sesion.version}),
            "antes_de_empezar": timezone.now() < sesion.inicio,
            "quienes_publican": selectors.quienes_publican_actas(),
        }
        for nombre, form in formularios.items():
            if nombre in contexto["f"]:
                contexto["f"][nombre] = form
            else:
                contexto[nombre] = form
        return contexto


class SesionView(_PaginaSesion, VistaStaff):
    """The recording page of a session, built for a phone in a parish hall."""

    permiso = "mesas.ver_sesion"
    template_name = "mesas/sesion.html"

    def get_context_data(self, **kwargs):
        contexto = {**super().get_context_data(**kwargs), **self.contexto_pagina()}
        if contexto.get("puede_registrar"):
            # the attendance search's registry in the page itself (contract C4 of issue #15): no
            # other answer on a slow link, and the search works from the first paint, offline
            # too. It carries cédulas: only for who may record this session (the page is private)
            contexto["registro_asistencia"] = json_en_pagina(
                selectors.registro_para_asistencia(sesion=self.objeto)
            )
        return contexto

    def render_to_response(self, context, **kwargs):
        respuesta = super().render_to_response(context, **kwargs)
        respuesta.calidad_brotli = CALIDAD_BROTLI_RED_LENTA  # its first visit is on a slow link
        if context.get("registro_asistencia"):
            # cédulas: never kept by a shared cache (the service worker keeps it on the phone)
            respuesta["Cache-Control"] = "private"
        return respuesta


# What a JSON text in a <script type="application/json"> may not contain as such (as Django's
# json_script escapes it), kept with its accents (ensure_ascii=False): a person's name in the
# data and in the page's select is the same run of bytes for the compressor.
_ESCAPES_JSON = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_en_pagina(datos) -> str:
    return mark_safe(  # noqa: S308 - JSON with <, > and & escaped
        json.dumps(datos, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES_JSON)
    )


class _AccionSesion(_PaginaSesion, VistaAccion):
    """An action posted from the session page. Refused, the page is shown again with its form
    (`nombre_form` in the page's context) bound to what was typed."""

    http_method_names = ["post"]
    permiso = "mesas.registrar_sesion"
    template_name = "mesas/sesion.html"
    form_class = django_forms.Form
    nombre_form = "form_accion"
    ancla = ""  # the section of the page to come back to

    def get_success_url(self) -> str:
        url = self.objeto.get_absolute_url()
        return f"{url}#seccion-{self.ancla}" if self.ancla else url

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        return {**contexto, **self.contexto_pagina(**{self.nombre_form: contexto["form"]})}


class SesionDatosView(_AccionSesion):
    """Edit date, place and objective, refusing silently overwriting a colleague's change."""

    form_class = forms.SesionEditarForm
    nombre_form = "form_datos"
    mensaje_exito = gettext_lazy("Datos de la sesión guardados.")

    def get_form_kwargs(self):
        # validated on a copy: until the service saves, the page shows the session as it is
        return {
            **super().get_form_kwargs(),
            "instance": copy.copy(self.objeto),
            "mesa": self.objeto.mesa,
        }

    def ejecutar(self, form):
        datos = dict(form.cleaned_data)
        return services.sesion_actualizar(
            sesion=self.objeto, version=datos.pop("version"), usuario=self.request.user, **datos
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "datos_abiertos": True}


class SesionConvocarView(_AccionSesion):
    permiso = "mesas.convocar"
    form_class = forms.ConvocatoriaForm
    nombre_form = "form_convocatoria"
    ancla = "convocatoria"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "sesion": self.objeto}

    def ejecutar(self, form):
        return services.convocatoria_enviar(
            sesion=self.objeto, actores=form.cleaned_data["actores"], usuario=self.request.user
        )

    def form_valid(self, form):
        enviadas, sin_correo = self.resultado["enviadas"], self.resultado["sin_correo"]
        messages.success(self.request, _("Invitaciones en camino: %(n)s.") % {"n": enviadas})
        if self.resultado.get("por_texto"):
            messages.info(
                self.request,
                ngettext(
                    "%(n)s de ellas va por SMS o WhatsApp; su respuesta (SI o NO) se registra sola.",
                    "%(n)s de ellas van por SMS o WhatsApp; sus respuestas (SI o NO) se registran solas.",
                    self.resultado["por_texto"],
                )
                % {"n": self.resultado["por_texto"]},
            )
        if sin_correo:
            messages.warning(
                self.request,
                _(
                    "Sin correo electrónico ni celular con permiso para SMS o WhatsApp, no se pudo invitar a: %(nombres)s."
                )
                % {"nombres": ", ".join(a.nombre for a in sin_correo)},
            )
        return super().form_valid(form)


class InvitacionesReenviarView(_AccionSesion):
    """Send the invitation again to the invitees marked (or to all who did not answer)."""

    permiso = "mesas.convocar"
    form_class = forms.InvitacionesReenviarForm
    nombre_form = "form_reenviar"
    ancla = "convocatoria"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "sesion": self.objeto}

    def ejecutar(self, form):
        return services.invitaciones_reenviar(
            sesion=self.objeto,
            invitaciones=form.cleaned_data["invitaciones"],
            usuario=self.request.user,
        )

    def form_valid(self, form):
        messages.success(self.request, _("Invitaciones reenviadas: %(n)s.") % {"n": self.resultado})
        return super().form_valid(form)


class SesionCancelarView(_AccionSesion):
    """Call the session off, with the reason the invitees will read."""

    permiso = "mesas.cancelar_sesion"
    form_class = forms.SesionCancelarForm
    nombre_form = "form_cancelar"

    def ejecutar(self, form):
        return services.sesion_cancelar(
            sesion=self.objeto,
            version=form.cleaned_data["version"],
            motivo=form.cleaned_data["motivo"],
            usuario=self.request.user,
        )

    def form_valid(self, form):
        if self.resultado.invitaciones.exists():
            messages.success(
                self.request,
                _("Sesión cancelada. Las personas invitadas reciben el aviso por correo."),
            )
        else:
            messages.success(self.request, _("Sesión cancelada."))
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "datos_abiertos": True}


class SesionCerrarView(_AccionSesion):
    permiso = "mesas.cerrar_sesion"
    form_class = forms.VersionForm
    nombre_form = "form_cierre"
    mensaje_exito = gettext_lazy("Sesión cerrada. El acta se está generando.")

    def ejecutar(self, form):
        return services.sesion_cerrar(
            sesion=self.objeto,
            version=form.cleaned_data["version"],
            usuario=self.request.user,
        )


class SesionReabrirView(_AccionSesion):
    permiso = "mesas.reabrir_sesion"
    nombre_form = "form_cierre"
    mensaje_exito = gettext_lazy(
        "Sesión reabierta: corrija y vuelva a cerrarla para generar una nueva versión del acta."
    )

    def ejecutar(self, form):
        return services.sesion_reabrir(sesion=self.objeto, usuario=self.request.user)


class ActaPublicarView(_AccionSesion):
    permiso = "mesas.publicar_acta"
    nombre_form = "form_cierre"
    mensaje_exito = gettext_lazy("Acta publicada: ya es visible en el portal público.")

    def ejecutar(self, form):
        return services.acta_publicar(sesion=self.objeto, usuario=self.request.user)


class AsistenciaAnterioresView(_AccionSesion):
    """Record at once everyone who attended the previous session and is not on this list yet
    (the button "Traer asistentes de la sesión anterior")."""

    nombre_form = "form_anteriores"
    ancla = "asistencia"

    def ejecutar(self, form):
        return services.asistencia_traer_anteriores(sesion=self.objeto, usuario=self.request.user)

    def form_valid(self, form):
        if self.resultado:
            messages.success(
                self.request,
                ngettext(
                    "Se añadió %(n)s asistente de la sesión anterior.",
                    "Se añadieron %(n)s asistentes de la sesión anterior.",
                    self.resultado,
                )
                % {"n": self.resultado},
            )
        else:
            messages.info(
                self.request, _("Todos los asistentes de la sesión anterior ya están en la lista.")
            )
        return super().form_valid(form)


class SeccionRegistroView(_AccionSesion):
    """Add one item to a section (attendee, intervention, agreement...): saved at once, and with
    htmx the page stays: the answer is the section, refreshed. One view for every section, each
    configured by its `SeccionDeRegistro` in SECCIONES."""

    seccion = ""  # its URL's name, and the prefix of its form's fields
    servicio: Callable[..., object] | None = None  # servicio(sesion=..., **form data)
    registra_autor = True  # the service also records who did it (usuario=)
    refresca_asistentes = False  # the attendee selects of other sections change (out of band)

    @property
    def nombre_form(self) -> str:
        return self.seccion

    @property
    def plantilla_parcial(self) -> str:
        return f"mesas/registro/{self.ancla}.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "sesion": self.objeto, "prefix": self.seccion}

    def post(self, request, *args, **kwargs):
        # A repeat (double tap, the outbox sending again) of an item already stored is answered
        # as its first save, before its form is checked against a page that has changed since.
        if self.ya_registrado():
            return self.form_valid(self.get_form())
        return super().post(request, *args, **kwargs)

    def ya_registrado(self) -> bool:
        try:
            uid = uuid.UUID(self.request.POST.get(f"{self.seccion}-uid", ""))
        except ValueError:
            return False
        modelo = MODELO_DE_SECCION[self.seccion]
        return modelo.objects.filter(uid=uid, sesion=self.objeto).exists()

    def ejecutar(self, form):
        autor = {"usuario": self.request.user} if self.registra_autor else {}
        return self.servicio(sesion=self.objeto, **autor, **form.cleaned_data)

    def form_valid(self, form):
        if self.es_htmx():  # the section says it was saved: no message left for the next page
            return self.respuesta_htmx()
        return super().form_valid(form)

    def respuesta_htmx(self) -> HttpResponse:
        """The section's list, which says it was saved, and out of band what else shows such
        items (counters, the selects that offer them). Not the section's forms: the page empties
        them itself (registro.js), and an answer that re-sent them weighed 9 KB on a slow link."""
        refresca = ("asistentes",) if self.refresca_asistentes else ()
        if self.seccion == "agenda":  # a new agenda item is offered at once as an intervention's
            refresca += ("agenda",)
        contexto = {
            **self.contexto_pagina(**self.selecciones_conservadas()),
            "seccion": self.ancla,
            "cambio_guardado": self.mensaje_exito,
            "oob": refresca,
            "registrado": True,
        }
        respuesta = render(self.request, "mesas/registro/_tras_cambio.html", contexto)
        respuesta["HX-Retarget"] = f"#lista-{self.ancla}"
        respuesta["HX-Reswap"] = "outerHTML"
        # The first thing recorded puts a planned session in progress: update the header badge.
        self.objeto.refresh_from_db(fields=["estado"])
        estado = render_to_string(
            "mesas/registro/_estado.html",
            {"sesion": self.objeto, "oob_estado": True},
            request=self.request,
        )
        respuesta.content += estado.encode()
        return respuesta

    def selecciones_conservadas(self) -> dict:
        """Out-of-band selects keep what the facilitator had selected in the other forms."""
        if not self.refresca_asistentes:
            return {}
        datos = self.request.POST
        return {
            "intervencion": forms.IntervencionForm(
                sesion=self.objeto,
                prefix="intervencion",
                initial={"actor": datos.get("intervencion-actor")},
            ),
            "acuerdo": forms.AcuerdoForm(
                sesion=self.objeto,
                prefix="acuerdo",
                initial={"responsables": datos.getlist("acuerdo-responsables")},
            ),
        }


@dataclass(frozen=True)
class SeccionDeRegistro:
    """A section of the recording page and its own URL (mesas/urls.py)."""

    seccion: str  # the URL's name, and the prefix of its form's fields
    form_class: type[django_forms.Form]
    servicio: Callable[..., object]  # records the item: servicio(sesion=..., **form data)
    mensaje_exito: str
    registra_autor: bool = True  # the service also records who did it (usuario=)
    refresca_asistentes: bool = False  # the attendee selects of other sections change
    ancla: str = ""  # the section of the page it answers with, when not its own

    def as_view(self):
        configuracion = {campo.name: getattr(self, campo.name) for campo in fields(self)}
        return SeccionRegistroView.as_view(**configuracion | {"ancla": self.ancla or self.seccion})


# What each section records (its uid tells a repeat).
MODELO_DE_SECCION = {
    "asistencia": Asistencia,
    "nuevo": Asistencia,
    "intervencion": Intervencion,
    "acuerdo": Acuerdo,
    "agenda": PuntoAgenda,
    "prioridad": Prioridad,
    "tema": TemaPendiente,
}

# The sections of the recording page, in its order.
SECCIONES = (
    SeccionDeRegistro(
        "asistencia",
        forms.AsistenciaForm,
        services.asistencia_registrar,
        gettext_lazy("Asistencia registrada."),
        refresca_asistentes=True,
    ),
    # The quick-add form, shown (and answered) inside the attendance section.
    SeccionDeRegistro(
        "nuevo",
        forms.AsistenteNuevoForm,
        services.asistente_nuevo_registrar,
        gettext_lazy("Nuevo asistente registrado en el mapa de actores y en la asistencia."),
        refresca_asistentes=True,
        ancla="asistencia",
    ),
    SeccionDeRegistro(
        "intervencion",
        forms.IntervencionForm,
        services.intervencion_registrar,
        gettext_lazy("Intervención registrada."),
    ),
    SeccionDeRegistro(
        "acuerdo",
        forms.AcuerdoForm,
        services.acuerdo_registrar,
        gettext_lazy("Acuerdo registrado."),
    ),
    SeccionDeRegistro(
        "agenda",
        forms.PuntoAgendaForm,
        services.punto_agenda_agregar,
        gettext_lazy("Punto de agenda añadido."),
        registra_autor=False,
    ),
    SeccionDeRegistro(
        "prioridad",
        forms.PrioridadForm,
        services.prioridad_registrar,
        gettext_lazy("Prioridad registrada."),
        registra_autor=False,
    ),
    SeccionDeRegistro(
        "tema",
        forms.TemaPendienteForm,
        services.tema_pendiente_registrar,
        gettext_lazy("Tema pendiente registrado."),
        registra_autor=False,
    ),
)


class AcuerdoEditarView(_PaginaSesion, VistaAccion):
    """Correct an agreement in place (htmx): GET gives its form, a save gives the item back."""

    permiso = "mesas.registrar_sesion"
    template_name = "mesas/registro/acuerdo_editar.html"
    form_class = forms.AcuerdoEditarForm

    @cached_property
    def acuerdo(self) -> Acuerdo:
        return objeto_o_404(Acuerdo, pk=self.kwargs["acuerdo_id"], sesion=self.objeto)

    def get_initial(self):
        return forms.AcuerdoEditarForm.datos_de(self.acuerdo)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        return {**kwargs, "sesion": self.objeto, "prefix": f"a{self.acuerdo.pk}"}

    def ejecutar(self, form):
        return services.acuerdo_editar(
            acuerdo=self.acuerdo, usuario=self.request.user, **form.cleaned_data
        )

    def get_success_url(self) -> str:
        return f"{self.objeto.get_absolute_url()}#seccion-acuerdo"

    def respuesta_htmx(self) -> HttpResponse:
        respuesta = render(
            self.request,
            "mesas/registro/acuerdo_item.html",
            {"a": self.resultado, "sesion": self.objeto, "puede_registrar": True},
        )
        # the correction, in the session's history at once
        historial = render_to_string(
            "mesas/registro/historial.html",
            {
                "sesion": self.objeto,
                "oob_historial": True,
                "historial": Paginator(
                    selectors.historial_de_sesion(sesion=self.objeto), HISTORIAL_POR_PAGINA
                ).page(1),
            },
            request=self.request,
        )
        respuesta.content += historial.encode()
        return respuesta

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "a": self.acuerdo, "sesion": self.objeto}


# --- Corrections: every recorded item can be edited and deleted while the session is open -----


@dataclass(frozen=True)
class ItemDeRegistro:
    """A kind of recorded item, how it is corrected and removed, and the list that shows it.

    Its URLs are named `<tipo>_editar` and `<tipo>_eliminar`; the item's element on the page is
    `#<tipo>-<pk>` and its section's list `#lista-<seccion>`."""

    tipo: str
    modelo: type
    form_class: type[django_forms.Form]
    editar: Callable[..., object]  # editar(<clave>=item, usuario=..., **form data)
    eliminar: Callable[..., object]  # eliminar(<clave>=item, usuario=...)
    clave: str  # the services' keyword for the item
    seccion: str  # the section of the page that lists it
    mensaje_editado: str
    mensaje_eliminado: str
    # after a change the page's other parts that show this kind of item (out of band)
    refresca: tuple[str, ...] = ()


class _ItemDeSesion(_PaginaSesion):
    """An item of the session of the URL (404 for an item of another session)."""

    permiso = "mesas.registrar_sesion"
    item_de: ItemDeRegistro | None = None
    kwarg_item = "item_id"

    @cached_property
    def item(self):
        pk = self.kwargs[self.kwarg_item]
        return objeto_o_404(self.item_de.modelo, pk=pk, sesion=self.objeto)

    def get_success_url(self) -> str:
        return f"{self.objeto.get_absolute_url()}#seccion-{self.item_de.seccion}"

    def respuesta_tras_cambio(self, mensaje: str, *, eliminado: bool = False) -> HttpResponse:
        """With htmx the refreshed list, which says what was done; without, back to the section."""
        if self.es_htmx():
            return self.respuesta_lista(mensaje, eliminado=eliminado)
        messages.success(self.request, mensaje)
        return HttpResponseRedirect(self.get_success_url())

    def respuesta_lista(
        self, mensaje: str = "", *, error: str = "", eliminado: bool = False, status: int = 200
    ) -> HttpResponse:
        """The section's list, refreshed (an edited agenda item may move: they go by time),
        and the other parts of the page that show these items."""
        contexto = {
            **self.contexto_pagina(),
            "seccion": self.item_de.seccion,
            "cambio_guardado": mensaje,
            "error_cambio": error,
            "oob": self.item_de.refresca,
            "eliminado": eliminado,
        }
        respuesta = render(
            self.request, "mesas/registro/_tras_cambio.html", contexto, status=status
        )
        respuesta["HX-Retarget"] = f"#lista-{self.item_de.seccion}"
        respuesta["HX-Reswap"] = "outerHTML"
        return respuesta


class ItemEditarView(_ItemDeSesion, VistaAccion):
    """Correct an item in place (htmx): GET gives its form (with ?ver=1 the item again, to
    cancel), a save gives the list back. Without JavaScript: a page, then back to the section."""

    template_name = "mesas/registro/item_editar_pagina.html"
    plantilla_parcial = "mesas/registro/item_editar.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("ver") and self.es_htmx():
            return render(
                request, f"mesas/registro/{self.item_de.tipo}_item.html", self.contexto_item()
            )
        return super().get(request, *args, **kwargs)

    def contexto_item(self) -> dict:
        return {"sesion": self.objeto, "puede_registrar": True, "item": self.item}

    def get_form_class(self):
        return self.item_de.form_class

    def get_initial(self):
        return self.item_de.form_class.datos_de(self.item)

    def get_form_kwargs(self):
        prefijo = f"{self.item_de.tipo}{self.item.pk}"
        return {**super().get_form_kwargs(), "sesion": self.objeto, "prefix": prefijo}

    def ejecutar(self, form):
        return self.item_de.editar(
            **{self.item_de.clave: self.item}, usuario=self.request.user, **form.cleaned_data
        )

    def form_valid(self, form):
        return self.respuesta_tras_cambio(self.item_de.mensaje_editado)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **self.contexto_item(),
            "tipo": self.item_de.tipo,
            "accion": self.request.path,
        }


class ItemEliminarView(_ItemDeSesion, SoloPost, VistaAccion):
    """Delete an item (the page asks first: data-confirmar); it goes into the history."""

    template_name = "mesas/sesion.html"
    form_class = django_forms.Form

    def ejecutar(self, form):
        return self.item_de.eliminar(**{self.item_de.clave: self.item}, usuario=self.request.user)

    def form_valid(self, form):
        return self.respuesta_tras_cambio(self.item_de.mensaje_eliminado, eliminado=True)

    def form_invalid(self, form, status=400):
        if self.es_htmx():
            return self.respuesta_lista(error=" ".join(form.non_field_errors()), status=status)
        contexto = {**self.contexto_pagina(form_quitar=form), "objeto": self.objeto}
        return render(self.request, self.template_name, contexto, status=status)


class AsistenciaQuitarConIntervencionesView(_ItemDeSesion, VistaAccion):
    """Remove an attendee: if they spoke, a small form asks what becomes of their interventions
    (passed to another attendee, or deleted with the attendance)."""

    template_name = "mesas/registro/asistencia_quitar_pagina.html"
    plantilla_parcial = "mesas/registro/asistencia_quitar.html"
    form_class = forms.AsistenciaQuitarForm
    kwarg_item = "asistencia_id"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "asistencia": self.item, "prefix": "quitar"}

    def ejecutar(self, form):
        return services.asistencia_quitar(
            asistencia=self.item, usuario=self.request.user, **form.cleaned_data
        )

    def form_valid(self, form):
        return self.respuesta_tras_cambio(self.item_de.mensaje_eliminado, eliminado=True)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "sesion": self.objeto,
            "a": self.item,
            "intervenciones": self.objeto.intervenciones.filter(actor_id=self.item.actor_id),
        }


class HistorialView(_PaginaSesion, VistaStaff):
    """The session's history of corrections, page by page ("ver más")."""

    permiso = "mesas.ver_sesion"
    template_name = "mesas/registro/historial_pagina.html"

    def get_template_names(self):
        return ["mesas/registro/_historial_items.html" if self.es_htmx() else self.template_name]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "sesion": self.objeto,
            "mesa": self.objeto.mesa,
            "historial": paginar(
                self.request,
                selectors.historial_de_sesion(sesion=self.objeto),
                HISTORIAL_POR_PAGINA,
                parametro="pagina",
            ),
        }


HISTORIAL_POR_PAGINA = 10

# The kinds of recorded items and how each is corrected (mesas/urls.py gives each its URLs).
ITEMS = (
    ItemDeRegistro(
        "asistencia",
        Asistencia,
        forms.AsistenciaEditarForm,
        services.asistencia_editar,
        services.asistencia_quitar,
        "asistencia",
        "asistencia",
        gettext_lazy("Organización corregida."),
        gettext_lazy("Asistente quitado de la lista."),
        refresca=("asistentes", "intervencion"),
    ),
    ItemDeRegistro(
        "agenda",
        PuntoAgenda,
        forms.PuntoAgendaEditarForm,
        services.punto_agenda_editar,
        services.punto_agenda_eliminar,
        "punto",
        "agenda",
        gettext_lazy("Punto de agenda corregido."),
        gettext_lazy("Punto de agenda eliminado."),
        refresca=("agenda", "intervencion"),
    ),
    ItemDeRegistro(
        "intervencion",
        Intervencion,
        forms.IntervencionEditarForm,
        services.intervencion_editar,
        services.intervencion_eliminar,
        "intervencion",
        "intervencion",
        gettext_lazy("Intervención corregida."),
        gettext_lazy("Intervención eliminada."),
    ),
    ItemDeRegistro(
        "prioridad",
        Prioridad,
        forms.PrioridadEditarForm,
        services.prioridad_editar,
        services.prioridad_eliminar,
        "prioridad",
        "prioridad",
        gettext_lazy("Prioridad corregida."),
        gettext_lazy("Prioridad eliminada."),
    ),
    ItemDeRegistro(
        "acuerdo",
        Acuerdo,
        forms.AcuerdoEditarForm,
        services.acuerdo_editar,
        services.acuerdo_eliminar,
        "acuerdo",
        "acuerdo",
        gettext_lazy("Acuerdo corregido."),
        gettext_lazy("Acuerdo eliminado."),
    ),
    ItemDeRegistro(
        "tema",
        TemaPendiente,
        forms.TemaPendienteEditarForm,
        services.tema_pendiente_editar,
        services.tema_pendiente_eliminar,
        "tema",
        "tema",
        gettext_lazy("Tema pendiente corregido."),
        gettext_lazy("Tema pendiente eliminado."),
    ),
)
ITEM = {i.tipo: i for i in ITEMS}
# --- The paper kit: the sign-in sheet (a core.documentos kind) and the session's photos --------


def contexto_papel(*, sesion: Sesion, usuario) -> dict:
    """The context of the paper-kit section of the session page (mesas/registro/papel.html)."""
    return {
        **papel.de_sesion(sesion=sesion, usuario=usuario),
        "form_foto": forms.FotoSesionForm(sesion=sesion, prefix="foto"),
    }


class _AccionPapel(_AccionSesion):
    """Allowed whatever the session's state: the signed sheet is photographed after closing."""

    permiso = "mesas.adjuntar_fotos"
    ancla = "papel"
    plantilla_parcial = "mesas/registro/papel.html"

    def respuesta_htmx(self) -> HttpResponse:
        contexto = {
            **self.contexto_pagina(),
            "guardado": self.mensaje_exito,
            "seccion_activa": "foto",
        }
        return render(self.request, self.plantilla_parcial, contexto)


class FotoSubirView(_AccionPapel):
    """A photo or scan from the phone's camera; sent again with the same uid, stored once."""

    form_class = forms.FotoSesionForm
    nombre_form = "form_foto"
    mensaje_exito = gettext_lazy("Foto guardada en la sesión.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "sesion": self.objeto, "prefix": "foto"}

    def ejecutar(self, form):
        return services.foto_sesion_subir(
            sesion=self.objeto, usuario=self.request.user, **form.cleaned_data
        )


class FotoQuitarView(_AccionPapel):
    nombre_form = "form_foto_quitar"
    mensaje_exito = gettext_lazy("Foto quitada de la sesión.")

    def ejecutar(self, form):
        foto = objeto_o_404(FotoSesion, pk=self.kwargs["foto_id"], sesion=self.objeto)
        return services.foto_sesion_quitar(foto=foto, usuario=self.request.user)
