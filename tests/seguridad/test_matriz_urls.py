"""Permission matrix: every URL of the portal, visited (GET) as anonymous and as each role.

HOW TO ADD A URL
  Every named URL pattern must have at least one row in MATRIZ below, or
  test_toda_url_esta_declarada fails and names the missing ones. A row is
      F("app:nombre", "A S C F M N D", kwargs=lambda o: {...}, caso="...")
  - the expected status codes, in the order of ROLES (tests/visitantes.py):
      A anonymous, S logged in without a role, C Coordinación, F Facilitación (the demo account:
      facilitates Cayambe, Floricultura and Leche, is on the working group of the event "en
      invitaciones"), M Comunicación, N Análisis SIE, D Administración (superuser).
    302 for anonymous on staff pages means "sent to log in" (the test checks the Location).
    Use the constants (PUBLICA, PERSONAL, SOLO_COORD...) when one fits.
  - kwargs: the URL's arguments, built from the scenario `o` (conftest._construir: demo data
    plus drafts); por_pk("mesa"), por_slug(...), por_uuid(...) and del_evento(...) build the
    usual ones; filas_de(kwargs, {name: codes}) gives the rows of the URLs that take the same
    arguments, api_publica(...) the list and detail of an API resource. Prefer an object the
    role must NOT reach (another table, another event, a draft) so the row proves the object
    check, not only the role check. Add a second row with caso="..." for the allowed object
    when that matters.
  - consulta: an optional query string ("?formato=csv").
  POST-only views still get a row: their GET answer (403 before 405 proves the rule runs first).
  The admin site's generated URLs are covered by test_admin_solo_para_administracion.

Every anonymous or role-less 200 is also searched for text that must never leak: the drafts'
titles, the actors' and users' e-mails, phone numbers and ID numbers; and every HTML or XML 200,
for every role, for the stored-XSS payload of conftest as live markup.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from actores.models import AsignacionTerritorial
from tests.visitantes import ROLES

from .conftest import SECRETO, VIVA

pytestmark = pytest.mark.django_db

PUBLICA = "200 200 200 200 200 200 200"
PERSONAL = "302 403 200 200 200 200 200"
SOLO_COORD = "302 403 200 403 403 403 200"
COORD_COMU = "302 403 200 403 200 403 200"
COORD_ANAL = "302 403 200 403 403 200 200"
COORD_FAC = "302 403 200 200 403 403 200"
NO_EXISTE = "404 404 404 404 404 404 404"
POST_COORD_COMU = "302 403 405 403 405 403 405"  # POST-only: GET refused after the rule
POST_SOLO_COORD = "302 403 405 403 403 403 405"
POST_ANAL = "302 403 403 403 403 405 405"  # POST-only, for Análisis SIE
OCULTA = "302 404 200 404 404 404 200"  # a 404 for whoever may not see it
TOKEN_FALSO = "400 400 400 400 400 400 400"
PROHIBIDA = "403 403 403 403 403 403 403"  # a machine's address without its secret


def _item_de_quito(o, tipo: str) -> int:
    """A recorded item of Quito's table (the demo facilitator does not facilitate it)."""
    from mesas.views import ITEM

    return ITEM[tipo].modelo.objects.filter(sesion__mesa=o.mesa).values_list("pk", flat=True)[0]


def _contacto_pk() -> int:
    """A contact person of an organisation (the demo links one)."""
    from pactos.models import ContactoResponsable

    return ContactoResponsable.objects.values_list("pk", flat=True).first()


@dataclass
class Fila:
    nombre: str
    esperado: str
    kwargs: Callable = field(default=lambda o: {})
    caso: str = ""
    consulta: str = ""
    # Slow pages (big exports): only these roles are visited, the others' codes are not checked.
    solo: tuple = ROLES

    @property
    def id(self) -> str:
        return f"{self.nombre}[{self.caso}]" if self.caso else self.nombre


LENTA = ("anonimo", "sin_rol", "facilitacion")


def F(nombre, esperado, kwargs=None, caso="", consulta="", solo=ROLES) -> Fila:
    return Fila(nombre, esperado, kwargs or (lambda o: {}), caso, consulta, solo)


def por_pk(objeto: str) -> Callable:
    """The kwargs of a URL that names the scenario's `objeto` by its pk."""
    return lambda o: {"pk": getattr(o, objeto).pk}


def por_slug(objeto: str) -> Callable:
    return lambda o: {"slug": getattr(o, objeto).slug}


def por_uuid(objeto: str) -> Callable:
    return lambda o: {"uuid": getattr(o, objeto).uuid}


def del_evento(objeto: str) -> Callable:
    """The kwargs of a URL below the scenario's event that names its `objeto`."""
    return lambda o: {"pk": o.evento.pk, "obj": getattr(o, objeto).pk}


def de_la_mesa(sesion: str) -> Callable:
    """The kwargs of a public page of the scenario's table that names its session `sesion`."""
    return lambda o: {"slug": o.mesa.slug, "numero": getattr(o, sesion).numero}


def filas_de(kwargs: Callable, esperados: dict[str, str]) -> list[Fila]:
    """One row for each URL name of `esperados` (name: expected codes), all with these kwargs."""
    return [F(nombre, esperado, kwargs) for nombre, esperado in esperados.items()]


def _con_paquete(kwargs: dict) -> dict:
    """The kwargs, once the open-data bundle of the scenario exists (its CSV files are text: the
    matrix searches them for secrets like any other answer)."""
    from datos.models import PaqueteDatos
    from datos.services import paquete_construir

    if not PaqueteDatos.objects.exists():
        paquete_construir()
    return kwargs


