"""Staff views of the roadmap: list, timeline, board, programme dashboard, reports."""

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from core.permisos import PermisoRequeridoMixin, exigir_permiso
from core.seguridad import destino_local
from pactos.forms.hoja_de_ruta import (
    ActividadAvanceForm,
    ActividadPlanForm,
    EstadoRapidoForm,
    FiltroHojaDeRutaForm,
    InformeForm,
)
from pactos.graficos.hoja_de_ruta import barras_productos_svg, linea_de_tiempo_svg
from pactos.models import Actividad, EstadoActividad, InformeProgreso
from pactos.selectors.hoja_de_ruta import (
    actividades_filtradas,
    actividades_por_bloque,
    actividades_por_estado,
    alertas_de,
    progreso_productos,
    responsables_con_actividades,
    resumen_estados,
)
from pactos.services.hoja_de_ruta import (
    actividad_actualizar_avance,
    actividad_crear,
    actividad_planificar,
)
from pactos.services.informe_progreso import (
    documento_de_informe,
    informe_solicitar,
    informe_xlsx,
)

EVENTO_ACTUALIZADA = "hoja-de-ruta-actualizada"


def _anotar(user, actividades, hoy):
    """Mark what the template needs per activity: may this user update it, is it overdue."""
    for a in actividades:
        a.puede_actualizar = user.has_perm("pactos.actualizar_actividad", a)
        a.esta_vencida = a.vencida(hoy)
    return actividades


