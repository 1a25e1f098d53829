"""Writes of the roadmap: plan an activity, report its progress, the weekly digest, the demo."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.correo import correo_enviar
from core.enlaces import url_absoluta, url_de
from core.permisos import exigir_permiso
from pactos.models import Actividad, EstadoActividad, Salud
from pactos.selectors.hoja_de_ruta import actividades_filtradas, alertas_de

# The acting user of every service (None for the system: beat, demo loaders).
Usuario = AbstractBaseUser

logger = logging.getLogger(__name__)


def _validar_dependencias(actividad: Actividad | None, dependencias) -> None:
    """No activity may depend on itself, directly or through others."""
    if actividad is None or actividad.pk is None:
        return
    pendientes = [d.pk for d in dependencias]
    vistas = set()
    while pendientes:
        pk = pendientes.pop()
        if pk == actividad.pk:
            raise ValidationError(
                {
                    "dependencias": _(
                        "Las dependencias forman un ciclo: una actividad no puede depender de sí misma."
                    )
                }
            )
        if pk in vistas:
            continue
        vistas.add(pk)
        pendientes.extend(
            Actividad.dependencias.through.objects.filter(from_actividad_id=pk).values_list(
                "to_actividad_id", flat=True
            )
        )


def _guardar(actividad: Actividad, *, usuario: Usuario | None, motivo: str) -> None:
    actividad._history_user = usuario
    actividad._change_reason = motivo
    actividad.full_clean()
    actividad.save()


def _codigo_libre(nombre: str) -> str:
    base = slugify(nombre)[:50] or "actividad"
    codigo, n = base, 2
    while Actividad.objects.filter(codigo=codigo).exists():
        codigo, n = f"{base}-{n}", n + 1
    return codigo


def _exigir_plan(usuario: Usuario | None, campos: dict) -> None:
    """Only a coordinator plans (no user: nobody to check), and only the plan's fields."""
    if usuario is not None:
        exigir_permiso(usuario, "pactos.editar_hoja_de_ruta")
    desconocidos = set(campos) - set(Actividad.CAMPOS_PLAN)
    if desconocidos:
        raise TypeError(f"Campos no planificables: {sorted(desconocidos)}")


@transaction.atomic
def actividad_crear(
    *,
    usuario: Usuario | None,
    bloque: str,
    nombre: str,
    productos=(),
    dependencias=(),
    **campos,
) -> Actividad:
    """A coordinator adds an activity to the roadmap."""
    _exigir_plan(usuario, campos)
    actividad = Actividad(bloque=bloque, nombre=nombre, codigo=_codigo_libre(nombre), **campos)
    if actividad.orden == 0:
        ultimo = Actividad.objects.filter(bloque=bloque).order_by("-orden").first()
        actividad.orden = (ultimo.orden + 1) if ultimo else 1
    _guardar(actividad, usuario=usuario, motivo="Actividad creada")
    actividad.productos.set(productos)
    actividad.dependencias.set(dependencias)
    return actividad


@transaction.atomic
def actividad_planificar(
    *, actividad: Actividad, usuario: Usuario | None, productos=None, dependencias=None, **campos
) -> Actividad:
    """A coordinator changes the plan of an activity: name, owner, planned dates, links."""
    _exigir_plan(usuario, campos)
    for nombre, valor in campos.items():
        setattr(actividad, nombre, valor)
    if dependencias is not None:
        _validar_dependencias(actividad, dependencias)
    _guardar(actividad, usuario=usuario, motivo="Plan actualizado")
    if productos is not None:
        actividad.productos.set(productos)
    if dependencias is not None:
        actividad.dependencias.set(dependencias)
    return actividad


