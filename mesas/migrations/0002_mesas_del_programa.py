from django.db import migrations

from mesas.referencia import NOTAS_METODOLOGICAS, mesas_del_programa


def crear_mesas(apps, schema_editor):
    Canton = apps.get_model("sie", "Canton")
    Sector = apps.get_model("sie", "Sector")
    Mesa = apps.get_model("mesas", "Mesa")
    cantones = Canton.objects.order_by("codigo").values_list("id", "codigo", "slug", "nombre")
    sectores = Sector.objects.filter(eje__codigo="agropecuario").order_by("orden", "nombre")
    sectores = sectores.values_list("id", "slug", "slug", "nombre")
    for datos in mesas_del_programa(cantones, sectores):
        clave = {"canton_id": datos["canton_id"]} if "canton_id" in datos else {
            "sector_id": datos["sector_id"]
        }
        if not Mesa.objects.filter(tipo=datos["tipo"], **clave).exists():
            Mesa.objects.create(notas_metodologicas=NOTAS_METODOLOGICAS, **datos)


class Migration(migrations.Migration):
    dependencies = [("mesas", "0001_inicial"), ("sie", "0002_datos_referencia")]
    operations = [migrations.RunPython(crear_mesas, migrations.RunPython.noop)]
