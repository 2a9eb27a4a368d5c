#!/bin/sh
# tests/fuzz/run.sh — runs the libFuzzer targets that `make fuzz` has built in build/fuzz/,
# each for a bounded time; called by `make fuzz`, which also builds them. Everything it writes
# stays in build/fuzz/ (the growing corpus, logs, crash inputs); the committed seeds in
# tests/fuzz/corpus/<target>/ are only read.
#   sh tests/fuzz/run.sh TARGET...   e.g. router urlenc cookie json
#   FUZZ_SECONDS   seconds per target (default 30)
# Prints one line per target with its executions and seconds, and exits 1 if any target
# crashed, leaked or broke an invariant (its input and stack are then in build/fuzz/).
set -eu
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-30}
out=build/fuzz
if [ $# -eq 0 ]; then
	echo "usage: sh tests/fuzz/run.sh TARGET... (build them with make fuzz)" >&2
	exit 2
fi

targets=$*
failed=0
summary=""
for t in $targets; do
	bin=$out/fuzz_$t
	if [ ! -x "$bin" ]; then
		echo "fuzz: $bin is missing; run make fuzz" >&2
		exit 2
	fi
	work=$out/corpus/$t
	log=$out/fuzz_$t.log
	mkdir -p "$work"
	set -- -max_total_time="$seconds" -timeout=10 -max_len=8192 -print_final_stats=1 \
		-artifact_prefix="$out/crash-$t-"
	if [ -f "tests/fuzz/$t.dict" ]; then
		set -- "$@" -dict="tests/fuzz/$t.dict"
	fi
	set -- "$@" "$work"
	if [ -d "tests/fuzz/corpus/$t" ]; then
		set -- "$@" "tests/fuzz/corpus/$t"
	fi
	echo "FUZZ $t for ${seconds}s (log in $log)"
	if "$bin" "$@" >"$log" 2>&1; then
		rc=0
	else
		rc=$?
	fi
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
	files=$(find "$work" -type f | wc -l)
	if [ "$rc" -eq 0 ]; then
		line="fuzz_$t: ok, ${execs:-?} execs in ${secs:-$seconds} s, corpus $files inputs"
	else
		failed=1
		crash=$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)
		line="fuzz_$t: FAILED (exit $rc) after ${execs:-?} execs, input ${crash:-none}, log $log"
		echo "---- $log (last 40 lines)"
		tail -n 40 "$log"
		echo "----"
	fi
	summary="$summary$line
"
done
printf '%s' "$summary"
exit "$failed"
