"""One scenario for the security tests: the demo data plus drafts and private records to guard.

It is built once for this package inside a transaction that is rolled back when the package's
tests end, so the other tests of the session never see it. Each test still runs in its own
savepoint (the `db` fixture).
"""

from datetime import timedelta
from http.cookies import SimpleCookie
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import DatabaseError, connection, models, transaction
from django.db.models.functions import Concat, Left
from django.test import Client
from django.utils import timezone

CUENTA_DE_ROL = {
    "anonimo": None,
    "sin_rol": "ciudadano",
    "coordinacion": "coordinadora",
    "facilitacion": "facilitador",
    "comunicacion": "comunicacion",
    "analisis": "analista",
    "administracion": "admin",
}
# Text that must never reach anyone outside the staff (drafts, private records).
SECRETO = "Zq7Secreto"

CARGA = '"><svg onload=alert(1)>'
VIVA = "<svg onload=alert(1)>"
APPS = {"sie", "actores", "mesas", "pactos", "eventos", "comunicacion", "core"}
CAMPOS = {
    "nombre",
    "nombres",
    "apellidos",
    "siglas",
    "titulo",
    "descripcion",
    "resumen",
    "cuerpo",
    "texto",
    "preambulo",
    "estrategia",
    "objetivos",
    "notas",
    "nota",
    "bio",
    "cargo",
    "organizacion",
    "lugar",
    "direccion",
    "pie",
    "motivo",
    "asunto",
    "respuesta",
    "institucion",
    "institucion_organizadora",
    "sala",
    "comentario",
    "conclusiones",
    "resultado",
    "definicion",
    "fuente",
    "unidad",
    "imagen_alt",
    "tema",
    "justificacion",
}


def _sembrar() -> list[str]:
    sembrados = []
    for modelo in apps.get_models():
        if modelo._meta.app_label not in APPS or modelo.__name__.startswith("Historical"):
            continue
        for campo in modelo._meta.concrete_fields:
            if (
                campo.name not in CAMPOS
                or not isinstance(campo, (models.CharField, models.TextField))
                or campo.choices
                or (campo.max_length or 10_000) < len(CARGA) + 5
            ):
                continue
            resto = (campo.max_length or 10_000) - len(CARGA)
            valor = Concat(models.Value(CARGA), Left(models.F(campo.name), resto))
            try:
                with transaction.atomic():
                    modelo._default_manager.exclude(**{campo.name: ""}).update(
                        **{campo.name: valor}
                    )
            except DatabaseError:
                continue  # a unique constraint: that field keeps its value
            sembrados.append(f"{modelo._meta.label}.{campo.name}")
    return sembrados


def _usuarios() -> dict:
    from core import demo

    usuarios = demo.cuentas_demo_crear(password="clave-demo-seg")
    demo.cargar_todo(password="clave-demo-seg")
    usuarios["ciudadano"] = get_user_model().objects.create_user(
        "ciudadano", email="ciudadano.seg@example.org", password="clave-de-prueba-123"
    )
    return usuarios


def _actor_privado():
    from actores.models import Actor
    from sie.models import Canton

    return Actor.objects.create(
        naturaleza=Actor.Naturaleza.PERSONA,
        nombre=f"Persona {SECRETO}",
        nombres="Persona",
        apellidos=SECRETO,
        tipo=Actor.objects.filter(naturaleza="persona").values_list("tipo", flat=True).first(),
        ambito=Actor.objects.values_list("ambito", flat=True).first(),
        canton=Canton.objects.get(codigo="1701"),
        email="privado.seg@example.org",
        telefono="+593991234567",
        identificacion="1710034065",
        visible_publico=False,
    )


