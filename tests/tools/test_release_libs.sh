#!/bin/sh
# test_release_libs.sh — ./indgang (the optimized program, as installed) opens libvips only
# when it makes a picture (src/procurement/images.c), libcurl only when it sends a message
# (src/mail/mail.c), libmicrohttpd only when serve starts (src/http/server.c) and libpq only
# when it connects to PostgreSQL (src/store/db_pg.c); the sanitizer builds that every other test
# runs link them instead. Here the demo draws the catalogue's pictures through that path, the
# outbox is sent to a port where nothing listens (libcurl's own error must come back), serve
# answers /healthz and stops on SIGTERM, migrate runs on the throwaway PostgreSQL cluster of
# INDGANG_TEST_PG (tests/run.sh starts it), and the program is checked not to be linked with
# any of them. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
. tests/tools/lib.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ldd ./indgang | grep -q "libvips\|libcurl\|libmicrohttpd\|libpq"; then
	no "./indgang is linked with libvips, libcurl, libmicrohttpd or libpq"
else
	ok "./indgang is linked with none of libvips, libcurl, libmicrohttpd and libpq"
fi
if ./indgang --db "$tmp/demo.db" demo >"$tmp/out" 2>&1; then
	ok "the demo loads with ./indgang"
else
	no "the demo loads with ./indgang"
	sed 's/^/#   /' "$tmp/out"
fi
n=$(sqlite3 "$tmp/demo.db" "SELECT count(*) FROM product_image_files" 2>&1)
if [ "${n:-0}" -gt 0 ] 2>/dev/null; then
	ok "the demo's pictures were made through libvips opened at run time ($n files)"
else
	no "the demo's pictures were made through libvips opened at run time (got '$n')"
fi
if grep -q "cannot open libvips\|libvips did not start\|has no vips_" "$tmp/out"; then
	no "libvips was found and started"
else
	ok "libvips was found and started"
fi
# port 9 (discard) on the loopback: nothing listens in a test machine
./indgang --db "$tmp/demo.db" mail send --smtp-url smtp://127.0.0.1:9 >"$tmp/mail" 2>&1
if grep -q "Couldn't connect to server" "$tmp/mail" && ! grep -q "libcurl could not" "$tmp/mail"; then
	ok "a message goes out through libcurl opened at run time (refused by the closed port: expected)"
else
	no "a message goes out through libcurl opened at run time"
	sed 's/^/#   /' "$tmp/mail" | tail -5
fi
./indgang --db "$tmp/demo.db" serve --listen 127.0.0.1:0 --no-access-log >"$tmp/serve" 2>&1 &
pid=$!
port=$(server_port "$tmp/serve")
if [ -n "$port" ] && curl -fsS "http://127.0.0.1:$port/healthz" 2>&1 | grep -q '"ok"'; then
	ok "serve answers through libmicrohttpd opened at run time"
else
	no "serve answers through libmicrohttpd opened at run time"
	sed 's/^/#   /' "$tmp/serve" | tail -5
fi
kill "$pid" 2>/dev/null
if wait "$pid"; then
	ok "serve stops on SIGTERM with status 0"
else
	no "serve stops on SIGTERM with status 0"
fi
if [ -z "${INDGANG_TEST_PG:-}" ]; then
	no "INDGANG_TEST_PG names the throwaway PostgreSQL cluster (tests/run.sh starts it)"
elif ./indgang --db "$INDGANG_TEST_PG" migrate >"$tmp/pg" 2>&1; then
	ok "migrate on PostgreSQL through libpq opened at run time"
else
	no "migrate on PostgreSQL through libpq opened at run time"
	sed 's/^/#   /' "$tmp/pg" | tail -5
fi
finish
