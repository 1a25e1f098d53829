"""Every figure of the progress report is true: a period built with known data, the real PDF read
back, each figure checked against the expected number and against the portal's selectors.

The report had stated "Aún no hay pactos firmados" beside two signed pactos, "Indicadores con
datos: 0" beside 26 indicators that moved, no activity finished although one was, and canton,
sector and gender breakdowns that did not add up to the attendances.
"""
# ruff: noqa: F811 (fixtures imported from fixtures_hoja_de_ruta are used as arguments)

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from actores.models import Actor
from actores.services import actor_crear
from core.models import Documento
from mesas import services as mesas_srv
from mesas.models import Acuerdo, Mesa, Sesion
from mesas.selectors import participacion
from pactos.models import EstadoActividad
from pactos.selectors.hoja_de_ruta import (
    actividades_filtradas,
    actividades_terminadas,
    progreso_productos,
    resumen_estados,
)
from pactos.selectors.pactos import compromisos_por_estado, pactos_firmados
from pactos.services import pactos as pactos_srv
from pactos.services.hoja_de_ruta import actividad_actualizar_avance
from sie import services as sie_srv
from sie.models import Canton, Eje, Indicador, Medicion, Sector
from sie.selectors import (
    indicadores_activos_total,
    indicadores_con_datos_total,
    indicadores_movidos_en,
)
from tests.ayudas_pdf import texto_pdf
from tests.ayudas_worker import documento_terminado

from .fixtures_hoja_de_ruta import claves_rapidas, medios  # noqa: F401

DESDE = datetime.date(2026, 5, 1)
HASTA = datetime.date(2026, 5, 31)
QUITO = ZoneInfo("America/Guayaquil")


def _a_mediodia(dia: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(dia, datetime.time(12), tzinfo=QUITO)


@dataclass
class Periodo:
    pactos_en_periodo: list[str]
    actividad_terminada: str


def _actor(naturaleza, *, sectores=(), **datos) -> Actor:
    """An actor registered through actores' service (by nobody: a fixture)."""
    return actor_crear(
        usuario=None, datos={"naturaleza": naturaleza, **datos}, sectores=list(sectores)
    )


def _persona(nombre, *, genero="", canton=None, sectores=()):
    ambito = Actor.Ambito.CANTONAL if canton else Actor.Ambito.PROVINCIAL
    return _actor(
        Actor.Naturaleza.PERSONA,
        nombres=nombre,
        apellidos="Prueba",
        genero=genero,
        tipo=Actor.Tipo.COMUNITARIO,
        ambito=ambito,
        canton=canton,
        sectores=sectores,
    )


def _sesion(mesa, dia, asistentes, *, por, cerrar=True):
    sesion = mesas_srv.sesion_crear(
        mesa=mesa, inicio=_a_mediodia(dia), lugar="Casa comunal", usuario=por
    )
    for actor, organizacion in asistentes:
        mesas_srv.asistencia_registrar(
            sesion=sesion, actor=actor, organizacion=organizacion, usuario=por
        )
    if cerrar:
        sesion.refresh_from_db()
        sesion = mesas_srv.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=por)
    return sesion


