"""Demo content: the two provincial pactos built from the tables' demo agreements, via services."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from actores.models import Actor
from core.demo_archivos import pdf_demo
from mesas.models import Acuerdo
from sie.models import Eje

from .models.pactos import Actualizacion, Compromiso, Pacto
from .services import pactos as srv

PACTOS_DEMO = {
    "turismo": {
        "titulo": "Estrategia provincial de turismo de Pichincha",
        "preambulo": (
            "Las mesas cantonales de turismo, reunidas entre actores públicos, privados y "
            "comunitarios, acuerdan una estrategia común para que el turismo de Pichincha "
            "genere empleo y cuide su patrimonio natural y cultural."
        ),
        "estrategia": (
            "Conocer la oferta de cada cantón, mejorar el acceso a los destinos y preparar a "
            "quienes atienden al visitante.\n"
            "Cada compromiso tiene una organización responsable, un plazo y un avance público."
        ),
        "objetivos": (
            "Contar con un inventario provincial de atractivos y servicios\n"
            "Mejorar el acceso a los destinos rurales\n"
            "Capacitar a los prestadores de servicios turísticos"
        ),
        "inventario": (
            "Inventario provincial de atractivos y servicios turísticos",
            "Levantar y publicar, con las mesas cantonales, el inventario de atractivos y "
            "servicios turísticos de cada cantón, con una ficha común.",
        ),
        "talleres": (
            "Programa de capacitación para prestadores de servicios turísticos",
            "Organizar talleres de atención al visitante y guianza en los cantones, con "
            "certificación de los participantes.",
        ),
        "via": "Mantenimiento de la vía de acceso a los destinos de {lugar}",
    },
    "agropecuario": {
        "titulo": "Pacto agropecuario de Pichincha",
        "preambulo": (
            "Las mesas sectoriales agropecuarias acuerdan prioridades, acuerdos y metas para "
            "articular la producción de la provincia."
        ),
        "estrategia": (
            "Conocer la oferta productiva, asegurar la salida de la producción y fortalecer "
            "las capacidades de los productores."
        ),
        "objetivos": (
            "Contar con un inventario de productores y servicios de apoyo\n"
            "Mejorar las vías de salida de la producción\n"
            "Capacitar a las asociaciones de productores"
        ),
        "inventario": (
            "Inventario de productores y servicios de apoyo por sector",
            "Levantar con las mesas sectoriales el inventario de productores, centros de "
            "acopio y servicios de apoyo de cada sector.",
        ),
        "talleres": (
            "Escuelas de campo para asociaciones de productores",
            "Organizar talleres de buenas prácticas y comercialización asociativa en los "
            "territorios de cada sector.",
        ),
        "via": "Vías de salida de la producción de {lugar}",
    },
}

# State, reason and progress of each demo commitment, in order: every state appears.
SEGUIMIENTO = [
    ("en_curso", "", 40),
    ("cumplido", "", 100),
    ("en_riesgo", "La temporada de lluvias retrasa los trabajos de campo.", 30),
    ("retrasado", "El convenio con el GAD municipal sigue sin firmarse.", 10),
    ("sin_iniciar", "", 0),
    ("abandonado", "El GAD asumió la obra con su propio presupuesto.", 0),
]

FIRMANTES = [
    ("Gobierno Provincial", "María Fernanda Guerrero", "Coordinadora del programa"),
    ("Cámara", "Patricio Salazar", "Presidente"),
    ("Ministerio", "Verónica Ortiz", "Directora zonal"),
]


def _organizacion(*, contiene: str, respaldo: list[Actor], i: int = 0) -> Actor | None:
    actor = (
        Actor.objects.filter(naturaleza=Actor.Naturaleza.ORGANIZACION, nombre__icontains=contiene)
        .order_by("pk")
        .first()
    )
    return actor or (respaldo[i % len(respaldo)] if respaldo else None)


def _clave(acuerdo: Acuerdo) -> str:
    texto = acuerdo.texto.lower()
    if "inventario" in texto:
        return "inventario"
    if "vía" in texto or "via " in texto:
        return "via"
    return "talleres"


def _archivos_demo(pacto: Pacto, *, usuario) -> None:
    """The scanned signed copy and one commitment's evidence: public uploads once published."""
    if not pacto.copia_firmada and pacto.estado in (Pacto.Estado.FIRMADO, Pacto.Estado.PUBLICADO):
        srv.pacto_adjuntar_copia_firmada(
            pacto=pacto,
            archivo=pdf_demo(
                f"{pacto.slug[:60]}-firmado.pdf",
                pacto.titulo,
                ["Copia firmada escaneada", f"{pacto.firmantes.count()} firmantes"],
            ),
        )
    primero = pacto.compromisos.order_by("numero").first()
    if primero is not None and not primero.evidencias.exclude(archivo="").exists():
        srv.evidencia_agregar(
            compromiso=primero,
            titulo="Informe de avance del equipo técnico",
            usuario=usuario,
            archivo=pdf_demo(
                f"{pacto.slug[:50]}-evidencia-1.pdf",
                f"Compromiso {primero.numero}: {primero.titulo}",
                ["Informe de avance", "Equipo técnico de la mesa"],
            ),
        )


