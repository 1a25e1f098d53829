"""Validation of cédulas, RUCs and phones: valid, invalid and boundary cases, with Spanish messages."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from actores.forms import ActorForm
from actores.validadores import digito_verificador_cedula, validar_identificacion

from .conftest import cedula_valida, ruc_sociedad_valido


def mensajes(valor):
    with pytest.raises(ValidationError) as e:
        validar_identificacion(valor)
    return " ".join(e.value.messages)


@pytest.mark.parametrize(
    "valor",
    [
        "1710034065",  # cédula, Pichincha
        "0926687856",  # Guayas
        "2400000002",  # province 24 (upper boundary)
        "0100000017",  # province 01 (lower boundary)
        "3000000004",  # province 30 (Ecuadorians abroad)
        "1710034065001",  # RUC of a natural person
        "1792060346001",  # RUC of a company
        "1760001550001",  # public body
        "171003406-5",  # with a dash
    ],
)
def test_identificaciones_validas(valor):
    validar_identificacion(valor)


@pytest.mark.parametrize(
    ("valor", "fragmento"),
    [
        ("1710034066", "dígito verificador"),
        ("171003406", "10 dígitos"),
        ("17100340651", "10 dígitos"),
        ("2510034065", "provincia"),
        ("0010034065", "provincia"),
        ("1770034065", "tercer dígito"),
        ("17A0034065", "dígitos"),
        ("1710034065000", "000"),
        ("1760001550000", "0000"),
        ("1792060346000", "000"),
        ("1782060346001", "tercer dígito"),
        ("1710034066001", "dígito verificador"),
        ("17920603460011", "13 dígitos"),
    ],
)
def test_identificaciones_invalidas_explican_por_que(valor, fragmento):
    assert fragmento in mensajes(valor)


def test_ruc_de_sociedad_solo_se_valida_su_estructura():
    # DOMAIN.md: not every valid company RUC passes the historical modulo-11 check.
    validar_identificacion("1790011674001")
    validar_identificacion("1790011675001")


@given(st.integers(min_value=0, max_value=999_999))
def test_cedulas_generadas_con_stdnum_siempre_validas(n):
    validar_identificacion(cedula_valida(n))


@given(
    st.integers(min_value=0, max_value=9), st.integers(min_value=100_000_000, max_value=249_999_999)
)
def test_un_digito_alterado_se_rechaza(delta, base):
    nueve = str(base).zfill(9)
    if not ("01" <= nueve[:2] <= "24") or nueve[2] > "5":
        return
    buena = digito_verificador_cedula(nueve)
    mala = buena[:9] + str((int(buena[9]) + delta) % 10)
    if mala == buena:
        return
    with pytest.raises(ValidationError):
        validar_identificacion(mala)


def test_ruc_generado_en_pruebas_es_valido():
    validar_identificacion(ruc_sociedad_valido(42))


def _formulario(**extra):
    datos = {
        "naturaleza": "organizacion",
        "nombre": "Asociación de prueba",
        "tipo": "comunitario",
        "ambito": "provincial",
        "influencia": "3",
        "interes": "3",
        "posicion": "desconocida",
        "activo": "on",
    }
    datos.update(extra)
    return ActorForm(data=datos)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "telefono", ["0991234567", "022500000", "(02) 250-0000", "+593 99 123 4567", ""]
)
def test_telefonos_validos_de_ecuador(telefono):
    form = _formulario(telefono=telefono)
    assert form.is_valid(), form.errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("campo", "valor", "mensaje"),
    [
        *(
            ("telefono", telefono, "teléfono válido de Ecuador")
            for telefono in ["12345", "0971234567", "099123456", "+1 202 555 01", "teléfono"]
        ),
        ("identificacion", "1710034066", "dígito verificador"),
        ("nombre", "", "nombre de la organización"),
        ("email", "no-es-correo", "correo electrónico válido"),
    ],
)
def test_el_formulario_explica_en_espanol_lo_que_rechaza(campo, valor, mensaje):
    form = _formulario(**{campo: valor})
    assert not form.is_valid()
    assert mensaje in form.errors[campo][0]
