"""The public version of an answered citizen message ("Preguntó, respondimos").

The answer e-mailed to the sender is never published as such: the team writes a separate public
version of the question and of the answer (proposed without the greeting, the closing and the
sender's data), and someone with the right approves it; until then nothing is public.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.permisos import exigir_permiso

from ..models import Mensaje

SALUDO = re.compile(
    r"^\s*(estimad[oa]s?|querid[oa]s?|apreciad[oa]s?|hola|buen[oa]s\s+(d[ií]as|tardes|noches)"
    r"|se[ñn]or(a|ita)?|sr\.?|sra\.?|srta\.?)\b",
    re.IGNORECASE,
)
DESPEDIDA = re.compile(
    r"^\s*(saludos|atentamente|cordialmente|un\s+(cordial\s+)?saludo|muchas\s+gracias|gracias)\b",
    re.IGNORECASE,
)
CORREO = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
TELEFONO = re.compile(r"(?<![\w])\+?\d[\d\s-]{5,}\d(?![\w])")


def _palabras_del_nombre(nombre: str) -> list[str]:
    return [p for p in re.split(r"\s+", nombre.strip()) if len(p) >= 3]


def propuesta_publica(texto: str, *, nombre: str = "") -> str:
    """A first public version of `texto`: without its greeting line, its closing and signature,
    e-mail addresses, phone numbers and the sender's name (marked for the reviewer)."""
    lineas = (texto or "").strip().splitlines()
    if lineas and len(lineas[0]) <= 80 and SALUDO.match(lineas[0]):
        lineas = lineas[1:]
    for i, linea in enumerate(lineas):
        if i and len(linea) <= 40 and i >= len(lineas) - 4 and DESPEDIDA.match(linea):
            lineas = lineas[:i]
            break
    resultado = "\n".join(lineas).strip()
    resultado = CORREO.sub(_("[correo]"), resultado)
    resultado = TELEFONO.sub(_("[teléfono]"), resultado)
    for palabra in _palabras_del_nombre(nombre):
        resultado = re.sub(
            rf"\b{re.escape(palabra)}\b", _("[nombre]"), resultado, flags=re.IGNORECASE
        )
    return resultado


def datos_personales_en(texto: str, *, mensaje: Mensaje) -> list[str]:
    """What of the sender's data `texto` still holds: their name, their e-mail, a phone number."""
    encontrados = []
    if mensaje.email and mensaje.email.lower() in texto.lower():
        encontrados.append(_("su correo"))
    if any(
        re.search(rf"\b{re.escape(p)}\b", texto, flags=re.IGNORECASE)
        for p in _palabras_del_nombre(mensaje.nombre)
    ):
        encontrados.append(_("su nombre"))
    if TELEFONO.search(texto):
        encontrados.append(_("un número de teléfono"))
    return encontrados


@transaction.atomic
def mensaje_publicacion_guardar(
    *, mensaje: Mensaje, usuario, pregunta_publica: str, respuesta_publica: str, aprobar: bool
) -> Mensaje:
    """Save the public version; `aprobar` publishes it (who and when are kept), otherwise it
    stays (or goes back) unpublished."""
    exigir_permiso(usuario, "comunicacion.responder_mensaje", mensaje)
    if aprobar:
        exigir_permiso(usuario, "comunicacion.aprobar_publicacion", mensaje)
    mensaje = Mensaje.objects.select_for_update().get(pk=mensaje.pk)
    if not mensaje.publicar:
        raise ValidationError(_("Quien escribió no autorizó publicar su mensaje."))
    if not mensaje.respuesta:
        raise ValidationError(_("El mensaje todavía no tiene respuesta."))
    mensaje.pregunta_publica = (pregunta_publica or "").strip()
    mensaje.respuesta_publica = (respuesta_publica or "").strip()
    if aprobar:
        errores = {}
        for campo, vacio in (
            ("pregunta_publica", _("Escriba la pregunta tal como se publicará.")),
            ("respuesta_publica", _("Escriba la respuesta tal como se publicará.")),
        ):
            texto = getattr(mensaje, campo)
            if not texto:
                errores[campo] = vacio
            elif datos := datos_personales_en(texto, mensaje=mensaje):
                errores[campo] = _(
                    "Todavía contiene datos de quien escribió (%(datos)s): quítelos antes de "
                    "publicar."
                ) % {"datos": ", ".join(datos)}
        if errores:
            raise ValidationError(errores)
        mensaje.publicacion_aprobada_por = usuario
        mensaje.publicacion_aprobada_en = timezone.now()
    else:
        mensaje.publicacion_aprobada_por = None
        mensaje.publicacion_aprobada_en = None
    mensaje.save(
        update_fields=[
            "pregunta_publica",
            "respuesta_publica",
            "publicacion_aprobada_por",
            "publicacion_aprobada_en",
        ]
    )
    return mensaje
