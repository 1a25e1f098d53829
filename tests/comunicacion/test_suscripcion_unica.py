"""Issue 14 item 8: one subscription per address and topic, enforced by the database on
PostgreSQL and on SQLite (the embedded default), where `check --deploy` warned that the
NULLS NOT DISTINCT constraint would not be created."""

import pytest
from django.core import checks
from django.db import IntegrityError, transaction

from comunicacion.models import Suscripcion
from pactos.models import Pacto
from sie.models import Canton, Eje
from tests.sqlite_en_memoria import correr_en_sqlite


def _temas():
    canton = Canton.objects.first()
    eje = Eje.objects.first()
    pacto = Pacto.objects.create(eje=eje, titulo="Pacto")
    return [
        {"tipo": "noticias"},
        {"tipo": "canton", "canton": canton},
        {"tipo": "eje", "eje": eje},
        {"tipo": "pacto", "pacto": pacto},
    ]


@pytest.mark.django_db
def test_postgresql_rechaza_la_misma_suscripcion_dos_veces():
    temas = _temas()
    for tema in temas:
        Suscripcion.objects.create(email="rosa@example.org", **tema)
        Suscripcion.objects.create(email="otra@example.org", **tema)
        with pytest.raises(IntegrityError), transaction.atomic():
            Suscripcion.objects.create(email="rosa@example.org", **tema)
    # Another canton is another topic.
    otro = Canton.objects.exclude(pk=temas[1]["canton"].pk).first()
    Suscripcion.objects.create(email="rosa@example.org", tipo="canton", canton=otro)
    assert Suscripcion.objects.filter(email="rosa@example.org").count() == 5


@pytest.mark.django_db
def test_los_modelos_no_avisan_de_restricciones_sin_crear_en_postgresql():
    avisos = [f"{m.id}: {m.msg}" for m in checks.run_checks(databases=["default"]) if m.level >= 30]
    assert avisos == []


GUION = """
from django.db import IntegrityError, transaction

salida = io.StringIO()
try:
    call_command("check", deploy=True, fail_level="WARNING", stdout=salida, stderr=salida)
    check = "ok"
except Exception as exc:
    check = f"{exc}\\n{salida.getvalue()}"
call_command("migrate", run_syncdb=True, verbosity=0)
from comunicacion.models import Suscripcion
from sie.models import Canton, Eje

canton = Canton.objects.create(codigo="1701", nombre="Quito")
eje = Eje.objects.create(codigo="turismo", nombre="Turismo")
rechazadas = []
for tema in ({"tipo": "noticias"}, {"tipo": "canton", "canton": canton}, {"tipo": "eje", "eje": eje}):
    Suscripcion.objects.create(email="rosa@example.org", **tema)
    try:
        with transaction.atomic():
            Suscripcion.objects.create(email="rosa@example.org", **tema)
    except IntegrityError:
        rechazadas.append(tema["tipo"])
print("RESULTADO" + json.dumps({"check": check, "rechazadas": rechazadas}))
"""


def test_en_sqlite_check_deploy_no_avisa_y_la_restriccion_se_cumple():
    resultado = correr_en_sqlite(
        GUION,
        DJANGO_DEBUG="0",
        PORTAL_URL="https://pactos.example",
        DJANGO_ALLOWED_HOSTS="pactos.example",
        DJANGO_SECRET_KEY="una-clave-larga-y-aleatoria-de-prueba-" + "x7Q!" * 10,
    )
    assert resultado["check"] == "ok"
    assert resultado["rechazadas"] == ["noticias", "canton", "eje"]
