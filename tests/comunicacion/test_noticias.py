"""News: drafts never public (list, page, feeds), filters, pagination, sanitised Markdown."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from comunicacion import services
from comunicacion.models import Noticia

pytestmark = pytest.mark.django_db

LISTA = reverse("comunicacion:noticias")
RSS = reverse("comunicacion:noticias_rss")
ATOM = reverse("comunicacion:noticias_atom")


def test_una_noticia_nueva_es_borrador_con_slug(crear_noticia):
    noticia = crear_noticia(titulo="Arranca el programa")
    assert noticia.estado == Noticia.Estado.BORRADOR
    assert noticia.slug == "arranca-el-programa"
    otra = crear_noticia(titulo="Arranca el programa")
    assert otra.slug == "arranca-el-programa-2"


def test_el_publico_nunca_ve_borradores(client, publicada, borrador):
    for url in (LISTA, RSS, ATOM):
        contenido = client.get(url).content.decode()
        assert publicada.titulo in contenido
        assert borrador.titulo not in contenido
    assert client.get(publicada.get_absolute_url()).status_code == 200
    assert client.get(borrador.get_absolute_url()).status_code == 404


def test_una_fecha_futura_la_mantiene_fuera_hasta_entonces(client, crear_noticia):
    futura = crear_noticia(publicar=True, cuando=timezone.now() + timedelta(days=2))
    assert futura.titulo not in client.get(LISTA).content.decode()
    assert futura.titulo not in client.get(RSS).content.decode()
    assert client.get(futura.get_absolute_url()).status_code == 404


def test_retirar_la_devuelve_a_borrador_y_desaparece(client, publicada, comunicador):
    services.noticia_retirar(noticia=publicada, usuario=comunicador)
    assert publicada.titulo not in client.get(LISTA).content.decode()
    assert publicada.titulo not in client.get(ATOM).content.decode()
    assert client.get(publicada.get_absolute_url()).status_code == 404


def test_filtros_por_eje_y_canton(client, crear_noticia):
    antes = timezone.now() - timedelta(hours=1)
    turismo = crear_noticia(publicar=True, cuando=antes, ejes=["turismo"], cantones=["1707"])
    agro = crear_noticia(publicar=True, cuando=antes, ejes=["agropecuario"], cantones=["1702"])
    html = client.get(LISTA, {"eje": "turismo"}).content.decode()
    assert turismo.titulo in html and agro.titulo not in html
    cayambe = turismo.cantones.model.objects.get(codigo="1702").slug
    html = client.get(LISTA, {"canton": cayambe}).content.decode()
    assert agro.titulo in html and turismo.titulo not in html
    html = client.get(LISTA, {"eje": "turismo", "canton": cayambe}).content.decode()
    assert "No hay noticias con estos filtros." in html


def test_paginacion(client, crear_noticia):
    antes = timezone.now() - timedelta(hours=1)
    for i in range(11):
        crear_noticia(publicar=True, cuando=antes - timedelta(minutes=i))
    primera = client.get(LISTA)
    assert len(primera.context["pagina"].object_list) == 9
    assert "Página 1 de 2" in primera.content.decode()
    segunda = client.get(LISTA, {"page": 2})
    assert len(segunda.context["pagina"].object_list) == 2


def test_lista_vacia(client, db):
    assert "Todavía no hay noticias publicadas." in client.get(LISTA).content.decode()


ATAQUES = {
    "titulo": '<script>alert("t")</script>Título',
    "resumen": '<img src=x onerror=alert("r")>Resumen',
    "cuerpo": (
        '<script>alert("c")</script>\n\n'
        '<a href="javascript:alert(1)">pulse</a> <b onmouseover="alert(2)">negrita</b>\n\n'
        "[enlace](javascript:alert(3)) y [bueno](https://pichincha.gob.ec)\n\n"
        '<iframe src="https://malo.example"></iframe>'
    ),
}


def _inerte(texto: str) -> None:
    assert "<script" not in texto
    assert "onerror=" not in texto
    assert "onmouseover" not in texto
    assert "javascript:" not in texto
    assert "<iframe" not in texto


def test_xss_en_titulo_resumen_y_cuerpo_queda_inerte(client, crear_noticia):
    noticia = crear_noticia(publicar=True, cuando=timezone.now() - timedelta(hours=1), **ATAQUES)
    for url in (LISTA, noticia.get_absolute_url()):
        html = client.get(url).content.decode()
        # Title and summary are escaped; the body is sanitised by nh3.
        assert "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;Título" in html
        assert '<script>alert("t")' not in html
        assert "<img src=x" not in html
    pagina = client.get(noticia.get_absolute_url()).content.decode()
    cuerpo = pagina.split('class="noticia-cuerpo"')[1].split("</div>")[0]
    _inerte(cuerpo)
    assert (
        '<a href="https://pichincha.gob.ec" rel="noopener noreferrer nofollow">bueno</a>' in cuerpo
    )
    for url in (RSS, ATOM):
        xml = client.get(url).content.decode()
        # In the feed everything is text, escaped for XML: no live markup can come out of it.
        assert "<script" not in xml and "javascript:" not in xml and "<iframe" not in xml
        assert "onmouseover" not in xml


def test_imagen_sin_texto_alternativo_no_se_acepta(crear_noticia):
    from django.core.files.uploadedfile import SimpleUploadedFile

    gif = (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
        b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    )
    with pytest.raises(ValidationError) as exc:
        crear_noticia(imagen=SimpleUploadedFile("a.gif", gif, content_type="image/gif"))
    assert "texto alternativo" in str(exc.value)


def test_enlaces_a_mesa_pacto_y_evento_son_opcionales(publicada):
    assert publicada.mesa is None and publicada.pacto is None and publicada.evento is None
