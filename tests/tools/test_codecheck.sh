#!/bin/sh
# test_codecheck.sh — tools/codecheck.sh catches what it is there to catch: each case plants one
# violation in a copy of a file of src/ and expects the checker to fail naming the file and line,
# and an untouched copy of all of src/ to pass. Every rule of the checker is about one file, its
# path and its lines, so each case checks a tree of that file alone (the whole tree took the
# checker 8 s a case). The planted lines belong to these negative tests; the checker's output
# for them is kept out of the log unless a case fails. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }

fresh() { rm -rf "$work/src" && cp -r src "$work/src"; }

# plant FILE LINE-TEXT WHAT EXPECTED-MESSAGE: appends the line after the file's first #include,
# in a tree that holds that file alone
plant() {
	rm -rf "$work/src"
	mkdir -p "$work/$(dirname "$1")"
	cp "$1" "$work/$1"
	f=$work/$1
	awk -v add="$2" '{print} !done && /^#include/ {print add; done=1}' "$f" >"$f.new" && mv "$f.new" "$f"
	line=$(grep -n -F -- "$2" "$f" | head -1 | cut -d: -f1)
	sh tools/codecheck.sh "$work" >"$work/out" 2>&1
	rc=$?
	if [ "$rc" -eq 1 ] && grep -q -F "$1:$line: " "$work/out" && grep -q -F "$4" "$work/out"; then
		ok "codecheck refuses $3 ($1:$line)"
	else
		not_ok "codecheck refuses $3: exit $rc, expected 1 and \"$1:$line: ...$4\""
		sed 's/^/#   /' "$work/out"
	fi
}

fresh
if sh tools/codecheck.sh "$work" >"$work/out" 2>&1; then
	ok "codecheck passes the tree as it is"
else
	not_ok "codecheck passes the tree as it is"
	sed 's/^/#   /' "$work/out"
fi

# the catalogue's picture pipeline is the one place that may call libvips
plant src/procurement/catalogue.c '#include <vips/vips.h>' "libvips outside the picture pipeline" \
	"libvips outside src/procurement/images*.c"
plant src/registry/registry_web.c '#include "registry_store.h"' "a handler that includes its store" \
	"handlers and commands talk to domains"
plant src/surveys/surveys_web.c '#include "../store/db.h"' "a handler that includes the database" \
	"handlers talk to domains, not to the database"
plant src/cmd/cmd_user.c '#include "../auth/auth_store.h"' "a command that includes a store" \
	"handlers and commands talk to domains"
plant src/entry/entry.c '#include "../registry/registry_store.h"' "a domain that includes another capability's store" \
	"another capability's domain, not its store"
plant src/auth/users.h '#include "auth_store.h"' "a domain header that includes its store" \
	"a domain header includes a store"
plant src/entry/entry_store.c '#include "../registry/registry_store.h"' "a store that includes another store" \
	"another store's header"
plant src/base/text.c '#include "../view/html.h"' "base that includes view" "base includes only base"
plant src/view/form.c '#include "../auth/auth.h"' "view that includes auth" "view includes only base and view"
plant src/registry/registry_edit_web.c 'static int planted(const struct principal *p) { return p->role == ROLE_ADMIN; }' \
	"a role comparison in a handler" "role compared in a handler"
plant src/http/page.c 'static int planted(int role) { return ROLE_KONSULENT != role; }' \
	"a role comparison in http/" "role compared in a handler"
plant src/entry/entry.c 'static int planted(const char *s) { return atoi(s); }' "a banned function" "banned function"
plant src/auth/users.c '#include <sqlite3.h>' "sqlite3 outside the store" "sqlite3 outside src/store/db_sqlite.c"
plant src/store/db.c '#include <sqlite3.h>' "sqlite3 in the backend picker" "sqlite3 outside src/store/db_sqlite.c"
plant src/store/db_sqlite.c '#include <libpq-fe.h>' "libpq outside its backend" "libpq outside src/store/db_pg.c"
plant src/entry/entry_store.c 'static void *planted(struct db *db, const char *q) { return db_prepare_literal2(db, q, q); }' \
	"a two-dialect statement that is not a literal" "db_prepare2(), which take only literals"

# nothing to check is a failure, not "ok"
mkdir -p "$work/empty"
sh tools/codecheck.sh "$work/empty" >"$work/out" 2>&1
rc=$?
if [ "$rc" -eq 2 ] && grep -q "nothing was checked" "$work/out"; then
	ok "codecheck fails when there is nothing to check"
else
	not_ok "codecheck fails when there is nothing to check (exit $rc)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
