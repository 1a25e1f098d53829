from django.db import migrations

ROLES = ["Coordinación", "Facilitación", "Comunicación", "Análisis SIE", "Administración"]


def crear_grupos(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for nombre in ROLES:
        Group.objects.get_or_create(name=nombre)


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(crear_grupos, migrations.RunPython.noop)]
