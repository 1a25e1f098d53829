"""Writes of pactos and commitments: consolidation, states, versions, follow-up and reminders."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import tablib
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.cache import cambio_publico
from core.correo import correo_enviar
from core.enlaces import slug_unico, url_de
from core.importar import dataset_de_archivo, filas_validadas, normalizar_encabezado
from core.models import CambioPersona
from core.services import persona_cambio_registrar

from ..forms.pactos import FilaAvanceForm
from ..models.pactos import (
    Actualizacion,
    AcuerdoDescartado,
    Compromiso,
    ContactoResponsable,
    Evidencia,
    Firmante,
    Hito,
    OrigenCompromiso,
    Pacto,
    RecordatorioCompromiso,
    VersionPacto,
)
from ..selectors.pactos import DIAS_SILENCIO, ESTADOS_SEGUIMIENTO, atrasados_q

# The acting user of every service (None for the system: beat, demo loaders).
Usuario = AbstractBaseUser

Estado = Pacto.Estado

# Allowed state changes of a pacto; anything else is refused with a reason.
TRANSICIONES: dict[str, tuple[str, ...]] = {
    Estado.BORRADOR: (Estado.CONSULTA,),
    Estado.CONSULTA: (Estado.BORRADOR, Estado.ACORDADO),
    Estado.ACORDADO: (Estado.CONSULTA, Estado.FIRMADO),
    Estado.FIRMADO: (Estado.PUBLICADO,),
    Estado.PUBLICADO: (),
}
logger = logging.getLogger(__name__)

# While the text may still change: commitments are consolidated and reworded only then.
ESTADOS_EDITABLES = (Estado.BORRADOR, Estado.CONSULTA)
CAMPOS_TEXTO = ("titulo", "preambulo", "estrategia", "objetivos")


# --- Pacto ----------------------------------------------------------------------------------


def motivo_texto_fijo(pacto: Pacto) -> str:
    """Why the pacto's texts and its commitments' wording may not change now ("" if they may)."""
    if pacto.estado in ESTADOS_EDITABLES:
        return ""
    if Estado.CONSULTA in TRANSICIONES[pacto.estado]:
        return _(
            "El pacto está «%(estado)s»: su texto y sus compromisos ya no se cambian. "
            "Vuelva a ponerlo en consulta si hace falta corregirlo."
        ) % {"estado": pacto.get_estado_display()}
    return _(
        "El pacto está «%(estado)s»: su texto y sus compromisos ya no se cambian, quedan como "
        "se firmaron."
    ) % {"estado": pacto.get_estado_display()}


def _exigir_editable(pacto: Pacto) -> None:
    motivo = motivo_texto_fijo(pacto)
    if motivo:
        raise ValidationError(motivo)


def _texto_compromisos(pacto: Pacto) -> str:
    lineas = []
    for c in pacto.compromisos.order_by("numero"):
        lineas.append(f"{c.numero}. {c.titulo}")
        lineas.extend(f"   {linea}" for linea in c.texto.splitlines() if linea.strip())
    return "\n".join(lineas)


def _version_guardar(
    *, pacto: Pacto, usuario: Usuario | None, nota: str, forzar: bool = False
) -> VersionPacto | None:
    """Freeze the pacto's texts as a new version, unless nothing changed since the last one."""
    datos = {campo: getattr(pacto, campo) for campo in CAMPOS_TEXTO}
    datos["compromisos"] = _texto_compromisos(pacto)
    ultima = pacto.versiones.order_by("-numero").first()
    if (
        ultima is not None
        and not forzar
        and all(getattr(ultima, campo) == valor for campo, valor in datos.items())
    ):
        return None
    numero = (ultima.numero if ultima else 0) + 1
    version = VersionPacto.objects.create(
        pacto=pacto, numero=numero, nota=nota[:300], autor=usuario, **datos
    )
    Pacto.objects.filter(pk=pacto.pk).update(version=numero)
    cambio_publico()
    pacto.version = numero
    return version


