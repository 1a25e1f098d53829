import pytest
from django.db import IntegrityError, transaction

from mesas.models import Mesa
from sie.models import Canton, Sector

pytestmark = pytest.mark.django_db


def test_cada_instalacion_tiene_las_13_mesas_del_programa():
    assert Mesa.objects.filter(tipo=Mesa.Tipo.TURISMO).count() == 8
    assert Mesa.objects.filter(tipo=Mesa.Tipo.AGROPECUARIO).count() == 5
    assert set(Mesa.objects.filter(tipo="turismo").values_list("canton__codigo", flat=True)) == set(
        Canton.objects.values_list("codigo", flat=True)
    )
    assert Mesa.objects.get(slug="agro-floricultura").sector.nombre == "Floricultura"


def test_no_hay_segunda_mesa_de_turismo_para_un_canton():
    cayambe = Canton.objects.get(codigo="1702")
    with pytest.raises(IntegrityError), transaction.atomic():
        Mesa.objects.create(tipo="turismo", canton=cayambe, nombre="Otra de Cayambe", slug="otra")


def test_no_hay_segunda_mesa_agropecuaria_para_un_sector():
    sector = Sector.objects.get(slug="floricultura")
    with pytest.raises(IntegrityError), transaction.atomic():
        Mesa.objects.create(tipo="agropecuario", sector=sector, nombre="Otra flor", slug="otra")


def test_una_mesa_de_turismo_necesita_canton_y_no_sector():
    sector = Sector.objects.get(slug="floricultura")
    with pytest.raises(IntegrityError), transaction.atomic():
        Mesa.objects.create(tipo="turismo", sector=sector, nombre="Mal", slug="mal")


def test_validacion_en_espanol_de_la_restriccion():
    from django.core.exceptions import ValidationError

    mesa = Mesa(
        tipo="turismo", canton=Canton.objects.get(codigo="1703"), nombre="Duplicada", slug="dup"
    )
    with pytest.raises(ValidationError) as exc:
        mesa.full_clean()
    assert "Ya existe una mesa de turismo para este cantón." in str(exc.value)


def test_administracion_asigna_facilitadores_en_el_admin(administrador, cliente_de):
    cliente = cliente_de(administrador)
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    assert cliente.get("/admin/mesas/mesa/").status_code == 200
    assert cliente.get(f"/admin/mesas/mesa/{mesa.pk}/change/").status_code == 200
    assert cliente.get("/admin/mesas/sesion/").status_code == 200
