from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.enlaces import FeedPortal

from .selectors import agenda_publica, eventos_publicos


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


class AgendaFeed(FeedPortal):
    """The public agenda as RSS: upcoming table sessions (date, place, table) and events."""

    title = _("Pactos por Pichincha — agenda")
    link = reverse_lazy("agenda:lista")
    description = _("Próximas sesiones de las mesas y eventos públicos de Pactos por Pichincha.")

    def items(self):
        return agenda_publica()[:100]

    def item_title(self, item):
        return item.titulo

    def item_description(self, item):
        cuando = timezone.localtime(item.inicio).strftime("%d/%m/%Y %H:%M")
        partes = [cuando, item.modalidad, item.lugar, item.canton]
        return " · ".join(p for p in partes if p)

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return f"{item.uid}@pactos.pichincha.gob.ec"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.publicada_en
