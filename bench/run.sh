#!/bin/sh
# bench/run.sh — throughput and latency of `indgang serve` against an nginx baseline; called by
# `make bench` after `make`. Writes docs/performance.md. All traffic stays on 127.0.0.1.
#
# Starts ./indgang on a fresh demo database in a temporary directory and nginx (Debian's
# nginx-light, with its own configuration, prefix, pid file and logs in the same directory)
# serving static files with the same bodies as /healthz and /api/v1/kommuner. wrk loads each
# case after a short warm-up; the cases take turns round by round, and the median of the rounds
# is reported together with the ratio indgang/nginx. Nothing here asserts a speed: the run
# fails only when a server does not start or a request fails.
#   BENCH_SECONDS      seconds per measurement (default 10)
#   BENCH_ROUNDS       measurements per case, the median is reported (default 3)
#   BENCH_WARMUP       seconds of warm-up per case (default 2)
#   BENCH_THREADS      wrk threads (default 2)
#   BENCH_CONNECTIONS  wrk connections (default 50)
#   BENCH_OUT          the report (default docs/performance.md)
set -eu
cd "$(dirname "$0")/.."

seconds=${BENCH_SECONDS:-10}
rounds=${BENCH_ROUNDS:-3}
warmup=${BENCH_WARMUP:-2}
threads=${BENCH_THREADS:-2}
conns=${BENCH_CONNECTIONS:-50}
report=${BENCH_OUT:-docs/performance.md}

me=bench
bin=./indgang
. bench/lib.sh

[ -x "$bin" ] || die "$bin is missing: run make first"
command -v wrk >/dev/null 2>&1 || die "wrk is missing: sh tools/setup.sh bench"
command -v curl >/dev/null 2>&1 || die "curl is missing: sh tools/setup.sh"
need_nginx

# ---------------------------------------------------------------- indgang
db=$tmp/bench.db
./indgang --db "$db" demo >/dev/null
token=$(./indgang --db "$db" token create --email konsulent@kolding.example)
serve "$db" "$tmp/serve.out" --per-ip 1000 || die "indgang did not start: $(cat "$tmp/serve.out")"
indgang_url=http://127.0.0.1:$server_port

# ---------------------------------------------------------------- nginx with the same bodies
nginx_dir
curl -sf -o "$ngx/www/healthz" "$indgang_url/healthz" || die "GET /healthz failed"
curl -sf -o "$ngx/www/kommuner" "$indgang_url/api/v1/kommuner" || die "GET /api/v1/kommuner failed"
curl -sf -o "$tmp/users.json" -H "Authorization: Bearer $token" \
	"$indgang_url/api/v1/kommuner/621/users" || die "GET /api/v1/kommuner/621/users failed"
chmod 644 "$ngx/www/healthz" "$ngx/www/kommuner"
nginx_start "$server_port" /healthz || die "nginx did not start: $(tail -n 5 "$ngx/logs/error.log" 2>/dev/null)"
nginx_url=http://127.0.0.1:$nginx_port

# ---------------------------------------------------------------- load
# case name | server | URL | needs the token
cases="healthz indgang $indgang_url/healthz -
healthz nginx $nginx_url/healthz -
kommuner indgang $indgang_url/api/v1/kommuner -
kommuner nginx $nginx_url/kommuner -
users indgang $indgang_url/api/v1/kommuner/621/users token"

results=$tmp/results
: >"$results"
failures=0

load() { # $1: duration in seconds, $2: URL, $3: "token" or "-"; prints the BENCH line
	t=""
	[ "$3" = token ] && t=$token
	BENCH_TOKEN=$t wrk -t"$threads" -c"$conns" -d"$1s" -s bench/report.lua "$2" |
		sed -n 's/^BENCH //p'
}

field() { # $1: name, $2: a BENCH line
	echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

rss_kb() { # $1: VmRSS or VmHWM of the indgang process, in kB
	sed -n "s/^$1:[[:space:]]*\\([0-9][0-9]*\\) kB/\\1/p" "/proc/$server_pid/status"
}
rss_start=$(rss_kb VmRSS)

echo "bench: indgang on $indgang_url, nginx on $nginx_url"
echo "bench: warm-up, ${warmup}s per case"
echo "$cases" | while read -r name server url auth; do
	load "$warmup" "$url" "$auth" >/dev/null
done

round=1
while [ "$round" -le "$rounds" ]; do
	while read -r name server url auth; do
		line=$(load "$seconds" "$url" "$auth")
		[ -n "$line" ] || die "wrk gave no result for $url"
		errs=$(($(field errors "$line") + $(field non2xx "$line")))
		echo "$name $server $round $(field rps "$line") $(field p50_ms "$line")" \
			"$(field p99_ms "$line") $errs" >>"$results"
		echo "bench: round $round $name/$server: $line"
	done <<EOF2
$cases
EOF2
	round=$((round + 1))
done

rss_peak=$(rss_kb VmHWM)
rss_end=$(rss_kb VmRSS)
failures=$(awk '{ s += $7 } END { print s + 0 }' "$results")

if stop "$server_pid"; then server_exit=0; else server_exit=$?; fi

# ---------------------------------------------------------------- the report
median_of() { # $1: case, $2: server, $3: column (4 rps, 5 p50, 6 p99)
	awk -v c="$1" -v s="$2" -v k="$3" '$1 == c && $2 == s { print $k }' "$results" |
		sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "" }'
}

ratio() { # $1 / $2 with two decimals
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'
}

bytes() { wc -c <"$1" | tr -d ' '; }

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

