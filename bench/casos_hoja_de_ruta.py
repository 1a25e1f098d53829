"""Bench case of the roadmap: the monthly progress report on the full demo data (goal: < 10 s).

Imported by bench/pdf_casos.py (one line: `from bench import casos_hoja_de_ruta  # noqa: F401`);
it can also run alone: `python -m bench.casos_hoja_de_ruta` prints the timing as JSON.
"""

import json
import os
import sys

from bench.pdf import registrar

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


@registrar("informe_progreso")
def preparar_informe_progreso():
    from django.utils import timezone

    from pactos.models import InformeProgreso
    from pactos.services.informe_progreso import periodo_mes_anterior

    desde, hasta = periodo_mes_anterior(timezone.localdate())
    numero = (
        InformeProgreso.objects.order_by("-numero").values_list("numero", flat=True).first() or 0
    ) + 1
    informe = InformeProgreso.objects.create(desde=desde, hasta=hasta, numero=numero)
    return informe, "informe_progreso"


def main() -> None:
    """The whole generation (context, HTML, WeasyPrint, storage) as the Celery task does it."""
    import time

    import django

    django.setup()
    import weasyprint  # noqa: F401  (import cost paid once, outside the timing)
    from django.contrib.contenttypes.models import ContentType

    from core.documentos import documento_generar
    from core.models import Documento

    informe, tipo = preparar_informe_progreso()
    documento = Documento.objects.create(
        content_type=ContentType.objects.get_for_model(informe),
        object_id=str(informe.pk),
        tipo=tipo,
    )
    inicio = time.perf_counter()
    documento = documento_generar(documento_id=documento.pk)
    segundos = time.perf_counter() - inicio
    json.dump(
        {
            "informe_progreso": {
                "task_s": round(segundos, 3),
                "estado": documento.estado,
                "bytes": documento.tamano,
            }
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
