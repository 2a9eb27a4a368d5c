#!/bin/sh
# Runs every test executable given as an argument, then the browser tests, and ends with one
# line "N passed, N failed" counting test cases over all of them.
#   cmocka executables report "[  PASSED  ] N test(s)." / "[  FAILED  ] N test(s)"
#   every other test program ends its output with a line "N passed, N failed"
# INDGANG_BIN names the server binary the HTTP and browser tests start.
set -u
cd "$(dirname "$0")/.."
passed=0
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

count() { # $1: name, $2: exit status; reads $out
	p=$(grep -a -E '^\[  PASSED  \] [0-9]+ test' "$out" | tail -1 | sed -E 's/.*\] ([0-9]+).*/\1/')
	f=$(grep -a -E '^\[  FAILED  \] [0-9]+ test' "$out" | tail -1 | sed -E 's/.*\] ([0-9]+).*/\1/')
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

for t in "$@"; do
	echo "== $t"
	"$t" >"$out" 2>&1
	rc=$?
	cat "$out"
	count "$(basename "$t")" "$rc"
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