def api_publica(recurso: str, oculto: Callable, visible: Callable, casos=("borrador", "publicado")):
    """The API's list of a resource, and its detail: a 404 for everybody for an object the public
    may not see, open to everybody for a published one."""
    return [
        F(f"{recurso}-list", PUBLICA),
        F(f"{recurso}-detail", NO_EXISTE, oculto, casos[0]),
        F(f"{recurso}-detail", PUBLICA, visible, casos[1]),
    ]


MATRIZ: list[Fila] = [
    # --- site ------------------------------------------------------------------------------
    F("inicio", PUBLICA),
    F("ping", PUBLICA),
    F("salud", PUBLICA),
    F("javascript-catalog", PUBLICA),
    F("service_worker", PUBLICA),  # the offline session page's worker: static URLs only
    F("robots", PUBLICA),
    F("sitemap", PUBLICA),  # published objects only (tests/seguridad/test_seo.py)
    F("favicon", PUBLICA),
    F("apple_touch_icon", PUBLICA),
    F("manifiesto", PUBLICA),
    F("core:accesibilidad", PUBLICA),
    F("core:privacidad", PUBLICA),
    F("set_language", "302 302 302 302 302 302 302"),
    F("core:panel", PERSONAL),
    # The searches: a query that matches every draft and the private person (their titles carry
    # the secret the matrix looks for in anonymous answers) and the staff's own box.
    F("core:buscar", PUBLICA),
    F("core:buscar", PUBLICA, consulta="?q=borrador", caso="borradores"),
    F(
        "core:buscar",
        PUBLICA,
        consulta="?q=persona+or+evento+or+noticia+or+pacto",
        caso="cualquiera",
    ),
    F("core:buscar_personal", PERSONAL),
    F("core:buscar_personal", PERSONAL, consulta="?q=borrador", caso="borradores"),
    F("core:resumen_diario", "302 403 405 405 405 405 405"),  # POST-only, from the panel
    # People and roles (Administración; Coordinación too, without granting Administración).
    F("core:personas", SOLO_COORD),
    F("core:persona_invitar", SOLO_COORD),
    F("core:persona", SOLO_COORD, lambda o: {"pk": o.usuarios["facilitador"].pk}),
    F("core:persona_roles", POST_SOLO_COORD, lambda o: {"pk": o.usuarios["facilitador"].pk}),
    F("core:persona_reinvitar", POST_SOLO_COORD, lambda o: {"pk": o.usuarios["facilitador"].pk}),
    *(
        F(nombre, "302 403 403 403 403 403 405", lambda o: {"pk": o.usuarios["facilitador"].pk})
        for nombre in ("core:persona_desactivar", "core:persona_activar")
    ),
    F("core:documento", OCULTA, por_uuid("documento_borrador"), "acta sin publicar"),
    F("core:documento", PUBLICA, por_uuid("documento_publico"), "acta publicada"),
    *(
        F(nombre, OCULTA, por_uuid("documento_firmado"), "acta para firma de una sesión publicada")
        for nombre in ("core:documento", "core:documento_descargar")
    ),
    F(
        "core:documento_descargar",
        "302 404 302 404 404 404 302",
        por_uuid("documento_borrador"),
        "acta sin publicar",
    ),
    F("core:documento_descargar", PUBLICA, por_uuid("documento_publico"), "acta publicada"),
    *(
        F("core:documento_solicitar", "405 405 405 405 405 405 405", kwargs, caso)
        for kwargs, caso in (
            (lambda o: {"tipo": "acta", "clave": str(o.sesion_ajena.pk)}, "acta sin publicar"),
            (lambda o: {"tipo": "pacto", "clave": o.pacto_borrador.slug}, "pacto borrador"),
            (lambda o: {"tipo": "nada", "clave": "x"}, "tipo desconocido"),
        )
    ),
    # Uploads: each kind's rule has its own table in tests/core/test_medios.py.
    F("medio", NO_EXISTE, lambda o: {"ruta": "comunicacion/noticias/no-existe.png"}, "sin dueño"),
    F("cuentas:login", "200 302 302 302 302 302 302"),
    F("cuentas:logout", "405 405 405 405 405 405 405"),
    F("cuentas:clave_cambiar", "302 200 200 200 200 200 200"),
    F("cuentas:clave_cambiar_listo", "302 200 200 200 200 200 200"),
    F("cuentas:clave_restablecer", PUBLICA),
    F("cuentas:clave_enviada", PUBLICA),
    F("cuentas:clave_confirmar", PUBLICA, lambda o: {"uidb64": "MQ", "token": "falso-token"}),
    F("cuentas:clave_cambiada", PUBLICA),
    F("cuentas:invitacion", PUBLICA, lambda o: {"uidb64": "MQ", "token": "falso-token"}),
    # --- API -------------------------------------------------------------------------------
    F("api-root", PUBLICA),
    F("api-schema", PUBLICA),
    F("api-docs", PUBLICA),
    F("api-redoc", PUBLICA),
    # --- datos (open-data front door; the bundle is built from this scenario's data) ---------
    # --- canales: the staff's list; the gateways' callbacks refuse whoever lacks the secret
    # (Kannel's shared key, WhatsApp's signature or verify token), logged in or not.
    F("canales:mensajes", COORD_COMU),
    F("canales:kannel_entrante", PROHIBIDA),
    F("canales:kannel_entrega", PROHIBIDA),
    F("canales:whatsapp_webhook", PROHIBIDA),
    F("enlace_corto", NO_EXISTE, lambda o: {"codigo": "noexiste"}, "un código desconocido"),
    F("datos:inicio", PUBLICA),
    F("datos:catalogo", PUBLICA, lambda o: _con_paquete({})),
    F("datos:paquete", PUBLICA, lambda o: _con_paquete({})),
    *(
        F("datos:archivo", PUBLICA, lambda o, r=recurso: _con_paquete({"recurso": r}), recurso)
        for recurso in ("actores", "sesiones", "pactos", "eventos", "noticias")
    ),
    F("datos:archivo", NO_EXISTE, lambda o: _con_paquete({"recurso": "usuarios"}), "desconocido"),
    F("canton-list", PUBLICA),
    F("canton-detail", PUBLICA, lambda o: {"codigo": o.canton.codigo}),
    F("mesa-list", PUBLICA),
    F("mesa-detail", PUBLICA, por_slug("mesa")),
    *api_publica(
        "sesion",
        por_pk("sesion_ajena"),
        por_pk("sesion_publicada"),
        ("sin acta publicada", "acta publicada"),
    ),
    F("indicador-list", PUBLICA),
    F("indicador-detail", PUBLICA, lambda o: {"codigo": o.indicador.codigo}),
    F("medicion-list", PUBLICA),
    F("medicion-detail", NO_EXISTE, por_pk("medicion"), "sin publicar"),
    *api_publica(
        "actor", por_pk("privado"), por_pk("publico"), ("persona privada", "organizacion publica")
    ),
    F("actor-list", PUBLICA, consulta="?format=csv", caso="csv"),
    *api_publica("pacto", por_slug("pacto_borrador"), por_slug("pacto")),
    F("compromiso-list", PUBLICA),
    F("compromiso-detail", PUBLICA, por_pk("compromiso")),
    *api_publica("evento", por_slug("evento_borrador"), por_slug("evento")),
    *api_publica(
        "noticia", por_slug("noticia_borrador"), por_slug("noticia"), ("borrador", "publicada")
    ),
    F("consulta-comentario-list", PUBLICA),
    F("consulta-comentario-detail", PUBLICA, lambda o: _comentario(), "publicado"),
    F("consulta-comentario-detail", NO_EXISTE, lambda o: _comentario("oculto"), "oculto"),
    F("consulta-comentario-detail", NO_EXISTE, lambda o: _comentario("pendiente"), "pendiente"),
    # --- sie -------------------------------------------------------------------------------
    F("sie:cantones", PUBLICA),
    F("sie:canton", PUBLICA, lambda o: {"codigo": o.canton.codigo}),
    F("sie:indicadores", PUBLICA),
    F("sie:indicador", PUBLICA, lambda o: {"codigo": o.indicador.codigo}),
    F("sie:mapa", PUBLICA),
    F("sie:datos", PUBLICA),
    F("sie:descarga", PUBLICA, lambda o: {"formato": "csv"}, solo=LENTA),
    F("sie:descarga", PUBLICA, lambda o: {"formato": "xlsx"}, "xlsx", solo=LENTA),
    F("sie:diccionario", PUBLICA),
    F("sie:gestion", COORD_ANAL),
    F("sie:validar_seleccion", POST_ANAL),
    F("sie:publicar_seleccion", POST_ANAL),
    F("sie:medicion", COORD_ANAL, por_pk("medicion")),
    *(
        F(f"sie:medicion_{a}", POST_ANAL, por_pk("medicion"))
        for a in ("corregir", "validar", "publicar", "retirar")
    ),
    F("sie:importar_confirmar", POST_ANAL),
    F("sie:captura", "302 403 403 403 403 200 200"),
    F("sie:importar", "302 403 403 403 403 200 200"),
    F(
        "sie:plantilla",
        "302 403 403 403 403 200 200",
        lambda o: {"codigo": o.indicador.codigo, "formato": "csv"},
    ),
    F("sie:metas", COORD_ANAL),
    F("sie:meta_nueva", COORD_ANAL),
    F("sie:meta_editar", COORD_ANAL, por_pk("meta")),
    F(
        "sie:indicador_editar",
        "302 403 403 403 403 200 200",
        lambda o: {"codigo": o.indicador.codigo},
    ),
    # --- actores ---------------------------------------------------------------------------
    F("actores:lista", PERSONAL),
    F("actores:participantes", PUBLICA),
    F("actores:crear", COORD_FAC),
    F("actores:mapa", PERSONAL),
    F("actores:red", PERSONAL),
    F("actores:exportar", PERSONAL, lambda o: {"formato": "csv"}),
    F(
        "actores:exportar",
        SOLO_COORD,
        lambda o: {"formato": "csv"},
        "datos personales",
        "?personales=1",
    ),
    F("actores:importar", COORD_FAC),
    F("actores:plantilla", COORD_FAC),
    F("actores:importar_aplicar", "302 403 405 405 403 403 405", por_pk("importacion")),
    F("actores:duplicados", SOLO_COORD),
    F("actores:asignaciones", SOLO_COORD),
    F(
        "actores:asignacion_eliminar",
        POST_SOLO_COORD,
        lambda o: {"pk": AsignacionTerritorial.objects.values_list("pk", flat=True).first()},
    ),
    F("actores:fusionar", POST_SOLO_COORD),
    F("actores:relacion_eliminar", "302 403 405 405 403 403 405", por_pk("relacion")),
    F("actores:detalle", PERSONAL, por_pk("privado"), "persona privada"),
    F("actores:detalle", PUBLICA, por_pk("publico"), "organizacion publica"),
    F("actores:editar", SOLO_COORD, por_pk("privado")),
    *(
        F(f"actores:{accion}", POST_SOLO_COORD, por_pk("privado"))
        for accion in ("posicion", "relacion_crear", "membresia_crear")
    ),
    # --- mesas -----------------------------------------------------------------------------
    F("mesas:lista", PUBLICA),
    F("mesas:calendario", PUBLICA),
    F("mesas:mis_mesas", COORD_FAC),
    F("mesas:invitacion", NO_EXISTE, lambda o: {"token": "00000000-0000-0000-0000-000000000000"}),
    *filas_de(
        por_slug("mesa"),
        {
            "mesas:gestion": SOLO_COORD,
            "mesas:sesion_crear": POST_SOLO_COORD,
            "mesas:calendario_mesa": PUBLICA,
        },
    ),
    F("mesas:equipo", SOLO_COORD, por_slug("mesa"), "mesa ajena"),
    F("mesas:equipo", SOLO_COORD, lambda o: {"slug": "turismo-cayambe"}, "mesa propia"),
    F(
        "mesas:facilitacion_persona",
        POST_SOLO_COORD,
        lambda o: {"pk": o.usuarios["facilitador"].pk},
    ),
    # the session page carries the attendance search's registry, with cédulas: who records
    # that session only (tests/mesas/test_asistentes_registro.py)
    F("mesas:sesion", SOLO_COORD, por_pk("sesion_ajena"), "mesa ajena"),
    F("mesas:sesion", COORD_FAC, por_pk("sesion_propia"), "mesa propia"),
    F("mesas:asistencia_anteriores", POST_SOLO_COORD, por_pk("sesion_ajena")),
    *(
        F(f"mesas:{accion}", "302 403 403 403 403 403 405", por_pk("sesion_ajena"))
        for accion in ("reabrir", "publicar")
    ),
    # GET asks what becomes of the interventions of someone who spoke (an attendance of another
    # session of the table is a 404 for Coordinación)
    F(
        "mesas:asistencia_quitar",
        "302 403 404 403 403 403 404",
        lambda o: {"pk": o.sesion_ajena.pk, "asistencia_id": o.asistencia.pk},
    ),
    F("mesas:historial", SOLO_COORD, por_pk("sesion_ajena"), "mesa ajena"),
    F("mesas:historial", COORD_FAC, por_pk("sesion_propia"), "mesa propia"),
    *[
        F(
            f"mesas:{tipo}_editar",
            "302 403 404 403 403 403 404",
            lambda o, tipo=tipo: {"pk": o.sesion_ajena.pk, "item_id": _item_de_quito(o, tipo)},
        )
        for tipo in ("asistencia", "agenda", "intervencion", "prioridad", "tema")
    ],
    *[
        F(
            f"mesas:{tipo}_eliminar",
            POST_SOLO_COORD,
            lambda o, tipo=tipo: {"pk": o.sesion_ajena.pk, "item_id": _item_de_quito(o, tipo)},
        )
        for tipo in ("agenda", "intervencion", "prioridad", "acuerdo", "tema")
    ],
    F(
        "mesas:acuerdo_editar",
        "302 403 404 403 403 403 404",
        lambda o: {"pk": o.sesion_ajena.pk, "acuerdo_id": o.acuerdo.pk},
    ),
    *[
        F(f"mesas:{seccion}", POST_SOLO_COORD, por_pk("sesion_ajena"))
        for seccion in (
            "sesion_datos",
            "convocar",
            "reenviar_invitaciones",
            "cerrar",
            "cancelar",
            "agenda",
            "asistencia",
            "nuevo",
            "intervencion",
            "prioridad",
            "acuerdo",
            "tema",
            "foto_subir",
        )
    ],
    F(
        "mesas:foto_quitar",
        POST_SOLO_COORD,
        lambda o: {"pk": o.sesion_ajena.pk, "foto_id": 1},
    ),
    F("mesas:mesa", PUBLICA, por_slug("mesa"), solo=LENTA),
    *[
        F(nombre, esperado, de_la_mesa(sesion), caso)
        for nombre in ("mesas:sesion_publica", "mesas:sesion_tarjeta")
        for esperado, sesion, caso in (
            (NO_EXISTE, "sesion_ajena", "sin acta"),
            (PUBLICA, "sesion_publicada", "acta publicada"),
        )
    ],
    # --- pactos ----------------------------------------------------------------------------
    F("pactos:hoja_de_ruta", PERSONAL),
    F("pactos:linea_de_tiempo", PERSONAL),
    F("pactos:tablero", PERSONAL),
    F("pactos:panel_programa", PERSONAL),
    F("pactos:progreso_productos", PERSONAL),
    F("pactos:actividad_crear", SOLO_COORD),
    *filas_de(
        por_pk("actividad"),
        {
            "pactos:actividad": PERSONAL,
            "pactos:actividad_plan": SOLO_COORD,
            "pactos:actividad_estado": "302 403 405 403 405 403 405",
        },
    ),
    F("pactos:informes", PERSONAL),
    F("pactos:informe_xlsx", PERSONAL, solo=LENTA),
    F("pactos:pactos_publicos", PUBLICA),
    F("pactos:pacto_publico", NO_EXISTE, por_slug("pacto_borrador"), "borrador"),
    F("pactos:pacto_publico", PUBLICA, por_slug("pacto"), "publicado"),
    F("pactos:pacto_tarjeta", NO_EXISTE, por_slug("pacto_borrador"), "borrador"),
    F("pactos:pacto_tarjeta", PUBLICA, por_slug("pacto"), "publicado"),
    F(
        "pactos:compromiso_publico",
        PUBLICA,
        lambda o: {"slug": o.pacto.slug, "numero": o.compromiso.numero},
    ),
    F("pactos:feed_avances", PUBLICA),
    F("pactos:pactos_gestion", PERSONAL),
    F("pactos:pacto_crear", SOLO_COORD),
    *filas_de(
        por_pk("pacto_borrador"),
        {
            "pactos:pacto_gestion": PERSONAL,
            "pactos:pacto_editar": SOLO_COORD,
            "pactos:consolidar": SOLO_COORD,
            "pactos:pacto_estado": POST_SOLO_COORD,
            "pactos:firmante_agregar": POST_SOLO_COORD,
            "pactos:compromiso_consolidar": POST_SOLO_COORD,
            "pactos:acuerdos_vincular": POST_SOLO_COORD,
            "pactos:acuerdos_descartar": POST_SOLO_COORD,
            "pactos:acuerdos_recuperar": POST_SOLO_COORD,
        },
    ),
    *filas_de(
        por_pk("pacto"),
        {
            "pactos:copia_firmada": POST_SOLO_COORD,
            "pactos:pacto_versiones": PERSONAL,
            "pactos:pacto_historial": PERSONAL,
        },
    ),
    F(
        "pactos:firmante_quitar",
        POST_SOLO_COORD,
        lambda o: {
            "pk": o.pacto.pk,
            "firmante": o.pacto.firmantes.values_list("pk", flat=True).first() or 1,
        },
    ),
    *filas_de(
        por_pk("compromiso"),
        {
            "pactos:compromiso_gestion": PERSONAL,
            "pactos:compromiso_editar": POST_SOLO_COORD,
            "pactos:compromisos_fusionar": POST_SOLO_COORD,
            "pactos:compromiso_dividir": POST_SOLO_COORD,
            "pactos:acuerdo_desvincular": POST_SOLO_COORD,
            "pactos:compromiso_eliminar": POST_SOLO_COORD,
            "pactos:hito_agregar": POST_SOLO_COORD,
            "pactos:compromiso_actualizar": POST_SOLO_COORD,
            "pactos:evidencia_agregar": POST_SOLO_COORD,
            "pactos:pedir_avance_por_mensaje": POST_SOLO_COORD,
        },
    ),
    F(
        "pactos:avance_por_mensaje_confirmar",
        POST_SOLO_COORD,
        lambda o: {"pk": o.compromiso.pk, "propuesta": 1},
    ),
    F(
        "pactos:avance_por_mensaje_descartar",
        POST_SOLO_COORD,
        lambda o: {"pk": o.compromiso.pk, "propuesta": 1},
    ),
    F("pactos:mis_compromisos", SOLO_COORD),
    F("pactos:contactos_organizacion", SOLO_COORD, por_pk("publico"), "una organización"),
    F("pactos:contacto_quitar", POST_SOLO_COORD, lambda o: {"pk": _contacto_pk()}),
    F("pactos:tablero_compromisos", SOLO_COORD),
    F("pactos:tablero_exportar", SOLO_COORD, lambda o: {"formato": "csv"}),
    F("pactos:importar_avances", SOLO_COORD),
    F("pactos:plantilla_avances", PUBLICA),
    # --- eventos ---------------------------------------------------------------------------
    F("eventos:lista", PUBLICA),
    F("eventos:calendario", PUBLICA),
    F("eventos:feed", PUBLICA),
    # --- agenda (upcoming sessions and events; drafts, links and cancelled ones stay out) --
    F("agenda:lista", PUBLICA),
    F("agenda:lista", PUBLICA, caso="filtrada", consulta="?canton=quito&tema=turismo"),
    F("agenda:ics", PUBLICA),
    F("agenda:feed", PUBLICA),
    F(
        "agenda:sesion_ics",
        PUBLICA,
        lambda o: {"slug": o.mesa.slug, "numero": o.sesion_ajena.numero},
        "sesión planificada",
    ),
    F("agenda:sesion_ics", NO_EXISTE, lambda o: {"slug": o.mesa.slug, "numero": 999}, "no existe"),
    F("eventos:responder", PUBLICA, lambda o: {"token": o.token_respuesta}),
    F("eventos:responder", TOKEN_FALSO, lambda o: {"token": "token-inventado"}, "token falso"),
    F("eventos:certificado", TOKEN_FALSO, lambda o: {"token": "token-inventado"}),
    F("eventos:cancelar", TOKEN_FALSO, lambda o: {"token": "token-inventado"}),
    F("eventos:gestion_lista", PERSONAL),
    F("eventos:crear", SOLO_COORD),
    F("eventos:gestion", COORD_COMU, por_pk("evento_borrador"), "evento ajeno"),
    F("eventos:gestion", PERSONAL, por_pk("evento"), "evento de su equipo"),
    *filas_de(
        por_pk("evento"),
        {
            "eventos:editar": SOLO_COORD,
            "eventos:estado": POST_SOLO_COORD,
            "eventos:equipo": PERSONAL,
            "eventos:miembro_agregar": SOLO_COORD,
            "eventos:programa": PERSONAL,
            "eventos:ponente_nuevo": SOLO_COORD,
            "eventos:sesion_nueva": SOLO_COORD,
            "eventos:invitados": SOLO_COORD,
            "eventos:invitados_mapa": SOLO_COORD,
            "eventos:invitado_nuevo": SOLO_COORD,
            "eventos:enviar": POST_SOLO_COORD,
            "eventos:recordatorio": POST_SOLO_COORD,
            "eventos:imprimir": PERSONAL,
            "eventos:acreditacion": PERSONAL,
            "eventos:sin_invitacion": PERSONAL,
            "eventos:asistencia": PERSONAL,
            "eventos:logistica": PERSONAL,
            "eventos:tarea_nueva": SOLO_COORD,
            "eventos:logistica_plantilla": POST_SOLO_COORD,
            "eventos:sistematizacion": COORD_ANAL,
        },
    ),
    F(
        "eventos:miembro_quitar",
        POST_SOLO_COORD,
        lambda o: {"pk": o.evento.pk, "obj": o.evento.equipo.first().pk},
    ),
    F("eventos:ponente", SOLO_COORD, del_evento("ponente")),
    F("eventos:sesion", SOLO_COORD, del_evento("sesion_evento")),
    F("eventos:sesion_eliminar", POST_SOLO_COORD, del_evento("sesion_evento")),
    F("eventos:invitado_cancelar", POST_SOLO_COORD, del_evento("invitado")),
    F(
        "eventos:invitado_respuesta",
        POST_SOLO_COORD,
        del_evento("invitado_ajeno"),
        "invitado de otro evento",
    ),
    F(
        "eventos:acreditar",
        "302 403 405 405 405 405 405",
        del_evento("invitado_ajeno"),
        "invitado de otro evento",
    ),
    # The page itself refuses a guest of another event ("este código QR es de otro evento").
    F(
        "eventos:acreditar_qr",
        PERSONAL,
        lambda o: {"pk": o.evento.pk, "token": o.token_acreditacion_ajeno},
        "invitado de otro evento",
    ),
    F("eventos:tarea", SOLO_COORD, del_evento("tarea")),
    F("eventos:tarea_estado", POST_SOLO_COORD, del_evento("tarea")),
    *(
        F(f"eventos:sistematizacion_{a}", "302 403 405 403 403 405 405", por_pk("evento"))
        for a in ("foto", "informe", "certificados")
    ),
    F("eventos:detalle", NO_EXISTE, por_slug("evento_borrador"), "borrador"),
    F("eventos:detalle", PUBLICA, por_slug("evento"), "publicado"),
    F("eventos:ics", NO_EXISTE, por_slug("evento_borrador"), "borrador"),
    F("eventos:ics", PUBLICA, por_slug("evento"), "publicado"),
    F("eventos:evento_tarjeta", NO_EXISTE, por_slug("evento_borrador"), "borrador"),
    F("eventos:evento_tarjeta", PUBLICA, por_slug("evento"), "publicado"),
    F("eventos:inscripcion", NO_EXISTE, por_slug("evento_borrador"), "borrador"),
    F("eventos:inscripcion", PUBLICA, por_slug("evento"), "publicado"),
    # --- comunicacion ----------------------------------------------------------------------
    F("comunicacion:noticias", PUBLICA),
    F("comunicacion:noticias_rss", PUBLICA),
    F("comunicacion:noticias_atom", PUBLICA),
    F("comunicacion:noticia", NO_EXISTE, por_slug("noticia_borrador"), "borrador"),
    F("comunicacion:noticia", PUBLICA, por_slug("noticia"), "publicada"),
    F("comunicacion:contacto", PUBLICA),
    F("comunicacion:respuestas", PUBLICA),
    F("comunicacion:contacto_gracias", PUBLICA),
    F("comunicacion:noticias_gestion", COORD_COMU),
    F("comunicacion:noticia_nueva", COORD_COMU),
    F("comunicacion:noticia_gestion", COORD_COMU, por_pk("noticia_borrador")),
    F("comunicacion:noticia_editar", COORD_COMU, por_pk("noticia_borrador")),
    *(
        F(f"comunicacion:noticia_{a}", POST_COORD_COMU, por_pk("noticia_borrador"))
        for a in ("publicar", "retirar")
    ),
    F("comunicacion:plan", PERSONAL),
    F("comunicacion:accion_nueva", COORD_COMU),
    F("comunicacion:accion_editar", COORD_COMU, por_pk("accion")),
    F("comunicacion:accion_estado", "302 403 405 403 405 403 405", por_pk("accion")),
    F("comunicacion:bandeja", COORD_COMU),
    F("comunicacion:mensaje", COORD_COMU, por_pk("mensaje")),
    *(
        F(f"comunicacion:mensaje_{a}", POST_COORD_COMU, por_pk("mensaje"))
        for a in ("asignar", "anotar", "plazo", "cerrar", "publicacion")
    ),
    # Subscriptions and message tracking: the links' signed token is the authorisation, so a
    # valid one opens for everybody (it shows a button, never the address) and a forged one
    # is a 404 for everybody, staff included.
    F("comunicacion:seguimiento", PUBLICA),
    F("comunicacion:suscripcion", PUBLICA),
    # "Seguir esta mesa" on a table's page: the form with that table chosen (cached, as the form).
    F("comunicacion:suscripcion", PUBLICA, caso="seguir_mesa", consulta="?tipo=mesa&mesa=1"),
    F("comunicacion:suscripcion_enviada", PUBLICA),
    F("comunicacion:suscripcion_confirmar", PUBLICA, lambda o: _token("confirmar"), "valido"),
    F("comunicacion:suscripcion_confirmar", NO_EXISTE, lambda o: {"token": "x:y"}, "falso"),
    F("comunicacion:suscripcion_baja", PUBLICA, lambda o: _token("baja"), "valido"),
    F("comunicacion:suscripcion_baja", NO_EXISTE, lambda o: _token("confirmar"), "otra_sal"),
    F("comunicacion:suscripciones_gestion", COORD_COMU),
    # Public consultation (demo: an open consultation on a draft tourism pacto). The e-mailed
    # link's signed token authorises confirming a comment: a valid one shows the comment and a
    # button (never the address), a forged one is refused for everybody.
    F("comunicacion:consultas", PUBLICA),
    F("comunicacion:consulta", PUBLICA, lambda o: _consulta()),
    F("comunicacion:comentar", PUBLICA, lambda o: _consulta()),
    F("comunicacion:comentario_enviado", PUBLICA, lambda o: _consulta()),
    F("comunicacion:consulta_rss", PUBLICA, lambda o: _consulta()),
    F("comunicacion:comentario_confirmar", PUBLICA, lambda o: _token_comentario(), "valido"),
    F("comunicacion:comentario_confirmar", TOKEN_FALSO, lambda o: {"token": "x:y"}, "falso"),
    F("comunicacion:consultas_gestion", COORD_COMU),
    F("comunicacion:consulta_abrir", SOLO_COORD),
    F("comunicacion:consulta_moderar", COORD_COMU, lambda o: _consulta()),
    F("comunicacion:consulta_responder", "302 403 302 403 302 403 302", lambda o: _consulta()),
    F("comunicacion:consulta_cerrar", POST_SOLO_COORD, lambda o: _consulta()),
    F("comunicacion:comentario_ocultar", "302 403 405 403 405 403 405", lambda o: _comentario()),
    F("comunicacion:comentario_restaurar", "302 403 405 403 405 403 405", lambda o: _comentario()),
]


