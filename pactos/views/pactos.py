"""Views of pactos and commitments: thin, each one states its rule and calls one service."""

from __future__ import annotations

import io
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from core.cache import datos_publicos, pagina_publica
from core.enlaces import FeedPortal
from core.exportar import escritor_csv, fila_segura
from core.permisos import exigir_permiso
from core.seguridad import destino_local
from core.validadores import id_de_formulario, ids_de_formulario

from ..forms.pactos import (
    ActualizacionForm,
    CompromisoForm,
    ConsolidarForm,
    CopiaFirmadaForm,
    EvidenciaForm,
    FiltroAcuerdosForm,
    FiltroPublicoForm,
    FiltroTableroForm,
    FirmanteForm,
    HitoForm,
    ImportarAvancesForm,
    PactoEditarForm,
    PactoForm,
)
from ..models.pactos import Compromiso, Pacto
from ..selectors import pactos as sel
from ..services import pactos as srv


def permiso(nombre: str):
    """Anonymous visitors go to log in; others without the rule get the explained 403."""

    def decorador(vista):
        @wraps(vista)
        def envuelta(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            exigir_permiso(request.user, nombre)
            return vista(request, *args, **kwargs)

        return envuelta

    return decorador


def _errores(request, exc: ValidationError) -> None:
    for mensaje in exc.messages:
        messages.error(request, mensaje)


def url_sesion(sesion) -> str | None:
    """Public address of a session (or its table) if mesas exposes one."""
    try:
        if getattr(sesion, "publicada", False):
            return sesion.get_public_url()
        return sesion.mesa.get_absolute_url()
    except NoReverseMatch:
        return None


# --- Public ----------------------------------------------------------------------------------


@pagina_publica
def pactos_publicos(request):
    from pactos.avisos_publicos import avisos_publicos

    pactos = sel.pactos_publicados_con_resumen()
    return render(
        request, "pactos/pacto/publicos.html", {"pactos": pactos, "avisos": avisos_publicos()}
    )


@pagina_publica
def pacto_publico(request, slug: str):
    pacto = sel.pacto_publico(slug=slug)
    filtro = FiltroPublicoForm(request.GET or None, pacto=pacto)
    pagina = sel.compromisos_de_pacto_publico_pagina(
        pacto=pacto, filtros=filtro.filtros(), numero=request.GET.get("pagina")
    )
    contexto = {
        "pacto": pacto,
        "filtro": filtro,
        "compromisos": pagina.object_list,
        "pagina": pagina,
        "firmantes": pacto.firmantes.all(),
    }
    return render(request, "pactos/pacto/publico.html", contexto)


def compromiso_publico(request, slug: str, numero: int):
    compromiso = sel.compromiso_publico(slug=slug, numero=numero)
    rastro = sel.rastro_compromiso(compromiso)
    for evento in rastro:
        if evento.get("sesion") is not None:
            evento["url"] = url_sesion(evento["sesion"])
    return render(
        request,
        "pactos/compromiso/publico.html",
        {"compromiso": compromiso, "pacto": compromiso.pacto, "rastro": rastro},
    )


class ActualizacionesFeed(FeedPortal):
    feed_type = Atom1Feed
    title = gettext_lazy("Pactos por Pichincha: avances de los compromisos")
    subtitle = gettext_lazy(
        "Las últimas actualizaciones de los compromisos de los pactos publicados."
    )

    def link(self):
        return reverse("pactos:pactos_publicos")

    def items(self):
        return sel.actualizaciones_publicas(limite=50)

    def item_title(self, item):
        return f"{item.compromiso.pacto} — {item.compromiso.numero}. {item.compromiso.titulo}"

    def item_description(self, item):
        return f"{item.get_estado_display()} · {item.avance} % — {item.texto}"

    def item_link(self, item):
        return item.compromiso.get_public_url()

    def item_pubdate(self, item):
        return item.fecha


# --- Staff: pactos ---------------------------------------------------------------------------


@permiso("pactos.gestionar_pactos")
def pactos_gestion(request):
    pactos = sel.pactos_para_gestion()
    return render(
        request,
        "pactos/pacto/gestion_lista.html",
        {"pactos": pactos, "puede_editar": request.user.has_perm("pactos.editar_pacto")},
    )


@permiso("pactos.editar_pacto")
def pacto_crear(request):
    form = PactoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pacto = srv.pacto_crear(autor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Pacto creado en borrador."))
            return redirect(pacto.get_absolute_url())
    return render(request, "pactos/pacto/form.html", {"form": form, "titulo": _("Nuevo pacto")})


@permiso("pactos.gestionar_pactos")
def pacto_gestion(request, pk: int):
    pacto = sel.pacto_para_gestion(pk=pk)
    puede_editar = request.user.has_perm("pactos.editar_pacto")
    contexto = {
        "pacto": pacto,
        "compromisos": sel.compromisos_de_pacto(pacto=pacto),
        "versiones": pacto.versiones.select_related("autor")[:10],
        "transiciones": [Pacto.Estado(e) for e in srv.TRANSICIONES[pacto.estado]],
        "puede_editar": puede_editar,
        "editable": pacto.estado in srv.ESTADOS_EDITABLES,
        "firmante_form": FirmanteForm() if puede_editar else None,
        "copia_form": CopiaFirmadaForm() if puede_editar else None,
    }
    return render(request, "pactos/pacto/gestion.html", contexto)


@permiso("pactos.editar_pacto")
def pacto_editar(request, pk: int):
    pacto = get_object_or_404(Pacto, pk=pk)
    form = PactoEditarForm(request.POST or None, instance=pacto)
    if request.method == "POST" and form.is_valid():
        datos = dict(form.cleaned_data)
        nota = datos.pop("nota", "")
        try:
            srv.pacto_editar(pacto=pacto, autor=request.user, nota=nota, **datos)
        except ValidationError as exc:
            _errores(request, exc)
        else:
            messages.success(request, _("Texto guardado; se registró una nueva versión."))
            return redirect(pacto.get_absolute_url())
    return render(
        request,
        "pactos/pacto/form.html",
        {"form": form, "pacto": pacto, "titulo": _("Editar pacto")},
    )


@require_POST
@permiso("pactos.editar_pacto")
def pacto_estado(request, pk: int):
    pacto = get_object_or_404(Pacto, pk=pk)
    try:
        pacto = srv.pacto_cambiar_estado(
            pacto=pacto, estado=request.POST.get("estado", ""), autor=request.user
        )
    except ValidationError as exc:
        _errores(request, exc)
    else:
        messages.success(
            request, _("El pacto está ahora «%(estado)s».") % {"estado": pacto.get_estado_display()}
        )
    return redirect(pacto.get_absolute_url())


@require_POST
@permiso("pactos.editar_pacto")
def firmante_agregar(request, pk: int):
    pacto = get_object_or_404(Pacto, pk=pk)
    form = FirmanteForm(request.POST)
    if form.is_valid():
        try:
            srv.firmante_agregar(pacto=pacto, **form.cleaned_data)
        except ValidationError as exc:
            _errores(request, exc)
        else:
            messages.success(request, _("Firma registrada."))
    else:
        for errores in form.errors.values():
            for e in errores:
                messages.error(request, e)
    return redirect(pacto.get_absolute_url())


@require_POST
@permiso("pactos.editar_pacto")
def copia_firmada(request, pk: int):
    pacto = get_object_or_404(Pacto, pk=pk)
    form = CopiaFirmadaForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            srv.pacto_adjuntar_copia_firmada(pacto=pacto, archivo=form.cleaned_data["archivo"])
        except ValidationError as exc:
            _errores(request, exc)
        else:
            messages.success(request, _("Copia firmada adjunta."))
    else:
        for e in form.errors.get("archivo", []):
            messages.error(request, e)
    return redirect(pacto.get_absolute_url())


@permiso("pactos.gestionar_pactos")
def pacto_versiones(request, pk: int):
    pacto = sel.pacto_para_gestion(pk=pk)
    versiones = list(pacto.versiones.select_related("autor"))
    posterior = anterior = None
    if versiones:
        numeros = {v.numero: v for v in versiones}
        try:
            posterior = numeros.get(int(request.GET.get("b", versiones[0].numero)))
            anterior = numeros.get(int(request.GET.get("a", posterior.numero - 1)))
        except (TypeError, ValueError, AttributeError):
            posterior = anterior = None
    diferencias = (
        sel.version_diferencias(anterior=anterior, posterior=posterior)
        if anterior and posterior
        else []
    )
    return render(
        request,
        "pactos/pacto/versiones.html",
        {
            "pacto": pacto,
            "versiones": versiones,
            "anterior": anterior,
            "posterior": posterior,
            "diferencias": diferencias,
        },
    )


@permiso("pactos.gestionar_pactos")
def pacto_historial(request, pk: int):
    pacto = sel.pacto_para_gestion(pk=pk)
    cambios = list(pacto.history.select_related("history_user")[:50])
    cambios_compromisos = list(
        Compromiso.history.filter(pacto_id=pacto.pk).select_related("history_user")[:100]
    )
    return render(
        request,
        "pactos/pacto/historial.html",
        {"pacto": pacto, "cambios": cambios, "cambios_compromisos": cambios_compromisos},
    )


# --- Staff: consolidation --------------------------------------------------------------------


@permiso("pactos.consolidar")
def consolidar(request, pk: int):
    pacto = sel.pacto_para_gestion(pk=pk)
    filtro = FiltroAcuerdosForm(request.GET or None, pacto=pacto)
    if request.method == "POST":
        return _consolidar_accion(request, pacto)
    acuerdos = Paginator(sel.acuerdos_para_consolidar(pacto=pacto, filtros=filtro.filtros()), 50)
    pagina = acuerdos.get_page(request.GET.get("pagina"))
    contexto = {
        "pacto": pacto,
        "filtro": filtro,
        "pagina": pagina,
        "compromisos": pacto.compromisos.order_by("numero"),
        "consolidar_form": ConsolidarForm(),
        "editable": pacto.estado in srv.ESTADOS_EDITABLES,
        "parametros": request.GET.urlencode(),
    }
    return render(request, "pactos/pacto/consolidar.html", contexto)


def _consolidar_accion(request, pacto: Pacto):
    accion = request.POST.get("accion")
    ids = ids_de_formulario(request.POST.getlist("acuerdos"))
    volver = reverse("pactos:consolidar", kwargs={"pk": pacto.pk})
    if request.POST.get("parametros"):
        # Re-encoded: a raw value with a newline would break the Location header (a 500).
        volver += "?" + QueryDict(request.POST["parametros"]).urlencode()
    try:
        if accion == "crear":
            form = ConsolidarForm(request.POST)
            if not form.is_valid():
                for errores in form.errors.values():
                    for e in errores:
                        messages.error(request, e)
                return redirect(volver)
            compromiso = srv.compromiso_consolidar(
                pacto=pacto, acuerdos=ids, autor=request.user, **form.cleaned_data
            )
            messages.success(
                request,
                _("Compromiso %(n)s creado con %(k)s acuerdos.")
                % {"n": compromiso.numero, "k": len(ids)},
            )
        elif accion == "vincular":
            compromiso = get_object_or_404(
                Compromiso, pk=id_de_formulario(request.POST.get("compromiso")), pacto=pacto
            )
            srv.compromiso_vincular_acuerdos(
                compromiso=compromiso, acuerdos=ids, autor=request.user
            )
            messages.success(
                request, _("Acuerdos añadidos al compromiso %(n)s.") % {"n": compromiso.numero}
            )
        elif accion == "descartar":
            from mesas.models import Acuerdo

            motivo = request.POST.get("motivo", "")
            if not ids:
                raise ValidationError(_("Elija al menos un acuerdo."))
            for acuerdo in Acuerdo.objects.filter(pk__in=ids):
                srv.acuerdo_descartar(
                    pacto=pacto, acuerdo=acuerdo, motivo=motivo, autor=request.user
                )
            messages.success(request, _("Acuerdos marcados como no incorporados."))
        elif accion == "recuperar":
            from mesas.models import Acuerdo

            for acuerdo in Acuerdo.objects.filter(pk__in=ids):
                srv.acuerdo_recuperar(pacto=pacto, acuerdo=acuerdo)
            messages.success(request, _("Acuerdos devueltos a pendientes."))
        else:
            messages.error(request, _("Acción desconocida."))
    except ValidationError as exc:
        _errores(request, exc)
    return redirect(volver)


# --- Staff: commitments ----------------------------------------------------------------------


@permiso("pactos.gestionar_pactos")
def compromiso_gestion(request, pk: int):
    compromiso = sel.compromiso_para_gestion(pk=pk)
    user = request.user
    puede_editar = user.has_perm("pactos.editar_pacto")
    puede_actualizar = user.has_perm("pactos.actualizar_compromiso", compromiso)
    contexto = {
        "compromiso": compromiso,
        "pacto": compromiso.pacto,
        "puede_editar": puede_editar,
        "editable": compromiso.pacto.estado in srv.ESTADOS_EDITABLES,
        "form": CompromisoForm(instance=compromiso) if puede_editar else None,
        "hito_form": HitoForm() if puede_editar else None,
        "actualizacion_form": ActualizacionForm(compromiso=compromiso)
        if puede_actualizar
        else None,
        "evidencia_form": EvidenciaForm() if puede_actualizar else None,
        "otros": compromiso.pacto.compromisos.exclude(pk=compromiso.pk).order_by("numero"),
        "historial": compromiso.history.select_related("history_user")[:20],
        "seguimiento": compromiso.pacto.estado in srv.ESTADOS_SEGUIMIENTO,
    }
    return render(request, "pactos/compromiso/gestion.html", contexto)


@require_POST
@permiso("pactos.editar_pacto")
def compromiso_editar(request, pk: int):
    compromiso = get_object_or_404(Compromiso, pk=pk)
    form = CompromisoForm(request.POST, instance=Compromiso.objects.get(pk=pk))
    if form.is_valid():
        datos = dict(form.cleaned_data)
        socios = datos.pop("socios")
        try:
            srv.compromiso_editar(compromiso=compromiso, autor=request.user, socios=socios, **datos)
        except ValidationError as exc:
            _errores(request, exc)
        else:
            messages.success(request, _("Compromiso guardado."))
    else:
        for campo, errores in form.errors.items():
            for e in errores:
                messages.error(
                    request, f"{form.fields[campo].label if campo in form.fields else ''}: {e}"
                )
    return redirect(compromiso.get_absolute_url())


@require_POST
@permiso("pactos.editar_pacto")
def compromiso_reorganizar(request, pk: int):
    """Merge, split, unlink an agreement or delete: the consolidation of one commitment."""
    compromiso = get_object_or_404(Compromiso.objects.select_related("pacto"), pk=pk)
    accion = request.POST.get("accion")
    destino = compromiso.get_absolute_url()
    try:
        if accion == "fusionar":
            otros = list(
                Compromiso.objects.filter(
                    pacto=compromiso.pacto, pk__in=ids_de_formulario(request.POST.getlist("otros"))
                )
            )
            srv.compromisos_fusionar(destino=compromiso, otros=otros, autor=request.user)
            messages.success(request, _("Compromisos fusionados."))
        elif accion == "dividir":
            nuevo = srv.compromiso_dividir(
                compromiso=compromiso,
                acuerdos=ids_de_formulario(request.POST.getlist("acuerdos")),
                titulo=request.POST.get("titulo", ""),
                texto=request.POST.get("texto", ""),
                autor=request.user,
            )
            messages.success(
                request, _("Compromiso dividido: se creó el %(n)s.") % {"n": nuevo.numero}
            )
        elif accion == "desvincular":
            from mesas.models import Acuerdo

            acuerdo = get_object_or_404(Acuerdo, pk=id_de_formulario(request.POST.get("acuerdo")))
            srv.compromiso_desvincular_acuerdo(compromiso=compromiso, acuerdo=acuerdo)
            messages.success(request, _("El acuerdo volvió a la lista de pendientes."))
        elif accion == "eliminar":
            pacto = compromiso.pacto
            srv.compromiso_eliminar(compromiso=compromiso)
            messages.success(
                request, _("Compromiso eliminado; sus acuerdos volvieron a pendientes.")
            )
            return redirect(pacto.get_absolute_url())
        else:
            messages.error(request, _("Acción desconocida."))
    except ValidationError as exc:
        _errores(request, exc)
    return redirect(destino)


@require_POST
@permiso("pactos.editar_pacto")
def hito_agregar(request, pk: int):
    compromiso = get_object_or_404(Compromiso, pk=pk)
    form = HitoForm(request.POST)
    if form.is_valid():
        srv.hito_agregar(compromiso=compromiso, **form.cleaned_data)
        messages.success(request, _("Hito añadido."))
    else:
        messages.error(request, _("Revise el hito: título, fecha y peso son obligatorios."))
    return redirect(compromiso.get_absolute_url())


def _puede_actualizar(request, compromiso: Compromiso):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    exigir_permiso(request.user, "pactos.actualizar_compromiso", compromiso)
    return None


@require_POST
def compromiso_actualizar(request, pk: int):
    compromiso = get_object_or_404(
        Compromiso.objects.select_related("pacto").prefetch_related("hitos"), pk=pk
    )
    if (respuesta := _puede_actualizar(request, compromiso)) is not None:
        return respuesta
    form = ActualizacionForm(request.POST, compromiso=compromiso)
    volver = destino_local(request, request.POST.get("volver"), compromiso.get_absolute_url())
    if form.is_valid():
        datos = form.cleaned_data
        # On whose behalf: the lead if the user reports for it, else the partner they report for.
        propios = set(sel.actores_de_usuario(user=request.user))
        if compromiso.lider_id in propios:
            organizacion = compromiso.lider
        else:
            organizacion = compromiso.socios.filter(pk__in=propios).first()
        try:
            srv.compromiso_actualizar(
                compromiso=compromiso,
                autor=request.user,
                texto=datos["texto"],
                estado=datos["estado"],
                avance=datos.get("avance"),
                motivo=datos.get("motivo", ""),
                hitos_cumplidos=[int(h) for h in datos["hitos"]] if "hitos" in datos else None,
                organizacion=organizacion,
            )
        except ValidationError as exc:
            _errores(request, exc)
        else:
            messages.success(
                request,
                _("Avance del compromiso %(n)s registrado. Gracias.") % {"n": compromiso.numero},
            )
    else:
        for campo, errores in form.errors.items():
            for e in errores:
                etiqueta = form.fields[campo].label if campo in form.fields else ""
                messages.error(request, f"{compromiso.numero}. {etiqueta}: {e}")
    return redirect(volver)


@require_POST
def evidencia_agregar(request, pk: int):
    compromiso = get_object_or_404(Compromiso.objects.select_related("pacto"), pk=pk)
    if (respuesta := _puede_actualizar(request, compromiso)) is not None:
        return respuesta
    form = EvidenciaForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            srv.evidencia_agregar(compromiso=compromiso, autor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _errores(request, exc)
        else:
            messages.success(request, _("Evidencia añadida."))
    else:
        for e in form.non_field_errors():
            messages.error(request, e)
    return redirect(
        destino_local(request, request.POST.get("volver"), compromiso.get_absolute_url())
    )


@permiso("pactos.ver_mis_compromisos")
def mis_compromisos(request):
    compromisos = sel.compromisos_de_usuario(user=request.user)
    filas = [(c, ActualizacionForm(compromiso=c)) for c in compromisos]
    return render(
        request,
        "pactos/compromiso/mis_compromisos.html",
        {"filas": filas, "hoy": timezone.localdate()},
    )


# --- Dashboard, exports and CSV import -------------------------------------------------------


@permiso("pactos.ver_tablero")
def tablero(request):
    filtro = FiltroTableroForm(request.GET or None)
    filtros = filtro.filtros()
    # The dashboard's totals aggregate every commitment: counted again after a write.
    datos = datos_publicos(
        f"pactos:tablero:{sorted(filtros.items())!r}", lambda: sel.tablero(filtros=filtros)
    )
    pagina = Paginator(sel.compromisos_del_tablero(filtros=filtros), 50).get_page(
        request.GET.get("pagina")
    )
    maximo_estado = max([f["n"] for f in datos["por_estado"]] + [1])
    grafico_tiempo = {
        "titulo": _("Avance medio informado (%)"),
        "etiquetas": [m["mes"] for m in datos["por_mes"]],
        "valores": [m["avance"] for m in datos["por_mes"]],
    }
    grafico_estados = {
        "titulo": _("Compromisos por estado"),
        "etiquetas": [str(f["nombre"]) for f in datos["por_estado"]],
        "valores": [f["n"] for f in datos["por_estado"]],
        "colores": ["#6c757d", "#0b6b3a", "#8a5a00", "#b3261e", "#064a28", "#343a40"],
    }
    return render(
        request,
        "pactos/compromiso/tablero.html",
        {
            "filtro": filtro,
            "datos": datos,
            "pagina": pagina,
            "maximo_estado": maximo_estado,
            "grafico_tiempo": grafico_tiempo,
            "grafico_estados": grafico_estados,
            "parametros": request.GET.urlencode(),
        },
    )


def _filas_exportacion(filtros: dict):
    cabecera = [
        _("Pacto"),
        _("Número"),
        _("Compromiso"),
        _("Eje"),
        _("Cantón"),
        _("Responsable principal"),
        _("Socios"),
        _("Plazo"),
        _("Presupuesto (USD)"),
        _("Estado"),
        _("Avance (%)"),
        _("Última actualización"),
    ]
    filas = []
    for c in sel.compromisos_del_tablero(filtros=filtros):
        filas.append(
            [
                c.pacto.titulo,
                c.numero,
                c.titulo,
                str(c.pacto.eje),
                c.canton.nombre if c.canton_id else "",
                c.lider.nombre if c.lider_id else "",
                "; ".join(s.nombre for s in c.socios.all()),
                c.plazo.isoformat() if c.plazo else "",
                float(c.presupuesto) if c.presupuesto is not None else "",
                c.get_estado_display(),
                c.avance,
                timezone.localtime(c.ultima_actualizacion).strftime("%Y-%m-%d")
                if c.ultima_actualizacion
                else "",
            ]
        )
    return cabecera, filas


@permiso("pactos.ver_tablero")
def tablero_exportar(request, formato: str):
    filtro = FiltroTableroForm(request.GET or None)
    cabecera, filas = _filas_exportacion(filtro.filtros())
    if formato == "xlsx":
        from openpyxl import Workbook

        libro = Workbook()
        hoja = libro.active
        hoja.title = "Compromisos"
        hoja.append(cabecera)
        for fila in filas:
            hoja.append(fila_segura(fila))
        salida = io.BytesIO()
        libro.save(salida)
        respuesta = HttpResponse(
            salida.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        respuesta["Content-Disposition"] = 'attachment; filename="compromisos.xlsx"'
        return respuesta
    salida = io.StringIO()
    escritor = escritor_csv(salida)
    escritor.writerow(cabecera)
    escritor.writerows(filas)
    respuesta = HttpResponse("\ufeff" + salida.getvalue(), content_type="text/csv; charset=utf-8")
    respuesta["Content-Disposition"] = 'attachment; filename="compromisos.csv"'
    return respuesta


@permiso("pactos.importar_avances")
def importar_avances(request):
    form = ImportarAvancesForm(request.POST or None, request.FILES or None)
    filas = None
    if request.method == "POST" and form.is_valid():
        contenido = form.cleaned_data["contenido"]
        if request.POST.get("confirmar"):
            try:
                resultado = srv.avances_importar(contenido=contenido, autor=request.user)
            except ValidationError as exc:
                _errores(request, exc)
            else:
                n = resultado.actualizados
                messages.success(
                    request,
                    ngettext("%(n)s compromiso actualizado.", "%(n)s compromisos actualizados.", n)
                    % {"n": n},
                )
                if m := resultado.avance_ignorado:
                    messages.warning(
                        request,
                        _(
                            "En %(m)s de ellos no se aplicó el avance del archivo: se calcula "
                            "con sus hitos."
                        )
                        % {"m": m},
                    )
                return redirect("pactos:tablero_compromisos")
        try:
            filas = srv.avances_leer_csv(contenido=contenido)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            form = ImportarAvancesForm(initial={"contenido": contenido})
    hay_errores = bool(filas) and any(f.errores for f in filas)
    return render(
        request,
        "pactos/compromiso/importar.html",
        {"form": form, "filas": filas, "hay_errores": hay_errores},
    )


def plantilla_csv(request):
    contenido = "pacto,numero,estado,avance,texto,motivo\n"
    respuesta = HttpResponse(contenido, content_type="text/csv; charset=utf-8")
    respuesta["Content-Disposition"] = 'attachment; filename="plantilla-avances.csv"'
    return respuesta
