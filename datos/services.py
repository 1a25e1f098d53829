"""Building the open-data bundle, and knowing when the public data changed since the last one.

Every save or delete of a row of the apps the API draws on moves a change mark (a number kept in
the cache, see marca_de_cambios). A bundle remembers the mark it was built at; while the mark has
not moved the bundle is current. The beat task (datos.tasks.actualizar_paquete_datos, every
INTERVALO minutes) rebuilds a stale bundle, so a burst of edits costs one build; a request that
finds no bundle at all asks for one at once. A build whose data files are byte for byte the last
one's keeps the old file and date (an edit to a draft moves the mark, not the data).
"""

import hashlib
import io
import json
import logging
import time
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override

from core.cache import APPS_PUBLICAS, invalidar_paginas_publicas
from core.colas import encolar_tras_commit
from core.exportar import csv_bytes

from . import dcat, recursos
from .models import PaqueteDatos

logger = logging.getLogger(__name__)

CLAVE_MARCA = "datos:marca"
CLAVE_PEDIDO = "datos:pedido"  # a build asked for by a request and not yet done
CARPETA = "datos/paquetes"
NOMBRE_ZIP = "pactos-pichincha-datos-abiertos"
# Builds kept in storage besides the newest (a download that started keeps its file).
CONSERVAR = 3
# Apps whose rows the API serves; core's generated documents are not data.
APPS_DE_DATOS = APPS_PUBLICAS - {"core"}


def _ahora_us() -> int:
    return time.time_ns() // 1000


def marca_de_cambios() -> int:
    """The change mark: microseconds of the last change of public data. When the cache lost it,
    it starts again at now, later than any bundle's mark, so the bundle is rebuilt once."""
    cache.add(CLAVE_MARCA, _ahora_us(), timeout=None)
    return int(cache.get(CLAVE_MARCA) or _ahora_us())


def _marcar_cambio() -> None:
    try:
        cache.set(CLAVE_MARCA, _ahora_us(), timeout=None)
    except Exception:
        logger.warning("No se pudo marcar el cambio de datos abiertos", exc_info=True)


def _cambio_de_datos(sender, using=None, **kwargs) -> None:
    if sender._meta.app_label not in APPS_DE_DATOS:
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    _marcar_cambio()
    # Once more after commit: a build that read the data before the commit took this mark.
    conexion = transaction.get_connection(using)
    if conexion.in_atomic_block and not any(
        funcion is _marcar_cambio for _, funcion, _ in conexion.run_on_commit
    ):
        transaction.on_commit(_marcar_cambio, using=using)


def conectar_marca_de_cambios() -> None:
    for senal in (post_save, post_delete, m2m_changed):
        senal.connect(_cambio_de_datos, dispatch_uid=f"datos.marca.{senal!r}")


def paquete_obsoleto(paquete: PaqueteDatos | None) -> bool:
    if paquete is None:
        return True
    if marca_de_cambios() > paquete.marca:
        return True
    # Changes made without signals (queryset.update(), a restored database): at most a day late.
    return paquete.comprobado < timezone.now() - timedelta(days=1)


def _leeme(*, generado, archivos: list[dict]) -> str:
    return render_to_string(
        "datos/LEEME.txt",
        {
            "generado": timezone.localtime(generado),
            "archivos": archivos,
            "licencia": dcat.LICENCIA_NOMBRE,
            "licencia_url": dcat.LICENCIA_URL,
            "editor": dcat.EDITOR,
            "portal": settings.PORTAL_URL.rstrip("/"),
        },
    )