def _consulta() -> dict:
    from comunicacion.models import Consulta

    return {"pk": Consulta.objects.order_by("pk").first().pk}


def _comentario(estado: str = "publicado") -> dict:
    from comunicacion.models import Comentario

    return {"pk": Comentario.objects.filter(estado=estado).order_by("pk").first().pk}


def _token_comentario() -> dict:
    from comunicacion.models import Comentario
    from comunicacion.services import consulta

    pendiente = Comentario.objects.filter(estado="pendiente").order_by("pk").first()
    return {"token": consulta.comentario_token(comentario=pendiente)}


def _token(uso: str) -> dict:
    from comunicacion.models import Suscripcion
    from comunicacion.services import suscripciones
    from core.firmas import token_firmado

    suscripcion = Suscripcion.objects.get_or_create(email="matriz@example.org", tipo="noticias")[0]
    sal = suscripciones.SAL_BAJA if uso == "baja" else suscripciones.SAL_CONFIRMAR
    return {"token": token_firmado(suscripcion, sal=sal)}


def _nombres_de_urls(resolver=None, espacio=None):
    for patron in (resolver or get_resolver()).url_patterns:
        if isinstance(patron, URLResolver):
            interno = espacio
            if patron.namespace:
                interno = f"{espacio}:{patron.namespace}" if espacio else patron.namespace
            yield from _nombres_de_urls(patron, interno)
        elif isinstance(patron, URLPattern) and patron.name:
            yield f"{espacio}:{patron.name}" if espacio else patron.name


