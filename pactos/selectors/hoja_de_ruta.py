"""Reads of the roadmap: filtered activities, alerts, the products' progress, the timeline."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from pactos import indicadores_programa
from pactos.models import Actividad, Bloque, EstadoActividad, ProductoPrograma

# Share of a product's progress that comes from the apps' real figures, when it has any with a meta.
PESO_CIFRAS = 0.5


def actividades_filtradas(
    *,
    responsable: int | None = None,
    bloque: str | None = None,
    producto: int | None = None,
    estado: str | None = None,
) -> QuerySet[Actividad]:
    qs = Actividad.objects.select_related("responsable").prefetch_related(
        Prefetch("productos", queryset=ProductoPrograma.objects.order_by("numero")),
        Prefetch(
            "dependencias",
            queryset=Actividad.objects.only(
                "id", "nombre", "codigo", "estado", "fin_previsto", "fin_real"
            ),
        ),
    )
    if responsable:
        qs = qs.filter(responsable_id=responsable)
    if bloque:
        qs = qs.filter(bloque=bloque)
    if producto:
        qs = qs.filter(productos__numero=producto)
    if estado:
        qs = qs.filter(estado=estado)
    return qs.order_by("bloque", "orden", "id").distinct()


def actividades_por_bloque(actividades) -> list[tuple[str, str, list[Actividad]]]:
    """[(bloque, etiqueta, [actividades])] in the founding document's order, empty blocks left out."""
    grupos: dict[str, list[Actividad]] = {}
    for actividad in actividades:
        grupos.setdefault(actividad.bloque, []).append(actividad)
    return [
        (valor, etiqueta, grupos[valor]) for valor, etiqueta in Bloque.choices if valor in grupos
    ]


def actividades_por_estado(actividades) -> list[tuple[str, str, list[Actividad]]]:
    grupos: dict[str, list[Actividad]] = {valor: [] for valor in EstadoActividad.values}
    for actividad in actividades:
        grupos[actividad.estado].append(actividad)
    return [(valor, etiqueta, grupos[valor]) for valor, etiqueta in EstadoActividad.choices]


