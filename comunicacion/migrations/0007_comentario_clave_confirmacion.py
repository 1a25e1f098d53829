import secrets

from django.db import migrations, models

import comunicacion.models.consulta


def una_clave_por_comentario(apps, schema_editor):
    """AddField gave every existing comment the same key: each gets its own."""
    Comentario = apps.get_model("comunicacion", "Comentario")
    for comentario in Comentario.objects.only("pk").iterator():
        Comentario.objects.filter(pk=comentario.pk).update(
            clave_confirmacion=secrets.token_urlsafe(16)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("comunicacion", "0006_comentario_confirmacion_enviada"),
    ]

    operations = [
        migrations.AddField(
            model_name="comentario",
            name="clave_confirmacion",
            field=models.CharField(
                default=comunicacion.models.consulta.nueva_clave_comentario,
                editable=False,
                max_length=32,
            ),
        ),
        migrations.RunPython(una_clave_por_comentario, migrations.RunPython.noop),
    ]
