"""Forms of pactos and commitments: validation and layout only."""

from decimal import Decimal

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from actores.models import Actor
from core.formularios import areas_de_texto, con_clases_bootstrap
from core.importar import dataset_de_archivo, normalizar_encabezado
from core.validadores import TIPOS, TIPOS_EVIDENCIA, ArchivoValidador
from sie.models import Canton, Sector

from ..models.pactos import Compromiso, Pacto


def opciones_territorio(form: forms.Form, *, eje) -> None:
    """Canton and sector choices of a filter ("Todos" first; sectors of the pacto's axis)."""
    form.fields["canton"].choices = [("", _("Todos"))] + [
        (c.codigo, c.nombre) for c in Canton.objects.all()
    ]
    form.fields["sector"].choices = [("", _("Todos"))] + [
        (s.slug, s.nombre) for s in Sector.objects.filter(eje=eje)
    ]


def organizaciones():
    return Actor.objects.filter(naturaleza=Actor.Naturaleza.ORGANIZACION, activo=True).order_by(
        "nombre"
    )


class PactoForm(forms.ModelForm):
    class Meta:
        model = Pacto
        fields = [
            "eje",
            "titulo",
            "alcance",
            "canton",
            "sector",
            "preambulo",
            "estrategia",
            "objetivos",
        ]
        widgets = areas_de_texto(preambulo=4, estrategia=6, objetivos=4)


