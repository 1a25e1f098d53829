"""Thin views of eventos: the staff area under gestion/, the public pages, the guests' links.

Every staff page is a VistaStaff on the event of the URL (PaginaEvento); every change is its own
VistaAccion (AccionEvento) that binds one form and calls one service.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from canales.selectors import conversacion_de
from core.cache import PaginaPublicaMixin
from core.documentos import documento_de, documentos_de
from core.enlaces import url_absoluta
from core.limites import limite_superado
from core.models import Documento
from core.red import ip_cliente
from core.vistas import PUBLICO, SoloPost, VistaAccion, VistaStaff, objeto_o_404, paginar
from mesas.calendario import calendario_ics
from mesas.calendario import evento_de as evento_de_sesion

from . import enlaces, selectors, services
from .forms import (
    EstadoForm,
    EventoForm,
    FiltroActoresForm,
    FiltroAgendaForm,
    FotoForm,
    InscripcionForm,
    InvitadoForm,
    MiembroForm,
    PonenteForm,
    RespuestaForm,
    SeleccionActoresForm,
    SesionForm,
    SinInvitacionForm,
    SistematizacionForm,
    TareaEstadoForm,
    TareaForm,
)
from .models import Evento, Invitado, MiembroEquipo, Ponente, Sesion, TareaLogistica

# --- Staff area ------------------------------------------------------------------------------


class EventoDeLaUrl:
    """The event of the URL is the view's object; the section tabs show what one may do on it."""

    permiso = "eventos.ver_evento"

    def cargar_objeto(self) -> Evento:
        return objeto_o_404(
            Evento.objects.select_related("parroquia__canton"), pk=self.kwargs["pk"]
        )

    @property
    def evento(self) -> Evento:
        return self.objeto

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.update(
            evento=self.evento,
            puede_editar=self.puede("eventos.editar_evento"),
            puede_invitados=self.puede("eventos.gestionar_invitados"),
            puede_acreditar=self.puede("eventos.registrar_asistencia"),
            puede_logistica=self.puede("eventos.editar_logistica"),
            puede_sistematizar=self.puede("eventos.sistematizar"),
        )
        return contexto


class PaginaEvento(EventoDeLaUrl, VistaStaff):
    pass


class AccionEvento(EventoDeLaUrl, VistaAccion):
    """One change on the event (or on one of its objects: `modelo` with the URL's `obj`).

    Most call their service the same way, so they only name it: `servicio(evento=, usuario=,
    datos=the form's data)`, with the URL's object as `objeto_como=` (by default the model's
    name) when there is a `modelo`; `mensaje_cuenta` is the success message of a service that
    returns how many it did (`%(n)s`). A view that does more writes its own `ejecutar`."""

    template_name = "eventos/gestion/formulario.html"
    titulo = ""
    boton = None
    modelo = None
    mensaje_exito = gettext_lazy("Guardado.")
    servicio = None
    objeto_como = ""
    mensaje_cuenta = None

    def datos(self, form) -> dict | None:
        """The service's `datos` (None: the service takes none)."""
        return form.cleaned_data

    def ejecutar(self, form):
        argumentos = {"evento": self.evento, "usuario": self.request.user}
        if (datos := self.datos(form)) is not None:
            argumentos["datos"] = datos
        if self.modelo is not None:
            argumentos[self.objeto_como or self.modelo._meta.model_name] = self.de_la_url
        resultado = type(self).servicio(**argumentos)  # a function of services, not a method
        if self.mensaje_cuenta:
            messages.success(self.request, self.mensaje_cuenta % {"n": resultado})
        return resultado

    @cached_property
    def de_la_url(self):
        """The object of the URL's `obj`, only if it belongs to this event (404 otherwise)."""
        if self.modelo is None or "obj" not in self.kwargs:
            return None
        return objeto_o_404(self.modelo, pk=self.kwargs["obj"], evento=self.evento)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.modelo is not None and issubclass(self.get_form_class(), forms.ModelForm):
            kwargs["instance"] = self.de_la_url
        else:
            _ = self.de_la_url  # an object of another event is a 404 before the form is read
        return kwargs

    def volver(self) -> str:
        return self.evento.get_gestion_url()

    def get_success_url(self) -> str:
        return self.volver()

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.update(titulo=self.titulo, boton=self.boton, volver=self.volver())
        if "form" in contexto:
            contexto["multipart"] = contexto["form"].is_multipart()
        return contexto


