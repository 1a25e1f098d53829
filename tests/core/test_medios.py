"""Uploaded files under their objects' rule (core/medios.py), at the address the pages link.

Every case fetches the file through the URL conf as a visitor or a staff member would, with
real small files (a PNG made with Pillow, a PDF made with pypdf): a public file loads for an
anonymous visitor with its bytes, type and cache headers; a file whose object is not public is
the same 404 as a file that does not exist; staff get a private file only with the rule of the
page that shows it.
"""

import datetime
import io
import re

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.urls import resolve, reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from actores.models import Importacion
from comunicacion.models import Noticia
from comunicacion.services import noticia_retirar
from core.medios import medio_view, tipos_medio, url_medio
from core.models import Documento
from eventos.models import FotoEvento, Ponente
from pactos.models import Actividad, Compromiso, Evidencia, Pacto
from sie.models import Eje
from tests.factories import ActorFactory
from tests.publicados import evento_proximo, noticia_con_imagen
from tests.visitantes import ROLES

pytestmark = pytest.mark.django_db

CUATRO_HORAS = datetime.timedelta(hours=4)


def png(color=(200, 30, 30)) -> bytes:
    salida = io.BytesIO()
    Image.new("RGB", (3, 2), color).save(salida, format="PNG")
    return salida.getvalue()


def pdf() -> bytes:
    escritor = PdfWriter()
    escritor.add_blank_page(width=72, height=72)
    salida = io.BytesIO()
    escritor.write(salida)
    return salida.getvalue()


