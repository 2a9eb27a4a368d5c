#!/bin/sh
# bench/capabilities.sh — the capabilities' own figures, appended to docs/performance.md by
# `make bench` after bench/run.sh:
#   - the registry: importing 100,000 generated enterprises (time and peak memory of the
#     command), then searching them over HTTP with wrk (requests/s, p50, p99) and the server's
#     peak memory;
#   - surveys: 98 municipalities × 60 questions × 5 rounds imported, and the report's time
#     from the command line (wall and CPU, with the process start) and as a page of `serve`;
#   - the cold start of `serve` on 100,000 realistic enterprises to its first answer.
# Medians of BENCH_ROUNDS runs (default 3). Nothing here asserts a speed. Traffic: 127.0.0.1.
set -eu
cd "$(dirname "$0")/.."
rounds=${BENCH_ROUNDS:-3}
seconds=${BENCH_SECONDS:-10}
n=${BENCH_ENTERPRISES:-100000}
report=${BENCH_OUT:-docs/performance.md}
bin=./indgang
me=capabilities
. bench/lib.sh

now_ms() { date +%s%3N; }

# ---------------------------------------------------------------- registry
# the import: elapsed, CPU (user + sys) and peak memory of the command, then the raw baseline of
# issue #12 on the same file (bench/import-raw.sh: sqlite3 .import and an FTS5 index)
sh bench/gen-enterprises.sh "$n" >"$tmp/enterprises.csv"
: >"$tmp/import.times"
: >"$tmp/import.cpu"
: >"$tmp/import.rss"
r=1
while [ "$r" -le "$rounds" ]; do
	rm -f "$tmp/reg.db" "$tmp/reg.db-wal" "$tmp/reg.db-shm"
	./indgang --db "$tmp/reg.db" migrate >/dev/null
	/usr/bin/time -f "%e %M %U %S" -o "$tmp/time.out" ./indgang --db "$tmp/reg.db" registry import "$tmp/enterprises.csv" >/dev/null
	awk '{ print $1 }' "$tmp/time.out" >>"$tmp/import.times"
	awk '{ print $2 }' "$tmp/time.out" >>"$tmp/import.rss"
	awk '{ printf "%.2f\n", $3 + $4 }' "$tmp/time.out" >>"$tmp/import.cpu"
	r=$((r + 1))
done
import_s=$(median <"$tmp/import.times")
import_cpu=$(median <"$tmp/import.cpu")
import_rss=$(median <"$tmp/import.rss")
raw=$(BENCH_ROUNDS=$rounds sh bench/import-raw.sh "$tmp/enterprises.csv")
raw_plain=$(echo "$raw" | sed 's/.* plain=\([0-9.]*\).*/\1/')
raw_product=$(echo "$raw" | sed 's/.* product=\([0-9.]*\).*/\1/')
ratio_plain=$(awk -v a="$import_s" -v b="$raw_plain" 'BEGIN { printf "%.1f", a / b }')
ratio_product=$(awk -v a="$import_s" -v b="$raw_product" 'BEGIN { printf "%.1f", a / b }')
load=$(cut -d' ' -f1-3 /proc/loadavg)
dry_start=$(now_ms)
./indgang --db "$tmp/reg.db" registry import --dry-run "$tmp/enterprises.csv" >/dev/null
dry_ms=$(($(now_ms) - dry_start))

# --no-memo: the searches are made anew, as the first time each is asked (the kept answers of
# a server without it are measured by bench/registry.sh)
serve "$tmp/reg.db" "$tmp/serve.out" --per-ip 1000 --no-memo || die "the server did not start"
port=$server_port
wrk -t2 -c4 -d2s --timeout 10s -s bench/search.lua "http://127.0.0.1:$port" >/dev/null
: >"$tmp/rps"
: >"$tmp/p50"
: >"$tmp/p99"
r=1
while [ "$r" -le "$rounds" ]; do
	line=$(wrk -t2 -c4 -d"${seconds}s" --timeout 10s -s bench/search.lua "http://127.0.0.1:$port" | grep '^BENCH')
	echo "$line" | sed 's/.*rps=\([0-9.]*\).*/\1/' >>"$tmp/rps"
	echo "$line" | sed 's/.*p50_ms=\([0-9.]*\).*/\1/' >>"$tmp/p50"
	echo "$line" | sed 's/.*p99_ms=\([0-9.]*\).*/\1/' >>"$tmp/p99"
	case "$line" in *"errors=0 non2xx=0"*) ;; *) die "failed requests: $line" ;; esac
	r=$((r + 1))
