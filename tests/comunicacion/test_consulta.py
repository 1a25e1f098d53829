# ruff: noqa: F811 - the fixtures imported from _consulta are used as arguments
"""Public consultation on a draft pacto: a visitor comments on the whole text, a section or a
commitment, confirms the e-mail with a signed link that cannot be forged; anti-abuse (CSRF,
honeypot, rate and length limits); moderation that hides with a public reason and never
deletes; official answers (also in bulk) e-mailed once; the API and the feed without personal
data; the closing report as a PDF read back with pypdf."""

import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse

from comunicacion.models import Comentario, Consulta, RespuestaOficial
from comunicacion.services import consulta as srv
from comunicacion.views.consulta import ComentarView
from core.permisos import AccesoDenegado
from pactos.models import Pacto
from sie.models import Canton, Sector
from tests.ayudas_pdf import texto_pdf
from tests.factories import ActorFactory

from ._consulta import DATOS_COMENTARIO, comentar, consulta, pacto_borrador  # noqa: F401

pytestmark = pytest.mark.django_db


CONEXIONES = ["127.0.0.1", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.99"]
CORREOS = ["rosa@example.org", "otra@example.org"] + [f"p{i}@example.org" for i in range(6)]


@pytest.fixture(autouse=True)
def _sin_limites():
    """Only this module's rate-limit keys are reset (never the whole shared cache)."""
    from django.core.cache import cache

    from comunicacion.views.consulta import clave_limite_conexion, clave_limite_correo

    claves = [clave_limite_conexion(ip) for ip in CONEXIONES]
    claves += [clave_limite_correo(correo) for correo in CORREOS]
    cache.delete_many(claves)
    yield
    cache.delete_many(claves)


def _url_comentar(consulta):
    return reverse("comunicacion:comentar", args=[consulta.pk])


def _datos_form(**extra):
    datos = {**DATOS_COMENTARIO, "canton": Canton.objects.get(codigo="1709").pk}
    datos.update(extra)
    return datos


def _enlace(correo) -> str:
    return re.search(r"https?://\S+/consultas/confirmar/\S+/", correo.body).group(0)


def test_abrir_la_consulta_pasa_el_borrador_a_consulta(consulta, pacto_borrador):
    pacto_borrador.refresh_from_db()
    assert pacto_borrador.estado == Pacto.Estado.CONSULTA
    assert consulta.version == pacto_borrador.versiones.order_by("-numero").first()
    assert consulta.acepta_comentarios


def test_una_sola_consulta_abierta_y_no_sobre_un_pacto_firmado(consulta, coordinadora):
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    def abrir_otra():
        ahora = timezone.now()
        srv.consulta_abrir(
            pacto=consulta.pacto,
            usuario=coordinadora,
            abre=ahora,
            cierra=ahora + timezone.timedelta(days=3),
        )

    with pytest.raises(ValidationError, match="ya tiene una consulta abierta"):
        abrir_otra()
    Pacto.objects.filter(pk=consulta.pacto.pk).update(estado=Pacto.Estado.FIRMADO)
    Consulta.objects.filter(pk=consulta.pk).update(estado=Consulta.Estado.CERRADA)
    with pytest.raises(ValidationError, match="borrador o en consulta"):
        abrir_otra()


def test_un_visitante_comenta_un_compromiso_y_confirma_su_correo(
    client, consulta, django_capture_on_commit_callbacks, settings
):
    settings.PORTAL_URL = "https://pactos.example"
    compromiso = consulta.pacto.compromisos.get(numero=2)
    sector = Sector.objects.get(slug="cacao-cafe-cana")
    formulario = client.get(
        _url_comentar(consulta) + f"?destino=compromiso&compromiso={compromiso.pk}"
    )
    html = formulario.content.decode()
    assert "Usted comenta: <strong>Compromiso 2. Compromiso de prueba 2</strong>" in html
    assert f'type="hidden" name="compromiso" value="{compromiso.pk}"' in html
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            _url_comentar(consulta),
            _datos_form(destino="compromiso", compromiso=compromiso.pk, sector=sector.pk),
        )
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("comunicacion:comentario_enviado", args=[consulta.pk])
    comentario = Comentario.objects.get()
    assert comentario.estado == Comentario.Estado.PENDIENTE
    assert comentario.compromiso_etiqueta == "2. Compromiso de prueba 2"
    # Not on the page until confirmed.
    assert DATOS_COMENTARIO["texto"] not in client.get(consulta.get_absolute_url()).content.decode()

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["rosa@example.org"]
    enlace = _enlace(mail.outbox[0])
    assert enlace.startswith("https://pactos.example/comunicacion/consultas/confirmar/")
    ruta = enlace.removeprefix("https://pactos.example")
    # Opening the link (a mail scanner may do it) changes nothing; the button publishes.
    assert "Confirmar y publicar" in client.get(ruta).content.decode()
    assert Comentario.objects.get().estado == Comentario.Estado.PENDIENTE
    publicado = client.post(ruta)
    assert publicado["Location"].endswith(f"#comentario-{comentario.pk}")
    comentario.refresh_from_db()
    assert comentario.estado == Comentario.Estado.PUBLICADO and comentario.publicado_en

    pagina = client.get(consulta.get_absolute_url()).content.decode()
    assert DATOS_COMENTARIO["texto"] in pagina
    assert "Rosa Guamán" in pagina and "Puerto Quito" in pagina
    assert "rosa@example.org" not in pagina
    # Confirming again is harmless.
    assert client.post(ruta).status_code == 302
    assert len(mail.outbox) == 1


