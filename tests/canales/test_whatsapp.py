"""WhatsApp through the Cloud API: what leaves (the request pywa builds, caught by an httpx mock
transport, nothing goes to the network) and what arrives (the webhook's signature, its
verification GET and its notifications). No database.

The expected requests and the payloads are Meta's own examples:
- Meta's OpenAPI description of the Cloud API, github.com/facebook/openapi,
  business-messaging-api_v23.0.yaml, POST /{Version}/{Phone-Number-ID}/messages: the request
  examples "Send Text Message" and "Send Sample Shipping Confirmation Template" (recipient
  "16315555555", digits without "+"), the response "Example response", the error examples
  (429 code 4 is_transient, 500 code 2, 401 code 190), and the webhook schemas' examples
  ButtonMessage, InteractiveMessageReply and UnsupportedMessage.
- The "messages webhook reference" page, developers.facebook.com/documentation/business-messaging/
  whatsapp/webhooks/reference/messages: the text message webhook (Sheena Nelson).
- pywa's own test data, github.com/david-lev/pywa tests/data/updates/message_status.json
  ("delivered", "failed", "with_tracker") and callback_button.json ("button"), which follow the
  "Status messages webhook reference" and the interactive reply buttons page.
- The signature: "sha256=" and the HMAC-SHA256 of the raw body with the app secret; the test
  vector is the one GitHub publishes for the same X-Hub-Signature-256 scheme ("Validating webhook
  deliveries").
"""

import copy
import hashlib
import hmac
import json
from datetime import UTC, datetime

import httpx
import pytest

from canales.pasarelas.base import Entrada, Estado, PasarelaNoDisponible, PasarelaRechazo, Salida
from canales.pasarelas.whatsapp import PasarelaWhatsApp
from canales.whatsapp import firma_valida, leer_notificacion, verificar_suscripcion

TOKEN = "EAAJB-prueba"
PHONE_ID = "106540352242922"
CELULAR = "+593991234567"

# "Example response" of POST /{Version}/{Phone-Number-ID}/messages in Meta's OpenAPI.
RESPUESTA = {
    "contacts": [{"input": "+16505551234", "wa_id": "16505551234"}],
    "messages": [{"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA"}],
    "messaging_product": "whatsapp",
}


class Meta:
    """The Cloud API as an httpx transport: records each request and answers with `respuesta`
    (a Response, or an exception to raise as the network would)."""

    def __init__(self, respuesta=None):
        self.pedidos: list[httpx.Request] = []
        self.respuesta = respuesta if respuesta is not None else httpx.Response(200, json=RESPUESTA)

    def __call__(self, pedido: httpx.Request) -> httpx.Response:
        self.pedidos.append(pedido)
        if isinstance(self.respuesta, Exception):
            raise self.respuesta
        return self.respuesta

    @property
    def cuerpo(self) -> dict:
        return json.loads(self.pedidos[-1].content)


@pytest.fixture
def whatsapp(settings):
    settings.WHATSAPP_TOKEN = TOKEN
    settings.WHATSAPP_PHONE_ID = PHONE_ID
    settings.WHATSAPP_PLANTILLA = "aviso_pactos"
    settings.WHATSAPP_IDIOMA_PLANTILLA = "es"
    settings.WHATSAPP_API_URL = ""
    return settings


def _pasarela(meta: Meta) -> PasarelaWhatsApp:
    return PasarelaWhatsApp(transporte=httpx.MockTransport(meta))


def _enviada(salida: Salida) -> Meta:
    """The Cloud API after the gateway sent `salida`; the id it returns is the one Meta gave."""
    meta = Meta()
    assert _pasarela(meta).enviar(salida) == RESPUESTA["messages"][0]["id"]
    return meta


def _error(estado: int, codigo: int, mensaje: str, **extra) -> httpx.Response:
    return httpx.Response(
        estado,
        json={"error": {"message": mensaje, "type": "OAuthException", "code": codigo, **extra}},
    )


# --- What leaves ---------------------------------------------------------------------------------


