"""Review before publication ("Preguntó, respondimos"): an answer e-mailed to a citizen is not
public until someone with the right approves a separate public version, without the greeting nor
the sender's data; the e-mailed answer itself never reaches the public page."""

import pytest
from django.urls import reverse

from comunicacion import selectors, services
from comunicacion.models import Mensaje
from comunicacion.services import publicacion
from core.roles import Rol

pytestmark = pytest.mark.django_db

PUBLICA = reverse("comunicacion:respuestas")
RESPUESTA_PRIVADA = (
    "Estimado Marcelo Tapia:\n"
    "La ruta del cóndor tendrá señalética en 2027; la mesa de turismo de Cayambe la prioriza.\n"
    "Si desea más detalles escríbame a marcelo.apoyo@pichincha.gob.ec o llame al 0991234567.\n"
    "Saludos cordiales,\n"
    "Daniela Andrade"
)


@pytest.fixture(autouse=True)
def _claves_rapidas(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def respondido(db, comunicador):
    mensaje = services.mensaje_recibir(
        datos={
            "nombre": "Marcelo Tapia",
            "email": "marcelo@example.org",
            "asunto": "Señalética en la ruta del cóndor",
            "texto": "Soy Marcelo Tapia, guía en Cayambe. ¿Habrá señalética en la ruta del cóndor?",
            "publicar": True,
        }
    )
    return services.mensaje_responder(
        mensaje=mensaje, usuario=comunicador, respuesta=RESPUESTA_PRIVADA, enviar=False
    )


def _aprobar(mensaje, usuario, pregunta: str, respuesta: str):
    """The public version saved and approved through the service, as the team's form does."""
    return publicacion.mensaje_publicacion_guardar(
        mensaje=mensaje,
        usuario=usuario,
        pregunta_publica=pregunta,
        respuesta_publica=respuesta,
        aprobar=True,
    )


def _publica(client) -> str:
    return client.get(PUBLICA).content.decode()


def test_respondido_no_es_publico_hasta_aprobarlo(client, cliente_de, coordinadora, respondido):
    assert "señalética" not in _publica(client).lower()

    # The team opens the message: a public version is proposed, without greeting nor data.
    pagina = cliente_de(coordinadora).get(reverse("comunicacion:mensaje", args=[respondido.pk]))
    form = pagina.context["form_publicacion"]
    pregunta, respuesta = form.initial["pregunta_publica"], form.initial["respuesta_publica"]
    assert "Estimado" not in respuesta and "Saludos" not in respuesta
    assert "Marcelo" not in respuesta + pregunta and "Tapia" not in respuesta + pregunta
    assert "0991234567" not in respuesta and "marcelo.apoyo@" not in respuesta
    assert "Daniela Andrade" not in respuesta
    assert respuesta.startswith("La ruta del cóndor tendrá señalética en 2027")
    assert "Por revisar" in pagina.content.decode()

    # Saved without approval: still not public.
    url = reverse("comunicacion:mensaje_publicacion", args=[respondido.pk])
    cliente = cliente_de(coordinadora)
    guardada = cliente.post(
        url,
        {
            "pregunta_publica": "¿Habrá señalética en la ruta del cóndor?",
            "respuesta_publica": "Sí: la mesa de turismo de Cayambe la prioriza para 2027.",
        },
        follow=True,
    )
    assert "Versión pública guardada sin publicar." in guardada.content.decode()
    assert "señalética" not in _publica(client).lower()

    # Approved: public, with who and when.
    respuesta_http = cliente.post(
        url,
        {
            "pregunta_publica": "¿Habrá señalética en la ruta del cóndor?",
            "respuesta_publica": "Sí: la mesa de turismo de Cayambe la prioriza para 2027.",
            "aprobar": "on",
        },
    )
    assert respuesta_http.status_code == 302
    # The team is told it is now public (it read "Versión pública guardada." before).
    vuelta = cliente.get(respuesta_http["Location"]).content.decode()
    assert "Versión pública aprobada: ya se ve en «Preguntó, respondimos»." in vuelta
    respondido.refresh_from_db()
    assert respondido.publicacion_aprobada_por == coordinadora
    assert respondido.publicacion_aprobada_en is not None
    html = _publica(client)
    assert "¿Habrá señalética en la ruta del cóndor?" in html
    assert "la prioriza para 2027" in html
    for privado in ("Estimado", "Marcelo", "Tapia", "marcelo@example.org", "0991234567"):
        assert privado not in html
    assert "tendrá señalética en 2027" not in html  # the e-mailed answer's own words
    pagina = cliente.get(reverse("comunicacion:mensaje", args=[respondido.pk])).content.decode()
    assert "Publicada" in pagina and "Aprobada por María" in pagina

    # Saving it again without approval withdraws it.
    cliente.post(
        url,
        {"pregunta_publica": "¿Habrá señalética?", "respuesta_publica": "Sí, en 2027."},
    )
    assert "señalética" not in _publica(client).lower()


def test_la_aprobacion_rechaza_datos_de_quien_escribio(cliente_de, comunicador, respondido):
    url = reverse("comunicacion:mensaje_publicacion", args=[respondido.pk])
    respuesta = cliente_de(comunicador).post(
        url,
        {
            "pregunta_publica": "¿Habrá señalética en la ruta del cóndor?",
            "respuesta_publica": RESPUESTA_PRIVADA,
            "aprobar": "on",
        },
    )
    assert respuesta.status_code == 400
    html = respuesta.content.decode()
    assert "Todavía contiene datos de quien escribió" in html
    assert "su nombre" in html and "un número de teléfono" in html
    respondido.refresh_from_db()
    assert respondido.publicacion_aprobada_en is None
    assert not selectors.respuestas_publicas().exists()


def test_sin_permiso_del_ciudadano_no_se_publica(comunicador, db):
    mensaje = services.mensaje_recibir(
        datos={"nombre": "Ana", "email": "ana@example.org", "asunto": "A", "texto": "¿Y?"}
    )
    services.mensaje_responder(mensaje=mensaje, usuario=comunicador, respuesta="Sí.", enviar=False)
    with pytest.raises(Exception, match="no autorizó"):
        _aprobar(mensaje, comunicador, "¿Y?", "Sí.")
    assert not selectors.respuestas_publicas().exists()
    assert not selectors.mensajes_por_publicar().exists()  # nor asks anyone to review it


@pytest.mark.parametrize(
    "rol, puede",
    [
        (Rol.COORDINACION, True),
        (Rol.COMUNICACION, True),
        (Rol.FACILITACION, False),
        (Rol.ANALISIS, False),
        (None, False),
    ],
)
def test_aprobar_requiere_el_rol(crear_usuario, cliente_de, respondido, rol, puede):
    usuario = crear_usuario("quien", *([rol] if rol else []))
    respuesta = cliente_de(usuario).post(
        reverse("comunicacion:mensaje_publicacion", args=[respondido.pk]),
        {"pregunta_publica": "¿Habrá señalética?", "respuesta_publica": "Sí.", "aprobar": "on"},
    )
    assert respuesta.status_code == (302 if puede else 403)
    assert selectors.respuestas_publicas().exists() is puede


def test_la_cola_de_comunicacion_lista_lo_que_espera_revision(cliente_de, comunicador, respondido):
    html = cliente_de(comunicador).get("/panel/").content.decode()
    assert 'id="cola-comunicacion_por_publicar"' in html
    assert f"/comunicacion/gestion/mensajes/{respondido.pk}/#publicacion" in html
    _aprobar(respondido, comunicador, "¿Habrá señalética?", "Sí, en 2027.")
    assert not selectors.mensajes_por_publicar().exists()
    assert Mensaje.objects.get(pk=respondido.pk).respuesta == RESPUESTA_PRIVADA  # unchanged
