"""Generated documents: the registry of document kinds and the services that produce them.

Higher apps register their kinds from extensiones.registrar() with registrar_tipo_documento(...)
(the registry TIPOS_DOCUMENTO, keyed by kind).
A request calls documento_solicitar (get-or-create, enqueue on commit); the Celery task calls
documento_generar (render with WeasyPrint, store with Django's storage API); the periodic sweep
calls documentos_barrer to re-enqueue what the broker never received or a dead worker dropped.

On PostgreSQL the process that generates a document holds an advisory lock on it, on a
connection of its own, for as long as it renders. The lock dies with the process (kill -9, OOM,
a lost machine), so "generando" with nobody holding the lock means the generator is dead: a
redelivered task takes over at once and the sweep re-enqueues the row without waiting for a
timeout. Only one process holds the lock, so a document is never rendered twice at the same time.
"""

import contextlib
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from .cache import cambio_publico
from .models import Documento
from .permisos import exigir_permiso
from .registro import Registro

logger = logging.getLogger(__name__)

# Hard limit of one generation (seconds); the task's time limit and the sweep use it.
LIMITE_GENERACION = 120
# A pending row whose last enqueue is older than this (seconds) is enqueued again by the sweep.
ANTIGUEDAD_REENCOLAR = 60
# Namespace of the PostgreSQL advisory locks pg_advisory_xact_lock(CERROJO_ESPACIO, documento id).
CERROJO_ESPACIO = 0x50414354
# Seconds a second delivery waits for the lock (a killed worker's connection takes a moment to
# close) before leaving the document to the live process that holds it.
ESPERA_CERROJO = 3


@dataclass(frozen=True)
class TipoDocumento:
    """How to produce one kind of document.

    modelo: "app_label.Model" of the source; campo_clave: the field that identifies the source
    in URLs (a public code rather than the pk when there is one); permiso: the django-rules
    permission checked with the source as object (None: anyone, including anonymous visitors);
    contexto(fuente) -> dict for the template; nombre_archivo(fuente) -> "name.pdf";
    titulo(fuente) -> what the status page calls the document; version(fuente) -> int, bump it
    when the source changes so a new file is produced; al_terminar(documento), when given, is
    called once the document is ready and committed (robust: its failure is logged, the document
    stays ready), e.g. to enqueue the e-mail that says it is ready.
    """

    tipo: str
    plantilla: str
    modelo: str
    contexto: Callable[[Any], dict]
    nombre_archivo: Callable[[Any], str]
    titulo: Callable[[Any], str]
    campo_clave: str = "pk"
    permiso: str | None = None
    version: Callable[[Any], int] = field(default=lambda fuente: 1)
    al_terminar: Callable[[Documento], None] | None = None

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.modelo)

    def buscar_fuente(self, clave: str) -> models.Model:
        """The source object for a URL key; raises DoesNotExist (or ValueError) when unknown."""
        return self.model_class._default_manager.get(**{self.campo_clave: clave})

    def permite(self, usuario, fuente) -> bool:
        if self.permiso is None:
            return True
        return (usuario or AnonymousUser()).has_perm(self.permiso, fuente)


TIPOS_DOCUMENTO: Registro[TipoDocumento] = Registro("tipos de documento generado")


def contexto_de(selector: str, argumento: str) -> Callable[[Any], dict]:
    """The `contexto` of a TipoDocumento that is one selector of its app, named by dotted path
    and called with the source as keyword `argumento`. It is imported when a document is
    rendered, not when the kind is declared (an app's services name its kinds, and its
    selectors may import them)."""

    def contexto(fuente) -> dict:
        return import_string(selector)(**{argumento: fuente})

    return contexto


class TipoDesconocido(LookupError):
    pass


def registrar_tipo_documento(definicion: TipoDocumento) -> None:
    TIPOS_DOCUMENTO.registrar(definicion.tipo, definicion, envoltorios=1)


def tipo_documento(tipo: str) -> TipoDocumento:
    try:
        return TIPOS_DOCUMENTO[tipo]
    except KeyError:
        raise TipoDesconocido(tipo) from None


# --- Services --------------------------------------------------------------------------------


