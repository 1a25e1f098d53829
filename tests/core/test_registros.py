"""The registry class (core.registro) and every registry of the portal with its contributors."""

import logging
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from actores.participacion import SECCIONES_PARTICIPACION
from canales.entrantes import RESPUESTAS, SIN_CONVERSACION
from core.busqueda import FUENTES_BUSQUEDA
from core.cola import COLA_PANEL
from core.demo import CARGADORES_DEMO
from core.documentos import TIPOS_DOCUMENTO
from core.medios import TIPOS_MEDIO
from core.personas import SECCIONES_PERSONA
from core.registro import Registro
from core.seguir import SEGUIR
from pactos.avisos_publicos import AVISOS_PUBLICOS
from pactos.indicadores_programa import CIFRAS, TABLAS

# Every registry of the portal: its contributions in order, as (key, contributing app). Each
# contribution must come from that app's extensiones.py. docs/architecture.md shows this table.
ESPERADOS = {
    "core.demo.CARGADORES_DEMO": [
        ("SIE: indicadores, valores y metas", "sie"),
        ("Actores", "actores"),
        ("Canales", "canales"),
        ("Mesas", "mesas"),
        ("Pactos", "pactos"),
        ("Hoja de ruta", "pactos"),
        ("Eventos", "eventos"),
        ("Comunicación", "comunicacion"),
    ],
    "core.medios.TIPOS_MEDIO": [
        ("core.Documento.archivo", "core"),
        ("actores.Importacion.archivo", "actores"),
        ("mesas.FotoSesion.archivo", "mesas"),
        ("mesas.FotoSesion.miniatura", "mesas"),
        ("pactos.Pacto.copia_firmada", "pactos"),
        ("pactos.Evidencia.archivo", "pactos"),
        ("pactos.Actividad.evidencia_archivo", "pactos"),
        ("eventos.Ponente.foto", "eventos"),
        ("eventos.FotoEvento.imagen", "eventos"),
        ("comunicacion.Noticia.imagen", "comunicacion"),
    ],
    "core.documentos.TIPOS_DOCUMENTO": [
        ("ficha_cantonal", "sie"),
        ("acta", "mesas"),
        ("acta_publica", "mesas"),
        ("hoja_asistencia", "mesas"),
        ("informe_progreso", "pactos"),
        ("pacto", "pactos"),
        ("eventos_programa", "eventos"),
        ("eventos_informe", "eventos"),
        ("eventos_certificado", "eventos"),
        ("eventos_certificados", "eventos"),
        ("consulta_informe", "comunicacion"),
    ],
    "actores.participacion.SECCIONES_PARTICIPACION": [
        ("mesas", "mesas"),
        ("eventos", "eventos"),
        ("pactos", "pactos"),
        ("pactos_contactos", "pactos"),
        ("canales", "canales"),
    ],
    "core.cola.COLA_PANEL": [
        ("mesas_proximas", "mesas"),
        ("mesas_por_cerrar", "mesas"),
        ("mesas_actas_por_publicar", "mesas"),
        ("pactos_avances_por_mensaje", "pactos"),
        ("pactos_atrasados", "pactos"),
        ("pactos_sin_contacto", "pactos"),
        ("comunicacion_mensajes_vencidos", "comunicacion"),
        ("comunicacion_por_publicar", "comunicacion"),
        ("comunicacion_comentarios", "comunicacion"),
        ("comunicacion_borradores", "comunicacion"),
        ("sie_por_validar", "sie"),
        ("core_invitaciones", "core"),
    ],
    "core.personas.SECCIONES_PERSONA": [
        ("mesas", "mesas"),
        ("pactos", "pactos"),
    ],
    "pactos.indicadores_programa.CIFRAS": [
        ("mesas_sesiones", "pactos"),
        ("mesas_actas", "pactos"),
        ("sie_indicadores", "pactos"),
        ("eventos_realizados", "eventos"),
        ("eventos_asistentes", "eventos"),
        ("comunicacion_acciones", "comunicacion"),
        ("comunicacion_noticias", "comunicacion"),
        ("comunicacion_mensajes", "comunicacion"),
        ("comunicacion_consulta_comentarios", "comunicacion"),
    ],
    "pactos.indicadores_programa.TABLAS": [
        ("mesas_resumen", "pactos"),
        ("mesas_por_canton", "pactos"),
        ("mesas_por_sector", "pactos"),
        ("mesas_por_genero", "pactos"),
        ("sie_indicadores_movidos", "pactos"),
        ("eventos", "eventos"),
    ],
    "pactos.avisos_publicos.AVISOS_PUBLICOS": [
        ("comunicacion_consultas", "comunicacion"),
    ],
    "core.busqueda.FUENTES_BUSQUEDA": [
        ("sie.indicadores", "sie"),
        ("sie.cantones", "sie"),
        ("actores.actores", "actores"),
        ("mesas.acuerdos", "mesas"),
        ("mesas.sesiones", "mesas"),
        ("mesas.agenda", "mesas"),
        ("mesas.intervenciones", "mesas"),
        ("mesas.prioridades", "mesas"),
        ("mesas.temas_pendientes", "mesas"),
        ("pactos.pactos", "pactos"),
        ("pactos.compromisos", "pactos"),
        ("eventos.eventos", "eventos"),
        ("comunicacion.noticias", "comunicacion"),
        ("comunicacion.mensajes", "comunicacion"),
    ],
    "canales.entrantes.RESPUESTAS": [
        ("mesas", "mesas"),
        ("pactos", "pactos"),
        ("eventos", "eventos"),
    ],
    "canales.entrantes.SIN_CONVERSACION": [
        ("comunicacion", "comunicacion"),
    ],
    "core.seguir.SEGUIR": [
        ("comunicacion", "comunicacion"),
    ],
}

