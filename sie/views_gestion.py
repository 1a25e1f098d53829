"""Staff pages of the SIE: review, correct, validate and publish values; entry grid; import;
targets; the catalogue. Views parse and call one service."""

import base64

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.permisos import AccesoDenegado, PermisoRequeridoMixin
from core.seguridad import destino_local

from . import services
from .catalogo import DIMENSIONES
from .forms import (
    CapturaSeleccionForm,
    CorregirMedicionForm,
    FiltroMedicionesForm,
    ImportarForm,
    IndicadorForm,
    MetaForm,
    ValidarMedicionForm,
)
from .models import Indicador, Medicion, MetaIndicador
from .selectors import cantones_publicos, mediciones_de_gestion, metas_con_avance

CLAVE_SESION_IMPORTACION = "sie_importacion"


class GestionView(PermisoRequeridoMixin, TemplateView):
    """The analyst's desk: every value with its state and flags, filters and bulk actions."""

    permission_required = "sie.ver_gestion"
    template_name = "sie/gestion/mediciones.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        form = FiltroMedicionesForm(self.request.GET or None)
        mediciones = mediciones_de_gestion(usuario=self.request.user).order_by(
            "-actualizado", "indicador__codigo"
        )
        if form.is_valid():
            datos = form.cleaned_data
            if datos["indicador"]:
                mediciones = mediciones.filter(indicador=datos["indicador"])
            if datos["canton"]:
                mediciones = mediciones.filter(canton=datos["canton"])
            if datos["estado"]:
                mediciones = mediciones.filter(estado=datos["estado"])
            if datos["alertas"]:
                mediciones = mediciones.exclude(alertas=[])
        pagina = Paginator(mediciones, 50).get_page(self.request.GET.get("pagina"))
        contexto.update(
            form=form,
            pagina=pagina,
            puede_validar=self.request.user.has_perm("sie.validar_medicion"),
            pendientes=Medicion.objects.filter(estado=Medicion.Estado.BORRADOR).count(),
            con_alertas=Medicion.objects.filter(estado=Medicion.Estado.BORRADOR)
            .exclude(alertas=[])
            .count(),
            por_publicar=Medicion.objects.filter(estado=Medicion.Estado.VALIDADO).count(),
        )
        return contexto


class AccionMasivaView(PermisoRequeridoMixin, View):
    """Validate (without flags) or publish the selected values."""

    permission_required = "sie.validar_medicion"

    def post(self, request):
        ids = [i for i in request.POST.getlist("ids") if i.isdigit()]
        mediciones = list(Medicion.objects.filter(pk__in=ids).select_related("indicador"))
        accion = request.POST.get("accion")
        if not mediciones:
            messages.warning(request, _("No seleccionó ningún valor."))
        elif accion == "validar":
            hechas, omitidas = services.mediciones_validar(
                mediciones=mediciones, usuario=request.user
            )
            messages.success(request, _("Valores validados: %(n)d.") % {"n": hechas})
            if omitidas:
                messages.warning(
                    request,
                    _(
                        "%(n)d valores con alertas no se validaron: ábralos, corríjalos o "
                        "justifíquelos uno por uno."
                    )
                    % {"n": omitidas},
                )
        elif accion == "publicar":
            hechas = services.mediciones_publicar(mediciones=mediciones, usuario=request.user)
            messages.success(request, _("Valores publicados: %(n)d.") % {"n": hechas})
        return redirect(destino_local(request, request.POST.get("volver"), reverse("sie:gestion")))


