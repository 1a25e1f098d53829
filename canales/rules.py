import rules
from django.utils.translation import gettext_lazy as _

from core.permisos import describir_permiso
from core.rules import es_administrador, es_comunicador, es_coordinador

# Messages carry numbers (personal data): the coordination, communication and administration.
rules.add_perm("canales.ver_mensajes", es_coordinador | es_comunicador | es_administrador)
rules.add_perm("canales.enviar_mensaje", es_coordinador | es_comunicador)
describir_permiso(
    "canales.ver_mensajes", _("el rol de Coordinación, Comunicación o Administración")
)
describir_permiso("canales.enviar_mensaje", _("el rol de Coordinación o Comunicación"))
