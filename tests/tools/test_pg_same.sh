#!/bin/sh
# test_pg_same.sh — the command line gives the same answers on SQLite and on PostgreSQL: the
# demo loaded into a SQLite file and into a database of the throwaway cluster (INDGANG_TEST_PG,
# started by tests/run.sh), then each command below run on both and its output compared byte for
# byte (the registry's figures, its export, the survey report, the yearly report, the users, an
# import's dry run, employment's Tabel 4, the networks' figures); `token create` and an import
# that writes work on both. Runs INDGANG_BIN (default ./indgang). Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
. tests/tools/lib.sh
tmp=$(mktemp -d)
pgdb=indgang_same_$$
trap 'rm -rf "$tmp"; dropdb --maintenance-db="${admin:-}" --if-exists --force "$pgdb" >/dev/null 2>&1' EXIT

need_pg
admin=$pg_base/postgres
pg=$pg_base/$pgdb
lite=$tmp/a.db
show() { sed 's/^/#   /' "$@" | head -40; }

"$bin" --key-file "$tmp/k" key init >/dev/null 2>&1
if createdb --maintenance-db="$admin" "$pgdb" 2>"$tmp/err" &&
	"$bin" --db "$lite" --key-file "$tmp/k" demo >"$tmp/demo.lite" 2>&1 &&
	"$bin" --db "$pg" --key-file "$tmp/k" demo >"$tmp/demo.pg" 2>&1 &&
	cmp -s "$tmp/demo.lite" "$tmp/demo.pg"; then
	ok "indgang demo loads on both and says the same"
else
	no "indgang demo loads on both and says the same"
	show "$tmp/err" "$tmp/demo.pg"
	diff "$tmp/demo.lite" "$tmp/demo.pg" | show
fi

same() { # $1: what, then the command's arguments after --db
	what=$1
	shift
	"$bin" --db "$lite" --key-file "$tmp/k" "$@" >"$tmp/out.lite" 2>"$tmp/err.lite"
	a=$?
	"$bin" --db "$pg" --key-file "$tmp/k" "$@" >"$tmp/out.pg" 2>"$tmp/err.pg"
	b=$?
	if [ "$a" -eq 0 ] && [ "$b" -eq 0 ] && [ -s "$tmp/out.lite" ] && cmp -s "$tmp/out.lite" "$tmp/out.pg"; then
		ok "$what: the same $(wc -c <"$tmp/out.lite") bytes on both"
	else
		no "$what: exit $a and $b, outputs differ"
		diff "$tmp/out.lite" "$tmp/out.pg" | show
		show "$tmp/err.lite" "$tmp/err.pg"
	fi
}
same "registry stats, Tabel 1" registry stats --year 2015 --format json
same "registry stats, Tabel 2 of three municipalities" registry stats --year 2015 --table 2 --kommuner 621,740,330 --format csv
same "registry export (json)" registry export --format json
same "registry export of Kolding (csv)" registry export --format csv --kommune 621
same "survey report with a comparison (json)" survey report --survey soev-2015 --round november-2015 --compare projektstart --format json
same "survey report (csv)" survey report --survey soev-2015 --round november-2015 --format csv
same "the yearly report (json)" report --year 2015 --survey soev-2015 --round november-2015 --format json
same "employment stats, Tabel 4" employment stats --year 2015
same "networks stats, Tabel 8" networks stats --year 2015
same "user list" user list
same "user list of Kolding" user list --kommune 621

# an import's dry run with an error in it, and one that writes
printf 'name,cvr,kommune,established\nTest Café ApS,31234565,621,2016-02-01\nUden Kommune,,999,2016-01-01\n' >"$tmp/bad.csv"
"$bin" --db "$lite" registry import "$tmp/bad.csv" --dry-run >"$tmp/out.lite" 2>&1
a=$?
"$bin" --db "$pg" registry import "$tmp/bad.csv" --dry-run >"$tmp/out.pg" 2>&1
b=$?
if [ "$a" -ne 0 ] && [ "$a" -eq "$b" ] && cmp -s "$tmp/out.lite" "$tmp/out.pg"; then
	ok "a registry import with an error is refused alike (exit $a)"
else
	no "a registry import with an error is refused alike (exit $a and $b)"
	diff "$tmp/out.lite" "$tmp/out.pg" | show
fi
printf 'name,cvr,kommune,established\nTest Café ApS,31234565,621,2016-02-01\n' >"$tmp/good.csv"
same "a registry import that writes" registry import "$tmp/good.csv"
same "registry stats after the import" registry stats --year 2016 --format json
if "$bin" --db "$pg" token create --email konsulent@kolding.example --label test >"$tmp/out.pg" 2>&1 &&
	[ -s "$tmp/out.pg" ]; then
	ok "token create on PostgreSQL"
else
	no "token create on PostgreSQL"
	show "$tmp/out.pg"
fi

finish
