"""Issue 17 item 7 on pactos, as the coordinator sees it: the texts of a published pacto are
shown read-only with the reason (not offered and then refused), and a signature registered by
mistake can be removed until the pacto is published."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from pactos.models import Compromiso, Firmante
from pactos.services import pactos as srv

pytestmark = pytest.mark.django_db

MOTIVO_PUBLICADO = (
    "El pacto está «Publicado»: su texto y sus compromisos ya no se cambian, quedan como se "
    "firmaron."
)


def _control(html: str, nombre: str) -> str:
    return re.search(rf'<(input|textarea)[^>]*name="{nombre}"[^>]*>', html).group(0)


def test_el_texto_de_un_pacto_publicado_se_muestra_sin_poder_cambiarlo(
    cliente_de, coordinadora, pacto_publicado
):
    cliente = cliente_de(coordinadora)
    url = reverse("pactos:pacto_editar", args=[pacto_publicado.pk])
    html = cliente.get(url).content.decode()
    assert MOTIVO_PUBLICADO in html
    assert "disabled" in _control(html, "titulo") and "disabled" in _control(html, "preambulo")
    assert ">Guardar</button>" not in html and "Volver al pacto" in html

    # A forced post changes nothing and says why.
    respuesta = cliente.post(url, {"titulo": "Otro título", "preambulo": "Otro"})
    assert respuesta.status_code == 400
    assert MOTIVO_PUBLICADO in respuesta.content.decode()
    pacto_publicado.refresh_from_db()
    assert pacto_publicado.titulo == "Estrategia provincial de turismo"


def test_el_compromiso_de_un_pacto_publicado_muestra_titulo_y_texto_fijos(
    cliente_de, coordinadora, pacto_publicado, crear_organizacion
):
    compromiso = pacto_publicado.compromisos.get()
    cliente = cliente_de(coordinadora)
    pagina = cliente.get(compromiso.get_absolute_url()).content.decode()
    editar = reverse("pactos:compromiso_editar", args=[compromiso.pk])
    html = pagina[pagina.index(f'action="{editar}"') :]
    html = html[: html.index("</form>")]
    assert "disabled" in _control(html, "titulo") and "disabled" in _control(html, "texto")
    assert MOTIVO_PUBLICADO in html
    assert "disabled" not in _control(html, "resultado_esperado")

    # What may still change saves, whatever a forged title says.
    socio = crear_organizacion("Junta parroquial de Ayora")
    respuesta = cliente.post(
        reverse("pactos:compromiso_editar", args=[compromiso.pk]),
        {
            "titulo": "Cambiado a la fuerza",
            "texto": "Otro",
            "lider": compromiso.lider_id,
            "socios": [socio.pk],
            "plazo": "2027-06-30",
            "resultado_esperado": "Rutas con señales",
            "modo_avance": compromiso.modo_avance,
        },
        follow=True,
    )
    assert "Compromiso guardado." in respuesta.content.decode()
    compromiso.refresh_from_db()
    assert compromiso.titulo == "Rutas de aviturismo señalizadas"
    assert compromiso.resultado_esperado == "Rutas con señales"


def test_un_pacto_en_borrador_sigue_editable(cliente_de, coordinadora, pacto_borrador):
    html = cliente_de(coordinadora).get(reverse("pactos:pacto_editar", args=[pacto_borrador.pk]))
    html = html.content.decode()
    assert "disabled" not in _control(html, "titulo") and ">Guardar</button>" in html


@pytest.fixture
def pacto_acordado(compromiso, llevar_a):
    return llevar_a(compromiso.pacto, "acordado")


def _firmar(pacto, organizacion, persona):
    return srv.firmante_agregar(
        pacto=pacto, organizacion=organizacion, persona=persona, fecha=timezone.localdate()
    )


def test_la_coordinadora_quita_una_firma_registrada_por_error(
    cliente_de, coordinadora, pacto_acordado, organizacion, crear_organizacion
):
    equivocada = _firmar(pacto_acordado, crear_organizacion("Junta de Olmedo"), "Luis Cando")
    _firmar(pacto_acordado, organizacion, "Ana Pérez")
    cliente = cliente_de(coordinadora)
    pagina = cliente.get(pacto_acordado.get_absolute_url()).content.decode()
    quitar = reverse("pactos:firmante_quitar", args=[pacto_acordado.pk, equivocada.pk])
    formulario = pagina[pagina.index(f'action="{quitar}"') :]
    formulario = formulario[: formulario.index(">")]
    assert (
        'data-confirmar="¿Quitar la firma de Junta de Olmedo (Luis Cando)? Hágalo solo si se '
        'registró por error."' in formulario
    )

    respuesta = cliente.post(quitar, follow=True)
    html = respuesta.content.decode()
    assert "Firma de Junta de Olmedo quitada." in html
    assert "Luis Cando" not in html and "Ana Pérez" in html
    assert list(Firmante.objects.values_list("persona", flat=True)) == ["Ana Pérez"]

    # the pacto's history keeps who removed which signature
    historial = cliente.get(reverse("pactos:pacto_historial", args=[pacto_acordado.pk]))
    firmas = historial.content.decode()
    firmas = firmas[firmas.index('id="historial-firmas"') :]
    eliminacion = firmas[: firmas.index("</li>")]  # the newest entry
    assert f"<strong>{coordinadora.first_name}</strong> · Eliminación" in eliminacion
    assert "«Junta de Olmedo (Luis Cando)»" in eliminacion


def test_un_pacto_firmado_conserva_una_firma_y_uno_publicado_todas(
    cliente_de, coordinadora, pacto_publicado, organizacion
):
    firma = pacto_publicado.firmantes.get()
    cliente = cliente_de(coordinadora)
    pagina = cliente.get(pacto_publicado.get_absolute_url()).content.decode()
    quitar = reverse("pactos:firmante_quitar", args=[pacto_publicado.pk, firma.pk])
    assert quitar not in pagina
    respuesta = cliente.post(quitar)
    assert respuesta.status_code == 400
    assert "El pacto ya está publicado: sus firmas quedan como se registraron." in (
        respuesta.content.decode()
    )
    assert Firmante.objects.count() == 1

    type(pacto_publicado).objects.filter(pk=pacto_publicado.pk).update(estado="firmado")
    respuesta = cliente.post(quitar)
    assert respuesta.status_code == 400
    assert "Un pacto firmado conserva al menos una firma" in respuesta.content.decode()
    assert Firmante.objects.count() == 1


def test_solo_la_coordinacion_quita_firmas(cliente_de, facilitador, pacto_acordado, organizacion):
    firma = _firmar(pacto_acordado, organizacion, "Ana Pérez")
    quitar = reverse("pactos:firmante_quitar", args=[pacto_acordado.pk, firma.pk])
    assert cliente_de(facilitador).post(quitar).status_code == 403
    assert Firmante.objects.count() == 1
    assert Compromiso.objects.count() == 1


def test_una_firma_de_otro_pacto_no_se_quita_desde_este(
    cliente_de, coordinadora, pacto_acordado, organizacion, eje_turismo
):
    otro = srv.pacto_crear(eje=eje_turismo, titulo="Otro pacto", usuario=coordinadora)
    firma = _firmar(pacto_acordado, organizacion, "Ana Pérez")
    quitar = reverse("pactos:firmante_quitar", args=[otro.pk, firma.pk])
    assert cliente_de(coordinadora).post(quitar).status_code == 404
    assert Firmante.objects.count() == 1
