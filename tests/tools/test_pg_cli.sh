#!/bin/sh
# test_pg_cli.sh — the command line against PostgreSQL: `indgang --db URI migrate` applies the
# migrations to the throwaway cluster of INDGANG_TEST_PG (tests/run.sh starts it) and a second
# run applies none; INDGANG_DB works as --db does; a URI that is malformed, unreachable, names a
# user or a database that is not there is one line on stderr that names the problem and not the
# password, and exit status 1; a daily job (inquiries purge) whose lock another server holds is
# left to it; a server whose PostgreSQL restarts answers 503 meanwhile, then 200. Runs
# INDGANG_BIN (default ./indgang). Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
. tests/tools/lib.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

need_pg
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

# a daily job that another server runs now (it holds the job's lock) is left to it: one line,
# exit 0, nothing done; once the lock is free the job runs here
# pg_locks covers the whole cluster, where other tests' servers hold locks of their own: the
# holder is found, and ended, by an application name of its own
holder_name="indgang-test-holder-$$"
held_by_holder="FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
	WHERE l.locktype = 'advisory' AND a.application_name = '$holder_name'"
PGAPPNAME=$holder_name psql -X -q -d "$uri" \
	-c "SELECT pg_advisory_lock(hashtext('indgang job inquiries purge'))" \
	-c "SELECT pg_sleep(20)" >/dev/null 2>&1 &
holder=$!
held=no
for i in $(seq 1 100); do
	if [ "$(psql -X -A -t -d "$uri" -c "SELECT count(*) $held_by_holder")" -gt 0 ]; then
		held=yes
		break
	fi
	sleep 0.05
done
"$bin" --db "$uri" inquiries purge --dry-run >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$held" = yes ] && [ "$rc" -eq 0 ] && grep -q "another server runs it now" "$tmp/out" &&
	[ "$(wc -l <"$tmp/out")" -eq 1 ]; then
	ok "a daily job whose lock another server holds is left to it (exit 0, one line)"
else
	no "a daily job whose lock another server holds is left to it (held: $held, exit $rc)"
	sed 's/^/#   /' "$tmp/out" "$tmp/err"
fi
# the holder's session ends (its server process ends it, as when a server dies)
psql -X -q -d "$uri" -c "SELECT pg_terminate_backend(l.pid) $held_by_holder" \
	>/dev/null 2>&1
wait "$holder" 2>/dev/null
"$bin" --db "$uri" inquiries purge --dry-run >"$tmp/out" 2>"$tmp/err"
if ! grep -q "another server" "$tmp/out"; then
	ok "with the lock free the job runs here"
else
	no "with the lock free the job runs here"
	sed 's/^/#   /' "$tmp/out" "$tmp/err"
fi

# the server keeps running while PostgreSQL restarts: on a cluster of its own (the others'
# tests use the shared one meanwhile), stopped under a running server, every request is
# answered 503 with Retry-After, never 500; started again, every request is served
own=$(mktemp -u /tmp/indgang-pg-own-XXXXXX) # outside $tmp, which the cluster's user cannot enter
trap 'rm -rf "$tmp"; sh tests/tools/pgtmp.sh stop "$own" 2>/dev/null' EXIT
if own_uri=$(sh tests/tools/pgtmp.sh start "$own" 2>"$tmp/own.err") &&
	"$bin" --db "$own_uri" migrate >/dev/null 2>&1; then
	"$bin" --db "$own_uri" serve --listen 127.0.0.1:0 --no-access-log --no-memo --threads 2 \
		>"$tmp/serve.out" 2>"$tmp/serve.err" &
	server=$!
	port=$(server_port "$tmp/serve.out")
	get() { curl -s -D "$tmp/h" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/virksomheder"; }
	before="$(get) $(get) $(get)"
	sh tests/tools/pgtmp.sh halt "$own"
	down=""
	retry=yes
	for i in 1 2 3 4 5 6; do
		c=$(get)
		down="$down $c"
		grep -qi '^retry-after:' "$tmp/h" || retry=no
	done
	alive=no
	kill -0 "$server" 2>/dev/null && alive=yes
	sh tests/tools/pgtmp.sh resume "$own"
	up=""
	for i in 1 2 3 4 5 6 7 8; do
		up="$up $(get)"
	done
	last=$(echo "$up" | awk '{ print $NF, $(NF-1), $(NF-2), $(NF-3) }')
	if [ "$before" = "200 200 200" ] && [ "$down" = " 503 503 503 503 503 503" ] &&
		[ "$retry" = yes ] && [ "$alive" = yes ] && [ "$last" = "200 200 200 200" ] &&
		! echo "$up" | grep -q 500; then
		ok "PostgreSQL restarts under a running server: 503 with Retry-After while it is down, then 200 ($up)"
	else
		no "PostgreSQL restarts under a running server (before: $before; down:$down, Retry-After: $retry, alive: $alive; up:$up)"
		sed 's/^/#   /' "$tmp/serve.err" | tail -25
	fi
	kill "$server" 2>/dev/null
	wait "$server" 2>/dev/null
else
	no "a cluster of its own for the restart"
	sed 's/^/#   /' "$tmp/own.err"
fi
sh tests/tools/pgtmp.sh stop "$own" 2>/dev/null

finish
