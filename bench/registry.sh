#!/bin/sh
# bench/registry.sh — the registry at the size of a national registry: its list (no filter,
# each single filter, each sort order) and its search, over HTTP with wrk next to nginx serving
# a static file of the same size, into its own section of docs/performance.md, "## The registry
# at 100,000 (bench/registry.sh)": replaced when there, appended when not. Run by `make bench`
# after bench/run.sh, alone by `make bench-registry`. Asserts no speed: it fails only when a
# server does not start or a request fails.
#
# Data: bench/gen-realistic.sh (Danish words of wdanish with a Zipf law) imported into a fresh
# database; searches: bench/gen-queries.sh (400 of five kinds), rotated by bench/queries.lua.
#   BENCH_ENTERPRISES   enterprises (default 100000)
#   BENCH_REGISTRY_DB   use this database instead of generating one (it is migrated first)
#   BENCH_SECONDS       seconds per measurement (default 5)
#   BENCH_ROUNDS        measurements per case, the median is reported (default 3)
#   BENCH_BIN           the program (default ./indgang)
#   BENCH_OUT           the report (default docs/performance.md)
set -eu
cd "$(dirname "$0")/.."
n=${BENCH_ENTERPRISES:-100000}
seconds=${BENCH_SECONDS:-5}
rounds=${BENCH_ROUNDS:-3}
report=${BENCH_OUT:-docs/performance.md}
bin=${BENCH_BIN:-./indgang}
me=bench/registry.sh
. bench/lib.sh
[ -x "$bin" ] || die "$bin is missing: run make first"
command -v wrk >/dev/null 2>&1 || die "wrk is missing: sh tools/setup.sh bench"
need_nginx
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- data
realistic_registry "$n"
sed 's/$/\&sort=name/' "$tmp/search.txt" >"$tmp/search-name.txt"

# ---------------------------------------------------------------- servers
serve "$db" "$tmp/serve.out" --per-ip 100000 || die "indgang did not start: $(cat "$tmp/serve.out")"
pid=$server_pid
port=$server_port
url=http://127.0.0.1:$port
# the same program making every answer anew: what a list or search costs when its answer is
# not kept (the first time it is asked, or after the registry changed)
serve "$db" "$tmp/serve2.out" --per-ip 100000 --no-memo ||
	die "indgang --no-memo did not start: $(cat "$tmp/serve2.out")"
url2=http://127.0.0.1:$server_port

nginx_dir
curl -sf -o "$ngx/www/list.json" "$url/api/v1/enterprises?limit=20" || die "the list failed"
chmod 644 "$ngx/www/list.json"
body=$(wc -c <"$ngx/www/list.json")
nginx_start "$port" /list.json || die "nginx did not start"
nport=$nginx_port

# ---------------------------------------------------------------- cases
# name|connections|URL or @paths file|what; the list's cases against both servers
lists='list|/api/v1/enterprises?limit=20|list, no filter (name order)
kommune|/api/v1/enterprises?limit=20&kommune=751|municipality 751 Aarhus (home and works with)
status|/api/v1/enterprises?limit=20&status=established|status established today
service|/api/v1/enterprises?limit=20&service=kantine|service kantine
target|/api/v1/enterprises?limit=20&target=fleksjob|target group fleksjob
registered|/api/v1/enterprises?limit=20&registered=1|RSV-registered today
kind|/api/v1/enterprises?limit=20&kind=company|kind company
established|/api/v1/enterprises?limit=20&sort=established|sort newest established
bykommune|/api/v1/enterprises?limit=20&sort=kommune|sort municipality
deep|/api/v1/enterprises?limit=20&offset=5000|list, page 251 (offset 5000)
page|/virksomheder|the page /virksomheder (HTML, SØV)'
{
	echo "nginx-64|64|http://127.0.0.1:$nport/list.json|nginx: static file of the list's $body bytes"
	echo "$lists" | while IFS='|' read -r name path what; do
		echo "$name|64|$url$path|$what"
	done
	echo "$lists" | while IFS='|' read -r name path what; do
		echo "$name-anew|64|$url2$path|$what, made anew (--no-memo)"
	done
	echo "nginx-4|4|http://127.0.0.1:$nport/list.json|nginx: the same static file"
	echo "search-anew|4|@$tmp/search.txt@$url2|search, 400 rotating queries, by relevance, made anew (--no-memo)"
	echo "search-name-anew|4|@$tmp/search-name.txt@$url2|search, the same 400, sorted by name, made anew (--no-memo)"
	echo "search|4|@$tmp/search.txt@$url|search, the same 400 by relevance, answers kept"
} >"$tmp/cases"

measure "$seconds" "$rounds"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")

ngx64=$(col nginx-64 3)
ngx4=$(col nginx-4 3)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
{
	cat <<MD
## The registry at 100,000 (bench/registry.sh)

Run by \`make bench\` (or alone by \`make bench-registry\`) on $(date -u '+%Y-%m-%d %H:%M UTC'),
commit $commit, $(nproc) CPUs, load average $load_before before and $load_after after.
$n enterprises from \`sh bench/gen-realistic.sh $n\` (Danish words of Debian's wdanish list
drawn with a Zipf law: names of 1-3 words and a legal form, descriptions of 8-30 words, all 98
municipalities, 15 % with other municipalities, dates over 20 years, a tenth companies),
imported with \`indgang registry import\`; searches from \`sh bench/gen-queries.sh\`: 400 of five
kinds (a word of a name, two words of a name, a 3-5 letter prefix, one of the 30 most common
words, a word with æ/ø/å written ae/oe/aa). Each case is warmed for 1 s, then measured
$rounds times for $seconds s, the cases taking turns round by round; medians of the rounds.
The server keeps the list's answers while the registry is unchanged (docs/registry.md, "Large
registries"), so a list asked again costs a copy; a second server with \`--no-memo\` on the same
database shows what an answer costs to make (the first time it is asked, or after a change).
The commands, with \$U the server and \$N nginx:

    ./indgang --db reg.db serve --listen 127.0.0.1:0 --no-access-log --per-ip 100000 [--no-memo]
    wrk -t2 -c64 -d${seconds}s --timeout 10s -s bench/report.lua "\$U/api/v1/enterprises?limit=20&kommune=751"
    wrk -t2 -c4 -d${seconds}s --timeout 10s -s bench/queries.lua \$U -- search.txt
    wrk -t2 -c64 -d${seconds}s --timeout 10s -s bench/report.lua \$N/list.json   # nginx-light, 2 workers

| Case | wrk -c | Requests/s | p50 ms | p99 ms | × nginx (req/s) |
|---|---:|---:|---:|---:|---:|
MD
	while IFS='|' read -r name conns target what; do
		rps=$(col "$name" 3)
		base=$ngx64
		[ "$conns" = 4 ] && base=$ngx4
		printf '| %s | %s | %s | %s | %s | %s |\n' "$what" "$conns" "$rps" "$(col "$name" 4)" \
			"$(col "$name" 5)" "$(awk -v a="$rps" -v b="$base" 'BEGIN { printf (a / b < 0.1 ? "%.4f" : "%.2f"), a / b }')"
	done <"$tmp/cases"
	cat <<MD

The resident memory of the server that keeps answers, after the run: $((rss / 1024)) MiB (peak
$((hwm / 1024)) MiB; nobody signs in, so no Argon2id check is among it).
MD
} >"$tmp/section.md"

put_section '## The registry at 100,000 (bench/registry.sh)'
cat "$tmp/section.md"
echo "bench/registry.sh: wrote the registry section of $report"
