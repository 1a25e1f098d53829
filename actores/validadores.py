"""Validation of Ecuadorian ids (cédula, RUC) and name normalisation, with Spanish messages."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import exceptions as stdnum_exc
from stdnum.ec import ci, ruc

_PROVINCIAS_VALIDAS = {f"{n:02d}" for n in range(1, 25)} | {"30"}


def _solo_digitos(valor: str) -> str:
    return re.sub(r"[\s\-.]", "", valor or "")


def validar_cedula(valor: str) -> str:
    numero = _solo_digitos(valor)
    if not numero.isdigit():
        raise ValidationError(_("La cédula solo puede contener dígitos."), code="formato")
    if len(numero) != 10:
        raise ValidationError(
            _("La cédula debe tener 10 dígitos; tiene %(n)d.") % {"n": len(numero)}, code="longitud"
        )
    if numero[:2] not in _PROVINCIAS_VALIDAS:
        raise ValidationError(
            _(
                "Los dos primeros dígitos de la cédula (%(p)s) no corresponden a ninguna provincia (01–24 o 30)."
            )
            % {"p": numero[:2]},
            code="provincia",
        )
    if numero[2] >= "6":
        raise ValidationError(
            _("El tercer dígito de una cédula debe ser menor que 6."), code="tercer_digito"
        )
    try:
        ci.validate(numero)
    except stdnum_exc.InvalidChecksum:
        raise ValidationError(
            _("El dígito verificador de la cédula no es correcto; revise que esté bien escrita."),
            code="verificador",
        ) from None
    except stdnum_exc.ValidationError:
        raise ValidationError(_("La cédula no es válida."), code="invalida") from None
    return numero


def validar_ruc(valor: str) -> str:
    numero = _solo_digitos(valor)
    if not numero.isdigit():
        raise ValidationError(_("El RUC solo puede contener dígitos."), code="formato")
    if len(numero) != 13:
        raise ValidationError(
            _("El RUC debe tener 13 dígitos; tiene %(n)d.") % {"n": len(numero)}, code="longitud"
        )
    if numero[:2] not in _PROVINCIAS_VALIDAS:
        raise ValidationError(
            _(
                "Los dos primeros dígitos del RUC (%(p)s) no corresponden a ninguna provincia (01–24 o 30)."
            )
            % {"p": numero[:2]},
            code="provincia",
        )
    tercero = numero[2]
    if tercero in ("6", "9"):
        # Public (6) and private (9) companies: structure only, since not every valid number
        # passes the historical modulo-11 check (DOMAIN.md).
        if tercero == "6" and numero[-4:] == "0000":
            raise ValidationError(
                _("El número de establecimiento del RUC público no puede ser 0000."),
                code="establecimiento",
            )
        if numero[-3:] == "000":
            raise ValidationError(
                _("El número de establecimiento del RUC (tres últimos dígitos) no puede ser 000."),
                code="establecimiento",
            )
        return numero
    if tercero > "6":
        raise ValidationError(
            _(
                "El tercer dígito del RUC debe ser 0–5 (persona natural), 6 (entidad pública) o 9 (sociedad)."
            ),
            code="tercer_digito",
        )
    if numero[-3:] == "000":
        raise ValidationError(
            _("El número de establecimiento del RUC (tres últimos dígitos) no puede ser 000."),
            code="establecimiento",
        )
    try:
        ruc.validate(numero)
    except stdnum_exc.ValidationError:
        raise ValidationError(
            _(
                "El RUC de persona natural debe empezar por una cédula válida; el dígito verificador no es correcto."
            ),
            code="verificador",
        ) from None
    return numero


def validar_identificacion(valor: str) -> None:
    """Model/form validator: accept a cédula (10 digits) or a RUC (13 digits)."""
    numero = _solo_digitos(valor)
    if not numero:
        return
    if not numero.isdigit():
        raise ValidationError(
            _("La cédula o el RUC solo pueden contener dígitos (sin letras)."), code="formato"
        )
    if len(numero) == 10:
        validar_cedula(numero)
    elif len(numero) == 13:
        validar_ruc(numero)
    else:
        raise ValidationError(
            _("Escriba una cédula de 10 dígitos o un RUC de 13 dígitos; el número tiene %(n)d.")
            % {"n": len(numero)},
            code="longitud",
        )


def normalizar_identificacion(valor: str) -> str:
    return _solo_digitos(valor)


def digito_verificador_cedula(nueve: str) -> str:
    """Complete a 9-digit prefix into a valid cédula, using stdnum's validation."""
    for d in "0123456789":
        if ci.is_valid(nueve + d):
            return nueve + d
    raise ValueError(nueve)


def normalizar_nombre(nombre: str) -> str:
    """Lowercase, accents removed, punctuation and repeated spaces collapsed: for duplicates."""
    texto = unicodedata.normalize("NFKD", nombre or "")
    texto = "".join(c for c in texto if not unicodedata.combining(c)).lower()
    texto = re.sub(r"[^a-z0-9ñ ]+", " ", texto)
    return re.sub(r"\s+", " ", texto).strip()
