"""Demo map of Pichincha's actors (cargar_demo): ~160 actors across the 8 cantons and 5 sectors.

Institutions are real kinds of public bodies and organisations of DOMAIN.md; people are fictional,
with example.org e-mails and cédulas whose check digit is computed with python-stdnum.
Everything is created through the services, and the loader is idempotent.
"""

from __future__ import annotations

import random
from datetime import date

from django.db import transaction
from stdnum.ec import ruc as stdnum_ruc

from sie.models import Canton, Eje, Sector

from .models import Actor, Relacion
from .services import actor_crear, asignacion_crear, membresia_crear, relacion_crear
from .validadores import digito_verificador_cedula, normalizar_nombre

FINALIDAD = "Convocatoria y registro de participación en las mesas de los Pactos por Pichincha"

T, A = "turismo", "agropecuario"
FLO, LEC, AND, CAC, PAL = (
    "floricultura",
    "leche-y-derivados",
    "cultivos-andinos",
    "cacao-cafe-cana",
    "palmito-frutas-tropicales",
)

# nombre, siglas, tipo, ambito, canton codigo, ejes, sectores,
# place on the map (influencia, interes, posicion), publico
ORGANIZACIONES = [
    # Provincial Government units
    (
        "Dirección de Gestión de Desarrollo Económico del GAD Provincial de Pichincha",
        "DGDE-GADPP",
        "publico",
        "provincial",
        None,
        [T, A],
        [],
        (5, 5, "apoya"),
        True,
    ),
    (
        "Dirección de Gestión de Planificación del GAD Provincial de Pichincha",
        "DGP-GADPP",
        "publico",
        "provincial",
        None,
        [T, A],
        [],
        (5, 4, "apoya"),
        True,
    ),
    (
        "Dirección de Gestión de Desarrollo Comunitario del GAD Provincial de Pichincha",
        "DGDC-GADPP",
        "publico",
        "provincial",
        None,
        [A],
        [AND],
        (4, 5, "apoya"),
        True,
    ),
    (
        "Dirección de Gestión de Riego y Drenaje del GAD Provincial de Pichincha",
        "DRD-GADPP",
        "publico",
        "provincial",
        None,
        [A],
        [AND, FLO, LEC],
        (5, 4, "apoya"),
        True,
    ),
    (
        "Consejo Provincial de GAD Parroquiales Rurales de Pichincha",
        "CONAGOPARE Pichincha",
        "publico",
        "provincial",
        None,
        [T, A],
        [],
        (4, 4, "apoya"),
        True,
    ),
    # National bodies
    (
        "Ministerio de Agricultura y Ganadería – Dirección Distrital Pichincha",
        "MAG",
        "publico",
        "nacional",
        None,
        [A],
        [FLO, LEC, AND, CAC, PAL],
        (5, 3, "neutral"),
        True,
    ),
    (
        "Ministerio de Turismo – Coordinación Zonal 9",
        "MINTUR",
        "publico",
        "nacional",
        None,
        [T],
        [],
        (5, 3, "neutral"),
        True,
    ),
    (
        "Ministerio de Producción, Comercio Exterior, Inversiones y Pesca",
        "MPCEIP",
        "publico",
        "nacional",
        None,
        [A, T],
        [FLO, CAC],
        (4, 2, "neutral"),
        True,
    ),
    (
        "Agencia de Regulación y Control Fito y Zoosanitario",
        "Agrocalidad",
        "publico",
        "nacional",
        None,
        [A],
        [FLO, LEC, CAC],
        (4, 2, "neutral"),
        True,
    ),
    (
        "Instituto Nacional de Investigaciones Agropecuarias – Estación Santa Catalina",
        "INIAP",
        "publico",
        "nacional",
        "1703",
        [A],
        [AND, LEC],
        (3, 3, "apoya"),
        True,
    ),
    (
        "Instituto Nacional de Estadística y Censos",
        "INEC",
        "publico",
        "nacional",
        None,
        [T, A],
        [],
        (2, 2, "neutral"),
        True,
    ),
    # Municipal governments
    (
        "GAD Municipal del Distrito Metropolitano de Quito",
        "Municipio de Quito",
        "publico",
        "cantonal",
        "1701",
        [T, A],
        [CAC, AND],
        (5, 3, "neutral"),
        True,
    ),
    (
        "GAD Municipal de Cayambe",
        "GADIP Cayambe",
        "publico",
        "cantonal",
        "1702",
        [T, A],
        [FLO, LEC, AND],
        (4, 5, "apoya"),
        True,
    ),
    (
        "GAD Municipal de Mejía",
        "Municipio de Mejía",
        "publico",
        "cantonal",
        "1703",
        [T, A],
        [LEC, AND],
        (4, 4, "apoya"),
        True,
    ),
    (
        "GAD Municipal de Pedro Moncayo",
        "Municipio de Pedro Moncayo",
        "publico",
        "cantonal",
        "1704",
        [T, A],
        [FLO, AND],
        (4, 4, "apoya"),
        True,
    ),
    (
        "GAD Municipal de Rumiñahui",
        "Municipio de Rumiñahui",
        "publico",
        "cantonal",
        "1705",
        [T, A],
        [AND],
        (4, 3, "neutral"),
        True,
    ),
    (
        "GAD Municipal de San Miguel de los Bancos",
        "Municipio de Los Bancos",
        "publico",
        "cantonal",
        "1707",
        [T, A],
        [CAC, LEC],
        (3, 5, "apoya"),
        True,
    ),
    (
        "GAD Municipal de Pedro Vicente Maldonado",
        "Municipio de PVM",
        "publico",
        "cantonal",
        "1708",
        [T, A],
        [PAL, CAC],
        (3, 4, "apoya"),
        True,
    ),
    (
        "GAD Municipal de Puerto Quito",
        "Municipio de Puerto Quito",
        "publico",
        "cantonal",
        "1709",
        [T, A],
        [PAL, CAC],
        (3, 4, "neutral"),
        True,
    ),
    (
        "Mancomunidad del Chocó Andino",
        "Mancomunidad Chocó Andino",
        "publico",
        "provincial",
        "1707",
        [T],
        [],
        (3, 5, "apoya"),
        True,
    ),
    # Producer and sector organisations
    (
        "Asociación de Productores y Exportadores de Flores del Ecuador",
        "Expoflores",
        "privado",
        "nacional",
        "1701",
        [A],
        [FLO],
        (5, 3, "neutral"),
        True,
    ),
    (
        "Cámara Provincial de Turismo de Pichincha",
        "CAPTUR",
        "privado",
        "provincial",
        "1701",
        [T],
        [],
        (4, 4, "apoya"),
        True,
    ),
    (
        "Cámara de Turismo del Chocó Andino",
        "CATUCA",
        "privado",
        "cantonal",
        "1707",
        [T],
        [],
        (3, 5, "apoya"),
        True,
    ),
    (
        "Asociación Hotelera de Mindo",
        "AHM",
        "privado",
        "parroquial",
        "1707",
        [T],
        [],
        (2, 4, "apoya"),
        True,
    ),
    (
        "Asociación de Guías de Aviturismo de Mindo",
        "Guías Mindo",
        "comunitario",
        "parroquial",
        "1707",
        [T],
        [],
        (2, 5, "apoya"),
        True,
    ),
    (
        "Asociación de Operadores Turísticos de Puerto Quito",
        "AOTPQ",
        "privado",
        "cantonal",
        "1709",
        [T],
        [],
        (2, 4, "apoya"),
        True,
    ),
    (
        "Red de Turismo Comunitario de Cayambe",
        "RTC Cayambe",
        "comunitario",
        "cantonal",
        "1702",
        [T],
        [],
        (2, 5, "apoya"),
        True,
    ),
    (
        "Asociación de Guías de Montaña del Cotopaxi e Illinizas",
        "AGMCI",
        "comunitario",
        "cantonal",
        "1703",
        [T],
        [],
        (1, 4, "apoya"),
        False,
    ),
    (
        "Corporación de Turismo del Centro Histórico de Quito",
        "CTCHQ",
        "privado",
        "cantonal",
        "1701",
        [T],
        [],
        (3, 3, "neutral"),
        True,
    ),
    (
        "Asociación de Restaurantes y Hornaderías de Sangolquí",
        "ARHS",
        "privado",
        "cantonal",
        "1705",
        [T],
        [],
        (1, 3, "neutral"),
        True,
    ),
    (
        "Comité de Turismo de Cochasquí",
        "Cochasquí Vivo",
        "comunitario",
        "parroquial",
        "1704",
        [T],
        [],
        (1, 4, "apoya"),
        False,
    ),
    (
        "Confederación del Pueblo Kayambi",
        "Pueblo Kayambi",
        "comunitario",
        "cantonal",
        "1702",
        [T, A],
        [AND, LEC],
        (4, 4, "se_opone"),
        True,
    ),
    (
        "Unión de Organizaciones Campesinas de Cangahua",
        "UNOCC",
        "comunitario",
        "parroquial",
        "1702",
        [A],
        [AND, LEC],
        (3, 4, "se_opone"),
        True,
    ),
    (
        "Junta General de Usuarios del Sistema de Riego El Pisque",
        "JGU El Pisque",
        "comunitario",
        "provincial",
        "1702",
        [A],
        [AND, FLO, LEC],
        (4, 5, "apoya"),
        True,
    ),
    (
        "Junta de Riego Tabacundo",
        "Riego Tabacundo",
        "comunitario",
        "cantonal",
        "1704",
        [A],
        [FLO, AND],
        (3, 4, "neutral"),
        True,
    ),
    (
        "Junta de Usuarios del Canal de Riego Machachi",
        "Riego Machachi",
        "comunitario",
        "cantonal",
        "1703",
        [A],
        [LEC, AND],
        (2, 4, "neutral"),
        False,
    ),
    (
        "Asociación de Floricultores de Tabacundo",
        "Flores Tabacundo",
        "privado",
        "cantonal",
        "1704",
        [A],
        [FLO],
        (3, 4, "apoya"),
        True,
    ),
    (
        "Asociación de Pequeños Floricultores de Cayambe",
        "APFC",
        "comunitario",
        "cantonal",
        "1702",
        [A],
        [FLO],
        (2, 5, "apoya"),
        True,
    ),
    (
        "Asociación de Ganaderos de la Sierra y Oriente",
        "AGSO",
        "privado",
        "nacional",
        "1703",
        [A],
        [LEC],
        (4, 3, "neutral"),
        True,
    ),
    (
        "Centro de Acopio Lechero Comunitario de Olmedo",
        "Acopio Olmedo",
        "comunitario",
        "parroquial",
        "1702",
        [A],
        [LEC],
        (2, 5, "apoya"),
        True,
    ),
    (
        "Asociación de Productores de Leche de Machachi",
        "APROLEM",
        "comunitario",
        "cantonal",
        "1703",
        [A],
        [LEC],
        (2, 4, "apoya"),
        True,
    ),
    (
        "Cooperativa de Producción Lechera El Chaupi",
        "Coop. El Chaupi",
        "comunitario",
        "parroquial",
        "1703",
        [A],
        [LEC],
        (2, 3, "neutral"),
        False,
    ),
    (
        "Asociación Agroecológica de Tupigachi",
        "Agroecológica Tupigachi",
        "comunitario",
        "parroquial",
        "1704",
        [A],
        [AND],
        (1, 5, "apoya"),
        True,
    ),
    (
        "Red de Mujeres Productoras de Cayambe",
        "Red Mujeres Cayambe",
        "comunitario",
        "cantonal",
        "1702",
        [A],
        [AND],
        (2, 5, "apoya"),
        True,
    ),
    (
        "Asociación de Productores de Maíz de Rumiñahui",
        "APROMAR",
        "comunitario",
        "cantonal",
        "1705",
        [A, T],
        [AND],
        (1, 4, "apoya"),
        True,
    ),
    (
        "Feria Agroecológica de Amaguaña",
        "Feria Amaguaña",
        "comunitario",
        "parroquial",
        "1701",
        [A],
        [AND],
        (1, 3, "desconocida"),
        False,
    ),
    (
        "Cooperativa de Cacaoteros de Puerto Quito",
        "Coop. Cacao PQ",
        "comunitario",
        "cantonal",
        "1709",
        [A],
        [CAC],
        (2, 5, "apoya"),
        True,
    ),
    (
        "Asociación de Productores de Cacao Fino de Aroma de Los Bancos",
        "APROCAB",
        "comunitario",
        "cantonal",
        "1707",
        [A, T],
        [CAC],
        (2, 4, "apoya"),
        True,
    ),
    (
        "Asociación de Cafetaleros de Pacto",
        "Café Pacto",
        "comunitario",
        "parroquial",
        "1701",
        [A],
        [CAC],
        (2, 4, "neutral"),
        True,
    ),
    (
        "Asociación de Productores de Panela de Pacto y Gualea",
        "Panela Pacto",
        "comunitario",
        "parroquial",
        "1701",
        [A],
        [CAC],
        (1, 3, "desconocida"),
        False,
    ),
    (
        "Asociación de Palmitocultores de Pedro Vicente Maldonado",
        "APPVM",
        "privado",
        "cantonal",
        "1708",
        [A],
        [PAL],
        (3, 3, "neutral"),
        True,
    ),
    (
        "Asociación de Piscicultores del Noroccidente",
        "Piscicultores NO",
        "comunitario",
        "provincial",
        "1709",
        [A],
        [PAL],
        (1, 3, "desconocida"),
        True,
    ),
    (
        "Asociación de Fruticultores de Puerto Quito",
        "Frutas PQ",
        "comunitario",
        "cantonal",
        "1709",
        [A],
        [PAL],
        (2, 4, "apoya"),
        True,
    ),
    (
        "Empresa Exportadora de Palmito del Noroccidente",
        "Palmito NO",
        "privado",
        "cantonal",
        "1708",
        [A],
        [PAL],
        (3, 2, "se_opone"),
        False,
    ),
    (
        "Asociación de Chocolateros de Mindo",
        "Chocolate Mindo",
        "privado",
        "parroquial",
        "1707",
        [A, T],
        [CAC],
        (2, 4, "apoya"),
        True,
    ),
    # Academia
    (
        "Universidad de las Fuerzas Armadas ESPE",
        "ESPE",
        "academia",
        "nacional",
        "1705",
        [A, T],
        [AND, LEC],
        (3, 3, "apoya"),
        True,
    ),
    (
        "Universidad Central del Ecuador – Facultad de Ciencias Agrícolas",
        "UCE",
        "academia",
        "nacional",
        "1701",
        [A],
        [AND, FLO],
        (3, 3, "apoya"),
        True,
    ),
    (
        "Pontificia Universidad Católica del Ecuador",
        "PUCE",
        "academia",
        "nacional",
        "1701",
        [T],
        [],
        (3, 2, "neutral"),
        True,
    ),
    (
        "Universidad Politécnica Salesiana – Sede Cayambe",
        "UPS",
        "academia",
        "cantonal",
        "1702",
        [A],
        [LEC, AND],
        (2, 4, "apoya"),
        True,
    ),
    (
        "Universidad Técnica del Norte",
        "UTN",
        "academia",
        "nacional",
        None,
        [A, T],
        [FLO],
        (2, 2, "desconocida"),
        True,
    ),
    # NGOs and cooperation
    (
        "Fundación Imaymana",
        "Imaymana",
        "ong",
        "provincial",
        "1701",
        [T],
        [CAC],
        (2, 5, "apoya"),
        True,
    ),
    (
        "Fundación Maquipucuna",
        "Maquipucuna",
        "ong",
        "parroquial",
        "1701",
        [T],
        [],
        (2, 4, "apoya"),
        True,
    ),
    (
        "Fundación Heifer Ecuador",
        "Heifer",
        "ong",
        "nacional",
        None,
        [A],
        [AND, LEC],
        (3, 4, "apoya"),
        True,
    ),
    (
        "Organización de las Naciones Unidas para la Alimentación y la Agricultura – Ecuador",
        "FAO",
        "cooperacion",
        "nacional",
        None,
        [A],
        [AND],
        (4, 3, "apoya"),
        True,
    ),
    (
        "Cooperación Alemana para el Desarrollo",
        "GIZ",
        "cooperacion",
        "nacional",
        None,
        [T, A],
        [CAC],
        (3, 3, "neutral"),
        True,
    ),
    (
        "Programa de las Naciones Unidas para el Desarrollo",
        "PNUD",
        "cooperacion",
        "nacional",
        None,
        [T, A],
        [],
        (3, 2, "neutral"),
        True,
    ),
    (
        "Banco de Desarrollo de América Latina",
        "CAF",
        "cooperacion",
        "nacional",
        None,
        [T],
        [],
        (4, 2, "desconocida"),
        True,
    ),
]