def test_toda_url_esta_declarada():
    nombres = {n for n in _nombres_de_urls() if not n.startswith("admin:")}
    declarados = {f.nombre for f in MATRIZ}
    faltan = sorted(nombres - declarados)
    sobran = sorted(declarados - nombres)
    assert not faltan, f"URLs sin fila en MATRIZ (vea el inicio del archivo): {faltan}"
    assert not sobran, f"Filas de MATRIZ sin URL: {sobran}"


def _secretos(escenario) -> list[str]:
    """Text that no anonymous or role-less visitor may ever receive."""
    from django.contrib.auth import get_user_model

    from actores.models import Actor

    correos = set(Actor.objects.exclude(email="").values_list("email", flat=True))
    correos |= set(get_user_model().objects.exclude(email="").values_list("email", flat=True))
    cedulas = set(
        Actor.objects.filter(naturaleza="persona")
        .exclude(identificacion="")
        .values_list("identificacion", flat=True)
    )
    telefonos = {
        str(t)[-9:] for t in Actor.objects.exclude(telefono="").values_list("telefono", flat=True)
    }
    return [SECRETO, *sorted(correos), *sorted(cedulas), *sorted(telefonos)]


@pytest.fixture(scope="module")
def secretos(escenario):
    return _secretos(escenario)