def test_el_enlace_de_confirmacion_no_lleva_el_correo_de_quien_comenta(
    client, consulta, django_capture_on_commit_callbacks, settings
):
    """Issue 14 item 8: the link's signed payload was base64 of {"c": id, "e": address}; whoever
    saw the link (a log, a forwarded mail, a proxy) could read the address. It carries the id
    and a random key now."""
    import zlib

    settings.PORTAL_URL = "https://pactos.example"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url_comentar(consulta), _datos_form(email="Rosa.Guaman@Example.org"))
    enlace = _enlace(mail.outbox[0])
    token = enlace.rstrip("/").rsplit("/", 1)[1]
    carga = token.split(":", 1)[0]
    crudo = signing.b64_decode(carga.removeprefix(".").encode())
    if carga.startswith("."):
        crudo = zlib.decompress(crudo)
    legible = crudo.decode().lower()
    for parte in ("rosa.guaman@example.org", "rosa.guaman", "example.org"):
        assert parte not in legible and parte not in enlace.lower()
    # The link still confirms the comment.
    ruta = enlace.removeprefix("https://pactos.example")
    assert client.post(ruta).status_code == 302
    assert Comentario.objects.get().estado == Comentario.Estado.PUBLICADO


def test_un_enlace_enviado_antes_del_cambio_sigue_valiendo(client, comentar):
    """Links already in mailboxes at deploy time (the old payload) confirm until they expire."""
    comentario = comentar(confirmar=False)
    antiguo = signing.dumps(
        {"c": comentario.pk, "e": comentario.email}, salt=srv.SAL_CONFIRMACION, compress=True
    )
    url = reverse("comunicacion:comentario_confirmar", args=[antiguo])
    assert client.post(url).status_code == 302
    comentario.refresh_from_db()
    assert comentario.estado == Comentario.Estado.PUBLICADO


