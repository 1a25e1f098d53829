"""Consolidation trail, versions and their differences, state changes, follow-up, CSV import."""

import pytest
from django.core.exceptions import ValidationError

from pactos.models import Actualizacion, Compromiso, OrigenCompromiso, Pacto
from pactos.selectors import pactos as sel
from pactos.services import pactos as srv

pytestmark = pytest.mark.django_db


def test_la_consolidacion_conserva_el_rastro_acuerdo_compromiso_pacto(
    pacto_borrador, acuerdos_turismo, coordinadora, organizacion
):
    elegidos = [acuerdos_turismo[0], acuerdos_turismo[3]]
    compromiso = srv.compromiso_consolidar(
        pacto=pacto_borrador,
        acuerdos=elegidos,
        titulo="Rutas señalizadas",
        texto="Señalizar las rutas.",
        usuario=coordinadora,
        lider=organizacion,
    )
    origenes = OrigenCompromiso.objects.filter(compromiso=compromiso).select_related(
        "acuerdo__sesion__mesa"
    )
    assert {o.acuerdo for o in origenes} == set(elegidos)
    # Each link reaches the session and table, and the commitment reaches the pacto.
    assert {o.acuerdo.sesion.mesa.nombre for o in origenes} == {
        a.sesion.mesa.nombre for a in elegidos
    }
    assert all(o.vinculado_por == coordinadora for o in origenes)
    assert compromiso.pacto == pacto_borrador and compromiso.numero == 1
    # The agreement knows where it went.
    assert list(acuerdos_turismo[0].compromisos.all()) == [compromiso]


def test_fusionar_y_dividir_no_pierden_ningun_acuerdo(
    pacto_borrador, acuerdos_turismo, coordinadora
):
    a, b, c = acuerdos_turismo[:3]
    c1 = srv.compromiso_consolidar(
        pacto=pacto_borrador, acuerdos=[a], titulo="Uno", texto="Uno", usuario=coordinadora
    )
    c2 = srv.compromiso_consolidar(
        pacto=pacto_borrador, acuerdos=[b, c], titulo="Dos", texto="Dos", usuario=coordinadora
    )
    fusionado = srv.compromisos_fusionar(destino=c1, otros=[c2], usuario=coordinadora)
    assert set(fusionado.acuerdos.all()) == {a, b, c}
    assert pacto_borrador.compromisos.count() == 1

    nuevo = srv.compromiso_dividir(
        compromiso=fusionado, acuerdos=[c], titulo="Agenda", texto="Agenda", usuario=coordinadora
    )
    assert set(fusionado.acuerdos.all()) == {a, b}
    assert set(nuevo.acuerdos.all()) == {c}
    assert sorted(pacto_borrador.compromisos.values_list("numero", flat=True)) == [1, 2]

    with pytest.raises(ValidationError, match="no todos"):
        srv.compromiso_dividir(
            compromiso=fusionado, acuerdos=[a, b], titulo="X", texto="X", usuario=coordinadora
        )


def test_acuerdo_no_incorporado_lleva_motivo_y_no_se_puede_usar(
    pacto_borrador, acuerdos_turismo, coordinadora
):
    acuerdo = acuerdos_turismo[2]
    with pytest.raises(ValidationError, match="por qué"):
        srv.acuerdos_descartar(
            pacto=pacto_borrador, acuerdos=[acuerdo], motivo=" ", usuario=coordinadora
        )
    srv.acuerdos_descartar(
        pacto=pacto_borrador,
        acuerdos=[acuerdo],
        motivo="Competencia municipal",
        usuario=coordinadora,
    )
    with pytest.raises(ValidationError, match="no incorporados"):
        srv.compromiso_consolidar(
            pacto=pacto_borrador, acuerdos=[acuerdo], titulo="X", texto="X", usuario=coordinadora
        )
    estados = {
        a.pk: (a.incorporado, a.descartado)
        for a in sel.acuerdos_para_consolidar(pacto=pacto_borrador, filtros={})
    }
    assert estados[acuerdo.pk] == (False, True)
    pendientes = sel.acuerdos_para_consolidar(pacto=pacto_borrador, filtros={"estado": "pendiente"})
    assert acuerdo not in pendientes and len(pendientes) == len(acuerdos_turismo) - 1


