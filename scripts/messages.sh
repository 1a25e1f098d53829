#!/usr/bin/env bash
# Updates the English catalogues. Each app owns one (<app>/locale: makemessages puts a file's
# strings in the nearest locale/ above it); templates/ and config/ share the root locale/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
for app in core sie actores canales mesas pactos eventos comunicacion; do mkdir -p "$app/locale"; done
"$PY" manage.py makemessages -l en --no-location --no-obsolete -v 0 \
  --ignore=.venv --ignore=node_modules --ignore=static/vendor --ignore=var --ignore=tests \
  --ignore=bench --ignore=staticfiles --ignore=docs
