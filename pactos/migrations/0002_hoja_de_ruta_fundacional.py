from django.db import migrations

from pactos.hoja_de_ruta_fundacional import ACTIVIDADES, PRODUCTOS


def cargar(apps, schema_editor):
    ProductoPrograma = apps.get_model("pactos", "ProductoPrograma")
    Actividad = apps.get_model("pactos", "Actividad")
    productos = {}
    for numero, codigo, nombre, descripcion in PRODUCTOS:
        productos[numero], _ = ProductoPrograma.objects.update_or_create(
            numero=numero, defaults={"codigo": codigo, "nombre": nombre, "descripcion": descripcion}
        )
    por_codigo = {}
    orden_en_bloque = {}
    for codigo, bloque, nombre, es_hito, numeros, _deps in ACTIVIDADES:
        orden_en_bloque[bloque] = orden_en_bloque.get(bloque, 0) + 1
        actividad, creada = Actividad.objects.get_or_create(
            codigo=codigo,
            defaults={
                "bloque": bloque,
                "nombre": nombre,
                "es_hito": es_hito,
                "orden": orden_en_bloque[bloque],
            },
        )
        if creada:
            actividad.productos.set([productos[n] for n in numeros])
        por_codigo[codigo] = (actividad, creada)
    for codigo, _bloque, _nombre, _hito, _numeros, dependencias in ACTIVIDADES:
        actividad, creada = por_codigo[codigo]
        if creada:
            actividad.dependencias.set([por_codigo[d][0] for d in dependencias])


class Migration(migrations.Migration):
    dependencies = [("pactos", "0001_initial")]
    operations = [migrations.RunPython(cargar, migrations.RunPython.noop)]
