#!/bin/sh
# Installs the Debian 12 packages and npm packages that building, running and testing Indgang
# need. Idempotent: it installs only what is missing and does nothing when all is there.
#   tools/setup.sh          build and run (C toolchain and libraries, Node.js and the npm packages
#                           of tools/design: Det Fælles Designsystem and sass, for the CSS)
#   tools/setup.sh test     also the test tools (cmocka, tidy, Chromium, Playwright, axe-core,
#                           clang for the fuzz targets make check runs briefly, PostgreSQL for a
#                           throwaway cluster, haproxy for the test of two servers behind a proxy)
#   tools/setup.sh bench    also the benchmark tools (wrk, nginx, haproxy, postgresql)
#   tools/setup.sh fuzz     also clang for libFuzzer
set -eu
cd "$(dirname "$0")/.."

build_pkgs="build-essential pkg-config libmicrohttpd-dev libsqlite3-dev sqlite3 libjansson-dev
libsodium-dev libstemmer-dev libicu-dev libxlsxwriter-dev libcurl4-openssl-dev curl libical-dev
libvips-dev zlib1g-dev libpq-dev"
# postgresql: the tests run the storage interface against a throwaway cluster too
# (tests/tools/pgtmp.sh); haproxy: the test of two servers behind a proxy
test_pkgs="postgresql libcmocka-dev tidy chromium fonts-dejavu-core clang libclang-rt-14-dev haproxy"
# postgresql: bench/servers.sh compares SQLite with PostgreSQL
bench_pkgs="wrk nginx-light wdanish haproxy postgresql"
fuzz_pkgs="clang libclang-rt-14-dev"

want="$build_pkgs"
for what in "$@"; do
	case "$what" in
	test) want="$want $test_pkgs" ;;
	bench) want="$want $bench_pkgs" ;;
	fuzz) want="$want $fuzz_pkgs" ;;
	all) want="$want $test_pkgs $bench_pkgs $fuzz_pkgs" ;;
	*) echo "setup.sh: unknown part '$what' (use test, bench, fuzz or all)" >&2; exit 2 ;;
	esac
done

missing=""
# Node.js may come from Debian or from elsewhere; only its commands matter. The build needs it
# (tools/design compiles the CSS), the browser tests too.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "setup.sh: missing Debian packages:$missing; run as root or install them" >&2
		exit 1
	fi
	echo "setup.sh: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# the design system (dkfds) and sass at the versions the lock file pins, for the build
if [ ! -f tools/design/node_modules/.package-lock.json ] ||
	[ tools/design/package-lock.json -nt tools/design/node_modules/.package-lock.json ]; then
	echo "setup.sh: installing npm packages for the CSS (tools/design)"
	(cd tools/design && npm ci --no-audit --no-fund --omit=optional --loglevel=error)
fi

case " $* " in
*" test "* | *" all "*)
	if [ ! -f tests/browser/node_modules/playwright-core/package.json ] ||
		[ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
		echo "setup.sh: installing npm packages for the browser tests"
		(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
	fi
	;;
esac
exit 0
