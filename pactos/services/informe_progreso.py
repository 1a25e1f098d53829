"""The progress report for the Provincial Government: its data, its rows, the monthly run."""

import datetime

import tablib
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.documentos import documento_solicitar
from core.exportar import dataset_seguro
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

# The kind of core document of the progress report (registered by pactos.documentos.hoja_de_ruta).
INFORME_PROGRESO = "informe_progreso"
SECCIONES = ("participacion", "pactos", "eventos_comunicacion", "indicadores")
DIAS_PROXIMOS_PASOS = 45


def periodo_mes_anterior(hoy: datetime.date) -> tuple[datetime.date, datetime.date]:
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
    limite = corte + datetime.timedelta(days=DIAS_PROXIMOS_PASOS)
    proximos = [
        a
        for a in actividades
        if not a.cerrada
        and (
            a.estado == EstadoActividad.EN_CURSO
            or (a.inicio_previsto and a.inicio_previsto <= limite)
            or (a.fin_previsto and a.fin_previsto <= limite)
        )
    ]
    progreso_medio = (
        round(sum(p.progreso for p in productos) / len(productos) * 100) if productos else 0
    )
    secciones = {
        seccion: [
            (tabla, indicadores_programa.contenido_de(tabla, desde=desde, hasta=hasta))
            for tabla in indicadores_programa.tablas_registradas(seccion)
        ]
        for seccion in SECCIONES
    }
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
        "proximos_pasos": proximos,
        "productos": productos,
        "progreso_medio": progreso_medio,
        "grupos": grupos,
        "grafico_productos": barras_productos_svg(productos, interactivo=False),
        "linea_de_tiempo": linea_de_tiempo_svg(
            grupos, hoy=corte, etiqueta_hoy=_("Corte"), interactivo=False
        ),
        "secciones": secciones,
        "cifras_eventos_comunicacion": cifras.get(3, []) + cifras.get(5, []),
        "cifras_mesas": cifras.get(2, []),
        "cifras_indicadores": cifras.get(4, []),
        "pactos": _seccion_pactos(firmados, desde=desde, hasta=hasta),
        "emitido": timezone.localdate(),
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


def _crear_informe(*, desde, hasta, mensual: bool, por) -> tuple[InformeProgreso, bool]:
    """Create the report row with the next number; a monthly one is never created twice."""
    for _intento in range(5):
        try:
            with transaction.atomic():
                if mensual:
                    return InformeProgreso.objects.get_or_create(
                        desde=desde,
                        hasta=hasta,
                        mensual=True,
                        defaults={"numero": _siguiente_numero(), "solicitado_por": por},
                    )
                informe = InformeProgreso.objects.create(
                    desde=desde, hasta=hasta, numero=_siguiente_numero(), solicitado_por=por
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
def informe_solicitar(*, desde: datetime.date, hasta: datetime.date, por) -> Documento:
    """A coordinator asks for the report of any period: a new numbered report, generated by Celery."""
    exigir_permiso(por, "pactos.generar_informe")
    _validar_periodo(desde, hasta)
    informe, _creado = _crear_informe(desde=desde, hasta=hasta, mensual=False, por=por)
    return documento_solicitar(fuente=informe, tipo=INFORME_PROGRESO, usuario=por)


def informe_mensual_generar(*, hoy: datetime.date | None = None) -> Documento:
    """The automatic report of the previous month (beat): idempotent, one per month."""
    desde, hasta = periodo_mes_anterior(hoy or timezone.localdate())
    informe, _creado = _crear_informe(desde=desde, hasta=hasta, mensual=True, por=None)
    return documento_solicitar(fuente=informe, tipo=INFORME_PROGRESO, sistema=True)


def documento_de_informe(informe: InformeProgreso) -> Documento | None:
    from django.contrib.contenttypes.models import ContentType

    return (
        Documento.objects.filter(
            content_type=ContentType.objects.get_for_model(InformeProgreso),
            object_id=str(informe.pk),
            tipo=INFORME_PROGRESO,
        )
        .order_by("-version")
        .first()
    )


def informe_xlsx(*, desde: datetime.date, hasta: datetime.date) -> bytes:
    """The report's data as a workbook: activities, products, figures and alerts."""
    _validar_periodo(desde, hasta)
    contexto = informe_contexto(desde=desde, hasta=hasta)
    actividades = tablib.Dataset(
        headers=[
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
        title=_("Actividades")[:31],
    )
    for _bloque, etiqueta, lista in contexto["grupos"]:
        for a in lista:
            actividades.append(
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
    productos = tablib.Dataset(
        headers=[
            _("Producto"),
            _("Actividades"),
            _("Hechas"),
            _("Avance de actividades (%)"),
            _("Progreso (%)"),
        ],
        title=_("Productos")[:31],
    )
    cifras = tablib.Dataset(
        headers=[_("Producto"), _("Cifra"), _("Valor"), _("Meta")], title=_("Cifras")[:31]
    )
    for p in contexto["productos"]:
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
    alertas = tablib.Dataset(headers=[_("Actividad"), _("Alerta")], title=_("Alertas")[:31])
    for alerta in contexto["alertas"]:
        alertas.append([alerta.actividad.nombre, alerta.mensaje])
    # Activity names and alerts are typed by people: no cell may run as a formula.
    libro = tablib.Databook([dataset_seguro(d) for d in (actividades, productos, cifras, alertas)])
    return libro.export("xlsx")
