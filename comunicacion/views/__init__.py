"""Thin views of Comunicación: public news and contact form, staff news desk, inbox and plan.

Every page is a core.vistas.VistaStaff and every write a VistaAccion calling one service.
"""

from __future__ import annotations

from django import forms
from django.http import Http404
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from core.cache import PaginaPublicaMixin
from core.medios import imagen_para_compartir
from core.vistas import PUBLICO, SoloPost, VistaAccion, VistaStaff, objeto_o_404, paginar

from .. import selectors, services
from ..forms import (
    AccionForm,
    AsignarForm,
    CerrarForm,
    ContactoForm,
    EstadoAccionForm,
    FiltroNoticiasForm,
    NotaForm,
    NoticiaForm,
    PlazoForm,
    PublicacionForm,
    RespuestaForm,
    SeguimientoForm,
)
from ..models import AccionComunicacion, Mensaje, Noticia
from ..services import publicacion
from .base import LimitePorHoraMixin

POR_PAGINA = 9


# --- Public ----------------------------------------------------------------------------------


class NoticiasView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "comunicacion/publico/noticias.html"
    duracion_cache_publica = 60  # a news item scheduled for later shows within a minute

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        filtro = FiltroNoticiasForm(self.request.GET or None)
        eje = canton = ""
        if filtro.is_valid():
            eje, canton = filtro.cleaned_data["eje"], filtro.cleaned_data["canton"]
        contexto.update(
            filtro=filtro,
            pagina=paginar(
                self.request, selectors.noticias_publicas(eje=eje, canton=canton), POR_PAGINA
            ),
            eje=eje,
            canton=canton,
        )
        return contexto


class NoticiaView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "comunicacion/publico/noticia.html"

    def cargar_objeto(self):
        noticia = selectors.noticia_publica(slug=self.kwargs["slug"])
        if noticia is None:
            raise Http404(_("No hay ninguna noticia publicada con esa dirección."))
        return noticia

    def get_context_data(self, **kwargs):
        noticia = self.objeto
        # A shared link shows the item's own picture when it has one (og:image).
        imagen = imagen_para_compartir(noticia.imagen, alt=noticia.imagen_alt)
        return super().get_context_data(noticia=noticia, imagen_compartida=imagen, **kwargs)


class ContactoView(PaginaPublicaMixin, LimitePorHoraMixin, VistaAccion):
    permiso = PUBLICO
    form_class = ContactoForm
    template_name = "comunicacion/publico/contacto.html"
    success_url = reverse_lazy("comunicacion:contacto_gracias")
    nombre_limite = "contacto"
    mensaje_limite = gettext_lazy(
        "Demasiados mensajes desde esta conexión. Intente de nuevo en una hora."
    )

    def ejecutar(self, form):
        mensaje = services.mensaje_recibir(datos=form.cleaned_data)
        # The code is shown once, on the next page; it never travels in a URL.
        self.request.session["comunicacion_codigo"] = mensaje.codigo
        return mensaje


class RespuestasView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "comunicacion/publico/respuestas.html"

    def get_context_data(self, **kwargs):
        pagina = paginar(self.request, selectors.respuestas_publicas(), 10)
        return super().get_context_data(pagina=pagina, **kwargs)


@method_decorator(never_cache, name="dispatch")  # it shows the sender's code once
class ContactoGraciasView(VistaStaff):
    permiso = PUBLICO
    template_name = "comunicacion/publico/contacto_gracias.html"

    def get_context_data(self, **kwargs):
        codigo = self.request.session.pop("comunicacion_codigo", "")
        return super().get_context_data(codigo=codigo, **kwargs)