@pytest.fixture(autouse=True)
def _sin_trazas_de_403(caplog):
    """Every 403 logs a traceback at WARNING: hundreds of them only slow the matrix down."""
    caplog.set_level(logging.ERROR, logger="django.request")


@pytest.mark.parametrize("fila", MATRIZ, ids=lambda f: f.id)
def test_matriz(fila, cliente_rol, escenario, secretos):
    url = reverse(fila.nombre, kwargs=fila.kwargs(escenario)) + fila.consulta
    esperado = dict(zip(ROLES, (int(c) for c in fila.esperado.split()), strict=True))
    obtenidos, fugas = {}, []
    esperado = {rol: codigo for rol, codigo in esperado.items() if rol in fila.solo}
    for rol in fila.solo:
        respuesta = cliente_rol(rol).get(url)
        obtenidos[rol] = respuesta.status_code
        if rol == "anonimo" and respuesta.status_code == 302 and esperado[rol] == 302:
            destino = respuesta["Location"]
            if "/cuentas/login/" not in destino and fila.nombre not in NO_A_LOGIN:
                fugas.append(f"anonimo redirigido a {destino}, no al ingreso")
        if respuesta.status_code != 200:
            continue
        cuerpo = b"".join(respuesta) if respuesta.streaming else respuesta.content
        tipo = respuesta.get("Content-Type", "")
        if ("html" in tipo or "xml" in tipo) and VIVA.encode() in cuerpo:
            fugas.append(f"{rol}: un campo de texto sale como marcado vivo (XSS)")
        if rol in ("anonimo", "sin_rol"):
            texto = cuerpo.decode("utf-8", "replace")
            fugas += [f"{rol} recibe {s!r}" for s in secretos if s in texto]
    assert obtenidos == esperado, f"{url}: obtenido {obtenidos}"
    assert not fugas, f"{url}: {fugas}"


