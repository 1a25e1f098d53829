"""Staff pages of the SIE: the analysts' desk, one value and one view per action on it (correct,
validate, publish, withdraw), bulk validation and publication, targets and the catalogue."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.historial import historial_para
from core.seguridad import destino_local
from core.vistas import SoloPost, VistaAccion, VistaStaff, objeto_o_404, paginar

from .. import services
from ..catalogo import DIMENSIONES
from ..forms import (
    CorregirMedicionForm,
    FiltroMedicionesForm,
    IndicadorForm,
    MetaForm,
    SeleccionMedicionesForm,
    ValidarMedicionForm,
)
from ..models import Indicador, Medicion, MetaIndicador
from ..selectors import mediciones_de_gestion, mediciones_pendientes, metas_con_avance


class GestionView(VistaStaff):
    """The analyst's desk: every value with its state and flags, filters and bulk actions."""

    permiso = "sie.ver_gestion"
    template_name = "sie/gestion/mediciones.html"

    def get_context_data(self, **kwargs):
        form = FiltroMedicionesForm(self.request.GET or None)
        mediciones = mediciones_de_gestion(usuario=self.request.user).order_by(
            "-actualizado", "indicador__codigo"
        )
        if form.is_valid():
            mediciones = form.filtrar(mediciones)
        return super().get_context_data(
            form=form,
            pagina=paginar(self.request, mediciones, 50, "pagina"),
            puede_validar=self.request.user.has_perm("sie.validar_medicion"),
            **mediciones_pendientes(),
            **kwargs,
        )


class _AccionSeleccion(SoloPost, VistaAccion):
    """A bulk action on the values ticked on the desk; back to the desk afterwards."""

    permiso = "sie.validar_medicion"
    form_class = SeleccionMedicionesForm

    def get_success_url(self) -> str:
        return destino_local(self.request, self.request.POST.get("volver"), reverse("sie:gestion"))

    def form_invalid(self, form, status=400):
        for mensaje in form.errors.get("ids", []):
            messages.warning(self.request, mensaje)
        return HttpResponseRedirect(self.get_success_url())


class ValidarSeleccionView(_AccionSeleccion):
    """Validate the selected drafts that have no flags."""

    def ejecutar(self, form):
        hechas, omitidas = services.mediciones_validar(
            mediciones=list(form.cleaned_data["ids"]), usuario=self.request.user
        )
        messages.success(self.request, _("Valores validados: %(n)d.") % {"n": hechas})
        if omitidas:
            messages.warning(
                self.request,
                _(
                    "%(n)d valores con alertas no se validaron: ábralos, corríjalos o "
                    "justifíquelos uno por uno."
                )
                % {"n": omitidas},
            )


class PublicarSeleccionView(_AccionSeleccion):
    """Publish the selected validated values."""

    def ejecutar(self, form):
        hechas = services.mediciones_publicar(
            mediciones=list(form.cleaned_data["ids"]), usuario=self.request.user
        )
        messages.success(self.request, _("Valores publicados: %(n)d.") % {"n": hechas})