model=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo | head -n 1)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if ! git diff --quiet HEAD -- src Makefile 2>/dev/null; then
	commit="$commit (with uncommitted changes to src/ or the Makefile)"
fi

{
	echo "# Performance"
	echo
	echo "Generated by \`make bench\` (bench/run.sh) on $(date -u '+%Y-%m-%d %H:%M UTC'); run it"
	echo "again to refresh this file rather than editing it."
	echo
	echo "## What is measured"
	echo
	echo "- **indgang**: \`./indgang serve --listen 127.0.0.1:0 --no-access-log --per-ip 1000\` with its"
	echo "  default worker threads (two per core), on a fresh database filled by \`indgang demo\`."
	echo "  - \`GET /healthz\`: public; reads the newest migration, at most once a second while the database answers (a check in between gets the last answer). $(bytes "$ngx/www/healthz") bytes."
	echo "  - \`GET /api/v1/kommuner\`: public; the 98 municipalities, read from SQLite and written as JSON once."
	echo "    $(bytes "$ngx/www/kommuner") bytes."
	echo "  - \`GET /api/v1/kommuner/621/users\`: authenticated with a bearer token (the token's hash"
	echo "    looked up, the access decision, a paginated list query). $(bytes "$tmp/users.json") bytes."
	echo "- **nginx** (the baseline, started in the same run): Debian's nginx-light, two worker"
	echo "  processes, its own temporary configuration, serving static files with exactly the bodies"
	echo "  of \`/healthz\` and \`/api/v1/kommuner\`. It shows what the machine and wrk can do, so the"
	echo "  ratio indgang/nginx is the figure to compare between runs."
	echo "- **Load**: \`wrk -t$threads -c$conns -d${seconds}s\` with keep-alive, after ${warmup} s of warm-up per"
	echo "  case; bench/report.lua adds the token and prints the 50th and 99th latency percentiles"
	echo "  from wrk's \`done()\` hook. Each case is measured $rounds times, the cases taking turns"
	echo "  round by round, and the median of each column is shown (taken column by column, so one"
	echo "  row's figures may come from different rounds)."
	echo "- **Memory**: the peak resident set (VmHWM in /proc/PID/status) of the indgang process"
	echo "  after all the load."
	echo
	echo "## Machine"
	echo
	echo "- CPUs: $(nproc) ($(echo "${model:-unknown}" | sed 's/[[:space:]]*$//'))"
	echo "- Kernel: $(uname -sr)"
	echo "- wrk: $(wrk --version 2>&1 | head -n 1 | sed 's/ Copyright.*//')"
	echo "- nginx: $("$nginx" -v 2>&1 | sed 's/^nginx version: //')"
	echo "- indgang: $(./indgang version 2>/dev/null || echo unknown), commit $commit"
	echo
	echo "## Results (median of $rounds)"
	echo
	echo "| Request | Server | Requests/s | p50 ms | p99 ms |"
	echo "|---|---|---:|---:|---:|"
	while read -r name server url auth; do
		case $name in
		healthz) what="GET /healthz" ;;
		kommuner) what="GET /api/v1/kommuner" ;;
		users) what="GET /api/v1/kommuner/621/users" ;;
		esac
		[ "$server" = nginx ] && what="static copy of ${what#GET }"
		rps=$(awk -v v="$(median_of "$name" "$server" 4)" 'BEGIN { printf "%.0f", v }')
		echo "| $what | $server | $rps | $(median_of "$name" "$server" 5)" \
			"| $(median_of "$name" "$server" 6) |"
	done <<EOF2
$cases
EOF2
	echo
	echo "## indgang / nginx"
	echo
	echo "Requests/s below 1 means indgang answers fewer requests than nginx; latency above 1 means"
	echo "indgang is slower."
	echo
	echo "| Body | Requests/s | p50 | p99 |"
	echo "|---|---:|---:|---:|"
	for name in healthz kommuner; do
		r=""
		for k in 4 5 6; do
			r="$r | $(ratio "$(median_of "$name" indgang "$k")" "$(median_of "$name" nginx "$k")")"
		done
		echo "| $name$r |"
	done
	echo
	echo "Peak resident memory of indgang after the load: $(mib "$rss_peak") MiB"
	echo "($(mib "$rss_start") MiB just after it started; $(mib "$rss_end") MiB resident after the load). The peak"
	echo "holds no password check: the load signs nobody in. A sign-in's Argon2id check takes 19 MiB for a"
	echo "moment (the first sign-in also makes the stand-in check that makes an unknown account cost what"
	echo "a known one does), and the memory is given back when the check ends."
	if [ "$failures" -ne 0 ]; then
		echo
		echo "**Warning**: $failures requests failed or were not answered 2xx; the figures above are"
		echo "not trustworthy."
	fi
	if [ "$server_exit" -ne 0 ]; then
		echo
		echo "**Warning**: indgang exited with status $server_exit when stopped."
	fi
	echo
	echo "## Every measurement"
	echo
	echo "| Request | Server | Round | Requests/s | p50 ms | p99 ms | Failed |"
	echo "|---|---|---:|---:|---:|---:|---:|"
	awk '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$results"
	echo
	echo "## Reading these figures"
	echo
	echo "They come from a shared, noisy $(nproc)-core machine on which wrk, indgang and nginx compete"
	echo "for the same cores, so absolute figures move from run to run: compare the ratios within"
	echo "one run, not requests/s between runs. No test asserts a speed."
} >"$report"

echo "bench: wrote $report"
sed -n '/^## Results/,/^## Every/p' "$report" | sed '$d'
[ "$failures" -eq 0 ] || die "$failures requests failed"
[ "$server_exit" -eq 0 ] || die "indgang exited with status $server_exit"