class BotonEvento(SoloPost, AccionEvento):
    """An action of one button: nothing to type, POST only; a refusal shows on its own page."""

    form_class = forms.Form
    mensaje_exito = None
    boton = gettext_lazy("Intentar de nuevo")

    def datos(self, form) -> dict | None:
        return None


class GestionListaView(VistaStaff):
    permiso = "eventos.ver_gestion"
    template_name = "eventos/gestion/lista.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        pagina = paginar(
            self.request, selectors.eventos_para(usuario=self.request.user), por_pagina=20
        )
        contexto.update(
            pagina=pagina,
            eventos=pagina.object_list,
            puede_crear=self.request.user.has_perm("eventos.crear_evento"),
        )
        return contexto


def _datos_evento(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "aliados"}


class EventoCrearView(VistaAccion):
    permiso = "eventos.crear_evento"
    form_class = EventoForm
    template_name = "eventos/gestion/formulario.html"
    mensaje_exito = gettext_lazy("Evento creado.")

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.update(titulo=_("Nuevo evento"), volver=reverse("eventos:gestion_lista"))
        return contexto

    def ejecutar(self, form) -> Evento:
        return services.evento_crear(
            usuario=self.request.user,
            datos=_datos_evento(form),
            aliados=form.cleaned_data["aliados"],
        )

    def get_success_url(self) -> str:
        return self.resultado.get_gestion_url()


class EventoGestionView(PaginaEvento):
    template_name = "eventos/gestion/evento.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        siguiente = {
            Evento.Estado.PLANIFICACION: Evento.Estado.INVITACIONES,
            Evento.Estado.INVITACIONES: Evento.Estado.REALIZADO,
            Evento.Estado.REALIZADO: Evento.Estado.SISTEMATIZADO,
        }.get(self.evento.estado)
        contexto.update(
            lista=selectors.estado_lista(evento=self.evento),
            logistica=selectors.logistica_de(evento=self.evento),
            equipo=self.evento.equipo.select_related("usuario", "actor"),
            sesiones=self.evento.sesiones.prefetch_related("ponentes", "moderadores"),
            siguiente_estado=siguiente,
            siguiente_estado_nombre=Evento.Estado(siguiente).label if siguiente else "",
            estados=Evento.Estado.choices,
        )
        return contexto


class EventoEditarView(AccionEvento):
    permiso = "eventos.editar_evento"
    form_class = EventoForm
    titulo = gettext_lazy("Editar evento")
    mensaje_exito = gettext_lazy("Cambios guardados.")

    def get_form_kwargs(self):
        # A copy: the form writes what was typed on its instance, the page header keeps the event.
        return {**super().get_form_kwargs(), "instance": Evento.objects.get(pk=self.evento.pk)}

    def ejecutar(self, form) -> Evento:
        return services.evento_actualizar(
            evento=self.evento,
            usuario=self.request.user,
            datos=_datos_evento(form),
            aliados=form.cleaned_data["aliados"],
        )


class EventoEstadoView(BotonEvento):
    permiso = "eventos.editar_evento"
    form_class = EstadoForm
    titulo = gettext_lazy("Estado del evento")
    mensaje_exito = gettext_lazy("Estado del evento actualizado.")

    def ejecutar(self, form) -> Evento:
        return services.evento_cambiar_estado(
            evento=self.evento, estado=form.cleaned_data["estado"], usuario=self.request.user
        )


class _ContextoEquipo:
    template_name = "eventos/gestion/equipo.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", MiembroForm())
        contexto["equipo"] = self.evento.equipo.select_related("usuario", "actor")
        return contexto


class EquipoView(_ContextoEquipo, PaginaEvento):
    pass


class MiembroAgregarView(_ContextoEquipo, AccionEvento):
    permiso = "eventos.editar_evento"
    form_class = MiembroForm
    mensaje_exito = gettext_lazy("Agregado al grupo de trabajo.")

    def volver(self) -> str:
        return reverse("eventos:equipo", kwargs={"pk": self.evento.pk})

    def ejecutar(self, form) -> MiembroEquipo:
        return services.miembro_agregar(
            evento=self.evento,
            rol=form.cleaned_data["rol"],
            miembro=form.cleaned_data["usuario"],
            actor=form.cleaned_data["actor"],
            usuario=self.request.user,
        )


