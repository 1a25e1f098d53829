"""Views of mesas: thin; each states its rule, runs a form and calls one service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from actores.selectors import actores_visibles
from core.cache import PaginaPublicaMixin, datos_publicos
from core.permisos import PermisoRequeridoMixin, exigir_permiso

from . import forms, selectors, services
from .calendario import calendario_ics
from .models import Acuerdo, Asistencia, Invitacion, Mesa, Sesion

# --- Public ----------------------------------------------------------------------------------


class MesaListView(TemplateView):
    template_name = "mesas/lista.html"

    def get_context_data(self, **kwargs):
        mesas = list(selectors.mesas_publicas())
        return {
            **super().get_context_data(**kwargs),
            "turismo": [m for m in mesas if m.tipo == Mesa.Tipo.TURISMO],
            "agropecuarias": [m for m in mesas if m.tipo == Mesa.Tipo.AGROPECUARIO],
        }


def _grafico(etiquetas, valores, titulo) -> dict:
    return {
        "etiquetas": [str(e) for e in etiquetas],
        "valores": list(valores),
        "titulo": str(titulo),
    }


SESIONES_POR_PAGINA = 12


class MesaView(PaginaPublicaMixin, TemplateView):
    """A table's public page: its sessions on a timeline, agreements and participation."""

    template_name = "mesas/mesa.html"

    def get_context_data(self, **kwargs):
        mesa = get_object_or_404(selectors.mesas_publicas(), slug=kwargs["slug"])
        todas = selectors.sesiones_publicadas_de(mesa=mesa)
        cifras = datos_publicos(
            f"mesa:{mesa.pk}:participacion", lambda: selectors.participacion(sesiones=todas)
        )
        # The timeline shows one page of sessions (the latest 12 by default, page 1) and their
        # agreements, so the page costs the same after 4 sessions or 400.
        paginador = Paginator(
            todas.order_by("-numero").values_list("pk", flat=True), SESIONES_POR_PAGINA
        )
        pagina = paginador.get_page(self.request.GET.get("sesiones"))
        sesiones = list(todas.filter(pk__in=list(pagina.object_list)))
        actas = selectors.actas_publicadas(sesiones=sesiones)
        genero = _grafico(
            [_("Mujeres"), _("Hombres"), _("Otro / no informa")],
            [cifras["mujeres"], cifras["hombres"], cifras["otro_genero"]],
            _("Asistencias por género"),
        )
        return {
            **super().get_context_data(**kwargs),
            "mesa": mesa,
            "sesiones": [(s, actas.get(s.pk)) for s in sesiones],
            "pagina_sesiones": pagina,
            "acuerdos": selectors.con_responsables_publicos(
                list(selectors.acuerdos_publicos(mesa=mesa).filter(sesion__in=sesiones))
            ),
            "cifras": cifras,
            "grafico_genero": genero,
            # the same figures as a table, for who cannot see the chart
            "datos_genero": list(zip(genero["etiquetas"], genero["valores"], strict=True)),
            "grafico_sectores": _grafico(
                [s for s, _n in cifras["por_sector"]],
                [n for _s, n in cifras["por_sector"]],
                _("Asistencias por sector"),
            ),
        }


class SesionPublicaView(TemplateView):
    template_name = "mesas/sesion_publica.html"

    def get_context_data(self, **kwargs):
        try:
            sesion = selectors.sesion_publicada(slug=kwargs["slug"], numero=kwargs["numero"])
        except Sesion.DoesNotExist:
            raise Http404(_("Esta sesión no existe o su acta aún no se ha publicado.")) from None
        return {
            **super().get_context_data(**kwargs),
            "sesion": sesion,
            "mesa": sesion.mesa,
            "acta": services.acta_publica_actual(sesion),
            **selectors.acta_publica_contexto(sesion),
        }


