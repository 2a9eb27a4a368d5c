#!/bin/sh
# tools/battery.sh — the attack battery of docs/security.md in one run: the hostile-client HTTP
# tests against the real server (access of every route × role × municipality, CSRF and
# cross-site posts, sign-in flood and throttle, a thousand trickling or silent connections,
# request framing, an outside writer holding the lock, SIGKILL and SIGTERM during writes,
# memory caps, backups) and each fuzz target
# for FUZZ_SECONDS (default 60). Every test here also runs in `make check`, shorter; this script
# is how the figures in docs/security.md are made. Prints the tests' own lines and a summary.
set -u
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
tests="routes security signin_flood slowloris framing dbwait robust"
bins=""
for t in $tests; do bins="$bins build/tests/http_$t"; done
${MAKE:-make} -s -j2 build/indgang-san $bins fuzz-build || exit 1
status=0
for t in $tests; do
	echo "== http_$t"
	INDGANG_BIN=$PWD/build/indgang-san "build/tests/http_$t" || status=1
done
echo "== fuzz, ${seconds} s a target"
FUZZ_SECONDS=$seconds sh tests/fuzz/run.sh router urlenc cookie json || status=1
echo "== battery: $([ $status -eq 0 ] && echo passed || echo FAILED) ($(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
exit $status