class MiembroQuitarView(BotonEvento):
    permiso = "eventos.editar_evento"
    modelo = MiembroEquipo
    titulo = gettext_lazy("Quitar del grupo de trabajo")
    mensaje_exito = gettext_lazy("Quitado del grupo de trabajo.")

    def volver(self) -> str:
        return reverse("eventos:equipo", kwargs={"pk": self.evento.pk})

    def ejecutar(self, form) -> None:
        services.miembro_quitar(miembro=self.de_la_url, usuario=self.request.user)


class ProgramaView(PaginaEvento):
    template_name = "eventos/gestion/programa.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.update(
            sesiones=self.evento.sesiones.prefetch_related("ponentes", "moderadores"),
            ponentes=self.evento.ponentes.select_related("actor"),
        )
        return contexto


class _DelPrograma:
    permiso = "eventos.editar_evento"

    def volver(self) -> str:
        return reverse("eventos:programa", kwargs={"pk": self.evento.pk})


class PonenteView(_DelPrograma, AccionEvento):
    form_class = PonenteForm
    modelo = Ponente
    titulo = gettext_lazy("Ponente")
    servicio = services.ponente_guardar


class SesionView(_DelPrograma, AccionEvento):
    form_class = SesionForm
    modelo = Sesion
    titulo = gettext_lazy("Sesión del programa")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.de_la_url is None:
            kwargs["initial"] = {"inicio": self.evento.inicio, "fin": self.evento.fin}
        return {**kwargs, "evento": self.evento}

    def ejecutar(self, form) -> Sesion:
        datos = form.cleaned_data
        return services.sesion_guardar(
            evento=self.evento,
            usuario=self.request.user,
            datos={k: v for k, v in datos.items() if k not in ("ponentes", "moderadores")},
            ponentes=datos["ponentes"],
            moderadores=datos["moderadores"],
            sesion=self.de_la_url,
        )


class SesionEliminarView(_DelPrograma, BotonEvento):
    modelo = Sesion
    titulo = gettext_lazy("Eliminar la sesión")
    mensaje_exito = gettext_lazy("Sesión eliminada.")

    def ejecutar(self, form) -> None:
        services.sesion_eliminar(sesion=self.de_la_url, usuario=self.request.user)


# --- Guest list ------------------------------------------------------------------------------


class _DeLaLista:
    permiso = "eventos.gestionar_invitados"

    def volver(self) -> str:
        return reverse("eventos:invitados", kwargs={"pk": self.evento.pk})


class InvitadosView(_DeLaLista, PaginaEvento):
    template_name = "eventos/gestion/invitados.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        estado = self.request.GET.get("estado", "")
        q = self.request.GET.get("q", "").strip()
        invitados = selectors.invitados_de(evento=self.evento, estado=estado, q=q)
        pagina = paginar(self.request, invitados, por_pagina=50)
        contexto.update(
            lista=selectors.estado_lista(evento=self.evento),
            pagina=pagina,
            invitados=pagina.object_list,
            estado=estado,
            q=q,
            estados=Invitado.Estado.choices,
            recordatorios=self.evento.recordatorios.all(),
            conversacion=self._conversacion(),
        )
        return contexto

    def _conversacion(self) -> list:
        """The texts sent to the guests and their answers, latest first (who may see them)."""
        if not self.request.user.has_perm("canales.ver_mensajes"):
            return []
        invitados = self.evento.invitados.only("pk")
        return list(conversacion_de(invitados).order_by("-creado_en", "-pk")[:50])


