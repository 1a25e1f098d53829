from core.cache import PaginaPublicaMixin
from core.vistas import PUBLICO, VistaStaff, objeto_o_404

from ..selectors import cantones_publicos, tablero_canton, ultima_publicacion


class CantonListaView(PaginaPublicaMixin, VistaStaff):
    permiso = PUBLICO
    template_name = "sie/cantones.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(cantones=cantones_publicos(), **kwargs)


class CantonDetalleView(PaginaPublicaMixin, VistaStaff):
    """A canton's dashboard: reference data and its indicators."""

    permiso = PUBLICO
    template_name = "sie/canton.html"

    def cargar_objeto(self):
        return objeto_o_404(cantones_publicos(), codigo=self.kwargs["codigo"])

    def get_context_data(self, **kwargs):
        tablero = tablero_canton(canton=self.objeto)
        return super().get_context_data(
            canton=self.objeto,
            tablero=tablero,
            tablero_demo=any(fila["ultimo"]["demo"] for fila in tablero),
            actualizado=ultima_publicacion(canton=self.objeto),
            **kwargs,
        )
