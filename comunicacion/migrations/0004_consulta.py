import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("comunicacion", "0003_mensaje_publicar"),
        ("pactos", "0004_compromiso_indicador_sie"),
        ("sie", "0004_catalogo_indicadores"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Consulta",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("presentacion", models.TextField(blank=True, help_text="Qué se consulta y cómo se usarán los comentarios.", max_length=2000, verbose_name="presentación")),
                ("abre", models.DateTimeField(verbose_name="abre")),
                ("cierra", models.DateTimeField(verbose_name="cierra")),
                ("estado", models.CharField(choices=[("abierta", "Abierta"), ("cerrada", "Cerrada")], default="abierta", max_length=8, verbose_name="estado")),
                ("cerrada_en", models.DateTimeField(blank=True, null=True, verbose_name="cerrada en")),
                ("creada", models.DateTimeField(auto_now_add=True, verbose_name="creada")),
                ("abierta_por", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="abierta por")),
                ("cerrada_por", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="cerrada por")),
                ("version", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="consultas", to="pactos.versionpacto", verbose_name="versión del pacto")),
            ],
            options={
                "verbose_name": "consulta pública",
                "verbose_name_plural": "consultas públicas",
                "ordering": ["-abre", "-pk"],
                "constraints": [
                    models.CheckConstraint(condition=models.Q(("cierra__gt", models.F("abre"))), name="consulta_cierra_despues_de_abrir", violation_error_message="La consulta debe cerrar después de abrir."),
                    models.UniqueConstraint(condition=models.Q(("estado", "abierta")), fields=("version",), name="consulta_abierta_unica_por_version", violation_error_message="Esta versión del pacto ya tiene una consulta abierta."),
                ],
            },
        ),
        migrations.CreateModel(
            name="RespuestaOficial",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("texto", models.TextField(max_length=4000, verbose_name="respuesta")),
                ("decision", models.CharField(choices=[("incorporado", "Incorporado a la siguiente versión"), ("parcial", "Incorporado en parte"), ("no_incorporado", "No incorporado"), ("no_aplica", "Sin cambios en el texto (aclaración)")], default="no_aplica", max_length=15, verbose_name="qué pasa con lo propuesto")),
                ("creada", models.DateTimeField(auto_now_add=True, verbose_name="respondida en")),
                ("autor", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="respondida por")),
                ("consulta", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="respuestas", to="comunicacion.consulta", verbose_name="consulta")),
            ],
            options={
                "verbose_name": "respuesta oficial",
                "verbose_name_plural": "respuestas oficiales",
                "ordering": ["consulta", "creada", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Comentario",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("destino", models.CharField(choices=[("texto", "Todo el texto"), ("seccion", "Una sección"), ("compromiso", "Un compromiso")], default="texto", max_length=10, verbose_name="sobre qué comenta")),
                ("seccion", models.CharField(blank=True, choices=[("preambulo", "Preámbulo"), ("estrategia", "Estrategia"), ("objetivos", "Objetivos")], max_length=10, verbose_name="sección")),
                ("compromiso_etiqueta", models.CharField(blank=True, max_length=260, verbose_name="compromiso comentado")),
                ("tipo", models.CharField(choices=[("apoyo", "Apoyo"), ("preocupacion", "Preocupación"), ("propuesta", "Propuesta")], max_length=12, verbose_name="tipo de comentario")),
                ("texto", models.TextField(max_length=2000, verbose_name="comentario")),
                ("nombre", models.CharField(max_length=120, verbose_name="nombre")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="correo electrónico")),
                ("estado", models.CharField(choices=[("pendiente", "Pendiente de confirmación"), ("publicado", "Publicado"), ("oculto", "Oculto por moderación")], default="pendiente", max_length=10, verbose_name="estado")),
                ("creado", models.DateTimeField(auto_now_add=True, verbose_name="enviado")),
                ("publicado_en", models.DateTimeField(blank=True, null=True, verbose_name="publicado en")),
                ("motivo_ocultacion", models.CharField(blank=True, max_length=300, verbose_name="motivo público")),
                ("oculto_en", models.DateTimeField(blank=True, null=True, verbose_name="oculto en")),
                ("respuesta_enviada_en", models.DateTimeField(blank=True, null=True, verbose_name="respuesta enviada en")),
                ("canton", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to="sie.canton", verbose_name="cantón")),
                ("compromiso", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="comentarios_consulta", to="pactos.compromiso", verbose_name="compromiso")),
                ("consulta", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="comentarios", to="comunicacion.consulta", verbose_name="consulta")),
                ("oculto_por", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="oculto por")),
                ("respuesta", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="comentarios", to="comunicacion.respuestaoficial", verbose_name="respuesta oficial")),
                ("sector", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to="sie.sector", verbose_name="sector")),
                ("usuario", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="comentarios_consulta", to=settings.AUTH_USER_MODEL, verbose_name="usuario")),
            ],
            options={
                "verbose_name": "comentario de consulta",
                "verbose_name_plural": "comentarios de consulta",
                "ordering": ["consulta", "creado", "pk"],
                "indexes": [models.Index(fields=["consulta", "estado"], name="comentario_consulta_estado_idx")],
                "constraints": [
                    models.CheckConstraint(condition=models.Q(models.Q(("estado", "oculto"), _negated=True), models.Q(("motivo_ocultacion", ""), _negated=True), _connector="OR"), name="comentario_oculto_con_motivo", violation_error_message="Escriba el motivo público para ocultar el comentario."),
                    models.CheckConstraint(condition=models.Q(models.Q(("email", ""), _negated=True), ("usuario__isnull", False), _connector="OR"), name="comentario_con_correo_o_usuario"),
                    models.CheckConstraint(condition=models.Q(models.Q(("compromiso_etiqueta", ""), ("destino", "texto"), ("seccion", "")), models.Q(("compromiso_etiqueta", ""), ("destino", "seccion"), models.Q(("seccion", ""), _negated=True)), models.Q(("destino", "compromiso"), ("seccion", ""), models.Q(("compromiso_etiqueta", ""), _negated=True)), _connector="OR"), name="comentario_destino_coherente"),
                ],
            },
        ),
    ]
