#!/bin/sh
# test_fuzz.sh — runs every libFuzzer target of tests/fuzz/ (built by `make check` into
# build/fuzz/) for a few seconds, so that a target that no longer builds, or an invariant that
# a change broke, fails the test run instead of waiting for the next `make fuzz`. Longer runs:
# `make fuzz` (FUZZ_SECONDS, default 30). Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
seconds=${FUZZ_CHECK_SECONDS:-5}
passed=0
failed=0
for bin in build/fuzz/fuzz_*; do
	case "$bin" in *.log) continue ;; esac
	[ -x "$bin" ] || continue
	t=${bin#build/fuzz/fuzz_}
	if out=$(FUZZ_SECONDS=$seconds sh tests/fuzz/run.sh "$t" 2>&1); then
		echo "ok - fuzz_$t runs ${seconds} s without a crash, leak or broken invariant: $(echo "$out" | grep "^fuzz_$t:" | sed "s/^fuzz_$t: ok, //")"
		passed=$((passed + 1))
	else
		echo "not ok - fuzz_$t"
		echo "$out" | sed 's/^/#   /'
		failed=$((failed + 1))
	fi
done
if [ $((passed + failed)) -eq 0 ]; then
	echo "not ok - no fuzz target was built in build/fuzz/"
	failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
