"""Views of actores: thin — check the rule, run the form, call one service, render."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.exportar import escritor_csv, fila_segura
from core.permisos import AccesoDenegado, PermisoRequeridoMixin, exigir_permiso
from core.rules import es_coordinador
from core.validadores import id_de_formulario
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
from .models import Actor, AsignacionTerritorial, Importacion, Relacion
from .participacion import secciones_para
from .selectors import (
    actor_para_detalle,
    actores_publicos,
    actores_visibles,
    con_relaciones_de_lista,
    describir_asignaciones,
    encaja_en_asignacion,
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

POR_PAGINA = 25


def _errores_a_formulario(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for campo, lista in error.error_dict.items():
            destino = campo if campo in form.fields else None
            for e in lista:
                form.add_error(destino if campo != NON_FIELD_ERRORS else None, e)
    else:
        form.add_error(None, error)


def _limite_facilitador(user):
    """For facilitators, a check per imported row against their cantons and sectors."""
    if es_coordinador(user):  # coordination: no territorial limit
        return None

    def limite(fila):
        sectores = [s.pk for s in fila.sectores]
        canton = fila.datos.get("canton")
        if fila.existente is not None:
            actor = fila.existente
            if not user.has_perm("actores.editar_actor", Actor.objects.get(pk=actor.pk)):
                return _(
                    "Actualizaría a «%(n)s», que no pertenece a sus cantones o sectores asignados."
                ) % {"n": actor.nombre}
        if not encaja_en_asignacion(
            usuario=user, canton_id=canton.pk if canton else None, sector_ids=sectores
        ):
            return _("Está fuera de sus cantones o sectores asignados (%(a)s).") % {
                "a": describir_asignaciones(usuario=user)
            }
        return None

    return limite


# --- List, export ------------------------------------------------------------------------------


class ActorListaView(PermisoRequeridoMixin, TemplateView):
    permission_required = "actores.ver_mapa"
    template_name = "actores/lista.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        base = con_relaciones_de_lista(actores=actores_visibles(usuario=self.request.user))
        filtro = ActorFilter(self.request.GET or None, queryset=base)
        qs = filtro.qs if filtro.is_bound else base
        qs = qs.order_by("nombre", "pk")
        pagina = Paginator(qs, POR_PAGINA).get_page(self.request.GET.get("page"))
        parametros = self.request.GET.copy()
        parametros.pop("page", None)
        ctx.update(
            filtro=filtro,
            pagina=pagina,
            actores=pagina.object_list,
            parametros=parametros.urlencode(),
            puede_crear=self.request.user.has_perm("actores.crear_actor"),
            puede_importar=self.request.user.has_perm("actores.importar"),
            puede_fusionar=self.request.user.has_perm("actores.fusionar"),
        )
        return ctx


COLUMNAS_EXPORTACION = [
    ("id", _("id")),
    ("naturaleza", _("naturaleza")),
    ("nombre", _("nombre")),
    ("siglas", _("siglas")),
    ("tipo", _("tipo")),
    ("ambito", _("ámbito")),
    ("canton", _("cantón")),
    ("parroquia", _("parroquia")),
    ("ejes", _("ejes")),
    ("sectores", _("sectores")),
    ("influencia", _("influencia")),
    ("interes", _("interés")),
    ("posicion", _("posición")),
    ("visible_publico", _("visible en el portal")),
    ("activo", _("activo")),
]
COLUMNAS_PERSONALES_EXPORTACION = [
    ("nombres", _("nombres")),
    ("apellidos", _("apellidos")),
    ("email", _("correo")),
    ("telefono", _("teléfono")),
    ("identificacion", _("cédula/RUC")),
    ("genero", _("género")),
    ("consentimiento_datos", _("consentimiento")),
    ("consentimiento_fecha", _("fecha del consentimiento")),
    ("consentimiento_finalidad", _("finalidad del consentimiento")),
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


class ExportarView(PermisoRequeridoMixin, View):
    """CSV or XLSX of the filtered list. Personal data only with exportar_datos_personales."""

    permission_required = "actores.exportar"

    def get(self, request, formato: str):
        if formato not in ("csv", "xlsx"):
            raise Http404
        base = con_relaciones_de_lista(actores=actores_visibles(usuario=request.user))
        filtro = ActorFilter(request.GET or None, queryset=base)
        qs = (filtro.qs if filtro.is_bound else base).order_by("nombre", "pk")
        columnas = list(COLUMNAS_EXPORTACION)
        if request.GET.get("personales") == "1":
            exigir_permiso(request.user, "actores.exportar_datos_personales")
            columnas += COLUMNAS_PERSONALES_EXPORTACION
        encabezado = [str(t) for _c, t in columnas]
        nombre = f"actores-{timezone.localdate():%Y%m%d}"
        if formato == "csv":
            salida = io.StringIO()
            escritor = escritor_csv(salida)
            escritor.writerow(encabezado)
            for a in qs:
                escritor.writerow(_fila_exportacion(a, columnas))
            respuesta = HttpResponse(
                "\ufeff" + salida.getvalue(), content_type="text/csv; charset=utf-8"
            )
            respuesta["Content-Disposition"] = f'attachment; filename="{nombre}.csv"'
            return respuesta
        from openpyxl import Workbook

        libro = Workbook(write_only=True)
        hoja = libro.create_sheet(_("Actores"))
        hoja.append(encabezado)
        for a in qs:
            hoja.append(fila_segura(_fila_exportacion(a, columnas)))
        datos = io.BytesIO()
        libro.save(datos)
        respuesta = HttpResponse(
            datos.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        respuesta["Content-Disposition"] = f'attachment; filename="{nombre}.xlsx"'
        return respuesta


# --- Detail --------------------------------------------------------------------------------------


class ActorDetalleView(View):
    """Staff see the whole record; anyone else sees a public organisation's public card only."""

    def get(self, request, pk: int):
        actor = get_object_or_404(Actor.objects.select_related("canton"), pk=pk)
        if not request.user.has_perm("actores.ver_actor", actor):
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            raise AccesoDenegado("actores.ver_actor")
        if not request.user.has_perm("actores.ver_mapa"):
            actor = (
                actores_publicos()
                .select_related("canton")
                .prefetch_related("ejes", "sectores")
                .get(pk=pk)
            )
            return render(request, "actores/publico_detalle.html", {"actor": actor})
        actor = actor_para_detalle(usuario=request.user, pk=pk)
        puede_editar = request.user.has_perm("actores.editar_actor", actor)
        ctx = {
            "actor": actor,
            "ver_personales": request.user.has_perm("actores.ver_datos_personales", actor),
            "puede_editar": puede_editar,
            "puede_posicion": request.user.has_perm("actores.cambiar_posicion", actor),
            "puede_relaciones": request.user.has_perm("actores.gestionar_relaciones", actor),
            "form_posicion": PosicionForm(
                initial={
                    "influencia": actor.influencia,
                    "interes": actor.interes,
                    "posicion": actor.posicion,
                }
            ),
            "form_relacion": RelacionForm(origen=actor) if puede_editar else None,
            "form_membresia": MembresiaForm() if puede_editar and actor.es_persona else None,
            "secciones": secciones_para(actor, request.user, request=request),
            "relaciones": sorted(
                [("saliente", r, r.destino) for r in actor.relaciones_salientes.all()]
                + [("entrante", r, r.origen) for r in actor.relaciones_entrantes.all()],
                key=lambda t: (t[1].tipo, t[2].nombre),
            ),
        }
        return render(request, "actores/detalle.html", ctx)


