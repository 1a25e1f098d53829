"""Views of actores: each states its permission and its object (core.vistas); an action view
states its form and calls one service."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.cache import PaginaPublicaMixin
from core.exportar import respuesta_descarga
from core.historial import historial_para
from core.permisos import exigir_permiso
from core.rules import es_coordinador
from core.vistas import PUBLICO, SoloPost, VistaAccion, VistaStaff, objeto_o_404, paginar
from sie.models import Canton

from . import importacion as imp
from .analisis import mapa_de, red_de
from .filters import ActorFilter, MapaFilter
from .forms import (
    ActorForm,
    AsignacionForm,
    FusionarForm,
    ImportarForm,
    MembresiaForm,
    PosicionForm,
    RelacionForm,
)
from .models import CAMPOS_PERSONALES, Actor, AsignacionTerritorial, Importacion, Relacion
from .participacion import secciones_para
from .selectors import (
    actor_para_detalle,
    actores_visibles,
    con_relaciones_de_lista,
    describir_asignaciones,
    encaja_en_asignacion,
    grupos_de_duplicados,
    organizaciones_publicas,
)
from .services import (
    actor_actualizar,
    actor_cambiar_posicion,
    actor_crear,
    actores_fusionar,
    asignacion_crear,
    asignacion_eliminar,
    membresia_crear,
    relacion_crear,
    relacion_eliminar,
)


def _exigir_territorio(usuario, *, canton, sectores, mensaje: str) -> None:
    """A facilitator writes only actors of their cantons and sectors (coordination everywhere)."""
    if es_coordinador(usuario) or encaja_en_asignacion(
        usuario=usuario,
        canton_id=canton.pk if canton else None,
        sector_ids=[s.pk for s in sectores],
    ):
        return
    raise ValidationError(mensaje % {"a": describir_asignaciones(usuario=usuario)})


def _limite_facilitador(usuario):
    """For facilitators, a check per imported row against their cantons and sectors."""
    if es_coordinador(usuario):  # coordination: no territorial limit
        return None

    def limite(fila: imp.FilaActor) -> str | None:
        if fila.existente is not None and not usuario.has_perm(
            "actores.editar_actor", Actor.objects.get(pk=fila.existente.pk)
        ):
            return _(
                "Actualizaría a «%(n)s», que no pertenece a sus cantones o sectores asignados."
            ) % {"n": fila.existente.nombre}
        try:
            _exigir_territorio(
                usuario,
                canton=fila.datos.get("canton"),
                sectores=fila.sectores,
                mensaje=_("Está fuera de sus cantones o sectores asignados (%(a)s)."),
            )
        except ValidationError as e:
            return e.messages[0]
        return None

    return limite


def _filtrado(request, filtro_class, base):
    """The filter bound to the query string, and the actors it selects (all without filters)."""
    filtro = filtro_class(request.GET or None, queryset=base)
    return filtro, (filtro.qs if filtro.is_bound else base)


# --- List, export ------------------------------------------------------------------------------


class ActorListaView(VistaStaff):
    permiso = "actores.ver_mapa"
    template_name = "actores/lista.html"

    def get_context_data(self, **kwargs):
        base = con_relaciones_de_lista(actores=actores_visibles(usuario=self.request.user))
        filtro, qs = _filtrado(self.request, ActorFilter, base)
        pagina = paginar(self.request, qs.order_by("nombre", "pk"))
        parametros = self.request.GET.copy()
        parametros.pop("page", None)
        return super().get_context_data(
            filtro=filtro,
            pagina=pagina,
            actores=pagina.object_list,
            parametros=parametros.urlencode(),
            puede_crear=self.puede("actores.crear_actor"),
            puede_importar=self.puede("actores.importar"),
            puede_fusionar=self.puede("actores.fusionar"),
            **kwargs,
        )


COLUMNAS_EXPORTACION = [
    ("id", gettext_lazy("id")),
    ("naturaleza", gettext_lazy("naturaleza")),
    ("nombre", gettext_lazy("nombre")),
    ("siglas", gettext_lazy("siglas")),
    ("tipo", gettext_lazy("tipo")),
    ("ambito", gettext_lazy("ámbito")),
    ("canton", gettext_lazy("cantón")),
    ("parroquia", gettext_lazy("parroquia")),
    ("ejes", gettext_lazy("ejes")),
    ("sectores", gettext_lazy("sectores")),
    ("influencia", gettext_lazy("influencia")),
    ("interes", gettext_lazy("interés")),
    ("posicion", gettext_lazy("posición")),
    ("visible_publico", gettext_lazy("visible en el portal")),
    ("activo", gettext_lazy("activo")),
]
COLUMNAS_PERSONALES_EXPORTACION = [
    ("nombres", gettext_lazy("nombres")),
    ("apellidos", gettext_lazy("apellidos")),
    ("email", gettext_lazy("correo")),
    ("telefono", gettext_lazy("teléfono")),
    ("identificacion", gettext_lazy("cédula/RUC")),
    ("genero", gettext_lazy("género")),
    ("consentimiento_datos", gettext_lazy("consentimiento")),
    ("consentimiento_fecha", gettext_lazy("fecha del consentimiento")),
    ("consentimiento_finalidad", gettext_lazy("finalidad del consentimiento")),
]


def _fila_exportacion(a: Actor, columnas) -> list:
    valores = {
        "id": a.pk,
        "naturaleza": a.naturaleza,
        "nombre": a.nombre,
        "siglas": a.siglas,
        "tipo": a.tipo,
        "ambito": a.ambito,
        "canton": a.canton.nombre if a.canton_id else "",
        "parroquia": a.parroquia.nombre if a.parroquia_id else "",
        "ejes": "; ".join(e.codigo for e in a.ejes.all()),
        "sectores": "; ".join(s.nombre for s in a.sectores.all()),
        "influencia": a.influencia,
        "interes": a.interes,
        "posicion": a.posicion,
        "visible_publico": "sí" if a.visible_publico else "no",
        "activo": "sí" if a.activo else "no",
        "nombres": a.nombres,
        "apellidos": a.apellidos,
        "email": a.email,
        "telefono": str(a.telefono) if a.telefono else "",
        "identificacion": a.identificacion,
        "genero": a.genero,
        "consentimiento_datos": "sí" if a.consentimiento_datos else "no",
        "consentimiento_fecha": a.consentimiento_fecha.isoformat()
        if a.consentimiento_fecha
        else "",
        "consentimiento_finalidad": a.consentimiento_finalidad,
    }
    return [valores[c] for c, _t in columnas]


class ActorExportarView(VistaStaff):
    """CSV or XLSX of the filtered list. Personal data only with exportar_datos_personales."""

    permiso = "actores.exportar"

    def get(self, request, formato: str):
        if formato not in ("csv", "xlsx"):
            raise Http404
        base = con_relaciones_de_lista(actores=actores_visibles(usuario=request.user))
        _filtro, qs = _filtrado(request, ActorFilter, base)
        columnas = list(COLUMNAS_EXPORTACION)
        if request.GET.get("personales") == "1":
            exigir_permiso(request.user, "actores.exportar_datos_personales")
            columnas += COLUMNAS_PERSONALES_EXPORTACION
        return respuesta_descarga(
            nombre=f"actores-{timezone.localdate():%Y%m%d}",
            cabecera=[str(t) for _c, t in columnas],
            filas=(_fila_exportacion(a, columnas) for a in qs.order_by("nombre", "pk")),
            formato=formato,
            titulo=_("Actores"),
        )


# --- Detail --------------------------------------------------------------------------------------


# What the history shows only to those who may see personal data: the contact and identification
# fields and the consent given (the page's "Contacto e identificación" card).
CAMPOS_PERSONALES_HISTORIAL = {
    *CAMPOS_PERSONALES,
    "consentimiento_datos",
    "consentimiento_fecha",
    "consentimiento_finalidad",
    "consentimiento_nombre_publico",
}


class ActorDetalleView(PaginaPublicaMixin, VistaStaff):
    """Staff see the whole record; anyone else sees a public organisation's public card only
    (actores.ver_actor admits anonymous visitors for public actors)."""

    permiso = "actores.ver_actor"
    regla_admite_anonimos = True

    def cargar_objeto(self):
        return objeto_o_404(Actor.objects.select_related("canton"), pk=self.kwargs["pk"])

    def get(self, request, pk: int):
        if not self.puede("actores.ver_mapa"):
            actor = organizaciones_publicas().get(pk=pk)
            return render(request, "actores/publico_detalle.html", {"actor": actor})
        return render(request, "actores/detalle.html", self._contexto_staff(pk))

    def _contexto_staff(self, pk: int) -> dict:
        actor = self.objeto = actor_para_detalle(usuario=self.request.user, pk=pk)
        puede_editar = self.puede("actores.editar_actor")
        ver_personales = self.puede("actores.ver_datos_personales")
        mapa = {c: getattr(actor, c) for c in ("influencia", "interes", "posicion")}
        return {
            "actor": actor,
            "ver_personales": ver_personales,
            "historial": historial_para(
                self.request,
                actor.history.all(),
                personales=CAMPOS_PERSONALES_HISTORIAL,
                ver_personales=ver_personales,
            ),
            "puede_editar": puede_editar,
            "puede_posicion": self.puede("actores.cambiar_posicion"),
            "puede_relaciones": self.puede("actores.gestionar_relaciones"),
            "form_posicion": PosicionForm(initial=mapa),
            "form_relacion": RelacionForm(origen=actor) if puede_editar else None,
            "form_membresia": MembresiaForm() if puede_editar and actor.es_persona else None,
            "secciones": secciones_para(actor, self.request.user, request=self.request),
            "relaciones": sorted(
                [("saliente", r, r.destino) for r in actor.relaciones_salientes.all()]
                + [("entrante", r, r.origen) for r in actor.relaciones_entrantes.all()],
                key=lambda t: (t[1].tipo, t[2].nombre),
            ),
        }


# --- Create / edit -------------------------------------------------------------------------------


def _datos_de(form, *, usuario, fuera_de_territorio: str) -> dict:
    """The service's arguments from ActorForm (model fields, ejes, sectores, motivo), once the
    actor is known to fall within the user's territories."""
    datos = {k: v for k, v in form.cleaned_data.items() if k not in ("ejes", "sectores", "motivo")}
    if datos.get("telefono") is None:
        datos["telefono"] = ""
    sectores = list(form.cleaned_data.get("sectores") or [])
    _exigir_territorio(
        usuario, canton=datos.get("canton"), sectores=sectores, mensaje=fuera_de_territorio
    )
    return {
        "datos": datos,
        "ejes": list(form.cleaned_data.get("ejes") or []),
        "sectores": sectores,
        "motivo": form.cleaned_data.get("motivo") or "",
    }


