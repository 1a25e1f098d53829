import pytest


@pytest.fixture(autouse=True)
def hasher_rapido(settings):
    """Logins in these tests hash passwords dozens of times; PBKDF2 would cost seconds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
