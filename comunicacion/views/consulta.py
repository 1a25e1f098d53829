"""Thin views of the public consultation: the consulted text with its comments, the comment form
and its e-mail confirmation, the feed; staff open, moderate, answer and close."""

from __future__ import annotations

import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import limites
from core.cache import PaginaPublicaMixin
from core.enlaces import FeedPortal
from core.red import ip_cliente
from core.vistas import PUBLICO, SoloPost, VistaAccion, VistaStaff, objeto_o_404, paginar

from ..forms.consulta import ComentarioForm, ConsultaAbrirForm, OcultarForm, RespuestaOficialForm
from ..models import Comentario, Consulta
from ..selectors import consulta as sel
from ..services import consulta as srv
from .base import LimitePorHoraMixin

SECCIONES = Comentario.Seccion.values


def _consulta(pk: int) -> Consulta:
    try:
        return sel.consulta_con_version(pk=pk)
    except Consulta.DoesNotExist:
        raise Http404(_("No hay ninguna consulta con ese número.")) from None


def clave_limite_conexion(ip: str) -> str:
    return f"comunicacion:consulta:{ip}"


def clave_limite_correo(correo: str) -> str:
    huella = hashlib.sha256(correo.strip().lower().encode()).hexdigest()[:32]
    return f"comunicacion:consulta:correo:{huella}"