def _sembrar_participacion(por):
    """In May: two closed sessions, 6 attendances of 5 people (one of them representing an
    organisation), with and without canton, sector and gender. Outside the count: a closed
    session in April and a session of May that was never closed."""
    cayambe = Canton.objects.get(codigo="1702")
    mejia = Canton.objects.get(codigo="1703")
    flores = Sector.objects.get(nombre="Floricultura")
    leche = Sector.objects.get(nombre="Leche y derivados")
    cacao = Sector.objects.get(nombre="Cacao, café y caña")
    rosa = _persona("Rosa", genero="mujer", canton=cayambe, sectores=[flores])
    luis = _persona("Luis", genero="hombre")
    sin_datos = _persona("Alguien")
    quien = _persona("Quien", genero="no_informa", canton=cayambe, sectores=[flores, leche])
    maria = _persona("María", genero="mujer", sectores=[leche, cacao])
    lecheros = _actor(
        Actor.Naturaleza.ORGANIZACION,
        nombre="Asociación de lecheros de Machachi",
        tipo=Actor.Tipo.COMUNITARIO,
        ambito=Actor.Ambito.CANTONAL,
        canton=mejia,
        sectores=[leche],
    )
    turismo_cayambe = Mesa.objects.get(slug="turismo-cayambe")
    mesa_flores = Mesa.objects.get(tipo="agropecuario", sector=flores)
    _sesion(turismo_cayambe, datetime.date(2026, 4, 15), [(rosa, None), (luis, lecheros)], por=por)
    _sesion(
        turismo_cayambe,
        datetime.date(2026, 5, 10),
        [(rosa, None), (luis, lecheros), (sin_datos, None)],
        por=por,
    )
    _sesion(
        mesa_flores,
        datetime.date(2026, 5, 20),
        [(rosa, None), (quien, None), (maria, None)],
        por=por,
    )
    _sesion(turismo_cayambe, datetime.date(2026, 5, 25), [(sin_datos, None)], por=por, cerrar=False)


@dataclass
class Semilla:
    """What every seeded pacto shares: its axis, the session of its agreements, its signer."""

    coordinadora: object
    eje: Eje
    sesion: Sesion
    organizacion: Actor
    numeros: object


def _semilla_pactos(coordinadora) -> Semilla:
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    sesion = Sesion.objects.create(
        mesa=mesa,
        numero=99,
        inicio=_a_mediodia(datetime.date(2026, 3, 1)),
        lugar="Casa comunal",
        estado=Sesion.Estado.CERRADA,
    )
    organizacion = _actor(
        Actor.Naturaleza.ORGANIZACION,
        nombre="Cámara de Turismo de Cayambe",
        tipo=Actor.Tipo.PRIVADO,
        ambito=Actor.Ambito.PROVINCIAL,
    )
    eje = Eje.objects.get(codigo="turismo")
    return Semilla(coordinadora, eje, sesion, organizacion, iter(range(1, 100)))


def _pacto(semilla: Semilla, titulo: str, compromisos: int, firma: datetime.date | None):
    """A pacto with that many commitments, signed on firma (left in draft if None)."""
    coordinadora = semilla.coordinadora
    p = pactos_srv.pacto_crear(eje=semilla.eje, titulo=titulo, usuario=coordinadora)
    for i in range(compromisos):
        acuerdo = Acuerdo.objects.create(
            sesion=semilla.sesion, numero=next(semilla.numeros), texto=f"Acuerdo {titulo} {i}"
        )
        pactos_srv.compromiso_consolidar(
            pacto=p,
            acuerdos=[acuerdo],
            titulo=f"Compromiso {i + 1} de {titulo}",
            texto="Texto del compromiso.",
            usuario=coordinadora,
            lider=semilla.organizacion,
        )
    if firma is None:
        return p
    for estado in ("consulta", "acordado"):
        p = pactos_srv.pacto_cambiar_estado(pacto=p, estado=estado, usuario=coordinadora)
    pactos_srv.firmante_agregar(
        pacto=p, organizacion=semilla.organizacion, persona="Ana Pérez", fecha=firma
    )
    return pactos_srv.pacto_cambiar_estado(pacto=p, estado="firmado", usuario=coordinadora)


def _sembrar_pactos(coordinadora) -> list[str]:
    """Pactos signed before (1 commitment), in (3 and 2) and after (1) the period; a draft."""
    semilla = _semilla_pactos(coordinadora)
    _pacto(semilla, "Pacto de abril", 1, datetime.date(2026, 4, 2))
    mayo = _pacto(semilla, "Pacto de rutas de mayo", 3, datetime.date(2026, 5, 5))
    _pacto(semilla, "Pacto de ferias de mayo", 2, datetime.date(2026, 5, 28))
    _pacto(semilla, "Pacto de junio", 1, datetime.date(2026, 6, 10))
    _pacto(semilla, "Pacto en borrador", 1, None)
    cumplido = mayo.compromisos.order_by("numero").first()
    pactos_srv.compromiso_actualizar(  # a fulfilled commitment is at 100 %
        compromiso=cumplido, usuario=coordinadora, texto="Rutas señalizadas.", estado="cumplido"
    )
    return ["Pacto de rutas de mayo", "Pacto de ferias de mayo"]


