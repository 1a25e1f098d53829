"""The staff screens: list with search and filters, actor page, forms, map, network, export."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from actores.models import Actor, CambioPosicion, Relacion
from actores.participacion import SECCIONES_PARTICIPACION, Seccion
from actores.services import relacion_crear


@pytest.fixture
def pequeno_mapa(crear_actor, coordinadora, sector, eje_agro, otro_canton):
    a = crear_actor(
        nombre="Junta de Riego Tabacundo",
        siglas="JRT",
        influencia=5,
        interes=5,
        posicion="apoya",
        sectores=[sector],
        ejes=[eje_agro],
    )
    b = crear_actor(nombre="Cooperativa de Cacaoteros", influencia=1, interes=4, canton=otro_canton)
    c = crear_actor(
        nombre="Ministerio de Turismo",
        tipo="publico",
        ambito="nacional",
        canton=None,
        influencia=5,
        interes=1,
    )
    d = crear_actor(nombre="Actor Aislado", influencia=2, interes=2)
    relacion_crear(origen=a, destino=b, tipo="aliado", usuario=coordinadora)
    relacion_crear(origen=b, destino=c, tipo="coordina", usuario=coordinadora)
    return a, b, c, d


def test_lista_busca_y_filtra(cliente_de, coordinadora, pequeno_mapa, otro_canton, sector):
    cliente = cliente_de(coordinadora)
    texto = cliente.get(reverse("actores:lista")).content.decode()
    assert "Junta de Riego Tabacundo" in texto and "4 actores encontrados" in texto
    texto = cliente.get(reverse("actores:lista"), {"q": "cacaoteros"}).content.decode()
    assert "Cooperativa de Cacaoteros" in texto and "Junta de Riego" not in texto
    texto = cliente.get(reverse("actores:lista"), {"q": "JRT"}).content.decode()
    assert "Junta de Riego Tabacundo" in texto
    texto = cliente.get(reverse("actores:lista"), {"canton": otro_canton.pk}).content.decode()
    assert "1 actor encontrado" in texto
    texto = cliente.get(reverse("actores:lista"), {"sector": sector.slug}).content.decode()
    assert "Junta de Riego Tabacundo" in texto and "Cacaoteros" not in texto
    texto = cliente.get(reverse("actores:lista"), {"q": "zzzz"}).content.decode()
    assert "Ningún actor coincide" in texto


def test_lista_vacia(cliente_de, coordinadora):
    assert (
        "Todavía no hay actores"
        in cliente_de(coordinadora).get(reverse("actores:lista")).content.decode()
    )


def test_mapa_cuadrantes_y_puntos_que_abren_el_actor(cliente_de, analista, pequeno_mapa):
    a, b, c, d = pequeno_mapa
    texto = cliente_de(analista).get(reverse("actores:mapa")).content.decode()
    assert f'href="{a.get_absolute_url()}"' in texto
    assert "Gestionar de cerca" in texto and "Mantener satisfechos" in texto
    assert "influencia 5, interés 5, Apoya" in texto  # accessible name of the dot
    assert "Los actores del mapa, en tabla" in texto


def test_mapa_filtra_por_eje_sector_y_canton(
    cliente_de, coordinadora, pequeno_mapa, otro_canton, sector
):
    cliente = cliente_de(coordinadora)
    texto = cliente.get(reverse("actores:mapa"), {"sector": sector.slug}).content.decode()
    assert "Junta de Riego Tabacundo" in texto and "Cooperativa de Cacaoteros" not in texto
    texto = cliente.get(reverse("actores:mapa"), {"eje": "agropecuario"}).content.decode()
    assert "1 actor activo en el mapa" in texto
    texto = cliente.get(reverse("actores:mapa"), {"canton": otro_canton.pk}).content.decode()
    assert "Cooperativa de Cacaoteros" in texto and "Junta de Riego Tabacundo" not in texto


def test_red_intermediarios_y_aislados(cliente_de, coordinadora, pequeno_mapa):
    from actores.analisis import red_de

    a, b, c, d = pequeno_mapa
    red = red_de(Actor.objects.all())
    por_pk = {f["pk"]: f for f in red["filas"]}
    assert por_pk[b.pk]["grado"] == 2 and por_pk[b.pk]["intermediacion"] == pytest.approx(
        1 / 3, abs=1e-3
    )  # 1 pair of 3 (a–c)
    assert [f["pk"] for f in red["intermediarios"]] == [b.pk]
    assert [f["pk"] for f in red["aislados"]] == [d.pk]
    texto = cliente_de(coordinadora).get(reverse("actores:red")).content.decode()
    assert "<svg" in texto and "Medidas de la red, en tabla" in texto and "Actor Aislado" in texto


def test_crear_persona_con_consentimiento(cliente_de, coordinadora, canton):
    datos = {
        "naturaleza": "persona",
        "nombres": "Sisa",
        "apellidos": "Farinango Cuzco",
        "tipo": "comunitario",
        "ambito": "cantonal",
        "canton": canton.pk,
        "email": "sisa@example.org",
        "telefono": "0991234567",
        "identificacion": "1710034065",
        "genero": "mujer",
        "influencia": "2",
        "interes": "5",
        "posicion": "apoya",
        "consentimiento_datos": "on",
        "consentimiento_fecha": "2026-02-01",
        "consentimiento_finalidad": "Convocatoria a la mesa de Cayambe",
        "activo": "on",
    }
    respuesta = cliente_de(coordinadora).post(reverse("actores:crear"), datos)
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    actor = Actor.objects.get(email="sisa@example.org")
    assert actor.nombre == "Sisa Farinango Cuzco"
    assert actor.consentimiento_finalidad == "Convocatoria a la mesa de Cayambe"
    assert actor.history.first().history_user == coordinadora


def test_formulario_sin_consentimiento_completo_explica(cliente_de, coordinadora):
    datos = {
        "naturaleza": "organizacion",
        "nombre": "Gremio",
        "tipo": "privado",
        "ambito": "parroquial",
        "influencia": "3",
        "interes": "3",
        "posicion": "neutral",
        "consentimiento_datos": "on",
        "identificacion": "17100340",
        "telefono": "123",
    }
    texto = cliente_de(coordinadora).post(reverse("actores:crear"), datos).content.decode()
    assert "RUC de 13 dígitos" in texto
    assert "teléfono válido de Ecuador" in texto
    for mensaje in ("necesita un cantón", "fecha en que se obtuvo el consentimiento", "finalidad"):
        assert mensaje in texto


def test_cambio_de_posicion_exige_motivo_y_queda_en_historial(
    cliente_de, coordinadora, pequeno_mapa
):
    a = pequeno_mapa[0]
    cliente = cliente_de(coordinadora)
    url = reverse("actores:posicion", args=[a.pk])
    respuesta = cliente.post(
        url, {"influencia": 4, "interes": 5, "posicion": "neutral", "motivo": ""}
    )
    assert respuesta.status_code == 400
    assert "Explique por qué" in respuesta.content.decode()
    cliente.post(
        url, {"influencia": 4, "interes": 5, "posicion": "neutral", "motivo": "Cambio de directiva"}
    )
    cambio = CambioPosicion.objects.filter(actor=a).first()
    assert (
        cambio.influencia_anterior,
        cambio.influencia,
        cambio.posicion_anterior,
        cambio.posicion,
    ) == (5, 4, "apoya", "neutral")
    assert cambio.registrado_por == coordinadora
    texto = cliente.get(a.get_absolute_url()).content.decode()
    assert "Cambio de directiva" in texto


def test_editar_cambiando_mapa_sin_motivo_se_rechaza(cliente_de, coordinadora, pequeno_mapa):
    a = pequeno_mapa[0]
    url = reverse("actores:editar", args=[a.pk])
    cliente = cliente_de(coordinadora)
    formulario = cliente.get(url).context["form"]
    datos = {
        k: v
        for k, v in formulario.initial.items()
        if v is not None and k not in ("ejes", "sectores")
    }
    datos.update(
        canton=a.canton_id, interes="2", activo="on", sectores=[s.pk for s in a.sectores.all()]
    )
    datos.pop("parroquia", None)
    respuesta = cliente.post(url, datos)
    assert respuesta.status_code == 400
    assert "Explique por qué cambia" in respuesta.content.decode()
    datos["motivo"] = "Perdió interés tras el cambio de gobierno local"
    assert cliente.post(url, datos).status_code == 302


def test_relaciones_desde_la_ficha(cliente_de, coordinadora, pequeno_mapa):
    a, b, c, d = pequeno_mapa
    cliente = cliente_de(coordinadora)
    cliente.post(
        reverse("actores:relacion_crear", args=[d.pk]),
        {"tipo": "financia", "destino": a.pk, "nota": "Riego"},
    )
    relacion = Relacion.objects.get(origen=d, destino=a)
    respuesta = cliente.post(
        reverse("actores:relacion_crear", args=[d.pk]), {"tipo": "financia", "destino": a.pk}
    )
    assert "ya está registrada" in respuesta.content.decode()
    cliente.post(reverse("actores:relacion_eliminar", args=[relacion.pk]))
    assert not Relacion.objects.filter(pk=relacion.pk).exists()


def test_datos_personales_en_la_ficha_segun_rol(cliente_de, coordinadora, comunicador, crear_actor):
    persona = crear_actor(naturaleza=Actor.Naturaleza.PERSONA, email="rosa@example.org")
    assert (
        "rosa@example.org"
        in cliente_de(coordinadora).get(persona.get_absolute_url()).content.decode()
    )
    texto = cliente_de(comunicador).get(persona.get_absolute_url()).content.decode()
    assert "rosa@example.org" not in texto and persona.identificacion not in texto
    assert "solo los ven Coordinación" in texto


def test_seccion_de_participacion_registrada_por_otra_app(cliente_de, coordinadora, pequeno_mapa):
    a = pequeno_mapa[0]

    def sesiones(actor, user):
        return {"html": f"<p>Asistió a 3 sesiones ({actor.nombre})</p>", "total": 3}

    def rota(actor, user):
        raise RuntimeError("bug in a higher app")

    SECCIONES_PARTICIPACION.registrar(
        "prueba_mesas", Seccion(titulo="Mesas", funcion=sesiones), orden=10
    )
    SECCIONES_PARTICIPACION.registrar("prueba_rota", Seccion(titulo="Rota", funcion=rota), orden=20)
    try:
        texto = cliente_de(coordinadora).get(a.get_absolute_url()).content.decode()
    finally:
        SECCIONES_PARTICIPACION.retirar("prueba_mesas")
        SECCIONES_PARTICIPACION.retirar("prueba_rota")
    assert "Asistió a 3 sesiones (Junta de Riego Tabacundo)" in texto
    assert "Rota" not in texto


@pytest.mark.parametrize("formato", ["csv", "xlsx"])
def test_exportacion_sin_datos_personales_salvo_coordinacion(
    formato, cliente_de, analista, coordinadora, crear_actor
):
    persona = crear_actor(naturaleza=Actor.Naturaleza.PERSONA, email="exporta@example.org")
    url = reverse("actores:exportar", args=[formato])

    def contenido(respuesta):
        if formato == "csv":
            return respuesta.content.decode("utf-8-sig")
        libro = load_workbook(io.BytesIO(respuesta.content))
        return "\n".join(
            ",".join(str(c) for c in fila) for fila in libro.active.iter_rows(values_only=True)
        )

    texto = contenido(cliente_de(analista).get(url))
    assert (
        persona.nombre in texto
        and "exporta@example.org" not in texto
        and persona.identificacion not in texto
    )
    assert cliente_de(analista).get(url, {"personales": "1"}).status_code == 403
    texto = contenido(cliente_de(coordinadora).get(url, {"personales": "1"}))
    assert "exporta@example.org" in texto