# --- Create / edit -------------------------------------------------------------------------------


def _datos_de(form) -> tuple[dict, list, list, str]:
    datos = {k: v for k, v in form.cleaned_data.items() if k not in ("ejes", "sectores", "motivo")}
    if datos.get("telefono") is None:
        datos["telefono"] = ""
    return (
        datos,
        list(form.cleaned_data.get("ejes") or []),
        list(form.cleaned_data.get("sectores") or []),
        (form.cleaned_data.get("motivo") or ""),
    )


class ActorCrearView(PermisoRequeridoMixin, View):
    permission_required = "actores.crear_actor"

    def get(self, request):
        return self._render(
            request, ActorForm(initial={"naturaleza": Actor.Naturaleza.ORGANIZACION})
        )

    def post(self, request):
        form = ActorForm(request.POST)
        if form.is_valid():
            datos, ejes, sectores, motivo = _datos_de(form)
            if not es_coordinador(request.user) and not encaja_en_asignacion(
                usuario=request.user,
                canton_id=datos["canton"].pk if datos.get("canton") else None,
                sector_ids=[s.pk for s in sectores],
            ):
                form.add_error(
                    None,
                    _("Solo puede registrar actores de sus cantones o sectores asignados: %(a)s.")
                    % {"a": describir_asignaciones(usuario=request.user)},
                )
            else:
                try:
                    actor = actor_crear(
                        usuario=request.user,
                        datos=datos,
                        ejes=ejes,
                        sectores=sectores,
                        motivo=motivo,
                    )
                except ValidationError as e:
                    _errores_a_formulario(form, e)
                else:
                    messages.success(request, _("Se registró a «%(n)s».") % {"n": actor.nombre})
                    return redirect(actor)
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        return render(
            request,
            "actores/formulario.html",
            {"form": form, "titulo": _("Nuevo actor")},
            status=status,
        )


