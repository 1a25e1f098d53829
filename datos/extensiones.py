"""What datos contributes: it listens to the lower apps' writes to know when the bundle is stale."""

from .services import conectar_marca_de_cambios


def registrar() -> None:
    conectar_marca_de_cambios()