def _encolar(documento_id: int) -> bool:
    """Send the generation task; a broker that is down is logged, never raised (core.colas)."""
    from .colas import encolar
    from .tasks import generar_documento

    if not encolar(generar_documento, documento_id):
        return False
    Documento.objects.filter(pk=documento_id, estado=Documento.Estado.PENDIENTE).update(
        encolado=timezone.now()
    )
    return True


@transaction.atomic
def documento_solicitar(
    *, fuente: models.Model, tipo: str, usuario=None, sistema: bool = False
) -> Documento:
    """Get or create the document of fuente and kind tipo, and enqueue it if it needs work.

    Idempotent: asking again for a document that exists returns the same row; a row in error
    is put back to pendiente and enqueued again. `sistema=True` is for the scheduler (beat):
    nobody asks, so the kind's permission is not checked and solicitado_por stays empty.
    """
    definicion = tipo_documento(tipo)
    if not isinstance(fuente, definicion.model_class):
        raise ValueError(f"El documento {tipo} no se genera a partir de {type(fuente).__name__}.")
    if sistema:
        usuario = None
    elif definicion.permiso is not None:
        exigir_permiso(usuario or AnonymousUser(), definicion.permiso, fuente)

    documento, creado = Documento.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(fuente),
        object_id=str(fuente.pk),
        tipo=tipo,
        version=definicion.version(fuente),
        defaults={
            "solicitado_por": usuario if usuario and usuario.is_authenticated else None,
        },
    )
    if not creado:
        documento = Documento.objects.select_for_update().get(pk=documento.pk)
        if documento.estado == Documento.Estado.ERROR:
            documento.estado = Documento.Estado.PENDIENTE
            documento.error = ""
            documento.save(update_fields=["estado", "error", "actualizado"])
        elif documento.estado != Documento.Estado.PENDIENTE or (
            documento.encolado
            and documento.encolado > timezone.now() - timedelta(seconds=ANTIGUEDAD_REENCOLAR)
        ):
            return documento  # ready, being generated, or enqueued a moment ago
    transaction.on_commit(lambda: _encolar(documento.pk))
    return documento


def _renderizar_pdf(documento: Documento, definicion: TipoDocumento) -> tuple[bytes, str]:
    import weasyprint  # costs more than a second to import: only where it is used

    fuente = definicion.model_class._default_manager.get(pk=documento.object_id)
    with translation.override("es"):
        contexto = {
            "documento": documento,
            "fuente": fuente,
            "generado": timezone.localtime(),
            **definicion.contexto(fuente),
        }
        html = render_to_string(definicion.plantilla, contexto)
    # Only local files and data: URIs; a PDF never fetches from the network (no SSRF).
    buscador = weasyprint.URLFetcher(allowed_protocols=("file", "data"), timeout=5)
    pdf = weasyprint.HTML(
        string=html, base_url=str(settings.BASE_DIR), url_fetcher=buscador
    ).write_pdf()
    return pdf, definicion.nombre_archivo(fuente)


def _con_cerrojos() -> bool:
    return connections[DEFAULT_DB_ALIAS].vendor == "postgresql"


@contextlib.contextmanager
def _cerrojo_generacion(documento_id: int):
    """Yield True while this process holds the document's lock, False when a live process does,
    None when the database has no advisory locks (SQLite: the time limit decides instead).

    The lock is transaction-level on a connection of its own (works behind PgBouncer in
    transaction mode too) and is released when the block ends or the process dies.
    """
    if not _con_cerrojos():
        yield None
        return
    principal = connections[DEFAULT_DB_ALIAS]
    conexion = type(principal)(dict(principal.settings_dict), DEFAULT_DB_ALIAS)
    try:
        conexion.set_autocommit(False)
        try:
            with conexion.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = '{int(ESPERA_CERROJO * 1000)}ms'")
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s, %s)", [CERROJO_ESPACIO, documento_id]
                )
            tengo = True
        except DatabaseError as exc:
            if getattr(exc.__cause__, "pgcode", None) != "55P03":  # not lock_not_available
                raise
            tengo = False  # somebody alive is generating it
        yield tengo
    finally:
        with contextlib.suppress(DatabaseError):
            conexion.rollback()
        conexion.close()


def _documentos_con_cerrojo() -> set[int]:
    """Ids of the documents some live process is generating right now (PostgreSQL only)."""
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(
            "SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted"
            " AND classid = %s AND objsubid = 2"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            [CERROJO_ESPACIO],
        )
        return {fila[0] for fila in cursor.fetchall()}


