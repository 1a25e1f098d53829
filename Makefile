# Pactos por Pichincha — the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup lint bench clean messages stack

# Everything both commands need: virtualenv, Python and npm packages, compiled translations.
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po */locale/en/LC_MESSAGES/django.po)

setup: $(STAMP) static/vendor/.installed static/vendor/bootstrap-icons/.iconos static/vendor/bootstrap/.purgado var/.mensajes

$(STAMP): pyproject.toml
	@test -x $(PY) || { PYBIN=$$(scripts/find-python.sh) && "$$PYBIN" -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

static/vendor/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf static/vendor && mkdir -p static/vendor/bootstrap static/vendor/htmx static/vendor/chartjs static/vendor/bootstrap-icons
	# No Bootstrap JavaScript: static/js/portal.js opens the menus and closes the messages.
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/
	cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/dist/chart.umd.min.js.map static/vendor/chartjs/
	# Offline sessions (docs/architecture.md, "Sesiones sin señal"): Workbox's classic-script builds,
	# loaded by workbox-sw in the service worker, and idb's UMD build for the page's outbox.
	mkdir -p static/vendor/workbox static/vendor/idb
	cp node_modules/workbox-sw/build/workbox-sw.js node_modules/workbox-sw/build/workbox-sw.js.map static/vendor/workbox/
	for m in core routing strategies precaching expiration cacheable-response; do \
	  cp node_modules/workbox-$$m/build/workbox-$$m.prod.js node_modules/workbox-$$m/build/workbox-$$m.prod.js.map static/vendor/workbox/; done
	cp node_modules/idb/build/umd.js static/vendor/idb/idb.umd.js
	@touch $@
	$(MAKE) --no-print-directory static/vendor/bootstrap-icons/.iconos static/vendor/bootstrap/.purgado

# Bootstrap Icons reduced to the icons the portal names (scripts/iconos.py scans for `bi-NAME`):
# made by the vendor step, and again whenever a file where an icon can be named changes. It needs
# the virtualenv's fontTools (setup makes $(STAMP) before the vendor step; a deployment's venv
# has it from `pip install -e .`).
ICONOS_FUENTES := $(shell find . \( -name .git -o -name .venv -o -name node_modules -o -name vendor \
	-o -name staticfiles -o -name var -o -name locale -o -name docs -o -name tests -o -name bench \) \
	-prune -o -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.py' \) -print)
static/vendor/bootstrap-icons/.iconos: static/vendor/.installed $(ICONOS_FUENTES)
	$(PY) scripts/iconos.py
	@touch $@

# Bootstrap's CSS reduced to the classes the portal names (scripts/bootstrap-css.mjs, PurgeCSS):
# made by the vendor step, and again whenever a file where a class can be named changes (the same
# files as the icons'), with the templates of the packages that render the portal's forms.
PAQUETES_CON_PLANTILLAS = $(shell $(PY) -c "import os, crispy_bootstrap5, crispy_forms, django_filters, django; \
	print(*[os.path.dirname(m.__file__) for m in (crispy_bootstrap5, crispy_forms, django_filters)], \
	os.path.join(os.path.dirname(django.__file__), 'forms'))")
static/vendor/bootstrap/.purgado: static/vendor/.installed scripts/bootstrap-css.mjs $(ICONOS_FUENTES)
	node scripts/bootstrap-css.mjs static/vendor/bootstrap/bootstrap.min.css $(PAQUETES_CON_PLANTILLAS)
	@touch $@

# Translations are compiled at install, never committed.
var/.mensajes: $(PO_FILES) $(STAMP)
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
	@mkdir -p var && touch $@

# Serve on the embedded default: SQLite under var/, Celery tasks in-process.
run: export DATABASE_URL :=
run: export REDIS_URL :=
run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py cargar_demo
	@echo "Portal en http://$(HOST):$(PORT)/ — cuentas de demostración: coordinadora, facilitador, comunicacion, analista, admin"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The portal as deployed, on PostgreSQL and Redis (DATABASE_URL / REDIS_URL, the CI ones by
# default): DJANGO_DEBUG=0, gunicorn over TLS, a Celery worker and beat, an SMTP sink keeping every
# message in var/stack/correo/. STACK_ARGS=--base-nueva starts from a fresh database and demo.
# Kannel too (Debian's kannel and kannel-extras) with fakesmsc as the phones: `scripts/stack.py sms
# --ver` lists the SMS sent, `scripts/stack.py sms --de +593991234567 "SI"` answers from a phone.
stack: setup
	$(PY) scripts/stack.py $(STACK_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates */templates --check --quiet
	$(VENV)/bin/lint-imports

messages: $(STAMP)
	PY=$(PY) scripts/messages.sh
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

# Benchmarks (docs/performance.md). wrk, the load generator, and chromium (the session page on a
# slow link, bench/red_lenta.py) come from Debian's packages.
bench: setup
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk; }
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; }
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules static/vendor var staticfiles