@transaction.atomic
def pacto_crear(
    *,
    eje,
    titulo: str,
    usuario: Usuario | None,
    alcance: str = Pacto.Alcance.PROVINCIAL,
    canton=None,
    sector=None,
    preambulo: str = "",
    estrategia: str = "",
    objetivos: str = "",
) -> Pacto:
    pacto = Pacto(
        eje=eje,
        titulo=titulo.strip(),
        slug=slug_unico(Pacto.objects, titulo, largo=230, respaldo="pacto"),
        alcance=alcance,
        canton=canton,
        sector=sector,
        preambulo=preambulo,
        estrategia=estrategia,
        objetivos=objetivos,
        creado_por=usuario,
    )
    if sector is not None and sector.eje_id != eje.pk:
        raise ValidationError(_("El sector no pertenece al eje del pacto."))
    pacto.full_clean()
    pacto.save()
    _version_guardar(pacto=pacto, usuario=usuario, nota=_("Versión inicial"))
    return pacto


@transaction.atomic
def pacto_editar(*, pacto: Pacto, usuario: Usuario | None, nota: str = "", **campos) -> Pacto:
    """Change the pacto's texts (only in draft or consultation); a new version records it."""
    pacto = Pacto.objects.select_for_update().get(pk=pacto.pk)
    _exigir_editable(pacto)
    permitidos = {*CAMPOS_TEXTO, "alcance", "canton", "sector"}
    for nombre, valor in campos.items():
        if nombre not in permitidos:
            raise ValueError(nombre)
        setattr(pacto, nombre, valor)
    pacto.full_clean(exclude=["slug"])
    pacto.save()
    _version_guardar(pacto=pacto, usuario=usuario, nota=nota or _("Texto editado"))
    return pacto


@transaction.atomic
def pacto_cambiar_estado(*, pacto: Pacto, estado: str, usuario: Usuario | None) -> Pacto:
    """Move a pacto along draft → consultation → agreed → signed → published, or refuse."""
    pacto = Pacto.objects.select_for_update().get(pk=pacto.pk)
    if estado not in Estado.values:
        raise ValidationError(_("Estado desconocido."))
    if estado not in TRANSICIONES[pacto.estado]:
        raise ValidationError(
            _("Un pacto «%(actual)s» no puede pasar a «%(nuevo)s».")
            % {"actual": pacto.get_estado_display(), "nuevo": Estado(estado).label}
        )
    if estado in (Estado.CONSULTA, Estado.ACORDADO) and not pacto.compromisos.exists():
        raise ValidationError(_("El pacto necesita al menos un compromiso."))
    if estado == Estado.FIRMADO and not pacto.firmantes.exists():
        raise ValidationError(
            _("Registre al menos una organización firmante antes de marcarlo como firmado.")
        )
    if estado == Estado.FIRMADO and pacto.compromisos.filter(lider__isnull=True).exists():
        raise ValidationError(_("Todos los compromisos necesitan un responsable principal."))
    anterior = pacto.get_estado_display()
    pacto.estado = estado
    if estado == Estado.FIRMADO and pacto.fecha_firma is None:
        pacto.fecha_firma = pacto.firmantes.aggregate(f=Max("fecha"))["f"]
    if estado == Estado.PUBLICADO:
        pacto.publicado_en = timezone.now()
    pacto.save()
    _version_guardar(
        pacto=pacto,
        usuario=usuario,
        nota=_("De «%(a)s» a «%(b)s»") % {"a": anterior, "b": pacto.get_estado_display()},
    )
    return pacto


@transaction.atomic
def firmante_agregar(*, pacto: Pacto, organizacion, persona: str, fecha: date, cargo: str = ""):
    if pacto.estado not in (Estado.ACORDADO, Estado.FIRMADO):
        raise ValidationError(_("Solo se registran firmas de un pacto acordado."))
    if not persona.strip():
        raise ValidationError(_("Indique quién firma por la organización."))
    firmante = Firmante(
        pacto=pacto, organizacion=organizacion, persona=persona.strip(), cargo=cargo, fecha=fecha
    )
    firmante.full_clean()
    firmante.save()
    return firmante


