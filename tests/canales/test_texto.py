"""What an SMS costs and how a Spanish text is made to fit the GSM 7-bit alphabet.

The alphabet is 3GPP TS 23.038 (GSM 03.38), 6.2.1 and 6.2.1.1. The table in canales.texto was
checked position by position against Perl's Encode::GSM0338 2.10, which follows TS 23.038 V16.0.0
(127 characters of the default alphabet, 10 of the extension table). No database here.
"""

import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from canales.texto import BASICO, EXTENSION, GSM7, codificacion, para_sms, segmentos

# The default alphabet as TS 23.038 prints it, row by row (0x1B, the escape, left out).
TABLA_ESTANDAR = (
    "@£$¥èéùìòÇ\nØø\rÅå" "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" " !\"#¤%&'()*+,-./" "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNO" "PQRSTUVWXYZÄÖÑÜ§" "¿abcdefghijklmno" "pqrstuvwxyzäöñüà"
)  # fmt: skip


def test_el_alfabeto_es_el_del_estandar():
    assert len(BASICO) == 127
    assert set(TABLA_ESTANDAR) == BASICO
    assert set("\f^{}\\[~]|€") == EXTENSION
    assert not BASICO & EXTENSION


@pytest.mark.parametrize("letra", list("ñÑéÉüÜ¿¡"))
def test_letras_del_espanol_que_el_alfabeto_tiene(letra):
    assert letra in BASICO
    assert para_sms(f"a{letra}b") == f"a{letra}b"


@pytest.mark.parametrize("letra", list("áíóúÁÍÓÚ"))
def test_vocales_con_tilde_que_el_alfabeto_no_tiene(letra):
    assert letra not in GSM7
    assert codificacion(letra) == "ucs2"


def test_un_mensaje_en_espanol_queda_en_gsm7_y_legible():
    original = "¿Asistirá a la sesión del Pacto? Ubicación: Cayambe — “Sala Ñucanchic”…  ¡Gracias!"
    assert codificacion(original) == "ucs2"
    assert para_sms(original) == (
        '¿Asistira a la sesion del Pacto? Ubicacion: Cayambe - "Sala Ñucanchic"... ¡Gracias!'
    )
    assert codificacion(para_sms(original)) == "gsm7"
    assert segmentos(original) == 2  # 82 characters in UCS-2
    assert segmentos(para_sms(original)) == 1


@pytest.mark.parametrize(
    ("entrada", "salida"),
    [
        ("ÁNGEL ÍÑIGO ÓSCAR ÚRSULA", "ANGEL IÑIGO OSCAR URSULA"),
        ("camión pingüino", "camion pingüino"),
        ("‘hola’ «adiós»", "'hola' \"adios\""),
        ("10–12 h — sala 2", "10-12 h - sala 2"),
        ("Gonçalves São Paulo", "Goncalves Sao Paulo"),
        ("a\u0301rbol", "arbol"),  # decomposed á
        ("uno\t\t dos\u00a0 tres", "uno dos tres"),
        ("línea 1  \r\n\r\n\r\n\n  línea 2\n", "linea 1\n\nlinea 2"),
        ("Gracias 🙏🏽 por venir 👍", "Gracias por venir"),
        ("Привет", "??????"),
        ("Costo: 5 € [aprox.]", "Costo: 5 € [aprox.]"),
    ],
)
def test_para_sms(entrada, salida):
    assert para_sms(entrada) == salida
    assert codificacion(para_sms(entrada)) == "gsm7"


@given(st.text())
@example("😀‍👩 ½ ﬁ ‰ Ⅻ \u200b\ufeff\x00\x7f")
def test_para_sms_siempre_da_gsm7(texto):
    resultado = para_sms(texto)
    assert codificacion(resultado) == "gsm7"
    assert resultado == resultado.strip()
    assert "  " not in resultado
    assert para_sms(resultado) == resultado


@given(st.text(alphabet=sorted(GSM7)))
def test_un_texto_gsm7_no_cambia_salvo_los_espacios(texto):
    assert para_sms(texto).split() == texto.replace("\f", " ").split()


@pytest.mark.parametrize(
    ("texto", "partes"),
    [
        ("", 0),
        ("a", 1),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),  # 160 septets
        ("€" * 81, 2),
        ("a" * 159 + "€", 2),  # 161 septets
        ("ñ" * 160, 1),
        ("á" * 70, 1),
        ("á" * 71, 2),
        ("á" * 134, 2),
        ("á" * 135, 3),
        ("😀" * 35, 1),  # 70 UTF-16 code units
        ("😀" * 36, 2),
        ("a" * 159 + "á", 3),  # one letter outside the alphabet: the whole text in UCS-2
    ],
)
def test_segmentos_en_los_limites(texto, partes):
    assert segmentos(texto) == partes


def test_un_caracter_de_la_extension_no_se_parte_entre_dos_partes():
    # After 152 septets, € (ESC and e) does not fit in the 153 of the first part.
    assert segmentos("a" * 152 + "€") == 1  # 154 septets: one SMS holds 160
    assert segmentos("a" * 152 + "€" + "a" * 7) == 2  # 161: 152 | 9
    assert segmentos("a" * 152 + "€" + "a" * 152) == 3  # 306 septets, but 152 | 153 | 1
    assert segmentos("a" * 151 + "€" + "a" * 153) == 2  # 153 | 153


def test_un_emoji_no_se_parte_entre_dos_partes():
    assert segmentos("á" * 66 + "😀" + "á" * 66) == 3  # 134 code units, but 66 | 67 | 1


@given(st.integers(min_value=1, max_value=1000))
def test_segmentos_gsm7_segun_el_estandar(n):
    assert segmentos("a" * n) == (1 if n <= 160 else math.ceil(n / 153))


@given(st.integers(min_value=1, max_value=500))
def test_segmentos_ucs2_segun_el_estandar(n):
    assert segmentos("ó" * n) == (1 if n <= 70 else math.ceil(n / 67))


def test_en_un_segmento_acorta_por_palabras_lo_que_se_puede_acortar():
    from canales.texto import en_un_segmento

    lugar = "Auditorio del Gobierno Autónomo Descentralizado Municipal de San Miguel de los Bancos"
    texto = en_un_segmento(
        "{mesa}: sesion 3 el sab 19/12 09:00 en {lugar}. ¿Asistira? Responda SI o NO. {enlace}",
        acortables=("lugar", "mesa"),
        mesa="Mesa sectorial de cacao, café y chocolate de Pichincha",
        lugar=lugar,
        enlace="https://pactos.pichincha.gob.ec/e/AbCd1234",
    )
    assert segmentos(texto) == 1 and codificacion(texto) == "gsm7"
    assert "Auditorio del Gobierno" in texto and "Responda SI o NO" in texto
    assert texto.endswith("https://pactos.pichincha.gob.ec/e/AbCd1234")
    # Cut at a word, never in the middle of one.
    parte = texto.split(" en ", 1)[1].split(". ¿")[0]
    assert all(palabra in lugar.replace("ó", "o") for palabra in parte.split())