def test_dentro_de_la_ventana_sale_un_texto_como_lo_describe_meta(whatsapp):
    texto = "Su sesión de la Mesa de Agua es mañana a las 9:00."
    meta = _enviada(Salida(numero=CELULAR, texto=texto, referencia="42", ventana_abierta=True))

    (pedido,) = meta.pedidos
    assert pedido.method == "POST"
    assert pedido.url.scheme == "https"
    assert pedido.url.host == "graph.facebook.com"
    version, telefono, recurso = pedido.url.path.strip("/").split("/")
    assert version.startswith("v") and float(version[1:]) >= 23
    assert (telefono, recurso) == (PHONE_ID, "messages")
    assert pedido.headers["Authorization"] == f"Bearer {TOKEN}"
    assert pedido.headers["Content-Type"] == "application/json"
    # "Send Text Message", plus the portal's reference that status webhooks bring back.
    assert meta.cuerpo == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "593991234567",
        "type": "text",
        "text": {
            "body": "Su sesión de la Mesa de Agua es mañana a las 9:00.",
            "preview_url": False,
        },
        "biz_opaque_callback_data": "42",
    }


def test_fuera_de_la_ventana_sale_la_plantilla_con_el_texto_como_parametro(whatsapp):
    texto = "Convocatoria:\nMesa de Agua,\tmartes 9:00     en Cayambe."
    meta = _enviada(Salida(numero=CELULAR, texto=texto, referencia="43"))

    assert meta.pedidos[0].url.path.endswith(f"/{PHONE_ID}/messages")
    assert meta.pedidos[0].headers["Authorization"] == f"Bearer {TOKEN}"
    # "Send Sample Shipping Confirmation Template": a body component with one text parameter,
    # which may hold no line break, tab or more than four spaces in a row.
    assert meta.cuerpo == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "593991234567",
        "type": "template",
        "template": {
            "name": "aviso_pactos",
            "language": {"code": "es"},
            "components": [
                {
                    "type": "body",
                    "parameters": [
                        {
                            "type": "text",
                            "text": "Convocatoria: Mesa de Agua, martes 9:00 en Cayambe.",
                        }
                    ],
                }
            ],
        },
        "biz_opaque_callback_data": "43",
    }


def test_otra_url_base_conserva_la_version_y_un_token_nuevo_se_usa(whatsapp):
    meta = Meta()
    pasarela = _pasarela(meta)
    salida = Salida(numero="+593991234567", texto="Hola", referencia="1", ventana_abierta=True)
    pasarela.enviar(salida)
    version = meta.pedidos[0].url.path.split("/")[1]

    whatsapp.WHATSAPP_API_URL = "http://127.0.0.1:8089/"
    whatsapp.WHATSAPP_TOKEN = "EAAJB-otro"
    pasarela.enviar(salida)

    assert str(meta.pedidos[1].url) == f"http://127.0.0.1:8089/{version}/{PHONE_ID}/messages"
    assert meta.pedidos[1].headers["Authorization"] == "Bearer EAAJB-otro"