@transaction.atomic
def firmante_quitar(*, firmante: Firmante, usuario: Usuario | None) -> Pacto:
    """Remove a signature registered by mistake, while the pacto is not yet published; a signed
    pacto keeps at least one."""
    pacto = Pacto.objects.select_for_update().get(pk=firmante.pacto_id)
    if pacto.estado == Estado.PUBLICADO:
        raise ValidationError(
            _("El pacto ya está publicado: sus firmas quedan como se registraron.")
        )
    if pacto.estado == Estado.FIRMADO and pacto.firmantes.count() <= 1:
        raise ValidationError(
            _(
                "Un pacto firmado conserva al menos una firma: registre la correcta antes de "
                "quitar esta."
            )
        )
    firmante.delete()
    logger.info(
        "Firma de %s quitada del pacto %s por %s", firmante.organizacion_id, pacto.pk, usuario
    )
    return pacto


@transaction.atomic
def pacto_adjuntar_copia_firmada(*, pacto: Pacto, archivo) -> Pacto:
    if pacto.estado not in (Estado.FIRMADO, Estado.PUBLICADO):
        raise ValidationError(_("La copia firmada se adjunta a un pacto firmado."))
    pacto.copia_firmada = archivo
    pacto.save(update_fields=["copia_firmada", "actualizado"])
    return pacto


# --- Consolidation ---------------------------------------------------------------------------


def _exigir_acuerdos_del_eje(pacto: Pacto, acuerdos: list) -> None:
    if not acuerdos:
        raise ValidationError(_("Elija al menos un acuerdo."))
    for acuerdo in acuerdos:
        mesa = acuerdo.sesion.mesa
        if mesa.tipo != pacto.eje.codigo:
            raise ValidationError(
                _("El acuerdo %(acuerdo)s es de la mesa «%(mesa)s», de otro eje.")
                % {"acuerdo": acuerdo.numero, "mesa": mesa}
            )
    descartados = AcuerdoDescartado.objects.filter(pacto=pacto, acuerdo__in=acuerdos)
    if descartados.exists():
        raise ValidationError(
            _("Hay acuerdos marcados como no incorporados; recupérelos antes de usarlos.")
        )


def _territorio_comun(acuerdos: list) -> tuple:
    cantones = {a.sesion.mesa.canton_id for a in acuerdos}
    sectores = {a.sesion.mesa.sector_id for a in acuerdos}
    canton = acuerdos[0].sesion.mesa.canton if len(cantones) == 1 else None
    sector = acuerdos[0].sesion.mesa.sector if len(sectores) == 1 else None
    return canton, sector


def _siguiente_numero(pacto: Pacto) -> int:
    return (pacto.compromisos.aggregate(m=Max("numero"))["m"] or 0) + 1


def _vincular(compromiso: Compromiso, acuerdos: Iterable, usuario: Usuario | None) -> None:
    OrigenCompromiso.objects.bulk_create(
        [
            OrigenCompromiso(compromiso=compromiso, acuerdo=a, vinculado_por=usuario)
            for a in acuerdos
        ],
        ignore_conflicts=True,
    )


def _cargar_acuerdos(acuerdos) -> list:
    from mesas.models import Acuerdo

    ids = [a.pk if hasattr(a, "pk") else int(a) for a in acuerdos]
    return list(Acuerdo.objects.filter(pk__in=ids).select_related("sesion__mesa__canton"))


def _acuerdos_para(pacto: Pacto, acuerdos) -> list:
    """The agreements (objects or ids), loaded for a change to the pacto, which must allow it."""
    _exigir_editable(pacto)
    return _cargar_acuerdos(acuerdos)


@transaction.atomic
def compromiso_consolidar(
    *,
    pacto: Pacto,
    acuerdos,
    titulo: str,
    texto: str,
    usuario: Usuario | None,
    lider=None,
    plazo=None,
) -> Compromiso:
    """Group agreements of the axis' tables into a new commitment that keeps their trail."""
    pacto = Pacto.objects.select_for_update().get(pk=pacto.pk)
    acuerdos = _acuerdos_para(pacto, acuerdos)
    _exigir_acuerdos_del_eje(pacto, acuerdos)
    if not titulo.strip() or not texto.strip():
        raise ValidationError(_("El compromiso necesita un título y un texto."))
    canton, sector = _territorio_comun(acuerdos)
    if plazo is None:
        plazos = [a.plazo for a in acuerdos if a.plazo]
        plazo = max(plazos) if plazos else None
    compromiso = Compromiso(
        pacto=pacto,
        numero=_siguiente_numero(pacto),
        titulo=titulo.strip(),
        texto=texto.strip(),
        lider=lider,
        canton=canton,
        sector=sector,
        plazo=plazo,
        resultado_esperado="\n".join(
            dict.fromkeys(a.resultado_esperado for a in acuerdos if a.resultado_esperado)
        ),
    )
    compromiso.full_clean()
    compromiso.save()
    _vincular(compromiso, acuerdos, usuario)
    # Only organisations are partners: people named in an agreement stay in the acta.
    socios = {r for a in acuerdos for r in a.responsables.all() if r.naturaleza == "organizacion"}
    if socios:
        compromiso.socios.add(*[s for s in socios if s != lider])
    return compromiso