class InvitadosMapaView(_DeLaLista, AccionEvento):
    """The actor map filtered (GET), and the ticked actors put on the guest list (POST)."""

    template_name = "eventos/gestion/invitados_mapa.html"
    form_class = SeleccionActoresForm
    mensaje_exito = None

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        filtro = FiltroActoresForm(self.request.GET or None)
        actores = []
        if filtro.is_valid():
            d = filtro.cleaned_data
            actores = selectors.actores_para_invitar(
                evento=self.evento,
                tipo=d.get("tipo") or "",
                canton=d.get("canton"),
                sector=d.get("sector"),
                influencia_minima=d.get("influencia"),
                q=d.get("q") or "",
            )
        pagina = paginar(self.request, actores, por_pagina=100)
        contexto.update(filtro=filtro, pagina=pagina, actores=pagina.object_list)
        return contexto

    def ejecutar(self, form) -> int:
        creados = services.invitados_agregar_desde_actores(
            evento=self.evento, actores=form.cleaned_data["actores"], usuario=self.request.user
        )
        if creados:
            messages.success(
                self.request,
                _("%(n)s actores agregados a la lista de invitados.") % {"n": creados},
            )
        else:
            messages.warning(
                self.request, _("No se agregó a nadie: elija al menos un actor nuevo.")
            )
        return creados


class InvitadoCrearView(_DeLaLista, AccionEvento):
    form_class = InvitadoForm
    titulo = gettext_lazy("Agregar invitado a mano")
    servicio = services.invitado_agregar


class InvitacionesEnviarView(_DeLaLista, BotonEvento):
    titulo = gettext_lazy("Enviar invitaciones")
    servicio = services.invitaciones_enviar
    mensaje_cuenta = gettext_lazy("%(n)s invitaciones en camino por correo.")


class RecordatorioCrearView(_DeLaLista, BotonEvento):
    titulo = gettext_lazy("Recordar a quienes no respondieron")

    def ejecutar(self, form):
        recordatorio = services.recordatorio_crear(evento=self.evento, usuario=self.request.user)
        messages.success(
            self.request,
            _("Recordatorio n.º %(n)s en camino a quienes no han respondido.")
            % {"n": recordatorio.numero},
        )
        return recordatorio


class InvitadoCancelarView(_DeLaLista, BotonEvento):
    modelo = Invitado
    titulo = gettext_lazy("Cancelar la invitación")
    mensaje_exito = gettext_lazy("Invitación cancelada; el cupo pasa a la lista de espera.")

    def ejecutar(self, form) -> Invitado:
        return services.invitado_cancelar(invitado=self.de_la_url, usuario=self.request.user)


class InvitadoRespuestaView(_DeLaLista, BotonEvento):
    """Staff record an answer given by phone or in person (guests without e-mail, for instance)."""

    form_class = RespuestaForm
    modelo = Invitado
    titulo = gettext_lazy("Respuesta a la invitación")

    def ejecutar(self, form) -> Invitado:
        invitado = services.invitacion_responder(
            invitado=self.de_la_url, asiste=form.cleaned_data["asiste"], usuario=self.request.user
        )
        messages.success(
            self.request,
            _("Respuesta de %(n)s registrada: %(e)s.")
            % {"n": invitado.nombre, "e": invitado.get_estado_display()},
        )
        return invitado


class ListaImprimibleView(PaginaEvento):
    permiso = "eventos.registrar_asistencia"
    template_name = "eventos/gestion/lista_imprimible.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        confirmados = self.evento.invitados.filter(estado=Invitado.Estado.CONFIRMADO).order_by(
            "nombre"
        )
        contexto["filas"] = [
            (invitado, enlaces.qr_data_uri(enlaces.url_acreditacion(invitado)))
            for invitado in confirmados
        ]
        return contexto


# --- Check-in --------------------------------------------------------------------------------


class _DeLaAcreditacion:
    permiso = "eventos.registrar_asistencia"

    def volver(self) -> str:
        return reverse("eventos:acreditacion", kwargs={"pk": self.evento.pk})

    def avisar_llegada(self, invitado: Invitado, nuevo: bool) -> None:
        if nuevo:
            messages.success(
                self.request, _("Llegada de %(n)s registrada.") % {"n": invitado.nombre}
            )
        else:
            messages.info(
                self.request,
                _("%(n)s ya estaba registrado: no se cuenta dos veces.") % {"n": invitado.nombre},
            )


