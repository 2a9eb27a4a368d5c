#!/bin/sh
# bench/matching.sh — the speed of matching (bench/matching.c) into its own section of
# docs/performance.md, "## Matching (bench/matching.c)": replaced when there, appended when not,
# so it runs after bench/run.sh in `make bench` and alone as `make bench-matching`.
# The database is generated afresh in a temporary directory each run. Asserts no speed.
#   BENCH_MATCH_OPENINGS   openings (default 20000)
#   BENCH_MATCH_CITIZENS   citizens (default 100000)
#   BENCH_MATCH_CALLS      measured calls of each query (default 200)
#   BENCH_OUT              the report (default docs/performance.md)
set -eu
cd "$(dirname "$0")/.."
openings=${BENCH_MATCH_OPENINGS:-20000}
citizens=${BENCH_MATCH_CITIZENS:-100000}
calls=${BENCH_MATCH_CALLS:-200}
report=${BENCH_OUT:-docs/performance.md}
bin=build/bench/matching
me=bench/matching.sh
. bench/lib.sh
[ -x "$bin" ] || die "$bin is missing: make $bin"

"$bin" "$tmp/match.db" "$openings" "$citizens" "$calls" >"$tmp/table.md"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
{
	cat <<MD
## Matching (bench/matching.c)

Run by \`make bench\` (or alone by \`make bench-matching\`) on $(date -u '+%Y-%m-%d %H:%M UTC'),
commit $commit, on the machine above ($(nproc) CPUs). One process calls the domain functions
directly (no HTTP) on a database file in WAL mode that the program filled with SQL alone:
$openings openings at 1,960 enterprises in all 98 municipalities, with random schemes, hours,
times of day, tasks and adaptations, 85 % of them open and a fifth of the open ones with a
citizen placed (full when they have one seat); $citizens citizens, a tenth of them in Aarhus and
the rest spread over all 98, with random schemes, hours, times, tasks, needs and travel (half
their own municipality, a third their region, the rest anywhere), 90 % with consent. Each query
is called $calls times after 10 calls not counted: the openings for a random citizen with
consent (the municipality's weights looked up, as in the server), and the citizens of Aarhus,
the biggest municipality, for a random open opening, each call writing its audit lines (one per
citizen shown and one for the search) in one transaction, committed to disk.
Latency by nearest rank over the $calls calls; the CPU columns are the calling thread's own CPU
time, which the other processes of a shared machine do not inflate (load average
$(cut -d' ' -f1 /proc/loadavg) when the run began). The aim is a p99 below 20 ms and 50 ms.

MD
	cat "$tmp/table.md"
} >"$tmp/section.md"

put_section '## Matching (bench/matching.c)'
cat "$tmp/table.md"
echo "bench/matching.sh: wrote the matching section of $report"
