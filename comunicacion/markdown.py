"""Markdown to HTML for news, sanitised with nh3: no scripts, no event handlers, no javascript: links."""

import markdown as md
import nh3
from django.utils.safestring import SafeString, mark_safe

ETIQUETAS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre",
    "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATRIBUTOS = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def markdown_seguro(texto: str) -> SafeString:
    html = md.markdown(texto or "", extensions=["tables", "sane_lists"], output_format="html")
    limpio = nh3.clean(
        html,
        tags=ETIQUETAS,
        attributes=ATRIBUTOS,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(limpio)  # noqa: S308 - sanitised by nh3 just above
