"""Who may do what in the SIE (django-rules), with the 403 explanations."""

import rules
from django.utils.translation import gettext_lazy as _

from core.permisos import describir_permiso
from core.rules import es_administrador, es_analista, es_coordinador

analiza = es_analista | es_administrador

# Management pages: analysts work there; coordination follows the figures (read only).
rules.add_perm("sie.ver_gestion", analiza | es_coordinador)
# Recording, correcting, importing, validating and publishing values: the SIE analysts.
rules.add_perm("sie.registrar_medicion", analiza)
rules.add_perm("sie.validar_medicion", analiza)
rules.add_perm("sie.publicar_medicion", analiza)
# The catalogue is data the analysts keep.
rules.add_perm("sie.editar_indicador", analiza)
# Targets: analysts and coordination (the pactos set them).
rules.add_perm("sie.gestionar_metas", analiza | es_coordinador)

describir_permiso("sie.ver_gestion", _("el rol de Análisis SIE o de Coordinación"))
describir_permiso("sie.registrar_medicion", _("el rol de Análisis SIE"))
describir_permiso("sie.validar_medicion", _("el rol de Análisis SIE"))
describir_permiso("sie.publicar_medicion", _("el rol de Análisis SIE"))
describir_permiso("sie.editar_indicador", _("el rol de Análisis SIE"))
describir_permiso("sie.gestionar_metas", _("el rol de Análisis SIE o de Coordinación"))