class AcreditacionView(_DeLaAcreditacion, PaginaEvento):
    template_name = "eventos/gestion/acreditacion.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        q = self.request.GET.get("q", "").strip()
        contexto.update(
            q=q,
            resultados=selectors.buscar_para_acreditar(evento=self.evento, q=q) if q else [],
            lista=selectors.estado_lista(evento=self.evento),
        )
        return contexto

    def get_template_names(self):
        if self.request.htmx:
            return ["eventos/gestion/acreditacion.html#resultados"]
        return [self.template_name]


class AcreditarView(_DeLaAcreditacion, BotonEvento):
    """One tap on a row of the search: the row (and the counter) answer htmx in place."""

    modelo = Invitado
    titulo = gettext_lazy("Registrar llegada")
    plantilla_parcial = "eventos/gestion/acreditacion.html#rechazo"

    def ejecutar(self, form) -> tuple[Invitado, bool]:
        invitado, nuevo = services.asistencia_registrar(
            invitado=self.de_la_url, usuario=self.request.user
        )
        if not self.request.htmx:
            self.avisar_llegada(invitado, nuevo)
        return invitado, nuevo

    def respuesta_htmx(self) -> HttpResponse:
        invitado, nuevo = self.resultado
        fila = render(
            self.request,
            "eventos/gestion/acreditacion.html#fila",
            {"invitado": invitado, "evento": self.evento, "recien": nuevo},
        )
        contador = render(
            self.request,
            "eventos/gestion/acreditacion.html#contador",
            {"lista": selectors.estado_lista(evento=self.evento), "oob": True},
        )
        return HttpResponse(fila.content + contador.content)


class AcreditarQRView(_DeLaAcreditacion, AccionEvento):
    """The URL inside each guest's QR code: the phone's camera opens it, one tap records."""

    template_name = "eventos/gestion/acreditar_qr.html"
    form_class = forms.Form
    mensaje_exito = None

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        try:
            invitado = enlaces.invitado_por_token_acreditacion(self.kwargs["token"])
        except enlaces.EnlaceInvalido:
            invitado = None
            contexto["error"] = _("Este código QR no es válido: puede estar dañado o incompleto.")
        if invitado and invitado.evento_id != self.evento.pk:
            contexto["error"] = _("Este código QR es de otro evento: «%(evento)s».") % {
                "evento": invitado.evento
            }
            invitado = None
        contexto["invitado"] = invitado
        return contexto

    def ejecutar(self, form) -> Invitado:
        invitado, nuevo = services.asistencia_por_qr(
            evento=self.evento, token=self.kwargs["token"], usuario=self.request.user
        )
        self.avisar_llegada(invitado, nuevo)
        return invitado


class SinInvitacionView(_DeLaAcreditacion, AccionEvento):
    form_class = SinInvitacionForm
    titulo = gettext_lazy("Registrar a alguien que llegó sin invitación")
    servicio = services.asistente_sin_invitacion_registrar


class AsistenciaView(PaginaEvento):
    template_name = "eventos/gestion/asistencia.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["cifras"] = selectors.cifras_asistencia(evento=self.evento)
        return contexto


# --- Logistics -------------------------------------------------------------------------------


class LogisticaView(PaginaEvento):
    template_name = "eventos/gestion/logistica.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["logistica"] = selectors.logistica_de(evento=self.evento)
        contexto["estados_tarea"] = TareaLogistica.Estado.choices
        return contexto


class _DeLaLogistica:
    permiso = "eventos.editar_logistica"

    def volver(self) -> str:
        return reverse("eventos:logistica", kwargs={"pk": self.evento.pk})


class LogisticaPlantillaView(_DeLaLogistica, BotonEvento):
    titulo = gettext_lazy("Agregar la lista del documento fundacional")
    servicio = services.logistica_aplicar_plantilla
    mensaje_cuenta = gettext_lazy("%(n)s tareas de la plantilla agregadas.")


class TareaView(_DeLaLogistica, AccionEvento):
    form_class = TareaForm
    modelo = TareaLogistica
    titulo = gettext_lazy("Tarea de logística")
    servicio = services.tarea_guardar
    objeto_como = "tarea"


class TareaEstadoView(_DeLaLogistica, BotonEvento):
    form_class = TareaEstadoForm
    modelo = TareaLogistica
    titulo = gettext_lazy("Estado de la tarea")
    mensaje_exito = gettext_lazy("Tarea actualizada.")
    servicio = services.tarea_guardar
    objeto_como = "tarea"

    def datos(self, form) -> dict:
        return {"estado": form.cleaned_data["estado"]}


