"""Reading what people and files write: periods, numbers and dates; the territory key."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import PROVINCIA_CODIGO, Canton, Indicador, Parroquia


def periodo_normalizar(*, texto: str, periodicidad: str) -> tuple[str, datetime.date]:
    """Turn '2024', '2024-T2', 'T2 2024', '2024-03' or '03/2024' into (code, first day)."""
    texto = str(texto or "").strip().upper().replace(" ", "")
    if texto.endswith(".0"):
        texto = texto[:-2]
    if periodicidad == Indicador.Periodicidad.ANUAL:
        if re.fullmatch(r"(19|20)\d\d", texto):
            return texto, datetime.date(int(texto), 1, 1)
        raise ValidationError(
            _("el período «%(texto)s» no es un año válido (se espera, p. ej., 2024).")
            % {"texto": texto}
        )
    if periodicidad == Indicador.Periodicidad.TRIMESTRAL:
        m = re.fullmatch(r"((?:19|20)\d\d)-?[TQ]([1-4])", texto) or re.fullmatch(
            r"[TQ]([1-4])-?((?:19|20)\d\d)", texto
        )
        if m:
            a, b = m.groups()
            anio, trimestre = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
            return f"{anio}-T{trimestre}", datetime.date(anio, 3 * trimestre - 2, 1)
        raise ValidationError(
            _("el período «%(texto)s» no es un trimestre válido (se espera, p. ej., 2024-T2).")
            % {"texto": texto}
        )
    m = re.fullmatch(r"((?:19|20)\d\d)-(\d{1,2})", texto) or re.fullmatch(
        r"(\d{1,2})/((?:19|20)\d\d)", texto
    )
    if m:
        a, b = m.groups()
        anio, mes = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
        if 1 <= mes <= 12:
            return f"{anio}-{mes:02d}", datetime.date(anio, mes, 1)
    raise ValidationError(
        _("el período «%(texto)s» no es un mes válido (se espera, p. ej., 2024-03).")
        % {"texto": texto}
    )


def periodo_anterior(*, periodo: str, periodicidad: str) -> str:
    if periodicidad == Indicador.Periodicidad.ANUAL:
        return str(int(periodo) - 1)
    anio, resto = periodo.split("-")
    if periodicidad == Indicador.Periodicidad.TRIMESTRAL:
        t = int(resto[1:])
        return f"{int(anio) - 1}-T4" if t == 1 else f"{anio}-T{t - 1}"
    mes = int(resto)
    return f"{int(anio) - 1}-12" if mes == 1 else f"{anio}-{mes - 1:02d}"


def territorio_clave(*, canton: Canton | None, parroquia: Parroquia | None = None) -> str:
    if parroquia is not None:
        return f"{parroquia.canton.codigo}-{parroquia.pk}"
    if canton is not None:
        return canton.codigo
    return PROVINCIA_CODIGO


def numero_leer(*, texto: str | float | Decimal) -> Decimal:
    """Read a number as people in Ecuador write it (1.234,5) or as files do (1234.5)."""
    if isinstance(texto, (int, float, Decimal)) and not isinstance(texto, bool):
        return Decimal(str(texto))
    limpio = str(texto).strip().replace(" ", "")
    if "," in limpio and "." in limpio:
        # 1.234,5 (es-EC) or 1,234.5
        limpio = (
            limpio.replace(".", "").replace(",", ".")
            if limpio.rfind(",") > limpio.rfind(".")
            else limpio.replace(",", "")
        )
    elif "," in limpio:
        limpio = limpio.replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", limpio):
        # es-EC writes thousands with dots: 1.200 is one thousand two hundred.
        limpio = limpio.replace(".", "")
    try:
        valor = Decimal(limpio)
    except InvalidOperation as error:
        raise ValidationError(
            _("el valor «%(texto)s» no es un número.") % {"texto": texto}
        ) from error
    if not valor.is_finite():
        raise ValidationError(_("el valor «%(texto)s» no es un número.") % {"texto": texto})
    return valor


def fecha_leer(*, texto: str | datetime.date) -> datetime.date:
    """Read a date written AAAA-MM-DD, DD/MM/AAAA or DD-MM-AAAA (or a spreadsheet's date)."""
    if isinstance(texto, datetime.datetime):
        return texto.date()
    if isinstance(texto, datetime.date):
        return texto
    limpio = str(texto).strip()
    for formato in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(limpio, formato).date()
        except ValueError:
            continue
    raise ValidationError(
        _("la fecha del dato «%(fecha)s» no es válida (use AAAA-MM-DD o DD/MM/AAAA).")
        % {"fecha": limpio}
    )