def test_los_enlaces_de_confirmacion_no_se_pueden_falsificar(client, comentar, monkeypatch):
    a = comentar(confirmar=False)
    b = comentar(confirmar=False, email="otra@example.org")
    token_a = srv.comentario_token(comentario=a)
    url = lambda token: reverse("comunicacion:comentario_confirmar", args=[token])  # noqa: E731

    falsos = [
        token_a[:-2] + ("AA" if not token_a.endswith("AA") else "BB"),  # altered signature
        signing.dumps({"c": b.pk, "e": b.email}, salt="otra-sal", compress=True),  # other salt
        signing.dumps({"c": b.pk, "e": b.email}, key="clave-ajena", salt=srv.SAL_CONFIRMACION),
        signing.dumps({"c": b.pk, "e": a.email}, salt=srv.SAL_CONFIRMACION),  # mixes a and b
        signing.dumps([b.pk, a.clave_confirmacion], salt=srv.SAL_CONFIRMACION),  # a's key, b's id
        signing.dumps([b.pk, ""], salt=srv.SAL_CONFIRMACION),  # no key
        signing.dumps(b.pk, salt=srv.SAL_CONFIRMACION),  # an id alone
        "no-es-un-token",
    ]
    for token in falsos:
        respuesta = client.post(url(token))
        assert respuesta.status_code == 400, token
        assert "El enlace no es válido." in respuesta.content.decode()
    assert set(Comentario.objects.values_list("estado", flat=True)) == {"pendiente"}

    # A genuine link confirms its own comment only.
    assert client.post(url(token_a)).status_code == 302
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.estado, b.estado) == ("publicado", "pendiente")

    # An expired link is refused with its own message.
    monkeypatch.setattr(srv, "VALIDEZ_CONFIRMACION", -1)
    respuesta = client.post(url(srv.comentario_token(comentario=b)))
    assert respuesta.status_code == 400
    assert "El enlace caducó" in respuesta.content.decode()
    b.refresh_from_db()
    assert b.estado == "pendiente"


def test_una_persona_con_cuenta_publica_sin_confirmar(cliente_de, sin_rol, consulta):
    sin_rol.first_name, sin_rol.last_name = "Jorge", "Morales"
    sin_rol.save()
    cliente = cliente_de(sin_rol)
    formulario = cliente.get(_url_comentar(consulta)).content.decode()
    assert 'name="email"' not in formulario
    respuesta = cliente.post(
        _url_comentar(consulta),
        {
            "destino": "seccion",
            "seccion": "estrategia",
            "tipo": "preocupacion",
            "texto": "¿Y Mindo?",
        },
    )
    comentario = Comentario.objects.get()
    assert respuesta["Location"].endswith(f"#comentario-{comentario.pk}")
    assert comentario.estado == "publicado" and comentario.nombre == "Jorge Morales"
    assert comentario.usuario == sin_rol and comentario.email == ""
    assert mail.outbox == []


def test_el_contacto_de_una_organizacion_comenta_en_su_nombre(cliente_de, sin_rol, consulta):
    from actores.models import Actor
    from pactos.models import ContactoResponsable

    camara = ActorFactory(
        sin_contacto=True, nombre="Cámara de Turismo de Puerto Quito", tipo=Actor.Tipo.PRIVADO
    )
    ContactoResponsable.objects.create(usuario=sin_rol, actor=camara)
    sin_rol.first_name = "Paola"
    sin_rol.save()
    cliente_de(sin_rol).post(
        _url_comentar(consulta), {"destino": "texto", "tipo": "apoyo", "texto": "Apoyamos."}
    )
    comentario = Comentario.objects.get()
    assert comentario.nombre == "Paola (Cámara de Turismo de Puerto Quito)"
    assert comentario.estado == "publicado"


def test_validacion_en_espanol_y_limite_de_longitud(client, consulta):
    respuesta = client.post(
        _url_comentar(consulta),
        {"destino": "compromiso", "texto": "", "nombre": "", "email": "no-es-correo"},
    )
    html = respuesta.content.decode()
    assert respuesta.status_code == 400  # an invalid form keeps what was typed
    for texto in (
        "Escriba su comentario.",
        "Escriba su nombre.",
        "Escriba un correo electrónico válido",
        "Elija si apoya, le preocupa algo o propone un cambio.",
        "Elija el compromiso que comenta.",
    ):
        assert texto in html, texto
    respuesta = client.post(_url_comentar(consulta), _datos_form(texto="x" * 2001))
    assert "El comentario puede tener hasta 2000 caracteres." in respuesta.content.decode()
    assert 'maxlength="2000"' in respuesta.content.decode()
    assert not Comentario.objects.exists()


