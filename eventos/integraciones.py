"""What eventos contributes to the apps below it: its section of the actor page, its figures and
its table of the progress report (registered by eventos.extensiones)."""

from django.utils.translation import gettext


def eventos_del_actor(actor, user):
    """Section "Eventos" of the actor page: the events the actor attended or spoke at."""
    from core.rules import es_personal

    from .models import Ponente
    from .selectors import eventos_de_actor

    asistencias = list(eventos_de_actor(actor=actor))
    if not es_personal(user):
        asistencias = [a for a in asistencias if a.evento.publicado]
    ponencias = list(
        Ponente.objects.filter(actor=actor).select_related("evento").order_by("-evento__inicio")
    )
    if not es_personal(user):
        ponencias = [p for p in ponencias if p.evento.publicado]
    return {
        "template": "eventos/actores/participacion.html",
        "contexto": {"asistencias": asistencias, "ponencias": ponencias},
        "total": len(asistencias),
        "vacio": gettext("No tiene asistencias registradas a eventos del programa."),
    }


def eventos_realizados(*, desde=None, hasta=None) -> int:
    from .models import Evento

    qs = Evento.objects.filter(estado__in=[Evento.Estado.REALIZADO, Evento.Estado.SISTEMATIZADO])
    if desde:
        qs = qs.filter(inicio__date__gte=desde)
    if hasta:
        qs = qs.filter(inicio__date__lte=hasta)
    return qs.count()


def asistentes_a_eventos(*, desde=None, hasta=None) -> int:
    from .models import Invitado

    qs = Invitado.objects.filter(asistio=True)
    if desde:
        qs = qs.filter(evento__inicio__date__gte=desde)
    if hasta:
        qs = qs.filter(evento__inicio__date__lte=hasta)
    return qs.count()


def tabla_eventos(*, desde=None, hasta=None) -> dict:
    from .models import Evento
    from .selectors import cifras_asistencia

    qs = Evento.objects.order_by("inicio")
    if desde:
        qs = qs.filter(inicio__date__gte=desde)
    if hasta:
        qs = qs.filter(inicio__date__lte=hasta)
    filas = []
    for evento in qs:
        cifras = cifras_asistencia(evento=evento)
        filas.append(
            [
                evento.titulo,
                evento.inicio.strftime("%d/%m/%Y"),
                evento.get_estado_display(),
                cifras["invitados"],
                cifras["confirmados"],
                cifras["asistentes"],
            ]
        )
    return {
        "columnas": [
            gettext("Evento"),
            gettext("Fecha"),
            gettext("Estado"),
            gettext("Invitados"),
            gettext("Confirmados"),
            gettext("Asistentes"),
        ],
        "filas": filas,
    }
