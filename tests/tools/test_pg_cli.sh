#!/bin/sh
# test_pg_cli.sh — the command line against PostgreSQL: `indgang --db URI migrate` applies the
# migrations to the throwaway cluster of INDGANG_TEST_PG (tests/run.sh starts it) and a second
# run applies none; INDGANG_DB works as --db does; a URI that is malformed, unreachable, names a
# user or a database that is not there is one line on stderr that names the problem and not the
# password, and exit status 1. Runs INDGANG_BIN (default ./indgang). Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
passed=0
failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
no() { echo "not ok - $1"; failed=$((failed + 1)); }
bin=${INDGANG_BIN:-./indgang}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -z "${INDGANG_TEST_PG:-}" ]; then
	no "INDGANG_TEST_PG names the throwaway PostgreSQL cluster (tests/run.sh starts it)"
	echo "$passed passed, $failed failed"
	exit 1
fi
uri=$INDGANG_TEST_PG

if "$bin" --db "$uri" migrate >"$tmp/out" 2>"$tmp/err" && grep -q "schema version" "$tmp/out"; then
	ok "migrate on PostgreSQL: $(cat "$tmp/out")"
else
	no "migrate on PostgreSQL"
	sed 's/^/#   /' "$tmp/out" "$tmp/err"
fi
if INDGANG_DB=$uri "$bin" migrate >"$tmp/out" 2>"$tmp/err" && grep -q "(0 migrations applied)" "$tmp/out"; then
	ok "a second migrate (through INDGANG_DB) applies none"
else
	no "a second migrate (through INDGANG_DB) applies none"
	sed 's/^/#   /' "$tmp/out" "$tmp/err"
fi

# host:port of the cluster, for URIs that name a user or a database that is not there
hostport=$(echo "$uri" | sed -E 's|^[a-z]+://[^@/]*@?([^/]*)/.*|\1|')
check_bad() { # $1: what, $2: URI, $3: words the line must hold
	"$bin" --db "$2" migrate >"$tmp/out" 2>"$tmp/err"
	rc=$?
	lines=$(wc -l <"$tmp/err")
	if [ "$rc" -eq 1 ] && [ "$lines" -eq 1 ] && grep -q -- "$3" "$tmp/err" &&
		! grep -q "hemmelig" "$tmp/err" && ! grep -q "hemmelig" "$tmp/out"; then
		ok "$1: one line, exit 1, no password"
	else
		no "$1: one line, exit 1, no password (exit $rc, $lines lines)"
		sed 's/^/#   /' "$tmp/out" "$tmp/err"
	fi
}
check_bad "nothing listens" "postgresql://indgang:hemmelig@127.0.0.1:1/indgang" "Connection refused"
check_bad "a port that is not a number" "postgresql://indgang:hemmelig@127.0.0.1:port/x" "port"
check_bad "an unknown option" "postgres://indgang:hemmelig@127.0.0.1/x?password=hemmelig&nosuch=1" "nosuch"
check_bad "a user that is not there" "postgresql://nobody:hemmelig@$hostport/indgang" "nobody"
check_bad "a database that is not there" "postgresql://indgang:hemmelig@$hostport/nodb" "nodb"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