# --- Systematization -------------------------------------------------------------------------


class _DeLaSistematizacion:
    permiso = "eventos.sistematizar"
    template_name = "eventos/gestion/sistematizacion.html"

    def volver(self) -> str:
        return reverse("eventos:sistematizacion", kwargs={"pk": self.evento.pk})

    @cached_property
    def registro(self):
        return getattr(self.evento, "sistematizacion", None)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", SistematizacionForm(instance=self.registro))
        contexto.setdefault("form_foto", FotoForm())
        asistentes = self.evento.invitados.filter(asistio=True).values_list("pk", flat=True)
        certificados = documentos_de(
            modelo=Invitado, pks=list(asistentes), tipo=services.TIPO_CERTIFICADO
        )
        informes = documentos_de(modelo=Evento, pks=[self.evento.pk], tipo=services.TIPO_INFORME)
        contexto.update(
            registro=self.registro,
            fotos=self.evento.fotos.all(),
            informes=informes.order_by("-version")[:5],
            certificados_listos=certificados.filter(estado=Documento.Estado.LISTO).count(),
            certificados_total=certificados.count(),
            certificados_todos=services.certificados_de_evento(evento=self.evento),
            asistentes=len(asistentes),
            cifras=selectors.cifras_asistencia(evento=self.evento),
            ya_paso=self.evento.inicio <= timezone.now(),
        )
        return contexto


class SistematizacionView(_DeLaSistematizacion, AccionEvento):
    form_class = SistematizacionForm
    mensaje_exito = gettext_lazy("Sistematización guardada.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.registro}

    servicio = services.sistematizacion_guardar


class FotoAgregarView(SoloPost, _DeLaSistematizacion, AccionEvento):
    form_class = FotoForm
    mensaje_exito = gettext_lazy("Foto agregada.")

    def get_context_data(self, **kwargs):
        # The page has two forms: the bound one here is the photo's.
        kwargs["form_foto"] = kwargs.pop("form", None) or FotoForm()
        kwargs["form"] = SistematizacionForm(instance=self.registro)
        return super().get_context_data(**kwargs)

    def ejecutar(self, form):
        return services.foto_agregar(
            evento=self.evento, usuario=self.request.user, **form.cleaned_data
        )


class InformeSolicitarView(_DeLaSistematizacion, BotonEvento):
    template_name = "eventos/gestion/formulario.html"
    titulo = gettext_lazy("Informe de sistematización (PDF)")
    servicio = services.informe_solicitar

    def get_success_url(self) -> str:
        return self.resultado.get_absolute_url()


class CertificadosSolicitarView(_DeLaSistematizacion, BotonEvento):
    template_name = "eventos/gestion/formulario.html"
    titulo = gettext_lazy("Certificados de asistencia")

    def ejecutar(self, form) -> list[Documento]:
        documentos = services.certificados_solicitar(evento=self.evento, usuario=self.request.user)
        messages.success(
            self.request,
            _("%(n)s certificados de asistencia en preparación.") % {"n": len(documentos)},
        )
        return documentos


# --- Public pages ----------------------------------------------------------------------------


class EventosPublicosView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "eventos/publico/lista.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.update(
            proximos=selectors.eventos_proximos(),
            pasados=paginar(self.request, selectors.eventos_pasados(), por_pagina=12),
        )
        return contexto


class EventoPublicoView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "eventos/publico/detalle.html"

    def cargar_objeto(self) -> Evento:
        try:
            return selectors.evento_publico(slug=self.kwargs["slug"])
        except Evento.DoesNotExist:
            raise Http404(_("No encontramos este evento.")) from None

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.update(evento=self.objeto, ponentes=self.objeto.ponentes.all())
        return contexto


