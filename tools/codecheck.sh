#!/bin/sh
# Build-time source check, run first by `make check`: the rules that discipline alone does not
# hold. Prints each violation as FILE:LINE: rule, and exits 1 if there is any, 2 if there was
# nothing to check.
#   tools/codecheck.sh [ROOT]     ROOT holds src/ (default: this checkout)
# Rules:
#  - sqlite3 only in src/store/db_sqlite.c (and fts_rank.c, its FTS5 ranking function),
#    libpq only in src/store/db_pg.c; libmicrohttpd only in src/http/server.c; libvips only in
#    src/procurement/images*.c (the catalogue's picture pipeline)
#  - no sprintf, strcpy, strcat, atoi, gets, strtok (use snprintf, buf_*, text_parse_int)
#  - html_printf, db_prepare_literal and db_prepare_literal2 only through their literal-only
#    macros (htmlf, db_prepare, db_prepare2)
#  - layers (README): base includes only base; view only base and view; store only base and
#    store; a capability's store (*_store.c) includes no other store and nothing of http/ or
#    view/; handlers (*_web.c, *_api.c) and command-line verbs (cmd_*.c) talk to domains: they
#    include no *_store.h, and handlers not store/db.h either (cmd_*.c may, to open, migrate and
#    back up the database); a domain includes no other capability's *_store.h
#  - no role comparisons in handlers or in http/: what a role may do is asked of access.h
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2
files=$(find src -name '*.c' -o -name '*.h' 2>/dev/null | sort)
if [ -z "$files" ]; then
	echo "codecheck: no source files under $root/src: nothing was checked" >&2
	exit 2
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# each "#include "x"" of a file as LINE:x
includes() { grep -n -E '^[[:space:]]*#[[:space:]]*include[[:space:]]+"[^"]+"' "$1" |
	sed -E 's/^([0-9]+):.*"([^"]+)".*/\1:\2/'; }

checked=0
for f in $files; do
	checked=$((checked + 1))
	dir=$(dirname "$f")
	base=$(basename "$f")
	case "$f" in
	src/store/db_sqlite.c | src/store/fts_rank.c) ;;
	*) grep -n -E '\bsqlite3_|<sqlite3\.h>' "$f" | while IFS= read -r l; do
		echo "$f:${l%%:*}: sqlite3 outside src/store/db_sqlite.c and fts_rank.c"; done ;;
	esac
	case "$f" in
	src/store/db_pg.c) ;;
	*) grep -n -E '\bPQ[a-z][A-Za-z]*\(|<libpq-fe\.h>|\bPGresult\b|\bPGconn\b' "$f" |
		while IFS= read -r l; do echo "$f:${l%%:*}: libpq outside src/store/db_pg.c"; done ;;
	esac
	case "$f" in
	src/http/server.c) ;;
	*) grep -n -E '\bMHD_|<microhttpd\.h>' "$f" | while IFS= read -r l; do
		echo "$f:${l%%:*}: libmicrohttpd outside src/http/server.c"; done ;;
	esac
	case "$f" in
	src/procurement/images*.c) ;;
	*) grep -n -E '<vips/|\bvips_[a-z_]+\(|\bVipsImage\b' "$f" | while IFS= read -r l; do
		echo "$f:${l%%:*}: libvips outside src/procurement/images*.c"; done ;;
	esac
	grep -n -E '(^|[^a-z_n])(sprintf|vsprintf|strcpy|strcat|atoi|atol|gets|strtok)\(' "$f" |
		while IFS= read -r l; do echo "$f:${l%%:*}: banned function"; done
	case "$f" in
	src/view/html.c | src/view/html.h) ;;
	*) grep -n -E '\bhtml_printf\(' "$f" | while IFS= read -r l; do
		echo "$f:${l%%:*}: call htmlf(), whose format must be a literal"; done ;;
	esac
	case "$f" in
	# db_copy.c makes a table's statements of the schema's own names (db_copy.h)
	src/store/db.c | src/store/db.h | src/store/db_sqlite.c | src/store/db_pg.c | src/store/db_copy.c) ;;
	*) grep -n -E '\bdb_prepare_literal2?\(' "$f" | while IFS= read -r l; do
		echo "$f:${l%%:*}: call db_prepare() or db_prepare2(), which take only literals"; done ;;
	esac
	# what kind of file this is
	kind=domain
	case "$f" in
	src/base/*) kind=base ;;
	src/view/*) kind=view ;;
	src/store/*) kind=store ;;
	src/cmd/*) kind=cmd ;;
	src/main.c) kind=cmd ;;
	src/http/*) kind=http ;;
	*_store.c | *_store.h) kind=capstore ;;
	*_web.c | *_web.h | *_api.c | *_api.h) kind=handler ;;
	esac
	case "$kind" in
	handler | http)
		grep -n -E '(->|\.)role[[:space:]]*[!=]=|\bROLE_[A-Z]+[[:space:]]*[!=]=|[!=]=[[:space:]]*ROLE_[A-Z]+' "$f" |
			while IFS= read -r l; do
				echo "$f:${l%%:*}: role compared in a handler; ask access.h (access_allowed, access_national ...)"
			done ;;
	esac
	for li in $(includes "$f"); do
		line=${li%%:*}
		inc=${li#*:}
		# the included file, relative to src/
		case "$inc" in
		../*) target=${inc#../} ;;
		*) target=${dir#src/}/$inc ;;
		esac
		tname=$(basename "$target")
		bad=""
		case "$kind:$target" in
		base:base/*) ;;
		base:*) bad="base includes only base (libc only)" ;;
		view:base/* | view:view/*) ;;
		view:*) bad="view includes only base and view" ;;
		store:base/* | store:store/*) ;;
		store:*) bad="store includes only base and store" ;;
		esac
		case "$kind:$tname" in
		capstore:*_store.h)
			[ "${tname%.h}" = "${base%.*}" ] || bad="a store includes another store's header" ;;
		handler:*_store.h | cmd:*_store.h) bad="handlers and commands talk to domains, not stores" ;;
		handler:db.h) bad="handlers talk to domains, not to the database" ;;
		domain:*_store.h)
			case "$f" in
			*.h) bad="a domain header includes a store, which every includer would then see" ;;
			esac
			case "$target" in
			"${dir#src/}"/*) ;;
			*) bad="a domain uses another capability's domain, not its store" ;;
			esac ;;
		esac
		case "$kind:$target" in
		capstore:http/* | capstore:view/*) bad="a store includes nothing of http/ or view/" ;;
		esac
		[ -n "$bad" ] && echo "$f:$line: includes \"$inc\": $bad"
	done
done >"$out" 2>&1
if [ -s "$out" ]; then
	cat "$out"
	echo "codecheck: $(wc -l <"$out") violation(s) in $checked files"
	exit 1
fi
echo "codecheck: ok ($checked files)"