def test_no_se_comenta_un_compromiso_de_otro_pacto(client, consulta, coordinadora):
    from pactos.models import Compromiso

    otro = Compromiso.objects.exclude(pacto=consulta.pacto).first()
    if otro is None:
        ajeno = Pacto.objects.create(
            eje=consulta.pacto.eje, titulo="Otro pacto", slug="otro-pacto", creado_por=coordinadora
        )
        otro = Compromiso.objects.create(pacto=ajeno, numero=1, titulo="Ajeno", texto="Ajeno")
    respuesta = client.post(
        _url_comentar(consulta), _datos_form(destino="compromiso", compromiso=otro.pk)
    )
    assert respuesta.status_code == 400  # an invalid form keeps what was typed
    assert not Comentario.objects.exists()


def test_el_campo_trampa_detiene_a_los_robots(client, consulta):
    respuesta = client.post(_url_comentar(consulta), _datos_form(web="http://spam.example"))
    assert respuesta.status_code == 400  # an invalid form keeps what was typed
    assert "No pudimos procesar su comentario." in respuesta.content.decode()
    assert not Comentario.objects.exists()
    assert 'class="campo-trampa-com' in client.get(_url_comentar(consulta)).content.decode()


def test_limite_por_conexion_y_por_correo(client, consulta):
    for i in range(ComentarView.LIMITE_POR_HORA):
        assert (
            client.post(_url_comentar(consulta), _datos_form(email=f"p{i}@example.org")).status_code
            == 302
        )
    respuesta = client.post(_url_comentar(consulta), _datos_form(email="otra@example.org"))
    assert respuesta.status_code == 429
    assert "Demasiados comentarios desde esta conexión" in respuesta.content.decode()
    assert Comentario.objects.count() == ComentarView.LIMITE_POR_HORA
    # From another address it goes through, but one mailbox gets few confirmation e-mails.
    for n in range(ComentarView.LIMITE_POR_CORREO):
        ip = f"10.0.0.{n + 1}"
        assert (
            client.post(_url_comentar(consulta), _datos_form(), REMOTE_ADDR=ip).status_code == 302
        )
    respuesta = client.post(_url_comentar(consulta), _datos_form(), REMOTE_ADDR="10.0.0.99")
    assert respuesta.status_code == 429
    assert (
        Comentario.objects.filter(email="rosa@example.org").count()
        == ComentarView.LIMITE_POR_CORREO
    )


def test_el_formulario_exige_csrf(consulta):
    cliente = Client(enforce_csrf_checks=True)
    assert cliente.post(_url_comentar(consulta), _datos_form()).status_code == 403
    assert not Comentario.objects.exists()


def test_una_consulta_cerrada_no_recibe_comentarios(client, consulta, coordinadora):
    Consulta.objects.filter(pk=consulta.pk).update(estado=Consulta.Estado.CERRADA)
    respuesta = client.post(_url_comentar(consulta), _datos_form())
    assert respuesta.status_code == 302
    assert not Comentario.objects.exists()
    pagina = client.get(consulta.get_absolute_url()).content.decode()
    assert "Consulta cerrada" in pagina and "Comentar todo el texto" not in pagina


