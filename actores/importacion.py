"""Import of actors from CSV or XLSX: preview row by row (Spanish errors), apply all-or-nothing.

Each row is validated by binding ActorImportadoForm, the actor form with spreadsheet-friendly
fields (choices by value or label, places and lists by name), through core.importar. Columns
(header row, case and accents ignored): see COLUMNAS; lists (ejes, sectores) are separated by ";".

A row updates an existing actor when its cédula/RUC, e-mail or normalised name (same naturaleza)
matches one; otherwise it creates a new actor. Blank cells of an update keep what the actor has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import tablib
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from phonenumber_field.formfields import PhoneNumberField

from core.cache import cambio_publico
from core.importar import FilaImportada, dataset_de_archivo, filas_validadas
from sie.models import Canton, Eje, Parroquia, Sector

from .forms import ActorForm
from .models import Actor, CambioPosicion, Importacion
from .selectors import Usuario
from .validadores import normalizar_nombre

# The form's fields, as spreadsheet columns (every actor imported is active).
COLUMNAS = [c for c in ActorForm.Meta.fields if c != "activo"]

# Other headers people write for the same columns (compared without case or accents).
_ALIAS = {
    "correo": "email",
    "correo_electronico": "email",
    "e_mail": "email",
    "cedula": "identificacion",
    "ruc": "identificacion",
    "cedula_o_ruc": "identificacion",
    "tipo_de_actor": "tipo",
}

MAX_FILAS = 20000
MOTIVO = gettext_lazy("Importación desde archivo.")


class ArchivoInvalido(ValidationError):
    """The file cannot be imported at all (unreadable, no header, too long)."""


def _clave(texto) -> str:
    return normalizar_nombre(str(texto or "")).replace(" ", "_")


class _Catalogos:
    """Lookups loaded once per file, so the preview costs a fixed number of queries."""

    def __init__(self):
        self.cantones = {}
        for c in Canton.objects.all():
            for k in (c.codigo, c.nombre, c.slug, c.cabecera):
                self.cantones[_clave(k)] = c
        self.cantones[_clave("Quito")] = next(
            (c for c in self.cantones.values() if c.codigo == "1701"), None
        )
        self.parroquias = {(p.canton_id, _clave(p.nombre)): p for p in Parroquia.objects.all()}
        self.ejes = {_clave(k): e for e in Eje.objects.all() for k in (e.codigo, e.nombre)}
        self.sectores = {
            _clave(k): s for s in Sector.objects.select_related("eje") for k in (s.nombre, s.slug)
        }
        self.por_id, self.por_email, self.por_nombre = {}, {}, {}
        for a in Actor.objects.only(
            "pk", "nombre", "identificacion", "email", "nombre_normalizado", "naturaleza"
        ):
            if a.identificacion:
                self.por_id.setdefault(a.identificacion, a)
            if a.email:
                self.por_email.setdefault(a.email.lower(), a)
            self.por_nombre.setdefault((a.naturaleza, a.nombre_normalizado), a)

    def existente(self, datos: dict, nombre: str) -> Actor | None:
        """The actor this row updates: same cédula/RUC, else e-mail, else name and naturaleza."""
        return (
            self.por_id.get(datos.get("identificacion") or None)
            or self.por_email.get((datos.get("email") or "").lower() or None)
            or self.por_nombre.get((datos.get("naturaleza"), normalizar_nombre(nombre)))
        )


# --- Spreadsheet fields -------------------------------------------------------------------------


class OpcionField(forms.Field):
    """A choice written as its value or its label, accents and case ignored."""

    def __init__(self, opciones, *, defecto: str = "", mensaje: str = "", **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.opciones, self.defecto, self.mensaje = opciones, defecto, mensaje
        self.mapa = {_clave(k): v for v, etiqueta in opciones for k in (v, etiqueta)}

    def to_python(self, valor):
        if not str(valor or "").strip():
            return self.defecto
        if _clave(valor) in self.mapa:
            return self.mapa[_clave(valor)]
        opciones = ", ".join(str(e) for _v, e in self.opciones)
        raise ValidationError(
            self.mensaje or _("«%(v)s» no es válido; use uno de: %(o)s."),
            params={"v": valor, "o": opciones},
        )


class SiNoField(forms.Field):
    """sí / no (also s, x, 1, true, yes...); blank is None: on an update the actor keeps its value."""

    VERDADERO = {"si", "s", "x", "1", "true", "verdadero", "yes"}
    FALSO = {"no", "n", "0", "false", "falso"}

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, valor):
        clave = _clave(valor)
        if not clave:
            return None
        if clave in self.VERDADERO or clave in self.FALSO:
            return clave in self.VERDADERO
        raise ValidationError(_("«%(v)s» no es un valor válido: use sí o no."), params={"v": valor})


class PorNombreField(forms.Field):
    """One object (or, with lista=True, several separated by ";") found by name in a catalogue."""

    def __init__(self, catalogo: dict, mensaje: str, *, lista: bool = False, **kwargs):
        super().__init__(required=False, **kwargs)
        self.catalogo, self.mensaje, self.lista = catalogo, mensaje, lista

    def to_python(self, valor):
        textos = [t.strip() for t in str(valor or "").split(";" if self.lista else "\n")]
        encontrados = []
        for texto in filter(None, textos):
            if _clave(texto) not in self.catalogo:
                raise ValidationError(self.mensaje, params={"v": texto})
            encontrados.append(self.catalogo[_clave(texto)])
        return encontrados if self.lista else next(iter(encontrados), None)


class TelefonoField(PhoneNumberField):
    def clean(self, valor):
        try:
            return super().clean(valor)
        except ValidationError:
            raise ValidationError(
                _(
                    "El teléfono «%(v)s» no es un número válido de Ecuador "
                    "(celular 09XXXXXXXX o fijo de Pichincha 02XXXXXXX)."
                ),
                params={"v": valor},
            ) from None


class ActorImportadoForm(ActorForm):
    """ActorForm for one spreadsheet row: the same rules, spreadsheet-friendly fields."""

    naturaleza = OpcionField(Actor.Naturaleza.choices)
    tipo = OpcionField(Actor.Tipo.choices, required=True)
    ambito = OpcionField(Actor.Ambito.choices, required=True)
    genero = OpcionField(Actor.Genero.choices)
    posicion = OpcionField(Actor.Posicion.choices, defecto=Actor.Posicion.DESCONOCIDA)
    influencia = forms.IntegerField(min_value=1, max_value=5, required=False)
    interes = forms.IntegerField(min_value=1, max_value=5, required=False)
    email = forms.EmailField(
        required=False,
        error_messages={
            "invalid": gettext_lazy("El correo «%(value)s» no es una dirección válida.")
        },
    )
    telefono = TelefonoField(region="EC", required=False)
    consentimiento_datos = SiNoField()
    consentimiento_nombre_publico = SiNoField()
    visible_publico = SiNoField()
    consentimiento_fecha = forms.DateField(
        required=False, input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S"]
    )

    def __init__(self, *args, catalogos: _Catalogos, **kwargs):
        super().__init__(*args, **kwargs)
        for campo in ("activo", "motivo"):
            self.fields.pop(campo)
        self.fields["canton"] = PorNombreField(
            catalogos.cantones, _("El cantón «%(v)s» no existe en Pichincha.")
        )
        self.fields["parroquia"] = forms.CharField(required=False)
        self.fields["ejes"] = PorNombreField(
            catalogos.ejes, _("El eje «%(v)s» no existe (use turismo o agropecuario)."), lista=True
        )
        self.fields["sectores"] = PorNombreField(
            catalogos.sectores, _("El sector «%(v)s» no existe."), lista=True
        )
        self.catalogos = catalogos

    def clean_naturaleza(self):
        if self.cleaned_data["naturaleza"]:
            return self.cleaned_data["naturaleza"]
        persona = self.data.get("apellidos") and not self.data.get("nombre")
        return Actor.Naturaleza.PERSONA if persona else Actor.Naturaleza.ORGANIZACION

    def clean_parroquia(self):
        texto, canton = self.cleaned_data["parroquia"], self.cleaned_data.get("canton")
        if not texto:
            return None
        if canton is None:
            raise ValidationError(
                _("Para indicar la parroquia «%(v)s» indique también su cantón."),
                params={"v": texto},
            )
        parroquia = self.catalogos.parroquias.get((canton.pk, _clave(texto)))
        if parroquia is None:
            raise ValidationError(
                _("La parroquia «%(p)s» no existe en el cantón %(c)s."),
                params={"p": texto, "c": canton.nombre},
            )
        return parroquia

    def clean(self):
        datos = super().clean()
        for campo in ("influencia", "interes"):
            if datos.get(campo) is None and campo not in self.errors:
                datos[campo] = 3
        # A sector brings its axis along.
        ejes = list(datos.get("ejes") or [])
        datos["ejes"] = ejes + [s.eje for s in datos.get("sectores") or [] if s.eje not in ejes]
        return datos


# --- Preview ------------------------------------------------------------------------------------


@dataclass
class FilaActor:
    """A validated row and what applying it does: create, or update `existente`."""

    importada: FilaImportada
    existente: Actor | None = None

    numero = property(lambda self: self.importada.numero)
    errores = property(lambda self: self.importada.errores)
    valida = property(lambda self: self.importada.valida)
    accion = property(lambda self: "actualizar" if self.existente else "crear")

    @property
    def datos(self) -> dict:
        return getattr(self.importada.form, "cleaned_data", {})

    @property
    def sectores(self) -> list[Sector]:
        return list(self.datos.get("sectores") or [])

    @property
    def nombre(self) -> str:
        datos = self.importada.datos
        if datos.get("nombres") or datos.get("apellidos"):
            return f"{datos.get('nombres', '')} {datos.get('apellidos', '')}".strip()
        return str(datos.get("nombre", ""))


@dataclass
class Previsualizacion:
    filas: list[FilaActor]

    con_errores = property(lambda self: [f for f in self.filas if f.errores])
    total_errores = property(lambda self: len(self.con_errores))
    crear = property(lambda self: sum(1 for f in self.filas if f.valida and f.accion == "crear"))
    actualizar = property(
        lambda self: sum(1 for f in self.filas if f.valida and f.accion == "actualizar")
    )
    aplicable = property(lambda self: bool(self.filas) and not self.con_errores)


LimiteTerritorial = Callable[[FilaActor], str | None]


def _leer(archivo) -> tablib.Dataset:
    try:
        dataset = dataset_de_archivo(archivo)
    except ValidationError as e:
        raise ArchivoInvalido(e.messages) from None
    campos = {_ALIAS.get(_clave(h), _clave(h)) for h in dataset.headers or []}
    if not campos & {"nombre", "nombres"}:
        raise ArchivoInvalido(
            _(
                "La primera fila debe tener los encabezados de columna; falta «nombre». "
                "Columnas esperadas: %(c)s."
            )
            % {"c": ", ".join(COLUMNAS)}
        )
    if dataset.height > MAX_FILAS:
        raise ArchivoInvalido(
            _("El archivo tiene más de %(n)d filas; divídalo.") % {"n": MAX_FILAS}
        )
    return dataset


def _marcar_repetidas(filas: list[FilaActor]) -> None:
    """A person or organisation appears once per file: by cédula/RUC, e-mail or name."""
    vistos: dict[tuple, int] = {}
    for fila in filas:
        claves = (
            ("identificacion", fila.datos.get("identificacion"), _("la misma cédula/RUC")),
            ("email", fila.datos.get("email"), _("el mismo correo")),
            (
                "nombre",
                fila.nombre and (fila.datos.get("naturaleza"), normalizar_nombre(fila.nombre)),
                _("el mismo nombre"),
            ),
        )
        for tipo, valor, texto in claves:
            if not valor:
                continue
            if (tipo, valor) in vistos:
                fila.errores.append(
                    _(
                        "Repite %(t)s que la fila %(n)d: una persona u organización solo puede "
                        "aparecer una vez."
                    )
                    % {"t": texto, "n": vistos[(tipo, valor)]}
                )
            else:
                vistos[(tipo, valor)] = fila.numero


def previsualizar(
    *, archivo, limite_territorial: LimiteTerritorial | None = None
) -> Previsualizacion:
    """Validate every row of the file without writing anything.

    limite_territorial(fila) -> str | None lets the caller add a permission error per row
    (a facilitator's cantons and sectors).
    """
    return _previa(_leer(archivo), limite_territorial)


def _previa(dataset: tablib.Dataset, limite_territorial: LimiteTerritorial | None):
    catalogos = _Catalogos()
    columnas = {c: c for c in COLUMNAS} | _ALIAS
    importadas = filas_validadas(
        dataset, ActorImportadoForm, columnas=columnas, catalogos=catalogos
    )
    filas = [FilaActor(importada=f) for f in importadas]
    _marcar_repetidas(filas)
    for fila in filas:
        if fila.valida:
            fila.existente = catalogos.existente(fila.datos, fila.nombre)
            if fila.existente and fila.existente.naturaleza != fila.datos["naturaleza"]:
                fila.errores.append(
                    _("Coincide con «%(n)s», que es de otra naturaleza.")
                    % {"n": fila.existente.nombre}
                )
        if limite_territorial is not None and fila.valida:
            problema = limite_territorial(fila)
            if problema:
                fila.errores.append(problema)
    return Previsualizacion(filas=filas)


# --- Apply --------------------------------------------------------------------------------------


def _datos_del_actor(fila: FilaActor) -> dict:
    """The row's model fields; blank cells (None or "") left out."""
    return {
        k: v for k, v in fila.datos.items() if k not in ("ejes", "sectores") and v not in ("", None)
    }


def _actualizar(fila: FilaActor, usuario: Usuario) -> None:
    from .services import actor_actualizar

    try:
        actor_actualizar(
            actor=Actor.objects.get(pk=fila.existente.pk),
            usuario=usuario,
            datos=_datos_del_actor(fila),
            ejes=fila.datos["ejes"] or None,
            sectores=fila.datos["sectores"] or None,
            motivo=str(MOTIVO),
        )
    except ValidationError as e:
        raise ValidationError(
            _("Fila %(n)d: %(m)s. No se importó ninguna fila.")
            % {"n": fila.numero, "m": " ".join(e.messages)}
        ) from None


def _crear_en_bloque(filas: list[FilaActor], usuario: Usuario) -> None:
    """New actors of an import (validated by their forms), written in a few bulk queries."""
    from simple_history.utils import bulk_create_with_history

    cambio_publico()  # bulk writes send no signals (the public list of organisations)

    creador = usuario if getattr(usuario, "is_authenticated", False) else None
    actores = [Actor(creado_por=creador, **_datos_del_actor(f)) for f in filas]
    for actor in actores:
        actor.preparar()
    creados = bulk_create_with_history(
        actores, Actor, batch_size=500, default_user=creador, default_change_reason=str(MOTIVO)
    )
    if any(a.pk is None for a in creados):  # backends without RETURNING
        por_nombre = dict(
            Actor.objects.filter(
                nombre_normalizado__in=[a.nombre_normalizado for a in actores]
            ).values_list("nombre_normalizado", "pk")
        )
        for a in creados:
            a.pk = a.id = por_nombre[a.nombre_normalizado]
    pares = list(zip(creados, filas, strict=True))
    for campo, relacion in (("ejes", "eje_id"), ("sectores", "sector_id")):
        modelo = getattr(Actor, campo).through
        modelo.objects.bulk_create(
            [modelo(actor_id=a.pk, **{relacion: o.pk}) for a, f in pares for o in f.datos[campo]],
            batch_size=1000,
            ignore_conflicts=True,
        )
    CambioPosicion.objects.bulk_create(
        [
            CambioPosicion(
                actor_id=a.pk,
                influencia=a.influencia,
                interes=a.interes,
                posicion=a.posicion,
                motivo=str(MOTIVO),
                registrado_por=creador,
            )
            for a in creados
        ],
        batch_size=1000,
    )


@transaction.atomic
def importacion_aplicar(
    *,
    importacion: Importacion,
    usuario: Usuario,
    limite_territorial: LimiteTerritorial | None = None,
) -> Previsualizacion:
    """All or nothing: validate the stored file again and write every row, or none."""
    importacion = Importacion.objects.select_for_update().get(pk=importacion.pk)
    if importacion.estado == Importacion.Estado.APLICADA:
        raise ValidationError(_("Esta importación ya se aplicó."))
    with importacion.archivo.open("rb") as archivo:
        prev = previsualizar(archivo=archivo, limite_territorial=limite_territorial)
    if not prev.aplicable:
        importacion.estado = Importacion.Estado.CON_ERRORES
        importacion.errores = prev.total_errores
        importacion.save(update_fields=["estado", "errores"])
        raise ValidationError(
            _("El archivo tiene %(n)d filas con errores; no se importó ninguna.")
            % {"n": prev.total_errores}
        )
    _crear_en_bloque([f for f in prev.filas if f.accion == "crear"], usuario)
    for fila in prev.filas:
        if fila.accion == "actualizar":
            _actualizar(fila, usuario)
    importacion.estado = Importacion.Estado.APLICADA
    importacion.creadas, importacion.actualizadas = prev.crear, prev.actualizar
    importacion.errores = 0
    importacion.aplicado = timezone.now()
    importacion.save()
    return prev


@transaction.atomic
def importacion_crear(
    *, archivo, usuario: Usuario, limite_territorial: LimiteTerritorial | None = None
) -> tuple[Importacion, Previsualizacion]:
    """Store the uploaded file and return its preview (nothing is written to the actors).

    An XLSX file is stored as the CSV of its first sheet, so that confirming the import (which
    validates everything again) does not read the workbook a second time.
    """
    dataset = _leer(archivo)
    prev = _previa(dataset, limite_territorial)
    nombre = archivo.name
    archivo.seek(0)
    contenido = archivo.read()
    if nombre.lower().endswith(".xlsx"):
        contenido = dataset.export("csv").encode("utf-8")
        nombre = f"{nombre}.csv"
    importacion = Importacion.objects.create(
        archivo=ContentFile(contenido, name=nombre),
        nombre_archivo=archivo.name[:255],
        estado=Importacion.Estado.PREVISUALIZADA
        if prev.aplicable
        else Importacion.Estado.CON_ERRORES,
        filas=len(prev.filas),
        creadas=prev.crear,
        actualizadas=prev.actualizar,
        errores=prev.total_errores,
        subido_por=usuario,
    )
    return importacion, prev