@pytest.mark.parametrize(
    "respuesta",
    [
        # Meta's OpenAPI error examples.
        _error(
            429, 4, "Application request limit reached", error_subcode=2446079, is_transient=True
        ),
        _error(500, 2, "An unexpected error occurred. Please retry your request"),
        _error(401, 190, "Invalid OAuth access token", error_subcode=463),
        # Throughput and rate limits answered with 400.
        _error(400, 130429, "(#130429) Rate limit hit"),
        _error(400, 80007, "(#80007) Rate limit issues"),
        _error(400, 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit"),
        httpx.Response(503, text="<html>Service Unavailable</html>"),
        httpx.ConnectError("Connection refused"),
        httpx.ReadTimeout("timed out"),
    ],
    ids=["429", "500", "401-token", "130429", "80007", "131056", "503-html", "conexion", "timeout"],
)
def test_lo_pasajero_queda_para_despues(whatsapp, respuesta):
    salida = Salida(numero="+593991234567", texto="Hola", referencia="1", ventana_abierta=True)
    with pytest.raises(PasarelaNoDisponible):
        _pasarela(Meta(respuesta)).enviar(salida)


@pytest.mark.parametrize(
    ("respuesta", "dice"),
    [
        (
            _error(
                400,
                131030,
                "(#131030) Recipient phone number not in allowed list",
                error_data={
                    "messaging_product": "whatsapp",
                    "details": "Recipient phone number not in allowed list: Add recipient phone "
                    "number to recipient list and try again.",
                },
            ),
            "WhatsApp 131030: (#131030) Recipient phone number not in allowed list "
            "(Recipient phone number not in allowed list: Add recipient phone number to "
            "recipient list and try again.)",
        ),
        (
            _error(400, 131047, "Re-engagement message"),
            "WhatsApp 131047: Re-engagement message",
        ),
        (
            _error(404, 132001, "(#132001) Template name does not exist in the translation"),
            "WhatsApp 132001: (#132001) Template name does not exist in the translation",
        ),
        (
            _error(400, 100, "(#100) Invalid parameter"),
            "WhatsApp 100: (#100) Invalid parameter",
        ),
    ],
    ids=["131030", "131047", "132001", "100"],
)
def test_lo_que_meta_rechaza_queda_fallido_con_su_motivo(whatsapp, respuesta, dice):
    salida = Salida(numero="+593991234567", texto="Hola", referencia="1", ventana_abierta=True)
    with pytest.raises(PasarelaRechazo) as rechazo:
        _pasarela(Meta(respuesta)).enviar(salida)
    assert str(rechazo.value) == dice


@pytest.mark.parametrize(
    ("ajuste", "valor", "ventana"),
    [
        ("WHATSAPP_TOKEN", "", True),
        ("WHATSAPP_PHONE_ID", "", True),
        ("WHATSAPP_PLANTILLA", "", False),
        ("WHATSAPP_IDIOMA_PLANTILLA", "castellano", False),
    ],
)
def test_sin_configuracion_no_sale_nada(whatsapp, ajuste, valor, ventana):
    setattr(whatsapp, ajuste, valor)
    meta = Meta()
    salida = Salida(numero="+593991234567", texto="Hola", referencia="1", ventana_abierta=ventana)
    with pytest.raises(PasarelaNoDisponible):
        _pasarela(meta).enviar(salida)
    assert meta.pedidos == []


def test_la_pasarela_se_presenta():
    pasarela = PasarelaWhatsApp()
    assert (pasarela.nombre, pasarela.canal) == ("whatsapp", "whatsapp")


# --- The webhook's signature and verification ------------------------------------------------------


def _firma(cuerpo: bytes, secreto: str) -> str:
    return "sha256=" + hmac.new(secreto.encode(), cuerpo, hashlib.sha256).hexdigest()


def test_firma_con_el_vector_publicado():
    firma = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
    assert firma_valida(b"Hello, World!", firma, "It's a Secret to Everybody")


def test_firma_valida_e_invalida():
    cuerpo = json.dumps(TEXTO).encode()
    assert firma_valida(cuerpo, _firma(cuerpo, "secreto-de-la-app"), "secreto-de-la-app")
    assert not firma_valida(cuerpo, _firma(cuerpo, "otro-secreto"), "secreto-de-la-app")


@pytest.mark.parametrize("cabecera", [None, "", "sha256=", "sha1=abc", "sha256=xyz"])
def test_firma_ausente_o_malformada(cabecera):
    assert not firma_valida(b"{}", cabecera, "secreto-de-la-app")


def test_firma_sin_el_prefijo():
    cuerpo = b'{"object":"whatsapp_business_account"}'
    firma = _firma(cuerpo, "secreto-de-la-app")
    assert not firma_valida(cuerpo, firma.removeprefix("sha256="), "secreto-de-la-app")


def test_cuerpo_alterado():
    cuerpo = json.dumps(TEXTO).encode()
    firma = _firma(cuerpo, "secreto-de-la-app")
    alterado = cuerpo.replace(b"another color", b"another colour")
    assert not firma_valida(alterado, firma, "secreto-de-la-app")
    # A body parsed and written again is another body: the raw bytes are what is signed.
    assert not firma_valida(
        json.dumps(json.loads(cuerpo), indent=1).encode(), firma, "secreto-de-la-app"
    )


def test_sin_secreto_nada_es_valido():
    cuerpo = b"{}"
    assert not firma_valida(cuerpo, _firma(cuerpo, ""), "")


def test_verificar_suscripcion():
    params = {"hub.mode": "subscribe", "hub.verify_token": "ficha", "hub.challenge": "1158201444"}
    assert verificar_suscripcion(params, "ficha") == "1158201444"
    assert verificar_suscripcion(params, "otra") is None
    assert verificar_suscripcion(params, "") is None
    assert verificar_suscripcion({**params, "hub.mode": "unsubscribe"}, "ficha") is None
    assert verificar_suscripcion({"hub.mode": "subscribe", "hub.challenge": "1"}, "ficha") is None
    assert verificar_suscripcion({}, "ficha") is None


# --- What arrives --------------------------------------------------------------------------------

# The text message of the "messages webhook reference".
TEXTO = {
    "object": "whatsapp_business_account",
    "entry": [
        {
            "id": "102290129340398",
            "changes": [
                {
                    "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {
                            "display_phone_number": "15550783881",
                            "phone_number_id": "106540352242922",
                        },
                        "contacts": [
                            {"profile": {"name": "Sheena Nelson"}, "wa_id": "16505551234"}
                        ],
                        "messages": [
                            {
                                "from": "16505551234",
                                "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                                "timestamp": "1749416383",
                                "type": "text",
                                "text": {"body": "Does it come in another color?"},
                            }
                        ],
                    },
                    "field": "messages",
                }
            ],
        }
    ],
}