def test_un_comentario_oculto_desaparece_de_pagina_feed_y_api(
    client, cliente_de, comunicador, consulta, comentar
):
    visible = comentar(texto="Apoyamos la ruta del noroccidente.", tipo="apoyo")
    spam = comentar(texto="Compre paquetes baratos en mi web.", email="spam@example.org")
    rss = reverse("comunicacion:consulta_rss", args=[consulta.pk])
    api = "/api/v1/consulta-comentarios/"
    assert "Compre paquetes baratos" in client.get(rss).content.decode()

    staff = cliente_de(comunicador)
    staff.post(
        reverse("comunicacion:comentario_ocultar", args=[spam.pk]),
        {"motivo": "Publicidad comercial ajena a la consulta."},
    )
    spam.refresh_from_db()
    assert spam.estado == "oculto" and spam.oculto_por == comunicador and spam.oculto_en
    assert Comentario.objects.filter(pk=spam.pk).exists()  # never deleted

    client.logout()
    pagina = client.get(consulta.get_absolute_url()).content.decode()
    assert "Compre paquetes baratos" not in pagina
    assert "Comentario oculto por moderación: Publicidad comercial ajena a la consulta." in pagina
    assert "Apoyamos la ruta del noroccidente." in pagina
    feed = client.get(rss).content.decode()
    assert "Compre paquetes baratos" not in feed and "Apoyamos la ruta" in feed
    datos = client.get(api).json()
    textos = (
        [c["texto"] for c in datos["results"]]
        if "results" in datos
        else [c["texto"] for c in datos]
    )
    assert textos == [visible.texto]
    assert client.get(f"{api}{spam.pk}/").status_code == 404

    # Moderation can be undone; hiding without a reason is refused.
    staff = cliente_de(comunicador)
    staff.post(reverse("comunicacion:comentario_restaurar", args=[spam.pk]))
    spam.refresh_from_db()
    assert spam.estado == "publicado"
    staff.post(reverse("comunicacion:comentario_ocultar", args=[spam.pk]), {"motivo": ""})
    spam.refresh_from_db()
    assert spam.estado == "publicado"


def test_la_api_y_el_feed_no_llevan_correos_ni_nombres(client, comentar, comunicador, consulta):
    c = comentar()
    comentar(confirmar=False, email="pendiente@example.org", texto="Aún sin confirmar.")
    srv.respuesta_publicar(
        consulta=consulta, comentarios=[c], usuario=comunicador, texto="Gracias.", enviar=False
    )
    crudo = client.get("/api/v1/consulta-comentarios/").content.decode()
    assert "@example.org" not in crudo and "Rosa" not in crudo
    assert "Aún sin confirmar." not in crudo
    assert '"decision":"no_aplica"' in crudo.replace(" ", "")
    assert "Puerto Quito" in crudo
    feed = client.get(reverse("comunicacion:consulta_rss", args=[consulta.pk])).content.decode()
    assert "@example.org" not in feed and "Rosa" not in feed


def test_respuesta_masiva_visible_junto_a_cada_comentario_y_enviada_una_vez(
    client, cliente_de, comunicador, consulta, comentar, django_capture_on_commit_callbacks
):
    a = comentar(email="a@example.org", texto="Paradas para aves en Mindo.")
    b = comentar(email="b@example.org", texto="Paradas para aves en Los Bancos.")
    c = comentar(email="c@example.org", texto="Otra cosa.")
    staff = cliente_de(comunicador)
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = staff.post(
            reverse("comunicacion:consulta_responder", args=[consulta.pk]),
            {
                "comentarios": [a.pk, b.pk],
                "texto": "La ruta incluirá paradas de observación de aves.",
                "decision": "incorporado",
            },
        )
    assert respuesta.status_code == 302
    respuesta_oficial = RespuestaOficial.objects.get()
    assert set(respuesta_oficial.comentarios.all()) == {a, b}
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert "La ruta incluirá paradas" in mail.outbox[0].body
    assert "Incorporado a la siguiente versión" in mail.outbox[0].body
    # A retried task sends nothing more.
    for comentario in (a, b, c):
        assert srv.respuesta_comentario_enviar(comentario_id=comentario.pk) is False
    assert len(mail.outbox) == 2
    # Answering an answered comment again is refused.
    with pytest.raises(Exception, match="ya tiene respuesta"):
        srv.respuesta_publicar(consulta=consulta, comentarios=[a], usuario=comunicador, texto="x")

    client.logout()
    pagina = client.get(consulta.get_absolute_url()).content.decode()
    assert pagina.count("La ruta incluirá paradas de observación de aves.") == 2
    assert "Respuesta del programa" in pagina


def test_solo_se_responden_comentarios_publicados(comunicador, consulta, comentar):
    from django.core.exceptions import ValidationError

    pendiente = comentar(confirmar=False)
    with pytest.raises(ValidationError, match="Solo se responden comentarios publicados"):
        srv.respuesta_publicar(
            consulta=consulta, comentarios=[pendiente], usuario=comunicador, texto="Gracias."
        )
    assert not RespuestaOficial.objects.exists()