class ActorEditarView(PermisoRequeridoMixin, View):
    permission_required = "actores.editar_actor"

    def get_permission_object(self):
        if not hasattr(self, "_actor"):
            self._actor = get_object_or_404(
                Actor.objects.prefetch_related("sectores", "ejes"), pk=self.kwargs["pk"]
            )
        return self._actor

    def _personales(self, request, actor):
        return request.user.has_perm("actores.ver_datos_personales", actor)

    def get(self, request, pk):
        actor = self.get_permission_object()
        form = ActorForm(instance=actor, mostrar_personales=self._personales(request, actor))
        return self._render(request, form, actor)

    def post(self, request, pk):
        actor = self.get_permission_object()
        form = ActorForm(
            request.POST, instance=actor, mostrar_personales=self._personales(request, actor)
        )
        if form.is_valid():
            datos, ejes, sectores, motivo = _datos_de(form)
            if not es_coordinador(request.user) and not encaja_en_asignacion(
                usuario=request.user,
                canton_id=datos["canton"].pk if datos.get("canton") else None,
                sector_ids=[s.pk for s in sectores],
            ):
                form.add_error(
                    None,
                    _("El actor quedaría fuera de sus cantones o sectores asignados: %(a)s.")
                    % {"a": describir_asignaciones(usuario=request.user)},
                )
            else:
                try:
                    actor_actualizar(
                        actor=actor,
                        usuario=request.user,
                        datos=datos,
                        ejes=ejes,
                        sectores=sectores,
                        motivo=motivo,
                    )
                except ValidationError as e:
                    _errores_a_formulario(form, e)
                else:
                    messages.success(
                        request, _("Se guardaron los cambios de «%(n)s».") % {"n": actor.nombre}
                    )
                    return redirect(actor)
        return self._render(request, form, actor, status=400)

    def _render(self, request, form, actor, status=200):
        return render(
            request,
            "actores/formulario.html",
            {"form": form, "actor": actor, "titulo": _("Editar «%(n)s»") % {"n": actor.nombre}},
            status=status,
        )


class _AccionSobreActor(PermisoRequeridoMixin, View):
    def get_permission_object(self):
        if not hasattr(self, "_actor"):
            self._actor = get_object_or_404(
                Actor.objects.prefetch_related("sectores"), pk=self.kwargs["pk"]
            )
        return self._actor


class PosicionCambiarView(_AccionSobreActor):
    permission_required = "actores.cambiar_posicion"

    def post(self, request, pk):
        actor = self.get_permission_object()
        form = PosicionForm(request.POST)
        if form.is_valid():
            try:
                actor_cambiar_posicion(actor=actor, usuario=request.user, **form.cleaned_data)
            except ValidationError as e:
                _errores_a_formulario(form, e)
            else:
                messages.success(request, _("Se registró el cambio de posición en el mapa."))
                return redirect(actor)
        return render(
            request,
            "actores/form_simple.html",
            {"form": form, "actor": actor, "titulo": _("Cambiar posición en el mapa")},
            status=400,
        )


class RelacionCrearView(_AccionSobreActor):
    permission_required = "actores.gestionar_relaciones"

    def post(self, request, pk):
        actor = self.get_permission_object()
        form = RelacionForm(request.POST, origen=actor)
        if form.is_valid():
            try:
                relacion_crear(origen=actor, usuario=request.user, **form.cleaned_data)
            except ValidationError as e:
                _errores_a_formulario(form, e)
            else:
                messages.success(request, _("Se añadió la relación."))
                return redirect(reverse("actores:detalle", kwargs={"pk": actor.pk}) + "#relaciones")
        return render(
            request,
            "actores/form_simple.html",
            {"form": form, "actor": actor, "titulo": _("Añadir relación")},
            status=400,
        )


