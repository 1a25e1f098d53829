"""The actor page's section on pactos: commitments the organisation leads or partners in."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from core.rules import es_personal

from .models.pactos import Compromiso, Pacto


def compromisos_del_actor(actor, user) -> dict | None:
    qs = Compromiso.objects.filter(Q(lider=actor) | Q(socios=actor)).distinct()
    if not es_personal(user):
        qs = qs.filter(pacto__estado=Pacto.Estado.PUBLICADO)
    compromisos = list(qs.select_related("pacto").order_by("pacto__titulo", "numero")[:50])
    for c in compromisos:
        c.es_lider = c.lider_id == actor.pk
    return {
        "template": "pactos/compromiso/participacion.html",
        "contexto": {"compromisos_actor": compromisos},
        "total": len(compromisos),
        "vacio": _("No es responsable de compromisos de los pactos.") if not compromisos else None,
    }


def contactos_del_actor(actor, user) -> dict | None:
    """The organisation's contact persons, for who may link them (their e-mails are personal)."""
    if actor.naturaleza != actor.Naturaleza.ORGANIZACION or not user.has_perm(
        "pactos.gestionar_contactos"
    ):
        return None
    from .selectors.pactos import contactos_de_organizacion

    contactos = list(contactos_de_organizacion(actor=actor))
    return {
        "template": "pactos/compromiso/contactos_actor.html",
        "contexto": {"contactos_actor": contactos},
        "total": len(contactos),
    }


def organizaciones_de_persona(persona, usuario) -> dict | None:
    """The section "Contacto de organizaciones" of a person's page (/panel/personas/<pk>/)."""
    contactos = list(
        persona.contactos_responsable.select_related("actor").order_by("actor__nombre")
    )
    if not contactos:
        return None
    return {
        "template": "pactos/compromiso/contactos_persona.html",
        "contexto": {
            "contactos_persona": contactos,
            "puede_gestionar": usuario.has_perm("pactos.gestionar_contactos"),
        },
    }