@transaction.atomic
def compromiso_vincular_acuerdos(
    *, compromiso: Compromiso, acuerdos, usuario: Usuario | None
) -> Compromiso:
    """Merge more agreements into an existing commitment."""
    acuerdos = _acuerdos_para(compromiso.pacto, acuerdos)
    _exigir_acuerdos_del_eje(compromiso.pacto, acuerdos)
    _vincular(compromiso, acuerdos, usuario)
    return compromiso


@transaction.atomic
def compromiso_desvincular_acuerdo(*, compromiso: Compromiso, acuerdo) -> None:
    """The agreement goes back to the workspace's pending list; nothing is lost."""
    _exigir_editable(compromiso.pacto)
    if compromiso.origenes.count() <= 1:
        raise ValidationError(
            _("Un compromiso conserva al menos un acuerdo de origen; elimine el compromiso.")
        )
    compromiso.origenes.filter(acuerdo=acuerdo).delete()


def _renumerar(pacto: Pacto) -> None:
    compromisos = list(pacto.compromisos.order_by("numero", "pk"))
    # Two passes so the unique (pacto, numero) constraint never sees a duplicate.
    for i, c in enumerate(compromisos, start=1):
        Compromiso.objects.filter(pk=c.pk).update(numero=10000 + i)
    for i, c in enumerate(compromisos, start=1):
        Compromiso.objects.filter(pk=c.pk).update(numero=i)
    cambio_publico()


@transaction.atomic
def compromisos_fusionar(
    *, destino: Compromiso, otros: list[Compromiso], usuario: Usuario | None
) -> Compromiso:
    """Merge similar commitments: their agreements and partners move to destino."""
    _exigir_editable(destino.pacto)
    otros = [c for c in otros if c.pk != destino.pk]
    if not otros:
        raise ValidationError(_("Elija al menos otro compromiso para fusionar."))
    for otro in otros:
        if otro.pacto_id != destino.pacto_id:
            raise ValidationError(_("Solo se fusionan compromisos del mismo pacto."))
        _vincular(destino, [o.acuerdo for o in otro.origenes.select_related("acuerdo")], usuario)
        destino.socios.add(*otro.socios.all())
        if otro.lider_id and otro.lider_id != destino.lider_id:
            destino.socios.add(otro.lider)
        otro.delete()
    _renumerar(destino.pacto)
    destino.refresh_from_db()
    return destino


@transaction.atomic
def compromiso_dividir(
    *, compromiso: Compromiso, acuerdos, titulo: str, texto: str, usuario: Usuario | None
) -> Compromiso:
    """Split: the chosen agreements leave the commitment for a new one."""
    acuerdos = _acuerdos_para(compromiso.pacto, acuerdos)
    propios = set(compromiso.origenes.values_list("acuerdo_id", flat=True))
    elegidos = {a.pk for a in acuerdos}
    if not elegidos or not elegidos < propios:
        raise ValidationError(
            _("Elija algunos de los acuerdos del compromiso, no todos, para dividirlo.")
        )
    compromiso.origenes.filter(acuerdo_id__in=elegidos).delete()
    nuevo = compromiso_consolidar(
        pacto=compromiso.pacto,
        acuerdos=acuerdos,
        titulo=titulo,
        texto=texto,
        usuario=usuario,
        lider=compromiso.lider,
    )
    return nuevo


