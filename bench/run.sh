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

die() {
	echo "bench: $*" >&2
	exit 1
}

[ -x ./indgang ] || die "./indgang is missing: run make first"
command -v wrk >/dev/null 2>&1 || die "wrk is missing: sh tools/setup.sh bench"
command -v curl >/dev/null 2>&1 || die "curl is missing: sh tools/setup.sh"
nginx=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
[ -x "$nginx" ] || die "nginx is missing: sh tools/setup.sh bench"

tmp=$(mktemp -d)
server_pid=""
nginx_pid=""
cleanup() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	if [ -n "$nginx_pid" ]; then
		kill "$nginx_pid" 2>/dev/null || true
		wait "$nginx_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- indgang
db=$tmp/bench.db
./indgang --db "$db" demo >/dev/null
token=$(./indgang --db "$db" token create --email konsulent@kolding.example)
./indgang --db "$db" serve --listen 127.0.0.1:0 --no-access-log --per-ip 1000 \
	>"$tmp/serve.out" 2>"$tmp/serve.err" &
server_pid=$!
port=""
tries=0
while [ -z "$port" ]; do
	kill -0 "$server_pid" 2>/dev/null || die "indgang did not start: $(cat "$tmp/serve.err")"
	tries=$((tries + 1))
	[ "$tries" -le 100 ] || die "indgang did not print its port within 10 s"
	sleep 0.1
	port=$(sed -n 's|.*serves http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$tmp/serve.out")
done
indgang_url=http://127.0.0.1:$port

# ---------------------------------------------------------------- nginx with the same bodies
ngx=$tmp/nginx
mkdir -p "$ngx/www" "$ngx/logs" "$ngx/tmp"
# nginx's workers drop root for nobody: they must be able to reach the files
chmod 711 "$tmp"
chmod 755 "$ngx" "$ngx/www"
curl -sf -o "$ngx/www/healthz" "$indgang_url/healthz" || die "GET /healthz failed"
curl -sf -o "$ngx/www/kommuner" "$indgang_url/api/v1/kommuner" || die "GET /api/v1/kommuner failed"
curl -sf -o "$tmp/users.json" -H "Authorization: Bearer $token" \
	"$indgang_url/api/v1/kommuner/621/users" || die "GET /api/v1/kommuner/621/users failed"
chmod 644 "$ngx/www/healthz" "$ngx/www/kommuner"

nginx_conf() { # $1: port
	cat <<CONF
worker_processes 2;
daemon off;
pid $ngx/nginx.pid;
error_log $ngx/logs/error.log warn;
events {
	worker_connections 1024;
}
http {
	access_log off;
	client_body_temp_path $ngx/tmp/body;
	proxy_temp_path $ngx/tmp/proxy;
	fastcgi_temp_path $ngx/tmp/fastcgi;
	uwsgi_temp_path $ngx/tmp/uwsgi;
	scgi_temp_path $ngx/tmp/scgi;
	default_type application/json;
	keepalive_requests 1000000;
	server {
		listen 127.0.0.1:$1;
		root $ngx/www;
	}
}
CONF
}

# a port near indgang's: the first one nginx can bind
nport=""
candidate=$((30000 + port % 20000))
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	candidate=$((candidate + 1))
	nginx_conf "$candidate" >"$ngx/nginx.conf"
	"$nginx" -p "$ngx/" -c "$ngx/nginx.conf" -e "$ngx/logs/error.log" 2>>"$ngx/logs/start.log" &
	nginx_pid=$!
	tries=0
	while kill -0 "$nginx_pid" 2>/dev/null && [ "$tries" -lt 50 ]; do
		if curl -sf -o /dev/null "http://127.0.0.1:$candidate/healthz"; then
			nport=$candidate
			break
		fi
		tries=$((tries + 1))
		sleep 0.1
	done
	if [ -n "$nport" ] && kill -0 "$nginx_pid" 2>/dev/null; then
		break
	fi
	kill "$nginx_pid" 2>/dev/null || true
	wait "$nginx_pid" 2>/dev/null || true
	nginx_pid=""
	nport=""
done
[ -n "$nport" ] || die "nginx did not start: $(tail -n 5 "$ngx/logs/error.log" 2>/dev/null)"
nginx_url=http://127.0.0.1:$nport

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

kill "$server_pid"
if wait "$server_pid"; then server_exit=0; else server_exit=$?; fi
server_pid=""

# ---------------------------------------------------------------- the report
median() { # $1: case, $2: server, $3: column (4 rps, 5 p50, 6 p99)
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
		rps=$(awk -v v="$(median "$name" "$server" 4)" 'BEGIN { printf "%.0f", v }')
		echo "| $what | $server | $rps | $(median "$name" "$server" 5)" \
			"| $(median "$name" "$server" 6) |"
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
			r="$r | $(ratio "$(median "$name" indgang "$k")" "$(median "$name" nginx "$k")")"
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
