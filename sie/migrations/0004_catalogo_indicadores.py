from django.db import migrations

from sie.catalogo import INDICADORES


def cargar(apps, schema_editor):
    """Load the starting catalogue; rows already present (maybe edited) are left alone."""
    Indicador = apps.get_model("sie", "Indicador")
    Eje = apps.get_model("sie", "Eje")
    Sector = apps.get_model("sie", "Sector")
    ejes = {e.codigo: e for e in Eje.objects.all()}
    sectores = {s.slug: s for s in Sector.objects.all()}
    for orden, datos in enumerate(INDICADORES, start=1):
        datos = dict(datos)
        codigo = datos.pop("codigo")
        if Indicador.objects.filter(codigo=codigo).exists():
            continue
        datos["eje"] = ejes[datos.pop("eje")]
        datos["sector"] = sectores.get(datos.pop("sector", None))
        for campo in ("numerador", "denominador"):
            if campo in datos:
                datos[campo] = Indicador.objects.get(codigo=datos[campo])
        Indicador.objects.create(codigo=codigo, orden=orden, **datos)


class Migration(migrations.Migration):
    dependencies = [("sie", "0003_indicadores_mediciones_metas")]
    operations = [migrations.RunPython(cargar, migrations.RunPython.noop)]
