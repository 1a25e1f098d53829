"""Views of pactos and commitments: each page states its rule and how it loads its object, each
action its form and the one service it calls (core.vistas)."""

from __future__ import annotations

import copy
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from canales.selectors import conversacion_de
from canales.services import destino_de
from core.cache import PaginaPublicaMixin, datos_publicos
from core.enlaces import FeedPortal
from core.exportar import respuesta_descarga
from core.forms import ConfirmarForm
from core.historial import historial_para
from core.seguridad import destino_local
from core.tarjetas import respuesta_png, tarjeta_png
from core.vistas import PUBLICO, SoloPost, VistaAccion, VistaStaff, objeto_o_404, paginar

from ..forms.pactos import (
    ActualizacionForm,
    AcuerdosElegidosForm,
    CompromisoForm,
    ConsolidarForm,
    ContactoOrganizacionForm,
    CopiaFirmadaForm,
    DescartarForm,
    DesvincularForm,
    DividirForm,
    EliminarForm,
    EvidenciaForm,
    FiltroAcuerdosForm,
    FiltroPublicoForm,
    FiltroTableroForm,
    FirmanteForm,
    FusionarForm,
    HitoForm,
    ImportarAvancesForm,
    PactoEditarForm,
    PactoEstadoForm,
    PactoForm,
    VincularForm,
)
from ..models.pactos import AvancePropuesto, Compromiso, ContactoResponsable, Firmante, Pacto
from ..selectors import pactos as sel
from ..services import avances_por_mensaje
from ..services import pactos as srv

# --- Public ----------------------------------------------------------------------------------


class PactosPublicosView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "pactos/pacto/publicos.html"

    def get_context_data(self, **kwargs):
        from pactos.avisos_publicos import avisos_publicos

        return super().get_context_data(
            pactos=sel.pactos_publicados_con_resumen(), avisos=avisos_publicos(), **kwargs
        )


