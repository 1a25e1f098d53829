"""The DCAT catalogue (W3C DCAT 2, JSON-LD) of the bundle, which national open-data portals
(CKAN's ckanext-dcat and others) harvest: one dcat:Dataset per API resource, one
dcat:Distribution per file, licence, publisher and dates. The context is inline, so the file
expands without fetching anything."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.enlaces import url_base, url_de

from .models import PaqueteDatos

LICENCIA_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCIA_NOMBRE = "Creative Commons Atribución 4.0 Internacional (CC BY 4.0)"
EDITOR = "Gobierno Provincial de Pichincha"
EDITOR_URL = "https://www.pichincha.gob.ec/"
TIPO_CSV = "https://www.iana.org/assignments/media-types/text/csv"
TIPO_ZIP = "https://www.iana.org/assignments/media-types/application/zip"
TIPO_JSON = "https://www.iana.org/assignments/media-types/application/json"

CONTEXTO = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:modified": {"@type": "xsd:dateTime"},
    "dct:issued": {"@type": "xsd:dateTime"},
    "dcat:byteSize": {"@type": "xsd:nonNegativeInteger"},
    "dct:license": {"@type": "@id"},
    "dcat:downloadURL": {"@type": "@id"},
    "dcat:accessURL": {"@type": "@id"},
    "dcat:landingPage": {"@type": "@id"},
    "dcat:mediaType": {"@type": "@id"},
    "foaf:homepage": {"@type": "@id"},
    "dct:language": {"@type": "@id"},
}
ESPANOL = "http://publications.europa.eu/resource/authority/language/SPA"


def _texto(valor: str) -> dict:
    return {"@value": valor, "@language": "es"}


def _editor() -> dict:
    return {"@id": EDITOR_URL, "@type": "foaf:Organization", "foaf:name": EDITOR}


def catalogo(paquete: PaqueteDatos) -> dict:
    """The catalogue of `paquete` as a JSON-LD document (a dict), in Spanish."""
    with override("es"):
        modificado = timezone.localtime(paquete.generado).isoformat()
        comun = {
            "dct:publisher": _editor(),
            "dct:license": LICENCIA_URL,
            "dct:modified": modificado,
            "dct:language": ESPANOL,
        }
        conjuntos = [_conjunto_de_recurso(item, comun) for item in paquete.recursos]
        conjuntos.append(_conjunto_paquete(paquete, comun))
        return {
            "@context": CONTEXTO,
            "@id": url_de("datos:catalogo"),
            "@type": "dcat:Catalog",
            "dct:title": _texto(_("Datos abiertos de Pactos por Pichincha")),
            "dct:description": _texto(
                _(
                    "Datos publicados del programa Pactos por Pichincha: mesas de diálogo, pactos, "
                    "compromisos, indicadores, eventos y noticias. Sin borradores ni datos personales."
                )
            ),
            "foaf:homepage": url_de("datos:inicio"),
            **comun,
            "dcat:dataset": conjuntos,
        }


def _distribucion(
    url: str, titulo: str, formato: str, tipo: str, *, descarga: bool, tamano=None, modificado=None
) -> dict:
    """One way to get a dataset: a file to download (with its size when known) or the API."""
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": _texto(titulo),
        "dct:format": formato,
        "dcat:mediaType": tipo,
        **({"dcat:downloadURL": url} if descarga else {}),
        "dcat:accessURL": url,
        **({"dcat:byteSize": tamano} if tamano is not None else {}),
        "dct:license": LICENCIA_URL,
        **({"dct:modified": modificado} if modificado else {}),
    }


def _conjunto_de_recurso(item: dict, comun: dict) -> dict:
    """One resource of the bundle: its CSV file and its paginated JSON API."""
    archivo_url = url_de("datos:archivo", item["recurso"])
    return {
        "@id": url_de("datos:inicio") + f"#{item['recurso']}",
        "@type": "dcat:Dataset",
        "dct:identifier": f"pactos-pichincha-{item['recurso']}",
        "dct:title": _texto(item["titulo"]),
        "dct:description": _texto(item["descripcion"]),
        "dcat:keyword": [_texto("Pichincha"), _texto(item["recurso"])],
        "dcat:landingPage": url_de("datos:inicio"),
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": EDITOR,
            "vcard:hasURL": {"@id": url_de("comunicacion:contacto")},
        },
        **comun,
        "dcat:distribution": [
            _distribucion(
                archivo_url,
                item["archivo"],
                "CSV",
                TIPO_CSV,
                descarga=True,
                tamano=item["tamano"],
                modificado=comun["dct:modified"],
            ),
            _distribucion(
                url_base() + item["ruta"],
                _("API JSON (paginada)"),
                "JSON",
                TIPO_JSON,
                descarga=False,
            ),
        ],
    }


def _conjunto_paquete(paquete: PaqueteDatos, comun: dict) -> dict:
    """The whole bundle, one ZIP."""
    return {
        "@id": url_de("datos:inicio") + "#paquete",
        "@type": "dcat:Dataset",
        "dct:identifier": "pactos-pichincha-paquete",
        "dct:title": _texto(_("Paquete completo de datos abiertos")),
        "dct:description": _texto(
            _("Todos los archivos CSV, con un LÉAME y el diccionario de datos, en un ZIP.")
        ),
        "dcat:landingPage": url_de("datos:inicio"),
        **comun,
        "dcat:distribution": [
            _distribucion(
                url_de("datos:paquete"),
                _("Paquete ZIP"),
                "ZIP",
                TIPO_ZIP,
                descarga=True,
                # Unknown inside the ZIP itself (the file cannot name its own size).
                tamano=paquete.tamano or None,
                modificado=comun["dct:modified"],
            )
        ],
    }
