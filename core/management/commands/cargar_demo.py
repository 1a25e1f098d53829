"""Demo data for Pichincha, built through the same services users go through.

Idempotent: running it twice changes nothing. Later apps plug their own demo content in through
core.demo.registrar_demo so this command never imports upward.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import demo
from core.demo import DEMO_PASSWORD_POR_DEFECTO


class Command(BaseCommand):
    help = "Carga datos de demostración de Pichincha (idempotente)."

    def handle(self, *args, **options):
        if not settings.DEBUG and settings.DEMO_PASSWORD == DEMO_PASSWORD_POR_DEFECTO:
            raise CommandError(
                "Con DJANGO_DEBUG apagado no se crean cuentas con la contraseña de demostración "
                "conocida: defina DEMO_PASSWORD con otra contraseña."
            )
        with transaction.atomic():
            resumen = demo.cargar_todo(password=settings.DEMO_PASSWORD, salida=self.stdout)
        for linea in resumen:
            self.stdout.write(linea)
        self.stdout.write(self.style.SUCCESS("Datos de demostración listos."))