# Parish governments (canton code, parish)
PARROQUIAS = [
    ("1701", "Nanegalito"),
    ("1701", "Pacto"),
    ("1701", "Gualea"),
    ("1701", "Nono"),
    ("1701", "Calacalí"),
    ("1702", "Cangahua"),
    ("1702", "Olmedo (Pesillo)"),
    ("1702", "Otón"),
    ("1703", "Alóag"),
    ("1703", "El Chaupi"),
    ("1703", "Tambillo"),
    ("1704", "Tupigachi"),
    ("1704", "La Esperanza"),
    ("1704", "Malchinguí"),
    ("1705", "Cotogchoa"),
    ("1705", "Rumipamba"),
    ("1707", "Mindo"),
]

# Relations between organisations, by siglas: origin, destination, type and a note.
RELACIONES = [
    ("MAG", "Agrocalidad", "coordina"),
    ("MAG", "INIAP", "coordina"),
    ("INEC", "DGP-GADPP", "coordina", "Información estadística para el SIE"),
    ("DRD-GADPP", "JGU El Pisque", "financia", "Rehabilitación del canal El Pisque"),
    ("DRD-GADPP", "Riego Tabacundo", "coordina"),
    ("DRD-GADPP", "Riego Machachi", "coordina"),
    ("Expoflores", "Flores Tabacundo", "aliado"),
    ("Expoflores", "APFC", "aliado"),
    ("Flores Tabacundo", "Riego Tabacundo", "en_conflicto", "Turnos de agua de riego"),
    ("Pueblo Kayambi", "Expoflores", "en_conflicto", "Uso del agua y del suelo"),
    ("UNOCC", "Pueblo Kayambi", "miembro_de"),
    ("Red Mujeres Cayambe", "Pueblo Kayambi", "aliado"),
    ("Acopio Olmedo", "UNOCC", "miembro_de"),
    ("GADIP Cayambe", "RTC Cayambe", "financia"),
    ("UPS", "Acopio Olmedo", "coordina", "Asistencia técnica en calidad de leche"),
    ("AGSO", "APROLEM", "aliado"),
    ("APROLEM", "Riego Machachi", "aliado"),
    ("Municipio de Mejía", "APROLEM", "coordina"),
    ("INIAP", "Agroecológica Tupigachi", "coordina"),
    ("Heifer", "Agroecológica Tupigachi", "financia"),
    ("Heifer", "Red Mujeres Cayambe", "financia"),
    ("FAO", "DGDC-GADPP", "financia", "Agricultura familiar"),
    ("FAO", "MAG", "coordina"),
    ("GIZ", "Coop. Cacao PQ", "financia"),
    ("GIZ", "APROCAB", "financia"),
    ("Coop. Cacao PQ", "APROCAB", "aliado"),
    ("Chocolate Mindo", "APROCAB", "aliado"),
    ("Municipio de Los Bancos", "CATUCA", "coordina"),
    ("Mancomunidad Chocó Andino", "CATUCA", "coordina"),
    ("Mancomunidad Chocó Andino", "Imaymana", "aliado"),
    ("Imaymana", "Café Pacto", "coordina"),
    ("Maquipucuna", "Imaymana", "aliado"),
    ("PNUD", "Mancomunidad Chocó Andino", "financia"),
    ("AHM", "CATUCA", "miembro_de"),
    ("Guías Mindo", "CATUCA", "miembro_de"),
    ("CAPTUR", "CATUCA", "aliado"),
    ("CAPTUR", "MINTUR", "coordina"),
    ("CAPTUR", "CTCHQ", "aliado"),
    ("Municipio de Quito", "CTCHQ", "financia"),
    ("APPVM", "Palmito NO", "en_conflicto", "Precio de compra del palmito"),
    ("Municipio de PVM", "APPVM", "coordina"),
    ("Municipio de Puerto Quito", "AOTPQ", "coordina"),
    ("Frutas PQ", "Coop. Cacao PQ", "aliado"),
    ("ESPE", "Municipio de Rumiñahui", "coordina"),
    ("UCE", "INIAP", "coordina"),
    ("Municipio de Rumiñahui", "APROMAR", "financia", "Fiesta del maíz y del turismo"),
    ("CONAGOPARE Pichincha", "GADPR Nanegalito", "coordina"),
]