@method_decorator(never_cache, name="dispatch")
class SeguimientoView(LimitePorHoraMixin, VistaAccion):
    """The sender follows their message with its code: state, deadline and answer, nothing else.

    A wrong code gets the same answer whatever the reason, and attempts are limited per address,
    so codes cannot be guessed. The code is posted, never put in a URL.
    """

    permiso = PUBLICO
    form_class = SeguimientoForm
    template_name = "comunicacion/publico/seguimiento.html"
    LIMITE_POR_HORA = 10
    nombre_limite = "seguimiento"
    mensaje_limite = gettext_lazy(
        "Demasiados intentos desde esta conexión. Intente de nuevo en una hora."
    )

    def ejecutar(self, form):
        return selectors.mensaje_por_codigo(codigo=form.cleaned_data["codigo"])

    def form_valid(self, form):
        """A lookup, not a write: the answer is shown on the same page, with an empty form."""
        contexto = self.get_context_data(form=SeguimientoForm(), mensaje=self.resultado)
        return self.render_to_response({**contexto, "buscado": True})


# --- Staff: news desk ------------------------------------------------------------------------


class NoticiasGestionView(VistaStaff):
    permiso = "comunicacion.gestionar_noticias"
    template_name = "comunicacion/gestion/noticias.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        estado = self.request.GET.get("estado", "")
        qs = selectors.noticias_gestion()
        if estado in Noticia.Estado.values:
            qs = qs.filter(estado=estado)
        contexto["pagina"] = paginar(self.request, qs.order_by("-creada"), 20)
        contexto["estado"] = estado
        contexto["estados"] = Noticia.Estado.choices
        return contexto


class _FormularioGestion(VistaAccion):
    """Create or edit one row through its ModelForm, on the one staff form page."""

    template_name = "comunicacion/gestion/formulario.html"
    titulos: tuple[str, str]  # (new, edit)
    lista: tuple[str, str]  # the list's (name, URL name), for the breadcrumb

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.objeto}

    def url_cancelar(self) -> str:
        return reverse(self.lista[1])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            titulo=self.titulos[self.objeto is not None],
            lista=(self.lista[0], reverse(self.lista[1])),
            url_cancelar=self.url_cancelar(),
            **kwargs,
        )


class NoticiaCrearView(_FormularioGestion):
    permiso = "comunicacion.gestionar_noticias"
    form_class = NoticiaForm
    mensaje_exito = gettext_lazy("Noticia guardada.")
    titulos = (gettext_lazy("Nueva noticia"), gettext_lazy("Editar noticia"))
    lista = (gettext_lazy("Noticias"), "comunicacion:noticias_gestion")
    extra_context = {
        "aviso": gettext_lazy("Se guarda como borrador; la publica después desde su ficha.")
    }

    def ejecutar(self, form):
        return services.noticia_crear(usuario=self.request.user, datos=form.cleaned_data)

    def get_success_url(self):
        return reverse("comunicacion:noticia_gestion", args=[self.resultado.pk])


class NoticiaEditarView(NoticiaCrearView):
    extra_context = None

    def cargar_objeto(self):
        return objeto_o_404(Noticia, pk=self.kwargs["pk"])

    def url_cancelar(self) -> str:
        return reverse("comunicacion:noticia_gestion", args=[self.objeto.pk])

    def ejecutar(self, form):
        return services.noticia_editar(
            noticia=self.objeto, usuario=self.request.user, datos=form.cleaned_data
        )


