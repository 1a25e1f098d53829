import pytest
from django.conf import settings


@pytest.fixture
def celery_del_portal(request):
    """The portal's Celery as it runs: in process without REDIS_URL; with it, the real worker on
    Redis (celery_worker_real), so a document's page really polls until the worker is done."""
    if settings.REDIS_URL:
        return request.getfixturevalue("celery_worker_real")
    return None