@transaction.atomic
def compromiso_eliminar(*, compromiso: Compromiso) -> None:
    """Delete a commitment of a pacto in draft; its agreements go back to pending."""
    _exigir_editable(compromiso.pacto)
    pacto = compromiso.pacto
    compromiso.delete()
    _renumerar(pacto)


@transaction.atomic
def acuerdos_descartar(
    *, pacto: Pacto, acuerdos: Iterable, motivo: str, usuario: Usuario | None
) -> list[AcuerdoDescartado]:
    """Mark agreements as left out of the pacto, with the reason: all of them or none."""
    acuerdos = _acuerdos_para(pacto, acuerdos)
    if not acuerdos:
        raise ValidationError(_("Elija al menos un acuerdo."))
    if not motivo.strip():
        raise ValidationError(_("Indique por qué el acuerdo no entra en el pacto."))
    if OrigenCompromiso.objects.filter(compromiso__pacto=pacto, acuerdo__in=acuerdos).exists():
        raise ValidationError(
            _("El acuerdo ya forma parte de un compromiso de este pacto; desvincúlelo antes.")
        )
    _exigir_acuerdos_del_eje(pacto, acuerdos)
    return AcuerdoDescartado.objects.bulk_create(
        [
            AcuerdoDescartado(pacto=pacto, acuerdo=a, motivo=motivo.strip(), descartado_por=usuario)
            for a in acuerdos
        ]
    )


@transaction.atomic
def acuerdos_recuperar(*, pacto: Pacto, acuerdos: Iterable, usuario: Usuario | None) -> int:
    """Agreements left out go back to the pending list; returns how many."""
    _exigir_editable(pacto)
    ids = [a.pk for a in _cargar_acuerdos(acuerdos)]
    borrados, _detalle = AcuerdoDescartado.objects.filter(pacto=pacto, acuerdo_id__in=ids).delete()
    return borrados


@transaction.atomic
def compromiso_editar(
    *, compromiso: Compromiso, usuario: Usuario | None = None, socios=None, **campos
) -> Compromiso:
    """Coordinators' edit: rewording only while the pacto is editable; the rest any time."""
    compromiso = Compromiso.objects.select_for_update().get(pk=compromiso.pk)
    texto_cambia = any(
        nombre in ("titulo", "texto") and getattr(compromiso, nombre) != valor
        for nombre, valor in campos.items()
    )
    if texto_cambia:
        _exigir_editable(compromiso.pacto)
    for nombre, valor in campos.items():
        if nombre not in Compromiso.CAMPOS_EDITABLES:
            raise ValueError(nombre)
        setattr(compromiso, nombre, valor)
    compromiso.full_clean(exclude=["pacto"])
    compromiso.save()
    if socios is not None:
        compromiso.socios.set([s for s in socios if s != compromiso.lider])
    if "modo_avance" in campos:
        compromiso_recalcular_avance(compromiso=compromiso)
    return compromiso


# --- Follow-up -------------------------------------------------------------------------------


def avance_por_hitos(*, hitos: Iterable[Hito]) -> int | None:
    hitos = list(hitos)
    total = sum(h.peso for h in hitos)
    if not total:
        return None
    return round(100 * sum(h.peso for h in hitos if h.cumplido) / total)


@transaction.atomic
def compromiso_recalcular_avance(*, compromiso: Compromiso) -> Compromiso:
    if compromiso.modo_avance == Compromiso.ModoAvance.HITOS:
        avance = avance_por_hitos(hitos=compromiso.hitos.all())
        if avance is not None and avance != compromiso.avance:
            compromiso.avance = avance
            compromiso.save(update_fields=["avance"])
    return compromiso


@transaction.atomic
def hito_agregar(*, compromiso: Compromiso, titulo: str, fecha: date, peso: int = 1) -> Hito:
    hito = Hito(compromiso=compromiso, titulo=titulo.strip(), fecha=fecha, peso=peso)
    hito.full_clean()
    hito.save()
    compromiso_recalcular_avance(compromiso=compromiso)
    return hito


@transaction.atomic
def hito_marcar(*, hito: Hito, cumplido: bool, fecha: date | None = None) -> Hito:
    hito.cumplido = cumplido
    hito.cumplido_en = (fecha or timezone.localdate()) if cumplido else None
    hito.save(update_fields=["cumplido", "cumplido_en"])
    compromiso_recalcular_avance(compromiso=hito.compromiso)
    return hito


