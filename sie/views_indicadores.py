"""Public pages of the SIE: catalogue, indicator dashboard, map and open data. Published values only."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .catalogo import DIMENSIONES
from .descargas import (
    DICCIONARIO,
    LICENCIA,
    LICENCIA_URL,
    csv_diccionario,
    csv_mediciones,
    xlsx_mediciones,
)
from .models import PROVINCIA_CODIGO, Eje
from .selectors import (
    cantones_publicos,
    desagregacion_ultima,
    indicadores_publicos,
    mediciones_publicadas,
    metas_con_avance,
    metas_disponibles,
    resumen_provincia,
    series_indicador,
    valores_por_canton,
)
from .svg import PALETA_SERIES, svg_mapa


class IndicadoresView(TemplateView):
    """The catalogue with the province's latest figure of each indicator, by axis."""

    template_name = "sie/indicadores.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        eje = self.request.GET.get("eje", "")
        resumen = {item["indicador"].pk: item for item in resumen_provincia()}
        ejes = []
        for objeto in Eje.objects.all():
            if eje and objeto.codigo != eje:
                continue
            filas = [
                {"indicador": i, "resumen": resumen.get(i.pk)}
                for i in indicadores_publicos()
                if i.eje_id == objeto.pk
            ]
            ejes.append({"eje": objeto, "filas": filas})
        contexto.update(
            ejes=ejes,
            eje_actual=eje,
            todos_los_ejes=Eje.objects.all(),
            hay_demo=any(True for e in ejes for f in e["filas"] if f["resumen"]),
        )
        return contexto


def _datos_grafico(indicador, series, cantones, solo=None):
    nombres = {c.codigo: c.nombre for c in cantones}
    nombres[PROVINCIA_CODIGO] = _("Pichincha")
    conjuntos = []
    for n, (territorio, valores) in enumerate(sorted(series["series"].items())):
        if solo and territorio != solo:
            continue
        conjuntos.append(
            {
                "label": nombres.get(territorio, territorio),
                "data": [valores.get(p) for p in series["periodos"]],
                "color": PALETA_SERIES[n % len(PALETA_SERIES)],
            }
        )
    return {
        "tipo": "line",
        "etiquetas": series["periodos"],
        "conjuntos": conjuntos,
        "unidad": indicador.unidad,
    }


class IndicadorView(TemplateView):
    """One indicator: series by canton, comparison, target vs actual, map, source and download."""

    template_name = "sie/indicador.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        indicador = get_object_or_404(indicadores_publicos(), codigo=self.kwargs["codigo"])
        cantones = list(cantones_publicos())
        canton_sel = self.request.GET.get("canton", "")
        if canton_sel and canton_sel not in {c.codigo for c in cantones}:
            canton_sel = ""
        series = series_indicador(indicador=indicador)
        mapa = valores_por_canton(indicador=indicador, periodo=self.request.GET.get("periodo"))
        metas = metas_con_avance(metas=metas_disponibles(indicador=indicador))
        if canton_sel:
            metas = [m for m in metas if m["meta"].territorio == canton_sel]
        tabla_series = []
        for canton in cantones:
            valores = series["series"].get(canton.codigo, {})
            if canton_sel and canton.codigo != canton_sel:
                continue
            tabla_series.append(
                {
                    "canton": canton,
                    "valores": [valores.get(p) for p in series["periodos"]],
                    "ultimo": series["ultimo"].get(canton.codigo),
                }
            )
        comparacion = [{"canton": c, "valor": mapa["valores"].get(c.codigo)} for c in cantones]
        grafico_comparacion = {
            "tipo": "bar",
            "etiquetas": [c.nombre for c in cantones],
            "conjuntos": [
                {
                    "label": f"{indicador.nombre} {mapa['periodo'] or ''}",
                    "data": [
                        float(mapa["valores"][c.codigo]) if c.codigo in mapa["valores"] else None
                        for c in cantones
                    ],
                    "color": PALETA_SERIES[0],
                }
            ],
            "unidad": indicador.unidad,
        }
        grafico_series = _datos_grafico(indicador, series, cantones, solo=canton_sel or None)
        meta_sel = metas[0] if (canton_sel and metas) else None
        if meta_sel:
            grafico_series["meta"] = float(meta_sel["meta"].valor_meta)
        enlaces = {c.codigo: f"?canton={c.codigo}" for c in cantones}
        contexto.update(
            indicador=indicador,
            cantones=cantones,
            canton_sel=next((c for c in cantones if c.codigo == canton_sel), None),
            series=series,
            tabla_series=tabla_series,
            grafico_series=grafico_series,
            grafico_comparacion=grafico_comparacion,
            comparacion=comparacion,
            mapa=mapa,
            mapa_svg=svg_mapa(
                valores=mapa["valores"],
                unidad=indicador.unidad,
                titulo=_("%(indicador)s por cantón, %(periodo)s")
                % {"indicador": indicador.nombre, "periodo": mapa["periodo"] or "—"},
                enlaces=enlaces,
            ),
            metas=metas,
            desagregacion=desagregacion_ultima(
                indicador=indicador, territorio=canton_sel or PROVINCIA_CODIGO
            )
            if canton_sel
            else {},
            hay_demo=series["hay_demo"],
            dimensiones={c: v[0] for c, v in DIMENSIONES.items()},
        )
        return contexto