class MedicionView(PermisoRequeridoMixin, TemplateView):
    """One value: its flags, history and the analyst's actions (correct, validate, publish)."""

    permission_required = "sie.ver_gestion"
    template_name = "sie/gestion/medicion.html"

    def dispatch(self, request, *args, **kwargs):
        self.medicion = get_object_or_404(
            Medicion.objects.select_related("indicador", "canton", "parroquia", "validado_por"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        m = self.medicion
        contexto.update(
            medicion=m,
            form_corregir=kwargs.get("form_corregir")
            or CorregirMedicionForm(
                initial={"valor": m.valor, "fuente": m.fuente, "fecha_dato": m.fecha_dato}
            ),
            form_validar=kwargs.get("form_validar") or ValidarMedicionForm(),
            historial=m.history.select_related("history_user")[:10],
            puede_registrar=self.request.user.has_perm("sie.registrar_medicion"),
            categoria=dict(DIMENSIONES.get(m.desagregacion, ("", []))[1]).get(m.categoria, ""),
        )
        return contexto

    def post(self, request, *args, **kwargs):
        accion = request.POST.get("accion")
        permiso = {
            "corregir": "sie.registrar_medicion",
            "validar": "sie.validar_medicion",
            "publicar": "sie.publicar_medicion",
            "retirar": "sie.publicar_medicion",
        }.get(accion)
        if permiso is None:
            return redirect(request.path)
        if not request.user.has_perm(permiso):
            raise AccesoDenegado(permiso)
        extra = {}
        try:
            if accion == "corregir":
                form = CorregirMedicionForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form_corregir=form))
                nueva = services.medicion_corregir(
                    medicion=self.medicion, usuario=request.user, **form.cleaned_data
                )
                if nueva.alertas:
                    messages.warning(request, _("Valor corregido, pero sigue con alertas."))
                else:
                    messages.success(request, _("Valor corregido: ya no tiene alertas."))
            elif accion == "validar":
                form = ValidarMedicionForm(request.POST)
                form.is_valid()
                extra["form_validar"] = form
                services.medicion_validar(
                    medicion=self.medicion,
                    usuario=request.user,
                    justificacion=form.cleaned_data.get("justificacion", ""),
                )
                messages.success(request, _("Valor validado: ya se puede publicar."))
            elif accion == "publicar":
                services.medicion_publicar(medicion=self.medicion, usuario=request.user)
                messages.success(request, _("Valor publicado: ya es visible para el público."))
            elif accion == "retirar":
                services.medicion_retirar(medicion=self.medicion, usuario=request.user)
                messages.success(request, _("Valor retirado de la publicación."))
        except ValidationError as error:
            for mensaje in error.messages:
                messages.error(request, mensaje)
            self.medicion.refresh_from_db()
            return self.render_to_response(self.get_context_data(**extra), status=400)
        return redirect("sie:medicion", pk=self.medicion.pk)


def _columnas_captura(indicador: Indicador) -> list[tuple[str, str, str]]:
    columnas = [("", "", _("Total"))]
    for dimension in indicador.desagregaciones or []:
        columnas.extend((dimension, c, etiqueta) for c, etiqueta in DIMENSIONES[dimension][1])
    return columnas


