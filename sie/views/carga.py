"""Getting values in: the grid of a period for every canton, file imports (preview, then
confirm, all or nothing) and the file templates."""

import base64
from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exportar import respuesta_descarga
from core.vistas import SoloPost, VistaAccion, VistaStaff, objeto_o_404

from .. import services
from ..forms import CapturaForm, CapturaSeleccionForm, ImportarForm
from ..models import Medicion
from ..selectors import (
    cantones_publicos,
    indicadores_registrables,
    mediciones_con_alertas_total,
    mediciones_del_periodo,
)

CLAVE_SESION_IMPORTACION = "sie_importacion"


def _avisar_guardadas(request, guardadas: list[Medicion], *, exito: str, alertas: str) -> None:
    messages.success(request, exito % {"n": len(guardadas)})
    if con_alertas := mediciones_con_alertas_total(mediciones=guardadas):
        messages.warning(request, alertas % {"n": con_alertas})


class CapturaView(VistaAccion):
    """A period's values for all cantons at once (and their disaggregations), saved together."""

    permiso = "sie.registrar_medicion"
    template_name = "sie/gestion/captura.html"

    @cached_property
    def seleccion(self) -> CapturaSeleccionForm:
        datos = self.request.POST if self.request.method == "POST" else self.request.GET
        return CapturaSeleccionForm(datos or None)

    def get_initial(self):
        indicador = self.seleccion.cleaned_data["indicador"]
        return {"fuente": indicador.fuente, "fecha_dato": timezone.localdate().isoformat()}

    def get_form(self, form_class=None) -> CapturaForm | None:
        if not self.seleccion.is_valid():
            return None
        indicador = self.seleccion.cleaned_data["indicador"]
        periodo = self.seleccion.cleaned_data["periodo"]
        return CapturaForm(
            indicador=indicador,
            periodo=periodo,
            cantones=cantones_publicos(),
            existentes=mediciones_del_periodo(indicador=indicador, periodo=periodo),
            **self.get_form_kwargs(),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(seleccion=self.seleccion, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.seleccion.is_valid():
            return self.render_to_response(self.get_context_data(), status=400)
        return super().post(request, *args, **kwargs)

    def ejecutar(self, form):
        return services.mediciones_registrar(datos=form.datos_medicion(), usuario=self.request.user)

    def form_valid(self, form):
        _avisar_guardadas(
            self.request,
            self.resultado,
            exito=_("Se guardaron %(n)d valores como borrador."),
            alertas=_("%(n)d valores tienen alertas: revíselos antes de validar."),
        )
        return super().form_valid(form)

    def get_success_url(self) -> str:
        codigo = self.seleccion.cleaned_data["indicador"].codigo
        return reverse("sie:gestion") + f"?indicador={codigo}&estado=borrador"


class _PaginaImportar(VistaAccion):
    permiso = "sie.registrar_medicion"
    template_name = "sie/gestion/importar.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            indicadores=indicadores_registrables(),
            **kwargs,
        )


class ImportarView(_PaginaImportar):
    """Upload a CSV/XLSX and see every row checked (the preview); nothing is saved yet."""

    form_class = ImportarForm

    def ejecutar(self, form):
        archivo = form.cleaned_data["archivo"]
        contenido = archivo.read()
        resultado = services.importacion_analizar(contenido=contenido, nombre_archivo=archivo.name)
        self.request.session.pop(CLAVE_SESION_IMPORTACION, None)
        if resultado.valida:
            self.request.session[CLAVE_SESION_IMPORTACION] = {
                "nombre": archivo.name,
                "contenido": base64.b64encode(contenido).decode("ascii"),
            }
        return resultado

    def form_valid(self, form):
        contexto = self.get_context_data(
            form=form,
            resultado=self.resultado,
            nombre_archivo=form.cleaned_data["archivo"].name,
        )
        return self.render_to_response(contexto, status=200 if self.resultado.valida else 400)


class ImportarConfirmarView(SoloPost, _PaginaImportar):
    """Save the previewed file, all or nothing; its errors are shown on the import page (400)."""

    form_class = forms.Form

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None)
        return super().get_context_data(
            form=ImportarForm(),
            errores_confirmacion=form.non_field_errors() if form else [],
            **kwargs,
        )

    def ejecutar(self, form):
        pendiente = self.request.session.pop(CLAVE_SESION_IMPORTACION, None)
        if not pendiente:
            raise ValidationError(
                _("No hay ninguna importación pendiente: suba el archivo otra vez.")
            )
        try:
            return services.importacion_aplicar(
                contenido=base64.b64decode(pendiente["contenido"]),
                nombre_archivo=pendiente["nombre"],
                usuario=self.request.user,
            )
        except ValidationError as error:
            raise ValidationError([*error.messages[:20], _("No se importó nada.")]) from error

    def form_valid(self, form):
        _avisar_guardadas(
            self.request,
            self.resultado,
            exito=_("Importados %(n)d valores como borrador."),
            alertas=_("%(n)d valores importados tienen alertas: revíselos antes de validar."),
        )
        return super().form_valid(form)

    def get_success_url(self) -> str:
        return reverse("sie:gestion") + "?estado=borrador"


class PlantillaView(VistaStaff):
    """The import template of one indicator, as CSV or XLSX."""

    permiso = "sie.registrar_medicion"

    def cargar_objeto(self):
        if self.kwargs["formato"] not in ("csv", "xlsx"):
            raise Http404
        return objeto_o_404(indicadores_registrables(), codigo=self.kwargs["codigo"])

    def get(self, request, *args, **kwargs):
        return respuesta_descarga(
            nombre=f"plantilla-{self.objeto.codigo}",
            cabecera=services.COLUMNAS_PLANTILLA,
            filas=services.plantilla_filas(
                indicador=self.objeto, periodo=request.GET.get("periodo", "")
            ),
            formato=self.kwargs["formato"],
            titulo=self.objeto.codigo,
        )
