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
        paquete_url = url_de("datos:paquete")
        conjuntos = []
        for item in paquete.recursos:
            conjunto_url = url_de("datos:inicio") + f"#{item['recurso']}"
            conjuntos.append(
                {
                    "@id": conjunto_url,
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
                        {
                            "@id": url_de("datos:archivo", item["recurso"]),
                            "@type": "dcat:Distribution",
                            "dct:title": _texto(item["archivo"]),
                            "dct:format": "CSV",
                            "dcat:mediaType": TIPO_CSV,
                            "dcat:downloadURL": url_de("datos:archivo", item["recurso"]),
                            "dcat:accessURL": url_de("datos:archivo", item["recurso"]),
                            "dcat:byteSize": item["tamano"],
                            "dct:license": LICENCIA_URL,
                            "dct:modified": modificado,
                        },
                        {
                            "@id": url_base() + item["ruta"],
                            "@type": "dcat:Distribution",
                            "dct:title": _texto(_("API JSON (paginada)")),
                            "dct:format": "JSON",
                            "dcat:mediaType": TIPO_JSON,
                            "dcat:accessURL": url_base() + item["ruta"],
                            "dct:license": LICENCIA_URL,
                        },
                    ],
                }
            )
        conjuntos.append(
            {
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
                    {
                        "@id": paquete_url,
                        "@type": "dcat:Distribution",
                        "dct:title": _texto(_("Paquete ZIP")),
                        "dct:format": "ZIP",
                        "dcat:mediaType": TIPO_ZIP,
                        "dcat:downloadURL": paquete_url,
                        "dcat:accessURL": paquete_url,
                        # Unknown inside the ZIP itself (the file cannot name its own size).
                        **({"dcat:byteSize": paquete.tamano} if paquete.tamano else {}),
                        "dct:license": LICENCIA_URL,
                        "dct:modified": modificado,
                    }
                ],
            }
        )
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
