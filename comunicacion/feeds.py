from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core.enlaces import FeedPortal

from .selectors import noticias_publicas


class NoticiasFeed(FeedPortal):
    """RSS 2.0 of the published news only (drafts and future dates never appear)."""

    title = _("Pactos por Pichincha — noticias")
    link = reverse_lazy("comunicacion:noticias")
    description = _("Noticias del programa Pactos por Pichincha.")

    def items(self):
        return noticias_publicas()[:30]

    def item_title(self, item):
        return item.titulo

    def item_description(self, item):
        # Plain text: the summary, and the sanitised body without tags.
        return f"{item.resumen}\n\n{strip_tags(item.cuerpo_html)[:1000]}"

    def item_pubdate(self, item):
        return item.publicada_en

    def item_updateddate(self, item):
        return item.actualizada


class NoticiasAtom(NoticiasFeed):
    feed_type = Atom1Feed
    subtitle = NoticiasFeed.description
