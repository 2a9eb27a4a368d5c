#!/bin/sh
# tests/fuzz/run.sh — builds the libFuzzer targets of tests/fuzz/ and runs each for a bounded
# time; called by `make fuzz`. Everything it writes stays in build/fuzz/ (objects, binaries,
# the growing corpus, logs, crash inputs); the committed seeds in tests/fuzz/corpus/<target>/
# are only read.
#   FUZZ_SECONDS   seconds per target (default 30)
#   FUZZ_TARGETS   which targets (default: router urlenc cookie json)
#   FUZZ_CC        the compiler (default clang; libFuzzer needs clang)
# Prints one line per target with its executions and seconds, and exits 1 if any target
# crashed, leaked or broke an invariant (its input and stack are then in build/fuzz/).
set -eu
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-30}
targets=${FUZZ_TARGETS:-router urlenc cookie json}
cc=${FUZZ_CC:-clang}
out=build/fuzz
jobs=$(nproc 2>/dev/null || echo 2)

# the library flags and warnings are the Makefile's own, so the two cannot drift apart
make_var() { # the value of a Makefile variable, expanded by make
	# shellcheck disable=SC2016
	printf 'fuzz-print-var:\n\t@echo $(%s)\n' "$1" |
		${MAKE:-make} -s --no-print-directory -f Makefile -f - fuzz-print-var
}
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cflags="-std=c17 -D_GNU_SOURCE -I. -g -O1 $san $(make_var PKG_CFLAGS)"
libs=$(make_var PKG_LIBS)
warn=$(make_var WARN)
if [ -z "$libs" ] || [ -z "$warn" ]; then
	echo "fuzz: cannot read the Makefile's PKG_LIBS and WARN" >&2
	exit 1
fi

newer() { # true if file $1 was changed after file $2 (test -nt is not POSIX)
	[ -n "$(find "$1" -newer "$2" 2>/dev/null)" ]
}

# build/gen/*.c (embedded migrations, assets, demo data) comes from make
${MAKE:-make} -s
mkdir -p "$out/obj"

# ---------------------------------------------------------------- the library
# Every source file but main.c, compiled once with coverage for the fuzzer and archived, so
# each target links only the objects it really needs. A changed header, Makefile or run.sh
# rebuilds everything.
stamp=$out/obj/.stamp
if [ ! -f "$stamp" ] || newer tests/fuzz/run.sh "$stamp" || newer Makefile "$stamp" ||
	[ -n "$(find src -name '*.h' -newer "$stamp" | head -1)" ]; then
	rm -f "$out"/obj/*.o
fi
objs=""
pids=""
running=0
for src in $(find src -name '*.c' ! -path src/main.c | sort) build/gen/*.c; do
	obj=$out/obj/$(echo "$src" | tr / _ | sed 's/\.c$/.o/')
	objs="$objs $obj"
	if [ -f "$obj" ] && ! newer "$src" "$obj"; then
		continue
	fi
	echo "CC (fuzz) $src"
	# shellcheck disable=SC2086
	$cc $cflags -fsanitize=fuzzer-no-link -c -o "$obj" "$src" &
	pids="$pids $!"
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		for p in $pids; do wait "$p"; done
		pids=""
		running=0
	fi
done
for p in $pids; do wait "$p"; done
touch "$stamp"
rm -f "$out/libindgang.a"
# shellcheck disable=SC2086
ar rcs "$out/libindgang.a" $objs

# ---------------------------------------------------------------- the targets
for t in $targets; do
	echo "LD (fuzz) $out/fuzz_$t"
	# shellcheck disable=SC2086
	$cc $cflags $warn -fsanitize=fuzzer -o "$out/fuzz_$t" \
		"tests/fuzz/fuzz_$t.c" "$out/libindgang.a" $libs
done

# ---------------------------------------------------------------- runs
failed=0
summary=""
for t in $targets; do
	work=$out/corpus/$t
	log=$out/fuzz_$t.log
	mkdir -p "$work"
	set -- -max_total_time="$seconds" -timeout=10 -max_len=8192 -print_final_stats=1 \
		-artifact_prefix="$out/crash-$t-"
	if [ -f "tests/fuzz/$t.dict" ]; then
		set -- "$@" -dict="tests/fuzz/$t.dict"
	fi
	echo "FUZZ $t for ${seconds}s (log in $log)"
	if "$out/fuzz_$t" "$@" "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
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
