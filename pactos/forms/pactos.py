"""Forms of pactos and commitments: validation and layout only."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actores.models import Actor
from core.validadores import TIPOS_EVIDENCIA, ArchivoValidador
from sie.models import Canton, Sector

from ..models.pactos import Compromiso, Pacto


def con_clases_bootstrap(form: forms.Form) -> None:
    """For forms rendered field by field (filters), outside crispy."""
    for campo in form.fields.values():
        widget = campo.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-control")


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
        widgets = {
            "preambulo": forms.Textarea(attrs={"rows": 4}),
            "estrategia": forms.Textarea(attrs={"rows": 6}),
            "objetivos": forms.Textarea(attrs={"rows": 4}),
        }


class PactoEditarForm(PactoForm):
    nota = forms.CharField(label=_("Nota de la versión"), max_length=300, required=False)

    class Meta(PactoForm.Meta):
        fields = ["titulo", "alcance", "canton", "sector", "preambulo", "estrategia", "objetivos"]


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
        self.fields["canton"].choices = [("", _("Todos"))] + [
            (c.codigo, c.nombre) for c in Canton.objects.all()
        ]
        self.fields["sector"].choices = [("", _("Todos"))] + [
            (s.slug, s.nombre) for s in Sector.objects.filter(eje=pacto.eje)
        ]
        con_clases_bootstrap(self)

    def filtros(self) -> dict:
        if not self.is_valid():
            return {}
        datos = dict(self.cleaned_data)
        datos["mesa"] = datos["mesa"].pk if datos.get("mesa") else None
        return datos


class ConsolidarForm(forms.Form):
    titulo = forms.CharField(label=_("Título del compromiso"), max_length=250)
    texto = forms.CharField(
        label=_("Texto del compromiso"), widget=forms.Textarea(attrs={"rows": 4})
    )
    lider = forms.ModelChoiceField(
        label=_("Responsable principal"), queryset=Actor.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lider"].queryset = organizaciones()
        con_clases_bootstrap(self)


class CompromisoForm(forms.ModelForm):
    class Meta:
        model = Compromiso
        fields = [
            "titulo",
            "texto",
            "lider",
            "socios",
            "canton",
            "sector",
            "plazo",
            "presupuesto",
            "resultado_esperado",
            "unidad_meta",
            "linea_base",
            "meta",
            "indicador",
            "meta_indicador",
            "modo_avance",
        ]
        widgets = {
            "texto": forms.Textarea(attrs={"rows": 4}),
            "resultado_esperado": forms.Textarea(attrs={"rows": 2}),
            "plazo": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "socios": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lider"].queryset = organizaciones()
        self.fields["socios"].queryset = organizaciones()


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
    )
    enlace = forms.URLField(label=_("Enlace"), required=False)

    def clean(self):
        datos = super().clean()
        if not datos.get("archivo") and not datos.get("enlace"):
            raise forms.ValidationError(_("Adjunte un archivo o indique un enlace."))
        return datos


class ImportarAvancesForm(forms.Form):
    archivo = forms.FileField(
        label=_("CSV de avances"),
        help_text=_("Columnas: pacto, numero, estado, avance, texto, motivo."),
        required=False,
        validators=[ArchivoValidador(("csv",), max_mb=2)],
    )
    contenido = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        datos = super().clean()
        archivo = datos.get("archivo")
        if archivo:
            try:
                datos["contenido"] = archivo.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise forms.ValidationError(_("El archivo debe estar en UTF-8.")) from None
        if not datos.get("contenido"):
            raise forms.ValidationError(_("Elija un archivo CSV."))
        return datos


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
        self.fields["canton"].choices = [("", _("Todos"))] + [
            (c.codigo, c.nombre) for c in Canton.objects.all()
        ]
        self.fields["sector"].choices = [("", _("Todos"))] + [
            (s.slug, s.nombre) for s in Sector.objects.filter(eje=pacto.eje)
        ]
        con_clases_bootstrap(self)

    def filtros(self) -> dict:
        return dict(self.cleaned_data) if self.is_valid() else {}
