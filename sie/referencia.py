"""Reference data of Pichincha, loaded by sie's data migrations (see ../shared/DOMAIN.md).

Kept as plain data so the migration and the tests read the same facts. Figures carry their source
and year: they are shown as such, never as today's truth.
"""

CENSO_2022 = "INEC, Censo de Población y Vivienda 2022"
CENSO_2010 = "INEC, Censo de Población y Vivienda 2010"
SUPERFICIE = "Gobierno Provincial de Pichincha (aproximada)"

CANTONES = [
    {
        "codigo": "1701",
        "nombre": "Distrito Metropolitano de Quito",
        "slug": "quito",
        "cabecera": "Quito",
        "poblacion": 2679722,
        "poblacion_anio": 2022,
        "poblacion_fuente": CENSO_2022,
        "superficie_km2": "4201",
        "descripcion_turistica": (
            "Centro histórico (primer Patrimonio Cultural de la Humanidad, UNESCO 1978), "
            "Mitad del Mundo y las parroquias noroccidentales del Chocó Andino "
            "(Nanegalito, Tulipe, Pacto, Mashpi)."
        ),
        "descripcion_productiva": (
            "Floricultura en el oriente del distrito; cultivos andinos y agricultura familiar en las "
            "parroquias rurales; cacao, café y caña en Pacto."
        ),
        "parroquias": [
            "Alangasí",
            "Amaguaña",
            "Atahualpa",
            "Calacalí",
            "Calderón",
            "Conocoto",
            "Cumbayá",
            "Chavezpamba",
            "Checa",
            "El Quinche",
            "Gualea",
            "Guangopolo",
            "Guayllabamba",
            "La Merced",
            "Llano Chico",
            "Lloa",
            "Nanegal",
            "Nanegalito",
            "Nayón",
            "Nono",
            "Pacto",
            "Perucho",
            "Pifo",
            "Píntag",
            "Pomasqui",
            "Puéllaro",
            "Puembo",
            "San Antonio de Pichincha",
            "San José de Minas",
            "Tababela",
            "Tumbaco",
            "Yaruquí",
            "Zámbiza",
        ],
    },
    {
        "codigo": "1702",
        "nombre": "Cayambe",
        "slug": "cayambe",
        "cabecera": "Cayambe",
        "poblacion": 105267,
        "poblacion_anio": 2022,
        "poblacion_fuente": CENSO_2022,
        "superficie_km2": "1201",
        "descripcion_turistica": (
            "Volcán Cayambe (5.790 m) y la reserva Cayambe-Coca, reloj solar Quitsato, Guachalá, "
            "bizcochos y queso de hoja, fiestas del Inti Raymi y San Pedro."
        ),
        "descripcion_productiva": "Floricultura, leche y derivados, cultivos andinos con riego.",
        "parroquias": [
            "Ascázubi",
            "Cangahua",
            "Olmedo (Pesillo)",
            "Otón",
            "Santa Rosa de Cusubamba",
        ],
    },
    {
        "codigo": "1703",
        "nombre": "Mejía",
        "slug": "mejia",
        "cabecera": "Machachi",
        "poblacion": 101894,
        "poblacion_anio": 2022,
        "poblacion_fuente": CENSO_2022,
        "superficie_km2": "1411",
        "descripcion_turistica": (
            "Machachi y la tradición chagra, reserva Los Illinizas, volcanes Corazón, Rumiñahui, "
            "Pasochoa y Sincholagua."
        ),
        "descripcion_productiva": "Leche y derivados, cultivos andinos y agricultura familiar.",
        "parroquias": [
            "Alóag",
            "Aloasí",
            "Cutuglagua",
            "El Chaupi",
            "Manuel Cornejo Astorga (Tandapi)",
            "Tambillo",
            "Uyumbicho",
        ],
    },
    {
        "codigo": "1704",
        "nombre": "Pedro Moncayo",
        "slug": "pedro-moncayo",
        "cabecera": "Tabacundo",
        "poblacion": 40483,
        "poblacion_anio": 2022,
        "poblacion_fuente": CENSO_2022,
        "superficie_km2": "335",
        "descripcion_turistica": (
            "Lagunas de Mojanda, pirámides de Cochasquí, rosas (\u201ccapital mundial de la rosa\u201d, 2011)."
        ),
        "descripcion_productiva": "Floricultura, leche y derivados, cultivos andinos con riego.",
        "parroquias": ["La Esperanza", "Malchinguí", "Tocachi", "Tupigachi"],
    },
    {
        "codigo": "1705",
        "nombre": "Rumiñahui",
        "slug": "ruminahui",
        "cabecera": "Sangolquí",
        "poblacion": 107904,
        "poblacion_anio": 2022,
        "poblacion_fuente": CENSO_2022,
        "superficie_km2": "136",
        "descripcion_turistica": (
            "Centro patrimonial de Sangolquí, cascadas (Cóndor Machay, Pita, Vilatuña, Molinuco), "
            "casa-museo Kingman, hornado, fiesta del maíz y del turismo."
        ),
        "descripcion_productiva": "Cultivos andinos y agricultura familiar.",
        "parroquias": ["Cotogchoa", "Rumipamba"],
    },
    {
        "codigo": "1707",
        "nombre": "San Miguel de los Bancos",
        "slug": "san-miguel-de-los-bancos",
        "cabecera": "San Miguel de los Bancos",
        "poblacion": 17573,
        "poblacion_anio": 2010,
        "poblacion_fuente": CENSO_2010,
        "superficie_km2": "839",
        "descripcion_turistica": (
            "Mindo: aviturismo, ríos y chocolate (unos 200.000 visitantes al año); parte de la "
            "reserva de biosfera del Chocó Andino (UNESCO, 2018)."
        ),
        "descripcion_productiva": "Cacao, café y caña; palmito, frutas tropicales y piscicultura.",
        "parroquias": ["Mindo"],
    },
    {
        "codigo": "1708",
        "nombre": "Pedro Vicente Maldonado",
        "slug": "pedro-vicente-maldonado",
        "cabecera": "Pedro Vicente Maldonado",
        "poblacion": 12924,
        "poblacion_anio": 2010,
        "poblacion_fuente": CENSO_2010,
        "superficie_km2": "620",
        "descripcion_turistica": (
            "Ríos, cascadas y ecoturismo en el noroccidente; parte de la reserva de biosfera del "
            "Chocó Andino (UNESCO, 2018)."
        ),
        "descripcion_productiva": "Palmito, frutas tropicales, especies menores; cacao y café.",
        "parroquias": [],
    },
    {
        "codigo": "1709",
        "nombre": "Puerto Quito",
        "slug": "puerto-quito",
        "cabecera": "Puerto Quito",
        "poblacion": 20445,
        "poblacion_anio": 2010,
        "poblacion_fuente": CENSO_2010,
        "superficie_km2": "695",
        "descripcion_turistica": "Ríos, cascadas y ecoturismo en el noroccidente.",
        "descripcion_productiva": "Cacao, café y caña; palmito, frutas tropicales y piscicultura.",
        "parroquias": [],
    },
]