def _borradores(usuarios: dict, canton) -> dict:
    """Records that only the staff may see, each with SECRETO in its text."""
    from comunicacion import services as com
    from eventos import services as ev
    from eventos.models import Evento
    from pactos.services import pactos as srv_pactos
    from sie.models import Eje, Parroquia

    coord = usuarios["coordinadora"]
    inicio = timezone.now() + timedelta(days=20)
    evento = ev.evento_crear(
        usuario=coord,
        datos={
            "tipo": Evento.Tipo.SOCIALIZACION,
            "titulo": f"Evento borrador {SECRETO}",
            "resumen": "Sin publicar.",
            "inicio": inicio,
            "fin": inicio + timedelta(hours=2),
            "modalidad": Evento.Modalidad.PRESENCIAL,
            "lugar": "Auditorio",
            "parroquia": Parroquia.objects.filter(canton=canton).first(),
            "direccion": "Calle 1",
            "institucion_organizadora": "Gobierno Provincial de Pichincha",
            "acceso": Evento.Acceso.INVITACION,
            "publicado": False,
        },
    )
    noticia = {
        "titulo": f"Noticia borrador {SECRETO}",
        "resumen": "Sin publicar.",
        "cuerpo": f"Cuerpo {SECRETO}",
        "ejes": [],
        "cantones": [],
    }
    return {
        "privado": _actor_privado(),
        "pacto_borrador": srv_pactos.pacto_crear(
            eje=Eje.objects.get(codigo="turismo"),
            titulo=f"Pacto borrador {SECRETO}",
            usuario=coord,
            preambulo=f"Preambulo {SECRETO}",
        ),
        "evento_borrador": evento,
        "noticia_borrador": com.noticia_crear(usuario=usuarios["comunicacion"], datos=noticia),
    }


def _documentos(sesion_ajena, sesion_publicada) -> dict:
    from django.contrib.contenttypes.models import ContentType

    from core.models import Documento
    from mesas.models import Sesion

    de_sesion = {"content_type": ContentType.objects.get_for_model(Sesion)}
    return {
        "documento_borrador": Documento.objects.create(
            **de_sesion, object_id=str(sesion_ajena.pk), tipo="acta", version=1
        ),
        "documento_publico": Documento.objects.get_or_create(
            **de_sesion,
            object_id=str(sesion_publicada.pk),
            tipo="acta_publica",
            version=sesion_publicada.acta_version,
        )[0],
        # the acta for signature of the same published session names everybody: staff only
        "documento_firmado": Documento.objects.get(
            **de_sesion,
            object_id=str(sesion_publicada.pk),
            tipo="acta",
            version=sesion_publicada.acta_version,
        ),
    }


def _de_mesas(coord) -> dict:
    """A table the demo facilitator does not facilitate (Quito) and one he does."""
    from actores.models import Importacion
    from mesas.models import Acuerdo, Asistencia, Invitacion, Mesa, Sesion

    quito = Mesa.objects.get(slug="turismo-quito")
    sesion_ajena = quito.sesiones.get(numero=3)  # planned, not published
    sesion_publicada = quito.sesiones.get(numero=1)
    return {
        "mesa": quito,
        "sesion_ajena": sesion_ajena,
        "sesion_publicada": sesion_publicada,
        "sesion_propia": Sesion.objects.get(mesa__slug="turismo-cayambe", numero=3),
        **_documentos(sesion_ajena, sesion_publicada),
        "importacion": Importacion.objects.create(
            archivo="actores/importaciones/seg.csv",
            nombre_archivo=f"importacion-{SECRETO}.csv",
            estado=Importacion.Estado.PREVISUALIZADA,
            subido_por=coord,
        ),
        "asistencia": Asistencia.objects.filter(sesion__mesa=quito).first(),
        "acuerdo": Acuerdo.objects.filter(sesion__mesa=quito).first(),
        "invitacion_mesa": Invitacion.objects.first(),
        "asistencia_ajena": Asistencia.objects.exclude(
            sesion__mesa__slug="turismo-cayambe"
        ).first(),
    }


def _de_eventos() -> dict:
    """An event the demo facilitator works on (its team) and another one."""
    from eventos import enlaces
    from eventos.models import Evento, Invitado, Ponente, TareaLogistica
    from eventos.models import Sesion as SesionEvento

    evento = Evento.objects.get(estado="invitaciones")
    otro_evento = Evento.objects.exclude(pk=evento.pk).filter(publicado=True).first()
    invitado = Invitado.objects.filter(evento=evento).first()
    invitado_ajeno = Invitado.objects.filter(evento=otro_evento).first()
    return {
        "token_respuesta": enlaces.token_respuesta(invitado),
        "token_acreditacion_ajeno": enlaces.token_acreditacion(invitado_ajeno),
        "evento": evento,
        "otro_evento": otro_evento,
        "ponente": Ponente.objects.filter(evento=evento).first(),
        "sesion_evento": SesionEvento.objects.filter(evento=evento).first(),
        "invitado": invitado,
        "invitado_ajeno": invitado_ajeno,
        "ponente_ajeno": Ponente.objects.filter(evento=otro_evento).first(),
        "sesion_evento_ajena": SesionEvento.objects.filter(evento=otro_evento).first(),
        "tarea_ajena": TareaLogistica.objects.filter(evento=otro_evento).first(),
        "tarea": TareaLogistica.objects.filter(evento=evento).first(),
    }


