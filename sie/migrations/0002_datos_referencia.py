from django.db import migrations

from sie.referencia import CANTONES, EJES, SECTORES_AGROPECUARIOS, SUPERFICIE


def cargar(apps, schema_editor):
    Canton = apps.get_model("sie", "Canton")
    Parroquia = apps.get_model("sie", "Parroquia")
    Eje = apps.get_model("sie", "Eje")
    Sector = apps.get_model("sie", "Sector")
    for datos in CANTONES:
        datos = dict(datos)
        parroquias = datos.pop("parroquias")
        canton, _ = Canton.objects.update_or_create(
            codigo=datos.pop("codigo"), defaults={**datos, "superficie_fuente": SUPERFICIE}
        )
        for nombre in parroquias:
            Parroquia.objects.get_or_create(canton=canton, nombre=nombre, defaults={"tipo": "rural"})
    for datos in EJES:
        Eje.objects.update_or_create(codigo=datos["codigo"], defaults=datos)
    agro = Eje.objects.get(codigo="agropecuario")
    for orden, datos in enumerate(SECTORES_AGROPECUARIOS, start=1):
        datos = dict(datos)
        cantones = datos.pop("cantones")
        sector, _ = Sector.objects.get_or_create(
            slug=datos["slug"], defaults={**datos, "eje": agro, "orden": orden}
        )
        sector.cantones.set(Canton.objects.filter(codigo__in=cantones))


class Migration(migrations.Migration):
    dependencies = [("sie", "0001_initial")]
    operations = [migrations.RunPython(cargar, migrations.RunPython.noop)]
