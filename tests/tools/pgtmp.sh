#!/bin/sh
# pgtmp.sh — a throwaway PostgreSQL cluster for the tests.
#   tests/tools/pgtmp.sh start DIR   makes DIR (it must not exist yet), initdb's a cluster in it,
#                                    starts it on a free port of 127.0.0.1 (and a socket in DIR),
#                                    makes the databases indgang and indgang_template (see
#                                    tests/tools/testdb.h) and prints indgang's URI:
#                                    postgresql://indgang@127.0.0.1:PORT/indgang
#   tests/tools/pgtmp.sh stop DIR    stops the cluster (at once) and removes DIR
#   tests/tools/pgtmp.sh halt DIR    stops the cluster and keeps it; resume DIR starts it again
#                                    on its port (a restart, for the tests that live through one)
# PostgreSQL refuses to run as root: as root the cluster runs as the system user postgres (made
# by Debian's package), otherwise as the current user. Anyone on this machine may connect
# without a password (trust): the cluster is for tests only, and made durable by nothing
# (fsync off). Diagnostics go to stderr, DIR/log and DIR/server.log; exit 1 on failure.
set -eu
what=${1:-}
dir=${2:-}
if [ -z "$what" ] || [ -z "$dir" ]; then
	echo "usage: pgtmp.sh start|stop|halt|resume DIR" >&2
	exit 2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
	echo "pgtmp.sh: no PostgreSQL server found (/usr/lib/postgresql/*/bin); install postgresql" >&2
	exit 1
fi

# runs a command as the cluster's owner
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

case "$what" in
start)
	if [ -e "$dir" ]; then
		echo "pgtmp.sh: $dir exists already" >&2
		exit 1
	fi
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	if [ "$(id -u)" -eq 0 ]; then
		if ! id postgres >/dev/null 2>&1; then
			echo "pgtmp.sh: running as root, and there is no user postgres to run the cluster as" >&2
			exit 1
		fi
		chown postgres "$dir"
	fi
	if ! as_owner "$bin/initdb" -D "$dir/data" -U indgang -A trust -E UTF8 --locale=C.UTF-8 \
		>"$dir/log" 2>&1; then
		echo "pgtmp.sh: initdb failed:" >&2
		cat "$dir/log" >&2
		exit 1
	fi
	cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 60
EOF
	# a free port: a random one, and another when it turns out to be taken
	tries=0
	while :; do
		port=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000))
		if as_owner "$bin/pg_ctl" -D "$dir/data" -o "-p $port" -l "$dir/server.log" -w -t 30 start \
			>/dev/null 2>&1; then
			break
		fi
		tries=$((tries + 1))
		if [ "$tries" -ge 5 ]; then
			echo "pgtmp.sh: the cluster in $dir did not start:" >&2
			tail -20 "$dir/server.log" >&2
			exit 1
		fi
	done
	echo "$port" >"$dir/port"
	# indgang for the tests that use the cluster's database as it is, indgang_template for
	# tests/tools/testdb.c's copies (each test migrates it before its first copy)
	if ! "$bin/createdb" -h 127.0.0.1 -p "$port" -U indgang indgang >>"$dir/log" 2>&1 ||
		! "$bin/createdb" -h 127.0.0.1 -p "$port" -U indgang indgang_template >>"$dir/log" 2>&1; then
		echo "pgtmp.sh: createdb failed:" >&2
		tail -5 "$dir/log" >&2
		exit 1
	fi
	echo "postgresql://indgang@127.0.0.1:$port/indgang"
	;;
halt)
	# stops the cluster and keeps it, as a restart begins (resume starts it again)
	as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	;;
resume)
	as_owner "$bin/pg_ctl" -D "$dir/data" -o "-p $(cat "$dir/port")" -l "$dir/server.log" -w -t 30 \
		start >/dev/null
	;;
stop)
	if [ -d "$dir/data" ]; then
		as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
	;;
*)
	echo "usage: pgtmp.sh start|stop DIR" >&2
	exit 2
	;;
esac