def documento_generar(*, documento_id: int) -> Documento | None:
    """Render and store the document; idempotent when the task arrives more than once.

    A row already listo is left alone; a row another live process is generating is skipped
    (PostgreSQL: it holds the lock; SQLite: it started less than the hard time limit ago), and a
    row whose generator died is taken over. Rendering errors leave the row in error with a
    Spanish message; database errors propagate so the task retries.
    """
    with _cerrojo_generacion(documento_id) as cerrojo:
        if cerrojo is False:
            return Documento.objects.filter(pk=documento_id).first()
        return _generar(documento_id, sin_cerrojo=cerrojo is None)


def _generar(documento_id: int, *, sin_cerrojo: bool) -> Documento | None:
    ahora = timezone.now()
    with transaction.atomic():
        documento = Documento.objects.select_for_update().filter(pk=documento_id).first()
        if documento is None or documento.estado == Documento.Estado.LISTO:
            return documento
        if (
            sin_cerrojo
            and documento.estado == Documento.Estado.GENERANDO
            and documento.generando_desde
            and documento.generando_desde > ahora - timedelta(seconds=LIMITE_GENERACION)
        ):
            return documento
        documento.estado = Documento.Estado.GENERANDO
        documento.generando_desde = ahora
        documento.intentos += 1
        documento.error = ""
        documento.save(
            update_fields=["estado", "generando_desde", "intentos", "error", "actualizado"]
        )

    try:
        definicion = tipo_documento(documento.tipo)
        pdf, nombre = _renderizar_pdf(documento, definicion)
    except DatabaseError:
        _volver_a_pendiente(documento_id)
        raise
    except Exception as exc:
        logger.exception("No se pudo generar el documento %s", documento_id)
        return _marcar_error(documento_id, f"No se pudo generar el documento: {exc}")

    with transaction.atomic():
        documento = Documento.objects.select_for_update().get(pk=documento_id)
        if documento.estado == Documento.Estado.LISTO:
            return documento
        if documento.estado != Documento.Estado.GENERANDO:
            # Sent back to pendiente while it was rendering (documentos_regenerar: what it shows
            # changed, e.g. a person withdrew consent to be named): this render is stale. Keep
            # it out and render again; the task sent meanwhile found this process' lock.
            transaction.on_commit(lambda: _encolar(documento_id))
            return documento
        anterior = documento.archivo.name if documento.archivo else ""
        documento.archivo.save(nombre, ContentFile(pdf), save=False)
        transaction.on_commit(lambda: _borrar_anterior(anterior, documento.archivo.name))
        documento.nombre_archivo = nombre
        documento.checksum = hashlib.sha256(pdf).hexdigest()
        documento.tamano = len(pdf)
        documento.estado = Documento.Estado.LISTO
        documento.generado = timezone.now()
        documento.save()
        if definicion.al_terminar is not None:
            listo = documento
            transaction.on_commit(lambda: definicion.al_terminar(listo), robust=True)
    return documento


def _borrar_anterior(anterior: str, actual: str) -> None:
    if anterior and anterior != actual:
        from django.core.files.storage import default_storage

        default_storage.delete(anterior)


def _marcar_error(documento_id: int, mensaje: str) -> Documento:
    Documento.objects.filter(pk=documento_id).update(
        estado=Documento.Estado.ERROR, error=mensaje[:2000], actualizado=timezone.now()
    )
    cambio_publico()  # a status page shows the state; update() sends no signal
    return Documento.objects.get(pk=documento_id)


def _volver_a_pendiente(documento_id: int) -> None:
    # If the database is down this fails too; the sweep puts the row back past the limit.
    with contextlib.suppress(DatabaseError):
        Documento.objects.filter(pk=documento_id, estado=Documento.Estado.GENERANDO).update(
            estado=Documento.Estado.PENDIENTE, generando_desde=None
        )
        cambio_publico()