# GETs that redirect everyone elsewhere (not to the login page) by design.
NO_A_LOGIN = {"set_language"}


# POSTs by a role that may act on the parent, naming an object of ANOTHER parent (a guest of
# another event, an attendance of another session): never 2xx/3xx, nothing changes.
CRUZADOS = [
    ("eventos:acreditar", del_evento("invitado_ajeno")),
    ("eventos:invitado_cancelar", del_evento("invitado_ajeno")),
    ("eventos:invitado_respuesta", del_evento("invitado_ajeno")),
    ("eventos:ponente", del_evento("ponente_ajeno")),
    ("eventos:sesion", del_evento("sesion_evento_ajena")),
    ("eventos:sesion_eliminar", del_evento("sesion_evento_ajena")),
    ("eventos:tarea", del_evento("tarea_ajena")),
    ("eventos:tarea_estado", del_evento("tarea_ajena")),
    (
        "mesas:asistencia_quitar",
        lambda o: {"pk": o.sesion_propia.pk, "asistencia_id": o.asistencia_ajena.pk},
    ),
    ("mesas:acuerdo_editar", lambda o: {"pk": o.sesion_propia.pk, "acuerdo_id": o.acuerdo.pk}),
    *[
        (
            f"mesas:{tipo}_{accion}",
            lambda o, tipo=tipo: {"pk": o.sesion_propia.pk, "item_id": _item_de_quito(o, tipo)},
        )
        for tipo, accion in (
            ("asistencia", "editar"),
            ("agenda", "editar"),
            ("agenda", "eliminar"),
            ("intervencion", "editar"),
            ("intervencion", "eliminar"),
            ("prioridad", "editar"),
            ("prioridad", "eliminar"),
            ("acuerdo", "eliminar"),
            ("tema", "editar"),
            ("tema", "eliminar"),
        )
    ],
]