def _sembrar_indicadores(analista):
    """Four indicators (none part of a formula): published in May, published in March,
    published in June (after the period) and a May value never published."""
    en_formulas = set(
        Indicador.objects.filter(numerador__isnull=False).values_list("numerador", flat=True)
    ) | set(
        Indicador.objects.filter(denominador__isnull=False).values_list("denominador", flat=True)
    )
    indicadores = list(
        Indicador.objects.filter(activo=True, calculo="valor")
        .exclude(pk__in=en_formulas)
        .order_by("codigo")[:4]
    )
    canton = Canton.objects.get(codigo="1702")
    publicados = {}
    for indicador, publicado in zip(
        indicadores,
        [datetime.date(2026, 5, 14), datetime.date(2026, 3, 3), datetime.date(2026, 6, 2), None],
        strict=True,
    ):
        medicion = sie_srv.medicion_registrar(
            dato=sie_srv.DatoMedicion(
                indicador=indicador,
                canton=canton,
                periodo="2025",
                valor=Decimal("100"),
                fuente="MINTUR",
                fecha_dato=datetime.date(2025, 12, 31),
            ),
            usuario=analista,
        )
        if publicado is None:
            continue
        medicion = sie_srv.medicion_validar(
            medicion=medicion, usuario=analista, justificacion="revisado"
        )
        sie_srv.medicion_publicar(medicion=medicion, usuario=analista)
        # Published on that day (the service stamps the current time).
        Medicion.objects.filter(pk=medicion.pk).update(fecha_publicacion=_a_mediodia(publicado))
        publicados[publicado] = indicador
    return publicados


def _sembrar_actividades(coordinadora) -> str:
    """Three activities done: on 20 May (in the period), on 10 April and on 3 June."""
    actividades = list(actividades_filtradas().order_by("bloque", "orden")[:3])
    for actividad, fin in zip(
        actividades,
        [datetime.date(2026, 5, 20), datetime.date(2026, 4, 10), datetime.date(2026, 6, 3)],
        strict=True,
    ):
        actividad_actualizar_avance(
            actividad=actividad,
            usuario=coordinadora,
            hoy=fin,
            estado=EstadoActividad.HECHA,
            fin_real=fin,
        )
    return actividades[0].nombre


def sembrar(coordinadora, analista) -> Periodo:
    _sembrar_participacion(coordinadora)
    pactos = _sembrar_pactos(coordinadora)
    _sembrar_indicadores(analista)
    terminada = _sembrar_actividades(coordinadora)
    return Periodo(pactos_en_periodo=pactos, actividad_terminada=terminada)


# --- Reading the PDF back -------------------------------------------------------------------


def entre(texto: str, inicio: str, fin: str) -> str:
    """The text between two headings (case-insensitive: the PDF's h2 are upper case)."""
    a = texto.upper().index(inicio.upper())
    b = texto.upper().index(fin.upper(), a + len(inicio))
    return texto[a + len(inicio) : b]


def filas(bloque: str, etiquetas: list[str]) -> dict[str, int]:
    """The number after each label in a table read back from the PDF."""
    valores = {}
    for etiqueta in etiquetas:
        encontrado = re.search(re.escape(etiqueta) + r"\s+(\d+)", bloque)
        assert encontrado, f"sin fila «{etiqueta}» en: {bloque}"
        valores[etiqueta] = int(encontrado.group(1))
    return valores


