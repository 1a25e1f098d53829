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
    from bench import pdf, pdf_casos  # noqa: F401  (pdf_casos fills bench.pdf.CASOS, not __main__'s)

    resultados = {}
    for clave, preparar in pdf.CASOS.items():
        try:
            resultados[clave] = medir_caso(preparar)
        except Exception as error:  # a missing app must not stop the other figures
            resultados[clave] = {"error": f"{type(error).__name__}: {error}"}
    json.dump(resultados, sys.stdout)


def medir_caso(preparar) -> dict:
    """The whole task (request → in-process Celery task → stored PDF) against WeasyPrint alone."""
    import io

    import weasyprint  # import cost paid once, outside both timings
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.utils import timezone, translation
    from pypdf import PdfReader

    from core.documentos import documento_solicitar, tipo_documento
    from core.models import Documento

    fuente, tipo, usuario = preparar()
    definicion = tipo_documento(tipo)
    with translation.override("es"):
        html = render_to_string(
            definicion.plantilla,
            {"fuente": fuente, "generado": timezone.localtime(), **definicion.contexto(fuente)},
        )
    tiempos_weasy, tiempos_tarea, paginas = [], [], None
    # Best of five, each round WeasyPrint alone then the whole task: the machine is shared and
    # load drifts, so the best of each is the figure least disturbed by others' work.
    for _ in range(5):
        inicio = time.perf_counter()
        pdf = weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
        tiempos_weasy.append(time.perf_counter() - inicio)

        Documento.objects.filter(tipo=tipo, object_id=str(fuente.pk)).delete()
        inicio = time.perf_counter()
        documento = documento_solicitar(fuente=fuente, tipo=tipo, usuario=usuario)
        tiempos_tarea.append(time.perf_counter() - inicio)
        documento.refresh_from_db()
        if documento.estado != Documento.Estado.LISTO:
            raise RuntimeError(f"el documento quedó {documento.estado}: {documento.error}")
        paginas = len(PdfReader(io.BytesIO(pdf)).pages)
    tarea, solo = min(tiempos_tarea), min(tiempos_weasy)
    return {
        "task_s": round(tarea, 3),
        "weasyprint_s": round(solo, 3),
        "ratio": round(tarea / solo, 2),
        "pages": paginas,
    }


if __name__ == "__main__":
    main()
