# bench/lib.sh — what the scripts of bench/ (and tools/design/weigh.sh) share, sourced by them
# after they have changed to the checkout's root and set $me, the name their messages begin
# with, and $bin, the program. Sourcing it makes $tmp, a temporary directory, and sets the
# traps: on exit, cleanup stops every process in $pids and removes $tmp (a script that has more
# to undo defines its own cleanup, calling stop_all). Then: die; stop, a process of $pids; serve,
# an indgang server on a free port; registry_db and realistic_registry, a registry of generated
# enterprises (bench/gen-realistic.sh) and its searches (bench/gen-queries.sh); need_nginx,
# nginx_dir and nginx_start, nginx as the static baseline; run and measure, wrk over the cases
# of a file (the wrk scripts' own shared part is bench/lib.lua); median and col; put_section, a
# section of the report ($report) replaced in its place or appended.
tmp=$(mktemp -d)
pids=""

# die MESSAGE: the message on stderr after "$me: ", and the end of the run
die() {
	echo "$me: $*" >&2
	exit 1
}

# stop PID: ends a process started in the background and takes it off $pids; the status it
# exited with
stop() {
	_rest=""
	for _p in $pids; do
		[ "$_p" = "$1" ] || _rest="$_rest $_p"
	done
	pids=$_rest
	kill "$1" 2>/dev/null || true
	wait "$1"
}

# stop_all: ends every process still in $pids
stop_all() {
	for _p in $pids; do
		kill "$_p" 2>/dev/null || true
		wait "$_p" 2>/dev/null || true
	done
	pids=""
}