NOMBRES_M = [
    "María",
    "Rosa",
    "Carmen",
    "Lucía",
    "Gabriela",
    "Verónica",
    "Diana",
    "Patricia",
    "Sisa",
    "Nina",
    "Ana",
    "Elena",
    "Jessica",
    "Andrea",
    "Mónica",
]
NOMBRES_H = [
    "Luis",
    "Carlos",
    "José",
    "Segundo",
    "Jorge",
    "Fernando",
    "Marco",
    "Diego",
    "Wilson",
    "Pablo",
    "Ángel",
    "Raúl",
    "Edison",
    "Inti",
    "Manuel",
]
APELLIDOS = [
    "Quishpe",
    "Farinango",
    "Cabascango",
    "Guamán",
    "Andrango",
    "Tipanluisa",
    "Cuzco",
    "Pillajo",
    "Morales",
    "Vásquez",
    "Torres",
    "Salazar",
    "Cevallos",
    "Herrera",
    "Pérez",
    "Chiluisa",
    "Simbaña",
    "Lema",
    "Ulcuango",
    "Tituaña",
    "Gualotuña",
    "Vinueza",
    "Benítez",
    "Ortiz",
]
CARGOS = [
    "Presidenta",
    "Presidente",
    "Secretaria técnica",
    "Coordinador técnico",
    "Técnica de campo",
    "Técnico de fomento productivo",
    "Tesorera",
    "Director",
    "Directora",
    "Vocal",
    "Gerente",
    "Promotora de turismo",
]