class CapturaView(PermisoRequeridoMixin, TemplateView):
    """A period's values for all cantons at once (and their disaggregations), saved together."""

    permission_required = "sie.registrar_medicion"
    template_name = "sie/gestion/captura.html"

    def _preparar(self, datos):
        form = CapturaSeleccionForm(datos or None)
        self.form = form
        self.indicador = self.periodo = None
        if form.is_valid():
            self.indicador = form.cleaned_data["indicador"]
            try:
                self.periodo, _inicio = services.periodo_normalizar(
                    texto=form.cleaned_data["periodo"], periodicidad=self.indicador.periodicidad
                )
            except ValidationError as error:
                form.add_error("periodo", error.messages[0].capitalize())
                self.indicador = None

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["form"] = self.form
        if self.indicador is None:
            return contexto
        columnas = _columnas_captura(self.indicador)
        existentes = {
            (m.territorio, m.desagregacion, m.categoria): m
            for m in Medicion.objects.filter(indicador=self.indicador, periodo=self.periodo)
        }
        enviados = kwargs.get("enviados", {})
        filas = []
        for canton in cantones_publicos():
            celdas = []
            for desagregacion, categoria, etiqueta in columnas:
                nombre = f"v_{canton.codigo}_{desagregacion}_{categoria}"
                m = existentes.get((canton.codigo, desagregacion, categoria))
                valor = enviados.get(
                    nombre, "" if m is None else str(m.valor.normalize()).replace(".", ",")
                )
                celdas.append(
                    {"nombre": nombre, "valor": valor, "medicion": m, "etiqueta": etiqueta}
                )
            filas.append({"canton": canton, "celdas": celdas})
        contexto.update(
            indicador=self.indicador,
            periodo=self.periodo,
            columnas=columnas,
            filas=filas,
            fuente=kwargs.get("fuente", self.indicador.fuente),
            fecha_dato=kwargs.get("fecha_dato", timezone.localdate().isoformat()),
            errores=kwargs.get("errores", []),
        )
        return contexto

    def get(self, request, *args, **kwargs):
        self._preparar(request.GET)
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self._preparar(request.POST)
        if self.indicador is None:
            return self.render_to_response(self.get_context_data(), status=400)
        fuente = request.POST.get("fuente", "").strip()
        fecha_texto = request.POST.get("fecha_dato", "")
        errores = []
        try:
            fecha_dato = services.fecha_leer(texto=fecha_texto)
        except ValidationError as error:
            errores.extend(m[0].upper() + m[1:] for m in error.messages)
            fecha_dato = None
        cantones = {c.codigo: c for c in cantones_publicos()}
        datos = []
        enviados = {}
        for codigo, canton in cantones.items():
            for desagregacion, categoria, etiqueta in _columnas_captura(self.indicador):
                nombre = f"v_{codigo}_{desagregacion}_{categoria}"
                texto = request.POST.get(nombre, "").strip()
                enviados[nombre] = texto
                if not texto:
                    continue
                try:
                    valor = services.numero_leer(texto=texto)
                except ValidationError:
                    errores.append(
                        _("%(canton)s, %(columna)s: «%(texto)s» no es un número.")
                        % {"canton": canton.nombre, "columna": etiqueta, "texto": texto}
                    )
                    continue
                if fecha_dato:
                    datos.append(
                        services.DatoMedicion(
                            indicador=self.indicador,
                            canton=canton,
                            periodo=self.periodo,
                            valor=valor,
                            fuente=fuente,
                            fecha_dato=fecha_dato,
                            desagregacion=desagregacion,
                            categoria=categoria,
                        )
                    )
        if not errores and not datos:
            errores.append(_("No escribió ningún valor."))
        if not errores:
            try:
                guardadas = services.mediciones_registrar(datos=datos, usuario=request.user)
            except ValidationError as error:
                errores.extend(error.messages)
            else:
                con_alertas = sum(1 for m in guardadas if Medicion.objects.get(pk=m.pk).alertas)
                messages.success(
                    request,
                    _("Se guardaron %(n)d valores como borrador.") % {"n": len(guardadas)},
                )
                if con_alertas:
                    messages.warning(
                        request,
                        _("%(n)d valores tienen alertas: revíselos antes de validar.")
                        % {"n": con_alertas},
                    )
                url = reverse("sie:gestion") + f"?indicador={self.indicador.codigo}&estado=borrador"
                return redirect(url)
        contexto = self.get_context_data(
            enviados=enviados, fuente=fuente, fecha_dato=fecha_texto, errores=errores
        )
        return self.render_to_response(contexto, status=400)


class ImportarView(PermisoRequeridoMixin, TemplateView):
    """Upload a CSV/XLSX, see every row checked (preview), then confirm: all or nothing."""

    permission_required = "sie.registrar_medicion"
    template_name = "sie/gestion/importar.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", ImportarForm())
        contexto["indicadores"] = Indicador.objects.filter(
            activo=True, calculo=Indicador.Calculo.VALOR
        )
        return contexto

    def post(self, request, *args, **kwargs):
        if "confirmar" in request.POST:
            return self._confirmar(request)
        form = ImportarForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        archivo = form.cleaned_data["archivo"]
        contenido = archivo.read()
        resultado = services.importacion_analizar(contenido=contenido, nombre_archivo=archivo.name)
        if resultado.valida:
            request.session[CLAVE_SESION_IMPORTACION] = {
                "nombre": archivo.name,
                "contenido": base64.b64encode(contenido).decode("ascii"),
            }
        else:
            request.session.pop(CLAVE_SESION_IMPORTACION, None)
        return self.render_to_response(
            self.get_context_data(form=form, resultado=resultado, nombre_archivo=archivo.name),
            status=200 if resultado.valida else 400,
        )

    def _confirmar(self, request):
        pendiente = request.session.get(CLAVE_SESION_IMPORTACION)
        if not pendiente:
            messages.error(
                request, _("No hay ninguna importación pendiente: suba el archivo otra vez.")
            )
            return redirect("sie:importar")
        contenido = base64.b64decode(pendiente["contenido"])
        try:
            guardadas = services.importacion_aplicar(
                contenido=contenido, nombre_archivo=pendiente["nombre"], usuario=request.user
            )
        except ValidationError as error:
            for mensaje in error.messages[:20]:
                messages.error(request, mensaje)
            messages.error(request, _("No se importó nada."))
            return redirect("sie:importar")
        finally:
            request.session.pop(CLAVE_SESION_IMPORTACION, None)
        con_alertas = (
            Medicion.objects.filter(pk__in=[m.pk for m in guardadas]).exclude(alertas=[]).count()
        )
        messages.success(
            request, _("Importados %(n)d valores como borrador.") % {"n": len(guardadas)}
        )
        if con_alertas:
            messages.warning(
                request,
                _("%(n)d valores importados tienen alertas: revíselos antes de validar.")
                % {"n": con_alertas},
            )
        return redirect(reverse("sie:gestion") + "?estado=borrador")


