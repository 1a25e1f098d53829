"""The shared plumbing of core that every app's views, services, links, e-mails, imports and
downloads go through (core.vistas, core.firmas, core.correo, core.importar, core.exportar)."""

import io
from datetime import timedelta

import openpyxl
import pytest
import rules
from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory

from actores.models import Actor
from core.correo import correo_enviar, pendientes_enviar
from core.errores import ConflictoEdicion
from core.exportar import respuesta_descarga
from core.firmas import EnlaceCaducado, EnlaceInvalido, objeto_de_token, token_firmado
from core.importar import dataset_de_archivo, filas_validadas
from core.permisos import AccesoDenegado
from core.vistas import (
    PUBLICO,
    SoloPost,
    VistaAccion,
    VistaStaff,
    errores_a_form,
    objeto_o_404,
    pagina_y_accion,
)
from tests.factories import ActorFactory

rules.add_perm("pruebas.ver_actor_de_prueba", rules.predicates.is_authenticated)
rules.add_perm("pruebas.nunca", rules.predicates.always_deny)


class NombreForm(forms.Form):
    nombre = forms.CharField(max_length=20)


class VerActor(VistaStaff):
    permiso = "pruebas.ver_actor_de_prueba"
    template_name = "errors/404.html"

    def cargar_objeto(self):
        return objeto_o_404(Actor, pk=self.kwargs["pk"])


class Prohibida(VerActor):
    permiso = "pruebas.nunca"


class Renombrar(VistaAccion):
    permiso = PUBLICO
    form_class = NombreForm
    template_name = "errors/404.html"
    plantilla_parcial = "errors/403.html"
    mensaje_exito = "Hecho."
    success_url = "/hecho/"
    fallo: ValidationError | None = None

    def ejecutar(self, form):
        if self.fallo is not None:
            raise self.fallo
        return form.cleaned_data["nombre"]


def _peticion(usuario=None, metodo="get", datos=None, htmx=False):
    from django.contrib.auth.models import AnonymousUser

    fabrica = RequestFactory()
    peticion = fabrica.post("/x/", datos or {}) if metodo == "post" else fabrica.get("/x/")
    peticion.user = usuario or AnonymousUser()
    peticion.session = SessionStore()
    peticion._messages = FallbackStorage(peticion)
    peticion.htmx = htmx
    return peticion


@pytest.mark.django_db
class TestVistas:
    def test_anonimo_va_a_entrar_antes_de_saber_si_el_objeto_existe(self):
        respuesta = VerActor.as_view()(_peticion(), pk=999999)
        assert respuesta.status_code == 302 and "/cuentas/login/" in respuesta.url

    def test_objeto_que_no_existe_es_404_y_sin_permiso_es_403_explicado(self, sin_rol):
        with pytest.raises(Http404):
            VerActor.as_view()(_peticion(sin_rol), pk=999999)
        actor = ActorFactory()
        with pytest.raises(AccesoDenegado):
            Prohibida.as_view()(_peticion(sin_rol), pk=actor.pk)
        assert VerActor.as_view()(_peticion(sin_rol), pk=actor.pk).status_code == 200

    def test_una_vista_sin_permiso_declarado_no_arranca(self):
        class SinPermiso(VistaStaff):
            template_name = "errors/404.html"

        with pytest.raises(TypeError):
            SinPermiso.as_view()(_peticion())

    def test_formulario_invalido_responde_400_y_conserva_lo_escrito(self):
        respuesta = Renombrar.as_view()(_peticion(metodo="post", datos={"nombre": "x" * 30}))
        assert respuesta.status_code == 400
        assert respuesta.context_data["form"].data["nombre"] == "x" * 30

    def test_error_del_servicio_va_al_campo_o_encima_del_formulario(self):
        vista = Renombrar.as_view(fallo=ValidationError({"nombre": "Ya existe.", "otro": "Mal."}))
        respuesta = vista(_peticion(metodo="post", datos={"nombre": "Ana"}))
        form = respuesta.context_data["form"]
        assert respuesta.status_code == 400
        assert form.errors["nombre"] == ["Ya existe."]
        assert form.non_field_errors() == ["Mal."]

    def test_conflicto_de_edicion_responde_409(self):
        vista = Renombrar.as_view(fallo=ConflictoEdicion("Otra persona guardó cambios."))
        respuesta = vista(_peticion(metodo="post", datos={"nombre": "Ana"}))
        assert respuesta.status_code == 409
        assert respuesta.context_data["form"].non_field_errors() == ["Otra persona guardó cambios."]

    def test_exito_redirige_y_htmx_recibe_hx_redirect_o_parcial(self):
        respuesta = Renombrar.as_view()(_peticion(metodo="post", datos={"nombre": "Ana"}))
        assert respuesta.status_code == 302 and respuesta.url == "/hecho/"
        respuesta = Renombrar.as_view()(
            _peticion(metodo="post", datos={"nombre": "Ana"}, htmx=True)
        )
        assert respuesta["HX-Redirect"] == "/hecho/"
        invalida = Renombrar.as_view()(_peticion(metodo="post", datos={}, htmx=True))
        assert invalida.status_code == 400 and invalida.template_name == ["errors/403.html"]

    def test_errores_a_form_con_mensajes_sueltos(self):
        form = NombreForm(data={"nombre": "Ana"})
        form.is_valid()
        errores_a_form(form, ValidationError(["Uno.", "Dos."]))
        assert form.non_field_errors() == ["Uno.", "Dos."]


