"""The coordinators' workspace, the CSV import preview, the PDF and the actor page section."""

import io

import pytest
from django.urls import reverse

from core.documentos import documento_generar, documento_solicitar
from mesas.models import Acuerdo, Sesion
from pactos.models import AcuerdoDescartado, Compromiso
from tests.ayudas_pdf import texto_pdf

pytestmark = pytest.mark.django_db


def test_el_espacio_de_consolidacion_agrupa_y_descarta_sin_perder_acuerdos(
    cliente_de, coordinadora, pacto_borrador, acuerdos_turismo, organizacion
):
    cliente = cliente_de(coordinadora)
    url = reverse("pactos:consolidar", args=[pacto_borrador.pk])
    pagina = cliente.get(url)
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert all(a.texto in html for a in acuerdos_turismo)

    respuesta = cliente.post(
        reverse("pactos:compromiso_consolidar", args=[pacto_borrador.pk]),
        {
            "acuerdos": [acuerdos_turismo[1].pk, acuerdos_turismo[4].pk],
            "titulo": "Guías locales capacitados",
            "texto": "Capacitar a guías locales de Quito y Cayambe.",
            "lider": organizacion.pk,
        },
        follow=True,
    )
    assert "Compromiso 1 creado con 2 acuerdos." in respuesta.content.decode()
    compromiso = Compromiso.objects.get(pacto=pacto_borrador)
    assert set(compromiso.acuerdos.all()) == {acuerdos_turismo[1], acuerdos_turismo[4]}

    descartar = reverse("pactos:acuerdos_descartar", args=[pacto_borrador.pk])
    sin_motivo = cliente.post(
        descartar, {"acuerdos": [acuerdos_turismo[2].pk], "motivo": ""}, follow=True
    )
    assert "Indique por qué el acuerdo no entra en el pacto." in sin_motivo.content.decode()
    cliente.post(descartar, {"acuerdos": [acuerdos_turismo[2].pk], "motivo": "Fuera de plazo"})
    assert AcuerdoDescartado.objects.get().motivo == "Fuera de plazo"

    pendientes = cliente.get(url, {"estado": "pendiente"}).content.decode()
    assert acuerdos_turismo[0].texto in pendientes
    assert acuerdos_turismo[1].texto not in pendientes
    assert acuerdos_turismo[2].texto not in pendientes


def _casilla(html: str, acuerdo) -> str:
    inicio = html.index(f'id="acuerdo-{acuerdo.pk}"')
    return html[html.rindex("<input", 0, inicio) : html.index(">", inicio)]


def test_una_consolidacion_rechazada_conserva_los_acuerdos_marcados_y_lo_escrito(
    cliente_de, coordinadora, pacto_borrador, acuerdos_turismo
):
    """The form comes back (400) with the ticks and the text, instead of a redirect that lost
    them; a discard without a reason leaves every ticked agreement pending (all or none)."""
    cliente = cliente_de(coordinadora)
    elegidos = [acuerdos_turismo[0], acuerdos_turismo[3]]
    respuesta = cliente.post(
        reverse("pactos:acuerdos_descartar", args=[pacto_borrador.pk]),
        {"acuerdos": [a.pk for a in elegidos], "motivo": "  ", "parametros": "estado=pendiente"},
    )
    assert respuesta.status_code == 400
    html = respuesta.content.decode()
    assert "Indique por qué el acuerdo no entra en el pacto." in html
    assert all("checked" in _casilla(html, a) for a in elegidos)
    assert "checked" not in _casilla(html, acuerdos_turismo[1])
    assert 'value="estado=pendiente"' in html
    assert not AcuerdoDescartado.objects.exists()

    sin_titulo = cliente.post(
        reverse("pactos:compromiso_consolidar", args=[pacto_borrador.pk]),
        {"acuerdos": [a.pk for a in elegidos], "titulo": "", "texto": "Rutas señalizadas."},
    )
    assert sin_titulo.status_code == 400
    html = sin_titulo.content.decode()
    assert all("checked" in _casilla(html, a) for a in elegidos)
    assert "Rutas señalizadas." in html
    assert not Compromiso.objects.exists()


def test_un_facilitador_no_consolida(cliente_de, facilitador, pacto_borrador, acuerdos_turismo):
    url = reverse("pactos:consolidar", args=[pacto_borrador.pk])
    cliente = cliente_de(facilitador)
    assert cliente.get(url).status_code == 403
    respuesta = cliente.post(
        reverse("pactos:compromiso_consolidar", args=[pacto_borrador.pk]),
        {"acuerdos": [acuerdos_turismo[0].pk], "titulo": "X", "texto": "X"},
    )
    assert respuesta.status_code == 403
    assert not Compromiso.objects.exists()


