#!/usr/bin/env bash
# Backup of the portal: the PostgreSQL database and the media files, taken together.
#
#   DATABASE_URL=postgres://... DJANGO_MEDIA_ROOT=/srv/pactos/media scripts/respaldo.sh /backup
#
# Writes /backup/pactos-<YYYYmmdd-HHMMSS>/ with
#   base.dump      pg_dump, custom format (compressed; pg_restore can pick tables)
#   conteos.txt    rows per table, counted in the very snapshot pg_dump exported
#   media.tar.gz   the media directory (generated PDFs, uploads)
#   media.sha256   checksum of every media file
# and prints the directory. Safe while the portal runs: pg_dump reads one consistent snapshot.
# Restore and verify with scripts/restaurar.sh.
set -euo pipefail

destino=${1:?"uso: $0 DIRECTORIO_DE_RESPALDOS"}
: "${DATABASE_URL:?DATABASE_URL debe apuntar a la base PostgreSQL del portal}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) echo "respaldo: DATABASE_URL no es PostgreSQL" >&2; exit 2 ;;
esac
raiz=$(cd "$(dirname "$0")/.." && pwd)
media=${DJANGO_MEDIA_ROOT:-${PACTOS_VAR_DIR:-$raiz/var}/media}

sello=$(date +%Y%m%d-%H%M%S)
salida="$destino/pactos-$sello"
mkdir -p "$salida.parcial"
trap 'rm -rf "$salida.parcial"' ERR

# Rows per table, exact; one line "tabla|filas" per table of the public schema.
CONTEOS="SELECT table_name || '|' || (xpath('/row/n/text()', query_to_xml(
  format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text
FROM information_schema.tables
WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name;"

# One psql session holds a repeatable-read snapshot: pg_dump dumps it, and the rows are counted
# in it, so the counts match the dump even while visitors keep writing. psql writes its answers
# with \g to files (its standard output to a pipe is buffered).
esperar_archivo() {
  for _ in $(seq 1 300); do
    [ -s "$1" ] && return 0
    kill -0 "$PSQL_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "respaldo: psql no respondió ($1)" >&2
  return 1
}
coproc PSQL { psql -X -q -At -v ON_ERROR_STOP=1 "$DATABASE_URL" >&2; }
a_psql=${PSQL[1]}
printf '%s\n' "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;" \
  "SELECT pg_export_snapshot() \\g $salida.parcial/.instantanea" >&"$a_psql"
esperar_archivo "$salida.parcial/.instantanea"
instantanea=$(cat "$salida.parcial/.instantanea")

pg_dump --format=custom --no-owner --no-privileges --snapshot="$instantanea" \
  --dbname="$DATABASE_URL" --file="$salida.parcial/base.dump"

printf '%s \\g %s\n' "${CONTEOS%;}" "$salida.parcial/.conteos" >&"$a_psql"
printf '%s\n' "COMMIT;" "SELECT 'fin' \\g $salida.parcial/.fin" >&"$a_psql"
esperar_archivo "$salida.parcial/.fin"
exec {PSQL[1]}>&-  # end of input: psql exits
wait "$PSQL_PID" 2>/dev/null || true
mv "$salida.parcial/.conteos" "$salida.parcial/conteos.txt"
rm -f "$salida.parcial/.instantanea" "$salida.parcial/.fin"
grep -q '|' "$salida.parcial/conteos.txt" || { echo "respaldo: no se pudieron contar las filas" >&2; exit 1; }

mkdir -p "$media"
tar -C "$media" -czf "$salida.parcial/media.tar.gz" .
(cd "$media" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) >"$salida.parcial/media.sha256"

mv "$salida.parcial" "$salida"
trap - ERR
echo "$salida"
