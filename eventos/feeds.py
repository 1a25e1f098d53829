from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.enlaces import FeedPortal

from .selectors import eventos_publicos


class EventosFeed(FeedPortal):
    title = _("Pactos por Pichincha — eventos")
    link = reverse_lazy("eventos:lista")
    description = _("Eventos públicos del programa Pactos por Pichincha.")

    def items(self):
        return eventos_publicos().order_by("-inicio")[:50]

    def item_title(self, item):
        return item.titulo

    def item_description(self, item):
        return f"{item.inicio:%d/%m/%Y %H:%M} · {item.resumen or item.descripcion[:300]}"

    def item_pubdate(self, item):
        return item.creado