class _ConsultaMixin:
    """The consultation the URL names (404 if there is none)."""

    def cargar_objeto(self):
        return _consulta(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(consulta=self.objeto, **kwargs)


# --- Public ----------------------------------------------------------------------------------


class ConsultasView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "comunicacion/consulta/lista.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(consultas=sel.consultas_publicas(), **kwargs)


class ConsultaView(PaginaPublicaMixin, _ConsultaMixin, VistaStaff):
    """The consulted version section by section, each with its comments and official answers."""

    permiso = PUBLICO
    template_name = "comunicacion/consulta/consulta.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.update(sel.pagina_de_consulta(consulta=self.objeto))
        contexto["puede_moderar"] = self.puede("comunicacion.moderar_consulta")
        return contexto


class ComentarView(PaginaPublicaMixin, _ConsultaMixin, LimitePorHoraMixin, VistaAccion):
    """The comment form; ?destino=seccion&seccion=… or ?destino=compromiso&compromiso=<id>."""

    permiso = PUBLICO
    form_class = ComentarioForm
    template_name = "comunicacion/consulta/comentar.html"
    LIMITE_POR_HORA = 5
    LIMITE_POR_CORREO = 3
    mensaje_limite = gettext_lazy(
        "Demasiados comentarios desde esta conexión. Intente de nuevo en una hora."
    )

    def _objetivo(self) -> str:
        """What a "Comentar" link points at (?destino=…), or '' when the visitor must choose."""
        params = self.request.GET
        destino = params.get("destino", "")
        if destino == Comentario.Destino.TEXTO:
            return str(Comentario.Destino.TEXTO.label)
        if destino == Comentario.Destino.SECCION and params.get("seccion") in SECCIONES:
            return str(Comentario.Seccion(params["seccion"]).label)
        if destino == Comentario.Destino.COMPROMISO and params.get("compromiso", "").isdigit():
            compromiso = self.objeto.pacto.compromisos.filter(pk=params["compromiso"]).first()
            if compromiso is not None:
                return _("Compromiso %(compromiso)s") % {
                    "compromiso": f"{compromiso.numero}. {compromiso.titulo}"
                }
        return ""

    def get_form_kwargs(self):
        self.objetivo = self._objetivo()
        return {
            **super().get_form_kwargs(),
            "consulta": self.objeto,
            "anonimo": not self.request.user.is_authenticated,
            "fijo": bool(self.objetivo),
        }

    def get_initial(self):
        claves = ("destino", "seccion", "compromiso")
        return {k: self.request.GET[k] for k in claves if k in self.request.GET}

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["objetivo"] = getattr(self, "objetivo", "")
        contexto["url_cambiar"] = reverse("comunicacion:comentar", args=[self.objeto.pk])
        return contexto

    def limite_superado(self, form) -> bool:
        """At most LIMITE_POR_HORA comments an hour from one address, and LIMITE_POR_CORREO
        confirmation e-mails an hour to one mailbox (nobody floods someone else's inbox)."""
        conexion = clave_limite_conexion(ip_cliente(self.request))
        if limites.limite_superado(conexion, self.LIMITE_POR_HORA, 3600):
            return True
        correo = (form.cleaned_data.get("email") or "") if form.is_valid() else ""
        if correo:
            return limites.limite_superado(
                clave_limite_correo(correo), self.LIMITE_POR_CORREO, 3600
            )
        return False

    def post(self, request, *args, **kwargs):
        if not self.objeto.acepta_comentarios:
            messages.error(request, _("Esta consulta no está recibiendo comentarios."))
            return redirect(self.objeto.get_absolute_url())
        return super().post(request, *args, **kwargs)

    def ejecutar(self, form):
        return srv.comentario_recibir(
            consulta=self.objeto, datos=form.cleaned_data, usuario=self.request.user
        )

    def get_success_url(self):
        if self.resultado.estado == Comentario.Estado.PUBLICADO:
            messages.success(self.request, _("Gracias: su comentario está publicado."))
            return self.resultado.get_absolute_url()
        return reverse("comunicacion:comentario_enviado", args=[self.objeto.pk])


class ComentarioEnviadoView(PaginaPublicaMixin, _ConsultaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "comunicacion/consulta/enviado.html"


class ComentarioConfirmarView(VistaStaff):
    """GET shows what is being confirmed (mail scanners follow links); POST publishes it."""

    permiso = PUBLICO
    template_name = "comunicacion/consulta/confirmar.html"

    def get(self, request, token: str):
        try:
            comentario = srv.comentario_por_token(token=token)
        except ValidationError as exc:
            return self.render_to_response({"error": exc.messages[0]}, status=400)
        return self.render_to_response({"comentario": comentario, "token": token})

    def post(self, request, token: str):
        try:
            comentario = srv.comentario_confirmar(token=token)
        except ValidationError as exc:
            return self.render_to_response({"error": exc.messages[0]}, status=400)
        messages.success(request, _("Gracias: su comentario está publicado."))
        return HttpResponseRedirect(comentario.get_absolute_url())


class ComentariosFeed(FeedPortal):
    """RSS of a consultation's published comments (hidden and pending ones never appear)."""

    description = gettext_lazy("Comentarios publicados en la consulta pública.")

    def get_object(self, request, pk: int):
        return _consulta(pk)

    def title(self, consulta):
        return _("Consulta pública: %(pacto)s") % {"pacto": consulta}

    def link(self, consulta):
        return consulta.get_absolute_url()

    def items(self, consulta):
        return sel.comentarios_publicados(consulta=consulta.pk)[:50]

    def item_title(self, item):
        return f"{item.get_tipo_display()} · {item.destino_texto}"

    def item_description(self, item):
        return item.texto

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.publicado_en


# --- Staff -----------------------------------------------------------------------------------


class ConsultasGestionView(VistaStaff):
    permiso = "comunicacion.moderar_consulta"
    template_name = "comunicacion/consulta/gestion_lista.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["consultas"] = sel.consultas_publicas()
        contexto["puede_abrir"] = self.puede("comunicacion.abrir_consulta")
        return contexto


class ConsultaAbrirView(VistaAccion):
    permiso = "comunicacion.abrir_consulta"
    form_class = ConsultaAbrirForm
    template_name = "comunicacion/consulta/abrir.html"
    mensaje_exito = gettext_lazy("Consulta abierta.")

    def ejecutar(self, form):
        return srv.consulta_abrir(usuario=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("comunicacion:consulta_moderar", args=[self.resultado.pk])


class ConsultaModerarView(_ConsultaMixin, VistaStaff):
    """The moderation queue: every comment with its state; hide, restore, answer in bulk."""

    permiso = "comunicacion.moderar_consulta"
    template_name = "comunicacion/consulta/moderar.html"

    def get_context_data(self, **kwargs):
        consulta = self.objeto
        kwargs.setdefault("form_respuesta", RespuestaOficialForm(consulta=consulta))
        contexto = super().get_context_data(**kwargs)
        params = self.request.GET
        estado = params.get("estado", "")
        tipo = params.get("tipo", "")
        sin_respuesta = params.get("sin_respuesta") == "1"
        qs = sel.comentarios_moderacion(
            consulta=consulta, estado=estado, tipo=tipo, sin_respuesta=sin_respuesta
        )
        contexto.update(
            pagina=paginar(self.request, qs, 50),
            estado=estado,
            tipo=tipo,
            sin_respuesta=sin_respuesta,
            estados=Comentario.Estado.choices,
            tipos=Comentario.Tipo.choices,
            puede_responder=self.puede("comunicacion.responder_consulta"),
            puede_cerrar=self.puede("comunicacion.abrir_consulta"),
        )
        return contexto


class RespuestaOficialView(ConsultaModerarView, VistaAccion):
    permiso = "comunicacion.responder_consulta"
    form_class = RespuestaOficialForm

    def get(self, request, *args, **kwargs):
        return redirect("comunicacion:consulta_moderar", pk=self.objeto.pk)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "consulta": self.objeto}

    def form_invalid(self, form, status=400):
        contexto = self.get_context_data(form_respuesta=form, form=None)
        return self.render_to_response(contexto, status=status)

    def ejecutar(self, form):
        return srv.respuesta_publicar(
            consulta=self.objeto,
            comentarios=form.cleaned_data["comentarios"],
            usuario=self.request.user,
            texto=form.cleaned_data["texto"],
            decision=form.cleaned_data["decision"],
        )

    def get_success_url(self):
        n = self.resultado.comentarios.count()
        messages.success(
            self.request,
            _("Respuesta publicada en %(n)s comentario(s); se enviará por correo.") % {"n": n},
        )
        return reverse("comunicacion:consulta_moderar", args=[self.objeto.pk])


class ComentarioOcultarView(SoloPost, ConsultaModerarView, VistaAccion):
    """Hide one comment with a public reason; a refusal shows the queue again, answered 400."""

    form_class = OcultarForm
    mensaje_exito = gettext_lazy("Comentario oculto; se muestra el motivo en su lugar.")

    def cargar_objeto(self):
        """The comment's consultation: moderation rights are held on it."""
        self.comentario = objeto_o_404(
            Comentario.objects.select_related("consulta"), pk=self.kwargs["pk"]
        )
        return _consulta(self.comentario.consulta_id)

    def ejecutar(self, form):
        return srv.comentario_ocultar(
            comentario=self.comentario,
            usuario=self.request.user,
            motivo=form.cleaned_data["motivo"],
        )

    def get_success_url(self):
        return (
            reverse("comunicacion:consulta_moderar", args=[self.objeto.pk])
            + f"#comentario-{self.comentario.pk}"
        )


class ComentarioRestaurarView(ComentarioOcultarView):
    form_class = forms.Form
    mensaje_exito = gettext_lazy("El comentario vuelve a estar publicado.")

    def ejecutar(self, form):
        return srv.comentario_restaurar(comentario=self.comentario, usuario=self.request.user)


class ConsultaCerrarView(SoloPost, _ConsultaMixin, VistaAccion):
    permiso = "comunicacion.abrir_consulta"
    form_class = forms.Form
    template_name = "comunicacion/consulta/moderar.html"
    mensaje_exito = gettext_lazy("Consulta cerrada. El informe de resultados se está generando.")

    def ejecutar(self, form):
        return srv.consulta_cerrar(consulta=self.objeto, usuario=self.request.user)

    def get_success_url(self):
        return self.resultado.get_absolute_url()
