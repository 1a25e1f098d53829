"""Steps the browser journeys share: a staff account with a known password, logging in on the
form a protected page sends the browser to, and downloading a document the portal generated."""

import re
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from playwright.sync_api import expect

CLAVE = "clave-del-navegador-123"


def cuenta(django_user_model, username: str, rol: str, **datos):
    """An account with the role's group and the password CLAVE."""
    usuario = django_user_model.objects.create(
        username=username, password=make_password(CLAVE), **datos
    )
    usuario.groups.add(Group.objects.get_or_create(name=rol)[0])
    return usuario


def iniciar_sesion(page, usuario: str, destino: str) -> None:
    """Fill the login form the page shows and land on destino (a regular expression)."""
    formulario = page.locator("form:has(input[name=password])")
    formulario.locator("input[name=username]").fill(usuario)
    formulario.locator("input[name=password]").fill(CLAVE)
    formulario.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(destino))


def entrar(page, url: str, usuario: str, destino: str) -> None:
    """Open a staff page without a session: sent to log in, then back on destino."""
    page.goto(url)
    page.wait_for_url(re.compile(r"/cuentas/login/"))
    iniciar_sesion(page, usuario, destino)


def descargar_pdf(page, *, espera: int = 60_000) -> tuple[str, bytes]:
    """On a generated document's page: wait for its link, download it; (file name, bytes)."""
    enlace = page.get_by_role("link", name=re.compile("Descargar PDF"))
    expect(enlace).to_be_visible(timeout=espera)
    with page.expect_download() as descarga:
        enlace.click()
    return descarga.value.suggested_filename, Path(descarga.value.path()).read_bytes()
