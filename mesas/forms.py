"""Forms of mesas: validation and layout only; the services decide."""

from __future__ import annotations

import uuid

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from actores.forms import campo_telefono
from actores.models import Actor
from actores.validadores import normalizar_identificacion, validar_identificacion
from canales.services import canal_de_texto
from core.formularios import areas_de_texto
from core.validadores import ArchivoValidador
from sie.campos import agrupar_parroquias
from sie.models import Canton, Indicador, Parroquia

from .models import Acuerdo, Asistencia, FotoSesion, Intervencion, Invitacion, Mesa, Sesion
from .papel import FOTO_MAX_MB
from .selectors import (
    candidatos_asistencia,
    convocables,
    organizaciones,
    organizaciones_de_membresia,
    tipo_habitual,
)


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
        agrupar_parroquias(self.fields["parroquia"])


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


class _FormDeRegistro(_FormDeSesion):
    """A record form of the session page: it carries the id of the item it creates, made when the
    form is shown (or by the offline client), so that sending it twice stores it once."""

    uid = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and "uid" in self.fields:
            self.fields["uid"].initial = uuid.uuid4()


def _actor_de_asistencia(sesion: Sesion, valor):
    """C2: an attendance's uid of this session stands for its attendee (a walk-in recorded
    offline, whose actor's pk the device does not know yet); anything else is left as it is."""
    try:
        uid = uuid.UUID(str(valor))
    except ValueError:
        return valor
    actor = (
        Asistencia.objects.filter(sesion=sesion, uid=uid).values_list("actor_id", flat=True).first()
    )
    return valor if actor is None else actor


class _AsistenteField(forms.ModelChoiceField):
    """An attendee: by the actor's pk or by the uid of their attendance of `sesion`."""

    sesion: Sesion | None = None

    def to_python(self, value):
        if self.sesion is not None and value not in self.empty_values:
            value = _actor_de_asistencia(self.sesion, value)
        return super().to_python(value)


class _AsistentesField(forms.ModelMultipleChoiceField):
    """Actors by pk, or attendees by the uid of their attendance of `sesion`."""

    sesion: Sesion | None = None

    def clean(self, value):
        if self.sesion is not None and isinstance(value, list | tuple):
            value = [_actor_de_asistencia(self.sesion, v) for v in value]
        return super().clean(value)


