"""The PDF cases of `make bench`: a large acta and the monthly progress report."""

from datetime import date, timedelta

from bench.pdf import registrar


@registrar("acta")
def acta_grande():
    """An acta with 120 attendees, 60 interventions and 40 agreements."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from actores.models import Actor
    from mesas.models import Acuerdo, Asistencia, Intervencion, Mesa, Sesion

    mesa = Mesa.objects.order_by("pk").first()
    sesion, creada = Sesion.objects.get_or_create(
        mesa=mesa,
        numero=999,
        defaults={
            "inicio": timezone.now() - timedelta(days=2),
            "fin": timezone.now() - timedelta(days=2) + timedelta(hours=4),
            "lugar": "Auditorio del Gobierno Provincial",
            "objetivo": "Sesión de referencia del benchmark de actas.",
            "estado": Sesion.Estado.ACTA_PUBLICADA,
            "acta_version": 1,
        },
    )
    if creada:
        actores = list(Actor.objects.order_by("pk")[:120])
        Asistencia.objects.bulk_create([Asistencia(sesion=sesion, actor=a) for a in actores])
        tipos = [t for t, _ in Intervencion.Tipo.choices]
        Intervencion.objects.bulk_create(
            [
                Intervencion(
                    sesion=sesion,
                    actor=actores[i % len(actores)],
                    tipo=tipos[i % len(tipos)],
                    resumen=(
                        "Propone articular la oferta turística de las parroquias con los "
                        "productores locales y pide datos de visitantes por cantón. " * 2
                    ),
                )
                for i in range(60)
            ]
        )
        Acuerdo.objects.bulk_create(
            [
                Acuerdo(
                    sesion=sesion,
                    numero=n,
                    texto=(
                        f"Acuerdo {n}: la mesa se compromete a levantar la línea base y a "
                        "presentar una propuesta conjunta antes de la próxima sesión."
                    ),
                    plazo=date.today() + timedelta(days=30 + n),
                )
                for n in range(1, 41)
            ]
        )
    coordinadora = get_user_model().objects.get(username="coordinadora")
    return sesion, "acta", coordinadora


@registrar("informe")
def informe_mensual():
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from pactos.models import InformeProgreso
    from pactos.services.informe_progreso import periodo_mes_anterior

    desde, hasta = periodo_mes_anterior(hoy=timezone.localdate())
    informe, _ = InformeProgreso.objects.get_or_create(
        numero=999, defaults={"desde": desde, "hasta": hasta}
    )
    coordinadora = get_user_model().objects.get(username="coordinadora")
    return informe, "informe_progreso", coordinadora
