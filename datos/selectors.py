"""Reading the open-data bundle."""

import zipfile

from django.core.files.storage import default_storage

from .models import PaqueteDatos


def paquete_actual() -> PaqueteDatos | None:
    """The newest bundle, or None before the first build."""
    return PaqueteDatos.objects.first()


def archivo_del_paquete(*, paquete: PaqueteDatos, nombre: str) -> bytes | None:
    """One file of the bundle's ZIP (a resource's CSV), or None when it holds none by that name."""
    with default_storage.open(paquete.archivo, "rb") as archivo, zipfile.ZipFile(archivo) as zip_:
        try:
            return zip_.read(nombre)
        except KeyError:
            return None
