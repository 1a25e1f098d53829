"""Thin views of eventos: staff area under gestion/, public pages, and the guests' personal links."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.enlaces import url_absoluta
from core.limites import limite_superado
from core.permisos import AccesoDenegado, PermisoRequeridoMixin
from core.red import ip_cliente
from core.validadores import id_de_formulario

from . import enlaces, selectors, services
from .forms import (
    EstadoForm,
    EventoForm,
    FiltroActoresForm,
    FotoForm,
    InscripcionForm,
    InvitadoForm,
    MiembroForm,
    PonenteForm,
    SesionForm,
    SinInvitacionForm,
    SistematizacionForm,
    TareaEstadoForm,
    TareaForm,
)
from .models import Evento, Invitado, MiembroEquipo, Ponente, Sesion, TareaLogistica


def _errores(request, exc: ValidationError) -> None:
    for mensaje in exc.messages:
        messages.error(request, mensaje)


def _form_con_errores(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for campo, errores in exc.error_dict.items():
            form.add_error(campo if campo in form.fields else None, errores)
    else:
        form.add_error(None, exc)


# --- Staff area ------------------------------------------------------------------------------


class EventoMixin(View):
    """Loads the event of the URL and checks `permiso` on it (anonymous visitors go to log in)."""

    permiso = "eventos.ver_evento"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.evento = get_object_or_404(
            Evento.objects.select_related("parroquia__canton"), pk=kwargs["pk"]
        )
        if not request.user.has_perm(self.permiso, self.evento):
            raise AccesoDenegado(self.permiso)
        return super().dispatch(request, *args, **kwargs)

    def puede(self, permiso: str) -> bool:
        return self.request.user.has_perm(permiso, self.evento)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        usuario = self.request.user
        contexto.update(
            evento=self.evento,
            puede_editar=usuario.has_perm("eventos.editar_evento", self.evento),
            puede_invitados=usuario.has_perm("eventos.gestionar_invitados", self.evento),
            puede_acreditar=usuario.has_perm("eventos.registrar_asistencia", self.evento),
            puede_logistica=usuario.has_perm("eventos.editar_logistica", self.evento),
            puede_sistematizar=usuario.has_perm("eventos.sistematizar", self.evento),
        )
        return contexto


class GestionListaView(PermisoRequeridoMixin, TemplateView):
    permission_required = "eventos.ver_gestion"
    template_name = "eventos/gestion/lista.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        pagina = Paginator(selectors.eventos_para(user=self.request.user), 20).get_page(
            self.request.GET.get("page")
        )
        contexto.update(
            pagina=pagina,
            eventos=pagina.object_list,
            puede_crear=self.request.user.has_perm("eventos.crear_evento"),
        )
        return contexto


class EventoCrearView(PermisoRequeridoMixin, TemplateView):
    permission_required = "eventos.crear_evento"
    template_name = "eventos/gestion/formulario.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", EventoForm())
        contexto["titulo"] = _("Nuevo evento")
        return contexto

    def post(self, request, *args, **kwargs):
        form = EventoForm(request.POST)
        if form.is_valid():
            datos = {k: v for k, v in form.cleaned_data.items() if k != "aliados"}
            try:
                evento = services.evento_crear(
                    usuario=request.user, datos=datos, aliados=form.cleaned_data["aliados"]
                )
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                messages.success(request, _("Evento creado."))
                return redirect(evento.get_gestion_url())
        return self.render_to_response(self.get_context_data(form=form))


class EventoGestionView(EventoMixin, TemplateView):
    template_name = "eventos/gestion/evento.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        siguiente = {
            Evento.Estado.PLANIFICACION: Evento.Estado.INVITACIONES,
            Evento.Estado.INVITACIONES: Evento.Estado.REALIZADO,
            Evento.Estado.REALIZADO: Evento.Estado.SISTEMATIZADO,
        }.get(self.evento.estado)
        contexto.update(
            lista=selectors.estado_lista(self.evento),
            logistica=selectors.logistica_de(self.evento),
            equipo=self.evento.equipo.select_related("usuario", "actor"),
            sesiones=self.evento.sesiones.prefetch_related("ponentes", "moderadores"),
            siguiente_estado=siguiente,
            siguiente_estado_nombre=Evento.Estado(siguiente).label if siguiente else "",
            estados=Evento.Estado.choices,
        )
        return contexto


class EventoEditarView(EventoMixin, TemplateView):
    permiso = "eventos.editar_evento"
    template_name = "eventos/gestion/formulario.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", EventoForm(instance=self.evento))
        contexto["titulo"] = _("Editar evento")
        return contexto

    def post(self, request, *args, **kwargs):
        form = EventoForm(request.POST, instance=Evento.objects.get(pk=self.evento.pk))
        if form.is_valid():
            datos = {k: v for k, v in form.cleaned_data.items() if k != "aliados"}
            try:
                services.evento_actualizar(
                    evento=self.evento,
                    usuario=request.user,
                    datos=datos,
                    aliados=form.cleaned_data["aliados"],
                )
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                messages.success(request, _("Cambios guardados."))
                return redirect(self.evento.get_gestion_url())
        return self.render_to_response(self.get_context_data(form=form))


class EventoEstadoView(EventoMixin):
    permiso = "eventos.editar_evento"

    def post(self, request, *args, **kwargs):
        form = EstadoForm(request.POST)
        if form.is_valid():
            try:
                services.evento_cambiar_estado(
                    evento=self.evento, estado=form.cleaned_data["estado"], usuario=request.user
                )
                messages.success(request, _("Estado del evento actualizado."))
            except ValidationError as exc:
                _errores(request, exc)
        return redirect(self.evento.get_gestion_url())


class EquipoView(EventoMixin, TemplateView):
    template_name = "eventos/gestion/equipo.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", MiembroForm())
        contexto["equipo"] = self.evento.equipo.select_related("usuario", "actor")
        return contexto

    def post(self, request, *args, **kwargs):
        if not self.puede("eventos.editar_evento"):
            raise AccesoDenegado("eventos.editar_evento")
        if "quitar" in request.POST:
            miembro = get_object_or_404(
                MiembroEquipo, pk=id_de_formulario(request.POST["quitar"]), evento=self.evento
            )
            services.miembro_quitar(miembro=miembro, usuario=request.user)
            messages.success(request, _("Quitado del grupo de trabajo."))
            return redirect("eventos:equipo", pk=self.evento.pk)
        form = MiembroForm(request.POST)
        if form.is_valid():
            try:
                services.miembro_agregar(
                    evento=self.evento,
                    rol=form.cleaned_data["rol"],
                    miembro=form.cleaned_data["usuario"],
                    actor=form.cleaned_data["actor"],
                    usuario=request.user,
                )
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                messages.success(request, _("Agregado al grupo de trabajo."))
                return redirect("eventos:equipo", pk=self.evento.pk)
        return self.render_to_response(self.get_context_data(form=form))


class ProgramaView(EventoMixin, TemplateView):
    template_name = "eventos/gestion/programa.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.update(
            sesiones=self.evento.sesiones.prefetch_related("ponentes", "moderadores"),
            ponentes=self.evento.ponentes.select_related("actor"),
        )
        return contexto


class _FormularioDeEvento(EventoMixin, TemplateView):
    """One form on one page of the event (speaker, session, guest, task...)."""

    permiso = "eventos.editar_evento"
    template_name = "eventos/gestion/formulario.html"
    titulo = ""
    modelo = None

    def objeto(self):
        pk = self.kwargs.get("obj")
        if pk is None or self.modelo is None:
            return None
        return get_object_or_404(self.modelo, pk=pk, evento=self.evento)

    def crear_form(self, data=None, files=None):
        raise NotImplementedError

    def guardar(self, form):
        raise NotImplementedError

    def destino(self) -> str:
        return self.evento.get_gestion_url()

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", self.crear_form())
        contexto["titulo"] = self.titulo
        contexto["volver"] = self.destino()
        contexto["multipart"] = any(
            getattr(f.field.widget, "needs_multipart_form", False) for f in contexto["form"]
        )
        return contexto

    def post(self, request, *args, **kwargs):
        form = self.crear_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                self.guardar(form)
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                messages.success(request, _("Guardado."))
                return HttpResponseRedirect(self.destino())
        return self.render_to_response(self.get_context_data(form=form))


class PonenteView(_FormularioDeEvento):
    modelo = Ponente
    titulo = _("Ponente")

    def crear_form(self, data=None, files=None):
        return PonenteForm(data, files, instance=self.objeto())

    def destino(self):
        return reverse("eventos:programa", kwargs={"pk": self.evento.pk})

    def guardar(self, form):
        services.ponente_guardar(
            evento=self.evento,
            usuario=self.request.user,
            datos=form.cleaned_data,
            ponente=self.objeto(),
        )


class SesionView(_FormularioDeEvento):
    modelo = Sesion
    titulo = _("Sesión del programa")

    def crear_form(self, data=None, files=None):
        sesion = self.objeto()
        inicial = {}
        if sesion is None:
            inicial = {"inicio": self.evento.inicio, "fin": self.evento.fin}
        return SesionForm(data, instance=sesion, evento=self.evento, initial=inicial)

    def destino(self):
        return reverse("eventos:programa", kwargs={"pk": self.evento.pk})

    def guardar(self, form):
        datos = {k: v for k, v in form.cleaned_data.items() if k not in ("ponentes", "moderadores")}
        services.sesion_guardar(
            evento=self.evento,
            usuario=self.request.user,
            datos=datos,
            ponentes=form.cleaned_data["ponentes"],
            moderadores=form.cleaned_data["moderadores"],
            sesion=self.objeto(),
        )


class SesionEliminarView(EventoMixin):
    permiso = "eventos.editar_evento"

    def post(self, request, *args, **kwargs):
        sesion = get_object_or_404(Sesion, pk=kwargs["obj"], evento=self.evento)
        services.sesion_eliminar(sesion=sesion, usuario=request.user)
        messages.success(request, _("Sesión eliminada."))
        return redirect("eventos:programa", pk=self.evento.pk)


# --- Guest list ------------------------------------------------------------------------------


class InvitadosView(EventoMixin, TemplateView):
    permiso = "eventos.gestionar_invitados"
    template_name = "eventos/gestion/invitados.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        estado = self.request.GET.get("estado", "")
        q = self.request.GET.get("q", "").strip()
        pagina = Paginator(
            selectors.invitados_de(evento=self.evento, estado=estado, q=q), 50
        ).get_page(self.request.GET.get("page"))
        contexto.update(
            lista=selectors.estado_lista(self.evento),
            pagina=pagina,
            invitados=pagina.object_list,
            estado=estado,
            q=q,
            estados=Invitado.Estado.choices,
            recordatorios=self.evento.recordatorios.all(),
        )
        return contexto


class InvitadosMapaView(EventoMixin, TemplateView):
    permiso = "eventos.gestionar_invitados"
    template_name = "eventos/gestion/invitados_mapa.html"

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
        pagina = Paginator(actores, 100).get_page(self.request.GET.get("page"))
        contexto.update(filtro=filtro, pagina=pagina, actores=pagina.object_list)
        return contexto

    def post(self, request, *args, **kwargs):
        from actores.models import Actor

        ids = [int(i) for i in request.POST.getlist("actores") if i.isdigit()]
        actores = Actor.objects.filter(pk__in=ids, activo=True).select_related("canton")
        creados = services.invitados_agregar_desde_actores(
            evento=self.evento, actores=actores, usuario=request.user
        )
        if creados:
            messages.success(
                request, _("%(n)s actores agregados a la lista de invitados.") % {"n": creados}
            )
        else:
            messages.warning(request, _("No se agregó a nadie: elija al menos un actor nuevo."))
        return redirect("eventos:invitados", pk=self.evento.pk)


class InvitadoCrearView(_FormularioDeEvento):
    permiso = "eventos.gestionar_invitados"
    titulo = _("Agregar invitado a mano")

    def crear_form(self, data=None, files=None):
        return InvitadoForm(data)

    def destino(self):
        return reverse("eventos:invitados", kwargs={"pk": self.evento.pk})

    def guardar(self, form):
        services.invitado_agregar(
            evento=self.evento, usuario=self.request.user, datos=form.cleaned_data
        )


class InvitacionesEnviarView(EventoMixin):
    permiso = "eventos.gestionar_invitados"

    def post(self, request, *args, **kwargs):
        try:
            if request.POST.get("accion") == "recordatorio":
                recordatorio = services.recordatorio_crear(evento=self.evento, usuario=request.user)
                messages.success(
                    request,
                    _("Recordatorio n.º %(n)s en camino a quienes no han respondido.")
                    % {"n": recordatorio.numero},
                )
            else:
                total = services.invitaciones_enviar(evento=self.evento, usuario=request.user)
                messages.success(
                    request, _("%(n)s invitaciones en camino por correo.") % {"n": total}
                )
        except ValidationError as exc:
            _errores(request, exc)
        return redirect("eventos:invitados", pk=self.evento.pk)


class InvitadoCancelarView(EventoMixin):
    permiso = "eventos.gestionar_invitados"

    def post(self, request, *args, **kwargs):
        invitado = get_object_or_404(Invitado, pk=kwargs["obj"], evento=self.evento)
        try:
            services.invitado_cancelar(invitado=invitado, usuario=request.user)
            messages.success(request, _("Invitación cancelada; el cupo pasa a la lista de espera."))
        except ValidationError as exc:
            _errores(request, exc)
        return redirect("eventos:invitados", pk=self.evento.pk)


class InvitadoRespuestaView(EventoMixin):
    """Staff record an answer given by phone or in person (guests without e-mail, for instance)."""

    permiso = "eventos.gestionar_invitados"

    def post(self, request, *args, **kwargs):
        invitado = get_object_or_404(Invitado, pk=kwargs["obj"], evento=self.evento)
        try:
            invitado = services.invitacion_responder(
                invitado=invitado, asiste=request.POST.get("respuesta") == "si"
            )
            messages.success(
                request,
                _("Respuesta de %(n)s registrada: %(e)s.")
                % {"n": invitado.nombre, "e": invitado.get_estado_display()},
            )
        except ValidationError as exc:
            _errores(request, exc)
        return redirect("eventos:invitados", pk=self.evento.pk)


class ListaImprimibleView(EventoMixin, TemplateView):
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


class AcreditacionView(EventoMixin, TemplateView):
    permiso = "eventos.registrar_asistencia"
    template_name = "eventos/gestion/acreditacion.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        q = self.request.GET.get("q", "").strip()
        contexto.update(
            q=q,
            resultados=selectors.buscar_para_acreditar(evento=self.evento, q=q) if q else [],
            lista=selectors.estado_lista(self.evento),
        )
        return contexto

    def get_template_names(self):
        if self.request.htmx:
            return ["eventos/gestion/acreditacion.html#resultados"]
        return [self.template_name]


class AcreditarView(EventoMixin):
    permiso = "eventos.registrar_asistencia"

    def post(self, request, *args, **kwargs):
        invitado = get_object_or_404(Invitado, pk=kwargs["obj"], evento=self.evento)
        try:
            invitado, nuevo = services.asistencia_registrar(invitado=invitado, usuario=request.user)
        except ValidationError as exc:
            if request.htmx:
                return HttpResponse(" ".join(exc.messages), status=409)
            _errores(request, exc)
            return redirect("eventos:acreditacion", pk=self.evento.pk)
        if request.htmx:
            fila = render(
                request,
                "eventos/gestion/acreditacion.html#fila",
                {"invitado": invitado, "evento": self.evento, "recien": nuevo},
            )
            contador = render(
                request,
                "eventos/gestion/acreditacion.html#contador",
                {"lista": selectors.estado_lista(self.evento), "oob": True},
            )
            return HttpResponse(fila.content + contador.content)
        if nuevo:
            messages.success(request, _("Llegada de %(n)s registrada.") % {"n": invitado.nombre})
        else:
            messages.info(request, _("%(n)s ya estaba registrado.") % {"n": invitado.nombre})
        return redirect("eventos:acreditacion", pk=self.evento.pk)


class AcreditarQRView(EventoMixin, TemplateView):
    """The URL inside each guest's QR code: the phone's camera opens it, one tap records."""

    permiso = "eventos.registrar_asistencia"
    template_name = "eventos/gestion/acreditar_qr.html"

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

    def post(self, request, *args, **kwargs):
        try:
            invitado, nuevo = services.asistencia_por_qr(
                evento=self.evento, token=kwargs["token"], usuario=request.user
            )
        except ValidationError as exc:
            _errores(request, exc)
        else:
            if nuevo:
                messages.success(
                    request, _("Llegada de %(n)s registrada.") % {"n": invitado.nombre}
                )
            else:
                messages.info(
                    request,
                    _("%(n)s ya estaba registrado: no se cuenta dos veces.")
                    % {"n": invitado.nombre},
                )
        return redirect("eventos:acreditacion", pk=self.evento.pk)


class SinInvitacionView(_FormularioDeEvento):
    permiso = "eventos.registrar_asistencia"
    titulo = _("Registrar a alguien que llegó sin invitación")

    def crear_form(self, data=None, files=None):
        return SinInvitacionForm(data)

    def destino(self):
        return reverse("eventos:acreditacion", kwargs={"pk": self.evento.pk})

    def guardar(self, form):
        services.asistente_sin_invitacion_registrar(
            evento=self.evento, usuario=self.request.user, datos=form.cleaned_data
        )


class AsistenciaView(EventoMixin, TemplateView):
    template_name = "eventos/gestion/asistencia.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["cifras"] = selectors.cifras_asistencia(self.evento)
        return contexto


# --- Logistics -------------------------------------------------------------------------------


class LogisticaView(EventoMixin, TemplateView):
    template_name = "eventos/gestion/logistica.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["logistica"] = selectors.logistica_de(self.evento)
        contexto["estados_tarea"] = TareaLogistica.Estado.choices
        return contexto

    def post(self, request, *args, **kwargs):
        if not self.puede("eventos.editar_logistica"):
            raise AccesoDenegado("eventos.editar_logistica")
        if "plantilla" in request.POST:
            n = services.logistica_aplicar_plantilla(evento=self.evento, usuario=request.user)
            messages.success(request, _("%(n)s tareas de la plantilla agregadas.") % {"n": n})
        else:
            tarea = get_object_or_404(
                TareaLogistica, pk=id_de_formulario(request.POST.get("tarea")), evento=self.evento
            )
            form = TareaEstadoForm(request.POST)
            if form.is_valid():
                services.tarea_guardar(
                    evento=self.evento,
                    usuario=request.user,
                    datos={"estado": form.cleaned_data["estado"]},
                    tarea=tarea,
                )
                messages.success(request, _("Tarea actualizada."))
        return redirect("eventos:logistica", pk=self.evento.pk)


class TareaView(_FormularioDeEvento):
    permiso = "eventos.editar_logistica"
    modelo = TareaLogistica
    titulo = _("Tarea de logística")

    def crear_form(self, data=None, files=None):
        return TareaForm(data, instance=self.objeto())

    def destino(self):
        return reverse("eventos:logistica", kwargs={"pk": self.evento.pk})

    def guardar(self, form):
        services.tarea_guardar(
            evento=self.evento,
            usuario=self.request.user,
            datos=form.cleaned_data,
            tarea=self.objeto(),
        )


# --- Systematization -------------------------------------------------------------------------


class SistematizacionView(EventoMixin, TemplateView):
    permiso = "eventos.sistematizar"
    template_name = "eventos/gestion/sistematizacion.html"

    def get_context_data(self, **kwargs):
        from django.contrib.contenttypes.models import ContentType

        from core.models import Documento

        contexto = super().get_context_data(**kwargs)
        registro = getattr(self.evento, "sistematizacion", None)
        contexto.setdefault("form", SistematizacionForm(instance=registro))
        contexto.setdefault("form_foto", FotoForm())
        informes = Documento.objects.filter(
            content_type=ContentType.objects.get_for_model(Evento),
            object_id=str(self.evento.pk),
            tipo=services.TIPO_INFORME,
        ).order_by("-version")
        certificados = Documento.objects.filter(
            content_type=ContentType.objects.get_for_model(Invitado),
            object_id__in=[
                str(pk)
                for pk in self.evento.invitados.filter(asistio=True).values_list("pk", flat=True)
            ],
            tipo=services.TIPO_CERTIFICADO,
        )
        contexto.update(
            registro=registro,
            fotos=self.evento.fotos.all(),
            informes=informes[:5],
            certificados_listos=certificados.filter(estado=Documento.Estado.LISTO).count(),
            certificados_total=certificados.count(),
            asistentes=self.evento.invitados.filter(asistio=True).count(),
            cifras=selectors.cifras_asistencia(self.evento),
            ya_paso=self.evento.inicio <= timezone.now(),
        )
        return contexto

    def post(self, request, *args, **kwargs):
        accion = request.POST.get("accion", "guardar")
        try:
            if accion == "informe":
                documento = services.informe_solicitar(evento=self.evento, usuario=request.user)
                return redirect(documento.get_absolute_url())
            if accion == "certificados":
                documentos = services.certificados_solicitar(
                    evento=self.evento, usuario=request.user
                )
                messages.success(
                    request,
                    _("%(n)s certificados de asistencia en preparación.") % {"n": len(documentos)},
                )
                return redirect("eventos:sistematizacion", pk=self.evento.pk)
            if accion == "foto":
                form_foto = FotoForm(request.POST, request.FILES)
                if not form_foto.is_valid():
                    return self.render_to_response(self.get_context_data(form_foto=form_foto))
                services.foto_agregar(
                    evento=self.evento,
                    usuario=request.user,
                    imagen=form_foto.cleaned_data["imagen"],
                    pie=form_foto.cleaned_data["pie"],
                )
                messages.success(request, _("Foto agregada."))
                return redirect("eventos:sistematizacion", pk=self.evento.pk)
        except ValidationError as exc:
            _errores(request, exc)
            return redirect("eventos:sistematizacion", pk=self.evento.pk)
        registro = getattr(self.evento, "sistematizacion", None)
        form = SistematizacionForm(request.POST, instance=registro)
        if form.is_valid():
            try:
                services.sistematizacion_guardar(
                    evento=self.evento, usuario=request.user, datos=form.cleaned_data
                )
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                messages.success(request, _("Sistematización guardada."))
                return redirect("eventos:sistematizacion", pk=self.evento.pk)
        return self.render_to_response(self.get_context_data(form=form))


# --- Public pages ----------------------------------------------------------------------------


class EventosPublicosView(TemplateView):
    template_name = "eventos/publico/lista.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        pasados = Paginator(selectors.eventos_pasados(), 12).get_page(self.request.GET.get("page"))
        contexto.update(proximos=selectors.eventos_proximos(), pasados=pasados)
        return contexto


class EventoPublicoView(TemplateView):
    template_name = "eventos/publico/detalle.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        try:
            evento = selectors.evento_publico(slug=self.kwargs["slug"])
        except Evento.DoesNotExist:
            raise Http404(_("No encontramos este evento.")) from None
        contexto.update(evento=evento, ponentes=evento.ponentes.all())
        return contexto


def _ics(eventos) -> bytes:
    from icalendar import Calendar
    from icalendar import Event as VEvent

    calendario = Calendar()
    calendario.add("prodid", "-//Pactos por Pichincha//Eventos//ES")
    calendario.add("version", "2.0")
    calendario.add("x-wr-calname", "Pactos por Pichincha — eventos")
    for evento in eventos:
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
        calendario.add_component(item)
    return calendario.to_ical()


class EventoIcsView(View):
    def get(self, request, slug):
        evento = get_object_or_404(selectors.eventos_publicos(), slug=slug)
        respuesta = HttpResponse(_ics([evento]), content_type="text/calendar; charset=utf-8")
        respuesta["Content-Disposition"] = f'attachment; filename="{evento.slug}.ics"'
        return respuesta


class CalendarioIcsView(View):
    def get(self, request):
        return HttpResponse(
            _ics(selectors.eventos_publicos().order_by("inicio")),
            content_type="text/calendar; charset=utf-8",
        )


class InscripcionView(TemplateView):
    template_name = "eventos/publico/inscripcion.html"

    def dispatch(self, request, *args, **kwargs):
        self.evento = get_object_or_404(selectors.eventos_publicos(), slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", InscripcionForm())
        contexto["evento"] = self.evento
        return contexto

    LIMITE_POR_HORA = 20

    def _demasiadas(self, request) -> bool:
        """At most LIMITE_POR_HORA registrations an hour from one address (anti-spam)."""
        clave = f"eventos:inscripcion:{ip_cliente(request)}"
        return limite_superado(clave, self.LIMITE_POR_HORA, 3600)

    def post(self, request, *args, **kwargs):
        form = InscripcionForm(request.POST)
        if self._demasiadas(request):
            form.is_valid()
            form.add_error(
                None, _("Demasiadas inscripciones desde esta conexión. Intente en una hora.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if form.is_valid():
            datos = {k: v for k, v in form.cleaned_data.items() if k != "sitio"}
            try:
                invitado = services.inscripcion_registrar(evento=self.evento, datos=datos)
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                return redirect("eventos:responder", token=enlaces.token_respuesta(invitado))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ResponderView(TemplateView):
    """The guest's personal page: answer once, then see the answer and the check-in QR."""

    template_name = "eventos/publico/responder.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.invitado = enlaces.invitado_por_token_respuesta(kwargs["token"])
        except enlaces.EnlaceInvalido:
            return render(request, "eventos/publico/enlace_invalido.html", status=400)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        invitado = self.invitado
        contexto.update(
            invitado=invitado,
            evento=invitado.evento,
            puede_responder=invitado.estado
            in (Invitado.Estado.POR_INVITAR, Invitado.Estado.INVITADO)
            and invitado.evento.fin > timezone.now(),
            puede_cancelar=invitado.estado in (Invitado.Estado.CONFIRMADO, Invitado.Estado.ESPERA)
            and not invitado.asistio
            and invitado.evento.inicio > timezone.now(),
            ocultar_migas=True,
        )
        if invitado.estado == Invitado.Estado.CONFIRMADO and not invitado.asistio:
            contexto["qr"] = enlaces.qr_data_uri(enlaces.url_acreditacion(invitado))
        if invitado.asistio:
            contexto["certificado"] = _certificado_listo(invitado)
        return contexto

    def post(self, request, *args, **kwargs):
        respuesta = request.POST.get("respuesta")
        if respuesta == "cancelar":
            try:
                services.invitacion_cancelar(invitado=self.invitado)
                messages.success(request, _("Liberamos su cupo. Gracias por avisarnos."))
            except ValidationError as exc:
                _errores(request, exc)
        elif respuesta not in ("si", "no"):
            messages.error(request, _("Elija si asistirá o no."))
        else:
            try:
                services.invitacion_responder(invitado=self.invitado, asiste=respuesta == "si")
            except ValidationError as exc:
                _errores(request, exc)
        return redirect(request.path)


def _certificado_listo(invitado: Invitado):
    from django.contrib.contenttypes.models import ContentType

    from core.models import Documento

    return (
        Documento.objects.filter(
            content_type=ContentType.objects.get_for_model(Invitado),
            object_id=str(invitado.pk),
            tipo=services.TIPO_CERTIFICADO,
            estado=Documento.Estado.LISTO,
        )
        .order_by("-version")
        .first()
    )


class CertificadoView(View):
    """The guest downloads their own certificate through their personal link."""

    def get(self, request, token):
        try:
            invitado = enlaces.invitado_por_token_respuesta(token)
        except enlaces.EnlaceInvalido:
            return render(request, "eventos/publico/enlace_invalido.html", status=400)
        documento = _certificado_listo(invitado) if invitado.asistio else None
        if documento is None:
            raise Http404(_("Su certificado todavía no está listo."))
        return FileResponse(
            documento.archivo.open("rb"), as_attachment=True, filename=documento.nombre_archivo
        )