def test_acuerdos_de_otro_eje_se_rechazan(pacto_borrador, acuerdo_agro, coordinadora):
    with pytest.raises(ValidationError, match="otro eje"):
        srv.compromiso_consolidar(
            pacto=pacto_borrador,
            acuerdos=[acuerdo_agro],
            titulo="X",
            texto="X",
            usuario=coordinadora,
        )


def test_versiones_y_sus_diferencias(pacto_borrador, coordinadora):
    assert pacto_borrador.versiones.count() == 1
    srv.pacto_editar(
        pacto=pacto_borrador,
        usuario=coordinadora,
        estrategia="Turismo sostenible, comunitario y accesible.",
        objetivos="Más visitantes\nMejor empleo\nMás gasto por visitante",
    )
    # Saving without changes does not create a version.
    srv.pacto_editar(pacto=pacto_borrador, usuario=coordinadora)
    v1, v2 = pacto_borrador.versiones.order_by("numero")
    assert (v1.numero, v2.numero) == (1, 2)
    assert Pacto.objects.get(pk=pacto_borrador.pk).version == 2
    diferencias = {d["campo"]: d for d in sel.version_diferencias(anterior=v1, posterior=v2)}
    assert set(diferencias) == {"estrategia", "objetivos"}
    lineas = diferencias["objetivos"]["lineas"]
    assert {"tipo": "anadida", "texto": "Más gasto por visitante"} in lineas
    assert {"tipo": "igual", "texto": "Más visitantes"} in lineas
    estrategia = diferencias["estrategia"]["lineas"]
    assert {"tipo": "quitada", "texto": "Turismo sostenible y comunitario."} in estrategia


def test_cambios_de_estado_permitidos_y_rechazados(
    pacto_borrador, acuerdos_turismo, coordinadora, organizacion
):
    with pytest.raises(ValidationError, match="al menos un compromiso"):
        srv.pacto_cambiar_estado(pacto=pacto_borrador, estado="consulta", usuario=coordinadora)
    with pytest.raises(ValidationError, match="no puede pasar"):
        srv.pacto_cambiar_estado(pacto=pacto_borrador, estado="publicado", usuario=coordinadora)
    srv.compromiso_consolidar(
        pacto=pacto_borrador,
        acuerdos=acuerdos_turismo[:1],
        titulo="X",
        texto="X",
        usuario=coordinadora,
        lider=organizacion,
    )
    pacto = srv.pacto_cambiar_estado(pacto=pacto_borrador, estado="consulta", usuario=coordinadora)
    pacto = srv.pacto_cambiar_estado(pacto=pacto, estado="borrador", usuario=coordinadora)
    pacto = srv.pacto_cambiar_estado(pacto=pacto, estado="consulta", usuario=coordinadora)
    pacto = srv.pacto_cambiar_estado(pacto=pacto, estado="acordado", usuario=coordinadora)
    # Once agreed the text is frozen and new commitments are refused.
    with pytest.raises(ValidationError, match="ya no se cambian"):
        srv.pacto_editar(pacto=pacto, usuario=coordinadora, titulo="Otro")
    with pytest.raises(ValidationError, match="ya no se cambian"):
        srv.compromiso_consolidar(
            pacto=pacto, acuerdos=acuerdos_turismo[1:2], titulo="Y", texto="Y", usuario=coordinadora
        )
    with pytest.raises(ValidationError, match="firmante"):
        srv.pacto_cambiar_estado(pacto=pacto, estado="firmado", usuario=coordinadora)
    import datetime

    srv.firmante_agregar(
        pacto=pacto,
        organizacion=organizacion,
        persona="Ana Pérez",
        fecha=datetime.date(2026, 10, 1),
    )
    pacto = srv.pacto_cambiar_estado(pacto=pacto, estado="firmado", usuario=coordinadora)
    assert pacto.fecha_firma == datetime.date(2026, 10, 1)
    with pytest.raises(ValidationError, match="no puede pasar"):
        srv.pacto_cambiar_estado(pacto=pacto, estado="borrador", usuario=coordinadora)
    pacto = srv.pacto_cambiar_estado(pacto=pacto, estado="publicado", usuario=coordinadora)
    assert pacto.publicado_en is not None
    with pytest.raises(ValidationError, match="no puede pasar"):
        srv.pacto_cambiar_estado(pacto=pacto, estado="firmado", usuario=coordinadora)
    # Versions freeze the text only when it changed: the first one with the commitment in it.
    ultima = pacto.versiones.order_by("-numero").first()
    assert pacto.versiones.count() == 2 and "1. X" in ultima.compromisos
    assert pacto.history.filter(estado="publicado").exists()