def responsables_con_actividades() -> QuerySet:
    return (
        get_user_model()
        .objects.filter(actividades_hoja_de_ruta__isnull=False)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


# --- Alerts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Alerta:
    actividad: Actividad
    tipo: str  # "vencida", "sin_iniciar", "dependencia", "bloqueada"
    mensaje: str
    dependencia: Actividad | None = None

    @property
    def grave(self) -> bool:
        return self.tipo in ("vencida", "dependencia")


def alertas_de(actividades, *, hoy: datetime.date) -> list[Alerta]:
    """What is late and why: overdue, not started on time, blocked, or a dependency that slipped.

    A dependency slipped when it will end (as things stand) after the activity was planned to
    start, and the activity has not started yet.
    """
    alertas = []
    for a in actividades:
        if a.cerrada:
            continue
        if a.vencida(hoy):
            dias = (hoy - a.fin_previsto).days
            alertas.append(
                Alerta(
                    a,
                    "vencida",
                    _("Vencida hace %(dias)s días (fin previsto %(fecha)s).")
                    % {"dias": dias, "fecha": a.fin_previsto.strftime("%d/%m/%Y")},
                )
            )
        elif (
            a.estado == EstadoActividad.NO_INICIADA
            and a.inicio_previsto is not None
            and a.inicio_previsto < hoy
        ):
            alertas.append(
                Alerta(
                    a,
                    "sin_iniciar",
                    _("Debía empezar el %(fecha)s y no ha empezado.")
                    % {"fecha": a.inicio_previsto.strftime("%d/%m/%Y")},
                )
            )
        if a.estado == EstadoActividad.BLOQUEADA:
            alertas.append(
                Alerta(a, "bloqueada", _("Está bloqueada.") + (f" {a.notas}" if a.notas else ""))
            )
        if a.estado == EstadoActividad.NO_INICIADA and a.inicio_previsto is not None:
            for d in a.dependencias.all():
                if d.estado == EstadoActividad.CANCELADA:
                    continue
                fin = d.fin_proyectado(hoy)
                if fin is not None and fin >= a.inicio_previsto:
                    alertas.append(
                        Alerta(
                            a,
                            "dependencia",
                            _(
                                "Depende de «%(dep)s», que terminará el %(fin)s o después, y esta debía empezar el %(inicio)s."
                            )
                            % {
                                "dep": d.nombre,
                                "fin": fin.strftime("%d/%m/%Y"),
                                "inicio": a.inicio_previsto.strftime("%d/%m/%Y"),
                            },
                            dependencia=d,
                        )
                    )
    return alertas


# --- Products' progress -------------------------------------------------------------------------


@dataclass
class ValorCifra:
    cifra: indicadores_programa.Cifra
    valor: float | None
    meta: float | None = None

    @property
    def fraccion(self) -> float | None:
        if self.valor is None or not self.meta:
            return None
        return max(0.0, min(float(self.valor) / float(self.meta), 1.0))


@dataclass
class ProgresoProducto:
    producto: ProductoPrograma
    actividades_total: int = 0
    actividades_hechas: int = 0
    avance_actividades: float = 0.0
    cifras: list[ValorCifra] = field(default_factory=list)

    @property
    def avance_cifras(self) -> float | None:
        fracciones = [c.fraccion for c in self.cifras if c.fraccion is not None]
        return sum(fracciones) / len(fracciones) if fracciones else None

    @property
    def progreso(self) -> float:
        """0..1: the activities' mean progress, blended with the figures' when there are any."""
        cifras = self.avance_cifras
        if cifras is None:
            return self.avance_actividades
        return (1 - PESO_CIFRAS) * self.avance_actividades + PESO_CIFRAS * cifras

    @property
    def porcentaje(self) -> int:
        return round(self.progreso * 100)


def progreso_productos(*, desde=None, hasta=None) -> list[ProgresoProducto]:
    """Progress of the five products: activities (cancelled ones left out) and real figures."""
    actividades = list(
        Actividad.objects.exclude(estado=EstadoActividad.CANCELADA).prefetch_related("productos")
    )
    resultado = []
    for producto in ProductoPrograma.objects.order_by("numero"):
        suyas = [a for a in actividades if any(p.pk == producto.pk for p in a.productos.all())]
        p = ProgresoProducto(producto=producto, actividades_total=len(suyas))
        if suyas:
            p.actividades_hechas = sum(a.estado == EstadoActividad.HECHA for a in suyas)
            p.avance_actividades = sum(a.fraccion_avance() for a in suyas) / len(suyas)
        p.cifras = [
            ValorCifra(
                c,
                indicadores_programa.valor_de(c, desde=desde, hasta=hasta),
                indicadores_programa.meta_de(c, desde=desde, hasta=hasta),
            )
            for c in indicadores_programa.cifras_registradas(producto.numero)
        ]
        resultado.append(p)
    return resultado


def actividades_terminadas(*, desde: datetime.date, hasta: datetime.date) -> QuerySet[Actividad]:
    """Activities done whose real end falls in desde..hasta (the service sets it on closing)."""
    return actividades_filtradas(estado=EstadoActividad.HECHA).filter(
        fin_real__gte=desde, fin_real__lte=hasta
    )


def resumen_estados(actividades) -> dict[str, int]:
    conteo = dict.fromkeys(EstadoActividad.values, 0)
    for a in actividades:
        conteo[a.estado] += 1
    return conteo


def hoja_de_ruta_publica() -> list[dict]:
    """For the public home page: per block, how many activities are done and which milestones
    were reached. No owners, notes or dates beyond the milestone's end."""
    bloques = []
    actividades = list(
        Actividad.objects.exclude(estado=EstadoActividad.CANCELADA).only(
            "bloque", "nombre", "estado", "es_hito", "fin_real", "orden"
        )
    )
    for valor, etiqueta in Bloque.choices:
        suyas = [a for a in actividades if a.bloque == valor]
        bloques.append(
            {
                "bloque": valor,
                "nombre": etiqueta,
                "total": len(suyas),
                "hechas": sum(a.estado == EstadoActividad.HECHA for a in suyas),
                "hitos_alcanzados": [
                    {"nombre": a.nombre, "fecha": a.fin_real}
                    for a in sorted(suyas, key=lambda a: a.orden)
                    if a.es_hito and a.estado == EstadoActividad.HECHA
                ],
            }
        )
    return bloques