REGISTROS = {
    "core.demo.CARGADORES_DEMO": CARGADORES_DEMO,
    "core.medios.TIPOS_MEDIO": TIPOS_MEDIO,
    "core.documentos.TIPOS_DOCUMENTO": TIPOS_DOCUMENTO,
    "actores.participacion.SECCIONES_PARTICIPACION": SECCIONES_PARTICIPACION,
    "pactos.indicadores_programa.CIFRAS": CIFRAS,
    "pactos.indicadores_programa.TABLAS": TABLAS,
    "pactos.avisos_publicos.AVISOS_PUBLICOS": AVISOS_PUBLICOS,
    "core.busqueda.FUENTES_BUSQUEDA": FUENTES_BUSQUEDA,
    "core.cola.COLA_PANEL": COLA_PANEL,
    "core.personas.SECCIONES_PERSONA": SECCIONES_PERSONA,
    "canales.entrantes.RESPUESTAS": RESPUESTAS,
    "canales.entrantes.SIN_CONVERSACION": SIN_CONVERSACION,
    "core.seguir.SEGUIR": SEGUIR,
}
APPS = ("core", "sie", "actores", "canales", "mesas", "pactos", "eventos", "comunicacion")


def test_cada_registro_del_portal_esta_en_la_tabla():
    """A new registry anywhere in the apps must be added to ESPERADOS (and to the docs)."""
    encontrados = {
        f"{nombre}.{atributo}"
        for nombre, modulo in list(sys.modules.items())
        if nombre.split(".")[0] in APPS and modulo is not None
        for atributo, valor in vars(modulo).items()
        if isinstance(valor, Registro) and valor.modulo == nombre
    }
    assert encontrados == set(ESPERADOS)


@pytest.mark.parametrize("nombre", list(ESPERADOS))
def test_cada_registro_tiene_sus_contribuciones_desde_extensiones(nombre):
    registro = REGISTROS[nombre]
    obtenidas = [(c.clave, c.origen) for c in registro.contribuciones()]
    esperadas = [(clave, f"{app}.extensiones") for clave, app in ESPERADOS[nombre]]
    if nombre == "core.medios.TIPOS_MEDIO":  # looked up by file name, not shown in order
        obtenidas, esperadas = sorted(obtenidas), sorted(esperadas)
    assert obtenidas == esperadas


# --- The class -----------------------------------------------------------------------------


def test_una_clave_repetida_se_rechaza_nombrando_las_dos():
    registro = Registro("prueba")

    def primera():
        return 1

    def segunda():
        return 2

    registro.registrar("x", primera)
    with pytest.raises(ImproperlyConfigured) as error:
        registro.registrar("x", segunda)
    mensaje = str(error.value)
    assert "«prueba»" in mensaje and "«x»" in mensaje
    assert "primera" in mensaje and "segunda" in mensaje
    assert registro["x"] is primera and len(registro) == 1


def test_el_orden_y_luego_el_orden_de_registro():
    registro = Registro("prueba")
    registro.registrar("c", "C", orden=20)
    registro.registrar("a", "A", orden=10)
    registro.registrar("b", "B", orden=20)
    registro.registrar("d", "D")
    assert registro.claves() == ["d", "a", "c", "b"]
    assert registro.valores() == ["D", "A", "C", "B"]


def test_una_contribucion_que_falla_se_registra_en_el_log_y_las_demas_siguen(caplog):
    registro = Registro("prueba")

    def rota():
        raise RuntimeError("error de la app de arriba")

    registro.registrar("uno", lambda: 1, orden=1)
    registro.registrar("rota", rota, orden=2)
    registro.registrar("tres", lambda: 3, orden=3)
    with caplog.at_level(logging.ERROR, logger="core.registro"):
        assert registro.cada(lambda funcion: funcion()) == [("uno", 1), ("tres", 3)]
        assert registro.intentar("rota", lambda funcion: funcion()) is None
        assert registro.intentar("tres", lambda funcion: funcion()) == 3
    fallos = [r for r in caplog.records if r.exc_info]
    assert len(fallos) == 2
    assert all("rota" in r.getMessage() and "«prueba»" in r.getMessage() for r in fallos)
    assert all(r.exc_info[0] is RuntimeError for r in fallos)


def test_el_origen_es_el_modulo_que_contribuye():
    registro = Registro("prueba")
    registro.registrar("x", 1)
    assert registro.contribuciones()[0].origen == __name__


def test_aislado_vacia_y_restaura():
    registro = Registro("prueba")
    registro.registrar("x", 1)
    with registro.aislado():
        assert len(registro) == 0
        registro.registrar("x", 2)
    assert registro["x"] == 1 and registro.claves() == ["x"]
