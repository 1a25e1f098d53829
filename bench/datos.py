"""Builds one bench dataset: the demo (1×) plus synthetic rows so that factor f has about
f × (500 actors, 50 sessions, 3,000 attendances, 200 agreements, 10,000 measurements,
20 commitments of the published pactos). 100× is therefore about 50,000 actors, 5,000 sessions,
300,000 attendances and 1,000,000 measurements, as issue 10 asks.

python -m bench.datos --factor 10   (run by `python -m bench` against a bench database)
"""

import argparse
import os
import random
import time
from datetime import date, datetime, timedelta
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

POR_FACTOR = {
    "actores": 500,
    "sesiones": 50,
    "asistencias_por_sesion": 60,
    "acuerdos_por_sesion": 4,
    "mediciones": 10_000,
    "compromisos": 20,
}
LOTE = 5000


def _actores(objetivo: int, azar: random.Random) -> None:
    from actores.models import Actor
    from actores.validadores import normalizar_nombre
    from sie.models import Canton

    faltan = objetivo - Actor.objects.count()
    if faltan <= 0:
        return
    cantones = list(Canton.objects.all())
    tipos = [t for t, _ in Actor.Tipo.choices]
    generos = ["mujer", "hombre", "otro", "no_informa"]
    nuevos = []
    for i in range(faltan):
        persona = i % 3 != 0
        nombre = f"Persona sintética {i}" if persona else f"Asociación sintética {i}"
        nuevos.append(
            Actor(
                naturaleza="persona" if persona else "organizacion",
                nombre=nombre,
                nombre_normalizado=normalizar_nombre(nombre),
                tipo=azar.choice(tipos),
                ambito="cantonal",
                canton=azar.choice(cantones),
                genero=azar.choice(generos) if persona else "",
                influencia=azar.randint(1, 5),
                interes=azar.randint(1, 5),
                posicion=azar.choice(["apoya", "neutral", "se_opone", "desconocida"]),
            )
        )
    Actor.objects.bulk_create(nuevos, batch_size=LOTE)


