"""Kinds of generated documents of pactos/, registered in core's pipeline from ready()."""

from . import hoja_de_ruta, pactos


def registrar() -> None:
    hoja_de_ruta.registrar()
    pactos.registrar()