class ActorCrearView(VistaAccion):
    permiso = "actores.crear_actor"
    form_class = ActorForm
    template_name = "actores/formulario.html"
    initial = {"naturaleza": Actor.Naturaleza.ORGANIZACION}
    extra_context = {"titulo": gettext_lazy("Nuevo actor")}

    def ejecutar(self, form):
        fuera = _("Solo puede registrar actores de sus cantones o sectores asignados: %(a)s.")
        argumentos = _datos_de(form, usuario=self.request.user, fuera_de_territorio=fuera)
        actor = actor_crear(usuario=self.request.user, **argumentos)
        self.mensaje_exito = _("Se registró a «%(n)s».") % {"n": actor.nombre}
        return actor

    def get_success_url(self):
        return self.resultado.get_absolute_url()


class ActorEditarView(VistaAccion):
    permiso = "actores.editar_actor"
    form_class = ActorForm
    template_name = "actores/formulario.html"

    def cargar_objeto(self):
        return objeto_o_404(
            Actor.objects.prefetch_related("sectores", "ejes"), pk=self.kwargs["pk"]
        )

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "instance": self.objeto,
            "mostrar_personales": self.puede("actores.ver_datos_personales"),
        }

    def get_context_data(self, **kwargs):
        titulo = _("Editar «%(n)s»") % {"n": self.objeto.nombre}
        return super().get_context_data(actor=self.objeto, titulo=titulo, **kwargs)

    def ejecutar(self, form):
        fuera = _("El actor quedaría fuera de sus cantones o sectores asignados: %(a)s.")
        argumentos = _datos_de(form, usuario=self.request.user, fuera_de_territorio=fuera)
        actor_actualizar(actor=self.objeto, usuario=self.request.user, **argumentos)
        self.mensaje_exito = _("Se guardaron los cambios de «%(n)s».") % {"n": self.objeto.nombre}


