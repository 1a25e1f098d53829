"""Demo content: the demo accounts here, and a registry that higher apps fill in when they load.

An app adds its demo loader from its AppConfig.ready() with registrar_demo(orden, funcion); the
function takes keyword arguments (usuarios, salida) and must be idempotent.
"""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .roles import Rol

DEMO_PASSWORD_POR_DEFECTO = "pichincha-demo"

CUENTAS_DEMO = [
    # usuario, nombre, apellido, correo, roles, staff
    (
        "coordinadora",
        "María Fernanda",
        "Guerrero",
        "coordinadora@demo.pichincha.gob.ec",
        [Rol.COORDINACION],
        False,
    ),
    (
        "facilitador",
        "Luis Alberto",
        "Quishpe",
        "facilitador@demo.pichincha.gob.ec",
        [Rol.FACILITACION],
        False,
    ),
    (
        "comunicacion",
        "Daniela",
        "Andrade",
        "comunicacion@demo.pichincha.gob.ec",
        [Rol.COMUNICACION],
        False,
    ),
    ("analista", "Jorge", "Cevallos", "analista@demo.pichincha.gob.ec", [Rol.ANALISIS], False),
    (
        "admin",
        "Administración",
        "del portal",
        "admin@demo.pichincha.gob.ec",
        [Rol.ADMINISTRACION],
        True,
    ),
]

_CARGADORES: list[tuple[int, str, Callable]] = []


def registrar_demo(orden: int, nombre: str, funcion: Callable) -> None:
    if all(n != nombre for _, n, _ in _CARGADORES):
        _CARGADORES.append((orden, nombre, funcion))


def cuentas_demo_crear(*, password: str) -> dict[str, object]:
    User = get_user_model()
    usuarios = {}
    for username, nombre, apellido, correo, roles, staff in CUENTAS_DEMO:
        user, creado = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": nombre,
                "last_name": apellido,
                "email": correo,
                "is_staff": staff,
                "is_superuser": staff,
            },
        )
        if creado:
            user.set_password(password)
            user.save(update_fields=["password"])
        user.groups.add(*Group.objects.filter(name__in=roles))
        usuarios[username] = user
    return usuarios


def cargar_todo(*, password: str, salida=None) -> list[str]:
    usuarios = cuentas_demo_crear(password=password)
    resumen = [f"Cuentas de demostración: {', '.join(usuarios)}"]
    for _, nombre, funcion in sorted(_CARGADORES, key=lambda c: c[0]):
        resultado = funcion(usuarios=usuarios, salida=salida)
        resumen.append(f"{nombre}: {resultado or 'listo'}")
    return resumen
