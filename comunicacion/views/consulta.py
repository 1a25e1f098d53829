"""Thin views of the public consultation: the consulted text with its comments, the comment form
and its e-mail confirmation, the feed; staff open, moderate, answer and close."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from core import limites
from core.enlaces import FeedPortal
from core.permisos import PermisoRequeridoMixin
from core.red import ip_cliente

from ..forms.consulta import ComentarioForm, ConsultaAbrirForm, OcultarForm, RespuestaOficialForm
from ..models import Comentario, Consulta
from ..selectors import consulta as sel
from ..services import consulta as srv

SECCIONES = Comentario.Seccion.values


def _form_con_errores(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for campo, errores in exc.error_dict.items():
            form.add_error(campo if campo in form.fields else None, errores)
    else:
        form.add_error(None, exc)


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


# --- Public ----------------------------------------------------------------------------------


class ConsultasView(TemplateView):
    template_name = "comunicacion/consulta/lista.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["consultas"] = sel.consultas_publicas()
        return contexto


class ConsultaView(TemplateView):
    """The consulted version section by section, each with its comments and official answers."""

    template_name = "comunicacion/consulta/consulta.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        consulta = _consulta(kwargs["pk"])
        contexto.update(sel.pagina_de_consulta(consulta=consulta))
        contexto["consulta"] = consulta
        contexto["puede_moderar"] = self.request.user.has_perm(
            "comunicacion.moderar_consulta", consulta
        )
        return contexto


class ComentarView(TemplateView):
    """The comment form; ?destino=seccion&seccion=… or ?destino=compromiso&compromiso=<id>."""

    template_name = "comunicacion/consulta/comentar.html"
    LIMITE_POR_HORA = 5
    LIMITE_POR_CORREO = 3

    def dispatch(self, request, *args, **kwargs):
        self.consulta = _consulta(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def _objetivo(self) -> str:
        """What a "Comentar" link points at (?destino=…), or '' when the visitor must choose."""
        params = self.request.GET
        destino = params.get("destino", "")
        if destino == Comentario.Destino.TEXTO:
            return str(Comentario.Destino.TEXTO.label)
        if destino == Comentario.Destino.SECCION and params.get("seccion") in SECCIONES:
            return str(Comentario.Seccion(params["seccion"]).label)
        if destino == Comentario.Destino.COMPROMISO and params.get("compromiso", "").isdigit():
            compromiso = self.consulta.pacto.compromisos.filter(pk=params["compromiso"]).first()
            if compromiso is not None:
                return _("Compromiso %(compromiso)s") % {
                    "compromiso": f"{compromiso.numero}. {compromiso.titulo}"
                }
        return ""

    def _form(self, datos=None):
        self.objetivo = self._objetivo()
        return ComentarioForm(
            datos,
            consulta=self.consulta,
            anonimo=not self.request.user.is_authenticated,
            fijo=bool(self.objetivo),
            initial={
                k: self.request.GET[k]
                for k in ("destino", "seccion", "compromiso")
                if k in self.request.GET
            },
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", self._form())
        contexto["consulta"] = self.consulta
        contexto["objetivo"] = getattr(self, "objetivo", "")
        contexto["url_cambiar"] = reverse("comunicacion:comentar", args=[self.consulta.pk])
        return contexto

    def _demasiados(self, request, form) -> bool:
        """At most LIMITE_POR_HORA comments an hour from one address, and LIMITE_POR_CORREO
        confirmation e-mails an hour to one mailbox (nobody floods someone else's inbox)."""
        ip = ip_cliente(request)
        if limites.limite_superado(clave_limite_conexion(ip), self.LIMITE_POR_HORA):
            return True
        correo = (form.cleaned_data.get("email") or "") if form.is_valid() else ""
        if correo:
            return limites.limite_superado(clave_limite_correo(correo), self.LIMITE_POR_CORREO)
        return False

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if not self.consulta.acepta_comentarios:
            messages.error(request, _("Esta consulta no está recibiendo comentarios."))
            return redirect(self.consulta.get_absolute_url())
        if self._demasiados(request, form):
            form.add_error(
                None,
                _("Demasiados comentarios desde esta conexión. Intente de nuevo en una hora."),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if form.is_valid():
            try:
                comentario = srv.comentario_recibir(
                    consulta=self.consulta, datos=form.cleaned_data, usuario=request.user
                )
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                if comentario.estado == Comentario.Estado.PUBLICADO:
                    messages.success(request, _("Gracias: su comentario está publicado."))
                    return HttpResponseRedirect(comentario.get_absolute_url())
                return redirect("comunicacion:comentario_enviado", pk=self.consulta.pk)
        return self.render_to_response(self.get_context_data(form=form))


class ComentarioEnviadoView(TemplateView):
    template_name = "comunicacion/consulta/enviado.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["consulta"] = _consulta(kwargs["pk"])
        return contexto


class ComentarioConfirmarView(TemplateView):
    """GET shows what is being confirmed (mail scanners follow links); POST publishes it."""

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


class ConsultasGestionView(PermisoRequeridoMixin, TemplateView):
    permission_required = "comunicacion.moderar_consulta"
    template_name = "comunicacion/consulta/gestion_lista.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["consultas"] = sel.consultas_publicas()
        contexto["puede_abrir"] = self.request.user.has_perm("comunicacion.abrir_consulta")
        return contexto


class ConsultaAbrirView(PermisoRequeridoMixin, TemplateView):
    permission_required = "comunicacion.abrir_consulta"
    template_name = "comunicacion/consulta/abrir.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", ConsultaAbrirForm())
        return contexto

    def post(self, request, *args, **kwargs):
        form = ConsultaAbrirForm(request.POST)
        if form.is_valid():
            try:
                consulta = srv.consulta_abrir(usuario=request.user, **form.cleaned_data)
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                messages.success(request, _("Consulta abierta."))
                return redirect("comunicacion:consulta_moderar", pk=consulta.pk)
        return self.render_to_response(self.get_context_data(form=form))


class ConsultaModerarView(PermisoRequeridoMixin, TemplateView):
    """The moderation queue: every comment with its state; hide, restore, answer in bulk."""

    permission_required = "comunicacion.moderar_consulta"
    template_name = "comunicacion/consulta/moderar.html"

    def dispatch(self, request, *args, **kwargs):
        self.consulta = _consulta(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.consulta

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        params = self.request.GET
        estado = params.get("estado", "")
        tipo = params.get("tipo", "")
        sin_respuesta = params.get("sin_respuesta") == "1"
        qs = sel.comentarios_moderacion(
            consulta=self.consulta, estado=estado, tipo=tipo, sin_respuesta=sin_respuesta
        )
        contexto.update(
            consulta=self.consulta,
            pagina=Paginator(qs, 50).get_page(params.get("page")),
            estado=estado,
            tipo=tipo,
            sin_respuesta=sin_respuesta,
            estados=Comentario.Estado.choices,
            tipos=Comentario.Tipo.choices,
            form_respuesta=kwargs.get("form_respuesta")
            or RespuestaOficialForm(consulta=self.consulta),
            puede_responder=self.request.user.has_perm(
                "comunicacion.responder_consulta", self.consulta
            ),
            puede_cerrar=self.request.user.has_perm("comunicacion.abrir_consulta"),
        )
        return contexto


class RespuestaOficialView(ConsultaModerarView):
    permission_required = "comunicacion.responder_consulta"

    def get(self, request, *args, **kwargs):
        return redirect("comunicacion:consulta_moderar", pk=self.consulta.pk)

    def post(self, request, *args, **kwargs):
        form = RespuestaOficialForm(request.POST, consulta=self.consulta)
        if form.is_valid():
            try:
                respuesta = srv.respuesta_publicar(
                    consulta=self.consulta,
                    comentarios=form.cleaned_data["comentarios"],
                    usuario=request.user,
                    texto=form.cleaned_data["texto"],
                    decision=form.cleaned_data["decision"],
                )
            except ValidationError as exc:
                _form_con_errores(form, exc)
            else:
                n = respuesta.comentarios.count()
                messages.success(
                    request,
                    _("Respuesta publicada en %(n)s comentario(s); se enviará por correo.")
                    % {"n": n},
                )
                return redirect("comunicacion:consulta_moderar", pk=self.consulta.pk)
        return self.render_to_response(self.get_context_data(form_respuesta=form), status=400)


class _AccionComentarioView(PermisoRequeridoMixin, View):
    permission_required = "comunicacion.moderar_consulta"

    def dispatch(self, request, *args, **kwargs):
        self.comentario = get_object_or_404(
            Comentario.objects.select_related("consulta"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.comentario.consulta

    def _volver(self):
        return HttpResponseRedirect(
            reverse("comunicacion:consulta_moderar", args=[self.comentario.consulta_id])
            + f"#comentario-{self.comentario.pk}"
        )


class ComentarioOcultarView(_AccionComentarioView):
    def post(self, request, pk: int):
        form = OcultarForm(request.POST)
        if not form.is_valid():
            for errores in form.errors.values():
                for error in errores:
                    messages.error(request, error)
            return self._volver()
        srv.comentario_ocultar(
            comentario=self.comentario, usuario=request.user, motivo=form.cleaned_data["motivo"]
        )
        messages.success(request, _("Comentario oculto; se muestra el motivo en su lugar."))
        return self._volver()


class ComentarioRestaurarView(_AccionComentarioView):
    def post(self, request, pk: int):
        srv.comentario_restaurar(comentario=self.comentario, usuario=request.user)
        messages.success(request, _("El comentario vuelve a estar publicado."))
        return self._volver()


class ConsultaCerrarView(PermisoRequeridoMixin, View):
    permission_required = "comunicacion.abrir_consulta"

    def post(self, request, pk: int):
        consulta = get_object_or_404(Consulta, pk=pk)
        documento = srv.consulta_cerrar(consulta=consulta, usuario=request.user)
        messages.success(
            request, _("Consulta cerrada. El informe de resultados se está generando.")
        )
        return HttpResponseRedirect(documento.get_absolute_url())
