"""Thin views of Comunicación: public news and contact form, staff news desk and inbox."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from core.cache import PaginaPublicaMixin
from core.limites import clave_visitante, limite_superado
from core.permisos import PermisoRequeridoMixin

from .. import selectors, services
from ..forms import (
    AccionForm,
    AsignarForm,
    CerrarForm,
    ContactoForm,
    FiltroNoticiasForm,
    NotaForm,
    NoticiaForm,
    PlazoForm,
    RespuestaForm,
    SeguimientoForm,
)
from ..models import AccionComunicacion, Mensaje, Noticia

POR_PAGINA = 9


def _form_con_errores(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for campo, errores in exc.error_dict.items():
            form.add_error(campo if campo in form.fields else None, errores)
    else:
        form.add_error(None, exc)


# --- Public ----------------------------------------------------------------------------------


class NoticiasView(PaginaPublicaMixin, TemplateView):
    template_name = "comunicacion/publico/noticias.html"
    duracion_cache_publica = 60  # a news item scheduled for later shows within a minute

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        filtro = FiltroNoticiasForm(self.request.GET or None)
        eje = canton = ""
        if filtro.is_valid():
            eje, canton = filtro.cleaned_data["eje"], filtro.cleaned_data["canton"]
        pagina = Paginator(selectors.noticias_publicas(eje=eje, canton=canton), POR_PAGINA)
        contexto.update(
            filtro=filtro,
            pagina=pagina.get_page(self.request.GET.get("page")),
            eje=eje,
            canton=canton,
        )
        return contexto


class NoticiaView(TemplateView):
    template_name = "comunicacion/publico/noticia.html"

    def get_context_data(self, **kwargs):
        noticia = selectors.noticia_publica(kwargs["slug"])
        if noticia is None:
            raise Http404(_("No hay ninguna noticia publicada con esa dirección."))
        contexto = super().get_context_data(**kwargs)
        contexto["noticia"] = noticia
        return contexto


class ContactoView(TemplateView):
    template_name = "comunicacion/publico/contacto.html"
    LIMITE_POR_HORA = 5

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", ContactoForm())
        return contexto

    def _demasiados(self, request) -> bool:
        """At most LIMITE_POR_HORA messages an hour from one address (anti-spam)."""
        return limite_superado(
            clave_visitante(request, "comunicacion:contacto"), self.LIMITE_POR_HORA
        )

    def post(self, request, *args, **kwargs):
        form = ContactoForm(request.POST)
        if self._demasiados(request):
            form.is_valid()
            form.add_error(
                None, _("Demasiados mensajes desde esta conexión. Intente de nuevo en una hora.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if form.is_valid():
            try:
                mensaje = services.mensaje_recibir(datos=form.cleaned_data)
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                # The code is shown once, on the next page; it never travels in a URL.
                request.session["comunicacion_codigo"] = mensaje.codigo
                return redirect("comunicacion:contacto_gracias")
        return self.render_to_response(self.get_context_data(form=form))


class RespuestasView(TemplateView):
    template_name = "comunicacion/publico/respuestas.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["pagina"] = Paginator(selectors.respuestas_publicas(), 10).get_page(
            self.request.GET.get("page")
        )
        return contexto


@method_decorator(never_cache, name="dispatch")  # it shows the sender's code once
class ContactoGraciasView(TemplateView):
    template_name = "comunicacion/publico/contacto_gracias.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["codigo"] = self.request.session.pop("comunicacion_codigo", "")
        return contexto


@method_decorator(never_cache, name="dispatch")
class SeguimientoView(TemplateView):
    """The sender follows their message with its code: state, deadline and answer, nothing else.

    A wrong code gets the same answer whatever the reason, and attempts are limited per address,
    so codes cannot be guessed. The code is posted, never put in a URL.
    """

    template_name = "comunicacion/publico/seguimiento.html"
    LIMITE_POR_HORA = 10

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", SeguimientoForm())
        return contexto

    def post(self, request, *args, **kwargs):
        form = SeguimientoForm(request.POST)
        if limite_superado(
            clave_visitante(request, "comunicacion:seguimiento"), self.LIMITE_POR_HORA
        ):
            form.is_valid()
            form.add_error(
                None, _("Demasiados intentos desde esta conexión. Intente de nuevo en una hora.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        mensaje = selectors.mensaje_por_codigo(codigo=form.cleaned_data["codigo"])
        return self.render_to_response(
            self.get_context_data(form=SeguimientoForm(), mensaje=mensaje, buscado=True)
        )


# --- Staff: news desk ------------------------------------------------------------------------


class NoticiasGestionView(PermisoRequeridoMixin, TemplateView):
    permission_required = "comunicacion.gestionar_noticias"
    template_name = "comunicacion/gestion/noticias.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        estado = self.request.GET.get("estado", "")
        qs = selectors.noticias_gestion()
        if estado in Noticia.Estado.values:
            qs = qs.filter(estado=estado)
        contexto["pagina"] = Paginator(qs.order_by("-creada"), 20).get_page(
            self.request.GET.get("page")
        )
        contexto["estado"] = estado
        contexto["estados"] = Noticia.Estado.choices
        return contexto


class NoticiaFormView(PermisoRequeridoMixin, TemplateView):
    permission_required = "comunicacion.gestionar_noticias"
    template_name = "comunicacion/gestion/noticia_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.noticia = get_object_or_404(Noticia, pk=kwargs["pk"]) if "pk" in kwargs else None
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", NoticiaForm(instance=self.noticia))
        contexto["noticia"] = self.noticia
        return contexto

    def post(self, request, *args, **kwargs):
        form = NoticiaForm(request.POST, request.FILES, instance=self.noticia)
        if form.is_valid():
            datos = form.cleaned_data
            try:
                if self.noticia is None:
                    noticia = services.noticia_crear(usuario=request.user, datos=datos)
                else:
                    noticia = services.noticia_editar(
                        noticia=self.noticia, usuario=request.user, datos=datos
                    )
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                messages.success(request, _("Noticia guardada."))
                return redirect("comunicacion:noticia_gestion", pk=noticia.pk)
        return self.render_to_response(self.get_context_data(form=form))


class NoticiaGestionView(PermisoRequeridoMixin, TemplateView):
    """Staff preview of a news item in any state, with the publish / withdraw buttons."""

    permission_required = "comunicacion.gestionar_noticias"
    template_name = "comunicacion/gestion/noticia.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["noticia"] = get_object_or_404(
            Noticia.objects.select_related("mesa", "pacto", "evento", "autor"), pk=kwargs["pk"]
        )
        return contexto


class NoticiaEstadoView(PermisoRequeridoMixin, View):
    permission_required = "comunicacion.gestionar_noticias"

    def post(self, request, pk: int):
        noticia = get_object_or_404(Noticia, pk=pk)
        if request.POST.get("accion") == "retirar":
            services.noticia_retirar(noticia=noticia, usuario=request.user)
            messages.success(request, _("La noticia volvió a borrador y ya no es pública."))
        else:
            services.noticia_publicar(noticia=noticia, usuario=request.user)
            messages.success(request, _("Noticia publicada."))
        return HttpResponseRedirect(reverse("comunicacion:noticia_gestion", args=[pk]))


# --- Staff: inbox ----------------------------------------------------------------------------


class BandejaView(PermisoRequeridoMixin, TemplateView):
    permission_required = "comunicacion.ver_mensajes"
    template_name = "comunicacion/gestion/bandeja.html"
    FILTROS = ("abiertos", "mios", "vencidos")

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        estado = self.request.GET.get("estado", "")
        if estado not in Mensaje.Estado.values and estado not in self.FILTROS:
            estado = ""
        mensajes = selectors.mensajes_bandeja(estado=estado, usuario=self.request.user)
        contexto["pagina"] = Paginator(mensajes, 25).get_page(self.request.GET.get("page"))
        contexto["estado"] = estado
        contexto["estados"] = [
            ("abiertos", _("Abiertos")),
            ("mios", _("Asignados a mí")),
            ("vencidos", _("Vencidos")),
            *Mensaje.Estado.choices,
        ]
        contexto["vencidos"] = selectors.mensajes_vencidos_cuenta()
        return contexto


class MensajeView(PermisoRequeridoMixin, TemplateView):
    """One message: the sender's text, its history of internal notes, and the team's actions
    (assign, note, move the deadline, answer, close), each a POST with `accion`."""

    permission_required = "comunicacion.ver_mensajes"
    template_name = "comunicacion/gestion/mensaje.html"
    FORMULARIOS = {
        "responder": RespuestaForm,
        "asignar": AsignarForm,
        "nota": NotaForm,
        "plazo": PlazoForm,
        "cerrar": CerrarForm,
    }

    def dispatch(self, request, *args, **kwargs):
        self.mensaje = get_object_or_404(selectors.mensajes_bandeja(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        m = self.mensaje
        contexto["mensaje"] = m
        contexto.setdefault("form", RespuestaForm())
        contexto.setdefault("form_asignar", AsignarForm(initial={"asignado_a": m.asignado_a_id}))
        contexto.setdefault("form_nota", NotaForm())
        contexto.setdefault("form_plazo", PlazoForm(initial={"plazo": m.plazo_fijado or m.plazo}))
        contexto.setdefault("form_cerrar", CerrarForm())
        contexto["notas"] = selectors.notas_de_mensaje(mensaje=m)
        usuario = self.request.user
        contexto["puede_responder"] = usuario.has_perm("comunicacion.responder_mensaje", m)
        contexto["puede_asignar"] = usuario.has_perm("comunicacion.asignar_mensaje", m)
        return contexto

    def post(self, request, *args, **kwargs):
        accion = request.POST.get("accion") or "responder"
        if accion not in self.FORMULARIOS:
            accion = "responder"
        form = self.FORMULARIOS[accion](request.POST)
        if accion == "responder" and not self.mensaje.abierto:
            messages.error(request, _("Este mensaje ya fue respondido."))
            return redirect("comunicacion:mensaje", pk=self.mensaje.pk)
        if form.is_valid():
            try:
                aviso = self._ejecutar(accion, form.cleaned_data)
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                messages.success(request, aviso)
                return redirect("comunicacion:mensaje", pk=self.mensaje.pk)
        nombre = "form" if accion == "responder" else f"form_{accion}"
        return self.render_to_response(self.get_context_data(**{nombre: form}))

    def _ejecutar(self, accion: str, datos: dict) -> str:
        usuario, mensaje = self.request.user, self.mensaje
        if accion == "asignar":
            services.mensaje_asignar(
                mensaje=mensaje, usuario=usuario, asignado_a=datos["asignado_a"]
            )
            return _("Mensaje asignado.")
        if accion == "nota":
            services.mensaje_anotar(mensaje=mensaje, usuario=usuario, texto=datos["texto"])
            return _("Nota guardada.")
        if accion == "plazo":
            services.mensaje_fijar_plazo(mensaje=mensaje, usuario=usuario, plazo=datos["plazo"])
            return _("Plazo actualizado.")
        if accion == "cerrar":
            services.mensaje_cerrar(mensaje=mensaje, usuario=usuario, motivo=datos["motivo"])
            return _("Mensaje cerrado.")
        services.mensaje_responder(mensaje=mensaje, usuario=usuario, respuesta=datos["respuesta"])
        return _("Respuesta guardada; se enviará por correo.")


# --- Staff: communication plan ---------------------------------------------------------------


class PlanView(PermisoRequeridoMixin, TemplateView):
    """The plan's calendar: dated actions by month, with their audience, channel and owner."""

    permission_required = "comunicacion.ver_plan"
    template_name = "comunicacion/gestion/plan.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        estado = self.request.GET.get("estado", "")
        canal = self.request.GET.get("canal", "")
        estado = estado if estado in AccionComunicacion.Estado.values else ""
        canal = canal if canal in AccionComunicacion.Canal.values else ""
        contexto.update(
            acciones=selectors.acciones_plan(estado=estado, canal=canal),
            estado=estado,
            canal=canal,
            estados=AccionComunicacion.Estado.choices,
            canales=AccionComunicacion.Canal.choices,
            puede_gestionar=self.request.user.has_perm("comunicacion.gestionar_plan"),
            realizadas=selectors.acciones_realizadas(),
        )
        return contexto