done
hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$server_pid/status")
stop "$server_pid" || true

# ---------------------------------------------------------------- surveys
# the report of one round (JSON) and of two side by side (HTML) from the command line, each
# a new process: wall time with the start (median), and its CPU time (user + sys, median);
# `indgang --version` alone is the start of the process; then the report page over HTTP (curl's
# time_total on a running server, signed in as the administrator, median of 20)
sh bench/gen-survey.sh "$tmp/survey" 60 5
rm -f "$tmp/s.db"
./indgang --db "$tmp/s.db" survey define "$tmp/survey/big.json" >/dev/null
: >"$tmp/simport"
for r in 1 2 3 4 5; do
	t0=$(now_ms)
	./indgang --db "$tmp/s.db" survey import --survey big --round "r$r" "$tmp/survey/round-$r.csv" >/dev/null
	echo $(($(now_ms) - t0)) >>"$tmp/simport"
done
# bench/cputime.c: medians of wall and CPU (user + sys, from wait4) of runs of a command
cc -std=c17 -O2 -o "$tmp/cputime" bench/cputime.c
sruns=$((rounds * 7))
sload=$(cut -d ' ' -f 1 /proc/loadavg)
sversion=$("$tmp/cputime" "$sruns" ./indgang --version)
sreport=$("$tmp/cputime" "$sruns" ./indgang --db "$tmp/s.db" survey report --survey big --round r3 --format json)
shtml=$("$tmp/cputime" "$sruns" ./indgang --db "$tmp/s.db" survey report --survey big --round r3 --compare r2 --format html)
wall() { echo "$1" | sed 's/.*wall_ms=\([0-9.]*\).*/\1/'; }
cpu() { echo "$1" | sed 's/.*cpu_ms=\([0-9.]*\).*/\1/'; }

