"""Views of generated documents: ask for one, follow its state, download it.

Documents are addressed by their public UUID, never by pk. An unknown id, or a document whose
source the person may not see, is the same Spanish 404; anonymous visitors are first sent to log in.
"""

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .cache import PaginaPublicaMixin
from .documentos import TipoDesconocido, TipoDocumento, documento_solicitar, tipo_documento
from .models import Documento
from .permisos import AccesoDenegado


class _IrAlLogin(Exception):
    pass


def _documento_visible(request, uuid) -> tuple[Documento, TipoDocumento, Any]:
    try:
        documento = Documento.objects.select_related("content_type").get(uuid=uuid)
        definicion = tipo_documento(documento.tipo)
        fuente = definicion.model_class._default_manager.get(pk=documento.object_id)
    except (TipoDesconocido, ObjectDoesNotExist, ValidationError, ValueError):
        raise Http404(_("No encontramos este documento.")) from None
    if not definicion.permite(request.user, fuente):
        if not request.user.is_authenticated:
            raise _IrAlLogin
        raise Http404(_("No encontramos este documento."))
    return documento, definicion, fuente


@csrf_exempt
@require_POST
def documento_solicitar_view(request, tipo: str, clave: str):
    """POST: get or create the document of a source and go to its status page.

    Without a CSRF token: asking is idempotent (the one document of a source, kind and
    version) and checked against the person's own rights, so a forged request can at most have
    a document made that its victim may read anyway; and the public pages that offer a PDF
    (a canton, a pacto, an event) then carry no per-visitor token and are served whole from
    the shared cache.
    """
    try:
        definicion = tipo_documento(tipo)
        fuente = definicion.buscar_fuente(clave)
    except (TipoDesconocido, ObjectDoesNotExist, ValueError, ValidationError):
        raise Http404(_("No encontramos el contenido de este documento.")) from None
    if not definicion.permite(request.user, fuente) and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        documento = documento_solicitar(fuente=fuente, tipo=tipo, usuario=request.user)
    except AccesoDenegado:
        raise Http404(_("No encontramos el contenido de este documento.")) from None
    if request.htmx:
        return render(
            request, "core/documento.html#estado", _contexto(documento, definicion, fuente)
        )
    return HttpResponseRedirect(documento.get_absolute_url())


def _contexto(documento: Documento, definicion: TipoDocumento, fuente) -> dict:
    return {
        "documento": documento,
        "titulo": definicion.titulo(fuente),
        "fuente": fuente,
        "reintentar_url": reverse(
            "core:documento_solicitar",
            kwargs={"tipo": documento.tipo, "clave": getattr(fuente, definicion.campo_clave)},
        ),
    }


class DocumentoVisibleMixin(View):
    def dispatch(self, request, *args, **kwargs):
        try:
            self.documento, self.definicion, self.fuente = _documento_visible(
                request, kwargs["uuid"]
            )
        except _IrAlLogin:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)


class DocumentoView(PaginaPublicaMixin, DocumentoVisibleMixin):
    """The status page; its #estado partial polls itself with htmx until the file is ready."""

    def get(self, request, uuid):
        contexto = _contexto(self.documento, self.definicion, self.fuente)
        plantilla = "core/documento.html#estado" if request.htmx else "core/documento.html"
        return render(request, plantilla, contexto)


class DocumentoDescargarView(DocumentoVisibleMixin):
    def get(self, request, uuid):
        documento = self.documento
        if not documento.listo:
            return HttpResponseRedirect(documento.get_absolute_url())
        try:
            archivo = documento.archivo.open("rb")
        except (FileNotFoundError, OSError, ValueError):
            raise Http404(_("El archivo de este documento ya no está disponible.")) from None
        respuesta = FileResponse(
            archivo,
            as_attachment=True,
            filename=documento.nombre_archivo or "documento.pdf",
            content_type="application/pdf",
        )
        respuesta["Cache-Control"] = "private, max-age=0, no-cache"
        return respuesta