def test_avance_por_hitos_o_a_mano(pacto_publicado, coordinadora, responsable):
    import datetime

    compromiso = pacto_publicado.compromisos.get()
    h1 = srv.hito_agregar(compromiso=compromiso, titulo="Diseño", fecha=datetime.date(2026, 1, 1))
    srv.hito_agregar(
        compromiso=compromiso, titulo="Instalación", fecha=datetime.date(2026, 6, 1), peso=3
    )
    srv.hito_marcar(hito=h1, cumplido=True)
    compromiso.refresh_from_db()
    assert compromiso.avance == 25

    srv.compromiso_editar(compromiso=compromiso, modo_avance=Compromiso.ModoAvance.MANUAL)
    srv.compromiso_actualizar(
        compromiso=compromiso, usuario=responsable, texto="Avanza", estado="en_curso", avance=60
    )
    compromiso.refresh_from_db()
    assert compromiso.avance == 60
    with pytest.raises(ValidationError, match="motivo"):
        srv.compromiso_actualizar(
            compromiso=compromiso, usuario=responsable, texto="Se cae", estado="retrasado"
        )
    ultima = Actualizacion.objects.filter(compromiso=compromiso).first()
    assert (ultima.autor, ultima.avance, ultima.estado) == (responsable, 60, "en_curso")


def test_csv_con_una_fila_mala_no_cambia_nada(pacto_publicado, coordinadora):
    compromiso = pacto_publicado.compromisos.get()
    slug = pacto_publicado.slug
    malo = (
        "pacto,numero,estado,avance,texto,motivo\n"
        f"{slug},{compromiso.numero},en_curso,40,Señalética instalada en Mindo,\n"
        f"{slug},99,en_curso,10,No existe,\n"
    )
    with pytest.raises(ValidationError) as error:
        srv.avances_importar(contenido=malo, usuario=coordinadora)
    assert "Línea 3" in " ".join(error.value.messages)
    compromiso.refresh_from_db()
    assert compromiso.avance == 0 and compromiso.estado == "sin_iniciar"
    assert not Actualizacion.objects.exists()

    retrasado_sin_motivo = (
        "pacto,numero,estado,avance,texto,motivo\n"
        f"{slug},{compromiso.numero},retrasado,40,Sin motivo,\n"
    )
    with pytest.raises(ValidationError, match="motivo"):
        srv.avances_importar(contenido=retrasado_sin_motivo, usuario=coordinadora)

    bueno = (
        "pacto,numero,estado,avance,texto,motivo\n"
        f"{slug},{compromiso.numero},en_riesgo,40,Señalética instalada,Lluvias\n"
    )
    assert srv.avances_importar(contenido=bueno, usuario=coordinadora).actualizados == 1
    compromiso.refresh_from_db()
    assert (compromiso.avance, compromiso.estado, compromiso.motivo_estado) == (
        40,
        "en_riesgo",
        "Lluvias",
    )
    assert Actualizacion.objects.get().origen == "csv"


def test_dos_pactos_del_mismo_titulo_tienen_cada_uno_su_direccion(
    pacto_borrador, coordinadora, eje_turismo
):
    otro = srv.pacto_crear(
        eje=eje_turismo, titulo="Estrategia provincial de turismo", usuario=coordinadora
    )
    assert pacto_borrador.slug == "estrategia-provincial-de-turismo"
    assert otro.slug == "estrategia-provincial-de-turismo-2"
    sin_letras = srv.pacto_crear(eje=eje_turismo, titulo="¡¿?!", usuario=coordinadora)
    assert sin_letras.slug == "pacto"
