"""Every recorded item gets the id its device made (`uid`), so a repeat is stored once; existing
rows get their own. Agenda items are ordered by time. Corrections go to the session's history."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELOS = ("Acuerdo", "Asistencia", "Intervencion", "Prioridad", "PuntoAgenda", "TemaPendiente")


def dar_uid(apps, schema_editor):
    """Each existing row its own uuid (a callable default gives one value to every row)."""
    for nombre in MODELOS:
        modelo = apps.get_model("mesas", nombre)
        filas = list(modelo.objects.filter(uid__isnull=True).only("pk"))
        for fila in filas:
            fila.uid = uuid.uuid4()
        modelo.objects.bulk_update(filas, ["uid"], batch_size=500)
    # the history of an agreement carries the agreement's uid
    Acuerdo = apps.get_model("mesas", "Acuerdo")
    HistoricalAcuerdo = apps.get_model("mesas", "HistoricalAcuerdo")
    HistoricalAcuerdo.objects.filter(uid__isnull=True).update(
        uid=models.Subquery(Acuerdo.objects.filter(pk=models.OuterRef("id")).values("uid")[:1])
    )
    HistoricalAcuerdo.objects.filter(uid__isnull=True).update(uid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("mesas", "0005_acta_publica_de_sesiones_cerradas"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="puntoagenda",
            options={
                "ordering": ["sesion", models.OrderBy(models.F("hora"), nulls_last=True), "orden"],
                "verbose_name": "punto de agenda",
                "verbose_name_plural": "puntos de agenda",
            },
        ),
        migrations.AddField(
            model_name="acuerdo",
            name="uid",
            field=models.UUIDField(null=True, editable=False, verbose_name="identificador"),
        ),
        migrations.AddField(
            model_name="asistencia",
            name="uid",
            field=models.UUIDField(null=True, editable=False, verbose_name="identificador"),
        ),
        migrations.AddField(
            model_name="historicalacuerdo",
            name="uid",
            field=models.UUIDField(
                db_index=True, null=True, editable=False, verbose_name="identificador"
            ),
        ),
        migrations.AddField(
            model_name="intervencion",
            name="uid",
            field=models.UUIDField(null=True, editable=False, verbose_name="identificador"),
        ),
        migrations.AddField(
            model_name="prioridad",
            name="uid",
            field=models.UUIDField(null=True, editable=False, verbose_name="identificador"),
        ),
        migrations.AddField(
            model_name="puntoagenda",
            name="uid",
            field=models.UUIDField(null=True, editable=False, verbose_name="identificador"),
        ),
        migrations.AddField(
            model_name="temapendiente",
            name="uid",
            field=models.UUIDField(null=True, editable=False, verbose_name="identificador"),
        ),
        migrations.RunPython(dar_uid, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="acuerdo",
            name="uid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="identificador"
            ),
        ),
        migrations.AlterField(
            model_name="asistencia",
            name="uid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="identificador"
            ),
        ),
        migrations.AlterField(
            model_name="intervencion",
            name="uid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="identificador"
            ),
        ),
        migrations.AlterField(
            model_name="prioridad",
            name="uid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="identificador"
            ),
        ),
        migrations.AlterField(
            model_name="puntoagenda",
            name="uid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="identificador"
            ),
        ),
        migrations.AlterField(
            model_name="temapendiente",
            name="uid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="identificador"
            ),
        ),
        migrations.AlterField(
            model_name="historicalacuerdo",
            name="uid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="identificador"
            ),
        ),
        migrations.CreateModel(
            name="CambioSesion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("fecha", models.DateTimeField(auto_now_add=True, verbose_name="fecha")),
                (
                    "tipo",
                    models.CharField(
                        choices=[
                            ("asistencia", "Asistencia"),
                            ("agenda", "Punto de agenda"),
                            ("intervencion", "Intervención"),
                            ("prioridad", "Prioridad"),
                            ("acuerdo", "Acuerdo"),
                            ("tema", "Tema pendiente"),
                        ],
                        max_length=14,
                        verbose_name="tipo de ítem",
                    ),
                ),
                (
                    "accion",
                    models.CharField(
                        choices=[("editado", "corrigió"), ("eliminado", "eliminó")],
                        max_length=10,
                        verbose_name="acción",
                    ),
                ),
                ("descripcion", models.CharField(max_length=300, verbose_name="ítem")),
                ("cambios", models.JSONField(blank=True, default=list, verbose_name="cambios")),
                (
                    "sesion",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="cambios",
                        to="mesas.sesion",
                        verbose_name="sesión",
                    ),
                ),
                (
                    "usuario",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="usuario",
                    ),
                ),
            ],
            options={
                "verbose_name": "cambio en la sesión",
                "verbose_name_plural": "cambios en la sesión",
                "ordering": ["sesion", "-fecha", "-pk"],
            },
        ),
    ]
