"""What the fault tests check about the acta a closed session produces, and how they wait for it.

The instrumented workers (worker_instrumentado) leave their marks in `workers.registro`, and
write the PDFs to `workers.medios`.
"""

import io
import time

from pypdf import PdfReader

from core.models import Documento
from mesas import selectors as mesas_selectors
from mesas import services as mesas_services


def esperar(condicion, segundos: float, que: str):
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        if resultado := condicion():
            return resultado
        time.sleep(0.1)
    raise AssertionError(f"no ocurrió en {segundos} s: {que}")


def esperar_lista(documento, segundos: float, que: str) -> Documento:
    """The document once a worker has produced it."""
    return esperar(
        lambda: Documento.objects.filter(pk=documento.pk, estado=Documento.Estado.LISTO).first(),
        segundos,
        que,
    )


def generando_en(registro, documento) -> list:
    """The pids that started generating the document, in order."""
    marcas = sorted(registro.glob(f"generando-{documento.pk}-*"), key=lambda m: m.stat().st_mtime)
    return [int(m.name.rsplit("-", 1)[1]) for m in marcas]


def producciones(registro, documento) -> int:
    log = registro / "producidos.log"
    if not log.exists():
        return 0
    return sum(1 for linea in log.read_text().splitlines() if linea.split()[0] == str(documento.pk))


def archivos(medios) -> list:
    return [ruta for ruta in medios.rglob("*") if ruta.is_file()]


def comprobar_una_sola_acta(documento, workers):
    documento.refresh_from_db()
    assert documento.estado == Documento.Estado.LISTO, documento.error
    assert Documento.objects.filter(tipo="acta").count() == 1
    assert producciones(workers.registro, documento) == 1
    assert len(archivos(workers.medios)) == 1
    texto = "\n".join(
        pagina.extract_text() for pagina in PdfReader(io.BytesIO(documento.archivo.read())).pages
    )
    assert "Acta de la sesión" in texto and "Levantar el inventario turístico" in texto


def cerrar(sesion, facilitadora):
    sesion = mesas_services.sesion_cerrar(
        sesion=sesion, version=sesion.version, usuario=facilitadora
    )  # the task is sent to Redis when the transaction commits
    return mesas_selectors.acta_actual(sesion=sesion)