@pytest.mark.parametrize("rol", ["facilitacion", "analisis", "sin_rol"])
def test_los_servicios_tambien_niegan(rol, usuarios_por_rol, consulta, comentar):
    c = comentar()
    with pytest.raises(AccesoDenegado):
        srv.respuesta_publicar(
            consulta=consulta, comentarios=[c], usuario=usuarios_por_rol[rol], texto="x"
        )
    with pytest.raises(AccesoDenegado):
        srv.comentario_ocultar(comentario=c, usuario=usuarios_por_rol[rol], motivo="x")


def test_el_informe_de_cierre_es_un_pdf_con_quien_participo_y_que_se_incorporo(
    cliente_de, coordinadora, comunicador, consulta, comentar, django_capture_on_commit_callbacks
):
    cayambe = Canton.objects.get(codigo="1702")
    a = comentar(email="a@example.org", texto="Señalética bilingüe en la ruta.")
    b = comentar(
        email="b@example.org",
        canton=cayambe,
        tipo="preocupacion",
        texto="Preocupa el ruido en los ríos.",
        sector=Sector.objects.get(slug="cacao-cafe-cana"),
    )
    oculto = comentar(email="c@example.org", texto="Spam.")
    srv.comentario_ocultar(comentario=oculto, usuario=comunicador, motivo="Publicidad.")
    for comentario, decision, texto in [
        (a, "incorporado", "Se incorpora la señalética bilingüe al compromiso 1."),
        (b, "no_incorporado", "El ruido lo regula el GAD municipal; no entra en el pacto."),
    ]:
        srv.respuesta_publicar(
            consulta=consulta,
            comentarios=[comentario],
            usuario=comunicador,
            texto=texto,
            decision=decision,
            enviar=False,
        )
    cliente = cliente_de(coordinadora)
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = cliente.post(reverse("comunicacion:consulta_cerrar", args=[consulta.pk]))
    consulta.refresh_from_db()
    assert consulta.estado == "cerrada" and consulta.cerrada_por == coordinadora
    from core.models import Documento

    documento = Documento.objects.get(tipo="consulta_informe")
    assert respuesta["Location"] == documento.get_absolute_url()
    documento.refresh_from_db()
    assert documento.estado == Documento.Estado.LISTO, (
        documento.error if hasattr(documento, "error") else ""
    )
    texto = texto_pdf(documento)
    assert "Informe de la consulta pública" in texto
    assert "Pacto de turismo del noroccidente" in texto
    assert "Puerto Quito" in texto and "Cayambe" in texto and "Cacao, café y caña" in texto
    assert "Señalética bilingüe en la ruta." in texto  # what was proposed
    assert "Incorporado a la siguiente versión" in texto and "No incorporado" in texto
    assert "no entra en el pacto" in texto  # and why
    assert "Comentario oculto: Publicidad." in texto
    assert "@example.org" not in texto
    # Comments are no longer accepted.
    assert not Consulta.objects.get(pk=consulta.pk).acepta_comentarios


def test_demo_una_consulta_abierta_con_comentarios_y_respuestas(
    client, coordinadora, comunicador, pacto_borrador, django_capture_on_commit_callbacks
):
    from comunicacion.demo_consulta import TITULO, cargar_demo_consulta

    with django_capture_on_commit_callbacks(execute=True):
        assert "consulta pública abierta" in cargar_demo_consulta(
            coordinadora=coordinadora, comunicacion=comunicador
        )
        assert cargar_demo_consulta(coordinadora=coordinadora, comunicacion=comunicador) == ""
    consulta = Consulta.objects.get(version__pacto__titulo=TITULO)
    assert consulta.acepta_comentarios and consulta.pacto.estado == Pacto.Estado.CONSULTA
    estados = list(consulta.comentarios.values_list("estado", flat=True))
    assert estados.count("oculto") == 1 and estados.count("pendiente") == 1
    assert consulta.comentarios.filter(canton__codigo="1709").count() >= 2
    assert consulta.comentarios.values("canton").distinct().count() >= 4
    masiva = RespuestaOficial.objects.filter(consulta=consulta).order_by("creada").first()
    assert masiva.comentarios.count() == 2
    assert mail.outbox == []  # fictitious participants get no e-mail
    pagina = client.get(consulta.get_absolute_url()).content.decode()
    assert "Comentario oculto por moderación: Publicidad comercial ajena a la consulta." in pagina
    assert "Respuesta del programa" in pagina and "@example.org" not in pagina


