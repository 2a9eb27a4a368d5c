# tests/tools/lib.sh — what the shell tests of tests/tools share, sourced by them after they
# have changed to the checkout's root: the counts with ok and no, the program under test in
# $bin (INDGANG_BIN, default ./indgang), finish for the last line, server_port for a server
# started in the background, and need_pg for the tests that use the throwaway PostgreSQL
# cluster of tests/run.sh.
passed=0
failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
no() { echo "not ok - $1"; failed=$((failed + 1)); }
bin=${INDGANG_BIN:-./indgang}

# finish: the line tests/run.sh counts, "N passed, N failed"; false when any failed
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# server_port FILE: the port a starting `indgang serve` printed into FILE, waited for up to
# 10 s; nothing, and false, when it printed none
server_port() {
	for _ in $(seq 1 100); do
		sed -n 's|^Indgang serves http://127\.0\.0\.1:\([0-9][0-9]*\)/$|\1|p' "$1" | grep . && return 0
		sleep 0.1
	done
	return 1
}

# need_pg: INDGANG_TEST_PG names a database of the cluster (tests/run.sh starts it); without it
# the test ends here as one failure. pg_base is the cluster's URI without the database, to
# which a database's name is added.
need_pg() {
	if [ -z "${INDGANG_TEST_PG:-}" ]; then
		no "INDGANG_TEST_PG names the throwaway PostgreSQL cluster (tests/run.sh starts it)"
		finish
		exit 1
	fi
	pg_base=${INDGANG_TEST_PG%/*}
}
