"""Staff views of the roadmap: list, timeline, board, programme dashboard, reports."""

import copy
import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.documentos import documento_de
from core.exportar import respuesta_descarga
from core.historial import historial_para
from core.seguridad import destino_local
from core.vistas import SoloPost, VistaAccion, VistaStaff, objeto_o_404, paginar
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
from pactos.services.informe_progreso import INFORME_PROGRESO, informe_hojas, informe_solicitar

EVENTO_ACTUALIZADA = "hoja-de-ruta-actualizada"


def _anotar(user, actividades, hoy):
    """Mark what the template needs per activity: may this user update it, is it overdue."""
    for a in actividades:
        a.puede_actualizar = user.has_perm("pactos.actualizar_actividad", a)
        a.esta_vencida = a.vencida(hoy)
    return actividades


class HojaDeRutaBase(VistaStaff):
    permiso = "pactos.ver_hoja_de_ruta"
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

    def cargar_objeto(self):
        return objeto_o_404(actividades_filtradas(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actividad = self.objeto
        _anotar(self.request.user, [actividad], context["hoy"])
        context["actividad"] = actividad
        context["alertas"] = alertas_de([actividad], hoy=context["hoy"])
        context["dependientes"] = actividad.dependientes.order_by("bloque", "orden")
        context["historial"] = historial_para(self.request, actividad.history.all())
        if actividad.puede_actualizar:
            context["form_avance"] = kwargs.get("form") or ActividadAvanceForm(
                instance=copy.copy(actividad)
            )
        return context


class ActividadAvanceView(SoloPost, VistaAccion, ActividadDetalleView):
    """The owner (or a coordinator) reports progress with the full form of the activity's page."""

    permiso = "pactos.actualizar_actividad"
    form_class = ActividadAvanceForm
    mensaje_exito = gettext_lazy("Avance guardado.")

    def get_form_kwargs(self):
        # The form fills a copy: the page keeps the activity as saved, whatever was typed.
        return {**super().get_form_kwargs(), "instance": copy.copy(self.objeto)}

    def ejecutar(self, form):
        return actividad_actualizar_avance(
            actividad=self.objeto, usuario=self.request.user, **form.cleaned_data
        )


class ActividadPlanView(VistaAccion):
    """A coordinator creates an activity or changes its plan."""

    permiso = "pactos.editar_hoja_de_ruta"
    form_class = ActividadPlanForm
    template_name = "pactos/hoja_de_ruta/actividad_plan.html"

    def cargar_objeto(self):
        if "pk" not in self.kwargs:
            return None
        return objeto_o_404(Actividad, pk=self.kwargs["pk"])

    @property
    def mensaje_exito(self):
        if self.objeto is None:
            return _("Actividad creada.")
        return _("Plan de la actividad guardado.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # The form fills a copy: the page keeps the activity as saved, whatever was typed.
        kwargs["instance"] = copy.copy(self.objeto)
        if self.objeto is None and "bloque" in self.request.GET:
            kwargs.setdefault("initial", {})["bloque"] = self.request.GET["bloque"]
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(actividad=self.objeto, **kwargs)

    def ejecutar(self, form):
        datos = dict(form.cleaned_data)
        productos = datos.pop("productos")
        dependencias = datos.pop("dependencias")
        if self.objeto is None:
            return actividad_crear(
                usuario=self.request.user, productos=productos, dependencias=dependencias, **datos
            )
        return actividad_planificar(
            actividad=self.objeto,
            usuario=self.request.user,
            productos=productos,
            dependencias=dependencias,
            **datos,
        )

    def get_success_url(self):
        return self.resultado.get_absolute_url()


class ActividadEstadoView(SoloPost, VistaAccion):
    """Inline update (htmx) of an activity's state and progress from the list or the board.

    htmx swaps only successful answers: a refused update comes back as the row (or the board)
    with its message, status 200. Without htmx the browser goes back to the page it came from.
    """

    permiso = "pactos.actualizar_actividad"
    form_class = EstadoRapidoForm

    def cargar_objeto(self):
        return objeto_o_404(actividades_filtradas(), pk=self.kwargs["pk"])

    def ejecutar(self, form):
        campos = {"estado": form.cleaned_data["estado"]}
        if form.cleaned_data.get("avance") is not None:
            campos["avance"] = form.cleaned_data["avance"]
        return actividad_actualizar_avance(
            actividad=copy.copy(self.objeto), usuario=self.request.user, **campos
        )

    def confirmacion(self) -> str:
        return _("«%(actividad)s» está ahora en «%(estado)s».") % {
            "actividad": self.resultado.nombre,
            "estado": self.resultado.get_estado_display(),
        }

    @property
    def mensaje_exito(self):
        return None if self.es_htmx() else self.confirmacion()

    def get_success_url(self):
        return destino_local(
            self.request, self.request.POST.get("volver"), reverse("pactos:hoja_de_ruta")
        )

    def respuesta_htmx(self):
        respuesta = self.fragmento(error="")
        respuesta["HX-Trigger"] = EVENTO_ACTUALIZADA
        return respuesta

    def form_invalid(self, form, status=400):
        error = " ".join(m for mensajes in form.errors.values() for m in mensajes)
        if not self.es_htmx():
            messages.error(self.request, error)
            return HttpResponseRedirect(self.get_success_url())
        return self.fragmento(error=error)

    def fragmento(self, *, error: str):
        """The row of the list, or the whole board, as they are now (with the error, if any)."""
        hoy = timezone.localdate()
        if self.request.POST.get("vista") == "tablero":
            actividades = _anotar(self.request.user, list(actividades_filtradas()), hoy)
            return render(
                self.request,
                "pactos/hoja_de_ruta/tablero.html#tablero",
                {
                    "columnas": actividades_por_estado(actividades),
                    "estados": EstadoActividad.choices,
                    "error": error,
                    "error_id": self.objeto.pk,
                    "movida_id": None if error else self.objeto.pk,
                    "confirmacion": ""
                    if error
                    else _("Actividad movida a «%(estado)s».")
                    % {"estado": self.resultado.get_estado_display()},
                },
            )
        actividad = objeto_o_404(actividades_filtradas(), pk=self.objeto.pk)
        _anotar(self.request.user, [actividad], hoy)
        return render(
            self.request,
            "pactos/hoja_de_ruta/lista.html#fila",
            {
                "a": actividad,
                "estados": EstadoActividad.choices,
                "error": error,
                "hoy": hoy,
                "confirmacion": "" if error else self.confirmacion(),
            },
        )


class InformesView(HojaDeRutaBase):
    permiso = "pactos.ver_informes"
    template_name = "pactos/hoja_de_ruta/informes.html"
    pestana = "informes"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pagina = paginar(
            self.request,
            InformeProgreso.objects.select_related("solicitado_por").order_by("-creado"),
            20,
            "pagina",
        )
        for informe in pagina:
            informe.documento = documento_de(informe, INFORME_PROGRESO)
        context["pagina"] = pagina
        context["puede_generar"] = self.request.user.has_perm("pactos.generar_informe")
        context["form"] = kwargs.get("form") or InformeForm()
        return context


class InformeSolicitarView(SoloPost, VistaAccion, InformesView):
    """A coordinator asks for the report of a period; then follows its document's page."""

    permiso = "pactos.generar_informe"
    form_class = InformeForm
    mensaje_exito = gettext_lazy("El informe se está generando.")

    def ejecutar(self, form):
        return informe_solicitar(
            desde=form.cleaned_data["desde"],
            hasta=form.cleaned_data["hasta"],
            usuario=self.request.user,
        )

    def get_success_url(self):
        return self.resultado.get_absolute_url()


class InformeXlsxView(VistaStaff):
    permiso = "pactos.ver_informes"

    def get(self, request):
        form = InformeForm(request.GET or None)
        if not form.is_valid():
            hoy = timezone.localdate()
            desde, hasta = hoy.replace(day=1), hoy
        else:
            desde, hasta = form.cleaned_data["desde"], form.cleaned_data["hasta"]
        return respuesta_descarga(
            nombre=f"informe-progreso-{desde:%Y-%m-%d}-{hasta:%Y-%m-%d}",
            hojas=informe_hojas(desde=desde, hasta=hasta),
            formato="xlsx",
        )
