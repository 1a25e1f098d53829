"""The progress report for the Provincial Government: its data, its rows, the monthly run."""

import datetime

import tablib
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.documentos import documento_solicitar
from core.models import Documento
from core.permisos import exigir_permiso
from pactos import indicadores_programa
from pactos.graficos.hoja_de_ruta import barras_productos_svg, linea_de_tiempo_svg
from pactos.models import EstadoActividad, InformeProgreso
from pactos.selectors.hoja_de_ruta import (
    actividades_filtradas,
    actividades_por_bloque,
    actividades_terminadas,
    alertas_de,
    progreso_productos,
    resumen_estados,
)
from pactos.selectors.pactos import compromisos_por_estado, pactos_firmados

# The acting user of every service (None for the system: beat, demo loaders).
Usuario = AbstractBaseUser

# The kind of core document of the progress report (registered by pactos.documentos.hoja_de_ruta).
INFORME_PROGRESO = "informe_progreso"
SECCIONES = ("participacion", "pactos", "eventos_comunicacion", "indicadores")
DIAS_PROXIMOS_PASOS = 45


def periodo_mes_anterior(*, hoy: datetime.date) -> tuple[datetime.date, datetime.date]:
    hasta = hoy.replace(day=1) - datetime.timedelta(days=1)
    return hasta.replace(day=1), hasta


def _validar_periodo(desde: datetime.date, hasta: datetime.date) -> None:
    if hasta < desde:
        raise ValidationError({"hasta": _("El fin del período no puede ser anterior a su inicio.")})
    if (hasta - desde).days > 366:
        raise ValidationError({"hasta": _("El período no puede pasar de un año.")})


def informe_contexto(
    *, desde: datetime.date, hasta: datetime.date, informe: InformeProgreso | None = None
) -> dict:
    """Everything the report says about the period desde..hasta, as of its last day (or today)."""
    corte = min(hasta, timezone.localdate())
    actividades = list(actividades_filtradas())
    grupos = actividades_por_bloque(actividades)
    alertas = alertas_de(actividades, hoy=corte)
    productos = progreso_productos(hasta=hasta)  # cumulative up to the end of the period
    estados = resumen_estados(actividades)
    vivas = [a for a in actividades if a.estado != EstadoActividad.CANCELADA]
    vencidas = [a for a in actividades if a.vencida(corte)]
    hechas_en_periodo = list(actividades_terminadas(desde=desde, hasta=hasta))
    progreso_medio = (
        round(sum(p.progreso for p in productos) / len(productos) * 100) if productos else 0
    )
    cifras = {p.producto.numero: p.cifras for p in productos}
    firmados = pactos_firmados(hasta=hasta)
    return {
        "informe": informe,
        "desde": desde,
        "hasta": hasta,
        "corte": corte,
        "actividades_total": len(vivas),
        "estados": estados,
        "hechas_total": estados[EstadoActividad.HECHA],
        "en_curso_total": estados[EstadoActividad.EN_CURSO],
        "vencidas": vencidas,
        "alertas": alertas,
        "hechas_en_periodo": hechas_en_periodo,
        "proximos_pasos": _proximos_pasos(actividades, corte=corte),
        "productos": productos,
        "progreso_medio": progreso_medio,
        "grupos": grupos,
        "grafico_productos": barras_productos_svg(productos, interactivo=False),
        "linea_de_tiempo": linea_de_tiempo_svg(
            grupos, hoy=corte, etiqueta_hoy=_("Corte"), interactivo=False
        ),
        "secciones": _secciones(desde=desde, hasta=hasta),
        "cifras_eventos_comunicacion": cifras.get(3, []) + cifras.get(5, []),
        "cifras_mesas": cifras.get(2, []),
        "cifras_indicadores": cifras.get(4, []),
        "pactos": _seccion_pactos(firmados, desde=desde, hasta=hasta),
        "emitido": timezone.localdate(),
    }


def _proximos_pasos(actividades, *, corte: datetime.date) -> list:
    """Open activities under way or planned to start or end within DIAS_PROXIMOS_PASOS."""
    limite = corte + datetime.timedelta(days=DIAS_PROXIMOS_PASOS)
    return [
        a
        for a in actividades
        if not a.cerrada
        and (
            a.estado == EstadoActividad.EN_CURSO
            or (a.inicio_previsto and a.inicio_previsto <= limite)
            or (a.fin_previsto and a.fin_previsto <= limite)
        )
    ]


def _secciones(*, desde: datetime.date, hasta: datetime.date) -> dict:
    """The registered tables of each section with their content for the period."""
    return {
        seccion: [
            (tabla, indicadores_programa.contenido_de(tabla, desde=desde, hasta=hasta))
            for tabla in indicadores_programa.tablas_registradas(seccion)
        ]
        for seccion in SECCIONES
    }


def _seccion_pactos(firmados, *, desde: datetime.date, hasta: datetime.date) -> dict:
    """Pactos signed by the end of the period, those signed in it, and their commitments."""
    lista = list(firmados)
    return {
        "firmados": lista,
        "firmados_en_periodo": [p for p in lista if desde <= p.fecha_firma <= hasta],
        "compromisos_total": sum(p.total_compromisos for p in lista),
        "por_estado": compromisos_por_estado(pactos=firmados),
    }


