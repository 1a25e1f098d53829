"""Issue 14 item 8: the stakeholder map opens for every staff role on the embedded default
(SQLite), which refuses a UNION of sliced querysets; CI runs the suite on PostgreSQL, so this test
runs the page in a child process on an in-memory SQLite database."""

from actores.analisis import MAX_PUNTOS_POR_CELDA
from tests.sqlite_en_memoria import correr_en_sqlite

GUION = """
from django.test import Client
from django.test.utils import setup_test_environment

setup_test_environment()
assert connection.vendor == "sqlite", connection.vendor
call_command("migrate", run_syncdb=True, verbosity=0)

from django.apps import apps
from django.contrib.auth.models import Group, User
import importlib

importlib.import_module("core.migrations.0001_grupos").crear_grupos(apps, None)
from actores.models import Actor
from core.roles import Rol

for i in range(N):
    Actor.objects.create(
        nombre=f"Organización {i:02d}",
        naturaleza=Actor.Naturaleza.ORGANIZACION,
        tipo=Actor.Tipo.PUBLICO,
        ambito=Actor.Ambito.PROVINCIAL,
        influencia=5 if i % 2 else 2,
        interes=4 if i % 2 else 1,
    )
respuestas = {}
for rol in Rol.values:
    usuario = User.objects.create_user(username=f"u{len(respuestas)}", password="x")
    usuario.groups.add(Group.objects.get(name=rol))
    cliente = Client(raise_request_exception=False)
    cliente.force_login(usuario)
    r = cliente.get("/actores/mapa/")
    respuestas[rol] = {"estado": r.status_code, "html": r.content.decode()}
print("RESULTADO" + json.dumps(respuestas))
"""


def test_el_mapa_de_actores_abre_en_sqlite_para_cada_rol_del_equipo():
    n = 2 * MAX_PUNTOS_POR_CELDA + 6  # more than one cell's worth of dots in two cells
    respuestas = correr_en_sqlite(GUION.replace("range(N)", f"range({n})"))
    assert {rol: r["estado"] for rol, r in respuestas.items()} == dict.fromkeys(respuestas, 200)
    html = respuestas["Coordinación"]["html"]
    assert "Organización 00" in html and "Organización 01" in html
