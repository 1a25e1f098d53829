"""Personal signed links of the guests and their check-in QR codes.

A link carries the guest's id and their random key, signed by core.firmas with one salt per
purpose (answering, checking in); a changed character breaks the signature, and another guest's
id cannot be put in without it.
"""

from django.urls import reverse

from core.enlaces import qr_data_uri, qr_png, url_absoluta
from core.firmas import EnlaceInvalido, objeto_de_token, token_firmado

from .models import Invitado

__all__ = ["EnlaceInvalido", "qr_data_uri", "qr_png"]

SAL_RESPUESTA = "eventos.invitacion.respuesta"
SAL_ACREDITACION = "eventos.invitacion.acreditacion"


def _leer(token: str, sal: str) -> Invitado:
    return objeto_de_token(token, sal=sal, queryset=Invitado.objects.select_related("evento"))


def token_respuesta(invitado: Invitado) -> str:
    return token_firmado(invitado, sal=SAL_RESPUESTA)


def invitado_por_token_respuesta(token: str) -> Invitado:
    return _leer(token, SAL_RESPUESTA)


def token_acreditacion(invitado: Invitado) -> str:
    return token_firmado(invitado, sal=SAL_ACREDITACION)


def invitado_por_token_acreditacion(token: str) -> Invitado:
    return _leer(token, SAL_ACREDITACION)


def url_respuesta(invitado: Invitado, *, absoluta: bool = True) -> str:
    ruta = reverse("eventos:responder", kwargs={"token": token_respuesta(invitado)})
    return url_absoluta(ruta) if absoluta else ruta


def url_acreditacion(invitado: Invitado) -> str:
    ruta = reverse(
        "eventos:acreditar_qr",
        kwargs={"pk": invitado.evento_id, "token": token_acreditacion(invitado)},
    )
    return url_absoluta(ruta)


def url_certificado(invitado: Invitado) -> str:
    """The download of the guest's attendance certificate, through their personal link."""
    return url_absoluta(reverse("eventos:certificado", kwargs={"token": token_respuesta(invitado)}))
