from django.conf import settings

from .roles import Rol, roles_de


def portal(request):
    roles = roles_de(getattr(request, "user", None))
    return {
        "roles_usuario": roles,
        # The roles' names in the visitor's language, in the programme's order.
        "etiquetas_roles": [rol.label for rol in Rol if rol.value in roles],
        "es_personal": bool(roles),
        "es_coordinacion": Rol.COORDINACION in roles,
        "es_facilitacion": Rol.FACILITACION in roles,
        "es_comunicacion": Rol.COMUNICACION in roles,
        "es_analisis": Rol.ANALISIS in roles,
        "es_administracion": Rol.ADMINISTRACION in roles,
        "debug": settings.DEBUG,
    }