def _de_las_demas_apps() -> dict:
    from actores.models import Actor, Relacion
    from comunicacion.models import AccionComunicacion, Mensaje, Noticia
    from pactos.models import Actividad, Compromiso, Pacto
    from sie.models import Indicador, Medicion, MetaIndicador

    pacto = Pacto.objects.filter(estado="publicado").order_by("pk").first()
    return {
        "indicador": Indicador.objects.filter(activo=True).order_by("codigo").first(),
        "medicion": Medicion.objects.exclude(estado="publicado").first()
        or Medicion.objects.first(),
        "meta": MetaIndicador.objects.first(),
        "publico": Actor.objects.filter(visible_publico=True, naturaleza="organizacion").first(),
        "relacion": Relacion.objects.first(),
        "actividad": Actividad.objects.exclude(responsable__username="facilitador").first(),
        "pacto": pacto,
        "compromiso": Compromiso.objects.filter(pacto=pacto).order_by("numero").first(),
        "noticia": Noticia.objects.filter(estado="publicada").first(),
        "accion": AccionComunicacion.objects.first(),
        "mensaje": Mensaje.objects.first(),
    }


def _construir() -> SimpleNamespace:
    from sie.models import Canton

    usuarios = _usuarios()
    canton = Canton.objects.get(codigo="1703")
    o = SimpleNamespace(
        usuarios=usuarios,
        canton=canton,
        **_borradores(usuarios, canton),
        **_de_mesas(usuarios["coordinadora"]),
        **_de_eventos(),
        **_de_las_demas_apps(),
    )
    # Stored XSS: every free-text field starts with a payload, so every page the matrix visits
    # also proves it renders them inert (test_matriz_urls, test_xss).
    o.sembrados = _sembrar()
    return o


@pytest.fixture(scope="package")
def escenario(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        bloque = transaction.atomic()
        bloque.__enter__()
        try:
            o = _construir()
            o.sesiones = _sesiones(o.usuarios)
            # Check the scenario's deferred foreign keys now, once, at this transaction's level.
            # Left pending, every test's teardown checked them all again: its constraint check
            # runs in the test's savepoint, and rolling the savepoint back marks the checks as
            # not done (PostgreSQL), so each of the package's ~1,000 tests re-checked every row
            # of the demo (a third of the matrix's time).
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            yield o
        finally:
            transaction.set_rollback(True)
            bloque.__exit__(None, None, None)
            cache.clear()


def _sesiones(usuarios: dict) -> dict:
    """A logged-in session of each role's account, made once for the package (its rows live in
    the package's transaction: whatever a test does to one is rolled back with the test)."""
    sesiones = {}
    for nombre in filter(None, CUENTA_DE_ROL.values()):
        cliente = Client()
        cliente.force_login(usuarios[nombre], backend="django.contrib.auth.backends.ModelBackend")
        sesiones[nombre] = cliente.cookies[settings.SESSION_COOKIE_NAME].value
    return sesiones


@pytest.fixture
def cliente_rol(client, escenario, db):
    """cliente_rol('facilitacion') is the test client logged in as that role's demo account.

    As client.logout() then client.force_login(), with no cookie of the previous visitor left,
    but with the role's session made once for the package (a login per role and test was a
    sixth of the matrix's time)."""

    def como(rol: str):
        client.cookies = SimpleCookie()
        nombre = CUENTA_DE_ROL[rol]
        if nombre:
            client.cookies[settings.SESSION_COOKIE_NAME] = escenario.sesiones[nombre]
        return client

    return como


@pytest.fixture(autouse=True)
def _idioma_espanol_despues():
    """A request under /en/ leaves English active in this thread: put Spanish back."""
    yield
    from django.utils import translation

    translation.activate("es")
