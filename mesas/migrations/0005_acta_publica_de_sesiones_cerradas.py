"""Every published session gets its published acta (names only with consent) as a pending
document; the document sweep (celery beat) generates it. Until then the session offers no PDF:
the acta for signature, with every name, is no longer public."""

from django.db import migrations


def crear_actas_publicas(apps, schema_editor):
    Sesion = apps.get_model("mesas", "Sesion")
    Documento = apps.get_model("core", "Documento")
    ContentType = apps.get_model("contenttypes", "ContentType")
    sesiones = Sesion.objects.filter(
        estado="acta_publicada", acta_version__gt=0
    ).values_list("pk", "acta_version")
    if not sesiones:
        return
    tipo_sesion, _ = ContentType.objects.get_or_create(app_label="mesas", model="sesion")
    for pk, version in sesiones:
        Documento.objects.get_or_create(
            content_type=tipo_sesion,
            object_id=str(pk),
            tipo="acta_publica",
            version=version,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("mesas", "0004_acuerdo_indicador"),
        ("core", "0002_documento"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(crear_actas_publicas, migrations.RunPython.noop)]