def _con_mensaje(mensaje: dict) -> dict:
    """The envelope of the text example around another message of the same person."""
    datos = copy.deepcopy(TEXTO)
    datos["entry"][0]["changes"][0]["value"]["messages"] = [mensaje]
    return datos


# Webhook schema examples of Meta's OpenAPI.
BOTON_DE_PLANTILLA = {
    "from": "16505551234",
    "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUU0M0MxQzQzMUJCMTMwNUZFOQA=",
    "timestamp": "1750091045",
    "type": "button",
    "context": {
        "from": "15550783881",
        "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFNjk2OTMwNEZCQjhGMzUyQUYA",
    },
    "button": {"payload": "Unsubscribe", "text": "Unsubscribe"},
}
FILA_DE_LISTA = {
    "from": "16505551234",
    "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUJDQ0NDM0FEODY4ODkzOTc5RgA=",
    "timestamp": "1749854575",
    "type": "interactive",
    "context": {
        "from": "15550783881",
        "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGMzEyNzhENTZDMzNGODlDRDgA",
    },
    "interactive": {
        "type": "list_reply",
        "list_reply": {
            "id": "priority_express",
            "title": "Priority Mail Express",
            "description": "Next Day to 2 Days",
        },
    },
}
NO_ADMITIDO = {
    "from": "16505551234",
    "id": "wamid.HBgLMTQyMDU1NTA3NDkVAgASGBI5N0MwRjg0RTVBNUI1RDA2OTkA",
    "timestamp": "1750090702",
    "errors": [
        {
            "code": 131051,
            "title": "Message type unknown",
            "message": "Message type unknown",
            "error_data": {"details": "Message type is currently not supported."},
        }
    ],
    "type": "unsupported",
}


def _de_pywa(contenido: dict) -> dict:
    """The envelope of pywa's tests/data/updates (callback_button.json, message_status.json)
    around `contenido`: its messages or its statuses."""
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "5467539754836534",
                "changes": [
                    {
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": "972123456789",
                                "phone_number_id": "1122334455667",
                            },
                            "contacts": [
                                {
                                    "profile": {"name": "Test Name"},
                                    "wa_id": "972987654321",
                                    "user_id": "US.13491208655302741918",
                                    "parent_user_id": "US.ENT.11815799212886844830",
                                }
                            ],
                            **contenido,
                        },
                        "field": "messages",
                    }
                ],
            }
        ],
    }


# pywa's tests/data/updates/callback_button.json, "button" (an interactive reply button).
BOTON_INTERACTIVO = _de_pywa(
    {
        "messages": [
            {
                "context": {"from": "1122334455667", "id": "wamid.xyzxyz"},
                "from": "972987654321",
                "id": "wamid.xyzxyz",
                "timestamp": "1698266730",
                "type": "interactive",
                "interactive": {
                    "type": "button_reply",
                    "button_reply": {"id": "callback_data", "title": "title"},
                },
            }
        ]
    }
)


def _estado(estado: dict) -> dict:
    """pywa's tests/data/updates/message_status.json envelope around one status."""
    return _de_pywa({"statuses": [estado]})


ENTREGADO = {
    "id": "wamid.xyzxyz",
    "status": "delivered",
    "timestamp": "1698266945",
    "recipient_id": "972987654321",
    "conversation": {"id": "7270432eae37498234f4444b35ffc5", "origin": {"type": "service"}},
    "pricing": {"billable": True, "pricing_model": "CBP", "category": "service"},
}
FALLIDO = {
    "id": "wamid.xyzxyz",
    "status": "failed",
    "timestamp": "1689380458",
    "recipient_id": "972987654321",
    "errors": [
        {
            "code": 130472,
            "title": "User's number is part of an experiment",
            "message": "User's number is part of an experiment",
            "error_data": {
                "details": "Failed to send message because this user's phone number is part of an experiment"
            },
            "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
        }
    ],
}
CON_REFERENCIA = {
    "id": "wamid.xyzxyz",
    "status": "sent",
    "timestamp": "1698266945",
    "recipient_id": "972987654321",
    "biz_opaque_callback_data": "some data",
    "conversation": {
        "id": "7270432eae37498234f4444b35ffc5",
        "expiration_timestamp": "1698339900",
        "origin": {"type": "service"},
    },
    "pricing": {"billable": True, "pricing_model": "CBP", "category": "service"},
}


