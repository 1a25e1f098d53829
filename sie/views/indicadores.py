"""Public pages of the SIE: catalogue, indicator dashboard, map and open data. Published values only."""

from django.http import Http404
from django.utils.translation import gettext as _

from core.cache import PaginaPublicaMixin
from core.exportar import respuesta_descarga
from core.vistas import PUBLICO, VistaStaff, objeto_o_404

from ..catalogo import DIMENSIONES
from ..descargas import (
    COLUMNAS,
    DICCIONARIO,
    LICENCIA,
    LICENCIA_URL,
    filas_diccionario,
    filas_mediciones,
    hojas_mediciones,
)
from ..models import PROVINCIA_CODIGO, Eje
from ..selectors import (
    cantones_publicos,
    desagregacion_ultima,
    indicadores_publicos,
    mediciones_publicadas,
    metas_con_avance,
    metas_disponibles,
    resumen_provincia,
    series_indicador,
    ultima_publicacion,
    valores_por_canton,
)
from ..svg import PALETA_SERIES, anio_decimal, svg_mapa


class IndicadoresView(PaginaPublicaMixin, VistaStaff):
    """The catalogue with the province's latest figure of each indicator, by axis."""

    permiso = PUBLICO
    template_name = "sie/indicadores.html"

    def get_context_data(self, **kwargs):
        eje = self.request.GET.get("eje", "")
        resumen = {item["indicador"].pk: item for item in resumen_provincia()}
        indicadores = list(indicadores_publicos())
        ejes = [
            {
                "eje": objeto,
                "filas": [
                    {"indicador": i, "resumen": resumen.get(i.pk)}
                    for i in indicadores
                    if i.eje_id == objeto.pk
                ],
            }
            for objeto in Eje.objects.all()
            if not eje or objeto.codigo == eje
        ]
        return super().get_context_data(
            ejes=ejes,
            eje_actual=eje,
            todos_los_ejes=Eje.objects.all(),
            hay_demo=any(f["resumen"] for e in ejes for f in e["filas"]),
            **kwargs,
        )


def _mapa_svg(indicador, mapa: dict, enlaces: dict) -> str:
    return svg_mapa(
        valores=mapa["valores"],
        unidad=indicador.unidad,
        titulo=_("%(indicador)s por cantón, %(periodo)s")
        % {"indicador": indicador.nombre, "periodo": mapa["periodo"] or "—"},
        enlaces=enlaces,
    )


def _grafico_series(indicador, series, cantones, solo=None) -> dict:
    nombres = {c.codigo: c.nombre for c in cantones}
    nombres[PROVINCIA_CODIGO] = _("Pichincha")
    conjuntos = [
        {
            "label": nombres.get(territorio, territorio),
            "data": [valores.get(p) for p in series["periodos"]],
            "color": PALETA_SERIES[n % len(PALETA_SERIES)],
        }
        for n, (territorio, valores) in enumerate(sorted(series["series"].items()))
        if not solo or territorio == solo
    ]
    return {
        "tipo": "line",
        "etiquetas": series["periodos"],
        # The x of each period in years: the axis is proportional to time (graficos.js).
        "posiciones": [anio_decimal(inicio) for inicio in series["inicios"]],
        "conjuntos": conjuntos,
        "unidad": indicador.unidad,
    }


def _grafico_comparacion(indicador, mapa: dict, cantones) -> dict:
    valores = mapa["valores"]
    return {
        "tipo": "bar",
        "etiquetas": [c.nombre for c in cantones],
        "conjuntos": [
            {
                "label": f"{indicador.nombre} {mapa['periodo'] or ''}",
                "data": [
                    float(valores[c.codigo]) if c.codigo in valores else None for c in cantones
                ],
                "color": PALETA_SERIES[0],
            }
        ],
        "unidad": indicador.unidad,
    }


def _tabla_series(series: dict, cantones, canton_sel: str) -> list[dict]:
    return [
        {
            "canton": canton,
            "valores": [series["series"].get(canton.codigo, {}).get(p) for p in series["periodos"]],
            "ultimo": series["ultimo"].get(canton.codigo),
        }
        for canton in cantones
        if not canton_sel or canton.codigo == canton_sel
    ]