def _vevento(evento: Evento):
    """The calendar entry of a published event, with its page's URL and a description."""
    from icalendar import Event as VEvent

    item = VEvent()
    item.add("uid", f"evento-{evento.pk}@pactos.pichincha.gob.ec")
    item.add("summary", evento.titulo)
    item.add("dtstart", evento.inicio)
    item.add("dtend", evento.fin)
    item.add("dtstamp", evento.actualizado)
    url = url_absoluta(evento.get_absolute_url())
    texto = evento.resumen or evento.descripcion[:500]
    mas = _("Más información: %(url)s") % {"url": url}
    item.add("description", f"{texto}\n\n{mas}" if texto else mas)
    if evento.es_presencial:
        partes = [evento.lugar, evento.direccion, str(evento.parroquia or "")]
        item.add("location", ", ".join(p for p in partes if p))
    elif evento.enlace_virtual:
        item.add("location", evento.enlace_virtual)
    item.add("url", url)
    return item


def _calendario(nombre: str, entradas) -> bytes:
    from icalendar import Calendar

    calendario = Calendar()
    calendario.add("prodid", "-//Pactos por Pichincha//Eventos//ES")
    calendario.add("version", "2.0")
    calendario.add("x-wr-calname", nombre)
    for entrada in entradas:
        calendario.add_component(entrada)
    return calendario.to_ical()


def _ics(eventos) -> bytes:
    return _calendario("Pactos por Pichincha — eventos", [_vevento(e) for e in eventos])


class EventoIcsView(PaginaPublicaMixin, View):
    def get(self, request, slug):
        evento = objeto_o_404(selectors.eventos_publicos(), slug=slug)
        respuesta = HttpResponse(_ics([evento]), content_type="text/calendar; charset=utf-8")
        respuesta["Content-Disposition"] = f'attachment; filename="{evento.slug}.ics"'
        return respuesta


class CalendarioIcsView(PaginaPublicaMixin, View):
    def get(self, request):
        return HttpResponse(
            _ics(selectors.eventos_publicos().order_by("inicio")),
            content_type="text/calendar; charset=utf-8",
        )