class RelacionEliminarView(PermisoRequeridoMixin, View):
    permission_required = "actores.gestionar_relaciones"

    def get_permission_object(self):
        self._relacion = get_object_or_404(
            Relacion.objects.select_related("origen"), pk=self.kwargs["pk"]
        )
        return self._relacion.origen

    def post(self, request, pk):
        origen = self._relacion.origen
        relacion_eliminar(relacion=self._relacion, usuario=request.user)
        messages.success(request, _("Se eliminó la relación."))
        return redirect(reverse("actores:detalle", kwargs={"pk": origen.pk}) + "#relaciones")


class MembresiaCrearView(_AccionSobreActor):
    permission_required = "actores.gestionar_relaciones"

    def post(self, request, pk):
        actor = self.get_permission_object()
        form = MembresiaForm(request.POST)
        if form.is_valid():
            try:
                membresia_crear(persona=actor, usuario=request.user, **form.cleaned_data)
            except ValidationError as e:
                _errores_a_formulario(form, e)
            else:
                messages.success(request, _("Se añadió la membresía."))
                return redirect(reverse("actores:detalle", kwargs={"pk": actor.pk}) + "#relaciones")
        return render(
            request,
            "actores/form_simple.html",
            {"form": form, "actor": actor, "titulo": _("Añadir membresía")},
            status=400,
        )


# --- Map and network -----------------------------------------------------------------------------


class MapaView(PermisoRequeridoMixin, TemplateView):
    permission_required = "actores.ver_mapa"
    template_name = "actores/mapa.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        base = actores_visibles(usuario=self.request.user).filter(activo=True)
        filtro = MapaFilter(self.request.GET or None, queryset=base)
        qs = filtro.qs if filtro.is_bound else base
        parametros = self.request.GET.copy()
        ctx.update(
            filtro=filtro, mapa=mapa_de(qs), parametros=parametros.urlencode(), escala=range(1, 6)
        )
        return ctx


class RedView(PermisoRequeridoMixin, TemplateView):
    permission_required = "actores.ver_mapa"
    template_name = "actores/red.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        base = actores_visibles(usuario=self.request.user).filter(activo=True)
        filtro = MapaFilter(self.request.GET or None, queryset=base)
        qs = filtro.qs if filtro.is_bound else base
        ctx.update(filtro=filtro, red=red_de(qs))
        return ctx


# --- Import ----------------------------------------------------------------------------------------


class ImportarView(PermisoRequeridoMixin, View):
    permission_required = "actores.importar"

    def get(self, request):
        recientes = Importacion.objects.filter(subido_por=request.user)[:5]
        return render(
            request,
            "actores/importar.html",
            {"form": ImportarForm(), "columnas": imp.COLUMNAS, "recientes": recientes},
        )

    def post(self, request):
        form = ImportarForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                importacion, prev = imp.importacion_crear(
                    archivo=form.cleaned_data["archivo"],
                    usuario=request.user,
                    limite_territorial=_limite_facilitador(request.user),
                )
            except imp.ArchivoInvalido as e:
                form.add_error("archivo", str(e))
            else:
                return render(
                    request,
                    "actores/importar_previa.html",
                    {"importacion": importacion, "prev": prev},
                )
        return render(
            request,
            "actores/importar.html",
            {"form": form, "columnas": imp.COLUMNAS, "recientes": []},
            status=400,
        )


class ImportacionAplicarView(PermisoRequeridoMixin, View):
    permission_required = "actores.importar"

    def post(self, request, pk):
        importacion = get_object_or_404(Importacion, pk=pk, subido_por=request.user)
        try:
            prev = imp.importacion_aplicar(
                importacion=importacion,
                usuario=request.user,
                limite_territorial=_limite_facilitador(request.user),
            )
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return redirect("actores:importar")
        messages.success(
            request,
            _("Importación completa: %(c)d actores creados y %(a)d actualizados.")
            % {"c": prev.crear, "a": prev.actualizar},
        )
        return redirect("actores:lista")


class PlantillaView(PermisoRequeridoMixin, View):
    permission_required = "actores.importar"

    def get(self, request):
        salida = io.StringIO()
        escritor = csv.writer(salida)
        escritor.writerow(imp.COLUMNAS)
        escritor.writerow(
            [
                "organizacion",
                "Asociación de Ganaderos de Machachi",
                "",
                "",
                "AGM",
                "privado",
                "cantonal",
                "Mejía",
                "",
                "agropecuario",
                "Leche y derivados",
                "contacto@example.org",
                "0991234567",
                "",
                "",
                "3",
                "4",
                "apoya",
                "sí",
                "2026-01-15",
                "Convocatoria a las mesas",
                "sí",
                "",
            ]
        )
        respuesta = HttpResponse(
            "\ufeff" + salida.getvalue(), content_type="text/csv; charset=utf-8"
        )
        respuesta["Content-Disposition"] = 'attachment; filename="plantilla-actores.csv"'
        return respuesta


