"""Demo data of canales: a few people of Cayambe's table reached by SMS (and one by WhatsApp),
with their consent recorded, so a convocation in the demo also leaves by text."""

from __future__ import annotations

from django.utils import timezone

from actores.models import Actor


def cargar_demo_canales(*, usuarios=None, salida=None) -> str:
    personas = [
        a
        for a in Actor.objects.filter(
            naturaleza=Actor.Naturaleza.PERSONA, canton__codigo="1702", activo=True
        ).order_by("nombre")[:40]
        if a.es_celular
    ][:4]
    for n, persona in enumerate(personas):
        whatsapp = n == 3
        persona.consentimiento_sms = not whatsapp
        persona.consentimiento_whatsapp = whatsapp
        persona.canal_preferido = (
            Actor.CanalPreferido.WHATSAPP if whatsapp else Actor.CanalPreferido.SMS
        )
        if not persona.consentimiento_datos:
            persona.consentimiento_datos = True
            persona.consentimiento_fecha = timezone.localdate()
            persona.consentimiento_finalidad = "Convocatorias y seguimiento del programa"
        persona.save()
    return f"{len(personas)} personas con SMS o WhatsApp"