def documentos_barrer(*, antiguedad: int = ANTIGUEDAD_REENCOLAR, limite: int = 200) -> int:
    """Re-enqueue pending rows not enqueued for antiguedad seconds and rows stuck generating.

    A row "generando" whose generator died is put back to pendiente and enqueued at once on
    PostgreSQL (nobody holds its lock), after the hard time limit elsewhere.
    Returns how many were enqueued; stops at the first broker failure (the next sweep retries).
    """
    ahora = timezone.now()
    rescatados = _rescatar_huerfanos(ahora)
    pendientes = (
        Documento.objects.filter(estado=Documento.Estado.PENDIENTE)
        .exclude(pk__in=rescatados)
        .annotate(ultimo_envio=Coalesce("encolado", "creado"))
        .filter(ultimo_envio__lte=ahora - timedelta(seconds=antiguedad))
        .order_by("creado")
        .values_list("pk", flat=True)[: max(limite - len(rescatados), 0)]
    )
    enviados = 0
    for documento_id in [*rescatados, *pendientes]:
        if not _encolar(documento_id):
            break
        enviados += 1
    return enviados


def _rescatar_huerfanos(ahora) -> list[int]:
    """Put back to pendiente the rows "generando" whose generator is dead; return their ids."""
    pendiente = {
        "estado": Documento.Estado.PENDIENTE,
        "generando_desde": None,
        "actualizado": ahora,
    }
    if not _con_cerrojos():
        Documento.objects.filter(
            estado=Documento.Estado.GENERANDO,
            generando_desde__lt=ahora - timedelta(seconds=LIMITE_GENERACION + 30),
        ).update(**pendiente)
        return []  # their old encolado makes them due below
    # Rows first, locks second: a row whose lock is free after it was read is orphaned, unless a
    # new generator took it in between, which changes generando_desde.
    candidatos = list(
        Documento.objects.filter(estado=Documento.Estado.GENERANDO).values_list(
            "pk", "generando_desde"
        )
    )
    if not candidatos:
        return []
    vivos = _documentos_con_cerrojo()
    rescatados = []
    for documento_id, desde in candidatos:
        if documento_id in vivos:
            continue
        if Documento.objects.filter(
            pk=documento_id, estado=Documento.Estado.GENERANDO, generando_desde=desde
        ).update(**pendiente):
            logger.warning("Documento %s: su generación murió, vuelve a la cola", documento_id)
            rescatados.append(documento_id)
    return rescatados


def documentos_de(*, modelo: type[models.Model], pks, tipo: str) -> models.QuerySet[Documento]:
    """Every version of the documents of kind tipo of these source objects."""
    return Documento.objects.filter(
        content_type=ContentType.objects.get_for_model(modelo),
        object_id__in=[str(pk) for pk in pks],
        tipo=tipo,
    )


def documento_de(fuente: models.Model, tipo: str) -> Documento | None:
    """The latest version of the document of kind tipo made from fuente, whatever its state."""
    return (
        documentos_de(modelo=type(fuente), pks=[fuente.pk], tipo=tipo)
        .order_by("-version", "-creado")
        .first()
    )


@transaction.atomic
def documentos_regenerar(*, documentos: models.QuerySet[Documento]) -> int:
    """Render documents again because what they show changed without a new version (e.g. a
    person withdrew consent to be named): pendiente at once, so the old file is no longer
    served, and enqueued after commit. Returns how many."""
    # One being rendered right now is sent back too: its render, started on the old data, is
    # then discarded when it ends (_generar) and made again.
    ids = list(documentos.select_for_update().values_list("pk", flat=True))
    Documento.objects.filter(pk__in=ids).update(
        estado=Documento.Estado.PENDIENTE, error="", encolado=None, actualizado=timezone.now()
    )
    cambio_publico()
    for documento_id in ids:
        transaction.on_commit(lambda documento_id=documento_id: _encolar(documento_id))
    return len(ids)


def documentos_reintentar(*, ids: list[int]) -> int:
    """Put documents in error back to pendiente and enqueue them (the admin's action)."""
    with transaction.atomic():
        reintentar = list(
            Documento.objects.select_for_update()
            .filter(pk__in=ids, estado=Documento.Estado.ERROR)
            .values_list("pk", flat=True)
        )
        Documento.objects.filter(pk__in=reintentar).update(
            estado=Documento.Estado.PENDIENTE, error="", actualizado=timezone.now()
        )
        cambio_publico()
    return sum(1 for documento_id in reintentar if _encolar(documento_id))
