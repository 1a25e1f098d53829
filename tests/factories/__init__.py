"""factory-boy factories for the tests; each app's live in tests/factories/<app>.py.

    from tests.factories import ActorFactory
    ActorFactory()                          # an organisation in Cayambe with a valid RUC
    ActorFactory(persona=True, canton=otro) # a woman with a valid cédula

Factories write rows directly (model.objects.create); a test about a service's validation calls
the service itself.
"""

from .actores import ActorFactory, cedula_valida, ruc_sociedad_valido
from .comunicacion import NoticiaFactory
from .mesas import AsistenciaFactory, SesionFactory, mesa_de
from .pactos import CompromisoFactory, PactoFactory
from .sie import DatoMedicionFactory

__all__ = [
    "ActorFactory",
    "AsistenciaFactory",
    "CompromisoFactory",
    "DatoMedicionFactory",
    "NoticiaFactory",
    "PactoFactory",
    "SesionFactory",
    "cedula_valida",
    "mesa_de",
    "ruc_sociedad_valido",
]
