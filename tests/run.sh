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
else
	unset INDGANG_TEST_PG
	cat "$out"
	echo "FAIL: the throwaway PostgreSQL cluster did not start (tests/tools/pgtmp.sh)"
	failed=$((failed + 1))
fi

count() { # $1: name, $2: exit status; reads $out
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
	echo "== $1: $p passed, $f failed"
}

# on_pg NAME: NAME runs a second time on PostgreSQL (tests/postgresql.txt names it, not pending)
on_pg() {
	[ -n "${INDGANG_TEST_PG:-}" ] &&
		awk -v n="$1" '$1 == n && $2 != "pending" { f = 1 } END { exit !f }' tests/postgresql.txt
}

for t in "$@"; do
	echo "== $t"
	"$t" >"$out" 2>&1
	rc=$?
	cat "$out"
	count "$(basename "$t")" "$rc"
	if on_pg "$(basename "$t")"; then
		echo "== $t on PostgreSQL"
		INDGANG_TEST_BACKEND=postgresql "$t" >"$out" 2>&1
		rc=$?
		cat "$out"
		count "$(basename "$t") on PostgreSQL" "$rc"
	fi
done

if [ -f tests/browser/run.mjs ]; then
	echo "== browser tests"
	node tests/browser/run.mjs >"$out" 2>&1
	rc=$?
	cat "$out"
	count browser "$rc"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
