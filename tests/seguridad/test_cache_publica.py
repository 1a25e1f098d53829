"""The shared page cache (core/cache.py) over every public URL of the permission matrix.

Every URL that answers 200 to an anonymous visitor in MATRIZ is declared here: in CACHEADAS (its
second anonymous visit is served whole from the cache, without one query) or in NO_CACHEADAS with
the reason. A new public URL fails test_toda_url_publica_declara_su_cache until it is declared.
Then, from the visitor's side: after a write, the anonymous page shows the change at once.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from .test_matriz_urls import MATRIZ

pytestmark = pytest.mark.django_db

CACHEADAS = {
    "inicio",
    "datos:inicio",
    "agenda:lista",
    "agenda:feed",
    "agenda:ics",
    "agenda:sesion_ics",
    "core:accesibilidad",
    "core:privacidad",
    "core:buscar",
    "sitemap",
    "core:documento",  # the status page of a public document (its htmx polling is not cached)
    "sie:cantones",
    "sie:canton",
    "sie:indicadores",
    "sie:indicador",
    "sie:mapa",
    "sie:datos",
    "sie:diccionario",
    "actores:participantes",
    "actores:detalle",  # a public organisation's card
    "mesas:lista",
    "mesas:calendario",
    "mesas:calendario_mesa",
    "mesas:mesa",
    "mesas:sesion_publica",
    "pactos:pactos_publicos",
    "pactos:pacto_publico",
    "pactos:compromiso_publico",
    "pactos:feed_avances",
    "pactos:plantilla_avances",
    "eventos:lista",
    "eventos:calendario",
    "eventos:feed",
    "eventos:detalle",
    "eventos:ics",
    # Pages with a form: cached with a placeholder where each visitor gets their own CSRF token.
    "eventos:inscripcion",
    "comunicacion:noticias",
    "comunicacion:noticias_rss",
    "comunicacion:noticias_atom",
    "comunicacion:noticia",
    "comunicacion:contacto",
    "comunicacion:respuestas",
    "comunicacion:suscripcion",
    "comunicacion:suscripcion_enviada",
    "comunicacion:consultas",
    "comunicacion:consulta",
    "comunicacion:comentar",
    "comunicacion:comentario_enviado",
    "comunicacion:consulta_rss",
}

PRIVADA = "a personal page behind a secret link: personal data, one visitor, nothing to share"
NO_CACHEADAS = {
    "datos:paquete": "the open-data ZIP, streamed from storage (Cache-Control lets browsers keep it)",
    "datos:archivo": "one CSV read from the stored bundle (Cache-Control lets browsers keep it)",
    "datos:catalogo": "the DCAT catalogue of the stored bundle, one query (Cache-Control public)",
    "cuentas:invitacion": "a secret link (the invitation's token): never stored for others",
    "robots": "a fixed text built without the database",
    "favicon": "a fixed redirect to the static icon, without the database",
    "apple_touch_icon": "a fixed redirect to the static icon, without the database",
    "manifiesto": "a fixed answer built without the database",
    "mesas:sesion_tarjeta": "a PNG kept in the cache under a digest of what it shows (config/seo)",
    "pactos:pacto_tarjeta": "a PNG kept in the cache under a digest of what it shows (config/seo)",
    "eventos:evento_tarjeta": "a PNG kept in the cache under a digest of what it shows (config/seo)",
    "ping": "the throughput floor: a fixed answer without the cache",
    "salud": "health check: must ask the services every time",
    "javascript-catalog": "Django's JavaScript catalogue, static per release",
    "service_worker": "the service worker (never_cache: the browser must see a new release)",
    "core:documento_descargar": "a file download (streamed PDF, Cache-Control private)",
    "cuentas:login": "login form (never_cache, CSRF cookie)",
    "cuentas:clave_restablecer": "account form (CSRF cookie)",
    "cuentas:clave_enviada": "account step",
    "cuentas:clave_confirmar": PRIVADA,
    "cuentas:clave_cambiada": "account step",
    "sie:descarga": "a download of every published value (grows with the data; CSV or XLSX)",
    "eventos:responder": PRIVADA,
    "comunicacion:contacto_gracias": "shows the sender's code once (never_cache)",
    "comunicacion:seguimiento": "looks up a sender's message by code (never_cache)",
    "comunicacion:suscripcion_confirmar": PRIVADA,
    "comunicacion:suscripcion_baja": PRIVADA,
    "comunicacion:comentario_confirmar": PRIVADA,
}

_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def _anonimas():
    return [f for f in MATRIZ if f.esperado.split()[0] == "200"]


def _es_api(nombre: str) -> bool:
    """The API's URLs (router names such as "pacto-list", and its root, schema and docs)."""
    return nombre.startswith("api-") or (
        ":" not in nombre and nombre.endswith(("-list", "-detail"))
    )


# Cached only without a query string: each query is its own page, and caching them would let
# anyone fill the cache with new keys.
SOLO_SIN_CONSULTA = {"core:buscar"}


