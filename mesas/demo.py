"""Demo content of the tables, built through the services a facilitator uses.

Several tables get members, two sessions recorded, closed and published (with their actas) and
one planned session; the demo facilitator facilitates Cayambe's tourism table and two sectoral
tables. Idempotent: a table that already has sessions is left alone.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from actores.models import Actor, Membresia
from actores.services import actor_crear
from core.documentos import documento_generar

from . import selectors, services
from .models import Intervencion, Mesa, Sesion

MESAS_DEMO = [
    "turismo-cayambe",
    "turismo-mejia",
    "turismo-quito",
    "turismo-san-miguel-de-los-bancos",
    "agro-floricultura",
    "agro-leche-y-derivados",
    "agro-cacao-cafe-cana",
]
DEL_FACILITADOR = ["turismo-cayambe", "agro-floricultura", "agro-leche-y-derivados"]

AGENDA = [
    (
        "09:00",
        "Bienvenida y revisión de acuerdos anteriores",
        "Verificar el avance de los acuerdos",
    ),
    ("09:30", "Diagnóstico y prioridades", "Presentar información del SIE y priorizar"),
    ("11:00", "Acuerdos y próximos pasos", "Definir responsables y plazos"),
]
INTERVENCIONES = [
    (
        Intervencion.Tipo.INFORMACION,
        "Presenta las cifras de visitantes y de establecimientos registrados.",
    ),
    (
        Intervencion.Tipo.PREOCUPACION,
        "Preocupa el estado de la vía de acceso en temporada de lluvias.",
    ),
    (
        Intervencion.Tipo.PROPUESTA,
        "Propone una ruta conjunta con señalética y guías locales certificados.",
    ),
    (Intervencion.Tipo.APOYO, "Respalda la propuesta y ofrece su local para la capacitación."),
    (Intervencion.Tipo.PROPUESTA, "Sugiere un calendario de ferias productivas en las parroquias."),
]
ACUERDOS = [
    ("Elaborar el inventario de atractivos y servicios del cantón.", 45, "Inventario publicado"),
    (
        "Gestionar con el GAD municipal el mantenimiento de la vía de acceso.",
        60,
        "Oficio y cronograma",
    ),
    (
        "Organizar dos talleres de capacitación para prestadores de servicios.",
        90,
        "Talleres con 40 personas",
    ),
]
PRIORIDADES = [
    ("Conectividad vial y señalética", 9),
    ("Capacitación de prestadores", 7),
    ("Promoción conjunta", 5),
]
NOMBRES = [
    ("Rosa Elena", "Farinango", "mujer"),
    ("Segundo", "Quilumbaquín", "hombre"),
    ("María José", "Andrango", "mujer"),
    ("Carlos", "Cuzco", "hombre"),
    ("Lucía", "Tipán", "mujer"),
    ("Washington", "Imbaquingo", "hombre"),
    ("Gladys", "Pillajo", "mujer"),
    ("Fernando", "Catucuamba", "hombre"),
    ("Martha", "Ulcuango", "mujer"),
    ("Jorge", "Caiza", "hombre"),
]


def _personas_para(mesa: Mesa, usuario, rng: random.Random) -> list[Actor]:
    filtro = Q(canton=mesa.canton) if mesa.canton_id else Q(sectores=mesa.sector)
    personas = list(
        Actor.objects.filter(filtro, naturaleza=Actor.Naturaleza.PERSONA, activo=True).distinct()[
            :12
        ]
    )
    if len(personas) < 8:
        personas += list(
            Actor.objects.filter(naturaleza=Actor.Naturaleza.PERSONA, activo=True)
            .exclude(pk__in=[p.pk for p in personas])
            .order_by("pk")[: 10 - len(personas)]
        )
    if len(personas) < 6:
        # Without the actor map's demo (it runs first in cargar_demo), a few people of our own.
        existentes = set(
            Actor.objects.filter(naturaleza=Actor.Naturaleza.PERSONA).values_list(
                "nombre", flat=True
            )
        )
        for n, (nombres, apellidos, genero) in enumerate(NOMBRES):
            if f"{nombres} {apellidos}" in existentes:
                personas.append(Actor.objects.filter(nombre=f"{nombres} {apellidos}").first())
                continue
            personas.append(
                actor_crear(
                    usuario=usuario,
                    datos={
                        "naturaleza": Actor.Naturaleza.PERSONA,
                        "nombres": nombres,
                        "apellidos": apellidos,
                        "genero": genero,
                        "tipo": Actor.Tipo.COMUNITARIO,
                        "ambito": Actor.Ambito.PROVINCIAL,
                        # most accept being named in publications; a few do not
                        "consentimiento_nombre_publico": n % 4 != 2,
                    },
                )
            )
    personas = list({p.pk: p for p in personas}.values())
    rng.shuffle(personas)
    return personas


def _organizacion_de(persona: Actor, organizaciones: list[Actor], rng: random.Random):
    membresia = Membresia.objects.filter(persona=persona).select_related("organizacion").first()
    if membresia:
        return membresia.organizacion
    return rng.choice(organizaciones) if organizaciones else None


def _sesion_completa(mesa, numero_base, inicio, personas, organizaciones, usuarios, rng):
    facilitador = usuarios.get("facilitador" if mesa.slug in DEL_FACILITADOR else "coordinadora")
    sesion = services.sesion_crear(
        mesa=mesa,
        inicio=inicio,
        fin=inicio + datetime.timedelta(hours=3),
        modalidad=Sesion.Modalidad.PRESENCIAL,
        parroquia=mesa.canton.parroquias.first() if mesa.canton_id else None,
        lugar="Salón de la junta parroquial"
        if mesa.canton_id
        else "Centro de acopio de la asociación",
        objetivo="Avanzar en la estrategia de la mesa con acuerdos concretos.",
        usuario=facilitador,
    )
    puntos = [
        services.punto_agenda_agregar(
            sesion=sesion,
            titulo=titulo,
            proposito=proposito,
            hora=datetime.time.fromisoformat(hora),
        )
        for hora, titulo, proposito in AGENDA
    ]
    presentes = personas[: rng.randint(6, len(personas))]
    for persona in presentes:
        services.asistencia_registrar(
            sesion=sesion,
            actor=persona,
            organizacion=_organizacion_de(persona, organizaciones, rng),
            usuario=facilitador,
        )
    for i, (tipo, resumen) in enumerate(INTERVENCIONES):
        services.intervencion_registrar(
            sesion=sesion,
            actor=presentes[i % len(presentes)],
            tipo=tipo,
            resumen=resumen,
            punto=puntos[min(i // 2, len(puntos) - 1)],
            usuario=facilitador,
        )
    for texto, votos in PRIORIDADES:
        services.prioridad_registrar(sesion=sesion, texto=texto, votos=min(votos, len(presentes)))
    for i, (texto, dias, resultado) in enumerate(ACUERDOS[: 2 + numero_base % 2]):
        services.acuerdo_registrar(
            sesion=sesion,
            texto=texto,
            responsables=[presentes[i % len(presentes)]] + organizaciones[i : i + 1],
            plazo=timezone.localdate(inicio) + datetime.timedelta(days=dias),
            resultado_esperado=resultado,
            usuario=facilitador,
        )
    services.tema_pendiente_registrar(
        sesion=sesion, texto="Definir el financiamiento de la señalética con el GAD provincial."
    )
    sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=facilitador)
    return sesion


def cargar_demo_mesas(*, usuarios, salida=None) -> str:
    rng = random.Random(4)
    coordinadora = usuarios.get("coordinadora")
    facilitador = usuarios.get("facilitador")
    cerradas = []
    mesas = 0
    ahora = timezone.now()
    for slug in MESAS_DEMO:
        mesa = Mesa.objects.select_related("canton", "sector").filter(slug=slug).first()
        if mesa is None or mesa.sesiones.exists():
            continue
        with transaction.atomic():
            if facilitador and slug in DEL_FACILITADOR:
                mesa.facilitadores.add(facilitador)
            personas = _personas_para(mesa, coordinadora, rng)
            filtro = Q(canton=mesa.canton) if mesa.canton_id else Q(sectores=mesa.sector)
            organizaciones = list(
                Actor.objects.filter(filtro, naturaleza=Actor.Naturaleza.ORGANIZACION).distinct()[
                    :6
                ]
            )
            services.mesa_agregar_miembros(mesa=mesa, actores=personas[:8] + organizaciones[:3])
            for n, dias in enumerate((-60, -25)):
                inicio = (ahora + datetime.timedelta(days=dias)).replace(
                    hour=14, minute=0, second=0, microsecond=0
                )
                cerradas.append(
                    _sesion_completa(mesa, n, inicio, personas, organizaciones, usuarios, rng)
                )
            services.sesion_crear(
                mesa=mesa,
                inicio=(ahora + datetime.timedelta(days=12)).replace(
                    hour=14, minute=0, second=0, microsecond=0
                ),
                modalidad=Sesion.Modalidad.HIBRIDA,
                parroquia=mesa.canton.parroquias.first() if mesa.canton_id else None,
                lugar="Auditorio del GAD municipal",
                enlace="https://reuniones.pichincha.gob.ec/mesa-" + mesa.slug,
                objetivo="Validar el plan de acción de la mesa.",
                usuario=coordinadora,
            )
        mesas += 1
    publicadas = 0
    for sesion in cerradas:
        documento = selectors.acta_actual(sesion=sesion)
        if documento is not None and not documento.listo:
            documento_generar(documento_id=documento.pk)
        sesion.refresh_from_db()
        # the most recent session of the demo facilitator's first table stays for publication
        if sesion.mesa.slug == "turismo-cayambe" and sesion.numero == 2:
            continue
        sesion = services.acta_publicar(sesion=sesion, usuario=coordinadora)
        publica = selectors.acta_publica_actual(sesion=sesion)  # names only with consent
        if not publica.listo:
            documento_generar(documento_id=publica.pk)
        publicadas += 1
    return f"{mesas} mesas con sesiones, {publicadas} actas publicadas"
