"""Demo content: built through the services, idempotent, and no e-mail to fictitious senders."""

import pytest
from django.core import mail

from comunicacion.demo import cargar_demo
from comunicacion.models import Mensaje, Noticia

pytestmark = pytest.mark.django_db


def test_demo_idempotente_sin_correos(comunicador, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert "4 noticias publicadas, 2 mensajes respondidos" in cargar_demo(
            usuarios={"comunicacion": comunicador}
        )
        assert cargar_demo(usuarios={"comunicacion": comunicador}) == "ya estaban cargados"
    assert Noticia.objects.publicas().count() == 4
    assert Mensaje.objects.filter(estado=Mensaje.Estado.RESPONDIDO).count() == 2
    assert mail.outbox == []
    html = client.get("/comunicacion/noticias/").content.decode()
    assert "Arranca Pactos por Pichincha" in html