def calendario(request, slug: str | None = None):
    """Public .ics of the sessions (dates and places only) of one table or of all of them."""
    sesiones = selectors.sesiones_para_calendario(slug=slug)
    if slug is not None:
        mesa = get_object_or_404(Mesa, slug=slug)
        nombre = mesa.nombre
    else:
        nombre = _("Mesas de Pactos por Pichincha")
    respuesta = HttpResponse(
        calendario_ics(sesiones, nombre=nombre, detalle=False), content_type="text/calendar"
    )
    respuesta["Content-Disposition"] = f'attachment; filename="{slug or "mesas"}.ics"'
    return respuesta


def invitacion(request, token):
    """The link in the invitation e-mail: confirm or decline attendance (no login needed)."""
    try:
        inv = selectors.invitacion_por_token(token=token)
    except Invitacion.DoesNotExist:
        raise Http404(_("Esta invitación no existe.")) from None
    if request.method == "POST":
        try:
            services.invitacion_responder(
                invitacion=inv, asistira=request.POST.get("respuesta") == "si"
            )
            messages.success(request, _("Gracias: registramos su respuesta."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("mesas:invitacion", token=token)
    return render(request, "mesas/invitacion.html", {"invitacion": inv, "sesion": inv.sesion})


# --- Staff -----------------------------------------------------------------------------------


class MisMesasView(PermisoRequeridoMixin, TemplateView):
    permission_required = "mesas.ver_mis_mesas"
    template_name = "mesas/mis_mesas.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **selectors.panel_facilitacion(user=self.request.user),
        }


def _login_o_permiso(request, permiso, obj):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    exigir_permiso(request.user, permiso, obj)
    return None


def mesa_gestion(request, slug):
    """A table for its facilitators: its sessions, and planning the next one."""
    try:
        mesa = selectors.mesa_interna(slug=slug)
    except Mesa.DoesNotExist:
        raise Http404(_("Esta mesa no existe.")) from None
    if respuesta := _login_o_permiso(request, "mesas.ver_mesa_interna", mesa):
        return respuesta
    form = forms.SesionForm(mesa=mesa)
    if request.method == "POST":
        exigir_permiso(request.user, "mesas.crear_sesion", mesa)
        form = forms.SesionForm(request.POST, mesa=mesa)
        if form.is_valid():
            try:
                sesion = services.sesion_crear(mesa=mesa, por=request.user, **form.cleaned_data)
            except ValidationError as exc:
                _errores_a_form(form, exc)
            else:
                messages.success(request, _("Sesión %(n)s planificada.") % {"n": sesion.numero})
                return redirect(sesion.get_absolute_url())
    paginador = Paginator(selectors.sesiones_de_mesa(mesa=mesa), 25)
    return render(
        request,
        "mesas/gestion.html",
        {"mesa": mesa, "form": form, "pagina": paginador.get_page(request.GET.get("pagina"))},
    )


def mesa_equipo(request, slug):
    """The coordinator chooses who facilitates a table and which actors are its members."""
    try:
        mesa = selectors.mesa_interna(slug=slug)
    except Mesa.DoesNotExist:
        raise Http404(_("Esta mesa no existe.")) from None
    if respuesta := _login_o_permiso(request, "mesas.gestionar_mesa", mesa):
        return respuesta
    datos = request.POST if request.method == "POST" else None
    busqueda = (datos or request.GET).get("q", "")
    form = forms.EquipoMesaForm(
        datos,
        mesa=mesa,
        candidatos_facilitacion=selectors.candidatos_facilitacion(mesa=mesa),
        actores=actores_visibles(usuario=request.user).filter(activo=True).select_related("canton"),
        busqueda=busqueda,
        initial={"facilitadores": list(mesa.facilitadores.all()), "q": busqueda},
    )
    if datos is not None and form.is_valid():
        try:
            services.mesa_equipo_actualizar(
                mesa=mesa,
                facilitadores=form.cleaned_data["facilitadores"],
                quitar_miembros=form.cleaned_data["quitar"],
                agregar_miembros=form.cleaned_data["agregar"],
            )
        except ValidationError as exc:
            _errores_a_form(form, exc)
        else:
            messages.success(request, _("Equipo de la mesa actualizado."))
            return redirect("mesas:equipo", slug=mesa.slug)
    return render(request, "mesas/equipo.html", {"mesa": mesa, "form": form})


def _errores_a_form(form, exc: ValidationError) -> None:
    if isinstance(exc, services.ConflictoEdicion) or not hasattr(exc, "error_dict"):
        for mensaje in exc.messages:
            form.add_error(None, mensaje)
        return
    for campo, errores in exc.message_dict.items():
        form.add_error(campo if campo in form.fields else None, errores)


def _sesion_o_404(pk: int) -> Sesion:
    try:
        return selectors.sesion_con_mesa(pk=pk)
    except Sesion.DoesNotExist:
        raise Http404(_("Esta sesión no existe.")) from None


# Each recording section: its form, and how its cleaned data reaches its service.
SECCIONES = {
    "agenda": (
        forms.PuntoAgendaForm,
        lambda s, d, u: services.punto_agenda_agregar(sesion=s, **d),
        _("Punto de agenda añadido."),
    ),
    "asistencia": (
        forms.AsistenciaForm,
        lambda s, d, u: services.asistencia_registrar(sesion=s, por=u, **d),
        _("Asistencia registrada."),
    ),
    "nuevo": (
        forms.AsistenteNuevoForm,
        lambda s, d, u: services.asistente_nuevo_registrar(sesion=s, por=u, **d),
        _("Nuevo asistente registrado en el mapa de actores y en la asistencia."),
    ),
    "intervencion": (
        forms.IntervencionForm,
        lambda s, d, u: services.intervencion_registrar(sesion=s, por=u, **d),
        _("Intervención registrada."),
    ),
    "prioridad": (
        forms.PrioridadForm,
        lambda s, d, u: services.prioridad_registrar(sesion=s, **d),
        _("Prioridad registrada."),
    ),
    "acuerdo": (
        forms.AcuerdoForm,
        lambda s, d, u: services.acuerdo_registrar(sesion=s, por=u, **d),
        _("Acuerdo registrado."),
    ),
    "tema": (
        forms.TemaPendienteForm,
        lambda s, d, u: services.tema_pendiente_registrar(sesion=s, **d),
        _("Tema pendiente registrado."),
    ),
}
# The section (template) a form's result is shown in.
PLANTILLA_DE = {"nuevo": "asistencia"}
# Selects that list attendees: refreshed out of band, keeping what was selected in them.
SELECTS_DE_ASISTENTES = ("intervencion-actor", "acuerdo-responsables")


def _formularios(sesion: Sesion, data=None, *, ligado: str | None = None) -> dict:
    resultado = {}
    for nombre, (clase, _servicio, _mensaje) in SECCIONES.items():
        datos = data if nombre == ligado else None
        resultado[nombre] = (
            clase(datos, sesion=sesion, prefix=nombre)
            if _acepta_sesion(clase)
            else clase(datos, prefix=nombre)
        )
    return resultado


def _acepta_sesion(clase) -> bool:
    return "sesion" in clase.__init__.__code__.co_varnames


def _contexto_sesion(request, sesion: Sesion, formularios: dict) -> dict:
    usuario = request.user
    return {
        "sesion": sesion,
        "mesa": sesion.mesa,
        "f": formularios,
        **selectors.registro_de_sesion(sesion=sesion),
        "acta": services.acta_actual(sesion),
        "acta_publica": services.acta_publica_actual(sesion),
        "puede_registrar": usuario.has_perm("mesas.registrar_sesion", sesion),
        "puede_cerrar": usuario.has_perm("mesas.cerrar_sesion", sesion),
        "puede_reabrir": usuario.has_perm("mesas.reabrir_sesion", sesion),
        "puede_publicar": usuario.has_perm("mesas.publicar_acta", sesion),
        "puede_convocar": usuario.has_perm("mesas.convocar", sesion),
        "form_datos": forms.SesionEditarForm(
            instance=sesion, mesa=sesion.mesa, initial={"version": sesion.version}
        ),
        "form_convocatoria": forms.ConvocatoriaForm(sesion=sesion)
        if usuario.has_perm("mesas.convocar", sesion)
        else None,
        "form_cerrar": forms.VersionForm(initial={"version": sesion.version}),
    }


def sesion_registro(request, pk: int):
    """The recording page of a session, built for a phone in a parish hall."""
    sesion = _sesion_o_404(pk)
    if respuesta := _login_o_permiso(request, "mesas.ver_sesion", sesion):
        return respuesta
    return render(
        request, "mesas/sesion.html", _contexto_sesion(request, sesion, _formularios(sesion))
    )


@require_POST
def sesion_seccion(request, pk: int, seccion: str):
    """Add one item (attendee, intervention, agreement...): saved at once, the page stays."""
    if seccion not in SECCIONES:
        raise Http404
    sesion = _sesion_o_404(pk)
    if respuesta := _login_o_permiso(request, "mesas.registrar_sesion", sesion):
        return respuesta
    clase, servicio, mensaje = SECCIONES[seccion]
    formularios = _formularios(sesion, request.POST, ligado=seccion)
    form = formularios[seccion]
    guardado = False
    if form.is_valid():
        try:
            servicio(sesion, form.cleaned_data, request.user)
            guardado = True
        except ValidationError as exc:
            _errores_a_form(form, exc)
    if guardado:
        formularios = _formularios(sesion)
    if not request.htmx:
        if guardado:
            messages.success(request, mensaje)
            return redirect(
                f"{sesion.get_absolute_url()}#seccion-{PLANTILLA_DE.get(seccion, seccion)}"
            )
        return render(
            request, "mesas/sesion.html", _contexto_sesion(request, sesion, formularios), status=400
        )
    if seccion == "nuevo":
        # the quick-add form is shown inside the attendance section, keep it open on errors
        formularios["nuevo"] = form if not guardado else formularios["nuevo"]
    contexto = _contexto_sesion(request, sesion, formularios)
    contexto.update({"guardado": mensaje if guardado else "", "seccion_activa": seccion})
    cambia_asistencia = guardado and seccion in ("asistencia", "nuevo")
    if cambia_asistencia:
        _conservar_selecciones(request, contexto)
    contexto["oob_asistentes"] = cambia_asistencia
    # a new agenda item must be offered at once in the intervention's "punto" select
    contexto["oob_agenda"] = guardado and seccion == "agenda"
    plantilla = PLANTILLA_DE.get(seccion, seccion)
    respuesta = render(request, f"mesas/registro/{plantilla}.html", contexto)
    if guardado:
        # The first thing recorded puts a planned session in progress: update the header badge.
        sesion.refresh_from_db(fields=["estado"])
        estado = render_to_string(
            "mesas/registro/_estado.html", {"sesion": sesion, "oob_estado": True}, request=request
        )
        respuesta.content += estado.encode()
    return respuesta


def _conservar_selecciones(request, contexto: dict) -> None:
    """Out-of-band selects keep what the facilitator had selected in the other forms."""
    f = contexto["f"]
    f["intervencion"] = forms.IntervencionForm(
        sesion=contexto["sesion"],
        prefix="intervencion",
        initial={"actor": request.POST.get("intervencion-actor")},
    )
    f["acuerdo"] = forms.AcuerdoForm(
        sesion=contexto["sesion"],
        prefix="acuerdo",
        initial={"responsables": request.POST.getlist("acuerdo-responsables")},
    )


@require_POST
def sesion_datos(request, pk: int):
    """Edit date, place and objective, refusing silently overwriting a colleague's change."""
    sesion = _sesion_o_404(pk)
    if respuesta := _login_o_permiso(request, "mesas.registrar_sesion", sesion):
        return respuesta
    form = forms.SesionEditarForm(
        request.POST, instance=Sesion.objects.get(pk=pk), mesa=sesion.mesa
    )
    if form.is_valid():
        datos = dict(form.cleaned_data)
        version = datos.pop("version")
        try:
            services.sesion_actualizar(sesion=sesion, version=version, por=request.user, **datos)
            messages.success(request, _("Datos de la sesión guardados."))
            return redirect(sesion.get_absolute_url())
        except ValidationError as exc:
            _errores_a_form(form, exc)
    contexto = _contexto_sesion(request, _sesion_o_404(pk), _formularios(sesion))
    contexto["form_datos"] = form
    contexto["datos_abiertos"] = True
    return render(request, "mesas/sesion.html", contexto, status=400)


def acuerdo_editar(request, pk: int, acuerdo_id: int):
    sesion = _sesion_o_404(pk)
    if respuesta := _login_o_permiso(request, "mesas.registrar_sesion", sesion):
        return respuesta
    acuerdo = get_object_or_404(Acuerdo, pk=acuerdo_id, sesion=sesion)
    if request.method == "POST":
        form = forms.AcuerdoEditarForm(request.POST, sesion=sesion, prefix=f"a{acuerdo.pk}")
        if form.is_valid():
            try:
                acuerdo = services.acuerdo_editar(
                    acuerdo=acuerdo, por=request.user, **form.cleaned_data
                )
                return render(
                    request,
                    "mesas/registro/acuerdo_item.html",
                    {"a": acuerdo, "sesion": sesion, "puede_registrar": True},
                )
            except ValidationError as exc:
                _errores_a_form(form, exc)
    else:
        form = forms.AcuerdoEditarForm.para(acuerdo, sesion)
        form.prefix = f"a{acuerdo.pk}"
    return render(
        request,
        "mesas/registro/acuerdo_editar.html",
        {"a": acuerdo, "sesion": sesion, "form": form},
    )


@require_POST
def asistencia_quitar(request, pk: int, asistencia_id: int):
    sesion = _sesion_o_404(pk)
    if respuesta := _login_o_permiso(request, "mesas.registrar_sesion", sesion):
        return respuesta
    asistencia = get_object_or_404(Asistencia, pk=asistencia_id, sesion=sesion)
    try:
        services.asistencia_quitar(asistencia=asistencia, por=request.user)
        messages.success(request, _("Asistente quitado de la lista."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{sesion.get_absolute_url()}#seccion-asistencia")


@require_POST
def sesion_convocar(request, pk: int):
    sesion = _sesion_o_404(pk)
    if respuesta := _login_o_permiso(request, "mesas.convocar", sesion):
        return respuesta
    form = forms.ConvocatoriaForm(request.POST, sesion=sesion)
    if form.is_valid():
        resultado = services.convocatoria_enviar(
            sesion=sesion, actores=form.cleaned_data["actores"], por=request.user
        )
        messages.success(
            request,
            _("Invitaciones en camino: %(n)s.") % {"n": resultado["enviadas"]},
        )
        if resultado["sin_correo"]:
            messages.warning(
                request,
                _("Sin correo electrónico, no se pudo invitar a: %(nombres)s.")
                % {"nombres": ", ".join(a.nombre for a in resultado["sin_correo"])},
            )
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect(f"{sesion.get_absolute_url()}#seccion-convocatoria")


def _transicion(request, pk: int, permiso: str, accion):
    sesion = _sesion_o_404(pk)
    if request.method != "POST":
        return redirect(sesion.get_absolute_url())
    if respuesta := _login_o_permiso(request, permiso, sesion):
        return respuesta
    try:
        mensaje = accion(sesion)
        messages.success(request, mensaje)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(sesion.get_absolute_url())


def sesion_cerrar(request, pk: int):
    def cerrar(sesion):
        form = forms.VersionForm(request.POST)
        version = form.cleaned_data["version"] if form.is_valid() else -1
        services.sesion_cerrar(sesion=sesion, version=version, por=request.user)
        return _("Sesión cerrada. El acta se está generando.")

    return _transicion(request, pk, "mesas.cerrar_sesion", cerrar)


def sesion_reabrir(request, pk: int):
    def reabrir(sesion):
        services.sesion_reabrir(sesion=sesion, por=request.user)
        return _(
            "Sesión reabierta: corrija y vuelva a cerrarla para generar una nueva versión del acta."
        )

    return _transicion(request, pk, "mesas.reabrir_sesion", reabrir)


def acta_publicar(request, pk: int):
    def publicar(sesion):
        services.acta_publicar(sesion=sesion, por=request.user)
        return _("Acta publicada: ya es visible en el portal público.")

    return _transicion(request, pk, "mesas.publicar_acta", publicar)