def _comprobar_resumen(texto: str, periodo: Periodo) -> None:
    # 1. Executive summary: the roadmap as the panel counts it, and the activity done in May.
    actividades = list(actividades_filtradas())
    estados = resumen_estados(actividades)
    vivas = sum(n for e, n in estados.items() if e != EstadoActividad.CANCELADA)
    assert estados[EstadoActividad.HECHA] == 3
    resumen = entre(texto, "1. Resumen ejecutivo", "2. Los cinco productos")
    # the figures' labels are set in capitals by the PDF's style
    assert f"ACTIVIDADES HECHAS {estados[EstadoActividad.HECHA]} / {vivas}" in resumen.upper()
    assert f"EN CURSO {estados[EstadoActividad.EN_CURSO]}" in resumen.upper()
    terminadas = list(actividades_terminadas(desde=DESDE, hasta=HASTA))
    assert [a.nombre for a in terminadas] == [periodo.actividad_terminada]
    assert "En el período se terminó 1 actividad de la hoja de ruta." in resumen
    assert periodo.actividad_terminada in resumen


def _comprobar_participacion(texto: str) -> None:
    # 4. Participation: every breakdown adds up to the 6 attendances of May.
    sesiones_mayo = Sesion.objects.filter(
        estado__in=[Sesion.Estado.CERRADA, Sesion.Estado.ACTA_PUBLICADA],
        inicio__date__gte=DESDE,
        inicio__date__lte=HASTA,
    )
    verdad = participacion(sesiones=sesiones_mayo)
    assert (verdad["asistencias"], verdad["personas"], verdad["organizaciones"]) == (6, 5, 1)
    mesas = entre(texto, "4. Mesas y participación", "5. Pactos y compromisos")
    # cumulative: the pactos' session of March, April's and May's two
    assert filas(mesas, ["Sesiones de mesa realizadas"]) == {"Sesiones de mesa realizadas": 4}
    assert filas(
        entre(mesas, "Sesiones y asistencias del período", "Participación por cantón"),
        [
            "Sesiones realizadas",
            "Asistencias",
            "Personas distintas",
            "Organizaciones representadas",
        ],
    ) == {
        "Sesiones realizadas": 2,
        "Asistencias": 6,
        "Personas distintas": 5,
        "Organizaciones representadas": 1,
    }
    assert "Se cuentan asistencias" in mesas
    _comprobar_desgloses(texto, verdad)


def _comprobar_desgloses(texto: str, verdad: dict) -> None:
    """Each breakdown of the attendances, read back and against the selector."""
    esperado = {
        ("Participación por cantón", "Participación por sector"): {
            "Cayambe": 3,
            "Mejía": 1,
            "Sin dato": 2,
            "Total": 6,
        },
        ("Participación por sector", "Participación por género"): {
            "Floricultura": 3,
            "Leche y derivados": 1,
            "Varios sectores": 1,
            "Sin dato": 1,
            "Total": 6,
        },
        ("Participación por género", "5. Pactos y compromisos"): {
            "Mujeres": 3,
            "Hombres": 1,
            "Otro": 0,
            "Prefiere no informar": 1,
            "Sin dato": 1,
            "Total": 6,
        },
    }
    claves = {
        "Participación por cantón": "por_canton",
        "Participación por sector": "por_sector",
        "Participación por género": "por_genero",
    }
    for (inicio, fin), cifras in esperado.items():
        leidas = filas(entre(texto, inicio, fin), list(cifras))
        assert leidas == cifras, inicio
        selector = dict(verdad[claves[inicio]])
        assert sum(selector.values()) == verdad["asistencias"] == leidas["Total"]
        assert {k: v for k, v in selector.items() if v} == {
            k: v for k, v in cifras.items() if v and k != "Total"
        }


def _comprobar_pactos(texto: str, periodo: Periodo) -> None:
    # 5. Pactos: two signed in May (3 + 2 commitments), one before: 6 commitments at the end.
    pactos = entre(texto, "5. Pactos y compromisos", "6. Eventos y comunicación")
    firmados = list(pactos_firmados(hasta=HASTA))
    en_periodo = list(pactos_firmados(desde=DESDE, hasta=HASTA))
    assert [p.titulo for p in en_periodo] == periodo.pactos_en_periodo
    assert sum(p.total_compromisos for p in firmados) == 6
    assert "En el período se firmaron 2 pactos." in pactos
    assert "Al cierre del período hay 3 pactos firmados, con 6 compromisos." in pactos
    assert "Aún no hay pactos" not in texto
    assert filas(
        pactos, ["Pacto de abril 02/04/2026", "de mayo 05/05/2026", "de mayo 28/05/2026"]
    ) == {"Pacto de abril 02/04/2026": 1, "de mayo 05/05/2026": 3, "de mayo 28/05/2026": 2}
    assert "Pacto de junio" not in pactos and "borrador" not in pactos
    por_estado = {
        str(f["nombre"]): f["n"]
        for f in compromisos_por_estado(pactos=pactos_firmados(hasta=HASTA))
    }
    assert por_estado["Sin iniciar"] == 5 and por_estado["Cumplido"] == 1
    estados_leidos = filas(
        entre(pactos, "Compromisos por estado", "Pactos firmados o"), [*por_estado, "Total"]
    )
    assert estados_leidos == {**por_estado, "Total": 6}