class AccionFormView(PermisoRequeridoMixin, TemplateView):
    permission_required = "comunicacion.gestionar_plan"
    template_name = "comunicacion/gestion/accion_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.accion = (
            get_object_or_404(AccionComunicacion, pk=kwargs["pk"]) if "pk" in kwargs else None
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", AccionForm(instance=self.accion))
        contexto["accion"] = self.accion
        return contexto

    def post(self, request, *args, **kwargs):
        form = AccionForm(request.POST, instance=self.accion)
        if form.is_valid():
            try:
                services.accion_guardar(
                    usuario=request.user, datos=form.cleaned_data, accion=self.accion
                )
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                messages.success(request, _("Acción guardada en el plan."))
                return redirect("comunicacion:plan")
        return self.render_to_response(self.get_context_data(form=form))


class AccionEstadoView(PermisoRequeridoMixin, View):
    permission_required = "comunicacion.gestionar_plan"

    def post(self, request, pk: int):
        accion = get_object_or_404(AccionComunicacion, pk=pk)
        try:
            services.accion_cambiar_estado(
                usuario=request.user, accion=accion, estado=request.POST.get("estado", "")
            )
        except ValidationError as exc:
            for mensaje in exc.messages:
                messages.error(request, mensaje)
        return redirect("comunicacion:plan")
