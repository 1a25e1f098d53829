"""The text of an SMS: which alphabet it goes in, how many parts it takes, and how a Spanish text
is brought into the GSM 7-bit alphabet so that it costs 160 characters a part instead of 70.

The tables are 3GPP TS 23.038 (GSM 03.38): the default alphabet and its extension table, whose
characters take two septets (ESC and the character). A text with any other character goes as
UCS-2, counted in UTF-16 code units.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

# 3GPP TS 23.038, 6.2.1 "GSM 7 bit Default Alphabet", in code order 0x00-0x7F; 0x1B (ESC) is the
# escape to the extension table and stands here as a character no text contains.
_BASICO = (
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNO"
    "PQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmno"
    "pqrstuvwxyzäöñüà"
)
assert len(_BASICO) == 128

# 6.2.1.1 "GSM 7 bit default alphabet extension table": form feed ^ { } \ [ ~ ] | €.
EXTENSION = frozenset("\f^{}\\[~]|€")
BASICO = frozenset(_BASICO) - {"\x1b"}
GSM7 = BASICO | EXTENSION

# Septets (GSM-7) or UTF-16 code units (UCS-2) in one SMS, and in each part of a concatenated one
# (the user data header of a concatenated SMS takes 6 octets: 7 septets, 3 code units).
UNA_GSM7, PARTE_GSM7 = 160, 153
UNA_UCS2, PARTE_UCS2 = 70, 67

# What para_sms writes for characters outside the alphabet that a reader still recognises.
_EQUIVALENTES = {
    "á": "a", "í": "i", "ó": "o", "ú": "u", "Á": "A", "Í": "I", "Ó": "O", "Ú": "U",
    "È": "E", "Ì": "I", "Ò": "O", "Ù": "U", "À": "A",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'", "´": "'", "`": "'", "′": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "…": "...", "•": "-", "·": ".", "º": "o", "ª": "a", "°": "o",
    "×": "x", "÷": "/", "¢": "c",
}  # fmt: skip

_ESPACIOS = re.compile(r"[^\S\n]+")  # every kind of space but the line break
_SALTOS = re.compile(r"\n{3,}")


def codificacion(texto: str) -> Literal["gsm7", "ucs2"]:
    """The alphabet an SMS with this text goes in."""
    return "gsm7" if all(c in GSM7 for c in texto) else "ucs2"


def _partes(unidades: list[int], una: int, parte: int) -> int:
    """Parts for a text of characters of these widths: one part holds `una` units; concatenated,
    each holds `parte` and no character is split between two (an ESC pair, a surrogate pair)."""
    total = sum(unidades)
    if total == 0:
        return 0
    if total <= una:
        return 1
    partes, libre = 1, parte
    for ancho in unidades:
        if ancho > libre:
            partes, libre = partes + 1, parte
        libre -= ancho
    return partes


def segmentos(texto: str) -> int:
    """How many SMS parts the text takes (0 for an empty text)."""
    if codificacion(texto) == "gsm7":
        return _partes([2 if c in EXTENSION else 1 for c in texto], UNA_GSM7, PARTE_GSM7)
    return _partes([1 if ord(c) < 0x10000 else 2 for c in texto], UNA_UCS2, PARTE_UCS2)


def _a_gsm7(caracter: str) -> str:
    if caracter in GSM7:
        return caracter
    if caracter in _EQUIVALENTES:
        return _EQUIVALENTES[caracter]
    if caracter.isspace():
        return " "
    # A letter with a mark the alphabet lacks keeps its base letter (â → a, ő → o).
    base = "".join(
        c for c in unicodedata.normalize("NFKD", caracter) if not unicodedata.combining(c)
    )
    if base and all(c in GSM7 for c in base):
        return base
    # Emoji, joiners, variation selectors and other marks go; any other character becomes "?",
    # so the reader sees that something was there.
    if unicodedata.category(caracter)[0] in "SMC":
        return ""
    return "?"


def para_sms(texto: str) -> str:
    """The text written in the GSM 7-bit alphabet: the Spanish letters the alphabet has (ñ Ñ é É
    ü Ü ¿ ¡) stay, the accented vowels it lacks lose the accent, typographic quotes, dashes and
    the ellipsis become ASCII, and spaces are collapsed."""
    texto = unicodedata.normalize("NFC", texto).replace("\r\n", "\n").replace("\r", "\n")
    texto = "".join(_a_gsm7(c) for c in texto)
    lineas = [_ESPACIOS.sub(" ", linea).strip() for linea in texto.split("\n")]
    return _SALTOS.sub("\n\n", "\n".join(lineas)).strip()


CONECTORES = {"a", "al", "de", "del", "el", "en", "la", "las", "los", "y", "e", "o", "u"}


def sin_la_ultima_palabra(texto: str) -> str:
    """ "Auditorio del GAD de Mejia, Aloag" → "Auditorio del GAD de Mejia": whole words, no
    dangling punctuation nor a connector left hanging ("Auditorio del"), a single long word loses
    its last characters."""
    palabras = texto.split()
    if len(palabras) <= 1:
        return texto[:-4].rstrip(" ,.;:-")
    palabras = palabras[:-1]
    while len(palabras) > 1 and palabras[-1].lower().strip(",.;:") in CONECTORES:
        palabras.pop()
    return " ".join(palabras).rstrip(" ,.;:-")


def en_un_segmento(
    plantilla: str, *, acortables: tuple[str, ...], minimo: int = 14, **partes: str
) -> str:
    """plantilla filled with partes, made GSM-7 (para_sms) and, while it takes more than one SMS
    segment, the longest of the parts named in `acortables` (the first named on a tie) shortened
    a whole word at a time, down to `minimo` characters each; the text as short as it got if that
    is not enough."""
    partes = dict(partes)
    while True:
        texto = para_sms(plantilla.format(**partes))
        if segmentos(texto) <= 1:
            return texto
        largos = [c for c in acortables if len(partes.get(c, "")) > minimo]
        if not largos:
            return texto
        clave = max(largos, key=lambda c: (len(partes[c]), -acortables.index(c)))
        partes[clave] = sin_la_ultima_palabra(partes[clave])