def _pacto_demo(*, codigo: str, coordinadora, responsable, hoy: datetime.date) -> str:
    datos = PACTOS_DEMO[codigo]
    eje = Eje.objects.get(codigo=codigo)
    existente = Pacto.objects.filter(eje=eje, titulo=datos["titulo"]).first()
    if existente is not None:
        _archivos_demo(existente, usuario=coordinadora)
        return "ya estaba"
    acuerdos = list(
        Acuerdo.objects.filter(sesion__mesa__tipo=codigo)
        .select_related("sesion__mesa__canton", "sesion__mesa__sector")
        .order_by("sesion__mesa__orden", "sesion__numero", "numero")
    )
    if not acuerdos:
        return "sin acuerdos de mesas"
    organizaciones = list(
        Actor.objects.filter(naturaleza=Actor.Naturaleza.ORGANIZACION, activo=True).order_by("pk")[
            :30
        ]
    )
    pacto = srv.pacto_crear(
        eje=eje,
        titulo=datos["titulo"],
        usuario=coordinadora,
        preambulo=datos["preambulo"],
        estrategia=datos["estrategia"],
        objetivos=datos["objetivos"],
    )
    grupos: dict[str, list[Acuerdo]] = {"inventario": [], "talleres": []}
    por_mesa: dict[int, list[Acuerdo]] = {}
    for acuerdo in acuerdos:
        clave = _clave(acuerdo)
        if clave == "via":
            por_mesa.setdefault(acuerdo.sesion.mesa_id, []).append(acuerdo)
        else:
            grupos[clave].append(acuerdo)
    # One agreement is left out on purpose, with its reason: nothing is lost silently.
    descartado = grupos["talleres"].pop() if len(grupos["talleres"]) > 1 else None
    lider_provincial = _organizacion(contiene="Gobierno Provincial", respaldo=organizaciones)
    # The commitments, in their order: what srv.compromiso_consolidar is given for each.
    titulo, texto = datos["inventario"]
    planes = [
        {
            "acuerdos": grupos["inventario"],
            "titulo": titulo,
            "texto": texto,
            "lider": lider_provincial,
        }
    ]
    for i, grupo in enumerate(por_mesa.values()):
        mesa = grupo[0].sesion.mesa
        lugar = mesa.canton.nombre if mesa.canton_id else mesa.sector.nombre
        lider = _organizacion(
            contiene=mesa.canton.nombre if mesa.canton_id else "Asociación",
            respaldo=organizaciones,
            i=i + 1,
        )
        texto = (
            f"Gestionar con el GAD el mantenimiento y la señalización de las vías de "
            f"acceso en {lugar}, con un cronograma compartido con la mesa."
        )
        titulo = datos["via"].format(lugar=lugar)
        planes.append({"acuerdos": grupo, "titulo": titulo, "texto": texto, "lider": lider})
    if grupos["talleres"]:
        titulo, texto = datos["talleres"]
        lider = _organizacion(contiene="Universidad", respaldo=organizaciones, i=5)
        planes.append(
            {"acuerdos": grupos["talleres"], "titulo": titulo, "texto": texto, "lider": lider}
        )
    compromisos = [
        srv.compromiso_consolidar(pacto=pacto, usuario=coordinadora, **plan) for plan in planes
    ]
    if descartado is not None:
        srv.acuerdos_descartar(
            pacto=pacto,
            acuerdos=[descartado],
            motivo="Repite el acuerdo de la sesión anterior de la misma mesa.",
            usuario=coordinadora,
        )
    # The first commitment follows an SIE indicator, and its target when there is one.
    from sie.models import Indicador

    indicador = Indicador.objects.filter(
        codigo={"turismo": "TUR-12", "agropecuario": "AGR-13"}[codigo]
    ).first()
    if indicador is not None:
        srv.compromiso_editar(
            compromiso=compromisos[0],
            indicador=indicador,
            meta_indicador=indicador.metas.order_by("fecha_meta").first(),
        )
    for i, compromiso in enumerate(compromisos):
        srv.compromiso_editar(
            compromiso=compromiso,
            plazo=hoy + datetime.timedelta(days=[120, 200, 90, -15, 300, 150][i % 6]),
            presupuesto=[25000, 60000, 18000, 120000, None, 8000][i % 6],
            unidad_meta="fichas" if i == 0 else "",
            linea_base=0 if i == 0 else None,
            meta=8 if i == 0 else None,
        )
        for n, (titulo, dias) in enumerate([("Plan de trabajo", -60), ("Ejecución", 60)]):
            srv.hito_agregar(
                compromiso=compromiso,
                titulo=titulo,
                fecha=hoy + datetime.timedelta(days=dias),
                peso=1 + n,
            )

    pacto = srv.pacto_cambiar_estado(
        pacto=pacto, estado=Pacto.Estado.CONSULTA, usuario=coordinadora
    )
    pacto = srv.pacto_editar(
        pacto=pacto,
        usuario=coordinadora,
        nota="Aportes de la consulta pública",
        estrategia=datos["estrategia"]
        + "\nLa consulta pública pidió priorizar a las parroquias rurales.",
    )
    pacto = srv.pacto_cambiar_estado(
        pacto=pacto, estado=Pacto.Estado.ACORDADO, usuario=coordinadora
    )
    firma = hoy - datetime.timedelta(days=10)  # after the tables' demo sessions
    for i, (contiene, persona, cargo) in enumerate(FIRMANTES):
        organizacion = _organizacion(contiene=contiene, respaldo=organizaciones, i=i + 7)
        if organizacion and not pacto.firmantes.filter(organizacion=organizacion).exists():
            srv.firmante_agregar(
                pacto=pacto, organizacion=organizacion, persona=persona, cargo=cargo, fecha=firma
            )
    pacto = srv.pacto_cambiar_estado(pacto=pacto, estado=Pacto.Estado.FIRMADO, usuario=coordinadora)
    _archivos_demo(pacto, usuario=coordinadora)
    pacto = srv.pacto_cambiar_estado(
        pacto=pacto, estado=Pacto.Estado.PUBLICADO, usuario=coordinadora
    )

    # Follow-up: several dated updates per commitment, states from SEGUIMIENTO.
    desplazamiento = 0 if codigo == "turismo" else 3
    for i, compromiso in enumerate(compromisos):
        estado, motivo, avance = SEGUIMIENTO[(i + desplazamiento) % len(SEGUIMIENTO)]
        if estado == "sin_iniciar":
            continue  # silent: the dashboard flags it and the responsible is reminded
        srv.compromiso_editar(compromiso=compromiso, modo_avance=Compromiso.ModoAvance.MANUAL)
        pasos = [("en_curso", "", max(avance // 3, 5)), (estado, motivo, avance)]
        for j, (e, m, a) in enumerate(pasos):
            actualizacion = srv.compromiso_actualizar(
                compromiso=compromiso,
                usuario=responsable if compromiso.lider == lider_provincial else coordinadora,
                texto=[
                    "Se conformó el equipo técnico y se acordó el cronograma con la mesa.",
                    "Avance revisado con la mesa en su última sesión.",
                ][j],
                estado=e,
                motivo=m,
                avance=a,
                organizacion=compromiso.lider,
                origen="demo",
            )
            # Spread the demo log over the past months so the timeline reads true.
            fecha = timezone.now() - datetime.timedelta(days=8 - 6 * j, hours=i)
            Actualizacion.objects.filter(pk=actualizacion.pk).update(fecha=fecha)
            Compromiso.objects.filter(pk=compromiso.pk).update(ultima_actualizacion=fecha)
    return f"{len(compromisos)} compromisos de {len(acuerdos)} acuerdos"


def cargar_demo_pactos(*, usuarios, salida=None) -> str:
    """The tourism and the agricultural pactos, published, with commitments in every state."""
    coordinadora = usuarios.get("coordinadora")
    User = get_user_model()
    responsable, creado = User.objects.get_or_create(
        username="responsable",
        defaults={
            "first_name": "Paola",
            "last_name": "Vinueza",
            "email": "responsable@demo.pichincha.gob.ec",
        },
    )
    if creado:
        responsable.set_password(settings.DEMO_PASSWORD)
        responsable.save(update_fields=["password"])
    provincial = (
        Actor.objects.filter(
            naturaleza=Actor.Naturaleza.ORGANIZACION, nombre__icontains="Gobierno Provincial"
        )
        .order_by("pk")
        .first()
        or Actor.objects.filter(naturaleza=Actor.Naturaleza.ORGANIZACION).order_by("pk").first()
    )
    if provincial is not None:
        srv.contacto_responsable_asignar(usuario=responsable, actor=provincial)
    hoy = timezone.localdate()
    resultados = []
    for codigo in ("turismo", "agropecuario"):
        with transaction.atomic():
            resultados.append(
                f"{codigo}: "
                + _pacto_demo(
                    codigo=codigo, coordinadora=coordinadora, responsable=responsable, hoy=hoy
                )
            )
    return "; ".join(resultados) + " (cuenta «responsable» para informar avances)"
