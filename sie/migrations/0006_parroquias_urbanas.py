"""The urban parishes of Pichincha, and the INEC code of every parish.

Until now only the rural parishes were loaded, so a place in a cantonal seat (the Coliseo de
Cayambe) could only be filed under a rural parish. This adds the urban parishes: Quito's 32,
Cayambe's 3 (Ayora, Cayambe, Juan Montalvo), Sangolquí's 3 (Sangolquí, San Pedro de Taboada,
San Rafael) and, where the seat is not divided, the seat itself (Machachi, Tabacundo, San Miguel
de los Bancos, Pedro Vicente Maldonado, Puerto Quito), and writes the 6-digit code of each
parish, urban and rural (sie.referencia.PARROQUIAS_URBANAS and CODIGOS_RURALES).

Source: INEC, Clasificador Geográfico Estadístico — División Político Administrativa (DPA), the
codification the 2022 census uses (province 17, canton 2 digits, parish 2 digits: 01–49 urban
parishes of a divided seat, 50 the cantonal seat, 51 on rural parishes). Checked against two
public copies of that codification: the parish table of the INEC DPA as loaded by
github.com/WSteeven/erpback (database/seeders/ParroquiaSeeder.php, every Pichincha code listed
here, e.g. 170201 Ayora, 170202 Cayambe, 170203 Juan Montalvo, 170501–170503 Sangolquí's) and a
second listing with the same codes in 8-digit form (17005002 San Pedro de Taboada, 17005003 San
Rafael, 17005050 Sangolquí, 17001080 San Antonio). Codes left by the DPA to parishes now in other
cantons (170167 Mindo, 170173, 170182, 170187) are not used.

Idempotent: parishes are found by canton and name, so a database that already has one of them
gets its code and type instead of a duplicate.
"""

from django.db import migrations
from django.db.models import ProtectedError

from sie.referencia import CODIGOS_RURALES, PARROQUIAS_URBANAS


def cargar(apps, schema_editor):
    Canton = apps.get_model("sie", "Canton")
    Parroquia = apps.get_model("sie", "Parroquia")
    cantones = {c.codigo: c for c in Canton.objects.all()}
    for codigo_canton, codigos in CODIGOS_RURALES.items():
        canton = cantones.get(codigo_canton)
        if canton is None:
            continue
        for nombre, codigo in codigos.items():
            Parroquia.objects.filter(canton=canton, nombre=nombre).update(codigo=codigo)
    for codigo_canton, parroquias in PARROQUIAS_URBANAS.items():
        canton = cantones.get(codigo_canton)
        if canton is None:
            continue
        for codigo, nombre in parroquias:
            Parroquia.objects.update_or_create(
                canton=canton, nombre=nombre, defaults={"codigo": codigo, "tipo": "urbana"}
            )


def descargar(apps, schema_editor):
    Parroquia = apps.get_model("sie", "Parroquia")
    codigos = [codigo for lista in PARROQUIAS_URBANAS.values() for codigo, _ in lista]
    for parroquia in Parroquia.objects.filter(codigo__in=codigos, tipo="urbana"):
        try:
            parroquia.delete()
        except ProtectedError:  # referenced by an event or a session: kept
            pass


class Migration(migrations.Migration):
    dependencies = [("sie", "0005_parroquia_codigo_inec")]
    operations = [migrations.RunPython(cargar, descargar)]