def _errores_en_texto(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return " ".join(m for mensajes in error.message_dict.values() for m in mensajes)
    return " ".join(error.messages)


class HojaDeRutaBase(PermisoRequeridoMixin, TemplateView):
    permission_required = "pactos.ver_hoja_de_ruta"
    pestana = ""

    def filtro(self) -> FiltroHojaDeRutaForm:
        if not hasattr(self, "_filtro"):
            self._filtro = FiltroHojaDeRutaForm(
                self.request.GET or None, responsables=responsables_con_actividades()
            )
        return self._filtro

    def actividades(self):
        hoy = timezone.localdate()
        return _anotar(
            self.request.user, list(actividades_filtradas(**self.filtro().filtros())), hoy
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filtros = {k: v for k, v in self.request.GET.items() if k in self.filtro().fields and v}
        context.update(
            {
                "filtro": self.filtro(),
                "consulta": urlencode(filtros),
                "filtrado": bool(filtros),
                "pestana": self.pestana,
                "hoy": timezone.localdate(),
                "puede_editar": self.request.user.has_perm("pactos.editar_hoja_de_ruta"),
                "evento_actualizada": EVENTO_ACTUALIZADA,
            }
        )
        return context


class HojaDeRutaListaView(HojaDeRutaBase):
    template_name = "pactos/hoja_de_ruta/lista.html"
    pestana = "lista"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actividades = self.actividades()
        context["grupos"] = actividades_por_bloque(actividades)
        context["total"] = len(actividades)
        context["estados"] = EstadoActividad.choices
        context["progresos"] = progreso_productos()
        return context


class LineaDeTiempoView(HojaDeRutaBase):
    template_name = "pactos/hoja_de_ruta/linea_de_tiempo.html"
    pestana = "linea"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actividades = self.actividades()
        grupos = actividades_por_bloque(actividades)
        context["total"] = len(actividades)
        context["svg"] = linea_de_tiempo_svg(grupos, hoy=context["hoy"])
        context["vencidas"] = [a for a in actividades if a.esta_vencida]
        return context


class TableroView(HojaDeRutaBase):
    template_name = "pactos/hoja_de_ruta/tablero.html"
    pestana = "tablero"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columnas"] = actividades_por_estado(self.actividades())
        context["estados"] = EstadoActividad.choices
        return context


class PanelProgramaView(HojaDeRutaBase):
    """The coordinators' one-page dashboard: what is late and why, and the products' progress."""

    template_name = "pactos/hoja_de_ruta/panel.html"
    pestana = "panel"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        hoy = context["hoy"]
        actividades = _anotar(self.request.user, list(actividades_filtradas()), hoy)
        progresos = progreso_productos()
        proximas = sorted(
            (
                a
                for a in actividades
                if not a.cerrada
                and a.fin_previsto
                and hoy <= a.fin_previsto <= hoy + datetime.timedelta(days=30)
            ),
            key=lambda a: a.fin_previsto,
        )
        context.update(
            {
                "alertas": alertas_de(actividades, hoy=hoy),
                "progresos": progresos,
                "grafico_productos": barras_productos_svg(progresos),
                "progreso_medio": round(sum(p.progreso for p in progresos) / len(progresos) * 100)
                if progresos
                else 0,
                "estados": resumen_estados(actividades),
                "total": len([a for a in actividades if a.estado != EstadoActividad.CANCELADA]),
                "vencidas": [a for a in actividades if a.esta_vencida],
                "proximas": proximas,
                "informes": InformeProgreso.objects.order_by("-creado")[:3],
            }
        )
        return context


class ProgresoProductosView(HojaDeRutaBase):
    """The products' progress as a fragment, refreshed by htmx after an inline update."""

    template_name = "pactos/hoja_de_ruta/_progreso_productos.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["progresos"] = progreso_productos()
        return context


class ActividadDetalleView(HojaDeRutaBase):
    template_name = "pactos/hoja_de_ruta/actividad.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actividad = get_object_or_404(actividades_filtradas(), pk=self.kwargs["pk"])
        _anotar(self.request.user, [actividad], context["hoy"])
        context["actividad"] = actividad
        context["alertas"] = alertas_de([actividad], hoy=context["hoy"])
        context["dependientes"] = actividad.dependientes.order_by("bloque", "orden")
        context["historial"] = actividad.history.select_related("history_user").order_by(
            "-history_date"
        )[:25]
        if actividad.puede_actualizar:
            context["form_avance"] = kwargs.get("form_avance") or ActividadAvanceForm(
                instance=actividad
            )
        return context

    def post(self, request, pk):
        """The owner (or a coordinator) reports progress with the full form."""
        actividad = get_object_or_404(Actividad, pk=pk)
        exigir_permiso(request.user, "pactos.actualizar_actividad", actividad)
        form = ActividadAvanceForm(request.POST, request.FILES, instance=actividad)
        if form.is_valid():
            try:
                actividad_actualizar_avance(
                    actividad=actividad, por=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                for campo, mensajes in error.message_dict.items():
                    for mensaje in mensajes:
                        form.add_error(campo if campo in form.fields else None, mensaje)
            else:
                messages.success(request, _("Avance guardado."))
                return redirect(actividad.get_absolute_url())
        return self.render_to_response(self.get_context_data(form_avance=form))


class ActividadPlanView(PermisoRequeridoMixin, FormView):
    """A coordinator creates an activity or changes its plan."""

    permission_required = "pactos.editar_hoja_de_ruta"
    form_class = ActividadPlanForm
    template_name = "pactos/hoja_de_ruta/actividad_plan.html"

    def dispatch(self, request, *args, **kwargs):
        self.actividad = get_object_or_404(Actividad, pk=kwargs["pk"]) if "pk" in kwargs else None
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.actividad
        if self.actividad is None and "bloque" in self.request.GET:
            kwargs.setdefault("initial", {})["bloque"] = self.request.GET["bloque"]
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["actividad"] = self.actividad
        return context

    def form_valid(self, form):
        datos = dict(form.cleaned_data)
        productos = datos.pop("productos")
        dependencias = datos.pop("dependencias")
        try:
            if self.actividad is None:
                actividad = actividad_crear(
                    por=self.request.user, productos=productos, dependencias=dependencias, **datos
                )
                messages.success(self.request, _("Actividad creada."))
            else:
                actividad = actividad_planificar(
                    actividad=self.actividad,
                    por=self.request.user,
                    productos=productos,
                    dependencias=dependencias,
                    **datos,
                )
                messages.success(self.request, _("Plan de la actividad guardado."))
        except ValidationError as error:
            for campo, mensajes in error.message_dict.items():
                for mensaje in mensajes:
                    form.add_error(campo if campo in form.fields else None, mensaje)
            if self.actividad is not None:
                self.actividad.refresh_from_db()
            return self.form_invalid(form)
        return redirect(actividad.get_absolute_url())


@require_POST
def actividad_estado(request, pk):
    """Inline update (htmx) of an activity's state and progress from the list or the board."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    actividad = get_object_or_404(actividades_filtradas(), pk=pk)
    exigir_permiso(request.user, "pactos.actualizar_actividad", actividad)
    form = EstadoRapidoForm(request.POST)
    error = ""
    if form.is_valid():
        campos = {"estado": form.cleaned_data["estado"]}
        if form.cleaned_data.get("avance") is not None:
            campos["avance"] = form.cleaned_data["avance"]
        try:
            actividad_actualizar_avance(actividad=actividad, por=request.user, **campos)
        except ValidationError as exc:
            error = _errores_en_texto(exc)
            actividad = get_object_or_404(actividades_filtradas(), pk=pk)
    else:
        error = " ".join(m for mensajes in form.errors.values() for m in mensajes)
    hoy = timezone.localdate()
    vista = request.POST.get("vista", "lista")
    if not request.htmx:
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("Estado actualizado."))
        return redirect(destino_local(request, request.POST.get("volver"), "pactos:hoja_de_ruta"))
    if vista == "tablero":
        actividades = _anotar(request.user, list(actividades_filtradas()), hoy)
        respuesta = render(
            request,
            "pactos/hoja_de_ruta/tablero.html#tablero",
            {
                "columnas": actividades_por_estado(actividades),
                "estados": EstadoActividad.choices,
                "error": error,
                "error_id": pk,
            },
        )
    else:
        actividad = get_object_or_404(actividades_filtradas(), pk=pk)
        _anotar(request.user, [actividad], hoy)
        respuesta = render(
            request,
            "pactos/hoja_de_ruta/lista.html#fila",
            {"a": actividad, "estados": EstadoActividad.choices, "error": error, "hoy": hoy},
        )
    if not error:
        respuesta["HX-Trigger"] = EVENTO_ACTUALIZADA
    return respuesta


class InformesView(HojaDeRutaBase):
    permission_required = "pactos.ver_informes"
    template_name = "pactos/hoja_de_ruta/informes.html"
    pestana = "informes"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pagina = Paginator(
            InformeProgreso.objects.select_related("solicitado_por").order_by("-creado"), 20
        ).get_page(self.request.GET.get("pagina"))
        for informe in pagina:
            informe.documento = documento_de_informe(informe)
        context["pagina"] = pagina
        context["puede_generar"] = self.request.user.has_perm("pactos.generar_informe")
        context["form"] = kwargs.get("form") or InformeForm()
        return context

    def post(self, request, *args, **kwargs):
        exigir_permiso(request.user, "pactos.generar_informe")
        form = InformeForm(request.POST)
        if form.is_valid():
            try:
                documento = informe_solicitar(
                    desde=form.cleaned_data["desde"],
                    hasta=form.cleaned_data["hasta"],
                    por=request.user,
                )
            except ValidationError as error:
                for campo, mensajes in error.message_dict.items():
                    for mensaje in mensajes:
                        form.add_error(campo if campo in form.fields else None, mensaje)
            else:
                messages.success(request, _("El informe se está generando."))
                return redirect(documento.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))


class InformeXlsxView(PermisoRequeridoMixin, View):
    permission_required = "pactos.ver_informes"

    def get(self, request):
        form = InformeForm(request.GET or None)
        if not form.is_valid():
            hoy = timezone.localdate()
            desde, hasta = hoy.replace(day=1), hoy
        else:
            desde, hasta = form.cleaned_data["desde"], form.cleaned_data["hasta"]
        contenido = informe_xlsx(desde=desde, hasta=hasta)
        respuesta = HttpResponse(
            contenido,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        respuesta["Content-Disposition"] = (
            f'attachment; filename="informe-progreso-{desde:%Y-%m-%d}-{hasta:%Y-%m-%d}.xlsx"'
        )
        return respuesta
