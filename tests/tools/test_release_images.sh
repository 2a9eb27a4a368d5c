#!/bin/sh
# test_release_images.sh — ./indgang (the optimized program, as installed) opens libvips only
# when it makes a picture (src/procurement/images.c; the sanitizer builds that every other test
# runs link it instead). Here the demo draws the catalogue's pictures through that path, and
# the program is checked not to be linked with libvips. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
passed=0
failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
no() { echo "not ok - $1"; failed=$((failed + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ldd ./indgang | grep -q libvips; then
	no "./indgang is linked with libvips"
else
	ok "./indgang is not linked with libvips"
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
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