class PactoPublicoView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "pactos/pacto/publico.html"

    def cargar_objeto(self):
        return sel.pacto_publico(slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        pacto = self.objeto
        filtro = FiltroPublicoForm(self.request.GET or None, pacto=pacto)
        pagina = sel.compromisos_de_pacto_publico_pagina(
            pacto=pacto, filtros=filtro.filtros(), numero=self.request.GET.get("pagina")
        )
        return super().get_context_data(
            pacto=pacto,
            filtro=filtro,
            compromisos=pagina.object_list,
            pagina=pagina,
            firmantes=pacto.firmantes.all(),
            **kwargs,
        )


class PactoTarjetaView(VistaStaff):
    """The image shown beside a shared link to a published pacto (og:image): 1200×630 PNG."""

    permiso = PUBLICO

    def cargar_objeto(self):
        return sel.pacto_publico(slug=self.kwargs["slug"])

    def get(self, request, *args, **kwargs):
        pacto = self.objeto
        lugar = pacto.canton.nombre if pacto.canton_id else _("Provincia de Pichincha")
        contenido = tarjeta_png(
            titulo=pacto.titulo,
            etiqueta=_("Pacto") + f" · {pacto.eje}",
            detalle=lugar,
            pie=_("Gobierno Provincial de Pichincha"),
        )
        return respuesta_png(contenido)


class CompromisoPublicoView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "pactos/compromiso/publico.html"

    def cargar_objeto(self):
        return sel.compromiso_publico(slug=self.kwargs["slug"], numero=self.kwargs["numero"])

    def get_context_data(self, **kwargs):
        compromiso = self.objeto
        return super().get_context_data(
            compromiso=compromiso,
            pacto=compromiso.pacto,
            rastro=sel.rastro_compromiso(compromiso),
            **kwargs,
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


class PactosGestionView(VistaStaff):
    permiso = "pactos.gestionar_pactos"
    template_name = "pactos/pacto/gestion_lista.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pactos=sel.pactos_para_gestion(),
            puede_editar=self.puede("pactos.editar_pacto"),
            **kwargs,
        )


class PactoCrearView(VistaAccion):
    permiso = "pactos.editar_pacto"
    form_class = PactoForm
    template_name = "pactos/pacto/form.html"
    mensaje_exito = gettext_lazy("Pacto creado en borrador.")
    extra_context = {"titulo": gettext_lazy("Nuevo pacto")}

    def ejecutar(self, form):
        return srv.pacto_crear(usuario=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.resultado.get_absolute_url()


class PaginaPacto(VistaStaff):
    """A staff page of one pacto."""

    permiso = "pactos.gestionar_pactos"

    def cargar_objeto(self):
        return sel.pacto_para_gestion(pk=self.kwargs["pk"])


class PactoGestionView(PaginaPacto):
    template_name = "pactos/pacto/gestion.html"

    def get_context_data(self, **kwargs):
        pacto = self.objeto
        puede_editar = self.puede("pactos.editar_pacto")
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
        return super().get_context_data(**{**contexto, **kwargs})


class FormEnLaPagina:
    """An action whose form lives on another view's page: a refused one shows that page again
    (400) with the bound form in its place (`nombre_form`) and its errors above the page."""

    nombre_form = "form"

    def get_context_data(self, **kwargs):
        if "form" in kwargs:
            kwargs[self.nombre_form] = kwargs["form"]
            kwargs["errores_accion"] = kwargs["form"]
        return super().get_context_data(**kwargs)


class AccionDePacto(SoloPost, FormEnLaPagina, VistaAccion, PactoGestionView):
    """An action of the pacto's page."""

    permiso = "pactos.editar_pacto"


class PactoEditarView(VistaAccion, PaginaPacto):
    permiso = "pactos.editar_pacto"
    form_class = PactoEditarForm
    template_name = "pactos/pacto/form.html"
    mensaje_exito = gettext_lazy("Texto guardado; se registró una nueva versión.")
    extra_context = {"titulo": gettext_lazy("Editar pacto")}

    def get_form_kwargs(self):
        # The form edits a copy: the page keeps the pacto as saved, whatever was typed.
        return {
            **super().get_form_kwargs(),
            "instance": copy.copy(self.objeto),
            "texto_fijo": srv.motivo_texto_fijo(self.objeto),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pacto=self.objeto, texto_fijo=srv.motivo_texto_fijo(self.objeto), **kwargs
        )

    def ejecutar(self, form):
        datos = dict(form.cleaned_data)
        nota = datos.pop("nota", "")
        return srv.pacto_editar(pacto=self.objeto, usuario=self.request.user, nota=nota, **datos)


class PactoEstadoView(AccionDePacto):
    form_class = PactoEstadoForm

    @property
    def mensaje_exito(self):
        return _("El pacto está ahora «%(estado)s».") % {
            "estado": self.resultado.get_estado_display()
        }

    def ejecutar(self, form):
        return srv.pacto_cambiar_estado(
            pacto=self.objeto, estado=form.cleaned_data["estado"], usuario=self.request.user
        )


class FirmanteAgregarView(AccionDePacto):
    form_class = FirmanteForm
    nombre_form = "firmante_form"
    mensaje_exito = gettext_lazy("Firma registrada.")

    def ejecutar(self, form):
        return srv.firmante_agregar(pacto=self.objeto, **form.cleaned_data)


class FirmanteQuitarView(AccionDePacto):
    form_class = ConfirmarForm
    nombre_form = "firmante_quitar_form"

    @property
    def mensaje_exito(self):
        return _("Firma de %(org)s quitada.") % {"org": self.firmante.organizacion.nombre}

    def ejecutar(self, form):
        self.firmante = objeto_o_404(
            self.objeto.firmantes.select_related("organizacion"), pk=self.kwargs["firmante"]
        )
        return srv.firmante_quitar(firmante=self.firmante, usuario=self.request.user)


class CopiaFirmadaView(AccionDePacto):
    form_class = CopiaFirmadaForm
    nombre_form = "copia_form"
    mensaje_exito = gettext_lazy("Copia firmada adjunta.")

    def ejecutar(self, form):
        return srv.pacto_adjuntar_copia_firmada(
            pacto=self.objeto, archivo=form.cleaned_data["archivo"]
        )


def _versiones_elegidas(versiones: list, parametros: QueryDict) -> tuple:
    """The two versions to compare: ?a=&b= or the latest against the one before."""
    if not versiones:
        return None, None
    numeros = {v.numero: v for v in versiones}
    try:
        posterior = numeros.get(int(parametros.get("b", versiones[0].numero)))
        anterior = numeros.get(int(parametros.get("a", posterior.numero - 1)))
    except (TypeError, ValueError, AttributeError):
        return None, None
    return anterior, posterior


class PactoVersionesView(PaginaPacto):
    template_name = "pactos/pacto/versiones.html"

    def get_context_data(self, **kwargs):
        versiones = list(self.objeto.versiones.select_related("autor"))
        anterior, posterior = _versiones_elegidas(versiones, self.request.GET)
        diferencias = (
            sel.version_diferencias(anterior=anterior, posterior=posterior)
            if anterior and posterior
            else []
        )
        return super().get_context_data(
            pacto=self.objeto,
            versiones=versiones,
            anterior=anterior,
            posterior=posterior,
            diferencias=diferencias,
            **kwargs,
        )


class PactoHistorialView(PaginaPacto):
    template_name = "pactos/pacto/historial.html"

    def get_context_data(self, **kwargs):
        pacto = self.objeto
        return super().get_context_data(
            pacto=pacto,
            cambios=historial_para(self.request, pacto.history.all(), excluidos={"version"}),
            cambios_compromisos=historial_para(
                self.request, Compromiso.history.filter(pacto_id=pacto.pk), con_objeto=True
            ),
            cambios_firmas=historial_para(
                self.request, Firmante.history.filter(pacto_id=pacto.pk), con_objeto=True
            ),
            **kwargs,
        )


# --- Staff: consolidation --------------------------------------------------------------------


class ConsolidarView(PaginaPacto):
    """The workspace: every agreement of the axis' tables, where it went or why it did not."""

    permiso = "pactos.consolidar"
    template_name = "pactos/pacto/consolidar.html"

    def parametros(self) -> QueryDict:
        return self.request.GET

    def get_context_data(self, **kwargs):
        pacto = self.objeto
        parametros = self.parametros()
        filtro = FiltroAcuerdosForm(parametros or None, pacto=pacto)
        acuerdos = sel.acuerdos_para_consolidar(pacto=pacto, filtros=filtro.filtros())
        form = kwargs.get("form")
        elegidos = form.elegidos() if form is not None else []
        consolidar_form = form if isinstance(form, ConsolidarForm) else None
        escrito = {}
        if form is not None and form.is_bound:
            # Another action was refused: what was typed in the other boxes stays too.
            escrito = {k: form.data.get(k) for k in ("titulo", "texto", "lider", "motivo")}
            if consolidar_form is None:
                consolidar_form = ConsolidarForm(pacto=pacto, initial=escrito)
        ligados = form is None and parametros.getlist("acuerdos")
        if ligados:
            # A link with ?acuerdos=… (another page of the list, another filter, a link from
            # elsewhere) opens the page with them ticked.
            elegidos = [str(a.pk) for a in sel.acuerdos_elegidos(pacto=pacto, ids=ligados)]
        volver = parametros.copy()
        volver.pop("acuerdos", None)
        pagina = Paginator(acuerdos, 50).get_page(parametros.get("pagina"))
        pagina.object_list = sel.con_propuesta(pagina.object_list)
        en_pagina = {acuerdo.pk for acuerdo in pagina.object_list}
        # Ticked on another page, or hidden by the filter: still ticked, shown above the list.
        fuera = sel.con_propuesta(
            a for a in sel.acuerdos_elegidos(pacto=pacto, ids=elegidos) if a.pk not in en_pagina
        )
        if ligados:
            # The commitment drafted from them, in the order the page lists them (the script
            # recognises its own draft and goes on following the ticks).
            en_orden = fuera + [a for a in pagina.object_list if str(a.pk) in elegidos]
            consolidar_form = ConsolidarForm(
                pacto=pacto, initial=sel.propuesta_de_compromiso(acuerdos=en_orden)
            )
        contexto = {
            "elegidos_fuera": fuera,
            "pacto": pacto,
            "filtro": filtro,
            "pagina": pagina,
            "compromisos": pacto.compromisos.order_by("numero"),
            "consolidar_form": consolidar_form or ConsolidarForm(pacto=pacto),
            "descartar_form": form
            if isinstance(form, DescartarForm)
            else DescartarForm(pacto=pacto, initial=escrito),
            "elegidos": elegidos,
            "editable": pacto.estado in srv.ESTADOS_EDITABLES,
            "parametros": volver.urlencode(),
        }
        return super().get_context_data(**{**contexto, **kwargs})


class AccionDeConsolidacion(SoloPost, FormEnLaPagina, VistaAccion, ConsolidarView):
    """One action on the ticked agreements; a refused one shows the workspace again with the
    ticks and what was typed (400)."""

    form_class = AcuerdosElegidosForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "pacto": self.objeto}

    def parametros(self) -> QueryDict:
        # Re-encoded: a raw value with a newline would break the Location header (a 500).
        return QueryDict(self.request.POST.get("parametros", ""))

    def get_success_url(self):
        volver = reverse("pactos:consolidar", kwargs={"pk": self.objeto.pk})
        parametros = self.parametros().urlencode()
        return f"{volver}?{parametros}" if parametros else volver


class CompromisoConsolidarView(AccionDeConsolidacion):
    form_class = ConsolidarForm

    @property
    def mensaje_exito(self):
        k = self.resultado.origenes.count()
        return ngettext(
            "Compromiso %(n)s creado con %(k)s acuerdo.",
            "Compromiso %(n)s creado con %(k)s acuerdos.",
            k,
        ) % {"n": self.resultado.numero, "k": k}

    def ejecutar(self, form):
        datos = form.cleaned_data
        return srv.compromiso_consolidar(
            pacto=self.objeto,
            acuerdos=datos["acuerdos"],
            titulo=datos["titulo"],
            texto=datos["texto"],
            lider=datos["lider"],
            usuario=self.request.user,
        )


class AcuerdosVincularView(AccionDeConsolidacion):
    form_class = VincularForm

    @property
    def mensaje_exito(self):
        return _("Acuerdos añadidos al compromiso %(n)s.") % {"n": self.resultado.numero}

    def ejecutar(self, form):
        return srv.compromiso_vincular_acuerdos(
            compromiso=form.cleaned_data["compromiso"],
            acuerdos=form.cleaned_data["acuerdos"],
            usuario=self.request.user,
        )


class AcuerdosDescartarView(AccionDeConsolidacion):
    form_class = DescartarForm
    mensaje_exito = gettext_lazy("Acuerdos marcados como no incorporados.")

    def ejecutar(self, form):
        return srv.acuerdos_descartar(
            pacto=self.objeto,
            acuerdos=form.cleaned_data["acuerdos"],
            motivo=form.cleaned_data["motivo"],
            usuario=self.request.user,
        )


class AcuerdosRecuperarView(AccionDeConsolidacion):
    mensaje_exito = gettext_lazy("Acuerdos devueltos a pendientes.")

    def ejecutar(self, form):
        return srv.acuerdos_recuperar(
            pacto=self.objeto, acuerdos=form.cleaned_data["acuerdos"], usuario=self.request.user
        )


# --- Staff: commitments ----------------------------------------------------------------------


class CompromisoGestionView(VistaStaff):
    permiso = "pactos.gestionar_pactos"
    template_name = "pactos/compromiso/gestion.html"

    def cargar_objeto(self):
        return sel.compromiso_para_gestion(pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        compromiso = self.objeto
        pacto = compromiso.pacto
        puede_editar = self.puede("pactos.editar_pacto")
        puede_actualizar = self.puede("pactos.actualizar_compromiso")
        contexto = {
            "compromiso": compromiso,
            "pacto": pacto,
            "puede_editar": puede_editar,
            "editable": pacto.estado in srv.ESTADOS_EDITABLES,
            "compromiso_form": CompromisoForm(
                instance=compromiso, texto_fijo=srv.motivo_texto_fijo(pacto)
            )
            if puede_editar
            else None,
            "hito_form": HitoForm() if puede_editar else None,
            "actualizacion_form": ActualizacionForm(compromiso=compromiso)
            if puede_actualizar
            else None,
            "evidencia_form": EvidenciaForm() if puede_actualizar else None,
            "fusionar_form": FusionarForm(compromiso=compromiso) if puede_editar else None,
            "dividir_form": DividirForm(compromiso=compromiso) if puede_editar else None,
            "historial": historial_para(
                self.request, compromiso.history.all(), excluidos={"ultima_actualizacion"}
            ),
            "avances_por_mensaje": list(
                compromiso.avances_propuestos.select_related("actor", "revisado_por")[:10]
            ),
            "conversacion": list(conversacion_de([compromiso])[:20])
            if self.request.user.has_perm("canales.ver_mensajes")
            else [],
            "puede_pedir_avance": self.puede("pactos.ver_tablero"),
            "lider_por_texto": bool(compromiso.lider and destino_de(compromiso.lider)),
            "seguimiento": pacto.estado in srv.ESTADOS_SEGUIMIENTO,
        }
        return super().get_context_data(**{**contexto, **kwargs})


class AccionDeCompromiso(SoloPost, FormEnLaPagina, VistaAccion, CompromisoGestionView):
    """An action of the commitment's page."""

    permiso = "pactos.editar_pacto"


class AvancePorMensajeConfirmarView(AccionDeCompromiso):
    """The coordinator confirms progress a responsible texted: the commitment's update."""

    permiso = "pactos.ver_tablero"
    form_class = ConfirmarForm
    mensaje_exito = gettext_lazy("Avance confirmado: ya figura en el seguimiento del compromiso.")

    def ejecutar(self, form):
        propuesta = objeto_o_404(
            AvancePropuesto.objects.filter(compromiso=self.objeto), pk=self.kwargs["propuesta"]
        )
        return avances_por_mensaje.avance_propuesto_confirmar(
            propuesta=propuesta, usuario=self.request.user
        )

    def get_success_url(self):
        return self.objeto.get_absolute_url() + "#avances-por-mensaje"


class AvancePorMensajeDescartarView(AvancePorMensajeConfirmarView):
    mensaje_exito = gettext_lazy("Avance descartado: no cambia el compromiso.")

    def ejecutar(self, form):
        propuesta = objeto_o_404(
            AvancePropuesto.objects.filter(compromiso=self.objeto), pk=self.kwargs["propuesta"]
        )
        return avances_por_mensaje.avance_propuesto_descartar(
            propuesta=propuesta, usuario=self.request.user
        )


class PedirAvancePorMensajeView(AccionDeCompromiso):
    """Ask the responsible organisation for progress by SMS or WhatsApp, now."""

    permiso = "pactos.ver_tablero"
    form_class = ConfirmarForm

    def ejecutar(self, form):
        return avances_por_mensaje.pedir_avance_por_texto(
            compromiso=self.objeto, usuario=self.request.user
        )

    def form_valid(self, form):
        if self.resultado:
            messages.success(
                self.request,
                _("Pedido enviado a %(org)s por mensaje de texto; su respuesta aparecerá aquí.")
                % {"org": self.objeto.lider.nombre},
            )
        else:
            messages.info(self.request, _("Hoy ya se le pidió el avance por mensaje de texto."))
        return super().form_valid(form)

    def get_success_url(self):
        return self.objeto.get_absolute_url() + "#avances-por-mensaje"


class CompromisoEditarView(AccionDeCompromiso):
    form_class = CompromisoForm
    nombre_form = "compromiso_form"
    mensaje_exito = gettext_lazy("Compromiso guardado.")

    def get_form_kwargs(self):
        # The form edits a copy: the page keeps the commitment as saved, whatever was typed.
        return {
            **super().get_form_kwargs(),
            "instance": copy.copy(self.objeto),
            "texto_fijo": srv.motivo_texto_fijo(self.objeto.pacto),
        }

    def ejecutar(self, form):
        datos = dict(form.cleaned_data)
        socios = datos.pop("socios")
        return srv.compromiso_editar(
            compromiso=self.objeto, usuario=self.request.user, socios=socios, **datos
        )


class CompromisosFusionarView(AccionDeCompromiso):
    form_class = FusionarForm
    nombre_form = "fusionar_form"
    mensaje_exito = gettext_lazy("Compromisos fusionados.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "compromiso": self.objeto}

    def ejecutar(self, form):
        return srv.compromisos_fusionar(
            destino=self.objeto, otros=list(form.cleaned_data["otros"]), usuario=self.request.user
        )


class CompromisoDividirView(AccionDeCompromiso):
    form_class = DividirForm
    nombre_form = "dividir_form"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "compromiso": self.objeto}

    @property
    def mensaje_exito(self):
        return _("Compromiso dividido: se creó el %(n)s.") % {"n": self.resultado.numero}

    def ejecutar(self, form):
        return srv.compromiso_dividir(
            compromiso=self.objeto, usuario=self.request.user, **form.cleaned_data
        )


class AcuerdoDesvincularView(AccionDeCompromiso):
    form_class = DesvincularForm
    mensaje_exito = gettext_lazy("El acuerdo volvió a la lista de pendientes.")

    def ejecutar(self, form):
        return srv.compromiso_desvincular_acuerdo(
            compromiso=self.objeto, acuerdo=form.cleaned_data["acuerdo"]
        )


class CompromisoEliminarView(AccionDeCompromiso):
    form_class = EliminarForm
    mensaje_exito = gettext_lazy("Compromiso eliminado; sus acuerdos volvieron a pendientes.")

    def ejecutar(self, form):
        return srv.compromiso_eliminar(compromiso=self.objeto)

    def get_success_url(self):
        return self.objeto.pacto.get_absolute_url()


class HitoAgregarView(AccionDeCompromiso):
    form_class = HitoForm
    nombre_form = "hito_form"
    mensaje_exito = gettext_lazy("Hito añadido.")

    def ejecutar(self, form):
        return srv.hito_agregar(compromiso=self.objeto, **form.cleaned_data)


class AccionDeResponsable(SoloPost, VistaAccion):
    """What a responsible organisation's contact does on its commitment, then back where it was.
    A refused one shows the commitment and the form alone (the contact may not see staff pages).
    """

    permiso = "pactos.actualizar_compromiso"
    template_name = "pactos/compromiso/accion.html"

    def cargar_objeto(self):
        return objeto_o_404(
            Compromiso.objects.select_related("pacto").prefetch_related("hitos"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            c=self.objeto, volver=self.request.POST.get("volver", ""), **kwargs
        )

    def get_success_url(self):
        return destino_local(
            self.request, self.request.POST.get("volver"), self.objeto.get_absolute_url()
        )


class CompromisoActualizarView(AccionDeResponsable):
    form_class = ActualizacionForm
    extra_context = {"actualizar": True}

    @property
    def mensaje_exito(self):
        return _("Avance del compromiso %(n)s registrado. Gracias.") % {"n": self.objeto.numero}

    def get_form_kwargs(self):
        # The form's own prefix (c<pk>): a page lists several commitments, each with its form.
        kwargs = {**super().get_form_kwargs(), "compromiso": self.objeto}
        kwargs.pop("prefix")
        return kwargs

    def ejecutar(self, form):
        datos = form.cleaned_data
        return srv.compromiso_actualizar(
            compromiso=self.objeto,
            usuario=self.request.user,
            texto=datos["texto"],
            estado=datos["estado"],
            avance=datos.get("avance"),
            motivo=datos.get("motivo", ""),
            hitos_cumplidos=[int(h) for h in datos["hitos"]] if "hitos" in datos else None,
            organizacion=sel.organizacion_que_informa(
                compromiso=self.objeto, user=self.request.user
            ),
        )


class EvidenciaAgregarView(AccionDeResponsable):
    form_class = EvidenciaForm
    mensaje_exito = gettext_lazy("Evidencia añadida.")

    def ejecutar(self, form):
        return srv.evidencia_agregar(
            compromiso=self.objeto, usuario=self.request.user, **form.cleaned_data
        )


class MisCompromisosView(VistaStaff):
    permiso = "pactos.ver_mis_compromisos"
    template_name = "pactos/compromiso/mis_compromisos.html"

    def get_context_data(self, **kwargs):
        compromisos = sel.compromisos_de_usuario(user=self.request.user)
        return super().get_context_data(
            filas=[(c, ActualizacionForm(compromiso=c)) for c in compromisos],
            hoy=timezone.localdate(),
            **kwargs,
        )


# --- Dashboard, exports and import -----------------------------------------------------------


def _graficos_tablero(datos: dict) -> dict:
    return {
        "maximo_estado": max([f["n"] for f in datos["por_estado"]] + [1]),
        "grafico_tiempo": {
            "titulo": _("Avance medio informado (%)"),
            "etiquetas": [m["mes"] for m in datos["por_mes"]],
            "valores": [m["avance"] for m in datos["por_mes"]],
        },
        "grafico_estados": {
            "titulo": _("Compromisos por estado"),
            "etiquetas": [str(f["nombre"]) for f in datos["por_estado"]],
            "valores": [f["n"] for f in datos["por_estado"]],
            "colores": ["#6c757d", "#0b6b3a", "#8a5a00", "#b3261e", "#064a28", "#343a40"],
        },
    }


class TableroView(VistaStaff):
    permiso = "pactos.ver_tablero"
    template_name = "pactos/compromiso/tablero.html"

    def get_context_data(self, **kwargs):
        filtro = FiltroTableroForm(self.request.GET or None)
        filtros = filtro.filtros()
        # The dashboard's totals aggregate every commitment: counted again after a write.
        datos = datos_publicos(
            f"pactos:tablero:{urlencode(sorted(filtros.items()))}",
            lambda: sel.tablero(filtros=filtros),
        )
        return super().get_context_data(
            filtro=filtro,
            datos=datos,
            pagina=paginar(
                self.request, sel.compromisos_del_tablero(filtros=filtros), 50, "pagina"
            ),
            parametros=self.request.GET.urlencode(),
            dias_silencio=sel.DIAS_SILENCIO,
            **_graficos_tablero(datos),
            **kwargs,
        )


CABECERA_EXPORTACION = (
    gettext_lazy("Pacto"),
    gettext_lazy("Número"),
    gettext_lazy("Compromiso"),
    gettext_lazy("Eje"),
    gettext_lazy("Cantón"),
    gettext_lazy("Responsable principal"),
    gettext_lazy("Socios"),
    gettext_lazy("Plazo"),
    gettext_lazy("Presupuesto (USD)"),
    gettext_lazy("Estado"),
    gettext_lazy("Avance (%)"),
    gettext_lazy("Última actualización"),
)


def _fila_exportacion(c: Compromiso) -> list:
    return [
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


class TableroExportarView(VistaStaff):
    permiso = "pactos.ver_tablero"

    def get(self, request, formato: str):
        filtros = FiltroTableroForm(request.GET or None).filtros()
        return respuesta_descarga(
            nombre="compromisos",
            cabecera=[str(c) for c in CABECERA_EXPORTACION],
            filas=(_fila_exportacion(c) for c in sel.compromisos_del_tablero(filtros=filtros)),
            formato="xlsx" if formato == "xlsx" else "csv",
            titulo="Compromisos",
        )


class ImportarAvancesView(VistaAccion):
    """A file of progress updates: first a preview of every row, then all of it or nothing."""

    permiso = "pactos.importar_avances"
    form_class = ImportarAvancesForm
    template_name = "pactos/compromiso/importar.html"
    filas = None

    def get_context_data(self, **kwargs):
        filas = self.filas
        return super().get_context_data(
            filas=filas,
            hay_errores=bool(filas) and any(f.errores for f in filas),
            estados=Compromiso.Estado.choices,
            estados_con_motivo=[Compromiso.Estado(e).label for e in Compromiso.ESTADOS_CON_MOTIVO],
            pactos_en_seguimiento=sel.pactos_en_seguimiento(),
            **kwargs,
        )

    def form_valid(self, form):
        if not self.request.POST.get("confirmar"):
            # The preview: the rows and what is wrong with them; nothing is written.
            self.filas = self.resultado
            return self.render_to_response(
                self.get_context_data(form=ImportarAvancesForm(initial=form.cleaned_data))
            )
        respuesta = super().form_valid(form)
        if m := self.resultado.avance_ignorado:
            messages.warning(
                self.request,
                _("En %(m)s de ellos no se aplicó el avance del archivo: se calcula con sus hitos.")
                % {"m": m},
            )
        return respuesta

    @property
    def mensaje_exito(self):
        n = self.resultado.actualizados
        return ngettext("%(n)s compromiso actualizado.", "%(n)s compromisos actualizados.", n) % {
            "n": n
        }

    def ejecutar(self, form):
        contenido = form.cleaned_data["contenido"]
        if self.request.POST.get("confirmar"):
            return srv.avances_importar(contenido=contenido, usuario=self.request.user)
        return srv.avances_leer(contenido=contenido)

    def get_success_url(self):
        return reverse("pactos:tablero_compromisos")


class PlantillaAvancesView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO

    def get(self, request):
        return respuesta_descarga(
            nombre="plantilla-avances",
            cabecera=srv.COLUMNAS_AVANCES,
            filas=[srv.avances_fila_de_ejemplo()],
            formato="csv",
        )


# --- Organisations' contact persons ----------------------------------------------------------


class ContactosOrganizacionView(VistaAccion):
    """The persons who answer for an organisation's commitments: they get the reminders and
    report progress in «Mis compromisos». Linked from the organisation's page."""

    permiso = "pactos.gestionar_contactos"
    form_class = ContactoOrganizacionForm
    template_name = "pactos/compromiso/contactos.html"
    mensaje_exito = gettext_lazy("Persona de contacto añadida.")

    def cargar_objeto(self):
        from actores.models import Actor

        return objeto_o_404(Actor, pk=self.kwargs["pk"], naturaleza=Actor.Naturaleza.ORGANIZACION)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "candidatos": sel.candidatos_contacto(actor=self.objeto),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            actor=self.objeto,
            contactos=sel.contactos_de_organizacion(actor=self.objeto),
            compromisos_sin_contacto=sel.compromisos_en_seguimiento(
                filtros={"sin_contacto": True}
            ).filter(lider=self.objeto),
            **kwargs,
        )

    def ejecutar(self, form):
        return srv.contacto_organizacion_agregar(
            actor=self.objeto, persona=form.cleaned_data["persona"], usuario=self.request.user
        )

    def get_success_url(self) -> str:
        return reverse("pactos:contactos_organizacion", args=[self.objeto.pk])


class ContactoQuitarView(SoloPost, VistaAccion):
    permiso = "pactos.gestionar_contactos"
    form_class = ConfirmarForm
    template_name = "pactos/compromiso/contactos.html"
    mensaje_exito = gettext_lazy("La persona ya no es contacto de la organización.")

    def cargar_objeto(self):
        return objeto_o_404(
            ContactoResponsable.objects.select_related("usuario", "actor"), pk=self.kwargs["pk"]
        )

    def ejecutar(self, form):
        self.actor_id = self.objeto.actor_id
        return srv.contacto_organizacion_quitar(contacto=self.objeto, usuario=self.request.user)

    def get_success_url(self) -> str:
        return reverse("pactos:contactos_organizacion", args=[self.actor_id])