def test_un_texto_recibido():
    assert leer_notificacion(TEXTO) == (
        [
            Entrada(
                numero="+16505551234",
                texto="Does it come in another color?",
                id_externo="wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                recibido_en=datetime(2025, 6, 8, 20, 59, 43, tzinfo=UTC),
                nombre="Sheena Nelson",
            )
        ],
        [],
    )


@pytest.mark.parametrize(
    ("datos", "numero", "texto", "nombre"),
    [
        (BOTON_INTERACTIVO, "+972987654321", "title", "Test Name"),
        (_con_mensaje(FILA_DE_LISTA), "+16505551234", "Priority Mail Express", "Sheena Nelson"),
        (_con_mensaje(BOTON_DE_PLANTILLA), "+16505551234", "Unsubscribe", "Sheena Nelson"),
    ],
    ids=["boton-interactivo", "fila-de-lista", "boton-de-plantilla"],
)
def test_una_respuesta_con_boton_trae_su_titulo(datos, numero, texto, nombre):
    (entrada,), estados = leer_notificacion(datos)
    assert (entrada.numero, entrada.texto, entrada.nombre) == (numero, texto, nombre)
    assert estados == []


def test_un_mensaje_de_tipo_no_admitido_llega_sin_texto():
    """It still opens the 24-hour window, so it is not dropped."""
    (entrada,), _ = leer_notificacion(_con_mensaje(NO_ADMITIDO))
    assert entrada == Entrada(
        numero="+16505551234",
        texto="",
        id_externo="wamid.HBgLMTQyMDU1NTA3NDkVAgASGBI5N0MwRjg0RTVBNUI1RDA2OTkA",
        recibido_en=datetime.fromtimestamp(1750090702, tz=UTC),
        nombre="Sheena Nelson",
    )


def test_entregado():
    assert leer_notificacion(_estado(ENTREGADO)) == (
        [],
        [
            Estado(
                estado="entregado",
                id_externo="wamid.xyzxyz",
                en=datetime.fromtimestamp(1698266945, tz=UTC),
            )
        ],
    )


def test_fallido_con_su_error():
    _, (estado,) = leer_notificacion(_estado(FALLIDO))
    assert estado.estado == "fallido"
    assert estado.id_externo == "wamid.xyzxyz"
    assert estado.detalle == (
        "User's number is part of an experiment (130472): "
        "Failed to send message because this user's phone number is part of an experiment"
    )


def test_enviado_y_leido_con_la_referencia_del_portal():
    _, (enviado,) = leer_notificacion(_estado(CON_REFERENCIA))
    assert (enviado.estado, enviado.referencia, enviado.detalle) == ("enviado", "some data", "")
    _, (leido,) = leer_notificacion(_estado({**ENTREGADO, "status": "read"}))
    assert leido.estado == "leido"


def test_lo_que_no_se_lee():
    assert leer_notificacion(_estado({**ENTREGADO, "status": "played"})) == ([], [])
    assert leer_notificacion({"object": "page", "entry": TEXTO["entry"]}) == ([], [])
    assert leer_notificacion({}) == ([], [])
    sin_numero = {k: v for k, v in BOTON_DE_PLANTILLA.items() if k != "from"}
    assert leer_notificacion(_con_mensaje({**sin_numero, "from_user_id": "US.1349"})) == ([], [])
    sistema = {**BOTON_DE_PLANTILLA, "type": "system", "system": {"body": "User changed number"}}
    assert leer_notificacion(_con_mensaje(sistema)) == ([], [])


def test_varios_mensajes_y_estados_en_una_notificacion():
    datos = copy.deepcopy(TEXTO)
    datos["entry"][0]["changes"][0]["value"]["messages"].append(FILA_DE_LISTA)
    datos["entry"].append(_estado(ENTREGADO)["entry"][0])
    entradas, estados = leer_notificacion(datos)
    assert [e.texto for e in entradas] == [
        "Does it come in another color?",
        "Priority Mail Express",
    ]
    assert [e.estado for e in estados] == ["entregado"]
