"""PDF figures: each kind's whole Celery task (in process) against WeasyPrint alone on the same HTML.

Apps add their kinds to CASOS with registrar(clave, preparar): preparar() builds the source object
(e.g. an acta with 120 attendees, 60 interventions, 40 agreements) and returns (fuente, tipo).
"""

import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

CASOS = {}


def registrar(clave: str):
    def decorador(funcion):
        CASOS[clave] = funcion
        return funcion

    return decorador


def main() -> None:
    import django

    django.setup()
    from bench import pdf_casos  # noqa: F401  (fills CASOS)

    resultados = {}
    for clave, preparar in CASOS.items():
        try:
            resultados[clave] = medir_caso(preparar)
        except Exception as error:  # a missing app must not stop the other figures
            resultados[clave] = {"error": f"{type(error).__name__}: {error}"}
    json.dump(resultados, sys.stdout)


def medir_caso(preparar) -> dict:
    import weasyprint  # noqa: F401  (import cost paid once, outside both timings)

    from core import documentos

    fuente, tipo = preparar()
    html = documentos.renderizar_html(fuente=fuente, tipo=tipo)
    inicio = time.perf_counter()
    documentos.html_a_pdf(html)
    solo_weasyprint = time.perf_counter() - inicio

    inicio = time.perf_counter()
    documento = documentos.medir_generacion(fuente=fuente, tipo=tipo)
    tarea = time.perf_counter() - inicio
    return {
        "task_s": round(tarea, 3),
        "weasyprint_s": round(solo_weasyprint, 3),
        "ratio": round(tarea / solo_weasyprint, 2),
        "pages": getattr(documento, "paginas", None),
    }


if __name__ == "__main__":
    main()