cleanup() {
	stop_all
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# serve DB OUT OPTION...: `$bin --db DB serve --listen 127.0.0.1:0 --no-access-log OPTION...`
# in the background, its output (stdout and stderr) in OUT; waits up to 10 s for the port it
# prints. Sets $server_pid (also added to $pids) and $server_port; false when the server ended
# or printed no port.
serve() {
	_db=$1
	_out=$2
	shift 2
	: >"$_out" # made first, so that the first look below finds it before the server opens it
	"$bin" --db "$_db" serve --listen 127.0.0.1:0 --no-access-log "$@" >"$_out" 2>&1 &
	server_pid=$!
	pids="$pids $server_pid"
	server_port=""
	for _ in $(seq 1 100); do
		server_port=$(sed -n 's|^Indgang serves http://127\.0\.0\.1:\([0-9][0-9]*\)/$|\1|p' "$_out")
		[ -n "$server_port" ] && return 0
		kill -0 "$server_pid" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

# registry_db DB CSV: DB migrated and the enterprises of CSV imported into it
registry_db() {
	"$bin" --db "$1" migrate >/dev/null
	"$bin" --db "$1" registry import "$2" >/dev/null
}

# realistic_registry N: N enterprises of bench/gen-realistic.sh in $tmp/enterprises.csv,
# imported into a new $tmp/reg.db, or $db is BENCH_REGISTRY_DB (migrated); searches of
# bench/gen-queries.sh over them in $tmp/search.txt
realistic_registry() {
	sh bench/gen-realistic.sh "$1" >"$tmp/enterprises.csv"
	if [ -n "${BENCH_REGISTRY_DB:-}" ]; then
		db=$BENCH_REGISTRY_DB
	else
		db=$tmp/reg.db
		registry_db "$db" "$tmp/enterprises.csv"
	fi
	"$bin" --db "$db" migrate >/dev/null
	sh bench/gen-queries.sh "$tmp/enterprises.csv" >"$tmp/search.txt"
}

# need_nginx: $nginx, Debian's nginx-light, or the end of the run
need_nginx() {
	nginx=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
	[ -x "$nginx" ] || die "nginx is missing: sh tools/setup.sh bench"
}

# nginx_dir: $ngx, nginx's directory in $tmp: the files it serves go into $ngx/www
nginx_dir() {
	ngx=$tmp/nginx
	mkdir -p "$ngx/www" "$ngx/logs" "$ngx/tmp"
	# nginx's workers drop root for nobody: they must be able to reach the files
	chmod 711 "$tmp"
	chmod 755 "$ngx" "$ngx/www"
}

# nginx_conf PORT: nginx's configuration, serving $ngx/www on 127.0.0.1:PORT with two workers
nginx_conf() {
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

# nginx_start PORT PATH: nginx on the first port above 30000 + PORT % 20000 (a port near
# indgang's) that it can bind, waited for until it answers PATH. Sets $nginx_pid (also added to
# $pids) and $nginx_port; false when it did not start within 20 ports.
nginx_start() {
	nginx_port=""
	_candidate=$((30000 + $1 % 20000))
	for _ in $(seq 1 20); do
		_candidate=$((_candidate + 1))
		nginx_conf "$_candidate" >"$ngx/nginx.conf"
		"$nginx" -p "$ngx/" -c "$ngx/nginx.conf" -e "$ngx/logs/error.log" 2>>"$ngx/logs/start.log" &
		nginx_pid=$!
		pids="$pids $nginx_pid"
		_tries=0
		while kill -0 "$nginx_pid" 2>/dev/null && [ "$_tries" -lt 50 ]; do
			if curl -sf -o /dev/null "http://127.0.0.1:$_candidate$2"; then
				nginx_port=$_candidate
				break
			fi
			_tries=$((_tries + 1))
			sleep 0.1
		done
		if [ -n "$nginx_port" ] && kill -0 "$nginx_pid" 2>/dev/null; then
			return 0
		fi
		stop "$nginx_pid" 2>/dev/null || true
		nginx_pid=""
		nginx_port=""
	done
	return 1
}

# run CONNECTIONS TARGET SECONDS: wrk -t2 with CONNECTIONS for SECONDS; TARGET a URL (with
# bench/report.lua) or @PATHS@SERVER, the paths of the file PATHS in turn against the server
# at SERVER (with bench/queries.lua). wrk's output, its last line "BENCH ..."
run() {
	case "$2" in
	@*)
		_f=${2#@}
		wrk -t2 -c"$1" -d"$3s" --timeout 10s -s bench/queries.lua "${_f#*@}" -- "${_f%%@*}" ;;
	*) wrk -t2 -c"$1" -d"$3s" --timeout 10s -s bench/report.lua "$2" ;;
	esac
}

# measure SECONDS ROUNDS: each case of $tmp/cases (lines NAME|CONNECTIONS|TARGET|...) warmed
# for 1 s, then measured for SECONDS, the cases taking turns for ROUNDS rounds; a line
# "NAME ROUND RPS P50_MS P99_MS" a measurement in $tmp/results. Ends the run when a request
# failed.
measure() {
	_r=1
	while [ "$_r" -le "$2" ]; do
		while IFS='|' read -r _name _conns _target _; do
			run "$_conns" "$_target" 1 >/dev/null
			_line=$(run "$_conns" "$_target" "$1" | grep '^BENCH')
			case "$_line" in *"errors=0 non2xx=0"*) ;; *) die "$_name failed: $_line" ;; esac
			echo "$_name $_r $(echo "$_line" | sed 's/.*rps=\([0-9.]*\) p50_ms=\([0-9.]*\) p99_ms=\([0-9.]*\).*/\1 \2 \3/')" >>"$tmp/results"
		done <"$tmp/cases"
		_r=$((_r + 1))
	done
}

# median: the median of the numbers on stdin, one a line (of an even count, the mean of the two
# in the middle)
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# col NAME COLUMN: the median of COLUMN (3 rps, 4 p50, 5 p99) over the rounds of the case NAME
# in $tmp/results
col() { awk -v c="$1" -v k="$2" '$1 == c { print $k }' "$tmp/results" | median; }

# put_section HEADING: $tmp/section.md into $report, in the place of the section that begins
# with the line HEADING (up to the next "## " heading) when there is one, appended after one
# blank line when not; a report not there yet is the section alone
put_section() {
	if [ -f "$report" ] && awk -v h="$1" 'index($0, h) == 1 { found = 1 } END { exit !found }' "$report"; then
		awk -v h="$1" -v f="$tmp/section.md" '
		     index($0, h) == 1 { while ((getline l < f) > 0) print l; print ""; skip = 1; next }
		     /^## / { skip = 0 }
		     !skip { print }' "$report" >"$tmp/rest.md"
		# no blank lines left at the end (when the section was the last)
		sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$tmp/rest.md" >"$report"
	elif [ -f "$report" ]; then
		sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$report" >"$tmp/trimmed.md"
		{ cat "$tmp/trimmed.md"; echo; cat "$tmp/section.md"; } >"$report"
	else
		cp "$tmp/section.md" "$report"
	fi
}