def _cacheada_segun_declaracion(nombre: str, consulta: str = "") -> bool | None:
    if nombre in SOLO_SIN_CONSULTA and consulta:
        return False
    if nombre in CACHEADAS:
        return True
    if nombre in NO_CACHEADAS or _es_api(nombre):  # the API is not a page: never cached here
        return False
    return None


def test_toda_url_publica_declara_su_cache():
    publicas = {f.nombre for f in _anonimas()}
    faltan = sorted(n for n in publicas if _cacheada_segun_declaracion(n) is None)
    sobran = sorted((CACHEADAS | set(NO_CACHEADAS)) - publicas)
    assert not faltan, f"Declare en CACHEADAS o NO_CACHEADAS: {faltan}"
    assert not sobran, f"Sin fila anónima 200 en MATRIZ: {sobran}"
    assert not CACHEADAS & set(NO_CACHEADAS)


def _url(fila, escenario) -> str:
    return reverse(fila.nombre, kwargs=fila.kwargs(escenario)) + fila.consulta


def _cuerpo(respuesta) -> bytes:
    cuerpo = b"".join(respuesta) if respuesta.streaming else respuesta.content
    return _TOKEN.sub(b"TOKEN", cuerpo)


@pytest.mark.parametrize("fila", _anonimas(), ids=lambda f: f.id)
def test_una_pagina_publica_se_sirve_de_la_cache_o_no_segun_su_declaracion(
    fila, client, escenario, django_assert_num_queries
):
    url = _url(fila, escenario)
    primera = client.get(url)
    assert primera.status_code == 200
    assert primera.get("X-Pagina-Publica") != "cache"
    if _cacheada_segun_declaracion(fila.nombre, fila.consulta):
        with django_assert_num_queries(0):
            segunda = client.get(url)
        assert segunda.get("X-Pagina-Publica") == "cache", url
        assert _cuerpo(segunda) == _cuerpo(primera)
        for cabecera in ("Content-Type", "Content-Disposition"):
            assert segunda.get(cabecera) == primera.get(cabecera), cabecera
    else:
        assert client.get(url).get("X-Pagina-Publica") != "cache", url


@pytest.mark.parametrize("url", ["/comunicacion/contacto/", "/comunicacion/suscripciones/"])
def test_un_formulario_de_la_cache_da_a_cada_visitante_un_token_que_sirve(url, escenario):
    """A form page served from the cache: the visitor gets a CSRF cookie and a token that the
    form's POST accepts (the 400 of an invalid form, not the 403 of a refused token)."""
    from django.test import Client

    Client().get(url)
    visitante = Client(enforce_csrf_checks=True)
    respuesta = visitante.get(url)
    assert respuesta.get("X-Pagina-Publica") == "cache"
    assert "csrftoken" in respuesta.cookies
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', respuesta.content)
    envio = visitante.post(url, {"csrfmiddlewaretoken": token.group(1).decode()})
    assert envio.status_code == 400


def test_una_persona_con_sesion_ve_sus_enlaces_y_el_publico_nunca(client, escenario):
    url = reverse("sie:indicadores")
    client.get(url)
    client.force_login(escenario.usuarios["coordinadora"])
    propia = client.get(url)
    assert propia.get("X-Pagina-Publica") != "cache"
    assert "Cerrar sesión" in propia.content.decode()
    client.logout()
    publica = client.get(url)
    assert publica.get("X-Pagina-Publica") == "cache"
    assert "Cerrar sesión" not in publica.content.decode()


# --- After a write the anonymous page shows it at once ----------------------------------------


def _cacheada(client, url: str) -> str:
    client.get(url)
    respuesta = client.get(url)
    assert respuesta.get("X-Pagina-Publica") == "cache", url
    return respuesta.content.decode()


def test_un_acta_reabierta_deja_la_pagina_publica_de_la_sesion(client, escenario):
    from mesas import services

    sesion = escenario.sesion_publicada
    url = reverse("mesas:sesion_publica", kwargs={"slug": sesion.mesa.slug, "numero": 1})
    assert sesion.mesa.nombre in _cacheada(client, url)
    services.sesion_reabrir(sesion=sesion, usuario=escenario.usuarios["coordinadora"])
    assert client.get(url).status_code == 404


def test_un_avance_de_compromiso_se_ve_enseguida(client, escenario):
    from pactos.services import pactos as srv

    compromiso = escenario.compromiso
    urls = [
        reverse(
            "pactos:compromiso_publico",
            kwargs={"slug": compromiso.pacto.slug, "numero": compromiso.numero},
        ),
        reverse("pactos:feed_avances"),
    ]
    for url in urls:
        assert "Puente de Pesillo terminado" not in _cacheada(client, url)
    srv.compromiso_actualizar(
        compromiso=compromiso,
        usuario=escenario.usuarios["coordinadora"],
        texto="Puente de Pesillo terminado",
        estado=compromiso.estado,
        avance=compromiso.avance,
    )
    for url in urls:
        respuesta = client.get(url)
        assert respuesta.get("X-Pagina-Publica") != "cache"
        assert "Puente de Pesillo terminado" in respuesta.content.decode(), url


