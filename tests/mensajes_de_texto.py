"""Text messages with the gateway that keeps what it would send (`registro`), shared by the tests
of canales and eventos: the pending rows sent as a worker sends them, and an SMS arriving as
Kannel calls the portal. The tests that use them ask for the fixture `pasarela_de_registro`
(tests/conftest.py)."""

from django.urls import reverse

from canales.models import MensajeCanal
from canales.pasarelas.registro import ENVIADOS
from canales.services import mensaje_despachar

CLAVE = "secreto-de-kannel"  # Kannel's secret for what it calls the portal with


def despachar_todo() -> list[str]:
    """What a worker does: send every pending row; the texts that left, in order."""
    antes = len(ENVIADOS)
    pendientes = MensajeCanal.objects.filter(estado="pendiente").order_by("pk")
    for pk in pendientes.values_list("pk", flat=True):
        mensaje_despachar(mensaje_id=pk)
    return [s.texto for s in ENVIADOS[antes:]]


def llega_sms(client, de: str, texto: str, *, clave: str = CLAVE, kid: str = ""):
    """Kannel's get-url, as Kannel calls it for an SMS from `de`."""
    return client.get(
        reverse("canales:kannel_entrante"),
        {"clave": clave, "de": de, "para": "2525", "texto": texto, "id": kid},
    )
