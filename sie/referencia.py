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
