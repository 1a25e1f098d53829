"""Import of actors from CSV or XLSX: parse, preview row by row (Spanish errors), apply all-or-nothing.

Columns (header row, case and accents ignored): naturaleza, nombre, nombres, apellidos, siglas,
tipo, ambito, canton, parroquia, ejes, sectores, email, telefono, identificacion, genero,
influencia, interes, posicion, consentimiento_datos, consentimiento_fecha,
consentimiento_finalidad, visible_publico, descripcion. Lists (ejes, sectores) are separated by ";".

A row updates an existing actor when its cédula/RUC, e-mail or normalised name (same naturaleza)
matches one; otherwise it creates a new actor.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sie.models import Canton, Eje, Parroquia, Sector

from .models import Actor, CambioPosicion, Importacion
from .validadores import normalizar_identificacion, normalizar_nombre, validar_identificacion

COLUMNAS = [
    "naturaleza",
    "nombre",
    "nombres",
    "apellidos",
    "siglas",
    "tipo",
    "ambito",
    "canton",
    "parroquia",
    "ejes",
    "sectores",
    "email",
    "telefono",
    "identificacion",
    "genero",
    "influencia",
    "interes",
    "posicion",
    "consentimiento_datos",
    "consentimiento_fecha",
    "consentimiento_finalidad",
    "visible_publico",
    "descripcion",
]

_ALIAS = {
    "correo": "email",
    "correo electronico": "email",
    "e mail": "email",
    "cedula": "identificacion",
    "ruc": "identificacion",
    "cedula o ruc": "identificacion",
    "canton": "canton",
    "ambito": "ambito",
    "interes": "interes",
    "genero": "genero",
    "posicion": "posicion",
    "tipo de actor": "tipo",
}

MAX_FILAS = 20000


class ArchivoInvalido(Exception):
    pass


@dataclass
class FilaImportada:
    numero: int  # spreadsheet row number (header = 1)
    datos: dict = field(default_factory=dict)
    ejes: list = field(default_factory=list)
    sectores: list = field(default_factory=list)
    errores: list[str] = field(default_factory=list)
    accion: str = "crear"  # crear | actualizar
    existente: Actor | None = None

    @property
    def nombre(self) -> str:
        if self.datos.get("naturaleza") == Actor.Naturaleza.PERSONA:
            return f"{self.datos.get('nombres', '')} {self.datos.get('apellidos', '')}".strip()
        return self.datos.get("nombre", "")

    @property
    def valida(self) -> bool:
        return not self.errores


@dataclass
class Previsualizacion:
    filas: list[FilaImportada]

    @property
    def con_errores(self) -> list[FilaImportada]:
        return [f for f in self.filas if f.errores]

    @property
    def total_errores(self) -> int:
        return len(self.con_errores)

    @property
    def crear(self) -> int:
        return sum(1 for f in self.filas if f.valida and f.accion == "crear")

    @property
    def actualizar(self) -> int:
        return sum(1 for f in self.filas if f.valida and f.accion == "actualizar")

    @property
    def aplicable(self) -> bool:
        return bool(self.filas) and not self.con_errores


def _clave(texto) -> str:
    return normalizar_nombre(str(texto or "")).replace(" ", "_")


def _leer_filas(contenido: bytes, nombre_archivo: str) -> list[list[str]]:
    nombre = nombre_archivo.lower()
    if nombre.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            libro = load_workbook(io.BytesIO(contenido), read_only=True, data_only=True)
        except Exception as e:
            raise ArchivoInvalido(_("El archivo XLSX no se puede leer: %(e)s") % {"e": e}) from None
        hoja = libro.worksheets[0]
        filas = []
        for fila in hoja.iter_rows(values_only=True):
            filas.append(
                [
                    ""
                    if v is None
                    else (v.date().isoformat() if isinstance(v, datetime) else v.isoformat())
                    if isinstance(v, (date, datetime))
                    else str(int(v))
                    if isinstance(v, float) and v.is_integer()
                    else str(v)
                    for v in fila
                ]
            )
        libro.close()
        return filas
    if nombre.endswith(".csv") or nombre.endswith(".txt"):
        for codificacion in ("utf-8-sig", "cp1252"):
            try:
                texto = contenido.decode(codificacion)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ArchivoInvalido(_("No se reconoce la codificación del CSV; guárdelo como UTF-8."))
        try:
            dialecto = csv.Sniffer().sniff(texto[:4096], delimiters=",;\t")
        except csv.Error:
            dialecto = csv.excel
        return list(csv.reader(io.StringIO(texto), dialecto))
    raise ArchivoInvalido(_("Suba un archivo .csv o .xlsx."))


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
        self.ejes = {}
        for e in Eje.objects.all():
            self.ejes[_clave(e.codigo)] = e
            self.ejes[_clave(e.nombre)] = e
        self.sectores = {}
        for s in Sector.objects.all():
            self.sectores[_clave(s.nombre)] = s
            self.sectores[_clave(s.slug)] = s
        self.por_id, self.por_email, self.por_nombre = {}, {}, {}
        for a in Actor.objects.only(
            "pk", "identificacion", "email", "nombre_normalizado", "naturaleza"
        ):
            if a.identificacion:
                self.por_id.setdefault(a.identificacion, a)
            if a.email:
                self.por_email.setdefault(a.email.lower(), a)
            self.por_nombre.setdefault((a.naturaleza, a.nombre_normalizado), a)

        self._opciones: dict[tuple, dict[str, str]] = {}

    def elegir(self, choices, valor: str):
        """The value of a choice given its value or its label, accents and case ignored."""
        clave_opciones = tuple(v for v, _e in choices)
        mapa = self._opciones.get(clave_opciones)
        if mapa is None:
            mapa = {}
            for v, etiqueta in choices:
                mapa[_clave(v)] = v
                mapa[_clave(etiqueta)] = v
            self._opciones[clave_opciones] = mapa
        return mapa.get(_clave(valor))


_VERDADERO = {"si", "sí", "s", "x", "1", "true", "verdadero", "yes"}
_FALSO = {"no", "n", "0", "false", "falso", ""}
_VERDADERO_CLAVES = {normalizar_nombre(x) for x in _VERDADERO}


def _booleano(valor: str, columna: str, errores: list) -> bool:
    v = _clave(valor)
    if v in _VERDADERO_CLAVES:
        return True
    if v in _FALSO:
        return False
    errores.append(
        _("«%(v)s» no es un valor válido para %(c)s: use sí o no.") % {"v": valor, "c": columna}
    )
    return False


def _fecha(valor: str, errores: list) -> date | None:
    valor = (valor or "").strip()
    if not valor:
        return None
    for formato in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(valor[:10], formato).date()
        except ValueError:
            continue
    errores.append(
        _("La fecha «%(v)s» no se entiende: use AAAA-MM-DD o DD/MM/AAAA.") % {"v": valor}
    )
    return None


def _entero_1_5(valor: str, columna: str, errores: list) -> int:
    valor = (valor or "").strip()
    if not valor:
        return 3
    try:
        n = int(float(valor))
    except ValueError:
        n = 0
    if not 1 <= n <= 5:
        errores.append(
            _("%(c)s debe ser un número del 1 al 5 (se leyó «%(v)s»).") % {"c": columna, "v": valor}
        )
        return 3
    return n


def _interpretar(numero: int, crudo: dict, cat: _Catalogos, *, usuario=None) -> FilaImportada:
    fila = FilaImportada(numero=numero)
    err = fila.errores
    d = fila.datos

    naturaleza = cat.elegir(Actor.Naturaleza.choices, crudo.get("naturaleza", "")) or (
        Actor.Naturaleza.PERSONA
        if crudo.get("apellidos", "").strip() and not crudo.get("nombre", "").strip()
        else Actor.Naturaleza.ORGANIZACION
    )
    d["naturaleza"] = naturaleza
    for campo in (
        "nombre",
        "nombres",
        "apellidos",
        "siglas",
        "descripcion",
        "consentimiento_finalidad",
    ):
        d[campo] = (crudo.get(campo) or "").strip()
    if naturaleza == Actor.Naturaleza.PERSONA:
        if not d["nombres"] or not d["apellidos"]:
            err.append(_("Para una persona faltan los nombres o los apellidos."))
        d["nombre"] = f"{d['nombres']} {d['apellidos']}".strip()
    elif not d["nombre"]:
        err.append(_("Falta el nombre de la organización."))

    for campo, choices, etiqueta in (
        ("tipo", Actor.Tipo.choices, _("tipo de actor")),
        ("ambito", Actor.Ambito.choices, _("ámbito")),
    ):
        valor = crudo.get(campo, "")
        elegido = cat.elegir(choices, valor)
        if not elegido:
            opciones = ", ".join(str(e) for _v, e in choices)
            err.append(
                _("«%(v)s» no es un %(c)s válido; use uno de: %(o)s.")
                % {"v": valor, "c": etiqueta, "o": opciones}
            )
        d[campo] = elegido or ""
    genero = crudo.get("genero", "")
    d["genero"] = cat.elegir(Actor.Genero.choices, genero) or ""
    if genero.strip() and not d["genero"]:
        err.append(
            _("«%(v)s» no es un género reconocido (mujer, hombre, otro, prefiere no informar).")
            % {"v": genero}
        )
    posicion = crudo.get("posicion", "")
    d["posicion"] = cat.elegir(Actor.Posicion.choices, posicion) or Actor.Posicion.DESCONOCIDA
    if posicion.strip() and not cat.elegir(Actor.Posicion.choices, posicion):
        err.append(
            _("«%(v)s» no es una posición válida (apoya, neutral, se opone, desconocida).")
            % {"v": posicion}
        )

    canton_txt = (crudo.get("canton") or "").strip()
    canton = cat.cantones.get(_clave(canton_txt)) if canton_txt else None
    if canton_txt and not canton:
        err.append(_("El cantón «%(v)s» no existe en Pichincha.") % {"v": canton_txt})
    d["canton"] = canton
    parroquia_txt = (crudo.get("parroquia") or "").strip()
    parroquia = None
    if parroquia_txt:
        if not canton:
            err.append(
                _("Para indicar la parroquia «%(v)s» indique también su cantón.")
                % {"v": parroquia_txt}
            )
        else:
            parroquia = cat.parroquias.get((canton.pk, _clave(parroquia_txt)))
            if not parroquia:
                err.append(
                    _("La parroquia «%(p)s» no existe en el cantón %(c)s.")
                    % {"p": parroquia_txt, "c": canton.nombre}
                )
    d["parroquia"] = parroquia
    if (
        d["ambito"] in (Actor.Ambito.CANTONAL, Actor.Ambito.PARROQUIAL)
        and not canton
        and not canton_txt
    ):
        err.append(_("Un actor de ámbito cantonal o parroquial necesita un cantón."))

    for texto in filter(None, (t.strip() for t in (crudo.get("ejes") or "").split(";"))):
        eje = cat.ejes.get(_clave(texto))
        if eje:
            fila.ejes.append(eje)
        else:
            err.append(_("El eje «%(v)s» no existe (use turismo o agropecuario).") % {"v": texto})
    for texto in filter(None, (t.strip() for t in (crudo.get("sectores") or "").split(";"))):
        sector = cat.sectores.get(_clave(texto))
        if sector:
            fila.sectores.append(sector)
            if sector.eje not in fila.ejes:
                fila.ejes.append(sector.eje)
        else:
            err.append(_("El sector «%(v)s» no existe.") % {"v": texto})

    email = (crudo.get("email") or "").strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            err.append(_("El correo «%(v)s» no es una dirección válida.") % {"v": email})
    d["email"] = email
    telefono = (crudo.get("telefono") or "").strip()
    d["telefono"] = ""
    if telefono:
        try:
            numero_tel = phonenumbers.parse(telefono, "EC")
            if not phonenumbers.is_valid_number(numero_tel):
                raise phonenumbers.NumberParseException(0, "invalid")
            d["telefono"] = phonenumbers.format_number(
                numero_tel, phonenumbers.PhoneNumberFormat.E164
            )
        except phonenumbers.NumberParseException:
            err.append(
                _(
                    "El teléfono «%(v)s» no es un número válido de Ecuador "
                    "(celular 09XXXXXXXX o fijo de Pichincha 02XXXXXXX)."
                )
                % {"v": telefono}
            )
    identificacion = normalizar_identificacion(crudo.get("identificacion") or "")
    if identificacion:
        try:
            validar_identificacion(identificacion)
        except ValidationError as e:
            err.append(
                _("Cédula/RUC «%(v)s»: %(m)s") % {"v": identificacion, "m": " ".join(e.messages)}
            )
    d["identificacion"] = identificacion
    d["influencia"] = _entero_1_5(crudo.get("influencia"), _("La influencia"), err)
    d["interes"] = _entero_1_5(crudo.get("interes"), _("El interés"), err)
    d["consentimiento_datos"] = _booleano(
        crudo.get("consentimiento_datos", ""), "consentimiento_datos", err
    )
    d["consentimiento_fecha"] = _fecha(crudo.get("consentimiento_fecha", ""), err)
    if d["consentimiento_datos"] and not d["consentimiento_fecha"]:
        err.append(_("Hay consentimiento pero falta su fecha (consentimiento_fecha)."))
    if d["consentimiento_datos"] and not d["consentimiento_finalidad"]:
        err.append(_("Hay consentimiento pero falta su finalidad (consentimiento_finalidad)."))
    d["visible_publico"] = _booleano(crudo.get("visible_publico", ""), "visible_publico", err)
    if d["visible_publico"] and naturaleza == Actor.Naturaleza.PERSONA:
        err.append(_("Una persona no puede aparecer en el portal público."))

    # Existing actor?
    existente = None
    if identificacion:
        existente = cat.por_id.get(identificacion)
    if existente is None and email:
        existente = cat.por_email.get(email)
    if existente is None and d["nombre"]:
        existente = cat.por_nombre.get((naturaleza, normalizar_nombre(d["nombre"])))
    if existente is not None:
        fila.accion, fila.existente = "actualizar", existente
        if existente.naturaleza != naturaleza:
            err.append(
                _("Coincide con «%(n)s», que es de otra naturaleza.") % {"n": existente.nombre}
            )
    return fila


def previsualizar(
    contenido: bytes, nombre_archivo: str, *, usuario=None, limite_territorial=None
) -> Previsualizacion:
    """Parse and validate every row without writing anything.

    limite_territorial(fila) -> str | None lets the caller add a permission error per row
    (a facilitator's cantons and sectors).
    """
    filas_crudas = _leer_filas(contenido, nombre_archivo)
    filas_crudas = [f for f in filas_crudas if any(str(c).strip() for c in f)]
    if not filas_crudas:
        raise ArchivoInvalido(_("El archivo está vacío."))
    encabezado = []
    for c in filas_crudas[0]:
        k = normalizar_nombre(str(c))
        encabezado.append(_ALIAS.get(k, k.replace(" ", "_")))
    if "nombre" not in encabezado and "nombres" not in encabezado:
        raise ArchivoInvalido(
            _(
                "La primera fila debe tener los encabezados de columna; falta «nombre». Columnas esperadas: %(c)s."
            )
            % {"c": ", ".join(COLUMNAS)}
        )
    if len(filas_crudas) - 1 > MAX_FILAS:
        raise ArchivoInvalido(
            _("El archivo tiene más de %(n)d filas; divídalo.") % {"n": MAX_FILAS}
        )
    cat = _Catalogos()
    filas = []
    vistos_id, vistos_email, vistos_nombre = {}, {}, {}
    for i, valores in enumerate(filas_crudas[1:], start=2):
        crudo = {encabezado[j]: str(v) for j, v in enumerate(valores) if j < len(encabezado)}
        fila = _interpretar(i, crudo, cat, usuario=usuario)
        # Duplicates inside the same file.
        for clave, vistos, texto in (
            (fila.datos.get("identificacion"), vistos_id, _("la misma cédula/RUC")),
            (fila.datos.get("email"), vistos_email, _("el mismo correo")),
            (
                (fila.datos.get("naturaleza"), normalizar_nombre(fila.nombre))
                if fila.nombre
                else None,
                vistos_nombre,
                _("el mismo nombre"),
            ),
        ):
            if not clave:
                continue
            if clave in vistos:
                fila.errores.append(
                    _(
                        "Repite %(t)s que la fila %(n)d: una persona u organización solo puede aparecer una vez."
                    )
                    % {"t": texto, "n": vistos[clave]}
                )
            else:
                vistos[clave] = i
        if limite_territorial is not None and not fila.errores:
            problema = limite_territorial(fila)
            if problema:
                fila.errores.append(problema)
        filas.append(fila)
    return Previsualizacion(filas=filas)


def _aplicar_fila(fila: FilaImportada, usuario) -> None:
    from .services import actor_actualizar, actor_crear

    motivo = _("Importación desde archivo.")
    if fila.accion == "actualizar":
        actor = Actor.objects.get(pk=fila.existente.pk)
        # Blank cells keep what the actor already has.
        datos = {k: v for k, v in fila.datos.items() if v not in ("", None) or isinstance(v, bool)}
        actor_actualizar(
            actor=actor,
            usuario=usuario,
            datos=datos,
            ejes=fila.ejes or None,
            sectores=fila.sectores or None,
            motivo=motivo,
        )
    else:
        actor_crear(
            usuario=usuario, datos=fila.datos, ejes=fila.ejes, sectores=fila.sectores, motivo=motivo
        )


def _crear_en_bloque(filas: list[FilaImportada], usuario) -> None:
    """New actors of an import: validated one by one, written in a few bulk queries."""
    from simple_history.utils import bulk_create_with_history

    autor = usuario if getattr(usuario, "is_authenticated", False) else None
    actores = []
    for fila in filas:
        actor = Actor(creado_por=autor, **fila.datos)
        try:
            # FKs come from the catalogues loaded for the preview: no query to re-check them.
            actor.full_clean(exclude=["canton", "parroquia", "creado_por"], validate_unique=False)
        except ValidationError as e:
            raise ValidationError(
                _("Fila %(n)d: %(m)s. No se importó ninguna fila.")
                % {"n": fila.numero, "m": " ".join(e.messages)}
            ) from None
        actor.preparar()
        actores.append(actor)
    creados = bulk_create_with_history(
        actores,
        Actor,
        batch_size=500,
        default_user=autor,
        default_change_reason=_("Importación desde archivo."),
    )
    if any(a.pk is None for a in creados):  # backends without RETURNING
        por_nombre = dict(
            Actor.objects.filter(
                nombre_normalizado__in=[a.nombre_normalizado for a in actores]
            ).values_list("nombre_normalizado", "pk")
        )
        for a in creados:
            a.pk = a.id = por_nombre[a.nombre_normalizado]
    EjeRel, SectorRel = Actor.ejes.through, Actor.sectores.through
    EjeRel.objects.bulk_create(
        [
            EjeRel(actor_id=a.pk, eje_id=e.pk)
            for a, f in zip(creados, filas, strict=True)
            for e in f.ejes
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    SectorRel.objects.bulk_create(
        [
            SectorRel(actor_id=a.pk, sector_id=s.pk)
            for a, f in zip(creados, filas, strict=True)
            for s in f.sectores
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    motivo = _("Importación desde archivo.")
    CambioPosicion.objects.bulk_create(
        [
            CambioPosicion(
                actor_id=a.pk,
                influencia=a.influencia,
                interes=a.interes,
                posicion=a.posicion,
                motivo=motivo,
                registrado_por=autor,
            )
            for a in creados
        ],
        batch_size=1000,
    )


@transaction.atomic
def importacion_aplicar(
    *, importacion: Importacion, usuario, limite_territorial=None
) -> Previsualizacion:
    """All or nothing: re-validate the stored file and write every row, or none."""
    importacion = Importacion.objects.select_for_update().get(pk=importacion.pk)
    if importacion.estado == Importacion.Estado.APLICADA:
        raise ValidationError(_("Esta importación ya se aplicó."))
    importacion.archivo.open("rb")
    try:
        contenido = importacion.archivo.read()
    finally:
        importacion.archivo.close()
    prev = previsualizar(
        contenido,
        importacion.archivo.name,
        usuario=usuario,
        limite_territorial=limite_territorial,
    )
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
        if fila.accion != "actualizar":
            continue
        try:
            _aplicar_fila(fila, usuario)
        except ValidationError as e:
            raise ValidationError(
                _("Fila %(n)d: %(m)s. No se importó ninguna fila.")
                % {"n": fila.numero, "m": " ".join(e.messages)}
            ) from None
    importacion.estado = Importacion.Estado.APLICADA
    importacion.creadas = prev.crear
    importacion.actualizadas = prev.actualizar
    importacion.errores = 0
    importacion.aplicado = timezone.now()
    importacion.save()
    return prev


@transaction.atomic
def importacion_crear(
    *, archivo, usuario, limite_territorial=None
) -> tuple[Importacion, Previsualizacion]:
    """Store the uploaded file and return its preview (nothing is written to the actors).

    An XLSX file is stored as the CSV of its first sheet, so that confirming the import (which
    validates everything again) does not read the workbook a second time.
    """
    from django.core.files.base import ContentFile

    contenido = archivo.read()
    nombre = archivo.name
    if nombre.lower().endswith(".xlsx"):
        salida = io.StringIO()
        csv.writer(salida).writerows(_leer_filas(contenido, nombre))
        contenido = salida.getvalue().encode("utf-8")
        nombre = f"{nombre}.csv"
    prev = previsualizar(contenido, nombre, usuario=usuario, limite_territorial=limite_territorial)
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


__all__ = [
    "COLUMNAS",
    "ArchivoInvalido",
    "CambioPosicion",
    "importacion_aplicar",
    "importacion_crear",
    "previsualizar",
]
