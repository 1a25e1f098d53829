"""Rules of pactos' uploads (core.medios).

A signed copy and a commitment's evidence are public while the pacto is published (its public
pages show them). The roadmap shows the public only counts and milestones, so an activity's
evidence stays with the programme's team.
"""

from core.medios import TipoMedio, registrar_medio


def _pactos_publicados():
    from .selectors.pactos import pactos_publicados

    return pactos_publicados()


def _evidencias_publicas():
    from .models import Evidencia
    from .selectors.pactos import compromisos_publicados

    return Evidencia.objects.filter(compromiso__in=compromisos_publicados())


def registrar() -> None:
    registrar_medio(
        TipoMedio(
            modelo="pactos.Pacto",
            campo="copia_firmada",
            publicos=_pactos_publicados,
            permiso="pactos.gestionar_pactos",
        )
    )
    registrar_medio(
        TipoMedio(
            modelo="pactos.Evidencia",
            campo="archivo",
            publicos=_evidencias_publicas,
            permiso="pactos.gestionar_pactos",
        )
    )
    registrar_medio(
        TipoMedio(
            modelo="pactos.Actividad",
            campo="evidencia_archivo",
            permiso="pactos.ver_hoja_de_ruta",
        )
    )