@transaction.atomic
def actividad_actualizar_avance(
    *, actividad: Actividad, usuario: Usuario | None, hoy: datetime.date | None = None, **campos
) -> Actividad:
    """The owner (or a coordinator) reports how an activity goes: state, progress, health, notes,
    real dates and evidence."""
    if usuario is not None:
        exigir_permiso(usuario, "pactos.actualizar_actividad", actividad)
    desconocidos = set(campos) - set(Actividad.CAMPOS_AVANCE)
    if desconocidos:
        raise TypeError(f"Campos que no son de avance: {sorted(desconocidos)}")
    hoy = hoy or timezone.localdate()
    for nombre, valor in campos.items():
        setattr(actividad, nombre, valor)
    errores = {}
    if actividad.avance is None or not 0 <= actividad.avance <= 100:
        errores["avance"] = _("El avance debe estar entre 0 y 100 %.")
    if actividad.estado == EstadoActividad.HECHA:
        # Done is done: a risk flag set while it was under way no longer applies.
        actividad.salud = Salud.VERDE
        actividad.avance = 100
        actividad.fin_real = actividad.fin_real or hoy
        actividad.inicio_real = actividad.inicio_real or min(
            actividad.inicio_previsto or actividad.fin_real, actividad.fin_real
        )
    elif actividad.estado == EstadoActividad.EN_CURSO:
        actividad.inicio_real = actividad.inicio_real or hoy
        if actividad.fin_real and "fin_real" in campos:
            errores["fin_real"] = _(
                "Una actividad en curso no tiene fecha de fin real; márquela como hecha."
            )
        actividad.fin_real = None
    elif actividad.estado == EstadoActividad.NO_INICIADA:
        actividad.avance = 0
    elif actividad.estado == EstadoActividad.BLOQUEADA and not actividad.notas.strip():
        errores["notas"] = _("Explique en las notas por qué está bloqueada.")
    if actividad.fin_real and actividad.fin_real > hoy:
        errores["fin_real"] = _("La fecha de fin real no puede ser futura.")
    if actividad.inicio_real and actividad.inicio_real > hoy:
        errores["inicio_real"] = _("La fecha de inicio real no puede ser futura.")
    if actividad.inicio_real and actividad.fin_real and actividad.fin_real < actividad.inicio_real:
        errores["fin_real"] = _("El fin real no puede ser anterior al inicio real.")
    if errores:
        raise ValidationError(errores)
    _guardar(actividad, usuario=usuario, motivo=f"Avance: {actividad.get_estado_display()}")
    return actividad


# --- Weekly digest ------------------------------------------------------------------------------


def resumen_semanal_enviar(*, hoy: datetime.date | None = None) -> int:
    """E-mail each owner the alerts of their activities; returns how many e-mails were sent."""
    hoy = hoy or timezone.localdate()
    por_responsable: dict = {}
    for alerta in alertas_de(actividades_filtradas(), hoy=hoy):
        responsable = alerta.actividad.responsable
        if responsable is None or not responsable.email or not responsable.is_active:
            continue
        por_responsable.setdefault(responsable, []).append(alerta)
    for responsable, alertas in por_responsable.items():
        correo_enviar(
            para=responsable.email,
            plantilla="pactos/correo/resumen_semanal",
            contexto={
                "responsable": responsable,
                "alertas": [(a, url_absoluta(a.actividad.get_absolute_url())) for a in alertas],
                "hoy": hoy,
                "url_hoja_de_ruta": url_de("pactos:hoja_de_ruta"),
            },
            idioma=settings.LANGUAGE_CODE,
        )
    return len(por_responsable)


# --- Demo ---------------------------------------------------------------------------------------