def paquete_construir() -> PaqueteDatos:
    """Build the bundle from the API's resources; return the newest row (the same one when the
    data did not change)."""
    marca = marca_de_cambios()
    generado = timezone.now()
    archivos, datos = _contenidos()
    huella = _huella(datos)
    anterior = PaqueteDatos.objects.first()
    if anterior is not None and anterior.huella == huella:
        PaqueteDatos.objects.filter(pk=anterior.pk).update(
            marca=max(anterior.marca, marca), comprobado=generado
        )
        anterior.refresh_from_db()
        return anterior

    paquete = PaqueteDatos(
        generado=generado, comprobado=generado, marca=marca, huella=huella, recursos=archivos
    )
    contenido_zip = _zip(paquete, datos)
    nombre = f"{CARPETA}/{NOMBRE_ZIP}-{timezone.localtime(generado):%Y%m%d-%H%M%S}.zip"
    paquete.archivo = default_storage.save(nombre, ContentFile(contenido_zip))
    paquete.tamano = len(contenido_zip)
    paquete.checksum = hashlib.sha256(contenido_zip).hexdigest()
    paquete.save()
    _borrar_antiguos()
    # The landing page shows the bundle's date and size: cached public pages render again.
    invalidar_paginas_publicas()
    return paquete


def _contenidos() -> tuple[list[dict], dict[str, bytes]]:
    """What each public resource of the API gives today: its description (the package's
    `recursos`) and {file name: CSV bytes}, the data dictionary included."""
    with override("es"):
        archivos, datos, diccionario = [], {}, []
        for recurso in recursos.recursos_publicos():
            filas_api = recursos.filas(recurso)
            contenido = recursos.csv_de(recurso, filas_api)
            datos[recurso.archivo] = contenido
            archivos.append(
                {
                    "recurso": recurso.nombre,
                    "archivo": recurso.archivo,
                    "titulo": recurso.titulo,
                    "descripcion": recurso.descripcion,
                    "ruta": recurso.ruta,
                    "filas": len(filas_api),
                    "tamano": len(contenido),
                }
            )
            diccionario += [
                [recurso.archivo, *fila]
                for fila in recursos.diccionario(recurso, filas_api, contenido)
            ]
        datos["diccionario.csv"] = csv_bytes(
            diccionario, cabecera=["archivo", "columna", "tipo", "significado"]
        )
    return archivos, datos


def _huella(datos: dict[str, bytes]) -> str:
    """A fingerprint of the files' names and contents: the same data, the same fingerprint."""
    huella = hashlib.sha256()
    for nombre in sorted(datos):
        huella.update(nombre.encode() + b"\0" + datos[nombre] + b"\0")
    return huella.hexdigest()


def _zip(paquete: PaqueteDatos, datos: dict[str, bytes]) -> bytes:
    """The ZIP: the LÉAME, the CSV files and the DCAT catalogue."""
    paquete.tamano = 0  # the catalogue inside the ZIP names the sizes of the CSV files only
    catalogo = dcat.catalogo(paquete)
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", compression=zipfile.ZIP_DEFLATED) as archivo_zip:
        with override("es"):
            archivo_zip.writestr(
                "LEEME.txt", _leeme(generado=paquete.generado, archivos=paquete.recursos)
            )
        for nombre, contenido in datos.items():
            archivo_zip.writestr(nombre, contenido)
        archivo_zip.writestr(
            "catalogo.jsonld", json.dumps(catalogo, ensure_ascii=False, indent=2).encode()
        )
    return salida.getvalue()


def _borrar_antiguos() -> None:
    for viejo in PaqueteDatos.objects.all()[CONSERVAR + 1 :]:
        try:
            default_storage.delete(viejo.archivo)
        except Exception:
            logger.warning("No se pudo borrar %s", viejo.archivo, exc_info=True)
        viejo.delete()


def paquete_actualizar() -> PaqueteDatos | None:
    """Build the bundle if it is missing or stale (the beat task and the on-request path)."""
    actual = PaqueteDatos.objects.first()
    if not paquete_obsoleto(actual):
        cache.delete(CLAVE_PEDIDO)
        return actual
    paquete = paquete_construir()
    cache.delete(CLAVE_PEDIDO)
    return paquete


def paquete_pedir() -> None:
    """A request found no bundle: enqueue one build (one at a time across processes)."""
    if not cache.add(CLAVE_PEDIDO, 1, timeout=60):
        return
    from .tasks import actualizar_paquete_datos

    encolar_tras_commit(actualizar_paquete_datos)