# --- Duplicates and merge -------------------------------------------------------------------------


class DuplicadosView(PermisoRequeridoMixin, View):
    permission_required = "actores.fusionar"

    def get(self, request):
        grupos = []
        for campo, titulo in (
            ("identificacion", _("Misma cédula/RUC")),
            ("email", _("Mismo correo")),
            ("nombre_normalizado", _("Mismo nombre")),
        ):
            valores = (
                Actor.objects.exclude(**{campo: ""})
                .values(campo)
                .annotate(n=Count("pk"))
                .filter(n__gt=1)
                .values_list(campo, flat=True)[:50]
            )
            valores = list(valores)
            if not valores:
                continue
            actores = (
                Actor.objects.filter(**{f"{campo}__in": valores})
                .select_related("canton")
                .order_by(campo, "pk")
            )
            por_valor = {}
            for a in actores:
                por_valor.setdefault(getattr(a, campo), []).append(a)
            for lista in por_valor.values():
                grupos.append({"criterio": titulo, "actores": lista})
        return render(
            request, "actores/duplicados.html", {"grupos": grupos, "form": FusionarForm()}
        )


class FusionarView(PermisoRequeridoMixin, View):
    permission_required = "actores.fusionar"

    def post(self, request):
        form = FusionarForm(request.POST)
        if form.is_valid():
            conservar = form.cleaned_data["conservar"]
            nombre_dup = form.cleaned_data["duplicado"].nombre
            try:
                actores_fusionar(
                    conservar=conservar,
                    duplicado=form.cleaned_data["duplicado"],
                    usuario=request.user,
                )
            except ValidationError as e:
                messages.error(request, " ".join(e.messages))
                return redirect("actores:duplicados")
            messages.success(
                request,
                _("«%(d)s» se fusionó en «%(c)s»; se conservaron sus relaciones y participaciones.")
                % {"d": nombre_dup, "c": conservar.nombre},
            )
            return redirect(conservar)
        messages.error(
            request,
            " ".join(str(e) for e in form.errors.get("__all__", [])) or _("Elija dos actores."),
        )
        return redirect("actores:duplicados")


# --- Public -------------------------------------------------------------------------------------


class ParticipantesView(TemplateView):
    """Public: the organisations that take part and agreed to appear. No personal data."""

    template_name = "actores/participantes.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        qs = (
            actores_publicos()
            .select_related("canton")
            .prefetch_related("ejes", "sectores")
            .order_by("nombre")
        )
        canton = self.request.GET.get("canton")
        if canton:
            qs = qs.filter(canton__slug=canton)
        tipo = self.request.GET.get("tipo")
        if tipo in Actor.Tipo.values:
            qs = qs.filter(tipo=tipo)
        pagina = Paginator(qs, 30).get_page(self.request.GET.get("page"))
        ctx.update(
            pagina=pagina,
            cantones=Canton.objects.order_by("codigo"),
            tipos=Actor.Tipo.choices,
            canton_elegido=canton or "",
            tipo_elegido=tipo or "",
        )
        return ctx


class AsignacionesView(PermisoRequeridoMixin, View):
    """Coordination assigns cantons and sectors to facilitators (what they may maintain)."""

    permission_required = "actores.asignar_territorios"

    def get(self, request, form=None, status=200):
        asignaciones = AsignacionTerritorial.objects.select_related(
            "usuario", "canton", "sector"
        ).order_by("usuario__username", "canton__codigo", "sector__nombre")
        return render(
            request,
            "actores/asignaciones.html",
            {"asignaciones": asignaciones, "form": form or AsignacionForm()},
            status=status,
        )

    def post(self, request):
        if "eliminar" in request.POST:
            asignacion = get_object_or_404(
                AsignacionTerritorial, pk=id_de_formulario(request.POST.get("eliminar"))
            )
            asignacion_eliminar(usuario=request.user, asignacion=asignacion)
            messages.success(request, _("Se quitó la asignación."))
            return redirect("actores:asignaciones")
        form = AsignacionForm(request.POST)
        if form.is_valid():
            asignacion_crear(usuario=request.user, **form.cleaned_data)
            messages.success(request, _("Se guardó la asignación."))
            return redirect("actores:asignaciones")
        return self.get(request, form=form, status=400)
