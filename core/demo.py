"""Demo content: the demo accounts here, and a registry that higher apps fill in when they load.

An app adds its demo loader from its extensiones.registrar() with
CARGADORES_DEMO.registrar(clave, funcion, orden=...): the loaders run in `orden`; the key is
what the summary calls it; the function takes keyword arguments (usuarios, salida), returns a
short summary (or None) and must be idempotent.
"""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .registro import Registro
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

CARGADORES_DEMO: Registro[Callable] = Registro("cargadores de datos de demostración")


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
    for cargador in CARGADORES_DEMO.contribuciones():  # a failing loader stops the load, loudly
        resultado = cargador.valor(usuarios=usuarios, salida=salida)
        resumen.append(f"{cargador.clave}: {resultado or 'listo'}")
    return resumen