EJES = [
    {
        "codigo": "turismo",
        "nombre": "Turismo",
        "descripcion": "Estrategia provincial de turismo acordada por las 8 mesas cantonales.",
    },
    {
        "codigo": "agropecuario",
        "nombre": "Agropecuario",
        "descripcion": "Pacto agropecuario de las 5 mesas sectoriales.",
    },
]

# Proposal of DOMAIN.md: editable data, not a fixed list.
SECTORES_AGROPECUARIOS = [
    {
        "nombre": "Floricultura",
        "slug": "floricultura",
        "descripcion": (
            "Pichincha produce cerca de dos tercios de las flores del Ecuador, sobre todo rosas."
        ),
        "cantones": ["1702", "1704", "1701"],
    },
    {
        "nombre": "Leche y derivados",
        "slug": "leche-y-derivados",
        "descripcion": "Ganadería bovina de leche y su transformación.",
        "cantones": ["1702", "1703", "1704", "1707", "1708", "1709"],
    },
    {
        "nombre": "Cultivos andinos y agricultura familiar",
        "slug": "cultivos-andinos",
        "descripcion": "Agricultura familiar campesina con riego (p. ej. el sistema El Pisque).",
        "cantones": ["1703", "1702", "1704", "1705", "1701"],
    },
    {
        "nombre": "Cacao, café y caña",
        "slug": "cacao-cafe-cana",
        "descripcion": "Producción del noroccidente de la provincia y de la parroquia Pacto.",
        "cantones": ["1709", "1707", "1708", "1701"],
    },
    {
        "nombre": "Palmito, frutas tropicales, especies menores y piscicultura",
        "slug": "palmito-frutas-tropicales",
        "descripcion": "Producción tropical del noroccidente.",
        "cantones": ["1708", "1709", "1707"],
    },
]

