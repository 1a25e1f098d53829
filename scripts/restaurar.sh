#!/usr/bin/env bash
# Restore a backup of scripts/respaldo.sh into a NEW database and media directory, then check
# that every table has the rows it had and every media file its checksum.
#
#   scripts/restaurar.sh /backup/pactos-20261125-020000 \
#       postgres://postgres@db.internal:5432/pactos_restaurada /srv/pactos/media-restaurada
#
# The database is created when it does not exist; it must be empty (no tables) when it does.
# The media directory must be empty or not exist. Exits 1, naming the tables, when a count
# differs. Point DATABASE_URL and DJANGO_MEDIA_ROOT at them afterwards (docs/operations.md).
set -euo pipefail

respaldo=${1:?"uso: $0 DIRECTORIO_DEL_RESPALDO URL_DE_LA_BASE_NUEVA DIRECTORIO_DE_MEDIOS_NUEVO"}
url=${2:?"falta la URL de la base nueva (postgres://.../nombre)"}
media=${3:?"falta el directorio de medios nuevo"}
respaldo=$(cd "$respaldo" && pwd)
for archivo in base.dump conteos.txt media.tar.gz media.sha256; do
  [ -f "$respaldo/$archivo" ] || { echo "restaurar: falta $respaldo/$archivo" >&2; exit 2; }
done
case "$url" in
  postgres://* | postgresql://*) ;;
  *) echo "restaurar: la URL no es PostgreSQL" >&2; exit 2 ;;
esac

servidor=${url%/*}
nombre=${url##*/}
nombre=${nombre%%\?*}
[[ "$nombre" =~ ^[A-Za-z0-9_]+$ ]] || { echo "restaurar: nombre de base no válido: $nombre" >&2; exit 2; }

existe=$(psql -X -At "$servidor/postgres" -c "SELECT 1 FROM pg_database WHERE datname = '$nombre'")
if [ "$existe" = 1 ]; then
  tablas=$(psql -X -At "$url" -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
  if [ "$tablas" != 0 ]; then
    echo "restaurar: la base $nombre ya tiene $tablas tablas; restaure en una base nueva" >&2
    exit 2
  fi
else
  psql -X -q "$servidor/postgres" -c "CREATE DATABASE \"$nombre\""
fi
if [ -d "$media" ] && [ -n "$(ls -A "$media")" ]; then
  echo "restaurar: $media no está vacío" >&2
  exit 2
fi

pg_restore --no-owner --no-privileges --exit-on-error --jobs="${RESTAURAR_TRABAJOS:-2}" \
  --dbname="$url" "$respaldo/base.dump"
mkdir -p "$media"
tar -C "$media" -xzf "$respaldo/media.tar.gz"

# The same count as respaldo.sh, on the restored database.
restaurados=$(mktemp)
trap 'rm -f "$restaurados"' EXIT
psql -X -q -At -v ON_ERROR_STOP=1 "$url" >"$restaurados" <<'SQL'
SELECT table_name || '|' || (xpath('/row/n/text()', query_to_xml(
  format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text
FROM information_schema.tables
WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name;
SQL

distintas=0
tablas=0
filas=0
while IFS='|' read -r tabla esperadas; do
  tablas=$((tablas + 1))
  filas=$((filas + esperadas))
  obtenidas=$(grep -m1 "^$tabla|" "$restaurados" | cut -d'|' -f2 || true)
  if [ "$obtenidas" != "$esperadas" ]; then
    echo "DISTINTA  $tabla: respaldo $esperadas, restaurada ${obtenidas:-(no existe)}"
    distintas=$((distintas + 1))
  fi
done <"$respaldo/conteos.txt"
if [ "$(wc -l <"$restaurados")" != "$tablas" ]; then
  echo "DISTINTA  la base restaurada tiene $(wc -l <"$restaurados") tablas, el respaldo $tablas"
  distintas=$((distintas + 1))
fi

archivos=$(wc -l <"$respaldo/media.sha256")
if ! (cd "$media" && sha256sum --quiet --strict -c "$respaldo/media.sha256"); then
  echo "DISTINTOS archivos de medios (sha256)"
  distintas=$((distintas + 1))
fi

if [ "$distintas" != 0 ]; then
  echo "restaurar: la restauración NO coincide con el respaldo ($distintas diferencias)" >&2
  exit 1
fi
echo "Restauración verificada: $tablas tablas y $filas filas iguales al respaldo; $archivos archivos de medios íntegros."
