"""Health endpoint /health/: database, cache and Celery broker (django-health-check 4.8).

JSON with ?format=json or Accept: application/json; 503 when any service is down. The keys are
fixed names (database, cache, broker) so monitors do not depend on the library's reprs.
"""

import dataclasses
import datetime
import json

from celery import current_app
from django.http import JsonResponse
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class BaseDeDatos(Database):
    def __repr__(self) -> str:
        return "database"


@dataclasses.dataclass
class Cache_(Cache):
    def __repr__(self) -> str:
        return "cache"


@dataclasses.dataclass
class Broker(HealthCheck):
    """Opens a connection to Celery's broker with a short timeout.

    With REDIS_URL unset the broker is "memory://": tasks run in process, which is healthy.
    """

    timeout = datetime.timedelta(seconds=3)
    detalle = ""

    def __repr__(self) -> str:
        return "broker"

    def run(self) -> None:
        app = current_app
        if app.conf.task_always_eager or str(app.conf.broker_url).startswith("memory://"):
            self.detalle = "en proceso (memory://): las tareas se ejecutan sin Redis"
            return
        conexion = app.connection_for_write()
        conexion.connect_timeout = 2
        try:
            conexion.ensure_connection(max_retries=1, interval_start=0, timeout=2)
        except Exception as exc:
            raise ServiceUnavailable(
                f"el broker de Celery no responde ({type(exc).__name__})"
            ) from exc
        finally:
            conexion.release()
        self.detalle = f"{conexion.transport_cls} conectado"


class SaludView(HealthCheckView):
    checks = (BaseDeDatos, Cache_, Broker)

    async def get(self, request, *args, **kwargs):
        respuesta = await super().get(request, *args, **kwargs)
        if respuesta.status_code == 500:
            respuesta.status_code = 503
        return respuesta

    def render_to_response_json(self, status):
        respuesta = super().render_to_response_json(status)
        detalles = {
            repr(r.check): r.check.detalle for r in self.results if getattr(r.check, "detalle", "")
        }
        if detalles:
            datos = json.loads(respuesta.content)
            respuesta = JsonResponse({**datos, "detalles": detalles}, status=status)
        return respuesta
