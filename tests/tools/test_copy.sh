#!/bin/sh
# test_copy.sh — `indgang copy`: the demo database (SQLite) into an empty PostgreSQL database of
# the throwaway cluster (INDGANG_TEST_PG, started by tests/run.sh) and back into a new SQLite file,
# whose every table then holds exactly the rows of the first (compared with sqlite3, table by
# table, the search tables with their row numbers); a new row after the copy gets the next id on
# PostgreSQL; a destination with data, a missing source and missing options are refused with
# one line and nothing written. Runs INDGANG_BIN (default ./indgang). Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
. tests/tools/lib.sh
tmp=$(mktemp -d)
pgdb=indgang_copy_$$
trap 'rm -rf "$tmp"; dropdb --maintenance-db="${admin:-}" --if-exists "$pgdb" >/dev/null 2>&1' EXIT

need_pg
admin=$pg_base/postgres
uri=$pg_base/$pgdb
show() { sed 's/^/#   /' "$@"; }

"$bin" --key-file "$tmp/k" key init >/dev/null 2>&1
if "$bin" --db "$tmp/a.db" --key-file "$tmp/k" demo >"$tmp/out" 2>&1; then
	ok "the demo database to copy"
else
	no "the demo database to copy"
	show "$tmp/out"
fi

# a text with what COPY's text format escapes (a backslash, a tab, line ends, "\N" and "\.",
# which end a value and the rows there), to come back unchanged
sqlite3 "$tmp/a.db" "UPDATE enterprises SET description = 'tab' || char(9) || 'nl' || char(10) ||
	'\\N cr' || char(13) || '\\.' || char(10) || '\\.' || char(10) WHERE id = (SELECT min(id) FROM enterprises)"

if createdb --maintenance-db="$admin" "$pgdb" 2>"$tmp/err" &&
	"$bin" copy --from "$tmp/a.db" --to "$uri" >"$tmp/out" 2>"$tmp/err" &&
	grep -q "every count agrees" "$tmp/out" && grep -q "^enterprises  *[1-9][0-9]*  *[1-9]" "$tmp/out"; then
	ok "SQLite into an empty PostgreSQL database: $(tail -1 "$tmp/out")"
else
	no "SQLite into an empty PostgreSQL database"
	show "$tmp/out" "$tmp/err"
fi

# the search's totals (a table of PostgreSQL's own, kept by triggers) agree with the copied rows
if [ "$(psql -X -A -t -d "$uri" -c "SELECT t.rows = (SELECT count(*) FROM enterprise_search)
	AND t.rows > 0 AND t.name_terms = (SELECT sum(name_len) FROM enterprise_search)
	FROM enterprise_search_totals t")" = t ]; then
	ok "the search's totals on PostgreSQL count the copied rows"
else
	no "the search's totals on PostgreSQL count the copied rows"
fi

if "$bin" copy --from "$uri" --to "$tmp/b.db" >"$tmp/out" 2>"$tmp/err" &&
	grep -q "every count agrees" "$tmp/out"; then
	ok "PostgreSQL back into a new SQLite file"
else
	no "PostgreSQL back into a new SQLite file"
	show "$tmp/out" "$tmp/err"
fi

# every table row for row (schema_migrations is each database's own: when it was migrated)
tables=$(sqlite3 "$tmp/a.db" "SELECT name FROM sqlite_schema t WHERE type = 'table'
	AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' AND NOT EXISTS (SELECT 1
	FROM sqlite_schema v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name IN (v.name || '_data',
	v.name || '_idx', v.name || '_content', v.name || '_docsize', v.name || '_config'))")
n=0
differ=""
for t in $tables; do
	n=$((n + 1))
	a=$(sqlite3 "$tmp/a.db" "SELECT rowid, * FROM \"$t\"" 2>/dev/null || sqlite3 "$tmp/a.db" "SELECT * FROM \"$t\"")
	b=$(sqlite3 "$tmp/b.db" "SELECT rowid, * FROM \"$t\"" 2>/dev/null || sqlite3 "$tmp/b.db" "SELECT * FROM \"$t\"")
	[ "$(echo "$a" | sort | md5sum)" = "$(echo "$b" | sort | md5sum)" ] || differ="$differ $t"
done
if [ "$n" -gt 50 ] && [ -z "$differ" ]; then
	ok "the round trip keeps every row of all $n tables"
else
	no "the round trip keeps every row of all $n tables (differ:$differ)"
fi

if printf 'korrekt-hest-batteri-9\n' | "$bin" --db "$uri" user add --email ny@kolding.dk \
	--role konsulent --kommune 621 >"$tmp/out" 2>"$tmp/err" &&
	[ "$(psql -X -A -t -d "$uri" -c "SELECT id = (SELECT max(id) FROM users) FROM users WHERE email = 'ny@kolding.dk'")" = t ]; then
	ok "a user added on PostgreSQL after the copy gets the next id"
else
	no "a user added on PostgreSQL after the copy gets the next id"
	show "$tmp/out" "$tmp/err"
fi

before=$(psql -X -A -t -d "$uri" -c "SELECT count(*) FROM enterprises")
"$bin" copy --from "$tmp/a.db" --to "$uri" >"$tmp/out" 2>"$tmp/err"
rc=$?
after=$(psql -X -A -t -d "$uri" -c "SELECT count(*) FROM enterprises")
if [ "$rc" -eq 1 ] && grep -q "not empty" "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	[ "$before" = "$after" ]; then
	ok "a destination with data is refused with one line, and keeps its rows"
else
	no "a destination with data is refused (exit $rc, $before then $after enterprises)"
	show "$tmp/out" "$tmp/err"
fi

# a value PostgreSQL refuses (a byte that is not UTF-8) ends the copy: one line, nothing kept
cp "$tmp/a.db" "$tmp/bad.db"
sqlite3 "$tmp/bad.db" "UPDATE enterprises SET description = CAST(X'6b61c3' AS TEXT) WHERE id = (SELECT max(id) FROM enterprises)"
dropdb --maintenance-db="$admin" --if-exists "$pgdb" >/dev/null 2>&1
createdb --maintenance-db="$admin" "$pgdb" 2>"$tmp/err"
echo "# (a negative test: the copy of a text that is not UTF-8 is logged as refused)"
"$bin" copy --from "$tmp/bad.db" --to "$uri" >"$tmp/out" 2>"$tmp/err"
rc=$?
left=$(psql -X -A -t -d "$uri" -c "SELECT count(*) FROM enterprises" 2>/dev/null)
if [ "$rc" -eq 1 ] && grep -q "enterprises" "$tmp/err" && [ "$left" = 0 ]; then
	ok "a value PostgreSQL refuses ends the copy with the table named, and nothing is kept"
else
	no "a value PostgreSQL refuses ends the copy (exit $rc, $left enterprises left)"
	show "$tmp/out" "$tmp/err"
fi

"$bin" copy --from "$tmp/none.db" --to "$tmp/c.db" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q "does not exist" "$tmp/err" && [ ! -e "$tmp/none.db" ]; then
	ok "a source that does not exist is refused, and not made"
else
	no "a source that does not exist is refused (exit $rc)"
	show "$tmp/out" "$tmp/err"
fi

"$bin" copy --from "$tmp/a.db" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q -- "--to" "$tmp/err"; then
	ok "copy without --to is a usage error"
else
	no "copy without --to is a usage error (exit $rc)"
	show "$tmp/out" "$tmp/err"
fi

finish
