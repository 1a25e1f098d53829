"""What a separate process (a Celery worker, a portal booted with production settings) needs to
work on the test's own database."""

from django.db import connection


def url_base_de_datos_de_prueba() -> str:
    datos = connection.settings_dict
    usuario = datos["USER"] or "postgres"
    clave = f":{datos['PASSWORD']}" if datos.get("PASSWORD") else ""
    return (
        f"postgres://{usuario}{clave}@{datos['HOST'] or '127.0.0.1'}:{datos['PORT'] or 5432}"
        f"/{datos['NAME']}"
    )
