"""Issue 17 item 7, the progress import and the evidence upload, as the coordinator and the
responsible organisation's contact see them."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pactos.models import Compromiso, Evidencia

pytestmark = pytest.mark.django_db

TIPOS_ACEPTADOS = (
    "PDF, imagen (JPG, PNG, GIF o WebP), Excel (.xlsx), Word (.docx), PowerPoint (.pptx), CSV"
)


def _subir(cliente, contenido: str):
    archivo = io.BytesIO(contenido.encode())
    archivo.name = "avances.csv"
    return cliente.post(reverse("pactos:importar_avances"), {"archivo": archivo})


@pytest.mark.parametrize("estado", ["En curso", "en curso", "EN CURSO", "En_Curso", "en_curso"])
def test_el_estado_se_acepta_como_se_lee(cliente_de, coordinadora, pacto_publicado, estado):
    compromiso = pacto_publicado.compromisos.get()
    contenido = (
        "pacto,numero,estado,avance,texto,motivo\n"
        f"{pacto_publicado.slug},{compromiso.numero},{estado},30,Letreros instalados,\n"
    )
    cliente = cliente_de(coordinadora)
    html = _subir(cliente, contenido).content.decode()
    assert "Aplicar 1 actualización" in html, html[html.find("table-danger") :][:400]
    cliente.post(reverse("pactos:importar_avances"), {"contenido": contenido, "confirmar": "1"})
    compromiso.refresh_from_db()
    assert (compromiso.estado, compromiso.avance) == (Compromiso.Estado.EN_CURSO, 30)


def test_tildes_y_motivo_en_un_estado_con_motivo(cliente_de, coordinadora, pacto_publicado):
    compromiso = pacto_publicado.compromisos.get()
    cliente = cliente_de(coordinadora)
    sin_motivo = (
        "pacto,numero,estado,avance,texto,motivo\n"
        f"{pacto_publicado.slug},{compromiso.numero},Retrasádo,30,Lluvias,\n"
    )
    html = _subir(cliente, sin_motivo).content.decode()
    assert "Explique el motivo del estado «Retrasado»." in html


def test_un_estado_desconocido_dice_cuales_valen(cliente_de, coordinadora, pacto_publicado):
    compromiso = pacto_publicado.compromisos.get()
    contenido = (
        "pacto,numero,estado,avance,texto,motivo\n"
        f"{pacto_publicado.slug},{compromiso.numero},Avanzando,30,Letreros,\n"
    )
    html = _subir(cliente_de(coordinadora), contenido).content.decode()
    assert (
        "Estado desconocido: «Avanzando». Use uno de estos: Sin iniciar, En curso, En riesgo, "
        "Retrasado, Cumplido, Abandonado."
    ) in html


def test_la_plantilla_trae_una_fila_de_ejemplo_que_se_entiende(client):
    respuesta = client.get(reverse("pactos:plantilla_avances"))
    filas = list(csv.reader(io.StringIO(respuesta.content.decode("utf-8-sig"))))
    assert filas[0] == ["pacto", "numero", "estado", "avance", "texto", "motivo"]
    assert len(filas) == 2
    assert filas[1][:4] == ["direccion-corta-del-pacto", "1", "En curso", "40"]
    assert filas[1][4].startswith("Ejemplo, borre esta fila")


def test_junto_al_formulario_estan_los_valores_validos(cliente_de, coordinadora, pacto_publicado):
    html = cliente_de(coordinadora).get(reverse("pactos:importar_avances")).content.decode()
    lista = html[html.index('id="estados-validos"') :]
    lista = lista[: lista.index("</ul>")]
    for etiqueta, codigo in [("En curso", "en_curso"), ("Sin iniciar", "sin_iniciar")]:
        assert f"{etiqueta} (<code>{codigo}</code>)" in " ".join(lista.split())
    assert f"<code>{pacto_publicado.slug}</code>" in html
    assert "Con En riesgo, Retrasado, Abandonado explique el motivo" in html


def test_una_evidencia_exe_dice_que_el_tipo_no_se_acepta(cliente_de, responsable, pacto_publicado):
    compromiso = pacto_publicado.compromisos.get()
    cliente = cliente_de(responsable)
    formulario = cliente.get(reverse("pactos:mis_compromisos"))
    assert formulario.status_code == 200
    respuesta = cliente.post(
        reverse("pactos:evidencia_agregar", args=[compromiso.pk]),
        {
            "titulo": "Fotos de la obra",
            "archivo": SimpleUploadedFile("fotos.exe", b"MZ\x90\x00" + b"\x00" * 200),
        },
    )
    assert respuesta.status_code == 400
    html = respuesta.content.decode()
    assert f"Tipo de archivo no admitido; suba uno de estos: {TIPOS_ACEPTADOS}." in html
    assert "Adjunte un archivo o indique un enlace." not in html
    assert f"Se aceptan: {TIPOS_ACEPTADOS}; hasta 20 MB." in html
    assert not Evidencia.objects.exists()

    sin_nada = cliente.post(
        reverse("pactos:evidencia_agregar", args=[compromiso.pk]), {"titulo": "Fotos"}
    )
    assert "Adjunte un archivo o indique un enlace." in sin_nada.content.decode()