class NoticiaGestionView(VistaStaff):
    """Staff preview of a news item in any state, with the publish / withdraw buttons."""

    permiso = "comunicacion.gestionar_noticias"
    template_name = "comunicacion/gestion/noticia.html"

    def cargar_objeto(self):
        return objeto_o_404(
            Noticia.objects.select_related("mesa", "pacto", "evento", "autor"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        url_lista = reverse("comunicacion:noticias_gestion")
        return super().get_context_data(noticia=self.objeto, url_lista=url_lista, **kwargs)


class NoticiaPublicarView(SoloPost, NoticiaGestionView, VistaAccion):
    form_class = forms.Form
    mensaje_exito = gettext_lazy("Noticia publicada.")
    servicio = staticmethod(services.noticia_publicar)

    def ejecutar(self, form):
        return self.servicio(noticia=self.objeto, usuario=self.request.user)

    def get_success_url(self):
        return reverse("comunicacion:noticia_gestion", args=[self.objeto.pk])


class NoticiaRetirarView(NoticiaPublicarView):
    mensaje_exito = gettext_lazy("La noticia volvió a borrador y ya no es pública.")
    servicio = staticmethod(services.noticia_retirar)


# --- Staff: inbox ----------------------------------------------------------------------------


class BandejaView(VistaStaff):
    permiso = "comunicacion.ver_mensajes"
    template_name = "comunicacion/gestion/bandeja.html"
    FILTROS = ("abiertos", "mios", "vencidos")

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        estado = self.request.GET.get("estado", "")
        if estado not in Mensaje.Estado.values and estado not in self.FILTROS:
            estado = ""
        mensajes = selectors.mensajes_bandeja(estado=estado, usuario=self.request.user)
        contexto["pagina"] = paginar(self.request, mensajes)
        contexto["estado"] = estado
        contexto["estados"] = [
            ("abiertos", _("Abiertos")),
            ("mios", _("Asignados a mí")),
            ("vencidos", _("Vencidos")),
            *Mensaje.Estado.choices,
        ]
        contexto["vencidos"] = selectors.mensajes_vencidos_cuenta()
        return contexto


class MensajeView(VistaAccion):
    """One message: the sender's text, the internal notes, and the answer form (this view's
    action); the team's other actions (assign, note, deadline, close) post to their own views."""

    permiso = "comunicacion.ver_mensajes"
    template_name = "comunicacion/gestion/mensaje.html"
    form_class = RespuestaForm
    nombre_form = "form"
    mensaje_exito = gettext_lazy("Respuesta guardada; se enviará por correo.")

    def cargar_objeto(self):
        return objeto_o_404(selectors.mensajes_bandeja(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        m = self.objeto
        kwargs.setdefault("form", RespuestaForm())
        kwargs.setdefault("form_asignar", AsignarForm(initial={"asignado_a": m.asignado_a_id}))
        kwargs.setdefault("form_nota", NotaForm())
        kwargs.setdefault("form_plazo", PlazoForm(initial={"plazo": m.plazo_fijado or m.plazo}))
        kwargs.setdefault("form_cerrar", CerrarForm())
        if m.publicar and m.respuesta:
            kwargs.setdefault("form_publicacion", _form_publicacion(m))
        contexto = super().get_context_data(**kwargs)
        contexto["mensaje"] = m
        contexto["notas"] = selectors.notas_de_mensaje(mensaje=m)
        contexto["puede_responder"] = self.puede("comunicacion.responder_mensaje")
        contexto["puede_asignar"] = self.puede("comunicacion.asignar_mensaje")
        contexto["puede_aprobar"] = self.puede("comunicacion.aprobar_publicacion")
        return contexto

    def form_invalid(self, form, status=400):
        contexto = self.get_context_data(**{self.nombre_form: form})
        return self.render_to_response(contexto, status=status)

    def ejecutar(self, form):
        return services.mensaje_responder(
            mensaje=self.objeto, usuario=self.request.user, respuesta=form.cleaned_data["respuesta"]
        )

    def get_success_url(self):
        return reverse("comunicacion:mensaje", args=[self.objeto.pk])


def _form_publicacion(m: Mensaje) -> PublicacionForm:
    """The public version as saved, or a first proposal made from the sender's text and the
    answer (without greeting, signature nor the sender's data) for the team to edit."""
    revisada = bool(m.respuesta_publica)
    return PublicacionForm(
        initial={
            "pregunta_publica": m.pregunta_publica
            if revisada
            else publicacion.propuesta_publica(m.texto, nombre=m.nombre),
            "respuesta_publica": m.respuesta_publica
            if revisada
            else publicacion.propuesta_publica(m.respuesta, nombre=m.nombre),
        }
    )


class _AccionDeMensaje(SoloPost, MensajeView):
    """One of the team's actions posted from a message's page (assign, note, deadline, close):
    its form is that page's `form_<name>` (a refusal shows the page again with it, 400) and its
    service takes the form's one field. `declarar` makes the view of one action."""

    permiso = "comunicacion.asignar_mensaje"

    def ejecutar(self, form):
        return self.servicio(mensaje=self.objeto, usuario=self.request.user, **form.cleaned_data)

    @classmethod
    def declarar(cls, form_class, servicio, mensaje_exito, **atributos) -> type[MensajeView]:
        nombre = form_class.__name__.removesuffix("Form")
        return type(
            f"Mensaje{nombre}View",
            (cls,),
            {
                "__module__": cls.__module__,
                "form_class": form_class,
                "nombre_form": f"form_{nombre.lower()}",
                "servicio": staticmethod(servicio),
                "mensaje_exito": mensaje_exito,
                **atributos,
            },
        )


MensajeAsignarView = _AccionDeMensaje.declarar(
    AsignarForm, services.mensaje_asignar, gettext_lazy("Mensaje asignado.")
)
MensajeAnotarView = _AccionDeMensaje.declarar(
    NotaForm,
    services.mensaje_anotar,
    gettext_lazy("Nota guardada."),
    permiso="comunicacion.ver_mensajes",
)
MensajePlazoView = _AccionDeMensaje.declarar(
    PlazoForm, services.mensaje_fijar_plazo, gettext_lazy("Plazo actualizado.")
)
MensajeCerrarView = _AccionDeMensaje.declarar(
    CerrarForm, services.mensaje_cerrar, gettext_lazy("Mensaje cerrado.")
)


class MensajePublicacionView(
    _AccionDeMensaje.declarar(
        PublicacionForm,
        publicacion.mensaje_publicacion_guardar,
        None,
        permiso="comunicacion.responder_mensaje",
    )
):
    """The public version: the message says whether it is now public or only kept (after an
    approval the team read "Versión pública guardada." and could not tell it was published)."""

    @property
    def mensaje_exito(self) -> str:
        if getattr(self.resultado, "publicacion_aprobada_en", None):
            return _("Versión pública aprobada: ya se ve en «Preguntó, respondimos».")
        return _("Versión pública guardada sin publicar.")


# --- Staff: communication plan ---------------------------------------------------------------


class PlanView(VistaStaff):
    """The plan's calendar: dated actions by month, with their audience, channel and owner."""

    permiso = "comunicacion.ver_plan"
    template_name = "comunicacion/gestion/plan.html"

    def get_context_data(self, **kwargs):
        estado = self.request.GET.get("estado", "")
        canal = self.request.GET.get("canal", "")
        estado = estado if estado in AccionComunicacion.Estado.values else ""
        canal = canal if canal in AccionComunicacion.Canal.values else ""
        return super().get_context_data(
            acciones=selectors.acciones_plan(estado=estado, canal=canal),
            estado=estado,
            canal=canal,
            estados=AccionComunicacion.Estado.choices,
            canales=AccionComunicacion.Canal.choices,
            puede_gestionar=self.puede("comunicacion.gestionar_plan"),
            realizadas=selectors.acciones_realizadas(),
            **kwargs,
        )


class AccionCrearView(_FormularioGestion):
    permiso = "comunicacion.gestionar_plan"
    form_class = AccionForm
    success_url = reverse_lazy("comunicacion:plan")
    mensaje_exito = gettext_lazy("Acción guardada en el plan.")
    titulos = (gettext_lazy("Nueva acción"), gettext_lazy("Editar acción"))
    lista = (gettext_lazy("Plan de comunicación"), "comunicacion:plan")

    def ejecutar(self, form):
        return services.accion_guardar(
            usuario=self.request.user, datos=form.cleaned_data, accion=self.objeto
        )


class AccionEditarView(AccionCrearView):
    def cargar_objeto(self):
        return objeto_o_404(AccionComunicacion, pk=self.kwargs["pk"])


class AccionEstadoView(SoloPost, PlanView, VistaAccion):
    """Move a plan's action to another state; a refusal shows the plan again, answered 400."""

    permiso = "comunicacion.gestionar_plan"
    form_class = EstadoAccionForm
    success_url = reverse_lazy("comunicacion:plan")
    mensaje_exito = gettext_lazy("Estado de la acción actualizado.")

    def cargar_objeto(self):
        return objeto_o_404(AccionComunicacion, pk=self.kwargs["pk"])

    def ejecutar(self, form):
        return services.accion_cambiar_estado(
            usuario=self.request.user, accion=self.objeto, estado=form.cleaned_data["estado"]
        )
