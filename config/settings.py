"""Settings of the portal, in one module driven by environment variables.

Unset DATABASE_URL means an SQLite file under var/; unset REDIS_URL means Celery runs tasks in
process and the cache is local memory. With DJANGO_DEBUG off the production safeguards apply.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PACTOS_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "si", "sí"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
TESTING = env_bool("PACTOS_TESTING", False) or "pytest" in sys.modules

_DEV_SECRET = "django-insecure-desarrollo-local-no-usar-en-produccion"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or (_DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY es obligatoria cuando DJANGO_DEBUG está apagado.")

# The portal's public address, as people open it: every link that leaves the portal (e-mails,
# QR codes, .ics, feeds, API fields) is built on it by core.enlaces. Required in production.
PORTAL_URL = os.environ.get("PORTAL_URL", "").strip().rstrip("/")
if not PORTAL_URL:
    if not DEBUG:
        raise ImproperlyConfigured(
            "PORTAL_URL es obligatoria cuando DJANGO_DEBUG está apagado: la dirección pública del "
            "portal, p. ej. https://pactos.pichincha.gob.ec (de ella salen los enlaces de los correos)."
        )
    PORTAL_URL = "http://127.0.0.1:8000"
elif not PORTAL_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(
        f"PORTAL_URL debe empezar por https:// o http:// (es «{PORTAL_URL}»)."
    )

# Explicit variables win; otherwise production serves the public address's host, and forms posted
# from the public address pass the CSRF origin check behind a TLS-terminating proxy.
_PORTAL = urlsplit(PORTAL_URL)
ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else _PORTAL.hostname or ""
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
if f"{_PORTAL.scheme}://{_PORTAL.netloc}" not in CSRF_TRUSTED_ORIGINS:
    CSRF_TRUSTED_ORIGINS.append(f"{_PORTAL.scheme}://{_PORTAL.netloc}")

# The client's address behind a reverse proxy (core.red.ip_cliente, used by every rate limit and
# by django-axes): the META key of the header the proxy sets, e.g. HTTP_X_FORWARDED_FOR, and how
# many trusted proxies append to it. Unset: REMOTE_ADDR only, so a forged header changes nothing.
PROXY_IP_HEADER = os.environ.get("DJANGO_PROXY_IP_HEADER", "").strip().upper().replace("-", "_")
if PROXY_IP_HEADER and not PROXY_IP_HEADER.startswith("HTTP_") and PROXY_IP_HEADER != "REMOTE_ADDR":
    PROXY_IP_HEADER = "HTTP_" + PROXY_IP_HEADER  # "X-Forwarded-For" as the header is written
PROXY_CONTADOR = int(os.environ.get("DJANGO_PROXY_CONTADOR", "1"))
if PROXY_CONTADOR < 1:
    raise ImproperlyConfigured("DJANGO_PROXY_CONTADOR cuenta los proxies de confianza: 1 o más.")

INSTALLED_APPS = [
    "core.admin_config.PortalAdminConfig",  # django.contrib.admin, for Administración only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    # Third-party
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc served by the portal (datos/)
    "phonenumber_field",
    "health_check",
    # The portal, lowest layer first (see docs/architecture.md)
    "core",
    "sie",
    "actores",
    "canales",
    "mesas",
    "pactos",
    "eventos",
    "comunicacion",
    "datos",
]

MIDDLEWARE = [
    # Static files with hashed names lose the headers they never need (core/estaticos.py).
    "core.estaticos.CabecerasEstaticosMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Gzip for HTML, JSON, CSV and feeds (core/compresion.py): above every middleware that reads
    # or changes the body, below WhiteNoise, which sends static files precompressed itself.
    "core.compresion.CompresionMiddleware",
    # Cached public pages for anonymous GETs, answered before sessions, locale, CSRF, auth and
    # messages run (core/cache.py); everything else, /ping/ included, goes on down unchanged.
    "core.cache.PaginaPublicaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Permissions-Policy, and a 413 page for oversized uploads (core/seguridad.py).
    "core.seguridad.CabecerasSeguridadMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.portal",
            ],
        },
    }
]

# Database: PostgreSQL in production and CI, an SQLite file under var/ by default.
DATABASES = {
    # An empty DATABASE_URL (as `make run` exports it) means the embedded default too.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'pactos.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database host that does not answer must give the 503 page in seconds, not hang the
    # request until gunicorn's timeout (libpq waits forever by default).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5"))
    )
if TESTING and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A test database needs no durability: commits (migrate, flushes, live-server requests) do
    # not wait for the disk; only a crash of the PostgreSQL server could lose the last ones.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c synchronous_commit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is broker, result backend and cache when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pactos",
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Public pages served from the shared cache (core/cache.py): on in production; off under `make
# run` (DEBUG, or no Redis to share the generation between processes), so an edited template
# shows at once.
CACHE_PAGINAS_PUBLICAS = env_bool("DJANGO_CACHE_PAGINAS_PUBLICAS", bool(REDIS_URL) and not DEBUG)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # Hashing cost is not what the tests measure; PBKDF2 at full strength dominated the suite.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "cuentas:login"
LOGIN_REDIRECT_URL = "core:panel"
LOGOUT_REDIRECT_URL = "inicio"

# Login throttling: five failures for one user name from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "cuentas/bloqueado.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "core.red.ip_cliente"

# Language and time: Spanish first, English second.
LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Español")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Guayaquil"
USE_I18N = True
USE_TZ = True
# Off: with it on, every {{ obj.pk }} of 1000 or more in an HTML attribute renders as "1.000"
# and breaks ids and form values. Figures meant for reading use intcomma or floatformat:"g".
USE_THOUSAND_SEPARATOR = False
# es-EC writes 1.234,5 (shared/DOMAIN.md): core/formatos/es overrides the thousands separator.
FORMAT_MODULE_PATH = ["core.formatos"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # one script and one style sheet for the pages kept without signal (core/estaticos.py)
    "core.estaticos.PaquetesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
# Uploads are checked by the portal (core/medios.py); with this set (e.g. "/_medios/") nginx sends
# the file from that internal location (docs/operations.md, "Uploads and the proxy").
MEDIA_ACCEL_REDIRECT = os.environ.get("DJANGO_MEDIA_ACCEL_REDIRECT", "").strip()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "core.estaticos.AlmacenEstaticos"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING

# E-mail: the console in development; SMTP when EMAIL_HOST is set, and always in production
# (the local mail relay on localhost:25 unless EMAIL_HOST says otherwise).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "" if DEBUG else "localhost")
if EMAIL_HOST:
    _correo = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": EMAIL_HOST,
            "port": int(os.environ.get("EMAIL_PORT", "587" if EMAIL_HOST != "localhost" else "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", EMAIL_HOST != "localhost"),
            "timeout": 10,
        },
    }
else:
    _correo = {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
del EMAIL_HOST
MAILERS = {"default": _correo}
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Pactos por Pichincha <no-responder@pactos.pichincha.gob.ec>"
)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Content Security Policy: everything is served by the portal itself, nothing from a CDN.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Production behaviour whenever DEBUG is off.
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Uploads: a request body above PORTAL_SUBIDA_MAX_BYTES gets a clear 413 page (core/seguridad.py);
# each form field sets its own, lower limit (core/validadores.py). Form data without files stays
# small, and files above FILE_UPLOAD_MAX_MEMORY_SIZE are streamed to a temporary file.
PORTAL_SUBIDA_MAX_BYTES = int(os.environ.get("PORTAL_SUBIDA_MAX_BYTES", str(25 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # load balancers probe over plain HTTP
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Celery: Redis as broker and result backend when REDIS_URL is set, in-process otherwise.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TIMEZONE = TIME_ZONE

# Open-data API: read-only for the public, JSON and CSV.
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "core.api.CSVRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "core.api.Paginacion",
    "PAGE_SIZE": 100,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["core.api.LimiteAnonimo"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "600/minute")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Pactos por Pichincha — datos abiertos",
    "DESCRIPTION": "API pública de solo lectura del portal Pactos por Pichincha.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Demo accounts' password (refused when DEBUG is off, see core/management/commands/cargar_demo.py).
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "pichincha-demo")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Staff accounts made from the portal (core/services.py): an invitation's set-password link lives
# this many days; the work queue calls a commitment "silent" after this many days without progress.
PORTAL_INVITACION_DIAS = int(os.environ.get("PORTAL_INVITACION_DIAS", "7"))
PORTAL_DIAS_SIN_AVANCES = int(os.environ.get("PORTAL_DIAS_SIN_AVANCES", "60"))

# Channels beyond e-mail (canales/, docs/canales.md, docs/operations.md "SMS con Kannel").
# SMS through Kannel's sendsms when KANNEL_SENDSMS_URL is set; otherwise (make run) the "registro"
# gateway only logs what would have left. KANNEL_CLAVE_ENTRANTE is the secret Kannel passes back
# on its get-url (incoming messages) and on the delivery reports.
KANNEL_SENDSMS_URL = os.environ.get("KANNEL_SENDSMS_URL", "")
KANNEL_USUARIO = os.environ.get("KANNEL_USUARIO", "portal")
KANNEL_CLAVE = os.environ.get("KANNEL_CLAVE", "")
KANNEL_CLAVE_ENTRANTE = os.environ.get("KANNEL_CLAVE_ENTRANTE", "")
KANNEL_REMITENTE = os.environ.get("KANNEL_REMITENTE", "2525")
KANNEL_COSTO_SEGMENTO = float(os.environ.get("KANNEL_COSTO_SEGMENTO", "0.01"))
KANNEL_POR_SEGUNDO = int(os.environ.get("KANNEL_POR_SEGUNDO", "10"))
CANALES_PASARELA_SMS = os.environ.get(
    "CANALES_PASARELA_SMS", "kannel" if KANNEL_SENDSMS_URL else "registro"
)
# WhatsApp Cloud API (canales/pasarelas/whatsapp.py): the app's token, phone id and secret.
WHATSAPP_TOKEN = os.environ.get("WHATSAPP_TOKEN", "")
WHATSAPP_PHONE_ID = os.environ.get("WHATSAPP_PHONE_ID", "")
WHATSAPP_APP_SECRET = os.environ.get("WHATSAPP_APP_SECRET", "")
WHATSAPP_VERIFY_TOKEN = os.environ.get("WHATSAPP_VERIFY_TOKEN", "")
WHATSAPP_PLANTILLA = os.environ.get("WHATSAPP_PLANTILLA", "aviso_portal")
WHATSAPP_IDIOMA_PLANTILLA = os.environ.get("WHATSAPP_IDIOMA_PLANTILLA", "es")
WHATSAPP_API_URL = os.environ.get("WHATSAPP_API_URL", "")
WHATSAPP_TIEMPO_LIMITE = float(os.environ.get("WHATSAPP_TIEMPO_LIMITE", "10"))
WHATSAPP_COSTO_MENSAJE = float(os.environ.get("WHATSAPP_COSTO_MENSAJE", "0.02"))
CANALES_PASARELA_WHATSAPP = os.environ.get("CANALES_PASARELA_WHATSAPP", "whatsapp")
# An answer ("SI", "60 avanzamos...") matches the latest message sent to that number in this many
# days; an unknown number may write this many times per hour before its texts are set aside.
CANALES_DIAS_RESPUESTA = int(os.environ.get("CANALES_DIAS_RESPUESTA", "21"))
CANALES_ENTRANTES_POR_HORA = int(os.environ.get("CANALES_ENTRANTES_POR_HORA", "10"))