class _ContextoMedicion:
    """The page of one value: its flags, history and the forms of the actions on it."""

    template_name = "sie/gestion/medicion.html"

    def cargar_objeto(self):
        return objeto_o_404(
            Medicion.objects.select_related("indicador", "canton", "parroquia", "validado_por"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        m = self.objeto
        form = kwargs.get("form")
        if not isinstance(form, CorregirMedicionForm):
            initial = {"valor": m.valor, "fuente": m.fuente, "fecha_dato": m.fecha_dato}
            kwargs["form_corregir"] = CorregirMedicionForm(initial=initial)
        else:
            kwargs["form_corregir"] = form
        kwargs["form_validar"] = (
            form if isinstance(form, ValidarMedicionForm) else ValidarMedicionForm()
        )
        return super().get_context_data(
            medicion=m,
            historial=historial_para(self.request, m.history.all()),
            puede_registrar=self.request.user.has_perm("sie.registrar_medicion"),
            categoria=dict(DIMENSIONES.get(m.desagregacion, ("", []))[1]).get(m.categoria, ""),
            **kwargs,
        )


class MedicionView(_ContextoMedicion, VistaStaff):
    permiso = "sie.ver_gestion"


class _AccionMedicion(SoloPost, _ContextoMedicion, VistaAccion):
    """One action on one value: POST only; an error shows the value's page again (400)."""

    form_class = forms.Form

    def get_success_url(self) -> str:
        return reverse("sie:medicion", args=[self.objeto.pk])


class MedicionCorregirView(_AccionMedicion):
    permiso = "sie.registrar_medicion"
    form_class = CorregirMedicionForm

    def ejecutar(self, form):
        nueva = services.medicion_corregir(
            medicion=self.objeto, usuario=self.request.user, **form.cleaned_data
        )
        if nueva.alertas:
            messages.warning(self.request, _("Valor corregido, pero sigue con alertas."))
        else:
            messages.success(self.request, _("Valor corregido: ya no tiene alertas."))
        return nueva


class MedicionValidarView(_AccionMedicion):
    permiso = "sie.validar_medicion"
    form_class = ValidarMedicionForm
    mensaje_exito = gettext_lazy("Valor validado: ya se puede publicar.")

    def ejecutar(self, form):
        return services.medicion_validar(
            medicion=self.objeto,
            usuario=self.request.user,
            justificacion=form.cleaned_data["justificacion"],
        )


class MedicionPublicarView(_AccionMedicion):
    permiso = "sie.publicar_medicion"
    mensaje_exito = gettext_lazy("Valor publicado: ya es visible para el público.")

    def ejecutar(self, form):
        return services.medicion_publicar(medicion=self.objeto, usuario=self.request.user)


class MedicionRetirarView(_AccionMedicion):
    permiso = "sie.publicar_medicion"
    mensaje_exito = gettext_lazy("Valor retirado de la publicación.")

    def ejecutar(self, form):
        return services.medicion_retirar(medicion=self.objeto, usuario=self.request.user)


class MetasView(VistaStaff):
    permiso = "sie.ver_gestion"
    template_name = "sie/gestion/metas.html"

    def get_context_data(self, **kwargs):
        pagina = paginar(
            self.request, MetaIndicador.objects.select_related("indicador", "canton"), 50, "pagina"
        )
        return super().get_context_data(
            pagina=pagina,
            items=metas_con_avance(metas=pagina.object_list),
            puede_editar=self.request.user.has_perm("sie.gestionar_metas"),
            **kwargs,
        )


class MetaEditarView(VistaAccion):
    """A new target, or an existing one edited (with pk)."""

    permiso = "sie.gestionar_metas"
    template_name = "sie/gestion/meta_form.html"
    form_class = MetaForm
    success_url = reverse_lazy("sie:metas")
    mensaje_exito = gettext_lazy("Meta guardada.")

    def cargar_objeto(self):
        if "pk" not in self.kwargs:
            return None
        return objeto_o_404(MetaIndicador, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.objeto}

    def get_context_data(self, **kwargs):
        return super().get_context_data(meta=self.objeto, **kwargs)

    def ejecutar(self, form):
        return services.meta_guardar(
            meta=self.objeto, usuario=self.request.user, **form.cleaned_data
        )


class IndicadorEditarView(VistaAccion):
    """An indicator of the catalogue; back to its public page when saved."""

    permiso = "sie.editar_indicador"
    template_name = "sie/gestion/indicador_form.html"
    form_class = IndicadorForm
    mensaje_exito = gettext_lazy("Indicador guardado.")

    def cargar_objeto(self):
        return objeto_o_404(Indicador, codigo=self.kwargs["codigo"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.objeto}

    def get_context_data(self, **kwargs):
        return super().get_context_data(indicador=self.objeto, **kwargs)

    def ejecutar(self, form):
        return services.indicador_guardar(
            indicador=form.save(commit=False), usuario=self.request.user
        )
