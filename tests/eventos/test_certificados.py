"""Certificates for everyone who attended, from the person's side: the walk-in too gets theirs by
e-mail with a link that works, the coordinator is told when the file with all of them is ready
and downloads it from the event's staff page; asking again sends nobody a second e-mail."""

import re

import pytest

from core.models import Documento
from eventos import services
from tests.ayudas_pdf import texto_pdf

from .conftest import ya_fue

pytestmark = pytest.mark.django_db


@pytest.fixture
def evento_con_asistentes(evento, dos_de_tres_asistieron, coordinadora):
    """Two guests who came, one who did not, a walk-in with an e-mail and one without."""
    services.asistente_sin_invitacion_registrar(
        evento=evento,
        usuario=coordinadora,
        datos={"nombre": "Rosa Quishpe Andrango", "email": "rosa.quishpe@example.org"},
    )
    services.asistente_sin_invitacion_registrar(
        evento=evento, usuario=coordinadora, datos={"nombre": "Segundo Farinango Tuquerres"}
    )
    ya_fue(evento)
    services.sistematizacion_guardar(
        evento=evento, usuario=coordinadora, datos={"resumen": "Se presentaron los resultados."}
    )
    evento.refresh_from_db()
    return evento


def _enlace(cuerpo: str) -> str:
    return re.search(r"https?://\S+", cuerpo).group(0)


def _ruta(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def generar_certificados(
    evento_con_asistentes,
    coordinadora,
    cliente_de,
    celery_en_proceso,
    django_capture_on_commit_callbacks,
):
    """generar_certificados(): the coordinator's button; the worker (in process) renders and
    sends after commit."""
    cliente = cliente_de(coordinadora)
    url = f"/eventos/gestion/{evento_con_asistentes.pk}/sistematizacion/certificados/"

    def generar():
        with django_capture_on_commit_callbacks(execute=True):
            respuesta = cliente.post(url)
        assert respuesta.status_code == 302
        return respuesta

    return generar


def test_todos_los_asistentes_reciben_su_certificado_y_la_coordinadora_el_pdf_de_todos(
    evento_con_asistentes, coordinadora, cliente_de, mailoutbox, generar_certificados
):
    evento = evento_con_asistentes
    mailoutbox.clear()

    generar_certificados()

    certificados = [m for m in mailoutbox if m.subject.startswith("Su certificado")]
    assert sorted(m.to[0] for m in certificados) == sorted(
        evento.invitados.filter(asistio=True).exclude(email="").values_list("email", flat=True)
    )
    assert len(certificados) == 3  # the walk-in without an e-mail has it only in the PDF
    # The walk-in's e-mail: a working link to a certificate that names her.
    [correo] = [m for m in certificados if m.to == ["rosa.quishpe@example.org"]]
    assert "Rosa Quishpe Andrango" in correo.body
    assert evento.titulo in correo.subject
    anonimo = cliente_de(None)
    descarga = anonimo.get(_ruta(_enlace(correo.body)))
    assert descarga.status_code == 200
    pdf = b"".join(descarga.streaming_content)
    texto = texto_pdf(pdf)
    assert "Rosa Quishpe Andrango" in texto and evento.titulo in texto

    # The coordinator is told the file with all of them is ready, with its link.
    [aviso] = [m for m in mailoutbox if m.subject.startswith("Certificados listos")]
    assert aviso.to == [coordinadora.email]
    assert "4 certificados en un solo PDF" in aviso.body
    assert "3 asistentes recibieron el suyo por correo" in aviso.body
    cliente = cliente_de(coordinadora)
    todos = cliente.get(_ruta(_enlace(aviso.body)))
    assert todos.status_code == 200
    texto = texto_pdf(b"".join(todos.streaming_content))
    for invitado in evento.invitados.filter(asistio=True):
        assert invitado.nombre in texto, invitado.nombre
    assert "Segundo Farinango Tuquerres" in texto  # the walk-in without e-mail
    ausente = evento.invitados.get(asistio=False)
    assert ausente.nombre not in texto
    # The staff page links the same download.
    pagina = cliente.get(f"/eventos/gestion/{evento.pk}/sistematizacion/").content.decode()
    assert "Todos los certificados en un PDF" in pagina
    assert _ruta(_enlace(aviso.body)) in pagina
    assert "Certificados listos: 4 de 4." in pagina


def test_quien_llega_despues_se_agrega_y_nadie_recibe_dos_veces(
    evento_con_asistentes, coordinadora, mailoutbox, generar_certificados
):
    evento = evento_con_asistentes
    generar_certificados()
    mailoutbox.clear()

    services.asistente_sin_invitacion_registrar(
        evento=evento,
        usuario=coordinadora,
        datos={"nombre": "Luis Cabascango", "email": "luis.c@example.org"},
    )
    generar_certificados()

    certificados = [m for m in mailoutbox if m.subject.startswith("Su certificado")]
    assert [m.to for m in certificados] == [["luis.c@example.org"]]
    [aviso] = [m for m in mailoutbox if m.subject.startswith("Certificados listos")]
    assert "5 certificados en un solo PDF" in aviso.body
    todos = Documento.objects.get(tipo=services.TIPO_CERTIFICADOS)
    assert "Luis Cabascango" in texto_pdf(todos)
