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
        valores = {
            "consentimiento_sms": not whatsapp,
            "consentimiento_whatsapp": whatsapp,
            "canal_preferido": Actor.CanalPreferido.WHATSAPP
            if whatsapp
            else Actor.CanalPreferido.SMS,
        }
        if not persona.consentimiento_datos:
            valores.update(
                consentimiento_datos=True,
                consentimiento_fecha=timezone.localdate(),
                consentimiento_finalidad="Convocatorias y seguimiento del programa",
            )
        if all(getattr(persona, campo) == valor for campo, valor in valores.items()):
            continue  # loading the demo twice changes nothing
        for campo, valor in valores.items():
            setattr(persona, campo, valor)
        persona.save()
    return f"{len(personas)} personas con SMS o WhatsApp"