@pytest.fixture
def medios(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


class Escenario:
    """One object of every kind that holds a file, public and not public."""

    def __init__(self):
        self.bytes = {}
        self._noticias(timezone.now())
        self._eventos()
        self._pactos()
        self.actividad = Actividad.objects.create(
            bloque="pactos",
            codigo="prueba-medios",
            nombre="Actividad",
            es_hito=True,
            estado="hecha",
            evidencia_archivo=self._archivo("actividad", "lista.pdf", pdf()),
        )
        self.importacion = Importacion.objects.create(
            archivo=self._archivo("importacion", "actores.csv", b"nombre;email\nAna;ana@x.ec\n"),
            nombre_archivo="actores.csv",
            estado=Importacion.Estado.APLICADA,
        )
        self.documento = Documento.objects.create(
            content_type=ContentType.objects.get_for_model(Pacto),
            object_id=str(self.pacto.pk),
            tipo="pacto",
            estado=Documento.Estado.LISTO,
            checksum="0" * 64,
            archivo=self._archivo("documento", "pacto.pdf", pdf()),
        )
        self.huerfano = default_storage.save(
            "comunicacion/noticias/huerfano.png", ContentFile(png())
        )

    def _archivo(self, clave: str, nombre: str, contenido: bytes) -> ContentFile:
        self.bytes[clave] = contenido
        return ContentFile(contenido, name=nombre)

    def _noticias(self, ahora) -> None:
        self.noticia = noticia_con_imagen(
            "Ferias de cacao en Puerto Quito",
            self._archivo("noticia", "feria.png", png()),
            slug="ferias-de-cacao",
            imagen_alt="Mesas de cacao en la plaza",
            publicada_en=ahora - datetime.timedelta(days=1),
        )
        self.noticia_borrador = noticia_con_imagen(
            "Borrador", self._archivo("noticia_borrador", "borrador.png", png((0, 0, 200)))
        )
        self.noticia_futura = noticia_con_imagen(
            "Programada",
            self._archivo("noticia_futura", "programada.png", png((0, 200, 0))),
            publicada_en=ahora + datetime.timedelta(days=2),
        )

    def _eventos(self) -> None:
        en_diez_dias = {"dentro_de": datetime.timedelta(days=10), "duracion": CUATRO_HORAS}
        self.evento = evento_proximo("Lanzamiento", publicado=True, **en_diez_dias)
        self.evento_oculto = evento_proximo("Interno", **en_diez_dias)
        self.ponente = Ponente.objects.create(
            evento=self.evento,
            nombre="Rosa Tipán",
            foto=self._archivo("ponente", "rosa.png", png()),
        )
        self.ponente_oculto = Ponente.objects.create(
            evento=self.evento_oculto,
            nombre="Ponente interno",
            foto=self._archivo("ponente_oculto", "interno.png", png((9, 9, 9))),
        )
        self.foto_evento = FotoEvento.objects.create(
            evento=self.evento, imagen=self._archivo("foto_evento", "sala.png", png((50, 50, 50)))
        )

    def _pacto_con_evidencia(self, clave: str, estado: str, titulo: str, slug: str, compromiso):
        """A pacto with its signed copy, one commitment and one piece of evidence; compromiso is
        (title, text, evidence title, evidence file name), clave the suffix of their keys."""
        pacto = Pacto.objects.create(
            eje=Eje.objects.get(codigo="turismo"),
            titulo=titulo,
            slug=slug,
            estado=estado,
            copia_firmada=self._archivo(f"copia{clave}", f"{slug}.pdf", pdf()),
        )
        titulo_compromiso, texto, evidencia, nombre_evidencia = compromiso
        comprometido = Compromiso.objects.create(
            pacto=pacto, numero=1, titulo=titulo_compromiso, texto=texto
        )
        prueba = Evidencia.objects.create(
            compromiso=comprometido,
            titulo=evidencia,
            archivo=self._archivo(f"evidencia{clave}", nombre_evidencia, pdf()),
        )
        return pacto, comprometido, prueba

    def _pactos(self) -> None:
        self.pacto, self.compromiso, self.evidencia = self._pacto_con_evidencia(
            "",
            Pacto.Estado.PUBLICADO,
            "Pacto publicado",
            "pacto-publicado",
            ("Rutas", "Señalizar.", "Informe de señalización", "informe.pdf"),
        )
        self.pacto_firmado, self.compromiso_oculto, self.evidencia_oculta = (
            self._pacto_con_evidencia(
                "_oculta",
                Pacto.Estado.FIRMADO,
                "Pacto firmado, sin publicar",
                "pacto-firmado",
                ("Ferias", "Organizar.", "Acta de feria", "acta-feria.pdf"),
            )
        )

    def campo(self, clave: str):
        return {
            "noticia": self.noticia.imagen,
            "noticia_borrador": self.noticia_borrador.imagen,
            "noticia_futura": self.noticia_futura.imagen,
            "ponente": self.ponente.foto,
            "ponente_oculto": self.ponente_oculto.foto,
            "foto_evento": self.foto_evento.imagen,
            "copia": self.pacto.copia_firmada,
            "copia_oculta": self.pacto_firmado.copia_firmada,
            "evidencia": self.evidencia.archivo,
            "evidencia_oculta": self.evidencia_oculta.archivo,
            "actividad": self.actividad.evidencia_archivo,
            "importacion": self.importacion.archivo,
            "documento": self.documento.archivo,
        }[clave]

    def url(self, clave: str) -> str:
        return url_medio(self.campo(clave))


@pytest.fixture
def escenario(medios):
    return Escenario()


PUBLICOS = {
    "noticia": "image/png",
    "ponente": "image/png",
    "copia": "application/pdf",
    "evidencia": "application/pdf",
}


@pytest.mark.parametrize(("clave", "tipo"), PUBLICOS.items())
def test_un_archivo_publico_carga_para_cualquier_visitante(client, escenario, clave, tipo):
    respuesta = client.get(escenario.url(clave))
    assert respuesta.status_code == 200
    assert b"".join(respuesta.streaming_content) == escenario.bytes[clave]
    assert respuesta["Content-Type"] == tipo
    disposicion = "inline" if tipo.startswith("image/") else "attachment"
    assert respuesta["Content-Disposition"].startswith(disposicion + ";")
    assert respuesta["X-Content-Type-Options"] == "nosniff"
    assert respuesta["Cache-Control"] == "public, max-age=86400"
    assert "Last-Modified" in respuesta
    # Nothing per visitor: a shared cache may keep it.
    assert "Cookie" not in respuesta.get("Vary", "")
    assert not respuesta.cookies


@pytest.mark.parametrize(
    "clave",
    ["noticia_borrador", "noticia_futura", "ponente_oculto", "copia_oculta", "evidencia_oculta"],
)
def test_un_archivo_cuyo_objeto_no_es_publico_es_404_como_uno_que_no_existe(
    client, escenario, clave
):
    assert client.get(escenario.url(clave)).status_code == 404
    assert client.get(reverse("medio", kwargs={"ruta": "no/existe.png"})).status_code == 404


# Private files: who may load each (the rule of the staff page that shows it).
PRIVADOS = {
    # clave: anonymous, no role, Coordinación, Facilitación, Comunicación, Análisis, Administración
    "noticia_borrador": "404 404 200 404 200 404 200",
    "ponente_oculto": "404 404 200 404 200 404 200",
    "foto_evento": "404 404 200 404 404 404 200",
    "copia_oculta": "404 404 200 200 200 200 200",
    "evidencia_oculta": "404 404 200 200 200 200 200",
    "actividad": "404 404 200 200 200 200 200",
    "importacion": "404 404 200 404 404 404 200",
    # Generated documents only through their own download view.
    "documento": "404 404 404 404 404 404 404",
}


@pytest.mark.parametrize("clave", PRIVADOS)
def test_un_archivo_privado_solo_para_quien_tiene_la_regla(
    escenario, usuarios_por_rol, cliente_de, clave
):
    obtenidos = []
    for rol in ROLES:
        respuesta = cliente_de(usuarios_por_rol[rol]).get(escenario.url(clave))
        obtenidos.append(str(respuesta.status_code))
        if respuesta.status_code == 200:
            assert b"".join(respuesta.streaming_content) == escenario.bytes[clave]
            assert respuesta["Cache-Control"] == "private, no-store"
            assert respuesta["X-Content-Type-Options"] == "nosniff"
    assert " ".join(obtenidos) == PRIVADOS[clave]


def test_el_equipo_de_un_evento_ve_sus_fotos(escenario, facilitador, cliente_de):
    from eventos.models import MiembroEquipo

    MiembroEquipo.objects.create(
        evento=escenario.evento, usuario=facilitador, rol=MiembroEquipo.Rol.SISTEMATIZACION
    )
    assert cliente_de(facilitador).get(escenario.url("foto_evento")).status_code == 200
    otro = MiembroEquipo.objects.create(
        evento=escenario.evento_oculto, usuario=facilitador, rol=MiembroEquipo.Rol.LOGISTICA
    )
    assert otro.pk
    assert cliente_de(facilitador).get(escenario.url("ponente_oculto")).status_code == 200


@pytest.mark.parametrize(
    "ruta",
    [
        "/media/../config/settings.py",
        "/media/comunicacion/noticias/../../../config/settings.py",
        "/media/%2e%2e/%2e%2e/config/settings.py",
        "/media/comunicacion/noticias/..%2F..%2Fpactos/firmados/x.pdf",
        "/media//etc/passwd",
        "/media/comunicacion//noticias/feria.png",
        "/media/comunicacion/./noticias/feria.png",
        "/media/comunicacion\\noticias\\feria.png",
        "/media/",
        "/media/nada.png",
    ],
)
def test_rutas_con_trucos_o_desconocidas_son_404(escenario, cliente_de, coordinadora, ruta):
    for usuario in (None, coordinadora):
        assert cliente_de(usuario).get(ruta).status_code == 404


def test_un_archivo_que_ningun_objeto_tiene_es_404_aunque_este_en_el_disco(
    escenario, cliente_de, administrador
):
    assert default_storage.exists(escenario.huerfano)
    ruta = url_medio(escenario.huerfano)
    assert cliente_de(None).get(ruta).status_code == 404
    assert cliente_de(administrador).get(ruta).status_code == 404


def test_los_nombres_parecidos_no_cuentan(escenario, client):
    """The rule matches the stored name exactly: no prefix, no other case."""
    nombre = escenario.noticia.imagen.name
    for ruta in (nombre[:-1], nombre.upper(), nombre + "x", "x" + nombre):
        assert client.get(reverse("medio", kwargs={"ruta": ruta})).status_code == 404


def test_al_retirar_la_noticia_su_imagen_deja_de_ser_publica(escenario, client, comunicador):
    url = escenario.url("noticia")
    assert client.get(url).status_code == 200
    noticia_retirar(noticia=escenario.noticia, usuario=comunicador)
    assert client.get(url).status_code == 404


def test_las_paginas_publicas_enlazan_archivos_que_cargan(escenario, client):
    """From the visitor's side: every src/href to an upload on the public pages opens."""
    paginas = [
        escenario.noticia.get_absolute_url(),
        reverse("comunicacion:noticias"),
        escenario.evento.get_absolute_url(),
        escenario.pacto.get_public_url(),
        reverse("pactos:compromiso_publico", kwargs={"slug": escenario.pacto.slug, "numero": 1}),
    ]
    vistos = set()
    for pagina in paginas:
        html = client.get(pagina).content.decode()
        vistos.update(re.findall(r'(?:src|href)="(/media/[^"]+)"', html))
    esperados = {escenario.url(c) for c in PUBLICOS}
    assert esperados <= vistos
    for url in vistos:
        respuesta = client.get(url)
        assert respuesta.status_code == 200, url


def test_las_paginas_del_personal_enlazan_archivos_que_cargan(escenario, cliente_de, coordinadora):
    c = cliente_de(coordinadora)
    paginas = {
        reverse(
            "comunicacion:noticia_gestion", args=[escenario.noticia_borrador.pk]
        ): "noticia_borrador",
        reverse("eventos:programa", args=[escenario.evento_oculto.pk]): "ponente_oculto",
        reverse("eventos:sistematizacion", args=[escenario.evento.pk]): "foto_evento",
        escenario.pacto_firmado.get_absolute_url(): "copia_oculta",
        reverse(
            "pactos:compromiso_gestion", args=[escenario.compromiso_oculto.pk]
        ): "evidencia_oculta",
        escenario.actividad.get_absolute_url(): "actividad",
    }
    for pagina, clave in paginas.items():
        html = c.get(pagina).content.decode()
        assert f'"{escenario.url(clave)}"' in html, pagina
        assert c.get(escenario.url(clave)).status_code == 200


def test_la_api_enlaza_imagenes_que_cargan(escenario, client):
    noticias = client.get("/api/v1/noticias/").json()["results"]
    imagen = next(n["imagen"] for n in noticias if n["slug"] == escenario.noticia.slug)
    assert client.get(imagen).status_code == 200


def test_una_segunda_visita_con_if_modified_since_recibe_304(escenario, client):
    url = escenario.url("noticia")
    primera = client.get(url)
    segunda = client.get(url, HTTP_IF_MODIFIED_SINCE=primera["Last-Modified"])
    assert segunda.status_code == 304
    assert segunda["Cache-Control"] == "public, max-age=86400"


def test_con_x_accel_redirect_el_proxy_envia_el_archivo_tras_la_regla(escenario, client, settings):
    settings.MEDIA_ACCEL_REDIRECT = "/_medios/"
    publica = client.get(escenario.url("noticia"))
    assert publica.status_code == 200
    assert publica["X-Accel-Redirect"] == "/_medios/" + escenario.noticia.imagen.name
    assert publica["Content-Type"] == "image/png" and publica.content == b""
    assert publica["Cache-Control"] == "public, max-age=86400"
    oculta = client.get(escenario.url("noticia_borrador"))
    assert oculta.status_code == 404 and "X-Accel-Redirect" not in oculta


def test_solo_get_y_head(escenario, client):
    url = escenario.url("noticia")
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405


def test_la_misma_regla_con_o_sin_debug(settings, escenario, client):
    """The URL conf has no DEBUG branch: /media/ always resolves to the rule's view, and no
    pattern serves MEDIA_ROOT as a directory."""
    from django.urls import get_resolver
    from django.views.static import serve

    def vistas(resolver):
        for patron in resolver.url_patterns:
            if hasattr(patron, "url_patterns"):
                yield from vistas(patron)
            else:
                yield patron.callback

    assert serve not in set(vistas(get_resolver()))
    for debug in (True, False):
        settings.DEBUG = debug
        assert resolve(escenario.url("noticia")).func is medio_view
        assert client.get(escenario.url("noticia")).status_code == 200
        assert client.get(escenario.url("noticia_borrador")).status_code == 404


def test_la_direccion_del_almacen_es_la_de_la_vista(escenario):
    """`archivo.url` (forms, admin) and url_medio() are the same address, both under the rule."""
    for clave in PUBLICOS:
        campo = escenario.campo(clave)
        assert campo.url == url_medio(campo)


def test_todo_campo_de_archivo_tiene_su_regla():
    """A new FileField fails here until its app declares who may load its files."""
    declarados = set(tipos_medio())
    campos = {
        f"{modelo._meta.label}.{campo.name}"
        for modelo in apps.get_models()
        if not modelo._meta.object_name.startswith("Historical")
        for campo in modelo._meta.get_fields()
        if isinstance(campo, models.FileField)
    }
    assert campos - declarados == set()
    assert declarados - campos == set()


def test_la_demo_trae_archivos_publicos_y_privados_que_cargan(medios, settings, client, cliente_de):
    """The demo gives the stack something to load: drawn news images, speakers' portraits, a
    signed copy and evidence of a published pacto (public), and activities' evidence (private).
    """
    import io as _io

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    settings.DEMO_PASSWORD = "otra-clave-de-demostracion"  # DEBUG is off, as in production
    call_command("cargar_demo", stdout=_io.StringIO())
    noticia = Noticia.objects.publicas().exclude(imagen="").first()
    ponente = Ponente.objects.filter(evento__publicado=True).exclude(foto="").first()
    pacto = Pacto.objects.filter(estado="publicado").exclude(copia_firmada="").first()
    evidencia = Evidencia.objects.filter(compromiso__pacto=pacto).exclude(archivo="").first()
    actividad = Actividad.objects.exclude(evidencia_archivo="").first()
    assert None not in (noticia, ponente, pacto, evidencia, actividad)

    for campo, tipo in (
        (noticia.imagen, "image/png"),
        (ponente.foto, "image/png"),
        (pacto.copia_firmada, "application/pdf"),
        (evidencia.archivo, "application/pdf"),
    ):
        respuesta = client.get(url_medio(campo))
        assert respuesta.status_code == 200 and respuesta["Content-Type"] == tipo
        contenido = b"".join(respuesta.streaming_content)
        if tipo == "image/png":
            assert Image.open(io.BytesIO(contenido)).size[0] > 0
        else:
            assert contenido.startswith(b"%PDF-")
    assert f'src="{url_medio(noticia.imagen)}"' in client.get(noticia.get_absolute_url()).text
    assert f'src="{url_medio(ponente.foto)}"' in client.get(ponente.evento.get_absolute_url()).text

    privada = url_medio(actividad.evidencia_archivo)
    assert cliente_de(None).get(privada).status_code == 404
    coordinadora = get_user_model().objects.get(username="coordinadora")
    assert cliente_de(coordinadora).get(privada).status_code == 200


def test_un_nombre_con_tildes_y_espacios_carga(medios, client):
    noticia = noticia_con_imagen(
        "Señalética",
        ContentFile(png(), name="señalética en Mindo.png"),
        imagen_alt="Señales",
        publicada_en=timezone.now(),
    )
    url = url_medio(noticia.imagen)
    assert "%C3%B1" in url and f'src="{url}"' in client.get(noticia.get_absolute_url()).text
    respuesta = client.get(url)
    assert respuesta.status_code == 200
    assert respuesta["Content-Disposition"].startswith("inline; filename*=UTF-8''se%C3%B1al")


def test_la_foto_de_un_ponente_que_no_consiente_ser_nombrado_no_es_publica(escenario, client):
    """The public page shows no photo of a speaker from the actor map without consent to be
    named; guessing its address gives nothing either."""
    from actores.models import Actor

    persona = ActorFactory(
        sin_contacto=True,
        nombre="Luz Quilumbaquín",
        naturaleza=Actor.Naturaleza.PERSONA,
        tipo=Actor.Tipo.PUBLICO,
        ambito=Actor.Ambito.PROVINCIAL,
    )
    escenario.ponente.actor = persona
    escenario.ponente.save()
    url = escenario.url("ponente")
    assert url not in client.get(escenario.evento.get_absolute_url()).text
    assert client.get(url).status_code == 404
    persona.consentimiento_nombre_publico = True
    persona.save()
    assert url in client.get(escenario.evento.get_absolute_url()).text
    assert client.get(url).status_code == 200