echo 'bench-password-123' | ./indgang --db "$tmp/s.db" user add --email admin@bench.example --role admin >/dev/null
serve "$tmp/s.db" "$tmp/sserve.out" || die "the survey server did not start"
base="http://127.0.0.1:$server_port"
csrf=$(curl -fsS -c "$tmp/jar" -b "$tmp/jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fsS -o /dev/null -c "$tmp/jar" -b "$tmp/jar" --data-urlencode "csrf=$csrf" \
	--data-urlencode "email=admin@bench.example" --data-urlencode "password=bench-password-123" \
	--data "next=/" "$base/login"
# web_ms URL: the median of 20 requests' curl time_total in ms, after one unmeasured; fails on
# any answer but 200
web_ms() {
	curl -fsS -o /dev/null -b "$tmp/jar" "$base$1"
	for _ in $(seq 1 20); do
		curl -fsS -o /dev/null -b "$tmp/jar" -w '%{http_code} %{time_total}\n' "$base$1"
	done >"$tmp/web.out"
	if grep -qv '^200 ' "$tmp/web.out"; then
		die "$1 did not answer 200"
	fi
	awk '{ printf "%.1f\n", $2 * 1000 }' "$tmp/web.out" | median
}
web_page=$(web_ms "/undersoegelser/big/r3/rapport")
web_cmp=$(web_ms "/undersoegelser/big/r3/rapport?sammenlign=r2")
web_json=$(web_ms "/undersoegelser/big/r3/rapport?format=json")
srss=$(awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status")
shwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$server_pid/status")
stop "$server_pid" || true

# ---------------------------------------------------------------- cold start
# `serve` on a database of 100,000 realistic enterprises (bench/gen-realistic.sh), from the
# fork to the first answered GET /healthz (bench/coldstart.c: polls every 0.2 ms), median of 10
cc -std=c17 -O2 -o "$tmp/coldstart" bench/coldstart.c
sh bench/gen-realistic.sh 100000 >"$tmp/realistic.csv"
rm -f "$tmp/cold.db"
registry_db "$tmp/cold.db" "$tmp/realistic.csv"
cold_ms=$("$tmp/coldstart" ./indgang "$tmp/cold.db" 10 | sed -n 's/^median_ms=//p')
cold_mib=$(($(stat -c %s "$tmp/cold.db") / 1048576))

cat >>"$report" <<MD

## The registry and surveys (bench/capabilities.sh)

Same run, same machine. Medians of $rounds runs unless said otherwise.

| What | Figure |
|---|---:|
| \`registry import\` of $n generated enterprises (bench/gen-enterprises.sh): checked and staged whole, then written set-wise in chunks of ~200 ms | $import_s s (CPU $import_cpu s) |
| the raw baseline (bench/import-raw.sh): sqlite3 \`.import\` of the same file and an FTS5 index, plain \`fts5(name, description)\` / the product's configuration | $raw_plain s / $raw_product s |
| the import ÷ that baseline: plain / the product's configuration | $ratio_plain × / $ratio_product × |
| peak memory of that import command (the file mapped, its pages given back as it is read) | $((import_rss / 1024)) MiB |
| \`registry import --dry-run\` of the same file into the filled database (one run) | $dry_ms ms |
| search over the $n: \`GET /api/v1/enterprises?q=...&limit=20\`, 20 rotating Danish queries, made anew (\`--no-memo\`), wrk -t2 -c4 | $(median <"$tmp/rps") req/s |
| its p50 / p99 latency | $(median <"$tmp/p50") / $(median <"$tmp/p99") ms |
| the server's peak memory (VmHWM) after the searches (no sign-in, so no Argon2id check) | $((hwm / 1024)) MiB |
| \`survey import\` of one round: 98 municipalities × 60 questions (median of the 5 rounds) | $(median <"$tmp/simport") ms |
| \`indgang --version\`: the start of a process alone, wall / CPU (user + sys; medians of $sruns) | $(wall "$sversion") / $(cpu "$sversion") ms |
| \`survey report --format json\` over one round of that survey, wall / CPU (medians of $sruns) | $(wall "$sreport") / $(cpu "$sreport") ms |
| \`survey report --format html\` with a second round side by side, wall / CPU (medians of $sruns) | $(wall "$shtml") / $(cpu "$shtml") ms |
| the report page \`GET /undersoegelser/big/r3/rapport\`, signed in, on a running \`serve\` (curl's time_total, median of 20) | $web_page ms |
| the same with a second round (\`?sammenlign=r2\`) / as JSON (\`?format=json\`) | $web_cmp / $web_json ms |
| that server's resident memory after the report pages (VmRSS; its peak VmHWM, raised by the Argon2id check of the sign-in) | $((srss / 1024)) MiB ($((shwm / 1024)) MiB) |
| cold start: \`serve\` on $cold_mib MiB of 100,000 realistic enterprises (bench/gen-realistic.sh) to the first answered \`/healthz\` (bench/coldstart.c, median of 10) | $cold_ms ms |

The command-line timings include starting the process and opening the database (load average
$sload on $(nproc) CPUs when they began: wall times grow with the load, CPU times much less).
The report reads a round in two statements (the respondents in Danish order, then every cell
of their answers in one pass, counted in C) from survey_answers stored in the order of its key
(migration 0025); libmicrohttpd is opened only by \`serve\`, so the other commands start
without GnuTLS and its libraries.

The import's load average when its rounds ended: $load.

The baseline is what issue #12 holds the import against (at most 2 ×): the sqlite3 shell's
\`.import\` of the same CSV into a plain table and an FTS5 index built from it in one statement,
once as the issue measured it and once with the product's index (migration 0024: prefix indexes
of 2-5 letters, detail=column). The import does more than that baseline: it checks every row
against the registry and the managed lists, writes the Danish sort key, the lists, the search
terms (each word whole, stemmed and folded, so about twice the text) and an audit line per
enterprise, and commits in chunks of about 200 ms with a pause of 30 ms between them, so that a
server beside it keeps writing.

These generated names repeat 16 × 10 words, and "social" and "nr" stand in every description,
so each of the 20 queries matches between 6,000 and all 100,000 enterprises: the hardest case
for a search. A search counts to 1,000 and reads its tiers (the name's matches, then the
description's) only until the page is full, ranking at most 100 matches of a tier (indgang_rank)
(docs/registry.md, "Search"); the realistic data and 400 queries of bench/registry.sh are below.
The import writes the search index with prefix indexes of 2-5 letters (migration 0024), which
the searches need and which cost the import time.
MD
echo "capabilities: appended to $report"