class PuntoAgendaForm(_FormDeRegistro):
    hora = forms.TimeField(
        label=_("Hora"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    titulo = forms.CharField(label=_("Tema"), max_length=200)
    proposito = forms.CharField(label=_("Propósito"), max_length=300, required=False)


class AsistenciaForm(_FormDeRegistro):
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


class AsistenteNuevoForm(_FormDeRegistro):
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
    identificacion = forms.CharField(
        label=_("Cédula (opcional)"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    telefono = campo_telefono(
        _("Teléfono (opcional)"),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Correo electrónico (opcional)"),
        required=False,
        error_messages={
            "invalid": _("Escriba un correo electrónico válido, por ejemplo nombre@dominio.ec.")
        },
    )
    consentimiento_nombre_publico = forms.BooleanField(
        label=_("Acepta que su nombre aparezca en las publicaciones del portal"),
        help_text=_(
            "Pregúntele. Sin su consentimiento, el acta publicada y las páginas públicas muestran "
            "su organización (o «Participante») en lugar de su nombre."
        ),
        required=False,
    )
    # The facilitator's answer when the walk-in looks like a registry person (see
    # services.asistente_nuevo_registrar): that person's pk, or "otra".
    coincidencia = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizacion"].queryset = organizaciones()
        self.fields["tipo"].initial = tipo_habitual(mesa=self.sesion.mesa)
        if self.sesion.mesa.canton_id:
            self.fields["canton"].initial = self.sesion.mesa.canton_id

    def clean_identificacion(self):
        valor = normalizar_identificacion(self.cleaned_data.get("identificacion", ""))
        validar_identificacion(valor)
        return valor

    @cached_property
    def coincidencias(self) -> dict | None:
        """After the service found the walk-in in the registry: who they may be, to offer them
        ({"personas": [(actor, organisation)], "otra": whether "someone else" is allowed})."""
        if not self.is_bound or self.errors is None:
            return None
        for error in self.errors.as_data().get("coincidencia", []):
            if error.code in ("cedula", "nombre") and error.params:
                personas = Actor.objects.filter(pk__in=error.params["ids"]).order_by("nombre")
                membresias = organizaciones_de_membresia(
                    persona_ids=[p.pk for p in personas],
                    preferidas=self.sesion.mesa.miembros.values_list("pk", flat=True),
                )
                return {
                    "personas": [(p, (membresias.get(p.pk) or {}).get("nombre")) for p in personas],
                    "otra": error.code == "nombre",
                    "mensaje": error.message % error.params,
                }
        return None


class IntervencionForm(_FormDeRegistro):
    actor = _AsistenteField(
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
        self.fields["actor"].sesion = self.sesion
        self.fields["punto"].queryset = self.sesion.agenda.all()


class PrioridadForm(_FormDeRegistro):
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


class AcuerdoForm(_FormDeRegistro):
    texto = forms.CharField(
        label=_("Acuerdo"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    responsables = _AsistentesField(
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
        self.fields["responsables"].sesion = self.sesion
        eje = "turismo" if self.sesion.mesa.tipo == "turismo" else "agropecuario"
        self.fields["indicador"].queryset = Indicador.objects.filter(eje__codigo=eje)
        self.fields["responsables"].widget.attrs["size"] = 5


class AcuerdoEditarForm(AcuerdoForm):
    uid = None  # an edit changes an item that has its id already
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


class TemaPendienteForm(_FormDeRegistro):
    texto = forms.CharField(label=_("Tema pendiente"), max_length=300)


# --- Corrections: the edit form of each kind of item (an edit keeps the item's id) -------------


class AsistenciaEditarForm(_FormDeSesion):
    organizacion = _organizacion_representada()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizacion"].queryset = organizaciones()

    @staticmethod
    def datos_de(asistencia: Asistencia) -> dict:
        return {"organizacion": asistencia.organizacion_id}


class PuntoAgendaEditarForm(PuntoAgendaForm):
    uid = None

    @staticmethod
    def datos_de(punto) -> dict:
        return {"hora": punto.hora, "titulo": punto.titulo, "proposito": punto.proposito}


class IntervencionEditarForm(IntervencionForm):
    uid = None

    @staticmethod
    def datos_de(intervencion) -> dict:
        return {
            "actor": intervencion.actor_id,
            "punto": intervencion.punto_id,
            "tipo": intervencion.tipo,
            "resumen": intervencion.resumen,
        }


class PrioridadEditarForm(PrioridadForm):
    uid = None

    @staticmethod
    def datos_de(prioridad) -> dict:
        return {"texto": prioridad.texto, "votos": prioridad.votos}


class TemaPendienteEditarForm(TemaPendienteForm):
    uid = None

    @staticmethod
    def datos_de(tema) -> dict:
        return {"texto": tema.texto}


class AsistenciaQuitarForm(forms.Form):
    """Removing an attendee who spoke: what becomes of their interventions."""

    intervenciones = forms.ChoiceField(
        label=_("Sus intervenciones"),
        choices=[
            ("mover", _("Pasarlas a otra persona (quien de verdad habló)")),
            ("eliminar", _("Eliminarlas junto con su asistencia")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    mover_a = forms.ModelChoiceField(
        label=_("Pasarlas a"),
        queryset=Asistencia.objects.none(),
        required=False,
        empty_label=_("— Elija a la persona —"),
    )

    def __init__(self, *args, asistencia: Asistencia, **kwargs):
        super().__init__(*args, **kwargs)
        self.asistencia = asistencia
        self.fields["mover_a"].queryset = (
            Asistencia.objects.filter(sesion_id=asistencia.sesion_id)
            .exclude(pk=asistencia.pk)
            .select_related("actor")
            .order_by("actor__nombre")
        )
        self.fields["mover_a"].label_from_instance = lambda a: a.actor.nombre


def _canal(actor: Actor) -> str:
    """How the invitation reaches them, from the actor's own fields (no query per row): the
    number's opt-out (BAJA) is checked when the text is sent."""
    texto = canal_de_texto(actor)
    if texto == "whatsapp":
        return str(_("(por WhatsApp)"))
    if texto == "sms":
        return str(_("(por SMS)"))
    return "" if actor.email else str(_("(sin correo ni celular)"))


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
        self.fields["actores"].label_from_instance = lambda a: f"{a.nombre} {_canal(a)}".strip()
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


class FotoSesionForm(_FormDeSesion):
    """A photo or scan of the session from the phone: the camera opens at once (capture), and a
    second input below takes a picture or a PDF already on the phone (the template's)."""

    archivo = forms.FileField(
        label=_("Tomar una foto con la cámara"),
        validators=[ArchivoValidador(("imagen", "pdf"), max_mb=FOTO_MAX_MB)],
        widget=forms.FileInput(
            attrs={"accept": "image/*,application/pdf", "capture": "environment"}
        ),
        error_messages={"required": _("Tome una foto o elija un archivo.")},
    )
    tipo = forms.ChoiceField(
        label=_("Qué muestra"),
        choices=FotoSesion.Tipo.choices,
        initial=FotoSesion.Tipo.HOJA_FIRMADA,
    )
    descripcion = forms.CharField(
        label=_("Descripción (opcional)"),
        max_length=200,
        required=False,
        help_text=_("Por ejemplo: «Hoja 2 de 3» o «Trabajo en grupos»."),
    )
    # Made on the device: a photo sent twice (a double tap, a resend) is stored once.
    uid = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("uid", uuid.uuid4())


class MesasDePersonaForm(forms.Form):
    """The tables one person facilitates (from their page in /panel/personas/)."""

    mesas = forms.ModelMultipleChoiceField(
        label=_("Mesas que facilita"),
        queryset=Mesa.objects.order_by("nombre"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