def _cedula(rng: random.Random, provincia: str = "17") -> str:
    return digito_verificador_cedula(
        provincia + str(rng.randint(0, 5)) + f"{rng.randint(0, 999999):06d}"
    )


def _ruc(rng: random.Random, tipo: str) -> str:
    if tipo == "publico":
        # 17 6 + 5 digits + check digit + 0001 (public body)
        for _ in range(200):
            base = "176" + f"{rng.randint(0, 99999):05d}"
            for d in "0123456789":
                if stdnum_ruc.is_valid(base + d + "0001"):
                    return base + d + "0001"
    for _ in range(200):
        base = "179" + f"{rng.randint(0, 9999999):07d}"
        for d in "0123456789":
            numero = base[:9] + d + "001"
            if stdnum_ruc.is_valid(numero):
                return numero
    return "1790000000001"


def _telefono(rng: random.Random, movil: bool) -> str:
    import phonenumbers

    while True:
        if movil:
            numero = f"+5939{rng.choice('89')}{rng.randint(1000000, 9999999)}"
        else:
            numero = f"+5932{rng.randint(2000000, 3999999)}"
        if phonenumbers.is_valid_number(phonenumbers.parse(numero, "EC")):
            return numero


def _slug_correo(texto: str) -> str:
    return normalizar_nombre(texto).replace(" ", ".")[:40]


