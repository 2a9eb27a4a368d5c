#!/bin/sh
# bench/import-raw.sh — the baseline that issue #12 holds `indgang registry import` against: the
# sqlite3 shell's `.import` of the same CSV into a plain table, then an FTS5 index built from it
# in one INSERT ... SELECT. Twice: with a plain fts5(name, description) (the issue's baseline)
# and with the product's index configuration (migration 0024: prefix indexes of 2-5 letters,
# detail=column). Each on a fresh database file in WAL mode, BENCH_ROUNDS times (default 3);
# prints the median seconds of each as
#   RAW plain=S product=S
# Measures the whole sqlite3 process (/usr/bin/time's elapsed, and user+sys). No speed is
# asserted.
#   sh bench/import-raw.sh /tmp/enterprises.csv
set -eu
file=${1:?usage: sh bench/import-raw.sh FILE.csv}
rounds=${BENCH_ROUNDS:-3}
command -v sqlite3 >/dev/null || { echo "import-raw: sqlite3 is missing (apt-get install sqlite3)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# one run: $1 the FTS5 table's definition; appends "elapsed cpu" to $tmp/$2
run() {
	rm -f "$tmp/raw.db" "$tmp/raw.db-wal" "$tmp/raw.db-shm"
	cat >"$tmp/raw.sql" <<SQL
PRAGMA journal_mode = WAL;
.mode csv
.import '$file' raw
CREATE VIRTUAL TABLE raw_search USING $1;
INSERT INTO raw_search (rowid, name, description) SELECT rowid, name, description FROM raw;
SQL
	/usr/bin/time -f "%e %U %S" -o "$tmp/time.out" sqlite3 "$tmp/raw.db" <"$tmp/raw.sql" >/dev/null
	awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$tmp/time.out" >>"$tmp/$2"
}

: >"$tmp/plain"
: >"$tmp/product"
r=1
while [ "$r" -le "$rounds" ]; do
	run "fts5(name, description)" plain
	run "fts5(name, description, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4 5', detail = column)" product
	r=$((r + 1))
done
echo "RAW plain=$(awk '{ print $1 }' "$tmp/plain" | median) product=$(awk '{ print $1 }' "$tmp/product" | median)" \
	"plain_cpu=$(awk '{ print $2 }' "$tmp/plain" | median) product_cpu=$(awk '{ print $2 }' "$tmp/product" | median)"