class IndicadorView(PaginaPublicaMixin, VistaStaff):
    """One indicator: series by canton, comparison, target vs actual, map, source and download."""

    permiso = PUBLICO
    template_name = "sie/indicador.html"

    def cargar_objeto(self):
        return objeto_o_404(indicadores_publicos(), codigo=self.kwargs["codigo"])

    def get_context_data(self, **kwargs):
        indicador = self.objeto
        cantones = list(cantones_publicos())
        canton_sel = self.request.GET.get("canton", "")
        if canton_sel not in {c.codigo for c in cantones}:
            canton_sel = ""
        series = series_indicador(indicador=indicador)
        mapa = valores_por_canton(indicador=indicador, periodo=self.request.GET.get("periodo"))
        metas = metas_con_avance(metas=metas_disponibles(indicador=indicador))
        grafico_series = _grafico_series(indicador, series, cantones, solo=canton_sel or None)
        if canton_sel:
            metas = [m for m in metas if m["meta"].territorio == canton_sel]
            if metas:
                grafico_series["meta"] = float(metas[0]["meta"].valor_meta)
        return super().get_context_data(
            indicador=indicador,
            cantones=cantones,
            canton_sel=next((c for c in cantones if c.codigo == canton_sel), None),
            opciones_canton=[(c.codigo, c.nombre) for c in cantones],
            series=series,
            tabla_series=_tabla_series(series, cantones, canton_sel),
            grafico_series=grafico_series,
            grafico_comparacion=_grafico_comparacion(indicador, mapa, cantones),
            comparacion=[{"canton": c, "valor": mapa["valores"].get(c.codigo)} for c in cantones],
            mapa=mapa,
            mapa_svg=_mapa_svg(
                indicador, mapa, {c.codigo: f"?canton={c.codigo}" for c in cantones}
            ),
            metas=metas,
            desagregacion=desagregacion_ultima(indicador=indicador, territorio=canton_sel)
            if canton_sel
            else {},
            hay_demo=series["hay_demo"],
            dimensiones={c: v[0] for c, v in DIMENSIONES.items()},
            actualizado=ultima_publicacion(indicador=indicador),
            **kwargs,
        )


class MapaView(PaginaPublicaMixin, VistaStaff):
    """The 8 cantons coloured by the chosen indicator's latest published value."""

    permiso = PUBLICO
    template_name = "sie/mapa.html"

    def get_context_data(self, **kwargs):
        indicadores = list(indicadores_publicos())
        if not indicadores:
            raise Http404
        codigo = self.request.GET.get("indicador")
        indicador = next((i for i in indicadores if i.codigo == codigo), indicadores[0])
        mapa = valores_por_canton(indicador=indicador, periodo=self.request.GET.get("periodo"))
        cantones = list(cantones_publicos())
        return super().get_context_data(
            indicadores=indicadores,
            indicador=indicador,
            opciones_indicador=[
                (i.codigo, f"{i.codigo} · {i.nombre} ({i.unidad})") for i in indicadores
            ],
            opciones_periodo=[(p, p) for p in mapa["periodos"]],
            mapa=mapa,
            filas=[{"canton": c, "valor": mapa["valores"].get(c.codigo)} for c in cantones],
            mapa_svg=_mapa_svg(indicador, mapa, {c.codigo: c.get_absolute_url() for c in cantones}),
            hay_demo=mapa["hay_demo"],
            **kwargs,
        )


class DatosAbiertosView(PaginaPublicaMixin, VistaStaff):
    """Data dictionary, licence and the download links of the open data."""

    permiso = PUBLICO
    template_name = "sie/datos.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            diccionario=DICCIONARIO,
            licencia=LICENCIA,
            licencia_url=LICENCIA_URL,
            indicadores=indicadores_publicos(),
            cantones=cantones_publicos(),
            dimensiones=[(c, v[0], v[1]) for c, v in DIMENSIONES.items()],
            **kwargs,
        )


class DescargaMedicionesView(VistaStaff):
    """CSV or XLSX of the published values, optionally for one indicator and/or canton."""

    permiso = PUBLICO

    def get(self, request, *args, formato: str, **kwargs):
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
            hojas = hojas_mediciones(mediciones, indicadores=indicadores)
            respuesta = respuesta_descarga(nombre=nombre, formato="xlsx", hojas=hojas)
        else:
            respuesta = respuesta_descarga(
                nombre=nombre, cabecera=COLUMNAS, filas=filas_mediciones(mediciones)
            )
        respuesta["Link"] = f'<{LICENCIA_URL}>; rel="license"'
        return respuesta


class DescargaDiccionarioView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO

    def get(self, request, *args, **kwargs):
        respuesta = respuesta_descarga(
            nombre="sie-diccionario-de-datos",
            cabecera=["campo", "tipo", "descripcion"],
            filas=filas_diccionario(),
        )
        respuesta["Link"] = f'<{LICENCIA_URL}>; rel="license"'
        return respuesta
