"""Who may do what with an event: coordination does everything; the working group, its part."""

import rules

from core.permisos import describir_permiso
from core.rules import es_comunicador, es_coordinador, es_personal

from .models import Evento, MiembroEquipo


def _roles_en_evento(user, evento) -> set[str]:
    if not getattr(user, "is_authenticated", False) or evento is None:
        return set()
    if not isinstance(evento, Evento):
        evento = evento.evento  # an object of the event (a guest, for its certificate)
    cache = user.__dict__.setdefault("_roles_evento", {})
    if evento.pk not in cache:
        cache[evento.pk] = set(
            MiembroEquipo.objects.filter(evento=evento, usuario=user).values_list("rol", flat=True)
        )
    return cache[evento.pk]


def _con_rol(*roles: str):
    @rules.predicate(name=f"equipo_{'_'.join(roles) or 'cualquiera'}")
    def predicate(user, evento) -> bool:
        propios = _roles_en_evento(user, evento)
        return bool(propios) if not roles else bool(propios & set(roles))

    return predicate


en_equipo = _con_rol()
responsable = _con_rol(MiembroEquipo.Rol.RESPONSABLE)
protocolo = _con_rol(MiembroEquipo.Rol.RESPONSABLE, MiembroEquipo.Rol.PROTOCOLO)
logistica = _con_rol(MiembroEquipo.Rol.RESPONSABLE, MiembroEquipo.Rol.LOGISTICA)
sistematiza = _con_rol(MiembroEquipo.Rol.RESPONSABLE, MiembroEquipo.Rol.SISTEMATIZACION)


@rules.predicate
def evento_publicado(user, evento) -> bool:
    return evento is not None and evento.publicado


PERMISOS = {
    "eventos.ver_gestion": (es_personal, "pertenecer al equipo del programa"),
    "eventos.crear_evento": (es_coordinador, "el rol de Coordinación"),
    "eventos.ver_evento": (
        es_coordinador | es_comunicador | en_equipo,
        "el rol de Coordinación o de Comunicación, o ser parte del grupo de trabajo del evento",
    ),
    "eventos.ver_programa": (
        evento_publicado | es_coordinador | es_comunicador | en_equipo,
        "que el evento esté publicado, o ser parte de su equipo",
    ),
    "eventos.editar_evento": (
        es_coordinador | responsable,
        "el rol de Coordinación o ser responsable de este evento",
    ),
    "eventos.gestionar_invitados": (
        es_coordinador | protocolo,
        "el rol de Coordinación o ser responsable o de protocolo en este evento",
    ),
    "eventos.registrar_asistencia": (
        es_coordinador | en_equipo,
        "el rol de Coordinación o ser parte del grupo de trabajo de este evento",
    ),
    "eventos.editar_logistica": (
        es_coordinador | logistica,
        "el rol de Coordinación o ser responsable o de logística en este evento",
    ),
    "eventos.sistematizar": (
        es_coordinador | sistematiza,
        "el rol de Coordinación o ser responsable o de sistematización en este evento",
    ),
}

for _nombre, (_regla, _texto) in PERMISOS.items():
    rules.add_perm(_nombre, _regla)
    describir_permiso(_nombre, _texto)