@transaction.atomic
def registrar_demo(*, usuarios, salida=None) -> str:
    coordinadora = usuarios.get("coordinadora")
    if Actor.objects.filter(nombre_normalizado=normalizar_nombre(ORGANIZACIONES[0][0])).exists():
        return f"ya cargado ({Actor.objects.count()} actores)"
    rng = random.Random(2026)
    cantones = {c.codigo: c for c in Canton.objects.all()}
    ejes = {e.codigo: e for e in Eje.objects.all()}
    sectores = {s.slug: s for s in Sector.objects.all()}
    hoy = date(2026, 3, 2)
    creados: dict[str, Actor] = {}

    def org(
        nombre,
        siglas,
        tipo,
        ambito,
        canton,
        ejes_c,
        sectores_c,
        mapa,
        publico,
        parroquia=None,
    ):
        influencia, interes, posicion = mapa
        c = cantones.get(canton) if canton else None
        p = c.parroquias.get(nombre=parroquia) if (c and parroquia) else None
        if ambito == "parroquial" and p is None and c is not None:
            ambito = "cantonal"
        actor = actor_crear(
            usuario=coordinadora,
            datos={
                "naturaleza": Actor.Naturaleza.ORGANIZACION,
                "nombre": nombre,
                "siglas": siglas[:40],
                "tipo": tipo,
                "ambito": ambito,
                "canton": c,
                "parroquia": p,
                "email": f"contacto.{_slug_correo(siglas)}@example.org",
                "telefono": _telefono(rng, movil=False),
                "identificacion": _ruc(rng, tipo)
                if tipo in ("publico", "privado", "comunitario")
                else "",
                "influencia": influencia,
                "interes": interes,
                "posicion": posicion,
                "visible_publico": publico,
                "consentimiento_datos": True,
                "consentimiento_fecha": hoy,
                "consentimiento_finalidad": FINALIDAD,
            },
            ejes=[ejes[e] for e in ejes_c],
            sectores=[sectores[s] for s in sectores_c],
            motivo="Mapeo inicial de actores (taller de arranque).",
        )
        creados[siglas] = actor
        return actor

    for fila in ORGANIZACIONES:
        org(*fila)
    for canton, parroquia in PARROQUIAS:
        c = cantones[canton]
        sect = [
            s for s in (AND, LEC, CAC) if c.codigo in {x.codigo for x in sectores[s].cantones.all()}
        ][:1]
        org(
            f"GAD Parroquial Rural de {parroquia}",
            f"GADPR {parroquia}"[:40],
            "publico",
            "parroquial",
            canton,
            [T, A],
            sect,
            (
                rng.choice([2, 2, 3]),
                rng.choice([3, 4, 5]),
                rng.choice(["apoya", "apoya", "neutral", "desconocida"]),
            ),
            True,
            parroquia=parroquia,
        )
    # Extra producers' associations so every canton × sector pair has some actors.
    n_extra = 0
    for s in sectores.values():
        for c in s.cantones.all():
            n_extra += 1
            nombre = f"Asociación de Productores «{s.nombre.split(',')[0]}» de {c.nombre}"
            if Actor.objects.filter(nombre_normalizado=normalizar_nombre(nombre)).exists():
                continue
            org(
                nombre,
                f"ASO-{s.slug[:8]}-{c.codigo}",
                "comunitario",
                "cantonal",
                c.codigo,
                [A],
                [s.slug],
                (
                    rng.randint(1, 3),
                    rng.randint(2, 5),
                    rng.choice(["apoya", "neutral", "desconocida", "apoya"]),
                ),
                rng.random() < 0.6,
            )

    # People: leaders and technicians of the organisations (fictional).
    organizaciones = list(creados.values())
    personas = []
    for i in range(62):
        mujer = i % 2 == 0
        nombres = (
            rng.choice(NOMBRES_M if mujer else NOMBRES_H)
            + " "
            + rng.choice(NOMBRES_M if mujer else NOMBRES_H)
        )
        apellidos = rng.choice(APELLIDOS) + " " + rng.choice(APELLIDOS)
        if nombres.split()[0] == nombres.split()[1]:
            nombres = nombres.split()[0]
        organizacion = organizaciones[i % len(organizaciones)]
        consiente = rng.random() < 0.85
        # Most people accept being named in the portal's publications; some who gave their data
        # for contact did not (and nobody without that consent is named): the public pages show
        # both cases. Decided without the random generator so the rest of the demo stays as it was.
        acepta_nombre = consiente and i % 5 != 3
        persona = actor_crear(
            usuario=coordinadora,
            datos={
                "naturaleza": Actor.Naturaleza.PERSONA,
                "nombres": nombres,
                "apellidos": apellidos,
                "tipo": organizacion.tipo,
                "ambito": organizacion.ambito if organizacion.canton_id else "provincial",
                "canton": organizacion.canton,
                "parroquia": organizacion.parroquia,
                "email": f"{_slug_correo(nombres.split()[0] + ' ' + apellidos.split()[0])}.{i}@example.org",
                "telefono": _telefono(rng, movil=True),
                "identificacion": _cedula(rng),
                "genero": Actor.Genero.MUJER if mujer else Actor.Genero.HOMBRE,
                "influencia": max(1, min(5, organizacion.influencia + rng.choice([-1, 0, 0]))),
                "interes": max(1, min(5, organizacion.interes + rng.choice([-1, 0, 1]))),
                "posicion": organizacion.posicion,
                "consentimiento_datos": consiente,
                "consentimiento_fecha": hoy if consiente else None,
                "consentimiento_finalidad": FINALIDAD if consiente else "",
                "consentimiento_nombre_publico": acepta_nombre,
            },
            ejes=list(organizacion.ejes.all()),
            sectores=list(organizacion.sectores.all()),
            motivo="Mapeo inicial de actores (taller de arranque).",
        )
        membresia_crear(
            persona=persona,
            organizacion=organizacion,
            usuario=coordinadora,
            cargo=rng.choice(CARGOS),
            desde=date(rng.randint(2015, 2025), rng.randint(1, 12), 1),
        )
        personas.append(persona)

    # Relations between organisations.
    def rel(a, b, tipo, nota=""):
        if (
            a in creados
            and b in creados
            and a != b
            and not Relacion.objects.filter(
                origen=creados[a], destino=creados[b], tipo=tipo
            ).exists()
        ):
            relacion_crear(
                origen=creados[a], destino=creados[b], tipo=tipo, usuario=coordinadora, nota=nota
            )

    gadpp = "DGDE-GADPP"
    for s in ("DGP-GADPP", "DGDC-GADPP", "DRD-GADPP", "CONAGOPARE Pichincha"):
        rel(gadpp, s, "coordina")
    municipios = [
        "Municipio de Quito",
        "GADIP Cayambe",
        "Municipio de Mejía",
        "Municipio de Pedro Moncayo",
        "Municipio de Rumiñahui",
        "Municipio de Los Bancos",
        "Municipio de PVM",
        "Municipio de Puerto Quito",
    ]
    for m in municipios:
        rel(gadpp, m, "coordina", "Mesa cantonal de turismo")
    for m in ("MAG", "MINTUR", "MPCEIP", "Agrocalidad", "INIAP"):
        rel(gadpp, m, "coordina")
    for fila in RELACIONES:
        rel(*fila)
    for siglas in [k for k in creados if k.startswith("GADPR")]:
        rel("CONAGOPARE Pichincha", siglas, "coordina")
    for siglas in [k for k in creados if k.startswith("ASO-")]:
        if rng.random() < 0.5:
            rel(siglas, "MAG", "coordina")

    # The demo facilitator maintains the actors of Cayambe, Pedro Moncayo and San Miguel de los Bancos.
    facilitador = usuarios.get("facilitador")
    if facilitador is not None:
        for codigo in ("1702", "1704", "1707"):
            asignacion_crear(usuario=coordinadora, facilitador=facilitador, canton=cantones[codigo])
    return f"{Actor.objects.count()} actores, {Relacion.objects.count()} relaciones"
