#!/bin/sh
# Build-time source check, run first by `make check`: the rules that discipline alone does not
# hold. Prints each violation as FILE:LINE: rule, and exits 1 if there is any.
#  - sqlite3 only in src/store/db.c; libmicrohttpd only in src/http/server.c
#  - no sprintf, strcpy, strcat, atoi, gets, strtok (use snprintf, buf_*, text_parse_int)
#  - html_printf and db_prepare_literal only through their literal-only macros
#  - layering: base includes only base; view and store only base (and themselves);
#    a capability's *_store.c includes no other *_store.h and no http/ or view/ header
set -u
cd "$(dirname "$0")/.."
bad=0
report() { echo "$1"; bad=1; }

for f in $(find src -name '*.c' -o -name '*.h' | sort); do
	case "$f" in
	src/store/db.c) ;;
	*) grep -n -E '\bsqlite3_|<sqlite3\.h>' "$f" | while IFS= read -r l; do
		echo "$f:${l%%:*}: sqlite3 outside src/store/db.c"; done ;;
	esac
	case "$f" in
	src/http/server.c) ;;
	*) grep -n -E '\bMHD_|<microhttpd\.h>' "$f" | while IFS= read -r l; do
		echo "$f:${l%%:*}: libmicrohttpd outside src/http/server.c"; done ;;
	esac
	grep -n -E '(^|[^a-z_n])(sprintf|vsprintf|strcpy|strcat|atoi|atol|gets|strtok)\(' "$f" |
		while IFS= read -r l; do echo "$f:${l%%:*}: banned function"; done
	case "$f" in
	src/view/html.c | src/view/html.h) ;;
	*) grep -n -E '\bhtml_printf\(' "$f" | while IFS= read -r l; do
		echo "$f:${l%%:*}: call htmlf(), whose format must be a literal"; done ;;
	esac
	case "$f" in
	src/store/db.c | src/store/db.h) ;;
	*) grep -n -E '\bdb_prepare_literal\(|\bdb_exec_literal\(' "$f" | while IFS= read -r l; do
		echo "$f:${l%%:*}: call db_prepare()/db_exec(), which take only literals"; done ;;
	esac
	incs=$(grep -o -E '#include "[^"]+"' "$f" | sed -E 's/#include "(.*)"/\1/')
	for i in $incs; do
		case "$f:$i" in
		src/base/*:../*) echo "$f: base includes $i (base is libc only)" ;;
		src/view/*:../http/* | src/view/*:../store/* | src/view/*:../auth/*) echo "$f: view includes $i" ;;
		src/store/*:../http/* | src/store/*:../view/* | src/store/*:../auth/*) echo "$f: store includes $i" ;;
		*_store.c:*_store.h)
			case "$(basename "$f" .c)" in
			"$(basename "$i" .h)") ;;
			*) echo "$f: store file includes another store's header $i" ;;
			esac ;;
		esac
		case "$f:$i" in
		*_store.c:../http/* | *_store.c:../view/*) echo "$f: store file includes $i" ;;
		esac
	done
done >build/codecheck.out 2>&1
if [ -s build/codecheck.out ]; then
	cat build/codecheck.out
	echo "codecheck: $(wc -l <build/codecheck.out) violation(s)"
	exit 1
fi
echo "codecheck: ok"