GPP = "Gobierno Provincial de Pichincha"
# codigo: (responsable, institución, inicio, fin, estado, avance, salud, notas)
PLAN_DEMO = {
    "lanzamiento-grupo-trabajo": (
        "coordinadora",
        f"{GPP} — Desarrollo Económico",
        "2026-02-02",
        "2026-02-20",
        "hecha",
        100,
        "verde",
        "",
    ),
    "lanzamiento-agenda": (
        "coordinadora",
        f"{GPP} — Desarrollo Económico",
        "2026-02-23",
        "2026-03-13",
        "hecha",
        100,
        "verde",
        "",
    ),
    "lanzamiento-comunicacion": (
        "comunicacion",
        f"{GPP} — Comunicación",
        "2026-02-23",
        "2026-03-20",
        "hecha",
        100,
        "verde",
        "",
    ),
    "lanzamiento-expositores": (
        "coordinadora",
        f"{GPP} — Desarrollo Económico",
        "2026-03-16",
        "2026-04-03",
        "hecha",
        100,
        "verde",
        "",
    ),
    "lanzamiento-invitados": (
        "comunicacion",
        f"{GPP} — Comunicación",
        "2026-03-16",
        "2026-04-10",
        "hecha",
        100,
        "verde",
        "",
    ),
    "lanzamiento-institucion": (
        "coordinadora",
        f"{GPP} — Planificación",
        "2026-02-23",
        "2026-03-06",
        "hecha",
        100,
        "verde",
        "",
    ),
    "lanzamiento-logistica": (
        "coordinadora",
        "Universidad Central del Ecuador",
        "2026-03-09",
        "2026-04-17",
        "hecha",
        100,
        "verde",
        "",
    ),
    "lanzamiento-evento": (
        "coordinadora",
        GPP,
        "2026-04-21",
        "2026-04-21",
        "hecha",
        100,
        "verde",
        "Auditorio de la Prefectura, 240 asistentes.",
    ),
    "lanzamiento-sistematizacion": (
        "comunicacion",
        f"{GPP} — Comunicación",
        "2026-04-22",
        "2026-05-29",
        "en_curso",
        70,
        "ambar",
        "Falta la memoria fotográfica y las conclusiones de las mesas de trabajo.",
    ),
    "pactos-diseno-metodologico": (
        "coordinadora",
        "Universidad Central del Ecuador",
        "2026-03-02",
        "2026-04-30",
        "hecha",
        100,
        "verde",
        "",
    ),
    "pactos-convocatoria": (
        "facilitador",
        f"{GPP} — Desarrollo Económico",
        "2026-05-04",
        "2026-06-26",
        "hecha",
        100,
        "verde",
        "",
    ),
    "pactos-organizacion-mesas": (
        "facilitador",
        f"{GPP} — Desarrollo Económico",
        "2026-06-15",
        "2026-07-17",
        "hecha",
        100,
        "verde",
        "",
    ),
    "pactos-mesas-turismo": (
        "facilitador",
        "Cámara Provincial de Turismo de Pichincha",
        "2026-07-20",
        "2026-11-13",
        "en_curso",
        75,
        "ambar",
        "Faltan las sesiones de cierre de Puerto Quito y Pedro Vicente Maldonado.",
    ),
    "pactos-mesas-agropecuarias": (
        "facilitador",
        "Ministerio de Agricultura y Ganadería",
        "2026-07-27",
        "2026-12-11",
        "en_curso",
        55,
        "verde",
        "",
    ),
    "instrumentos-comunicacion": (
        "comunicacion",
        f"{GPP} — Comunicación",
        "2026-03-02",
        "2026-05-15",
        "hecha",
        100,
        "verde",
        "",
    ),
    "instrumentos-sistema-informacion": (
        "analista",
        f"{GPP} — Planificación",
        "2026-04-06",
        "2026-10-30",
        "en_curso",
        80,
        "ambar",
        "Pendiente la carga de datos de empleo turístico del INEC.",
    ),
    "instrumentos-mapeo-actores": (
        "coordinadora",
        f"{GPP} — Desarrollo Económico",
        "2026-03-16",
        "2026-05-08",
        "hecha",
        100,
        "verde",
        "",
    ),
    "socializacion-encuentro": (
        "coordinadora",
        GPP,
        "2026-12-07",
        "2026-12-18",
        "no_iniciada",
        0,
        "verde",
        "",
    ),
}


def _evidencia_demo(actividad: Actividad):
    from core.demo_archivos import pdf_demo

    return pdf_demo(
        f"{actividad.codigo[:50]}-evidencia.pdf",
        actividad.nombre,
        ["Evidencia de la actividad", actividad.institucion or "Equipo del programa"],
    )


def registrar_demo_hoja_de_ruta(*, usuarios: dict, salida=None) -> str:
    """Give the founding roadmap realistic 2026 dates, owners and progress, through the services.

    Idempotent: activities that already have planned dates are left as they are.
    """
    coordinadora = usuarios.get("coordinadora")
    hechas = 0
    for codigo, (
        usuario,
        institucion,
        inicio,
        fin,
        estado,
        avance,
        salud,
        notas,
    ) in PLAN_DEMO.items():
        actividad = Actividad.objects.filter(codigo=codigo).first()
        if actividad is None:
            continue
        if actividad.inicio_previsto is not None:
            if actividad.estado == EstadoActividad.HECHA and not actividad.evidencia_archivo:
                actividad_actualizar_avance(
                    actividad=actividad,
                    usuario=coordinadora,
                    evidencia_archivo=_evidencia_demo(actividad),
                )
            continue
        inicio_d = datetime.date.fromisoformat(inicio)
        fin_d = datetime.date.fromisoformat(fin)
        actividad_planificar(
            actividad=actividad,
            usuario=coordinadora,
            responsable=usuarios.get(usuario),
            institucion=institucion,
            inicio_previsto=inicio_d,
            fin_previsto=fin_d,
        )
        if estado != EstadoActividad.NO_INICIADA:
            campos = {"estado": estado, "avance": avance, "salud": salud, "notas": notas}
            campos["inicio_real"] = min(inicio_d + datetime.timedelta(days=2), timezone.localdate())
            if estado == EstadoActividad.HECHA:
                campos["fin_real"] = min(fin_d + datetime.timedelta(days=3), timezone.localdate())
                campos["evidencia_archivo"] = _evidencia_demo(actividad)
            actividad_actualizar_avance(actividad=actividad, usuario=coordinadora, **campos)
        hechas += 1
    return f"{hechas} actividades con fechas de 2026"
