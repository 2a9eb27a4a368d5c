#!/bin/sh
# Installs whatever is missing, builds ./indgang, creates the embedded database with the demo
# data (indgang-demo.db) and the key file beside it (indgang-demo.key) and serves it on
# http://127.0.0.1:8080 until Ctrl-C. The address to open is printed once the server listens;
# a port that is taken is said so, with how to choose another.
#   sh tools/demo.sh 8081                         to serve on another port (or PORT=8081)
#   INDGANG_LISTEN=0.0.0.0:8080 sh tools/demo.sh  to serve on another address
set -eu
cd "$(dirname "$0")/.."
port=${1:-${PORT:-8080}}
case $port in
'' | *[!0-9]*)
	echo "usage: sh tools/demo.sh [PORT]   (a port number, such as 8081)" >&2
	exit 2 ;;
esac
listen=${INDGANG_LISTEN:-127.0.0.1:$port}
sh tools/setup.sh
make -s
db=${INDGANG_DB:-indgang-demo.db}
# the key file that seals citizens' CPR numbers, beside the database; made once, never replaced
key=${INDGANG_KEY_FILE:-${db%.db}.key}
[ -e "$key" ] || ./indgang --key-file "$key" key init
./indgang --db "$db" --key-file "$key" demo
echo
# the server's first line says where it listens; until then nothing promises an address
out=$(mktemp)
./indgang --db "$db" --key-file "$key" serve --listen "$listen" >"$out" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$out"; exit 130' INT TERM
while ! grep -q 'serves http' "$out"; do
	if ! kill -0 "$pid" 2>/dev/null; then
		rm -f "$out"
		echo >&2
		echo "The demo could not listen on $listen (see the line above). If the port is taken," >&2
		echo "choose another: sh tools/demo.sh 8081 (or PORT=8081 sh tools/demo.sh)." >&2
		exit 1
	fi
	sleep 0.1
done
url=$(sed -n 's/.*serves \(http[^ ]*\).*/\1/p' "$out" | head -1)
rm -f "$out"
echo "Open $url and sign in with one of the logins above. Ctrl-C stops the server."
wait "$pid"
