"""Models of pactos/, one module per area; re-exported here so Django and imports find them."""

from .hoja_de_ruta import (  # noqa: F401
    Actividad,
    Bloque,
    EstadoActividad,
    InformeProgreso,
    ProductoPrograma,
    Salud,
)
from .pactos import (  # noqa: F401
    Actualizacion,
    AcuerdoDescartado,
    AvancePropuesto,
    Compromiso,
    ContactoResponsable,
    Evidencia,
    Firmante,
    Hito,
    OrigenCompromiso,
    Pacto,
    RecordatorioCompromiso,
    VersionPacto,
)