@pytest.mark.django_db
class TestFirmas:
    def test_el_token_nombra_el_objeto_y_cambiar_la_clave_lo_revoca(self):
        actor = ActorFactory()
        token = token_firmado(actor, sal="prueba", campo="email")
        assert objeto_de_token(token, sal="prueba", queryset=Actor, campo="email") == actor
        with pytest.raises(EnlaceInvalido):
            objeto_de_token(token, sal="otra", queryset=Actor, campo="email")
        with pytest.raises(EnlaceInvalido):
            objeto_de_token(token[:-2] + "xx", sal="prueba", queryset=Actor, campo="email")
        Actor.objects.filter(pk=actor.pk).update(email="nuevo@example.org")
        with pytest.raises(EnlaceInvalido):
            objeto_de_token(token, sal="prueba", queryset=Actor, campo="email")

    def test_token_caducado(self, monkeypatch):
        actor = ActorFactory()
        token = token_firmado(actor, sal="prueba", campo="email")
        with pytest.raises(EnlaceCaducado):
            objeto_de_token(
                token, sal="prueba", queryset=Actor, campo="email", max_age=timedelta(seconds=-1)
            )


@pytest.mark.django_db
class TestCorreo:
    def test_asunto_texto_html_adjuntos_y_cabeceras(self, settings, tmp_path):
        (tmp_path / "m_asunto.txt").write_text("Hola\n  {{ nombre }}\n")
        (tmp_path / "m.txt").write_text("Texto para {{ nombre }}")
        (tmp_path / "m.html").write_text("<p>HTML para {{ nombre }}</p>")
        settings.TEMPLATES = [
            {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
        ]
        correo_enviar(
            para="ana@example.org",
            plantilla="m",
            contexto={"nombre": "Ana"},
            adjuntos=[("a.ics", "BEGIN:VCALENDAR", "text/calendar")],
            cabeceras={"List-Unsubscribe": "<https://x/baja>"},
        )
        (enviado,) = mail.outbox
        assert enviado.subject == "Hola Ana" and enviado.body == "Texto para Ana"
        assert enviado.alternatives[0].content == "<p>HTML para Ana</p>"
        assert enviado.attachments[0].filename == "a.ics"
        assert enviado.extra_headers["List-Unsubscribe"] == "<https://x/baja>"

    def test_el_barrido_envia_cada_fila_una_vez_y_sigue_tras_un_fallo(self):
        a, b, c = ActorFactory(), ActorFactory(), ActorFactory()
        enviados = []

        def enviar(actor):
            if actor == b:
                raise OSError("SMTP caído")
            enviados.append(actor.pk)

        qs = Actor.objects.filter(pk__in=[a.pk, b.pk, c.pk])
        with pytest.raises(OSError):
            pendientes_enviar(queryset=qs, enviar=enviar, marca="consentimiento_fecha")
        assert sorted(enviados) == sorted([a.pk, c.pk])
        enviados.clear()
        with pytest.raises(OSError):
            pendientes_enviar(queryset=qs, enviar=enviar, marca="consentimiento_fecha")
        assert enviados == []


class TestImportar:
    def test_csv_con_punto_y_coma_en_codificacion_de_windows(self):
        contenido = "Nombre;Teléfono\nJosé;0991\n;\nMaría;0992\n".encode("cp1252")
        dataset = dataset_de_archivo(SimpleUploadedFile("a.csv", contenido))
        filas = filas_validadas(dataset, NombreForm, columnas={"nombre": "nombre"})
        assert [(f.numero, f.datos) for f in filas] == [
            (2, {"nombre": "José"}),
            (4, {"nombre": "María"}),
        ]
        assert all(f.valida for f in filas)

    def test_xlsx_y_errores_por_fila(self):
        libro = openpyxl.Workbook()
        libro.active.append(["nombre"])
        libro.active.append(["x" * 30])
        salida = io.BytesIO()
        libro.save(salida)
        dataset = dataset_de_archivo(SimpleUploadedFile("a.xlsx", salida.getvalue()))
        (fila,) = filas_validadas(dataset, NombreForm)
        assert not fila.valida and fila.errores[0].startswith("Nombre:")

    def test_archivo_ilegible(self):
        with pytest.raises(ValidationError):
            dataset_de_archivo(SimpleUploadedFile("a.xlsx", b"PK\x03\x04roto"))


def test_descarga_csv_y_xlsx_neutraliza_formulas():
    respuesta = respuesta_descarga(nombre="actores", cabecera=["nombre"], filas=[["=1+1"]])
    assert respuesta["Content-Disposition"] == 'attachment; filename="actores.csv"'
    assert respuesta.content.decode("utf-8-sig").splitlines() == ["nombre", "'=1+1"]
    xlsx = respuesta_descarga(
        nombre="actores", cabecera=["nombre"], filas=[["=1+1"]], formato="xlsx"
    )
    hoja = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert hoja["A2"].value == "'=1+1"


@pytest.mark.django_db
def test_la_fabrica_de_actores_da_organizaciones_y_personas_validas():
    organizacion = ActorFactory()
    persona = ActorFactory(persona=True)
    organizacion.full_clean()
    persona.full_clean()
    assert persona.naturaleza == Actor.Naturaleza.PERSONA and persona.nombres


def test_descarga_xlsx_de_varias_hojas():
    xlsx = respuesta_descarga(
        nombre="datos",
        formato="xlsx",
        hojas=[("datos", ["a"], [["=x"]]), ("licencia", ["texto"], [["CC BY 4.0"]])],
    )
    libro = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert libro.sheetnames == ["datos", "licencia"]
    assert libro["datos"]["A2"].value == "'=x"


@pytest.mark.django_db
def test_pagina_y_accion_en_una_direccion_y_solo_post_comprueba_el_permiso_antes_del_405(
    sin_rol,
):
    class Pagina(VerActor):
        permiso = PUBLICO

    class Accion(SoloPost, Renombrar):
        pass

    vista = pagina_y_accion(Pagina, Accion)
    actor = ActorFactory()
    assert vista(_peticion(), pk=actor.pk).status_code == 200
    respuesta = vista(_peticion(metodo="post", datos={"nombre": "Ana"}), pk=actor.pk)
    assert respuesta.status_code == 302
    assert Accion.as_view()(_peticion()).status_code == 405  # PUBLICO: only the method is wrong

    class AccionProhibida(SoloPost, Prohibida):
        pass

    assert AccionProhibida.as_view()(_peticion(), pk=actor.pk).status_code == 302
    with pytest.raises(AccesoDenegado):
        AccionProhibida.as_view()(_peticion(sin_rol), pk=actor.pk)
