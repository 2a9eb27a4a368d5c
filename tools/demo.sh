#!/bin/sh
# Installs whatever is missing, builds ./indgang, creates the embedded database with the demo
# data (indgang-demo.db) and the key file beside it (indgang-demo.key) and serves it on
# http://127.0.0.1:8080 until Ctrl-C.
#   INDGANG_LISTEN=0.0.0.0:8080 sh tools/demo.sh    to serve on another address
set -eu
cd "$(dirname "$0")/.."
sh tools/setup.sh
make -s
db=${INDGANG_DB:-indgang-demo.db}
# the key file that seals citizens' CPR numbers, beside the database; made once, never replaced
key=${INDGANG_KEY_FILE:-${db%.db}.key}
[ -e "$key" ] || ./indgang --key-file "$key" key init
./indgang --db "$db" --key-file "$key" demo
echo
echo "Open http://${INDGANG_LISTEN:-127.0.0.1:8080}/ and sign in with one of the logins above."
exec ./indgang --db "$db" --key-file "$key" serve --listen "${INDGANG_LISTEN:-127.0.0.1:8080}"