# --- INEC codes of the parishes (División Político Administrativa) ------------------------------
# Six digits: province (17), canton (2) and parish (2). In the DPA, 01–49 are the urban parishes
# into which a cantonal seat is divided, 50 is the cantonal seat itself and 51 onwards are the
# rural parishes. Where the seat is divided (Quito, Cayambe, Sangolquí) its urban parishes are
# listed; elsewhere the seat is the canton's only urban parish, with its code 50.
FUENTE_DPA = "INEC, Clasificador Geográfico Estadístico: División Político Administrativa"

PARROQUIAS_URBANAS = {
    "1701": [
        ("170101", "Belisario Quevedo"),
        ("170102", "Carcelén"),
        ("170103", "Centro Histórico"),
        ("170104", "Cochapamba"),
        ("170105", "Comité del Pueblo"),
        ("170106", "Cotocollao"),
        ("170107", "Chilibulo"),
        ("170108", "Chillogallo"),
        ("170109", "Chimbacalle"),
        ("170110", "El Condado"),
        ("170111", "Guamaní"),
        ("170112", "Iñaquito"),
        ("170113", "Itchimbía"),
        ("170114", "Jipijapa"),
        ("170115", "Kennedy"),
        ("170116", "La Argelia"),
        ("170117", "La Concepción"),
        ("170118", "La Ecuatoriana"),
        ("170119", "La Ferroviaria"),
        ("170120", "La Libertad"),
        ("170121", "La Magdalena"),
        ("170122", "La Mena"),
        ("170123", "Mariscal Sucre"),
        ("170124", "Ponceano"),
        ("170125", "Puengasí"),
        ("170126", "Quitumbe"),
        ("170127", "Rumipamba"),
        ("170128", "San Bartolo"),
        ("170129", "San Isidro del Inca"),
        ("170130", "San Juan"),
        ("170131", "Solanda"),
        ("170132", "Turubamba"),
    ],
    "1702": [("170201", "Ayora"), ("170202", "Cayambe"), ("170203", "Juan Montalvo")],
    "1703": [("170350", "Machachi")],
    "1704": [("170450", "Tabacundo")],
    "1705": [
        ("170501", "Sangolquí"),
        ("170502", "San Pedro de Taboada"),
        ("170503", "San Rafael"),
    ],
    "1707": [("170750", "San Miguel de los Bancos")],
    "1708": [("170850", "Pedro Vicente Maldonado")],
    "1709": [("170950", "Puerto Quito")],
}

# The rural parishes of CANTONES above, by canton and name.
CODIGOS_RURALES = {
    "1701": {
        "Alangasí": "170151",
        "Amaguaña": "170152",
        "Atahualpa": "170153",
        "Calacalí": "170154",
        "Calderón": "170155",
        "Conocoto": "170156",
        "Cumbayá": "170157",
        "Chavezpamba": "170158",
        "Checa": "170159",
        "El Quinche": "170160",
        "Gualea": "170161",
        "Guangopolo": "170162",
        "Guayllabamba": "170163",
        "La Merced": "170164",
        "Llano Chico": "170165",
        "Lloa": "170166",
        "Nanegal": "170168",
        "Nanegalito": "170169",
        "Nayón": "170170",
        "Nono": "170171",
        "Pacto": "170172",
        "Perucho": "170174",
        "Pifo": "170175",
        "Píntag": "170176",
        "Pomasqui": "170177",
        "Puéllaro": "170178",
        "Puembo": "170179",
        "San Antonio de Pichincha": "170180",
        "San José de Minas": "170181",
        "Tababela": "170183",
        "Tumbaco": "170184",
        "Yaruquí": "170185",
        "Zámbiza": "170186",
    },
    "1702": {
        "Ascázubi": "170251",
        "Cangahua": "170252",
        "Olmedo (Pesillo)": "170253",
        "Otón": "170254",
        "Santa Rosa de Cusubamba": "170255",
    },
    "1703": {
        "Alóag": "170351",
        "Aloasí": "170352",
        "Cutuglagua": "170353",
        "El Chaupi": "170354",
        "Manuel Cornejo Astorga (Tandapi)": "170355",
        "Tambillo": "170356",
        "Uyumbicho": "170357",
    },
    "1704": {
        "La Esperanza": "170451",
        "Malchinguí": "170452",
        "Tocachi": "170453",
        "Tupigachi": "170454",
    },
    "1705": {"Cotogchoa": "170551", "Rumipamba": "170552"},
    "1707": {"Mindo": "170751"},
}
