"""Personal signed links of the guests and their check-in QR codes.

A link carries the guest's id and their random key, signed with the portal's SECRET_KEY; a
changed character breaks the signature, and another guest's id cannot be put in without it.
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django.core import signing
from django.urls import reverse

from core.enlaces import url_absoluta

from .models import Invitado

SAL_RESPUESTA = "eventos.invitacion.respuesta"
SAL_ACREDITACION = "eventos.invitacion.acreditacion"


class EnlaceInvalido(Exception):
    """The link was altered, belongs to no guest, or was revoked."""


def _firmar(invitado: Invitado, sal: str) -> str:
    return signing.dumps([invitado.pk, invitado.clave], salt=sal, compress=True)


def _leer(token: str, sal: str) -> Invitado:
    try:
        pk, clave = signing.loads(token, salt=sal)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise EnlaceInvalido from exc
    invitado = Invitado.objects.select_related("evento").filter(pk=pk, clave=clave).first()
    if invitado is None:
        raise EnlaceInvalido
    return invitado


def token_respuesta(invitado: Invitado) -> str:
    return _firmar(invitado, SAL_RESPUESTA)


def invitado_por_token_respuesta(token: str) -> Invitado:
    return _leer(token, SAL_RESPUESTA)


def token_acreditacion(invitado: Invitado) -> str:
    return _firmar(invitado, SAL_ACREDITACION)


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


def qr_png(texto: str) -> bytes:
    imagen = qrcode.make(texto, box_size=8, border=2)
    salida = io.BytesIO()
    imagen.save(salida, format="PNG")
    return salida.getvalue()


def qr_data_uri(texto: str) -> str:
    """A PNG data: URI (the Content Security Policy allows data: images, not inline styles)."""
    return "data:image/png;base64," + base64.b64encode(qr_png(texto)).decode()


def qr_svg(texto: str) -> str:
    imagen = qrcode.make(texto, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return imagen.to_string(encoding="unicode")