class InscripcionView(PaginaPublicaMixin, VistaAccion):
    permiso = PUBLICO
    template_name = "eventos/publico/inscripcion.html"
    form_class = InscripcionForm

    LIMITE_POR_HORA = 20

    def cargar_objeto(self) -> Evento:
        return objeto_o_404(selectors.eventos_publicos(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["evento"] = self.objeto
        return contexto

    def post(self, request, *args, **kwargs):
        # At most LIMITE_POR_HORA registrations an hour from one address (anti-spam).
        if limite_superado(
            f"eventos:inscripcion:{ip_cliente(request)}", self.LIMITE_POR_HORA, 3600
        ):
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None, _("Demasiadas inscripciones desde esta conexión. Intente en una hora.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def ejecutar(self, form) -> Invitado:
        datos = {k: v for k, v in form.cleaned_data.items() if k != "sitio"}
        return services.inscripcion_registrar(
            evento=self.objeto, datos=datos, usuario=self.request.user
        )

    def get_success_url(self) -> str:
        return reverse(
            "eventos:responder", kwargs={"token": enlaces.token_respuesta(self.resultado)}
        )


class InvitadoDelEnlace:
    """The guest's personal page; a broken link answers its own page (400), not a 404."""

    permiso = PUBLICO
    template_name = "eventos/publico/responder.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.invitado = enlaces.invitado_por_token_respuesta(kwargs["token"])
        except enlaces.EnlaceInvalido:
            return render(request, "eventos/publico/enlace_invalido.html", status=400)
        return super().dispatch(request, *args, **kwargs)

    def cargar_objeto(self) -> Invitado:
        return self.invitado

    def get_success_url(self) -> str:
        return reverse("eventos:responder", kwargs={"token": self.kwargs["token"]})

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        invitado = self.invitado
        ahora = timezone.now()
        contexto.update(
            invitado=invitado,
            evento=invitado.evento,
            puede_responder=invitado.estado
            in (Invitado.Estado.POR_INVITAR, Invitado.Estado.INVITADO)
            and invitado.evento.fin > ahora,
            puede_cancelar=invitado.estado in (Invitado.Estado.CONFIRMADO, Invitado.Estado.ESPERA)
            and not invitado.asistio
            and invitado.evento.inicio > ahora,
            ocultar_migas=True,
        )
        if invitado.estado == Invitado.Estado.CONFIRMADO and not invitado.asistio:
            contexto["qr"] = enlaces.qr_data_uri(enlaces.url_acreditacion(invitado))
        if invitado.asistio:
            contexto["certificado"] = _certificado_listo(invitado)
        return contexto


class ResponderView(InvitadoDelEnlace, VistaAccion):
    """Answer once (GET shows the page, then the answer and the check-in QR)."""

    form_class = RespuestaForm

    def ejecutar(self, form) -> Invitado:
        return services.invitacion_responder(
            invitado=self.invitado, asiste=form.cleaned_data["asiste"], usuario=self.request.user
        )


class CancelarView(SoloPost, InvitadoDelEnlace, VistaAccion):
    """A confirmed (or waiting) guest frees their seat."""

    form_class = forms.Form
    mensaje_exito = gettext_lazy("Liberamos su cupo. Gracias por avisarnos.")

    def ejecutar(self, form) -> Invitado:
        return services.invitacion_cancelar(invitado=self.invitado, usuario=self.request.user)


def _certificado_listo(invitado: Invitado) -> Documento | None:
    documento = documento_de(invitado, services.TIPO_CERTIFICADO)
    return documento if documento and documento.estado == Documento.Estado.LISTO else None


class CertificadoView(InvitadoDelEnlace, VistaStaff):
    """The guest downloads their own certificate through their personal link."""

    def get(self, request, *args, **kwargs):
        documento = _certificado_listo(self.invitado) if self.invitado.asistio else None
        if documento is None:
            raise Http404(_("Su certificado todavía no está listo."))
        return FileResponse(
            documento.archivo.open("rb"), as_attachment=True, filename=documento.nombre_archivo
        )


# --- The public agenda: table sessions and events --------------------------------------------

AGENDA_POR_PAGINA = 20


def _filtros_agenda(request) -> tuple[FiltroAgendaForm, str, str]:
    filtro = FiltroAgendaForm(request.GET or None)
    if filtro.is_valid():
        return filtro, filtro.cleaned_data["canton"], filtro.cleaned_data["tema"]
    return filtro, "", ""


class AgendaView(PaginaPublicaMixin, VistaStaff):
    """Upcoming table sessions (planned ones too: date, place and table only) and events."""

    permiso = PUBLICO
    template_name = "eventos/publico/agenda.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        filtro, canton, tema = _filtros_agenda(self.request)
        entradas = selectors.agenda_publica(canton=canton, tema=tema, con_canceladas=True)
        contexto.update(
            filtro=filtro,
            filtrada=bool(canton or tema),
            pagina=paginar(self.request, entradas, AGENDA_POR_PAGINA, parametro="pagina"),
        )
        return contexto


def _vevento_de_entrada(entrada):
    if entrada.clase == "evento":
        return _vevento(entrada.objeto)
    return evento_de_sesion(entrada.objeto, detalle=False)


class AgendaIcsView(PaginaPublicaMixin, View):
    """The whole agenda (with the page's filters) as one calendar to subscribe to."""

    duracion_cache_publica = AgendaView.duracion_cache_publica

    def get(self, request):
        _filtro, canton, tema = _filtros_agenda(request)
        entradas = selectors.agenda_publica(canton=canton, tema=tema)
        respuesta = HttpResponse(
            _calendario(_("Agenda de Pactos por Pichincha"), map(_vevento_de_entrada, entradas)),
            content_type="text/calendar; charset=utf-8",
        )
        respuesta["Content-Disposition"] = 'attachment; filename="agenda.ics"'
        return respuesta


class SesionMesaIcsView(PaginaPublicaMixin, View):
    """One table session for a calendar: date, place, table and the link to its page."""

    def get(self, request, slug, numero):
        try:
            sesion = selectors.sesion_de_mesa_para_calendario(slug=slug, numero=numero)
        except selectors.SesionMesa.DoesNotExist:
            raise Http404(_("Esta sesión no existe o fue cancelada.")) from None
        respuesta = HttpResponse(
            calendario_ics([sesion], nombre=sesion.mesa.nombre, detalle=False),
            content_type="text/calendar; charset=utf-8",
        )
        respuesta["Content-Disposition"] = f'attachment; filename="{slug}-{numero}.ics"'
        return respuesta