def test_importar_csv_con_vista_previa(cliente_de, coordinadora, pacto_publicado):
    compromiso = pacto_publicado.compromisos.get()
    cliente = cliente_de(coordinadora)
    url = reverse("pactos:importar_avances")
    contenido = (
        "pacto,numero,estado,avance,texto,motivo\n"
        f"{pacto_publicado.slug},{compromiso.numero},en_curso,55,Obra en marcha,\n"
    )
    archivo = io.BytesIO(contenido.encode())
    archivo.name = "avances.csv"
    vista_previa = cliente.post(url, {"archivo": archivo})
    html = vista_previa.content.decode()
    assert "Vista previa" in html and "Aplicar 1 actualización" in html
    compromiso.refresh_from_db()
    assert compromiso.avance == 0  # nothing applied yet
    cliente.post(url, {"contenido": contenido, "confirmar": "1"})
    compromiso.refresh_from_db()
    assert compromiso.avance == 55

    malo = contenido.replace("en_curso", "volando")
    archivo = io.BytesIO(malo.encode())
    archivo.name = "avances.csv"
    html = cliente.post(url, {"archivo": archivo}).content.decode()
    assert "Estado desconocido" in html and "No se aplicó ningún cambio" in html


def test_el_pdf_del_pacto_numera_compromisos_firmantes_y_rastro(
    pacto_publicado, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    # The PDF is public: its trail cites sessions whose acta is published (issue 14, item 4).
    Sesion.objects.filter(acuerdos__origenes_compromiso__compromiso__pacto=pacto_publicado).update(
        estado=Sesion.Estado.ACTA_PUBLICADA
    )
    documento = documento_solicitar(fuente=pacto_publicado, tipo="pacto")
    documento = documento_generar(documento_id=documento.pk)
    assert documento.estado == "listo", documento.error
    texto = texto_pdf(documento)
    compromiso = pacto_publicado.compromisos.get()
    assert f"{compromiso.numero}. {compromiso.titulo}" in texto
    assert "Ana Pérez" in texto
    origen = compromiso.origenes.select_related("acuerdo__sesion__mesa").first()
    assert "Viene del acuerdo" in texto and "Mesa cantonal de turismo" in texto
    assert origen is not None


def test_seccion_de_la_ficha_del_actor(pacto_publicado, organizacion, sin_rol):
    from pactos.participacion_pactos import compromisos_del_actor

    datos = compromisos_del_actor(organizacion, sin_rol)
    assert datos["total"] == 1
    assert datos["contexto"]["compromisos_actor"][0].es_lider


def test_admin_de_pactos_y_contactos(cliente_de, administrador, pacto_publicado, responsable):
    cliente = cliente_de(administrador)
    compromiso = pacto_publicado.compromisos.get()
    for url in [
        "/admin/pactos/pacto/",
        f"/admin/pactos/pacto/{pacto_publicado.pk}/change/",
        f"/admin/pactos/compromiso/{compromiso.pk}/change/",
        "/admin/pactos/contactoresponsable/",
        "/admin/pactos/contactoresponsable/add/",
    ]:
        assert cliente.get(url).status_code == 200, url


def test_importar_csv_dice_por_fila_que_el_avance_lo_fijan_los_hitos(
    cliente_de, coordinadora, pacto_publicado, organizacion
):
    """Issue 14 item 7: a commitment whose progress comes from its milestones keeps it; the
    preview says so on its row and the result message counts it, instead of reporting every row
    as updated with the file's percentage."""
    import datetime

    from pactos.services import pactos as srv

    con_hitos = pacto_publicado.compromisos.get()
    for titulo in ("Diseño", "Instalación"):
        srv.hito_agregar(compromiso=con_hitos, titulo=titulo, fecha=datetime.date(2027, 1, 1))
    srv.hito_marcar(hito=con_hitos.hitos.get(titulo="Diseño"), cumplido=True)
    manual = Compromiso.objects.create(
        pacto=pacto_publicado,
        numero=2,
        titulo="Guías capacitados",
        texto="T",
        lider=organizacion,
        modo_avance=Compromiso.ModoAvance.MANUAL,
    )
    contenido = (
        "pacto,numero,estado,avance,texto,motivo\n"
        f"{pacto_publicado.slug},{con_hitos.numero},en_curso,80,Obra en marcha,\n"
        f"{pacto_publicado.slug},{manual.numero},en_curso,80,Talleres dados,\n"
    )
    cliente = cliente_de(coordinadora)
    url = reverse("pactos:importar_avances")
    archivo = io.BytesIO(contenido.encode())
    archivo.name = "avances.csv"
    html = cliente.post(url, {"archivo": archivo}).content.decode()
    filas = html.split("<tr")
    fila_hitos = next(f for f in filas if con_hitos.titulo in f)
    fila_manual = next(f for f in filas if manual.titulo in f)
    aviso = "se calcula con sus hitos: quedará en 50 % y no en el 80 % del archivo"
    assert aviso in fila_hitos
    assert "hitos" not in fila_manual

    respuesta = cliente.post(url, {"contenido": contenido, "confirmar": "1"}, follow=True)
    mensajes = [str(m) for m in respuesta.context["messages"]]
    assert "2 compromisos actualizados." in mensajes
    assert "En 1 de ellos no se aplicó el avance del archivo: se calcula con sus hitos." in mensajes
    con_hitos.refresh_from_db()
    manual.refresh_from_db()
    assert (con_hitos.avance, manual.avance) == (50, 80)


def test_importar_avances_desde_un_xlsx(cliente_de, coordinadora, pacto_publicado):
    """The same import reads a workbook: numbers typed as numbers, a percentage sign kept."""
    from openpyxl import Workbook

    compromiso = pacto_publicado.compromisos.get()
    libro = Workbook()
    libro.active.append(["Pacto", "Número", "Estado", "Avance", "Texto", "Motivo"])
    libro.active.append([pacto_publicado.slug, compromiso.numero, "en_curso", "35%", "Obra", ""])
    archivo = io.BytesIO()
    libro.save(archivo)
    archivo.seek(0)
    archivo.name = "avances.xlsx"
    cliente = cliente_de(coordinadora)
    url = reverse("pactos:importar_avances")
    html = cliente.post(url, {"archivo": archivo}).content.decode()
    assert "Vista previa" in html and "Aplicar 1 actualización" in html
    contenido = html.split('name="contenido" value="')[1].split('"')[0]
    import html as html_lib

    cliente.post(url, {"contenido": html_lib.unescape(contenido), "confirmar": "1"})
    compromiso.refresh_from_db()
    assert (compromiso.estado, compromiso.avance) == ("en_curso", 35)


def test_los_acuerdos_elegidos_en_otra_pagina_siguen_elegidos(
    cliente_de, coordinadora, pacto_borrador, acuerdos_turismo
):
    """Page 2 of the workspace, reached with the agreements ticked on page 1 (the page's links
    carry them): those are listed above the list, still ticked, and the commitment is drafted
    from them; an action refused on page 2 keeps them too."""
    sesion = acuerdos_turismo[-1].sesion
    for n in range(4, 60):
        Acuerdo.objects.create(sesion=sesion, numero=n, texto=f"Acuerdo de relleno {n}")
    cliente = cliente_de(coordinadora)
    url = reverse("pactos:consolidar", args=[pacto_borrador.pk])
    primero, segundo = acuerdos_turismo[0], acuerdos_turismo[1]

    html = cliente.get(url, {"pagina": 2, "acuerdos": [primero.pk, segundo.pk]}).content.decode()
    assert "Página 2 de 2" in html
    fuera = html[html.index('id="elegidos-fuera"') :]
    fuera = fuera[: fuera.index("</fieldset>")]
    assert "También están elegidos 2 acuerdos de otras páginas" in fuera
    for acuerdo in (primero, segundo):
        casilla = fuera[fuera.index(f'value="{acuerdo.pk}"') :]
        assert "checked" in casilla[: casilla.index(">")]
        assert acuerdo.texto in fuera
    assert "Señalizar las rutas de aviturismo" in html[html.index('name="titulo"') :].split(">")[0]

    refusado = cliente.post(
        reverse("pactos:acuerdos_descartar", args=[pacto_borrador.pk]),
        {"acuerdos": [primero.pk], "motivo": "", "parametros": "pagina=2"},
    )
    assert refusado.status_code == 400
    html = refusado.content.decode()
    assert "También está elegido 1 acuerdo de otra página" in html
    assert not AcuerdoDescartado.objects.exists()
