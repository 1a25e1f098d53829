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

# Pages served to the public, measured for throughput under gunicorn.
PUBLICAS_THROUGHPUT = ["home", "table", "public_pacto", "canton_dashboard"]


def registrar(clave: str):
    def decorador(funcion):
        PAGINAS[clave] = funcion
        return funcion

    return decorador


__all__ = ["PAGINAS", "PUBLICAS_THROUGHPUT", "_primero", "_usuario", "registrar"]