def test_la_lista_publica_de_pactos_anuncia_la_consulta_abierta(client, consulta):
    html = client.get(reverse("pactos:pactos_publicos")).content.decode()
    assert "Consulta abierta — comente aquí" in html
    assert f'href="{consulta.get_absolute_url()}"' in html
    consulta.estado = Consulta.Estado.CERRADA
    consulta.save()  # a save, like every service's, renews the public pages' cache
    html = client.get(reverse("pactos:pactos_publicos")).content.decode()
    assert "Consulta abierta — comente aquí" not in html


def test_un_aviso_que_falla_no_rompe_la_lista_de_pactos(client):
    from pactos.avisos_publicos import AVISOS_PUBLICOS

    def roto():
        raise RuntimeError("caído")

    AVISOS_PUBLICOS.registrar("roto", roto)
    try:
        assert client.get(reverse("pactos:pactos_publicos")).status_code == 200
    finally:
        AVISOS_PUBLICOS.retirar("roto")


def test_al_pasar_la_fecha_de_cierre_beat_cierra_y_pide_el_informe(
    consulta, comentar, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from comunicacion.tasks import cerrar_consultas_vencidas
    from config.celery import app
    from core.models import Documento

    comentar()
    assert "comunicacion-cerrar-consultas-vencidas" in app.conf.beat_schedule
    assert cerrar_consultas_vencidas() == 0  # still open
    Consulta.objects.filter(pk=consulta.pk).update(cierra=timezone.now(), abre=consulta.abre)
    with django_capture_on_commit_callbacks(execute=True):
        assert cerrar_consultas_vencidas() == 1
    consulta.refresh_from_db()
    assert consulta.estado == Consulta.Estado.CERRADA and consulta.cerrada_por is None
    documento = Documento.objects.get(tipo="consulta_informe")
    assert documento.estado == Documento.Estado.LISTO and documento.solicitado_por is None
    assert cerrar_consultas_vencidas() == 0  # a second run finds nothing


def test_los_comentarios_sin_confirmar_se_borran_a_los_30_dias(consulta, comentar):
    """Data minimisation: an address never confirmed is not kept; published comments stay."""
    import datetime

    from django.utils import timezone

    pendiente = srv.comentario_recibir(
        consulta=consulta, datos={**DATOS_COMENTARIO, "email": "nunca@example.org"}, enviar=False
    )
    publicado = srv.comentario_confirmar(
        token=srv.comentario_token(
            comentario=srv.comentario_recibir(
                consulta=consulta, datos=DATOS_COMENTARIO, enviar=False
            )
        )
    )
    hace = timezone.now() - datetime.timedelta(days=31)
    Comentario.objects.filter(pk__in=[pendiente.pk, publicado.pk]).update(creado=hace)
    reciente = srv.comentario_recibir(
        consulta=consulta, datos={**DATOS_COMENTARIO, "email": "hoy@example.org"}, enviar=False
    )

    assert srv.comentarios_sin_confirmar_purgar() == 1
    assert not Comentario.objects.filter(pk=pendiente.pk).exists()
    assert Comentario.objects.filter(pk__in=[publicado.pk, reciente.pk]).count() == 2

    from config.celery import app

    entrada = app.conf.beat_schedule["comunicacion-purgar-comentarios-sin-confirmar"]
    assert entrada["task"] == "comunicacion.tasks.purgar_comentarios_sin_confirmar"
