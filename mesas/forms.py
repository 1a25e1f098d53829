"""Forms of mesas: validation and layout only; the services decide."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actores.models import Actor
from core.formularios import areas_de_texto
from sie.models import Canton, Indicador, Parroquia

from .models import Acuerdo, Intervencion, Invitacion, Sesion
from .selectors import candidatos_asistencia, convocables, organizaciones


class _Fecha(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class _FechaHora(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class SesionForm(forms.ModelForm):
    class Meta:
        model = Sesion
        fields = ["inicio", "fin", "modalidad", "parroquia", "lugar", "enlace", "objetivo"]
        widgets = {
            **areas_de_texto(objetivo=2),
            "inicio": _FechaHora(),
            "fin": _FechaHora(),
        }

    def __init__(self, *args, mesa=None, **kwargs):
        super().__init__(*args, **kwargs)
        parroquias = Parroquia.objects.select_related("canton")
        if mesa is not None and mesa.canton_id:
            parroquias = parroquias.filter(canton=mesa.canton_id)
        self.fields["parroquia"].queryset = parroquias


class SesionEditarForm(SesionForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


def _organizacion_representada() -> forms.ModelChoiceField:
    """The organisation an attendee speaks for (its queryset is set by the form)."""
    return forms.ModelChoiceField(
        label=_("Organización a la que representa"),
        queryset=Actor.objects.none(),
        required=False,
        empty_label=_("(ninguna / a título personal)"),
    )


class _FormDeSesion(forms.Form):
    """A form of the session page: it knows its session (to offer its attendees, agenda...)."""

    def __init__(self, *args, sesion: Sesion, **kwargs):
        super().__init__(*args, **kwargs)
        self.sesion = sesion


class PuntoAgendaForm(_FormDeSesion):
    hora = forms.TimeField(
        label=_("Hora"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    titulo = forms.CharField(label=_("Tema"), max_length=200)
    proposito = forms.CharField(label=_("Propósito"), max_length=300, required=False)


class AsistenciaForm(_FormDeSesion):
    actor = forms.ModelChoiceField(
        label=_("Asistente"),
        queryset=Actor.objects.none(),
        help_text=_("Los miembros de la mesa aparecen primero."),
        empty_label=_("— Elija a la persona —"),
        error_messages={"required": _("Elija a la persona que asiste.")},
    )
    organizacion = _organizacion_representada()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = candidatos_asistencia(sesion=self.sesion)
        self.fields["organizacion"].queryset = organizaciones()


class AsistenteNuevoForm(_FormDeSesion):
    nombres = forms.CharField(label=_("Nombres"), max_length=120)
    apellidos = forms.CharField(label=_("Apellidos"), max_length=120)
    genero = forms.ChoiceField(
        label=_("Género"), choices=[("", "—"), *Actor.Genero.choices], required=False
    )
    tipo = forms.ChoiceField(label=_("Tipo de actor"), choices=Actor.Tipo.choices)
    canton = forms.ModelChoiceField(
        label=_("Cantón"), queryset=Canton.objects.all(), required=False
    )
    organizacion = _organizacion_representada()
    consentimiento_nombre_publico = forms.BooleanField(
        label=_("Acepta que su nombre aparezca en las publicaciones del portal"),
        help_text=_(
            "Pregúntele. Sin su consentimiento, el acta publicada y las páginas públicas muestran "
            "su organización (o «Participante») en lugar de su nombre."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizacion"].queryset = organizaciones()
        if self.sesion.mesa.canton_id:
            self.fields["canton"].initial = self.sesion.mesa.canton_id


class IntervencionForm(_FormDeSesion):
    actor = forms.ModelChoiceField(
        label=_("Quién interviene"),
        queryset=Actor.objects.none(),
        empty_label=_("— Elija entre los asistentes —"),
        error_messages={"required": _("Elija a la persona que interviene.")},
    )
    punto = forms.ModelChoiceField(
        label=_("Punto de agenda"), queryset=None, required=False, empty_label=_("(ninguno)")
    )
    tipo = forms.ChoiceField(label=_("Tipo"), choices=Intervencion.Tipo.choices)
    resumen = forms.CharField(
        label=_("Resumen"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = Actor.objects.filter(
            asistencias_mesa__sesion=self.sesion
        ).only("pk", "nombre")
        self.fields["punto"].queryset = self.sesion.agenda.all()


class PrioridadForm(_FormDeSesion):
    texto = forms.CharField(label=_("Prioridad"), max_length=300)
    votos = forms.IntegerField(label=_("Votos"), min_value=0, initial=0)


def _responsables(sesion: Sesion):
    return (
        Actor.objects.filter(activo=True)
        .filter(
            Q(asistencias_mesa__sesion=sesion)
            | Q(representaciones_mesa__sesion=sesion)
            | Q(mesas=sesion.mesa_id)
        )
        .distinct()
        .only("pk", "nombre")
        .order_by("nombre")
    )


class AcuerdoForm(_FormDeSesion):
    texto = forms.CharField(
        label=_("Acuerdo"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    responsables = forms.ModelMultipleChoiceField(
        label=_("Responsables"),
        queryset=Actor.objects.none(),
        required=False,
        help_text=_("Asistentes, sus organizaciones y los miembros de la mesa."),
    )
    plazo = forms.DateField(label=_("Plazo"), required=False, widget=_Fecha())
    resultado_esperado = forms.CharField(
        label=_("Resultado esperado"), max_length=300, required=False
    )
    indicador = forms.ModelChoiceField(
        label=_("Indicador del SIE (opcional)"),
        queryset=Indicador.objects.none(),
        required=False,
        empty_label=_("(sin indicador)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsables"].queryset = _responsables(self.sesion)
        eje = "turismo" if self.sesion.mesa.tipo == "turismo" else "agropecuario"
        self.fields["indicador"].queryset = Indicador.objects.filter(eje__codigo=eje)
        self.fields["responsables"].widget.attrs["size"] = 5


class AcuerdoEditarForm(AcuerdoForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    @staticmethod
    def datos_de(acuerdo: Acuerdo) -> dict:
        """The agreement as it is saved now: the initial data of its edit form."""
        return {
            "texto": acuerdo.texto,
            "responsables": list(acuerdo.responsables.all()),
            "plazo": acuerdo.plazo,
            "resultado_esperado": acuerdo.resultado_esperado,
            "indicador": acuerdo.indicador_id,
            "version": acuerdo.version,
        }


class TemaPendienteForm(_FormDeSesion):
    texto = forms.CharField(label=_("Tema pendiente"), max_length=300)


class ConvocatoriaForm(_FormDeSesion):
    actores = forms.ModelMultipleChoiceField(
        label=_("Invitar a"),
        queryset=Actor.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Elija al menos a una persona u organización.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sesion = self.sesion
        qs = convocables(sesion=sesion)
        self.fields["actores"].queryset = qs
        self.fields["actores"].label_from_instance = lambda a: (
            f"{a.nombre}" + ("" if a.email else " " + str(_("(sin correo)")))
        )
        if not self.is_bound:
            self.fields["actores"].initial = list(
                sesion.mesa.miembros.exclude(invitaciones_mesa__sesion=sesion).values_list(
                    "pk", flat=True
                )
            )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class SesionCancelarForm(VersionForm):
    motivo = forms.CharField(
        label=_("Motivo de la cancelación"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Se lo contamos a las personas invitadas en el correo de cancelación."),
        error_messages={
            "required": _("Escriba el motivo: se lo contaremos a las personas invitadas.")
        },
    )


class InvitacionesReenviarForm(_FormDeSesion):
    """Send the invitation again to the invitees marked, or to all who did not answer."""

    invitaciones = forms.ModelMultipleChoiceField(
        label=_("Volver a invitar a"),
        queryset=Invitacion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sin_respuesta = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invitaciones"].queryset = self.sesion.invitaciones.select_related("actor")

    def clean(self):
        datos = super().clean()
        if datos.get("sin_respuesta"):
            datos["invitaciones"] = list(
                self.fields["invitaciones"].queryset.filter(
                    respuesta=Invitacion.Respuesta.SIN_RESPUESTA
                )
            )
            if not datos["invitaciones"]:
                raise forms.ValidationError(_("Todas las personas invitadas ya respondieron."))
        elif not datos.get("invitaciones"):
            raise forms.ValidationError(_("Marque al menos a una persona invitada."))
        return datos


class RespuestaInvitacionForm(forms.Form):
    respuesta = forms.ChoiceField(
        label=_("Respuesta"), choices=[("si", _("Asistiré")), ("no", _("No podré asistir"))]
    )


class EquipoMesaForm(forms.Form):
    """Who facilitates a table and which actors are its members (coordinators only).

    Members are found by name: the search results, never the whole actor map, are offered.
    """

    facilitadores = forms.ModelMultipleChoiceField(
        label=_("Facilitación"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Quien facilita registra las sesiones de esta mesa y solo de esta."),
    )
    quitar = forms.ModelMultipleChoiceField(
        label=_("Quitar de la mesa"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    q = forms.CharField(
        label=_("Buscar actores por nombre o siglas"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"id": "id_buscar", "class": "form-control"}),
    )
    agregar = forms.ModelMultipleChoiceField(
        label=_("Añadir a la mesa"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    LIMITE_RESULTADOS = 25

    def __init__(self, *args, mesa, candidatos_facilitacion, actores, busqueda: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitadores"].queryset = candidatos_facilitacion
        self.fields["facilitadores"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["quitar"].queryset = mesa.miembros.order_by("nombre")
        self.fields["quitar"].label_from_instance = lambda a: a.nombre
        busqueda = busqueda.strip()
        encontrados = actores.none()
        if busqueda:
            ids = list(
                actores.filter(Q(nombre__icontains=busqueda) | Q(siglas__icontains=busqueda))
                .exclude(pk__in=mesa.miembros.values("pk"))
                .order_by("nombre")
                .values_list("pk", flat=True)[: self.LIMITE_RESULTADOS]
            )
            encontrados = actores.filter(pk__in=ids).order_by("nombre")
        self.fields["agregar"].queryset = encontrados
        self.fields["agregar"].label_from_instance = lambda a: (
            f"{a.nombre} ({a.canton.nombre})" if a.canton_id else a.nombre
        )
        self.busqueda = busqueda
