"""Demo: an open public consultation on a draft tourism pacto for the north-west, built through
pactos' and the consultation's services, with comments from several cantons, answers (one of
them a bulk answer), one comment hidden with its public reason and one awaiting confirmation.
No e-mail is sent to the fictitious participants."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from mesas.models import Acuerdo
from pactos.models import Pacto
from pactos.services import pactos as pactos_srv
from sie.models import Canton, Eje, Sector

from .models import Comentario, RespuestaOficial
from .services import consulta as srv

TITULO = "Pacto por el turismo sostenible del noroccidente de Pichincha"

PACTO = {
    "preambulo": (
        "Los cantones del noroccidente —San Miguel de los Bancos, Pedro Vicente Maldonado y "
        "Puerto Quito— y las parroquias del Chocó Andino comparten ríos, bosques y una reserva "
        "de biosfera. Este borrador recoge lo que sus mesas de turismo acordaron y se somete a "
        "consulta pública antes de firmarse."
    ),
    "estrategia": (
        "Una sola ruta turística del noroccidente, con señalética común y promoción conjunta.\n"
        "Guías y prestadores capacitados que cuidan el bosque y los ríos.\n"
        "Turismo comunitario que deje sus ingresos en las parroquias."
    ),
    "objetivos": (
        "Señalizar y promocionar la ruta del noroccidente\n"
        "Certificar a 120 guías y prestadores de servicios\n"
        "Fortalecer 15 emprendimientos de turismo comunitario"
    ),
}

COMPROMISOS = [
    (
        "Ruta turística del noroccidente: Mindo, Pedro Vicente Maldonado y Puerto Quito",
        "Diseñar, señalizar y promocionar una ruta común que una los atractivos de los tres "
        "cantones, con puntos de información en cada cabecera cantonal.",
    ),
    (
        "Guianza y atención al visitante en el Chocó Andino",
        "Talleres de guianza, primeros auxilios y atención al visitante, con certificación "
        "de los participantes y prioridad para jóvenes de las parroquias.",
    ),
    (
        "Turismo comunitario en los ríos de Puerto Quito",
        "Apoyar a las asociaciones comunitarias de Puerto Quito con equipamiento, permisos y "
        "promoción de sus balnearios y senderos.",
    ),
]

# (clave, nombre, correo, cantón, sector slug, destino, sección o nº de compromiso, tipo, texto)
COMENTARIOS = [
    ("rosa", "Rosa Guamán", "rosa.guaman@example.org", "1709", "", "compromiso", 3, "propuesta",
     "Pedimos que las asociaciones de turismo comunitario de Puerto Quito participen en la "
     "gestión de los balnearios del río Caoní y que haya señalética en cada acceso."),
    ("luis", "Luis Andrade", "luis.andrade@example.org", "1707", "", "compromiso", 1, "propuesta",
     "Que la ruta incluya paradas para la observación de aves entre Mindo y San Miguel de los "
     "Bancos, con horarios de madrugada."),
    ("carmen", "Carmen Tituaña", "carmen.tituana@example.org", "1708", "cacao-cafe-cana",
     "compromiso", 1, "propuesta",
     "Sumar a la ruta las fincas de cacao y las cascadas de Pedro Vicente Maldonado, con "
     "letreros desde la vía Calacalí–La Independencia."),
    ("jorge", "Jorge Morales", "jorge.morales@example.org", "1701", "", "seccion", "estrategia",
     "preocupacion",
     "La estrategia no dice cuántos visitantes puede recibir Mindo sin dañar los ríos. "
     "Preocupa la capacidad de carga en feriados."),
    ("maria", "María Quishpe", "maria.quishpe@example.org", "1709", "palmito-frutas-tropicales",
     "texto", "", "apoyo",
     "Apoyamos el pacto: por primera vez Puerto Quito aparece con sus propios compromisos."),
    ("pedro", "Pedro Cevallos", "pedro.cevallos@example.org", "1707", "", "compromiso", 2,
     "preocupacion",
     "Los talleres deberían hacerse los fines de semana; entre semana los guías trabajan."),
    ("spam", "Ofertas Turísticas", "ofertas@example.org", "", "", "texto", "", "apoyo",
     "Paquetes turísticos con descuento, escríbanos por WhatsApp para reservar ya."),
    ("ana", "Ana Lucía Vera", "analucia.vera@example.org", "1709", "", "compromiso", 3,
     "propuesta",
     "Incluir un sendero accesible para personas con discapacidad en los balnearios."),
]  # fmt: skip

# (comments answered together, decision, text)
RESPUESTAS = [
    (["luis", "carmen"], RespuestaOficial.Decision.INCORPORADO,
     "Gracias por sus propuestas. La versión siguiente del pacto amplía la ruta con paradas de "
     "observación de aves en San Miguel de los Bancos y con las fincas de cacao y las cascadas "
     "de Pedro Vicente Maldonado, señalizadas desde la vía principal."),
    (["rosa"], RespuestaOficial.Decision.PARCIAL,
     "La señalética de los accesos a los balnearios se incorpora al compromiso 3. La gestión de "
     "los balnearios corresponde al GAD municipal: la mesa de Puerto Quito propondrá un "
     "convenio con las asociaciones."),
    (["jorge"], RespuestaOficial.Decision.PARCIAL,
     "La estrategia incluirá un estudio de capacidad de carga de Mindo antes de la promoción "
     "de feriados; las cifras las fijará el estudio, no el pacto."),
    (["maria"], RespuestaOficial.Decision.NO_APLICA,
     "Gracias por su apoyo. Puerto Quito tendrá su propia mesa de seguimiento del pacto."),
]  # fmt: skip

MOTIVO_SPAM = "Publicidad comercial ajena a la consulta."


def _acuerdos() -> list[Acuerdo]:
    qs = Acuerdo.objects.filter(sesion__mesa__tipo="turismo").order_by("pk")
    noroccidente = list(qs.filter(sesion__mesa__canton__codigo__in=["1707", "1708", "1709"]))
    return noroccidente or list(qs[:6])


def cargar_demo_consulta(*, coordinadora, comunicacion) -> str:
    """'' when already loaded or when the tables' demo agreements are missing."""
    if coordinadora is None or Pacto.objects.filter(titulo=TITULO).exists():
        return ""
    acuerdos = _acuerdos()
    if not acuerdos:
        return ""
    with transaction.atomic():
        pacto = pactos_srv.pacto_crear(
            eje=Eje.objects.get(codigo="turismo"), titulo=TITULO, usuario=coordinadora, **PACTO
        )
        compromisos = []
        for i, (titulo, texto) in enumerate(COMPROMISOS):
            grupo = acuerdos[i :: len(COMPROMISOS)] or acuerdos[:1]
            compromisos.append(
                pactos_srv.compromiso_consolidar(
                    pacto=pacto, acuerdos=grupo, titulo=titulo, texto=texto, usuario=coordinadora
                )
            )
        ahora = timezone.now()
        consulta = srv.consulta_abrir(
            pacto=pacto,
            usuario=coordinadora,
            abre=ahora - timedelta(days=10),
            cierra=ahora + timedelta(days=20),
            presentacion=(
                "El borrador del pacto de turismo del noroccidente está abierto a sus "
                "comentarios. Apoye, exprese una preocupación o proponga un cambio sobre todo "
                "el texto, una sección o un compromiso: el equipo del programa responderá cada "
                "comentario y explicará qué pasa a la siguiente versión."
            ),
        )
        por_numero = {c.numero: c for c in compromisos}
        hechos: dict[str, Comentario] = {}
        for clave, nombre, email, canton, sector, destino, donde, tipo, texto in COMENTARIOS:
            datos = {
                "nombre": nombre,
                "email": email,
                "canton": Canton.objects.filter(codigo=canton).first() if canton else None,
                "sector": Sector.objects.filter(slug=sector).first() if sector else None,
                "destino": destino,
                "seccion": donde if destino == "seccion" else "",
                "compromiso": por_numero.get(donde) if destino == "compromiso" else None,
                "tipo": tipo,
                "texto": texto,
            }
            comentario = srv.comentario_recibir(consulta=consulta, datos=datos, enviar=False)
            if clave != "ana":  # Ana has not opened her confirmation link yet
                comentario = srv.comentario_confirmar(
                    token=srv.comentario_token(comentario=comentario)
                )
            hechos[clave] = comentario
        for claves, decision, texto in RESPUESTAS:
            srv.respuesta_publicar(
                consulta=consulta,
                comentarios=[hechos[c] for c in claves],
                usuario=comunicacion or coordinadora,
                texto=texto,
                decision=decision,
                enviar=False,
            )
        srv.comentario_ocultar(
            comentario=hechos["spam"], usuario=comunicacion or coordinadora, motivo=MOTIVO_SPAM
        )
        # Spread the comments over the consultation's days so the page reads true.
        for i, comentario in enumerate(hechos.values()):
            cuando = ahora - timedelta(days=9 - i, hours=3 * i)
            Comentario.objects.filter(pk=comentario.pk).update(creado=cuando)
            if comentario.publicado_en:
                Comentario.objects.filter(pk=comentario.pk).update(publicado_en=cuando)
    return (
        f"consulta pública abierta sobre «{TITULO}» con {len(hechos)} comentarios y "
        f"{len(RESPUESTAS)} respuestas"
    )
