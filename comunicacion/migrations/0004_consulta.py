from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("comunicacion", "0003_mensaje_publicar")]

    operations = []