class _AccionSobreActor(VistaAccion):
    """A small form about one actor, posted from the actor's page and shown again there
    (form_simple.html) when it has errors; back to that page afterwards."""

    template_name = "actores/form_simple.html"
    titulo = ""
    ancla = "#relaciones"

    def cargar_objeto(self):
        return objeto_o_404(Actor.objects.prefetch_related("sectores"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(actor=self.objeto, titulo=self.titulo, **kwargs)

    def get_success_url(self):
        return self.objeto.get_absolute_url() + self.ancla


class PosicionCambiarView(SoloPost, _AccionSobreActor):
    permiso = "actores.cambiar_posicion"
    form_class = PosicionForm
    titulo = gettext_lazy("Cambiar posición en el mapa")
    mensaje_exito = gettext_lazy("Se registró el cambio de posición en el mapa.")
    ancla = ""

    def ejecutar(self, form):
        return actor_cambiar_posicion(
            actor=self.objeto, usuario=self.request.user, **form.cleaned_data
        )


class RelacionCrearView(SoloPost, _AccionSobreActor):
    permiso = "actores.gestionar_relaciones"
    form_class = RelacionForm
    titulo = gettext_lazy("Añadir relación")
    mensaje_exito = gettext_lazy("Se añadió la relación.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"origen": self.objeto}

    def ejecutar(self, form):
        return relacion_crear(origen=self.objeto, usuario=self.request.user, **form.cleaned_data)


class MembresiaCrearView(SoloPost, _AccionSobreActor):
    permiso = "actores.gestionar_relaciones"
    form_class = MembresiaForm
    titulo = gettext_lazy("Añadir membresía")
    mensaje_exito = gettext_lazy("Se añadió la membresía.")

    def ejecutar(self, form):
        return membresia_crear(persona=self.objeto, usuario=self.request.user, **form.cleaned_data)


class RelacionEliminarView(SoloPost, _AccionSobreActor):
    """The permission is the one of the relation's origin actor."""

    permiso = "actores.gestionar_relaciones"
    form_class = forms.Form
    titulo = gettext_lazy("Eliminar relación")
    mensaje_exito = gettext_lazy("Se eliminó la relación.")

    def cargar_objeto(self):
        self.relacion = objeto_o_404(
            Relacion.objects.select_related("origen"), pk=self.kwargs["pk"]
        )
        return self.relacion.origen

    def ejecutar(self, form):
        relacion_eliminar(relacion=self.relacion, usuario=self.request.user)


# --- Map and network -----------------------------------------------------------------------------


class _VistaDelMapa(VistaStaff):
    """The map and the network: the active actors the user sees, filtered by MapaFilter."""

    permiso = "actores.ver_mapa"

    def get_context_data(self, **kwargs):
        base = actores_visibles(usuario=self.request.user).filter(activo=True)
        filtro, qs = _filtrado(self.request, MapaFilter, base)
        return super().get_context_data(filtro=filtro, **self.contexto_de(qs), **kwargs)

    def contexto_de(self, actores) -> dict:
        raise NotImplementedError


class ActorMapaView(_VistaDelMapa):
    template_name = "actores/mapa.html"

    def contexto_de(self, actores) -> dict:
        parametros = self.request.GET.urlencode()
        return {"mapa": mapa_de(actores), "parametros": parametros, "escala": range(1, 6)}


class ActorRedView(_VistaDelMapa):
    template_name = "actores/red.html"

    def contexto_de(self, actores) -> dict:
        return {"red": red_de(actores)}


# --- Import ----------------------------------------------------------------------------------------


class ImportacionCrearView(VistaAccion):
    """Upload a file: its preview is shown at once (nothing is written to the actors)."""

    permiso = "actores.importar"
    form_class = ImportarForm
    template_name = "actores/importar.html"

    def get_context_data(self, **kwargs):
        recientes = Importacion.objects.filter(subido_por=self.request.user)[:5]
        return super().get_context_data(columnas=imp.COLUMNAS, recientes=recientes, **kwargs)

    def ejecutar(self, form):
        return imp.importacion_crear(
            archivo=form.cleaned_data["archivo"],
            usuario=self.request.user,
            limite_territorial=_limite_facilitador(self.request.user),
        )

    def form_valid(self, form):
        importacion, prev = self.resultado
        contexto = {"importacion": importacion, "prev": prev}
        return render(self.request, "actores/importar_previa.html", contexto)


class ImportacionAplicarView(SoloPost, VistaAccion):
    permiso = "actores.importar"
    form_class = forms.Form
    template_name = "actores/importar.html"
    success_url = reverse_lazy("actores:lista")

    def cargar_objeto(self):
        return objeto_o_404(Importacion, pk=self.kwargs["pk"])

    def ejecutar(self, form):
        if self.objeto.subido_por_id != self.request.user.pk:
            raise Http404  # someone else's upload: for this person it does not exist
        prev = imp.importacion_aplicar(
            importacion=self.objeto,
            usuario=self.request.user,
            limite_territorial=_limite_facilitador(self.request.user),
        )
        self.mensaje_exito = _(
            "Importación completa: %(c)d actores creados y %(a)d actualizados."
        ) % {"c": prev.crear, "a": prev.actualizar}

    def form_invalid(self, form, status=400):
        # A confirmation button has nothing typed to keep: the reason, and back to the upload.
        messages.error(self.request, " ".join(form.non_field_errors()))
        return redirect("actores:importar")


EJEMPLO_PLANTILLA = {
    "naturaleza": "organizacion",
    "nombre": "Asociación de Ganaderos de Machachi",
    "siglas": "AGM",
    "tipo": "privado",
    "ambito": "cantonal",
    "canton": "Mejía",
    "ejes": "agropecuario",
    "sectores": "Leche y derivados",
    "email": "contacto@example.org",
    "telefono": "0991234567",
    "influencia": "3",
    "interes": "4",
    "posicion": "apoya",
    "consentimiento_datos": "sí",
    "consentimiento_fecha": "2026-01-15",
    "consentimiento_finalidad": "Convocatoria a las mesas",
    "visible_publico": "sí",
}


class ImportacionPlantillaView(VistaStaff):
    permiso = "actores.importar"

    def get(self, request):
        return respuesta_descarga(
            nombre="plantilla-actores",
            cabecera=imp.COLUMNAS,
            filas=[[EJEMPLO_PLANTILLA.get(c, "") for c in imp.COLUMNAS]],
        )


# --- Duplicates and merge -------------------------------------------------------------------------


class ActorFusionarView(VistaAccion):
    """The possible duplicates (GET) and the merge of two of them (POST)."""

    permiso = "actores.fusionar"
    form_class = FusionarForm
    template_name = "actores/duplicados.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(grupos=grupos_de_duplicados(), **kwargs)

    def ejecutar(self, form):
        conservar, duplicado = form.cleaned_data["conservar"], form.cleaned_data["duplicado"]
        self.mensaje_exito = _(
            "«%(d)s» se fusionó en «%(c)s»; se conservaron sus relaciones y participaciones."
        ) % {"d": duplicado.nombre, "c": conservar.nombre}
        actores_fusionar(conservar=conservar, duplicado=duplicado, usuario=self.request.user)
        return conservar

    def get_success_url(self):
        return self.resultado.get_absolute_url()


# --- Public -------------------------------------------------------------------------------------


class ParticipanteListaView(PaginaPublicaMixin, VistaStaff):
    """Public: the organisations that take part and agreed to appear. No personal data."""

    permiso = PUBLICO
    template_name = "actores/participantes.html"

    def get_context_data(self, **kwargs):
        canton = self.request.GET.get("canton", "")
        tipo = self.request.GET.get("tipo", "")
        tipo = tipo if tipo in Actor.Tipo.values else ""
        qs = organizaciones_publicas(canton=canton, tipo=tipo)
        return super().get_context_data(
            pagina=paginar(self.request, qs, por_pagina=30),
            cantones=Canton.objects.order_by("codigo"),
            tipos=Actor.Tipo.choices,
            canton_elegido=canton or "",
            tipo_elegido=tipo or "",
            **kwargs,
        )


# --- Territories of facilitation ------------------------------------------------------------------


class AsignacionCrearView(VistaAccion):
    """Coordination assigns cantons and sectors to facilitators (what they may maintain)."""

    permiso = "actores.asignar_territorios"
    form_class = AsignacionForm
    template_name = "actores/asignaciones.html"
    success_url = reverse_lazy("actores:asignaciones")
    mensaje_exito = gettext_lazy("Se guardó la asignación.")

    def get_context_data(self, **kwargs):
        asignaciones = AsignacionTerritorial.objects.select_related(
            "usuario", "canton", "sector"
        ).order_by("usuario__username", "canton__codigo", "sector__nombre")
        return super().get_context_data(asignaciones=asignaciones, **kwargs)

    def ejecutar(self, form):
        return asignacion_crear(usuario=self.request.user, **form.cleaned_data)


class AsignacionEliminarView(SoloPost, VistaAccion):
    permiso = "actores.asignar_territorios"
    form_class = forms.Form
    template_name = "actores/asignaciones.html"
    success_url = reverse_lazy("actores:asignaciones")
    mensaje_exito = gettext_lazy("Se quitó la asignación.")

    def cargar_objeto(self):
        return objeto_o_404(AsignacionTerritorial, pk=self.kwargs["pk"])

    def ejecutar(self, form):
        asignacion_eliminar(usuario=self.request.user, asignacion=self.objeto)