def _sesiones(factor: int, azar: random.Random) -> None:
    from django.utils import timezone

    from actores.models import Actor
    from mesas.models import Acuerdo, Asistencia, Mesa, Sesion

    objetivo = factor * POR_FACTOR["sesiones"]
    mesas = list(Mesa.objects.all())
    faltan = objetivo - Sesion.objects.count()
    if faltan <= 0 or not mesas:
        return
    numeros = {
        m.pk: (m.sesiones.order_by("-numero").values_list("numero", flat=True).first() or 0)
        for m in mesas
    }
    actores = list(Actor.objects.values_list("pk", flat=True)[:20000])
    inicio = timezone.make_aware(datetime(2024, 1, 8, 9, 0))
    sesiones = []
    for i in range(faltan):
        mesa = mesas[i % len(mesas)]
        numeros[mesa.pk] += 1
        comienzo = inicio + timedelta(days=7 * (i // len(mesas)))
        sesiones.append(
            Sesion(
                mesa=mesa,
                numero=numeros[mesa.pk],
                inicio=comienzo,
                fin=comienzo + timedelta(hours=3),
                lugar="Casa comunal",
                objetivo="Sesión sintética para medir el portal con volumen.",
                estado="acta_publicada",
                cerrada_en=comienzo + timedelta(hours=3),
                publicada_en=comienzo + timedelta(days=2),
            )
        )
    Sesion.objects.bulk_create(sesiones, batch_size=LOTE)
    nuevas = list(
        Sesion.objects.filter(objetivo__startswith="Sesión sintética").values_list("pk", flat=True)
    )
    asistencias, acuerdos = [], []
    for sesion_id in nuevas:
        for actor_id in azar.sample(
            actores, min(len(actores), POR_FACTOR["asistencias_por_sesion"])
        ):
            asistencias.append(Asistencia(sesion_id=sesion_id, actor_id=actor_id))
        for n in range(1, POR_FACTOR["acuerdos_por_sesion"] + 1):
            acuerdos.append(
                Acuerdo(
                    sesion_id=sesion_id,
                    numero=n,
                    texto=f"Acuerdo sintético {n} de la sesión {sesion_id}.",
                )
            )
        if len(asistencias) >= 50_000:
            Asistencia.objects.bulk_create(asistencias, batch_size=LOTE, ignore_conflicts=True)
            asistencias = []
    Asistencia.objects.bulk_create(asistencias, batch_size=LOTE, ignore_conflicts=True)
    Acuerdo.objects.bulk_create(acuerdos, batch_size=LOTE)


def _mediciones(factor: int, azar: random.Random) -> None:
    from sie.models import Canton, Indicador, Medicion

    objetivo = factor * POR_FACTOR["mediciones"]
    faltan = objetivo - Medicion.objects.count()
    if faltan <= 0:
        return
    indicadores = list(Indicador.objects.all())
    cantones = list(Canton.objects.all())
    hoy = date.today()
    lote, creadas = [], 0
    # Monthly synthetic series from 1990, one category per block, until the target is reached.
    for categoria in range(1000):
        for indicador in indicadores:
            for canton in cantones:
                for mes in range(12 * 30):
                    anio, m = 1990 + mes // 12, mes % 12 + 1
                    lote.append(
                        Medicion(
                            indicador=indicador,
                            territorio=canton.codigo,
                            canton=canton,
                            periodo=f"{anio}-{m:02d}",
                            fecha_periodo=date(anio, m, 1),
                            desagregacion="bench",
                            categoria=f"c{categoria}",
                            valor=Decimal(azar.randint(1, 100_000)),
                            fuente="Serie sintética del benchmark",
                            fecha_dato=hoy,
                            estado="publicada",
                        )
                    )
                    creadas += 1
                    if len(lote) >= LOTE:
                        Medicion.objects.bulk_create(lote, batch_size=LOTE, ignore_conflicts=True)
                        lote = []
                    if creadas >= faltan:
                        Medicion.objects.bulk_create(lote, batch_size=LOTE, ignore_conflicts=True)
                        return
    Medicion.objects.bulk_create(lote, batch_size=LOTE, ignore_conflicts=True)


def _compromisos(factor: int, azar: random.Random) -> None:
    from actores.models import Actor
    from pactos.models import Compromiso, Pacto

    for pacto in Pacto.objects.filter(estado="publicado"):
        existentes = pacto.compromisos.count()
        objetivo = factor * POR_FACTOR["compromisos"]
        if existentes >= objetivo:
            continue
        lider = Actor.objects.filter(naturaleza="organizacion").order_by("pk").first()
        siguiente = (
            pacto.compromisos.order_by("-numero").values_list("numero", flat=True).first() or 0
        ) + 1
        Compromiso.objects.bulk_create(
            [
                Compromiso(
                    pacto=pacto,
                    numero=siguiente + i,
                    titulo=f"Compromiso sintético {siguiente + i}",
                    texto="Compromiso creado para medir el portal con volumen.",
                    lider=lider,
                    plazo=date(2027, 12, 31),
                )
                for i in range(objetivo - existentes)
            ],
            batch_size=LOTE,
        )


def construir(factor: int) -> None:
    from django.core.management import call_command

    azar = random.Random(factor)
    pasos = [
        ("demo", lambda: call_command("cargar_demo", verbosity=0)),
        ("actores", lambda: _actores(factor * POR_FACTOR["actores"], azar)),
        ("sesiones", lambda: _sesiones(factor, azar)),
        ("mediciones", lambda: _mediciones(factor, azar)),
        ("compromisos", lambda: _compromisos(factor, azar)),
    ]
    for nombre, paso in pasos:
        inicio = time.perf_counter()
        paso()
        print(f"  {nombre}: {time.perf_counter() - inicio:.1f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factor", type=int, required=True)
    args = parser.parse_args()
    import django

    django.setup()
    construir(args.factor)


if __name__ == "__main__":
    main()