@pytest.mark.parametrize(("nombre", "kwargs"), CRUZADOS, ids=[c[0] for c in CRUZADOS])
def test_objeto_de_otro_padre_no_se_alcanza(nombre, kwargs, cliente_rol, escenario):
    url = reverse(nombre, kwargs=kwargs(escenario))
    for rol in ("coordinacion", "facilitacion"):
        respuesta = cliente_rol(rol).post(url, {"estado": "cancelado", "nombre": "Intruso"})
        assert respuesta.status_code in (403, 404), f"{rol} {url}: {respuesta.status_code}"


def test_admin_solo_para_administracion(cliente_rol, escenario):
    """The admin's generated URLs: the index and every model's list and add page."""
    from django.contrib import admin

    urls = [reverse("admin:index")]
    for modelo in admin.site._registry:
        info = (modelo._meta.app_label, modelo._meta.model_name)
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
    assert len(urls) > 20
    esperado = {"anonimo": 302, "coordinacion": 403, "facilitacion": 403, "administracion": 200}
    malos = []
    for rol, codigo in esperado.items():
        cliente = cliente_rol(rol)
        for url in (
            urls if rol in ("anonimo", "administracion") else urls[:: max(1, len(urls) // 8)]
        ):
            respuesta = cliente.get(url)
            if respuesta.status_code != codigo:
                malos.append(f"{rol} {url}: {respuesta.status_code}")
            elif codigo == 302 and not respuesta["Location"].startswith("/cuentas/login/"):
                malos.append(f"{rol} {url}: a {respuesta['Location']}")
    assert not malos, malos


# POST, not only GET: whoever may not open a page may not post to it either (a view that checks
# the rule only in get() would let them). For every non-public row, anonymous and role-less
# visitors, and every role whose GET is refused, post an empty form: refused, never a success.
NEGADO = {400, 403, 404, 405}


PARA_TODA_CUENTA = {"set_language", "cuentas:logout"}  # anyone may post there, by design


@pytest.mark.parametrize(
    "fila",
    [
        f
        for f in MATRIZ
        if f.esperado.split()[0] != "200"
        and f.esperado.split()[1] != "200"  # pages of any account (change password)
        and f.nombre not in PARA_TODA_CUENTA
    ],
    ids=lambda f: f.id,
)
def test_post_sin_permiso_se_rechaza(fila, cliente_rol, escenario):
    url = reverse(fila.nombre, kwargs=fila.kwargs(escenario)) + fila.consulta
    esperado = dict(zip(ROLES, fila.esperado.split(), strict=True))
    roles = [r for r in ROLES if r in ("anonimo", "sin_rol") or esperado[r] == "403"]
    malos = []
    for rol in roles:
        respuesta = cliente_rol(rol).post(url, {})
        codigo = respuesta.status_code
        a_login = codigo == 302 and respuesta["Location"].startswith("/cuentas/login/")
        if codigo not in NEGADO and not (rol == "anonimo" and a_login):
            malos.append(f"{rol}: {codigo} {respuesta.get('Location', '')}")
    assert not malos, f"{url}: {malos}"


def test_la_api_es_de_solo_lectura_incluso_para_administracion(cliente_rol, escenario):
    filas = [f for f in MATRIZ if f.nombre.endswith(("-list", "-detail"))]
    malos = []
    for rol in ("anonimo", "coordinacion", "administracion"):
        cliente = cliente_rol(rol)
        for fila in filas:
            url = reverse(fila.nombre, kwargs=fila.kwargs(escenario))
            for metodo in (cliente.post, cliente.put, cliente.patch, cliente.delete):
                codigo = metodo(url, {}, content_type="application/json").status_code
                if codigo not in (401, 403, 404, 405):
                    malos.append(f"{rol} {metodo.__name__} {url}: {codigo}")
    assert not malos, malos