def _validar_actualizacion(compromiso: Compromiso, estado: str, avance, motivo: str) -> list:
    errores = []
    if compromiso.pacto.estado not in ESTADOS_SEGUIMIENTO:
        errores.append(_("El seguimiento empieza cuando el pacto está firmado."))
    if estado not in Compromiso.Estado.values:
        errores.append(
            _("Estado desconocido: «%(estado)s». Use uno de estos: %(validos)s.")
            % {
                "estado": estado,
                "validos": ", ".join(str(e.label) for e in Compromiso.Estado),
            }
        )
    elif estado in Compromiso.ESTADOS_CON_MOTIVO and not motivo.strip():
        errores.append(
            _("Explique el motivo del estado «%(estado)s».")
            % {"estado": Compromiso.Estado(estado).label}
        )
    if avance is not None and not (0 <= avance <= 100):
        errores.append(_("El avance va de 0 a 100."))
    return errores


@transaction.atomic
def compromiso_actualizar(
    *,
    compromiso: Compromiso,
    usuario: Usuario | None,
    texto: str,
    estado: str,
    avance: int | None = None,
    motivo: str = "",
    hitos_cumplidos: Iterable[int] | None = None,
    organizacion=None,
    origen: str = "formulario",
) -> Actualizacion:
    """A dated progress report: state (with its reason), progress and what was done."""
    compromiso = (
        Compromiso.objects.select_for_update().select_related("pacto").get(pk=compromiso.pk)
    )
    errores = _validar_actualizacion(compromiso, estado, avance, motivo)
    if not texto.strip():
        errores.append(_("Cuente brevemente qué se hizo."))
    if errores:
        raise ValidationError(errores)
    if hitos_cumplidos is not None:
        elegidos = set(hitos_cumplidos)
        hoy = timezone.localdate()
        for hito in compromiso.hitos.all():
            if (hito.pk in elegidos) != hito.cumplido:
                hito.cumplido = hito.pk in elegidos
                hito.cumplido_en = hoy if hito.cumplido else None
                hito.save(update_fields=["cumplido", "cumplido_en"])
    compromiso.estado = estado
    compromiso.motivo_estado = motivo.strip() if estado in Compromiso.ESTADOS_CON_MOTIVO else ""
    calculado = (
        avance_por_hitos(hitos=compromiso.hitos.all())
        if compromiso.modo_avance == Compromiso.ModoAvance.HITOS
        else None
    )
    if calculado is not None:
        compromiso.avance = calculado
    elif avance is not None:
        compromiso.avance = avance
    if estado == Compromiso.Estado.CUMPLIDO and calculado is None:
        compromiso.avance = 100
    compromiso.ultima_actualizacion = timezone.now()
    compromiso.save()
    return Actualizacion.objects.create(
        compromiso=compromiso,
        autor=usuario,
        organizacion=organizacion,
        texto=texto.strip(),
        estado=compromiso.estado,
        avance=compromiso.avance,
        origen=origen,
    )


@transaction.atomic
def evidencia_agregar(
    *, compromiso: Compromiso, titulo: str, usuario: Usuario | None, archivo=None, enlace: str = ""
) -> Evidencia:
    evidencia = Evidencia(
        compromiso=compromiso,
        titulo=titulo.strip(),
        archivo=archivo or "",
        enlace=enlace.strip(),
        subida_por=usuario,
    )
    evidencia.full_clean()
    evidencia.save()
    return evidencia


@transaction.atomic
def contacto_responsable_asignar(*, usuario: Usuario, actor) -> ContactoResponsable:
    contacto, _creado = ContactoResponsable.objects.get_or_create(usuario=usuario, actor=actor)
    return contacto