def _comprobar_indicadores(texto: str) -> None:
    # 7. Indicators: 2 with data at the end of May (out of every active one), 1 moved in May.
    indicadores = entre(texto, "7. Indicadores que se movieron", "8. Riesgos")
    activos = indicadores_activos_total()
    assert indicadores_con_datos_total(hasta=HASTA) == 2
    assert re.search(rf"Indicadores con datos\s+2\s*/\s*{activos}\b", indicadores)
    movidos = list(indicadores_movidos_en(desde=DESDE, hasta=HASTA))
    assert len(movidos) == 1
    tabla = indicadores[indicadores.index("Código") :]
    assert movidos[0].codigo in tabla
    codigos = set(re.findall(r"\b[A-Z]{3}-\d{2}\b", tabla))
    assert codigos == {movidos[0].codigo}
    # The products' section repeats the same figure from the same selector.
    productos = {p.producto.numero: p for p in progreso_productos(hasta=HASTA)}
    sie = next(c for c in productos[4].cifras if c.cifra.clave == "sie_indicadores")
    assert (sie.valor, sie.meta) == (2, activos)
    assert f"Indicadores con datos: 2 / meta {activos}" in entre(texto, "2. Los cinco", "3. Estado")


def comprobar_cifras(texto: str, periodo: Periodo, *, coordinadora=None, client=None):
    _comprobar_resumen(texto, periodo)
    _comprobar_participacion(texto)
    _comprobar_pactos(texto, periodo)
    _comprobar_indicadores(texto)
    if client is not None:
        activos = indicadores_activos_total()
        # The roadmap panel counts over the same set (today: the June value counts too).
        client.force_login(coordinadora, backend="django.contrib.auth.backends.ModelBackend")
        panel = " ".join(client.get("/pactos/hoja-de-ruta/panel/").content.decode().split())
        assert f"indicadores con datos: 3/{activos}" in panel


@pytest.mark.django_db
def test_cada_cifra_del_informe_es_verdad(
    client,
    coordinadora,
    analista,
    medios,
    celery_en_proceso,
    django_capture_on_commit_callbacks,
):
    periodo = sembrar(coordinadora, analista)
    client.force_login(coordinadora, backend="django.contrib.auth.backends.ModelBackend")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/pactos/hoja-de-ruta/informes/",
            {"desde": DESDE.isoformat(), "hasta": HASTA.isoformat()},
        )
    documento = Documento.objects.get(tipo="informe_progreso")
    assert documento.estado == Documento.Estado.LISTO, documento.error
    texto = texto_pdf(documento)
    comprobar_cifras(texto, periodo, coordinadora=coordinadora, client=client)


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_cifras_del_informe_generado_por_un_worker_real(
    celery_worker_real, client, coordinadora, analista, medios
):
    periodo = sembrar(coordinadora, analista)
    client.force_login(coordinadora, backend="django.contrib.auth.backends.ModelBackend")
    client.post(
        "/pactos/hoja-de-ruta/informes/",
        {"desde": DESDE.isoformat(), "hasta": HASTA.isoformat()},
    )
    documento = documento_terminado(Documento.objects.get(tipo="informe_progreso"))
    assert documento.estado == Documento.Estado.LISTO, documento.error
    comprobar_cifras(texto_pdf(documento), periodo)
