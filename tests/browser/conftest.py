import pytest
from django.conf import settings

from mesas.models import Mesa
from tests.browser.mesas_pasos import facilitador_de, sesion_en_curso


@pytest.fixture
def celery_del_portal(request):
    """The portal's Celery as it runs: in process without REDIS_URL; with it, the real worker on
    Redis (celery_worker_real), so a document's page really polls until the worker is done."""
    if settings.REDIS_URL:
        return request.getfixturevalue("celery_worker_real")
    return None


@pytest.fixture
def sesion_del_facilitador(django_user_model):
    """A session being held by the demo table "turismo-cayambe" in the "Casa comunal de Olmedo";
    its facilitator is the account "facilitador"."""
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    facilitador = facilitador_de(mesa, django_user_model)
    return sesion_en_curso(mesa, facilitador, lugar="Casa comunal de Olmedo")
