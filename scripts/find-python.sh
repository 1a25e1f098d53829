#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 interpreter (Django 6.1 needs it), or fails with a clear message.
# Looks on PATH first, then in pyenv's versions (whose bare shims fail unless a version is selected).
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
for name in python3.12 python3.13 python3 python; do
  p=$(command -v "$name" 2>/dev/null) && candidates+=("$p")
done
pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
for p in $(ls -d "$pyenv_root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -V); do
  candidates+=("$p")
done
for c in "${candidates[@]}"; do
  if ok "$c"; then
    "$c" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
echo "No Python 3.12 or newer found (Django 6.1 needs it). Install one (e.g. 'pyenv install 3.12') or set PYTHON=/path/to/python3.12." >&2
exit 1
