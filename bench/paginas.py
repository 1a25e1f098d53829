"""The key pages and API lists that `make bench` measures.

Each entry: key → function(cliente_factory) returning (url, user or None). The functions look up
an object of the dataset; a page whose app or data is missing returns None and is reported as
"missing" instead of a figure, so the file keeps its shape while the portal grows.
"""

from collections.abc import Callable

from django.apps import apps


def _primero(modelo: str, **filtros):
    try:
        Model = apps.get_model(modelo)
    except LookupError:
        return None
    return Model.objects.filter(**filtros).order_by("pk").first()


def _usuario(username: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=username).first()


def home():
    return "/", None


def table():
    mesa = _primero("mesas.Mesa", sesiones__estado="acta_publicada") or _primero("mesas.Mesa")
    return (f"/mesas/{mesa.slug}/", None) if mesa else None


def session():
    sesion = _primero("mesas.Sesion", estado="acta_publicada")
    usuario = _usuario("facilitador")
    if sesion is None or usuario is None:
        return None
    mesa = sesion.mesa
    if not mesa.facilitadores.filter(pk=usuario.pk).exists():
        mesa.facilitadores.add(usuario)
    return f"/mesas/sesion/{sesion.pk}/", usuario


def acta_status():
    Documento = apps.get_model("core.Documento")
    documento = Documento.objects.filter(tipo="acta_publica").order_by("pk").first()
    return (f"/documentos/{documento.uuid}/", None) if documento else None


def public_pacto():
    pacto = _primero("pactos.Pacto", estado="publicado")
    return (f"/pactos/ver/{pacto.slug}/", None) if pacto else None


def commitment_dashboard():
    return "/pactos/compromisos/tablero/", _usuario("coordinadora")


def roadmap():
    return "/pactos/hoja-de-ruta/", _usuario("coordinadora")


def actor_list():
    return "/actores/", _usuario("coordinadora")


def actor_grid():
    return "/actores/mapa/", _usuario("coordinadora")


def canton_dashboard():
    return "/sie/cantones/1703/", None


def indicator_api_list():
    return "/api/v1/indicadores/", None


def measurement_api_list():
    return "/api/v1/mediciones/", None


def event_page():
    from eventos.selectors import eventos_publicos

    evento = eventos_publicos().order_by("pk").first()
    return (f"/eventos/{evento.slug}/", None) if evento else None


def news():
    return ("/comunicacion/noticias/", None) if _primero("comunicacion.Noticia") else None


def consultation():
    consulta = _primero("comunicacion.Consulta")
    return (f"/comunicacion/consultas/{consulta.pk}/", None) if consulta else None


def api_cantones():
    return "/api/v1/cantones/", None


# --- Every other kind of public page (issue 18): anonymous, served from the page cache ---------


def public_session():
    sesion = _primero("mesas.Sesion", estado="acta_publicada")
    return (f"/mesas/{sesion.mesa.slug}/sesiones/{sesion.numero}/", None) if sesion else None


def tables():
    return "/mesas/", None


def pactos_list():
    return "/pactos/", None


def commitment():
    compromiso = _primero("pactos.Compromiso", pacto__estado="publicado")
    if compromiso is None:
        return None
    return f"/pactos/ver/{compromiso.pacto.slug}/compromisos/{compromiso.numero}/", None


def events_list():
    return "/eventos/", None


def indicators():
    return "/sie/indicadores/", None


def indicator():
    from sie.selectors import indicadores_publicos

    indicador = indicadores_publicos().order_by("codigo").first()
    return (f"/sie/indicadores/{indicador.codigo}/", None) if indicador else None


def sie_map():
    return "/sie/mapa/", None


def cantons():
    return "/sie/cantones/", None


def open_data():
    return "/sie/datos/", None


def participants():
    return "/actores/participantes/", None


def news_item():
    noticia = _primero("comunicacion.Noticia", estado="publicada")
    return (f"/comunicacion/noticias/{noticia.slug}/", None) if noticia else None


def consultations():
    return "/comunicacion/consultas/", None


def contact_form():
    return "/comunicacion/contacto/", None


def news_feed():
    return "/comunicacion/noticias/rss/", None


PAGINAS: dict[str, Callable] = {
    "home": home,
    "table": table,
    "session": session,
    "acta_status": acta_status,
    "public_pacto": public_pacto,
    "commitment_dashboard": commitment_dashboard,
    "roadmap": roadmap,
    "actor_list": actor_list,
    "actor_grid": actor_grid,
    "canton_dashboard": canton_dashboard,
    "indicator_api_list": indicator_api_list,
    "measurement_api_list": measurement_api_list,
    "event_page": event_page,
    "news": news,
    "consultation": consultation,
    "api_cantones": api_cantones,
}
PAGINAS |= {
    "public_session": public_session,
    "tables": tables,
    "pactos_list": pactos_list,
    "commitment": commitment,
    "events_list": events_list,
    "indicators": indicators,
    "indicator": indicator,
    "sie_map": sie_map,
    "cantons": cantons,
    "open_data": open_data,
    "participants": participants,
    "news_item": news_item,
    "consultations": consultations,
    "contact_form": contact_form,
    "news_feed": news_feed,
}

# Pages served to the public, measured for throughput under gunicorn.
PUBLICAS_THROUGHPUT = ["home", "table", "public_pacto", "canton_dashboard"]
# Every other kind of public page, each served from the page cache (issue 18).
PUBLICAS_THROUGHPUT += [
    "public_session",
    "event_page",
    "events_list",
    "commitment",
    "pactos_list",
    "tables",
    "indicators",
    "indicator",
    "sie_map",
    "cantons",
    "open_data",
    "participants",
    "consultation",
    "consultations",
    "news",
    "news_item",
    "news_feed",
    "contact_form",
]


def registrar(clave: str):
    def decorador(funcion):
        PAGINAS[clave] = funcion
        return funcion

    return decorador


__all__ = ["PAGINAS", "PUBLICAS_THROUGHPUT", "_primero", "_usuario", "registrar"]
