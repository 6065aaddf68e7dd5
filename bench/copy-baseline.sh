#!/usr/bin/env bash
# The baseline of the ledger import benchmark (docs/benchmarks.md): how fast psql's \copy puts a
# ledger file into a table of the same columns as ledger_line's file columns (ledger-format.md),
# with the same unique key on line_id. Prints lines per second.
#
#   bench/copy-baseline.sh <file.csv> <database>
#
# Connects with the usual libpq variables (PGHOST, default 127.0.0.1; PGPORT, 5432; PGUSER,
# postgres; PGPASSWORD). Creates the database when it does not exist and then drops it at the end;
# drops its table at the end unless KEEP_TABLE=1.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <file.csv> <database>" >&2
  exit 2
fi
file=$(realpath "$1")
database=$2
table=ledger_copy_baseline
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

# The file names its columns in its header, in any order (ledger-format.md).
columns=$(head -n 1 "$file" | tr -d '\r\357\273\277')
if ! [[ $columns =~ ^[a-z_]+(,[a-z_]+)*$ ]]; then
  echo "$file: the header is not a plain list of column names: $columns" >&2
  exit 2
fi

created=0
if [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
  createdb "$database"
  created=1
fi
cleanup() {
  if [ "$created" = 1 ]; then
    dropdb --force "$database"
  elif [ "${KEEP_TABLE:-0}" != 1 ]; then
    psql -q -d "$database" -c "DROP TABLE IF EXISTS $table"
  fi
}
trap cleanup EXIT

# The types of ledger_line (V4__ledger.sql), its unique key on line_id, none of its other columns.
psql -q -v ON_ERROR_STOP=1 -d "$database" <<SQL
DROP TABLE IF EXISTS $table;
CREATE TABLE $table (
    line_id          VARCHAR(64)    NOT NULL PRIMARY KEY,
    invoice_id       VARCHAR(64)    NOT NULL,
    location_id      VARCHAR(10)    NOT NULL,
    customer_id      VARCHAR(64)    NOT NULL,
    customer_country CHAR(2),
    product_category VARCHAR(24)    NOT NULL,
    product_name     VARCHAR(255),
    charge_type      VARCHAR(32),
    billing_date     DATE           NOT NULL,
    paid_date        DATE,
    amount           NUMERIC(19, 4) NOT NULL,
    currency         CHAR(3)        NOT NULL
);
SQL
# Start from a clean slate: no checkpoint of earlier writes falls inside the timing.
psql -q -d "$database" -c "CHECKPOINT" >/dev/null 2>&1 || true

started=$(date +%s.%N)
answer=$(psql -v ON_ERROR_STOP=1 -d "$database" \
  -c "\\copy $table ($columns) FROM '$file' WITH (FORMAT csv, HEADER true)")
finished=$(date +%s.%N)

lines=${answer#COPY }
bytes=$(stat -c %s "$file")
awk -v lines="$lines" -v bytes="$bytes" -v s="$started" -v f="$finished" -v file="$file" 'BEGIN {
  seconds = f - s
  printf "psql \\copy of %s: %d lines in %.1f s: %.0f lines/s (%.1f MB/s)\n", file, lines, seconds, lines / seconds, bytes / seconds / 1e6
}'