class PactoEditarForm(PactoForm):
    nota = forms.CharField(label=_("Nota de la versión"), max_length=300, required=False)

    class Meta(PactoForm.Meta):
        fields = ["titulo", "alcance", "canton", "sector", "preambulo", "estrategia", "objetivos"]

    def __init__(self, *args, texto_fijo: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if texto_fijo:
            for campo in self.fields.values():
                campo.disabled = True


class FirmanteForm(forms.Form):
    organizacion = forms.ModelChoiceField(label=_("Organización"), queryset=Actor.objects.none())
    persona = forms.CharField(label=_("Persona que firma"), max_length=200)
    cargo = forms.CharField(label=_("Cargo"), max_length=160, required=False)
    fecha = forms.DateField(
        label=_("Fecha de firma"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizacion"].queryset = organizaciones()


class CopiaFirmadaForm(forms.Form):
    archivo = forms.FileField(
        label=_("Copia firmada (PDF)"), validators=[ArchivoValidador(("pdf",), max_mb=20)]
    )

    def clean_archivo(self):
        archivo = self.cleaned_data["archivo"]
        if not archivo.name.lower().endswith(".pdf"):
            raise forms.ValidationError(_("Suba la copia firmada en PDF."))
        return archivo


class FiltroAcuerdosForm(forms.Form):
    ESTADOS = [
        ("", _("Todos")),
        ("pendiente", _("Pendientes")),
        ("incorporado", _("Incorporados")),
        ("descartado", _("No incorporados")),
    ]
    mesa = forms.ModelChoiceField(
        label=_("Mesa"), queryset=None, required=False, empty_label=_("Todas")
    )
    canton = forms.ChoiceField(label=_("Cantón"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    estado = forms.ChoiceField(label=_("Estado"), choices=ESTADOS, required=False)
    q = forms.CharField(label=_("Tema o palabra"), required=False)

    def __init__(self, *args, pacto, **kwargs):
        super().__init__(*args, **kwargs)
        from mesas.models import Mesa

        self.fields["mesa"].queryset = Mesa.objects.filter(tipo=pacto.eje.codigo)
        opciones_territorio(self, eje=pacto.eje)
        con_clases_bootstrap(self)

    def filtros(self) -> dict:
        if not self.is_valid():
            return {}
        datos = dict(self.cleaned_data)
        datos["mesa"] = datos["mesa"].pk if datos.get("mesa") else None
        return datos


def _acuerdos():
    from mesas.models import Acuerdo

    return Acuerdo.objects.select_related("sesion__mesa")


class AcuerdosElegidosForm(forms.Form):
    """The agreements ticked on the consolidation page, and the page's filters to go back to.

    None ticked is the service's to refuse ("Elija al menos un acuerdo.")."""

    acuerdos = forms.ModelMultipleChoiceField(
        label=_("Acuerdos"), queryset=None, required=False, widget=forms.MultipleHiddenInput
    )
    parametros = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, pacto: Pacto, **kwargs):
        super().__init__(*args, **kwargs)
        self.pacto = pacto
        self.fields["acuerdos"].queryset = _acuerdos()

    def elegidos(self) -> list[str]:
        """The ticked agreements as typed, to tick them again when the form comes back."""
        if not self.is_bound:
            return []
        return [str(v) for v in self.data.getlist(self.add_prefix("acuerdos"))]


class ConsolidarForm(AcuerdosElegidosForm):
    # Its fields share one <form> with the other actions' buttons: no browser-side "required".
    use_required_attribute = False

    titulo = forms.CharField(
        label=_("Título del compromiso"),
        max_length=250,
        widget=forms.TextInput(attrs={"class": "form-control"}),
        error_messages={"required": _("Escriba el título del compromiso.")},
    )
    texto = forms.CharField(
        label=_("Texto del compromiso"),
        widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}),
        error_messages={"required": _("Escriba el texto del compromiso.")},
    )
    lider = forms.ModelChoiceField(
        label=_("Responsable principal"), queryset=Actor.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lider"].queryset = organizaciones()
        con_clases_bootstrap(self)

    def full_clean(self):
        super().full_clean()
        # Each refused field is marked where it is, and its message read with it.
        for nombre in self.errors:
            if nombre in self.fields and nombre != "acuerdos":
                attrs = self.fields[nombre].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{self.add_prefix(nombre)}-error"


class VincularForm(AcuerdosElegidosForm):
    compromiso = forms.ModelChoiceField(label=_("Compromiso"), queryset=Compromiso.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["compromiso"].queryset = self.pacto.compromisos.all()


class DescartarForm(AcuerdosElegidosForm):
    motivo = forms.CharField(
        label=_("Motivo"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control mb-2"}),
    )


class PactoEstadoForm(forms.Form):
    """The state a pacto moves to; the service says which moves are allowed."""

    estado = forms.CharField(label=_("Estado"), required=False)


class FusionarForm(forms.Form):
    otros = forms.ModelMultipleChoiceField(
        label=_("Compromisos que se funden en este"), queryset=None, required=False
    )

    def __init__(self, *args, compromiso: Compromiso, **kwargs):
        super().__init__(*args, **kwargs)
        otros = self.fields["otros"]
        otros.queryset = compromiso.pacto.compromisos.exclude(pk=compromiso.pk).order_by("numero")
        otros.label_from_instance = lambda c: f"{c.numero}. {Truncator(c.titulo).chars(70)}"


class DividirForm(forms.Form):
    """The commitment's own agreements to split off, ticked, and the new commitment's text."""

    acuerdos = forms.ModelMultipleChoiceField(
        label=_("Acuerdos"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    titulo = forms.CharField(label=_("Título del nuevo compromiso"), max_length=250, required=False)
    texto = forms.CharField(
        label=_("Texto del nuevo compromiso"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, compromiso: Compromiso, **kwargs):
        # Its own ids: the commitment's form on the same page has a titulo and a texto too.
        kwargs.setdefault("auto_id", "dividir-%s")
        super().__init__(*args, **kwargs)
        acuerdos = self.fields["acuerdos"]
        acuerdos.queryset = (
            _acuerdos()
            .filter(origenes_compromiso__compromiso=compromiso)
            .order_by("sesion__mesa__orden", "numero")
        )
        acuerdos.label_from_instance = lambda a: (
            f"{a.sesion.mesa.nombre} · {a.numero}. {Truncator(a.texto).chars(80)}"
        )


class DesvincularForm(forms.Form):
    acuerdo = forms.ModelChoiceField(label=_("Acuerdo"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["acuerdo"].queryset = _acuerdos()


class EliminarForm(forms.Form):
    """Deleting a commitment asks for nothing but the button."""


class CompromisoForm(forms.ModelForm):
    class Meta:
        model = Compromiso
        fields = list(Compromiso.CAMPOS_EDITABLES)
        widgets = {
            **areas_de_texto(texto=4, resultado_esperado=2),
            "plazo": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "socios": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, texto_fijo: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lider"].queryset = organizaciones()
        self.fields["socios"].queryset = organizaciones()
        if texto_fijo:
            # Shown, not offered: a change would only be refused on saving.
            for nombre in ("titulo", "texto"):
                self.fields[nombre].disabled = True
                self.fields[nombre].help_text = texto_fijo


class HitoForm(forms.Form):
    titulo = forms.CharField(label=_("Hito"), max_length=250)
    fecha = forms.DateField(
        label=_("Fecha prevista"), widget=forms.DateInput(attrs={"type": "date"})
    )
    peso = forms.IntegerField(label=_("Peso"), min_value=1, max_value=100, initial=1)


class ActualizacionForm(forms.Form):
    """The short form a responsible organisation fills in under a minute."""

    estado = forms.ChoiceField(label=_("Estado"), choices=Compromiso.Estado.choices)
    avance = forms.IntegerField(label=_("Avance (%)"), min_value=0, max_value=100, required=False)
    texto = forms.CharField(
        label=_("¿Qué se hizo?"), max_length=3000, widget=forms.Textarea(attrs={"rows": 2})
    )
    motivo = forms.CharField(
        label=_("Motivo (si está en riesgo, retrasado o abandonado)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    hitos = forms.MultipleChoiceField(
        label=_("Hitos cumplidos"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, compromiso: Compromiso, **kwargs):
        kwargs.setdefault("prefix", f"c{compromiso.pk}")
        kwargs.setdefault(
            "initial",
            {
                "estado": compromiso.estado,
                "avance": compromiso.avance,
                "motivo": compromiso.motivo_estado,
                "hitos": [str(h.pk) for h in compromiso.hitos.all() if h.cumplido],
            },
        )
        super().__init__(*args, **kwargs)
        self.compromiso = compromiso
        hitos = list(compromiso.hitos.all())
        if hitos:
            self.fields["hitos"].choices = [
                (str(h.pk), f"{h.titulo} ({h.fecha:%d/%m/%Y})") for h in hitos
            ]
        else:
            del self.fields["hitos"]
        if compromiso.modo_avance == Compromiso.ModoAvance.HITOS and hitos:
            del self.fields["avance"]

    def clean(self):
        datos = super().clean()
        estado = datos.get("estado")
        if estado in Compromiso.ESTADOS_CON_MOTIVO and not (datos.get("motivo") or "").strip():
            self.add_error("motivo", _("Explique el motivo de este estado."))
        return datos


class EvidenciaForm(forms.Form):
    titulo = forms.CharField(label=_("Título"), max_length=200)
    archivo = forms.FileField(
        label=_("Archivo"),
        required=False,
        validators=[ArchivoValidador(TIPOS_EVIDENCIA, max_mb=20)],
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(e for t in TIPOS_EVIDENCIA for e in TIPOS[t][0])}
        ),
    )
    enlace = forms.URLField(label=_("Enlace"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["archivo"].help_text = _("Se aceptan: %(tipos)s; hasta 20 MB.") % {
            "tipos": ", ".join(str(TIPOS[t][1]) for t in TIPOS_EVIDENCIA)
        }

    def clean(self):
        datos = super().clean()
        # A file that was refused already says why (its type, its size): not "attach a file".
        if "archivo" in self.errors or "enlace" in self.errors:
            return datos
        if not datos.get("archivo") and not datos.get("enlace"):
            raise forms.ValidationError(_("Adjunte un archivo o indique un enlace."))
        return datos


class ImportarAvancesForm(forms.Form):
    archivo = forms.FileField(
        label=_("Archivo de avances (CSV o XLSX)"),
        help_text=_("Columnas: pacto, numero, estado, avance, texto, motivo."),
        required=False,
        validators=[ArchivoValidador(("csv", "xlsx"), max_mb=2)],
    )
    contenido = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        datos = super().clean()
        archivo = datos.get("archivo")
        if archivo:
            # The preview carries the rows to the confirmation as CSV text, whatever the format.
            datos["contenido"] = dataset_de_archivo(archivo).export("csv")
        if not datos.get("contenido"):
            raise forms.ValidationError(_("Elija un archivo CSV."))
        return datos


def estados_de_compromiso() -> dict[str, str]:
    """A commitment's states by their code and by their label, in Spanish and in the language
    in use, compared without case, accents or spacing."""
    from django.utils import translation

    estados = {}
    for codigo, etiqueta in Compromiso.Estado.choices:
        with translation.override("es"):
            en_espanol = str(etiqueta)
        for forma in (codigo, en_espanol, str(etiqueta)):
            estados[normalizar_encabezado(forma)] = codigo
    return estados


class FilaAvanceForm(forms.Form):
    """One row of the progress import as the file states it; the service checks it against the
    commitment it names."""

    pacto = forms.CharField(label=_("Pacto"), required=False)
    numero = forms.IntegerField(
        label=_("Número"),
        error_messages={
            "required": _("El número de compromiso no es un número."),
            "invalid": _("El número de compromiso no es un número."),
        },
    )
    estado = forms.CharField(label=_("Estado"), required=False)
    avance = forms.CharField(label=_("Avance"), required=False)
    texto = forms.CharField(
        label=_("Texto"), error_messages={"required": _("Cuente brevemente qué se hizo.")}
    )
    motivo = forms.CharField(label=_("Motivo"), required=False)

    def clean_estado(self) -> str:
        """The state as its code, whether the file wrote the code or the label people see
        ("En curso", "en curso", "EN_CURSO"...); anything else is left for the service to
        refuse with the valid values."""
        estado = self.cleaned_data["estado"]
        return estados_de_compromiso().get(normalizar_encabezado(estado), estado.strip())

    def clean_avance(self) -> int | None:
        avance = str(self.cleaned_data["avance"] or "").strip()
        if not avance:
            return None
        try:
            return int(Decimal(avance.replace(",", ".").rstrip("%")))
        except ArithmeticError:
            raise forms.ValidationError(_("El avance no es un número.")) from None


class FiltroTableroForm(forms.Form):
    eje = forms.ChoiceField(label=_("Eje"), required=False)
    canton = forms.ChoiceField(label=_("Cantón"), required=False)
    estado = forms.ChoiceField(
        label=_("Estado"), choices=[("", _("Todos")), *Compromiso.Estado.choices], required=False
    )
    responsable = forms.ModelChoiceField(
        label=_("Responsable"),
        queryset=Actor.objects.none(),
        required=False,
        empty_label=_("Todos"),
    )
    vencidos = forms.BooleanField(label=_("Solo vencidos"), required=False)
    atrasados = forms.BooleanField(label=_("Vencidos o sin avances"), required=False)
    sin_contacto = forms.BooleanField(label=_("Responsable sin contacto"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from sie.models import Eje

        self.fields["eje"].choices = [("", _("Todos"))] + [
            (e.codigo, str(e)) for e in Eje.objects.all()
        ]
        self.fields["canton"].choices = [("", _("Todos"))] + [
            (c.codigo, c.nombre) for c in Canton.objects.all()
        ]
        # A semi-join: DISTINCT over the join grew with the number of commitments.
        self.fields["responsable"].queryset = Actor.objects.filter(
            pk__in=Compromiso.objects.values("lider_id")
        )
        con_clases_bootstrap(self)

    def filtros(self) -> dict:
        if not self.is_valid():
            return {}
        datos = dict(self.cleaned_data)
        datos["responsable"] = datos["responsable"].pk if datos.get("responsable") else None
        return datos


class FiltroPublicoForm(forms.Form):
    canton = forms.ChoiceField(label=_("Cantón"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    estado = forms.ChoiceField(
        label=_("Estado"), choices=[("", _("Todos")), *Compromiso.Estado.choices], required=False
    )

    def __init__(self, *args, pacto, **kwargs):
        super().__init__(*args, **kwargs)
        opciones_territorio(self, eje=pacto.eje)
        con_clases_bootstrap(self)

    def filtros(self) -> dict:
        return dict(self.cleaned_data) if self.is_valid() else {}


class ContactoOrganizacionForm(forms.Form):
    persona = forms.ModelChoiceField(
        label=_("Persona"),
        queryset=None,
        help_text=_(
            "Recibe los recordatorios de los compromisos de la organización y registra sus avances."
        ),
    )

    def __init__(self, *args, candidatos, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persona"].queryset = candidatos
        self.fields["persona"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.email})"
        )
