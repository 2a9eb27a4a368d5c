#!/bin/sh
# bench/servers.sh — one server against two behind Debian's HAProxy, and SQLite against
# PostgreSQL, on one database of 100,000 realistic enterprises: the registry list and search,
# requests/s, p50 and p99, into its own section of docs/performance.md, "## One server and two
# behind HAProxy (bench/servers.sh)" (replaced when there, appended when not). The PostgreSQL
# cases run on a throwaway cluster (tests/tools/pgtmp.sh) holding `indgang copy` of the SQLite
# database. Run by `make bench`, alone by `make bench-servers`.
# Asserts no speed: it fails only when a server does not start or a request fails.
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

me=bench/servers.sh
. bench/lib.sh
[ -x "$bin" ] || die "$bin is missing: run make first"
command -v wrk >/dev/null 2>&1 || die "wrk is missing: sh tools/setup.sh bench"
command -v haproxy >/dev/null 2>&1 || die "haproxy is missing: sh tools/setup.sh bench"

pgdir=$(mktemp -u /tmp/indgang-bench-pg-XXXXXX) # outside $tmp, which the cluster's user cannot enter
cleanup() {
	stop_all
	sh tests/tools/pgtmp.sh stop "$pgdir" 2>/dev/null || true
	rm -rf "$tmp"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

realistic_registry "$n"
# the same enterprises on PostgreSQL
pg=$(sh tests/tools/pgtmp.sh start "$pgdir") || die "no PostgreSQL cluster (tests/tools/pgtmp.sh)"
pgdb=${pg%/*}/bench
createdb --maintenance-db="$pg" bench
copy_start=$(date +%s.%N)
"$bin" copy --from "$db" --to "$pgdb" >"$tmp/copy.out" 2>&1 || die "indgang copy failed: $(tail -3 "$tmp/copy.out")"
copy_s=$(echo "$(date +%s.%N) $copy_start" | awk '{ printf "%.1f", $1 - $2 }')
psql -X -q -d "$pgdb" -c "VACUUM ANALYZE" >/dev/null

# server NAME [options]: starts a server on a free port; its port in $tmp/NAME.port. A name
# that begins with pg- serves the PostgreSQL copy.
server() {
	name=$1
	shift
	case "$name" in pg-*) on=$pgdb ;; *) on=$db ;; esac
	serve "$on" "$tmp/$name.out" --per-ip 100000 "$@" || die "$name did not start: $(cat "$tmp/$name.out")"
	echo "$server_port" >"$tmp/$name.port"
}
server one
server two
server one-anew --no-memo
server two-anew --no-memo
server pg-one
server pg-one-anew --no-memo
server pg-two-anew --no-memo
port() { cat "$tmp/$1.port"; }
proxies=0

# proxy NAME A B: haproxy on a free port in front of servers A and B, as docs/deploy.md
proxy() {
	# a port near none of the servers' (they have the kernel's ephemeral ones, from 32768)
	proxies=$((proxies + 1))
	pport=$((20000 + ($(port "$2") + 97 * proxies) % 10000))
	cat >"$tmp/$1.cfg" <<CFG
global
	maxconn 4000
defaults
	mode http
	timeout connect 2s
	timeout client 60s
	timeout server 60s
	retries 3
	option redispatch 1
	option http-keep-alive
frontend indgang
	bind 127.0.0.1:$pport
	default_backend servers
backend servers
	balance roundrobin
	http-reuse safe
	option httpchk GET /healthz
	http-check expect status 200
	default-server inter 1s fall 2 rise 2
	server a 127.0.0.1:$(port "$2") check
	server b 127.0.0.1:$(port "$3") check
CFG
	haproxy -db -f "$tmp/$1.cfg" >"$tmp/$1.log" 2>&1 &
	pids="$pids $!"
	for _ in $(seq 1 50); do
		curl -sf -o /dev/null "http://127.0.0.1:$pport/healthz" && break
		sleep 0.1
	done
	curl -sf -o /dev/null "http://127.0.0.1:$pport/healthz" || die "haproxy did not start: $(cat "$tmp/$1.log")"
	echo "$pport" >"$tmp/$1.port"
}
proxy both one two
proxy both-anew one-anew two-anew
proxy pg-both-anew pg-one-anew pg-two-anew
# the proxy in front of one server alone: what the proxy itself costs
proxy single one one

# ---------------------------------------------------------------- cases
# name|connections|URL or @paths-file@server|what
cat >"$tmp/cases" <<CASES
one-list|64|http://127.0.0.1:$(port one)/api/v1/enterprises?limit=20&kommune=751|list of a municipality (answers kept): one server
single-list|64|http://127.0.0.1:$(port single)/api/v1/enterprises?limit=20&kommune=751|the same: one server behind HAProxy
both-list|64|http://127.0.0.1:$(port both)/api/v1/enterprises?limit=20&kommune=751|the same: two servers behind HAProxy
one-anew|64|http://127.0.0.1:$(port one-anew)/api/v1/enterprises?limit=20&kommune=751|list of a municipality, made anew: one server
both-anew|64|http://127.0.0.1:$(port both-anew)/api/v1/enterprises?limit=20&kommune=751|the same: two servers behind HAProxy
one-search|4|@$tmp/search.txt@http://127.0.0.1:$(port one-anew)|search, 400 rotating queries, made anew: one server
both-search|4|@$tmp/search.txt@http://127.0.0.1:$(port both-anew)|the same: two servers behind HAProxy
pg-list|64|http://127.0.0.1:$(port pg-one)/api/v1/enterprises?limit=20&kommune=751|PostgreSQL: list of a municipality (answers kept): one server
pg-anew|64|http://127.0.0.1:$(port pg-one-anew)/api/v1/enterprises?limit=20&kommune=751|PostgreSQL: list of a municipality, made anew: one server
pg-both-anew|64|http://127.0.0.1:$(port pg-both-anew)/api/v1/enterprises?limit=20&kommune=751|PostgreSQL: the same: two servers behind HAProxy
pg-search|4|@$tmp/search.txt@http://127.0.0.1:$(port pg-one-anew)|PostgreSQL: search, 400 rotating queries, made anew: one server
pg-both-search|4|@$tmp/search.txt@http://127.0.0.1:$(port pg-both-anew)|PostgreSQL: the same: two servers behind HAProxy
CASES

measure "$seconds" "$rounds"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
{
	cat <<MD
## One server and two behind HAProxy (bench/servers.sh)

Run by \`make bench\` (or alone by \`make bench-servers\`) on $(date -u '+%Y-%m-%d %H:%M UTC'),
commit $commit, $(nproc) CPUs, load average $load_before before and $load_after after; $(haproxy -v | head -1 | cut -d' ' -f1-3).
The $n enterprises of bench/registry.sh in one SQLite database, and its \`indgang copy\` (${copy_s} s)
in a PostgreSQL $(psql -X -A -t -d "$pgdb" -c "SHOW server_version" | cut -d' ' -f1) database on
this machine (tests/tools/pgtmp.sh: default settings but 32 MB of shared buffers and no fsync);
every server runs on this machine (\`serve --no-access-log\`, with \`--no-memo\` where the answers are made anew), HAProxy
round robin with the health check of docs/deploy.md. On one 2-core machine two servers share
the same cores, so the second server adds no capacity here: the figures show what the proxy
costs and that two servers on one database answer as one does; capacity grows with machines.
Each case warmed for 1 s, then $rounds rounds of $seconds s; medians.

| Case | wrk -c | Requests/s | p50 ms | p99 ms |
|---|---:|---:|---:|---:|
MD
	while IFS='|' read -r name conns _ what; do
		printf '| %s | %s | %s | %s | %s |\n' "$what" "$conns" "$(col "$name" 3)" "$(col "$name" 4)" "$(col "$name" 5)"
	done <"$tmp/cases"
} >"$tmp/section.md"

put_section '## One server and two behind HAProxy (bench/servers.sh)'
cat "$tmp/section.md"
echo "bench/servers.sh: wrote its section of $report"