def test_un_evento_editado_se_ve_enseguida_en_su_pagina_la_lista_y_el_calendario(client, escenario):
    from eventos import services
    from eventos.selectors import eventos_proximos

    evento = eventos_proximos().first() or escenario.otro_evento
    urls = [
        reverse("eventos:detalle", kwargs={"slug": evento.slug}),
        reverse("eventos:lista"),
        reverse("eventos:calendario"),
        reverse("eventos:ics", kwargs={"slug": evento.slug}),
    ]
    for url in urls:
        assert "Feria de Tabacundo" not in _cacheada(client, url)
    services.evento_actualizar(
        evento=evento,
        usuario=escenario.usuarios["coordinadora"],
        datos={"titulo": "Feria de Tabacundo"},
    )
    for url in urls:
        assert "Feria de Tabacundo" in client.get(url).content.decode(), url


def test_un_comentario_oculto_y_restaurado_se_ve_enseguida_en_la_consulta(client, escenario):
    from comunicacion.models import Comentario
    from comunicacion.services import consulta as srv

    comentario = Comentario.objects.filter(estado="publicado").order_by("pk").first()
    url = reverse("comunicacion:consulta", kwargs={"pk": comentario.consulta_id})
    moderadora = escenario.usuarios["coordinadora"]
    _cacheada(client, url)
    srv.comentario_ocultar(comentario=comentario, usuario=moderadora, motivo="Fuera de tema XQ")
    assert "Fuera de tema XQ" in client.get(url).content.decode()
    assert "Fuera de tema XQ" in _cacheada(client, url)
    srv.comentario_restaurar(comentario=comentario, usuario=moderadora)
    assert "Fuera de tema XQ" not in client.get(url).content.decode()


def test_una_noticia_editada_o_retirada_se_ve_enseguida(client, escenario):
    from comunicacion import services

    noticia = escenario.noticia
    comunicador = escenario.usuarios["comunicacion"]
    url = reverse("comunicacion:noticia", kwargs={"slug": noticia.slug})
    _cacheada(client, url)
    datos = {
        "titulo": "Minga por el agua en Pedro Moncayo",
        "resumen": noticia.resumen,
        "cuerpo": noticia.cuerpo,
        "ejes": list(noticia.ejes.all()),
        "cantones": list(noticia.cantones.all()),
    }
    services.noticia_editar(noticia=noticia, usuario=comunicador, datos=datos)
    assert "Minga por el agua en Pedro Moncayo" in client.get(url).content.decode()
    rss = _cacheada(client, reverse("comunicacion:noticias_rss"))
    assert "Minga por el agua en Pedro Moncayo" in rss
    services.noticia_retirar(noticia=noticia, usuario=comunicador)
    assert client.get(url).status_code == 404
    rss = client.get(reverse("comunicacion:noticias_rss")).content.decode()
    assert "Minga por el agua en Pedro Moncayo" not in rss


FUENTE = "Registro de la mancomunidad de Tabacundo"


def _medicion_publicada(escenario, valor):
    from decimal import Decimal

    from sie import services as sie
    from sie.models import Canton, Indicador

    analista = escenario.usuarios["analista"]
    medicion = sie.medicion_registrar(
        dato=sie.DatoMedicion(
            indicador=Indicador.objects.get(codigo="TUR-01"),
            canton=Canton.objects.get(codigo="1703"),
            periodo="2026",
            valor=Decimal(valor),
            fuente=FUENTE,
            fecha_dato=(timezone.now() - timedelta(days=1)).date(),
        ),
        usuario=analista,
    )
    medicion = sie.medicion_validar(medicion=medicion, usuario=analista, justificacion="ok")
    return sie.medicion_publicar(medicion=medicion, usuario=analista)


def test_un_valor_validado_y_publicado_o_corregido_se_ve_enseguida_en_el_sie(client, escenario):
    """Publishing a value shows it on the indicator's page, the canton's and the map; a
    correction (written in bulk, without signals) takes it off them at once."""
    from sie import services as sie

    urls = [
        reverse("sie:indicador", kwargs={"codigo": "TUR-01"}) + "?canton=1703",
        reverse("sie:canton", kwargs={"codigo": "1703"}),
        reverse("sie:mapa") + "?indicador=TUR-01",
    ]
    for url in urls:
        assert FUENTE not in _cacheada(client, url)
    medicion = _medicion_publicada(escenario, "987654")
    for url in urls:
        assert FUENTE in client.get(url).content.decode(), url
    for url in urls:
        _cacheada(client, url)
    sie.medicion_corregir(
        medicion=medicion,
        valor=medicion.valor + 1,
        fuente=medicion.fuente,
        fecha_dato=medicion.fecha_dato,
        usuario=escenario.usuarios["analista"],
    )
    for url in urls:
        assert FUENTE not in client.get(url).content.decode(), url