@transaction.atomic
def contacto_organizacion_agregar(
    *, actor, persona: Usuario, usuario: Usuario
) -> ContactoResponsable:
    """Link a person as a contact of an organisation (from its page); recorded in their account."""
    if actor.naturaleza != actor.Naturaleza.ORGANIZACION:
        raise ValidationError(_("Solo una organización tiene personas de contacto."))
    if not persona.is_active:
        raise ValidationError({"persona": _("La cuenta de esta persona está desactivada.")})
    if not persona.email:
        raise ValidationError(
            {"persona": _("Esta cuenta no tiene correo: no recibiría los recordatorios.")}
        )
    contacto, creado = ContactoResponsable.objects.get_or_create(usuario=persona, actor=actor)
    if creado:
        persona_cambio_registrar(
            persona=persona,
            usuario=usuario,
            accion=CambioPersona.Accion.CONTACTO,
            detalle=_("Contacto de %(organizacion)s") % {"organizacion": actor.nombre},
        )
    return contacto


@transaction.atomic
def contacto_organizacion_quitar(*, contacto: ContactoResponsable, usuario: Usuario) -> None:
    persona_cambio_registrar(
        persona=contacto.usuario,
        usuario=usuario,
        accion=CambioPersona.Accion.CONTACTO,
        detalle=_("Deja de ser contacto de %(organizacion)s")
        % {"organizacion": contacto.actor.nombre},
    )
    contacto.delete()


# --- Progress import (CSV or XLSX, all or nothing) ------------------------------------------

COLUMNAS_AVANCES = ("pacto", "numero", "estado", "avance", "texto", "motivo")


def avances_fila_de_ejemplo() -> tuple:
    """The import template's example row: a state written as people read it, which the import
    accepts like its code."""
    return (
        "direccion-corta-del-pacto",
        1,
        str(Compromiso.Estado.EN_CURSO.label),
        40,
        _("Ejemplo, borre esta fila: se instalaron 3 letreros en la ruta."),
        "",
    )


COLUMNAS_OBLIGATORIAS = ("pacto", "numero", "estado", "texto")


@dataclass
class FilaAvance:
    linea: int
    datos: dict
    compromiso: Compromiso | None = None
    avance: int | None = None
    # The state's code, whether the file wrote it or its label ("En curso").
    estado: str = ""
    errores: list[str] = field(default_factory=list)
    # What the row changes that the file does not say (the progress its milestones fix).
    avisos: list[str] = field(default_factory=list)
    avance_ignorado: bool = False


@dataclass
class ResultadoImportacion:
    actualizados: int
    avance_ignorado: int


def _avance_de_hitos(compromiso: Compromiso) -> int | None:
    """The progress the milestones fix, or None when the commitment's progress is free."""
    if compromiso.modo_avance != Compromiso.ModoAvance.HITOS:
        return None
    return avance_por_hitos(hitos=compromiso.hitos.all())


def avances_dataset(*, contenido: str) -> tablib.Dataset:
    """The rows of the file (as CSV text, what the preview carries to the confirmation)."""
    dataset = dataset_de_archivo(ContentFile(contenido.encode("utf-8")))
    encabezados = {normalizar_encabezado(h) for h in dataset.headers or []}
    faltan = [c for c in COLUMNAS_OBLIGATORIAS if c not in encabezados]
    if faltan:
        raise ValidationError(
            _("Faltan columnas en el CSV: %(columnas)s.") % {"columnas": ", ".join(faltan)}
        )
    return dataset


def _comprobar_fila(fila: FilaAvance, form, compromisos: dict, vistos: set) -> None:
    """What the row says against the commitment it names: it exists, once, and may take it."""
    datos = form.cleaned_data
    clave = (datos["pacto"], datos["numero"])
    fila.compromiso = compromisos.get(clave)
    if fila.compromiso is None:
        fila.errores.append(
            _("No hay un compromiso %(numero)s en un pacto firmado «%(pacto)s».")
            % {"numero": clave[1], "pacto": clave[0]}
        )
    if clave in vistos:
        fila.errores.append(_("El compromiso aparece dos veces en el archivo."))
    vistos.add(clave)
    if fila.compromiso is None:
        return
    fila.errores.extend(
        _validar_actualizacion(fila.compromiso, datos["estado"], fila.avance, datos["motivo"])
    )
    calculado = _avance_de_hitos(fila.compromiso)
    if fila.avance is not None and calculado is not None and fila.avance != calculado:
        fila.avance_ignorado = True
        fila.avisos.append(
            _(
                "El avance de este compromiso se calcula con sus hitos: quedará en "
                "%(calculado)s %% y no en el %(avance)s %% del archivo."
            )
            % {"calculado": calculado, "avance": fila.avance}
        )