class MapaView(TemplateView):
    """The 8 cantons coloured by the chosen indicator's latest published value."""

    template_name = "sie/mapa.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        indicadores = list(indicadores_publicos())
        codigo = self.request.GET.get("indicador") or (indicadores[0].codigo if indicadores else "")
        indicador = next((i for i in indicadores if i.codigo == codigo), None)
        if indicador is None and indicadores:
            indicador = indicadores[0]
        if indicador is None:
            raise Http404
        mapa = valores_por_canton(indicador=indicador, periodo=self.request.GET.get("periodo"))
        cantones = list(cantones_publicos())
        contexto.update(
            indicadores=indicadores,
            indicador=indicador,
            mapa=mapa,
            filas=[{"canton": c, "valor": mapa["valores"].get(c.codigo)} for c in cantones],
            mapa_svg=svg_mapa(
                valores=mapa["valores"],
                unidad=indicador.unidad,
                titulo=_("%(indicador)s por cantón, %(periodo)s")
                % {"indicador": indicador.nombre, "periodo": mapa["periodo"] or "—"},
                enlaces={c.codigo: c.get_absolute_url() for c in cantones},
            ),
            hay_demo=mapa["hay_demo"],
        )
        return contexto


class DatosAbiertosView(TemplateView):
    """Data dictionary, licence and the download links of the open data."""

    template_name = "sie/datos.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.update(
            diccionario=DICCIONARIO,
            licencia=LICENCIA,
            licencia_url=LICENCIA_URL,
            indicadores=indicadores_publicos(),
            cantones=cantones_publicos(),
            dimensiones=[(c, v[0], v[1]) for c, v in DIMENSIONES.items()],
        )
        return contexto


def descarga_mediciones(request, formato: str):
    """CSV or XLSX of the published values, optionally for one indicator and/or canton."""
    if formato not in ("csv", "xlsx"):
        raise Http404
    mediciones = mediciones_publicadas()
    indicadores = indicadores_publicos()
    nombre = "sie-pichincha"
    if codigo := request.GET.get("indicador"):
        mediciones = mediciones.filter(indicador__codigo=codigo)
        indicadores = indicadores.filter(codigo=codigo)
        nombre += f"-{codigo}"
    if canton := request.GET.get("canton"):
        mediciones = mediciones.filter(canton__codigo=canton)
        nombre += f"-{canton}"
    if formato == "xlsx":
        respuesta = HttpResponse(
            xlsx_mediciones(mediciones, indicadores=indicadores),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        respuesta = HttpResponse(csv_mediciones(mediciones), content_type="text/csv; charset=utf-8")
    respuesta["Content-Disposition"] = f'attachment; filename="{nombre}.{formato}"'
    respuesta["Link"] = f'<{LICENCIA_URL}>; rel="license"'
    return respuesta


def descarga_diccionario(request):
    respuesta = HttpResponse(csv_diccionario(), content_type="text/csv; charset=utf-8")
    respuesta["Content-Disposition"] = 'attachment; filename="sie-diccionario-de-datos.csv"'
    respuesta["Link"] = f'<{LICENCIA_URL}>; rel="license"'
    return respuesta