class PlantillaView(PermisoRequeridoMixin, View):
    permission_required = "sie.registrar_medicion"

    def get(self, request, codigo, formato):
        if formato not in ("csv", "xlsx"):
            raise Http404
        indicador = get_object_or_404(Indicador, codigo=codigo, calculo=Indicador.Calculo.VALOR)
        import tablib

        from core.exportar import dataset_seguro

        datos = tablib.Dataset(
            *services.plantilla_filas(indicador=indicador, periodo=request.GET.get("periodo", "")),
            headers=services.COLUMNAS_PLANTILLA,
        )
        datos = dataset_seguro(datos)
        contenido = (
            datos.export("xlsx")
            if formato == "xlsx"
            else ("\ufeff" + datos.export("csv")).encode("utf-8")
        )
        tipo = (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            if formato == "xlsx"
            else "text/csv; charset=utf-8"
        )
        respuesta = HttpResponse(contenido, content_type=tipo)
        respuesta["Content-Disposition"] = f'attachment; filename="plantilla-{codigo}.{formato}"'
        return respuesta


class MetasView(PermisoRequeridoMixin, TemplateView):
    permission_required = "sie.ver_gestion"
    template_name = "sie/gestion/metas.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        metas = MetaIndicador.objects.select_related("indicador", "canton")
        pagina = Paginator(metas, 50).get_page(self.request.GET.get("pagina"))
        contexto.update(
            pagina=pagina,
            items=metas_con_avance(metas=pagina.object_list),
            puede_editar=self.request.user.has_perm("sie.gestionar_metas"),
        )
        return contexto


class MetaEditarView(PermisoRequeridoMixin, TemplateView):
    permission_required = "sie.gestionar_metas"
    template_name = "sie/gestion/meta_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.meta = get_object_or_404(MetaIndicador, pk=kwargs["pk"]) if "pk" in kwargs else None
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", MetaForm(instance=self.meta))
        contexto["meta"] = self.meta
        return contexto

    def post(self, request, *args, **kwargs):
        form = MetaForm(request.POST, instance=self.meta)
        if form.is_valid():
            try:
                services.meta_guardar(meta=self.meta, **form.cleaned_data)
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for campo, errores in error.message_dict.items():
                        form.add_error(campo if campo in form.fields else None, errores)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, _("Meta guardada."))
                return redirect("sie:metas")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class IndicadorEditarView(PermisoRequeridoMixin, TemplateView):
    permission_required = "sie.editar_indicador"
    template_name = "sie/gestion/indicador_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.indicador = get_object_or_404(Indicador, codigo=kwargs["codigo"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.setdefault("form", IndicadorForm(instance=self.indicador))
        contexto["indicador"] = self.indicador
        return contexto

    def post(self, request, *args, **kwargs):
        form = IndicadorForm(request.POST, instance=self.indicador)
        if form.is_valid():
            try:
                services.indicador_guardar(indicador=form.save(commit=False))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Indicador guardado."))
                return redirect(self.indicador.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form), status=400)