def avances_leer(*, contenido: str) -> list[FilaAvance]:
    """Check every row (its form, then against its commitment); nothing is written. Rows carry
    their errors."""
    compromisos = {
        (c.pacto.slug, c.numero): c
        for c in Compromiso.objects.select_related("pacto")
        .prefetch_related("hitos")
        .filter(pacto__estado__in=ESTADOS_SEGUIMIENTO)
    }
    vistos: set = set()
    filas = []
    for importada in filas_validadas(avances_dataset(contenido=contenido), FilaAvanceForm):
        fila = FilaAvance(linea=importada.numero, datos=importada.datos)
        fila.errores.extend(importada.errores)
        fila.avance = importada.form.cleaned_data.get("avance")
        fila.estado = importada.form.cleaned_data.get("estado", "")
        if "numero" in importada.form.cleaned_data:
            _comprobar_fila(fila, importada.form, compromisos, vistos)
        filas.append(fila)
    if not filas:
        raise ValidationError(_("El archivo no tiene filas."))
    return filas


@transaction.atomic
def avances_importar(*, contenido: str, usuario: Usuario | None) -> ResultadoImportacion:
    """Apply a file of progress updates; one bad row and nothing changes. The result says how
    many commitments were updated and in how many the file's progress gave way to the one their
    milestones fix."""
    filas = avances_leer(contenido=contenido)
    errores = [f"{_('Línea')} {f.linea}: {e}" for f in filas for e in f.errores]
    if errores:
        raise ValidationError(errores)
    for fila in filas:
        compromiso_actualizar(
            compromiso=fila.compromiso,
            usuario=usuario,
            texto=fila.datos["texto"],
            estado=fila.estado,
            avance=fila.avance,
            motivo=fila.datos.get("motivo", ""),
            origen="csv",
        )
    return ResultadoImportacion(
        actualizados=len(filas), avance_ignorado=sum(f.avance_ignorado for f in filas)
    )


# --- Reminders -------------------------------------------------------------------------------


def compromisos_para_recordar(*, hoy: date):
    """Open commitments of signed pactos that are overdue or silent for DIAS_SILENCIO days."""
    return (
        Compromiso.objects.filter(pacto__estado__in=ESTADOS_SEGUIMIENTO)
        .exclude(estado__in=Compromiso.ESTADOS_CERRADOS)
        .filter(atrasados_q(hoy))
        .select_related("pacto", "lider")
    )


def _periodo_de(hoy: date) -> str:
    return f"{hoy:%Y-%m}"


def recordatorios_enviar(*, hoy: date | None = None) -> int:
    """E-mail the contacts of each flagged commitment's lead, once per commitment and month."""
    hoy = hoy or timezone.localdate()
    periodo = _periodo_de(hoy)
    enviados = 0
    for compromiso in compromisos_para_recordar(hoy=hoy):
        with transaction.atomic():
            recordatorio, creado = RecordatorioCompromiso.objects.get_or_create(
                compromiso=compromiso,
                periodo=periodo,
                defaults={
                    "motivo": "vencido"
                    if compromiso.plazo and compromiso.plazo < hoy
                    else "silencio"
                },
            )
            if not creado:
                continue
            correos = sorted(
                {
                    c.usuario.email
                    for c in ContactoResponsable.objects.filter(
                        actor_id=compromiso.lider_id
                    ).select_related("usuario")
                    if c.usuario.email and c.usuario.is_active
                }
            )
            if not correos:
                continue
            correo_enviar(
                para=correos,
                plantilla="pactos/correo/recordatorio",
                contexto={
                    "compromiso": compromiso,
                    "recordatorio": recordatorio,
                    "hoy": hoy,
                    "url_mis_compromisos": url_de("pactos:mis_compromisos"),
                    "url_actualizar": url_de("pactos:mis_compromisos")
                    + f"#compromiso-{compromiso.pk}",
                    "dias_silencio": DIAS_SILENCIO,
                },
            )
            recordatorio.destinatarios = len(correos)
            recordatorio.save(update_fields=["destinatarios"])
            enviados += 1
    return enviados
