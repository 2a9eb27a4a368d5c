#!/bin/sh
# Runs every test executable given as an argument, then the browser tests, and ends with one
# line "N passed, N failed" counting test cases over all of them.
#   cmocka executables report "[  PASSED  ] N test(s)." / "[  FAILED  ] N test(s)"
#   every other test program ends its output with a line "N passed, N failed"
# INDGANG_BIN names the server binary the HTTP and browser tests start.
# The tests that run on PostgreSQL too (test_db_backend, and a second run of each test that
# tests/postgresql.txt names without "pending") get a throwaway cluster, started here
# with tests/tools/pgtmp.sh and stopped on every way out, in INDGANG_TEST_PG. Is PostgreSQL not
# installed, or does the cluster not start, that is one failure, and those tests run on SQLite.
set -u
cd "$(dirname "$0")/.."
passed=0
failed=0
out=$(mktemp)
pgdir=$(mktemp -u /tmp/indgang-pg-XXXXXX)
trap 'rm -f "$out"; sh tests/tools/pgtmp.sh stop "$pgdir"' EXIT
trap 'exit 130' INT TERM
if INDGANG_TEST_PG=$(sh tests/tools/pgtmp.sh start "$pgdir" 2>"$out"); then
	export INDGANG_TEST_PG
	echo "== PostgreSQL for the tests: $INDGANG_TEST_PG"
	# the template every test's database is copied from, migrated once before the tests that
	# copy it run side by side (tests/tools/testdb.h)
	if ! "${INDGANG_BIN:-./indgang}" --db "${INDGANG_TEST_PG%/*}/indgang_template" migrate >"$out" 2>&1; then
		cat "$out"
		echo "FAIL: the template database of the PostgreSQL tests could not be migrated"
		failed=$((failed + 1))
	fi
else
	unset INDGANG_TEST_PG
	cat "$out"
	echo "FAIL: the throwaway PostgreSQL cluster did not start (tests/tools/pgtmp.sh)"
	failed=$((failed + 1))
fi

count() { # $1: name, $2: exit status, $3: seconds it took (or empty); reads $out
	# summed over the executable's groups (test_db_backend runs one per database backend)
	p=$(grep -a -E '^\[  PASSED  \] [0-9]+ test' "$out" | sed -E 's/.*\] ([0-9]+).*/\1/' |
		awk '{ n += $1 } END { if (NR) print n }')
	f=$(grep -a -E '^\[  FAILED  \] [0-9]+ test' "$out" | sed -E 's/.*\] ([0-9]+).*/\1/' |
		awk '{ n += $1 } END { if (NR) print n }')
	if [ -z "$p" ] && [ -z "$f" ]; then
		line=$(grep -a -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -1)
		p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
		f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
	fi
	p=${p:-0}
	f=${f:-0}
	# a crash or a non-zero exit without a counted failure is still a failure
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "FAIL: $1 exited with status $2"
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "FAIL: $1 ran no test"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	echo "== $1: $p passed, $f failed${3:+ in $3 s}"
}

# on_pg NAME: NAME runs a second time on PostgreSQL (tests/postgresql.txt names it, not pending)
on_pg() {
	[ -n "${INDGANG_TEST_PG:-}" ] &&
		awk -v n="$1" '$1 == n && $2 != "pending" { f = 1 } END { exit !f }' tests/postgresql.txt
}

# Each run's output goes to a file of its own in $runs, its exit status beside it. The tests
# run in two streams at once, the SQLite pass and the PostgreSQL pass (the machine waits on
# sockets, timers and the browser more than it computes), and are then reported in order.
# The tests that measure time (a wait for a lock, a stalled client, a flood of sign-ins, a
# server killed under load) run afterwards, one at a time.
solo=" http_dbwait http_slowloris http_signin_flood http_twoservers "
runs=$(mktemp -d)
trap 'rm -f "$out"; rm -rf "$runs"; sh tests/tools/pgtmp.sh stop "$pgdir"' EXIT

run_one() { # $1: the command (split at spaces), $2: sqlite|pg, $3: its output file; its
	# seconds in $3.s
	t0=$(date +%s)
	if [ "$2" = pg ]; then
		INDGANG_TEST_BACKEND=postgresql $1 >"$3" 2>&1
	else
		$1 >"$3" 2>&1
	fi
	echo $? >"$3.rc"
	echo $(($(date +%s) - t0)) >"$3.s"
}
stream() { # $1: sqlite|pg, then the executables; those of the solo set are left out
	backend=$1
	shift
	for t in "$@"; do
		name=$(basename "$t")
		case "$solo" in *" $name "*) continue ;; esac
		[ "$backend" = sqlite ] || on_pg "$name" || continue
		run_one "$t" "$backend" "$runs/$name.$backend"
	done
}
report() { # $1: executable, $2: sqlite|pg
	name=$(basename "$1")
	[ -f "$runs/$name.$2" ] || return 0
	if [ "$2" = pg ]; then
		echo "== $1 on PostgreSQL"
	else
		echo "== $1"
	fi
	cp "$runs/$name.$2" "$out"
	cat "$out"
	secs=$(cat "$runs/$name.$2.s" 2>/dev/null)
	if [ "$2" = pg ]; then
		count "$name on PostgreSQL" "$(cat "$runs/$name.$2.rc")" "$secs"
	else
		count "$name" "$(cat "$runs/$name.$2.rc")" "$secs"
	fi
}

began=$(date +%s)
stream pg "$@" &
pg_stream=$!
stream sqlite "$@"
wait "$pg_stream"
side=$(($(date +%s) - began))
began=$(date +%s)
for t in "$@"; do
	name=$(basename "$t")
	case "$solo" in *" $name "*)
		run_one "$t" sqlite "$runs/$name.sqlite"
		on_pg "$name" && run_one "$t" pg "$runs/$name.pg" ;;
	esac
	report "$t" sqlite
	report "$t" pg
done
solo_s=$(($(date +%s) - began))
began=$(date +%s)

# the browser tests, on both backends at once
if [ -f tests/browser/run.mjs ]; then
	run_one "node tests/browser/run.mjs" sqlite "$runs/browser.sqlite" &
	browser_sqlite=$!
	on_pg browser && run_one "node tests/browser/run.mjs" pg "$runs/browser.pg"
	wait "$browser_sqlite"
	report browser sqlite
	report browser pg
fi
echo "== time: both passes side by side ${side} s, the tests that measure time ${solo_s} s," \
	"the browser tests $(($(date +%s) - began)) s"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