def _siguiente_numero() -> int:
    return (InformeProgreso.objects.aggregate(m=Max("numero"))["m"] or 0) + 1


def _crear_informe(
    *, desde, hasta, mensual: bool, usuario: Usuario | None
) -> tuple[InformeProgreso, bool]:
    """Create the report row with the next number; a monthly one is never created twice."""
    for _intento in range(5):
        try:
            with transaction.atomic():
                if mensual:
                    return InformeProgreso.objects.get_or_create(
                        desde=desde,
                        hasta=hasta,
                        mensual=True,
                        defaults={"numero": _siguiente_numero(), "solicitado_por": usuario},
                    )
                informe = InformeProgreso.objects.create(
                    desde=desde, hasta=hasta, numero=_siguiente_numero(), solicitado_por=usuario
                )
                return informe, True
        except IntegrityError:
            # Another worker took the number (or created the same monthly report): try again.
            if mensual and (
                existente := InformeProgreso.objects.filter(
                    desde=desde, hasta=hasta, mensual=True
                ).first()
            ):
                return existente, False
    raise IntegrityError("No se pudo numerar el informe tras varios intentos.")


@transaction.atomic
def informe_solicitar(
    *, desde: datetime.date, hasta: datetime.date, usuario: Usuario | None
) -> Documento:
    """A coordinator asks for the report of any period: a new numbered report, generated by Celery."""
    exigir_permiso(usuario, "pactos.generar_informe")
    _validar_periodo(desde, hasta)
    informe, _creado = _crear_informe(desde=desde, hasta=hasta, mensual=False, usuario=usuario)
    return documento_solicitar(fuente=informe, tipo=INFORME_PROGRESO, usuario=usuario)


def informe_mensual_generar(*, hoy: datetime.date | None = None) -> Documento:
    """The automatic report of the previous month (beat): idempotent, one per month."""
    desde, hasta = periodo_mes_anterior(hoy=hoy or timezone.localdate())
    informe, _creado = _crear_informe(desde=desde, hasta=hasta, mensual=True, usuario=None)
    return documento_solicitar(fuente=informe, tipo=INFORME_PROGRESO, sistema=True)


def _hoja(titulo: str, columnas: list) -> tablib.Dataset:
    """An empty sheet of the workbook, its title cut to the 31 characters Excel allows."""
    return tablib.Dataset(headers=columnas, title=titulo[:31])


def _hoja_actividades(grupos) -> tablib.Dataset:
    hoja = _hoja(
        _("Actividades"),
        [
            _("Bloque"),
            _("Actividad"),
            _("Hito"),
            _("Institución responsable"),
            _("Estado"),
            _("Salud"),
            _("Avance (%)"),
            _("Inicio previsto"),
            _("Fin previsto"),
            _("Inicio real"),
            _("Fin real"),
            _("Productos"),
        ],
    )
    for _bloque, etiqueta, lista in grupos:
        for a in lista:
            hoja.append(
                [
                    str(etiqueta),
                    a.nombre,
                    _("sí") if a.es_hito else _("no"),
                    a.institucion,
                    a.get_estado_display(),
                    a.get_salud_display(),
                    a.avance,
                    a.inicio_previsto,
                    a.fin_previsto,
                    a.inicio_real,
                    a.fin_real,
                    ", ".join(str(p.numero) for p in a.productos.all()),
                ]
            )
    return hoja


def _hojas_productos(progresos) -> tuple[tablib.Dataset, tablib.Dataset]:
    """The products' progress and, on a second sheet, each product's figures."""
    productos = _hoja(
        _("Productos"),
        [
            _("Producto"),
            _("Actividades"),
            _("Hechas"),
            _("Avance de actividades (%)"),
            _("Progreso (%)"),
        ],
    )
    cifras = _hoja(_("Cifras"), [_("Producto"), _("Cifra"), _("Valor"), _("Meta")])
    for p in progresos:
        productos.append(
            [
                str(p.producto),
                p.actividades_total,
                p.actividades_hechas,
                round(p.avance_actividades * 100),
                p.porcentaje,
            ]
        )
        for c in p.cifras:
            cifras.append([p.producto.numero, str(c.cifra.etiqueta), c.valor, c.meta])
    return productos, cifras


def informe_hojas(*, desde: datetime.date, hasta: datetime.date) -> list[tuple]:
    """The report's data as the sheets of a workbook (title, header, rows): activities, products,
    figures and alerts, for core.exportar.respuesta_descarga (which neutralises every cell)."""
    _validar_periodo(desde, hasta)
    contexto = informe_contexto(desde=desde, hasta=hasta)
    productos, cifras = _hojas_productos(contexto["productos"])
    alertas = _hoja(_("Alertas"), [_("Actividad"), _("Alerta")])
    for alerta in contexto["alertas"]:
        alertas.append([alerta.actividad.nombre, alerta.mensaje])
    hojas = (_hoja_actividades(contexto["grupos"]), productos, cifras, alertas)
    return [(d.title, d.headers, list(d)) for d in hojas]
