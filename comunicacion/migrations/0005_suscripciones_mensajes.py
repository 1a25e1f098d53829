from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("comunicacion", "0004_consulta")]

    operations = []
