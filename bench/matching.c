/*
 * bench/matching.c — how fast matching is over a realistic amount of data: the openings for a
 * citizen (matching_openings) over 20,000 openings, and the citizens for an opening
 * (matching_citizens) over 100,000 citizens. Linked against the program's own objects; called
 * by bench/matching.sh (make bench, make bench-matching), which puts what it prints into
 * docs/performance.md.
 *
 *   build/bench/matching DBFILE [OPENINGS CITIZENS CALLS]
 *
 * Makes DBFILE afresh (it must not exist), migrates it and fills it with SQL alone: enterprises
 * in all 98 municipalities (about 20 each, 70 % social-economy), their target groups, OPENINGS
 * openings (default 20,000) with random schemes, hours, times of day, 0-4 tasks and adaptations,
 * seats and ages, 85 % open; CITIZENS citizens (default 100,000), of whom a tenth in one big
 * municipality (Aarhus, 751) and the rest spread over all 98, with random schemes, hours, times,
 * tasks, needs, travel, 90 % with consent and 3 % anonymized; and open placements that take
 * some seats. Then times CALLS calls (default 200, after 10 not counted) of each query: the
 * openings for random citizens with consent, and the citizens of Aarhus, the biggest
 * municipality, for random open openings (a jobkonsulent of Aarhus; each call writes its audit
 * lines, as in the server). Prints a Markdown section with p50, p99 and max in milliseconds on
 * standard output, and progress on standard error. Asserts no speed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "src/auth/auth.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/employment/citizens.h"
#include "src/employment/matching.h"
#include "src/store/db.h"

#define BIG_KOMMUNE "751"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* the CPU time this thread has used: what a call costs, whatever else the machine runs */
static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *what)
{
	fprintf(stderr, "bench/matching: %s\n", what);
	exit(1);
}

/* ---------------------------------------------------------------- the data */

static void run(struct db_stmt *s, int rc_bind, const char *what)
{
	if (db_run(s, rc_bind) != 0)
		die(what);
}

/* Random choices are made per row with random(); a CTE whose random columns are used twice
 * is MATERIALIZED (else each use draws anew), and a random join condition names a column of
 * both tables (+ 0 × ...) so that it is drawn per pair, not once per outer row. */
static void fill(struct db *db, int openings, int citizens)
{
	double t0 = now_ms();
	if (db_write_begin(db) != 0)
		die("begin");
	struct db_stmt *s = db_prepare(db,
		"WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < :n - 1),"
		" k AS (SELECT kode, row_number() OVER (ORDER BY kode) - 1 AS i FROM kommuner)"
		" INSERT INTO enterprises (name, kommune, kind, created_at, updated_at)"
		" SELECT 'Virksomhed ' || n, k.kode, CASE WHEN abs(random()) % 10 < 7 THEN 'soev' ELSE 'company' END,"
		" '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM seq JOIN k ON k.i = seq.n % 98");
	run(s, s ? db_bind_int(s, ":n", 98 * 20) : 0, "enterprises");
	s = db_prepare(db, "INSERT INTO enterprise_targets (enterprise_id, target)"
	                   " SELECT e.id, t.key FROM enterprises e JOIN target_groups t ON (abs(random()) + 0 * (e.id + t.position)) % 100 < 25");
	run(s, 0, "targets");
	/* schemes: one or two of the five; hours from 5-30 up to 37; times one or two of the four,
	 * or fleksibel one time in five; seats mostly 1-2 */
	s = db_prepare(db,
		"WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < :n - 1),"
		" r AS MATERIALIZED (SELECT n, abs(random()) % 5 AS s1, abs(random()) % 5 AS s2, 5 + abs(random()) % 26 AS hmin,"
		"  abs(random()) % 4 AS t1, abs(random()) % 4 AS t2, abs(random()) % 5 AS flex FROM seq)"
		" INSERT INTO openings (enterprise_id, title, schemes, hours_min, hours_max, times, inhouse, seats,"
		"  status, created_at, updated_at)"
		" SELECT 1 + abs(random()) % (SELECT count(*) FROM enterprises), 'Stilling ' || n,"
		"  (1 << s1) | (1 << s2), hmin, hmin + abs(random()) % (38 - hmin),"
		"  CASE WHEN flex = 0 THEN 16 ELSE (1 << t1) | (1 << t2) END,"
		"  abs(random()) % 10 = 0, CASE abs(random()) % 10 WHEN 0 THEN 5 WHEN 1 THEN 3 WHEN 2 THEN 2"
		"  WHEN 3 THEN 2 ELSE 1 END,"
		"  CASE abs(random()) % 20 WHEN 0 THEN 'closed' WHEN 1 THEN 'filled' WHEN 2 THEN 'filled' ELSE 'open' END,"
		"  strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || (abs(random()) % 180) || ' days'), '2025-01-01T00:00:00Z'"
		" FROM r");
	run(s, s ? db_bind_int(s, ":n", openings) : 0, "openings");
	s = db_prepare(db, "INSERT INTO opening_tasks (opening_id, task)"
	                   " SELECT o.id, t.key FROM openings o JOIN tasks t ON (abs(random()) + 0 * (o.id + t.position)) % 100 < 15");
	run(s, 0, "opening tasks");
	s = db_prepare(db, "INSERT INTO opening_adaptations (opening_id, adaptation)"
	                   " SELECT o.id, d.key FROM openings o JOIN adaptations d ON (abs(random()) + 0 * (o.id + d.position)) % 100 < 20");
	run(s, 0, "opening adaptations");
	/* a tenth in the big municipality, the rest over all 98 */
	s = db_prepare(db,
		"WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < :n - 1),"
		" k AS (SELECT kode, row_number() OVER (ORDER BY kode) - 1 AS i FROM kommuner),"
		" r AS MATERIALIZED (SELECT n, abs(random()) % 5 AS s1, abs(random()) % 5 AS s2, abs(random()) % 4 AS t1,"
		"  abs(random()) % 4 AS t2, abs(random()) % 5 AS flex, abs(random()) % 100 AS tr,"
		"  abs(random()) % 100 AS anon FROM seq)"
		" INSERT INTO citizens (kommune, name, schemes, hours_max, times, travel, consent_date,"
		"  consent_scope, created_at, updated_at, active_at, anonymized_at)"
		" SELECT CASE WHEN n < :n / 10 THEN :big ELSE k.kode END, CASE WHEN anon < 3 THEN '' ELSE 'Borger ' || n END,"
		"  (1 << s1) | CASE WHEN s2 < 2 THEN 1 << s2 ELSE 0 END, 10 + abs(random()) % 28,"
		"  CASE WHEN flex = 0 THEN 16 ELSE (1 << t1) | (1 << t2) END,"
		"  CASE WHEN tr < 50 THEN 'kommune' WHEN tr < 85 THEN 'region' ELSE 'alle' END,"
		"  CASE WHEN abs(random()) % 10 = 0 OR anon < 3 THEN NULL"
		"   ELSE date('now', '-' || (abs(random()) % 700) || ' days') END, 'matching',"
		"  '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z',"
		"  CASE WHEN anon < 3 THEN '2025-06-01T00:00:00Z' END"
		" FROM r JOIN k ON k.i = r.n % 98");
	run(s, s ? db_bind_int(s, ":n", citizens) | db_bind_text(s, ":big", BIG_KOMMUNE) : 0, "citizens");
	s = db_prepare(db, "INSERT INTO citizen_tasks (citizen_id, task)"
	                   " SELECT c.id, t.key FROM citizens c JOIN tasks t ON (abs(random()) + 0 * (c.id + t.position)) % 100 < 15"
	                   " WHERE c.anonymized_at IS NULL");
	run(s, 0, "citizen tasks");
	s = db_prepare(db, "INSERT INTO citizen_needs (citizen_id, adaptation)"
	                   " SELECT c.id, d.key FROM citizens c JOIN adaptations d ON (abs(random()) + 0 * (c.id + d.position)) % 100 < 6"
	                   " WHERE c.anonymized_at IS NULL");
	run(s, 0, "citizen needs");
	/* open placements at a fifth of the open openings: some full, some with seats left */
	s = db_prepare(db,
		"INSERT INTO placements (citizen_id, kommune, enterprise_id, opening_id, scheme, start,"
		" created_at, updated_at)"
		" SELECT c.id, c.kommune, o.enterprise_id, o.id, 'fleksjob', '2025-09-01', 'x', 'x'"
		" FROM openings o JOIN citizens c ON c.id = 1 + (o.id * 7919) % :citizens"
		" WHERE o.status = 'open' AND o.id % 5 = 0");
	run(s, s ? db_bind_int(s, ":citizens", citizens) : 0, "placements");
	if (db_commit(db) != 0)
		die("commit");
	fprintf(stderr, "bench/matching: filled in %.0f ms\n", now_ms() - t0);
}

/* ---------------------------------------------------------------- the samples */

static int64_t *sample(struct db *db, struct arena *a, int citizens_not_openings, int n)
{
	struct db_stmt *s = citizens_not_openings
		? db_prepare(db, "SELECT id FROM citizens WHERE anonymized_at IS NULL AND consent_date IS NOT NULL"
		                 " ORDER BY random() LIMIT :n")
		: db_prepare(db, "SELECT id FROM openings WHERE status = 'open' ORDER BY random() LIMIT :n");
	if (!s || db_bind_int(s, ":n", n))
		die("sample");
	int64_t *ids = arena_alloc(a, sizeof(*ids) * (size_t)n);
	int i = 0, rc;
	while ((rc = db_step(s)) == DB_ROW && i < n)
		ids[i++] = db_col_int(s, 0);
	db_done(s);
	if (i < n)
		die("too few rows to sample");
	return ids;
}

/* citizen id as matching_openings needs it (what citizens_get would give, without the CPR) */
static void load_citizen(struct db *db, struct arena *a, int64_t id, struct citizen *c)
{
	memset(c, 0, sizeof(*c));
	struct db_stmt *s = db_prepare(db, "SELECT kommune, schemes, hours_max, times, travel, consent_date"
	                                   " FROM citizens WHERE id = :id");
	if (!s || db_bind_int(s, ":id", id) || db_step(s) != DB_ROW)
		die("citizen");
	c->id = id;
	c->kommune = db_col_dup(a, s, 0);
	c->schemes = (int)db_col_int(s, 1);
	c->hours_max = (int)db_col_int(s, 2);
	c->times = (int)db_col_int(s, 3);
	c->travel = db_col_dup(a, s, 4);
	c->consent_date = db_col_dup(a, s, 5);
	db_done(s);
	s = db_prepare(db, "SELECT task FROM citizen_tasks WHERE citizen_id = :id");
	if (!s || db_bind_int(s, ":id", id))
		die("tasks");
	while (db_step(s) == DB_ROW && c->ntasks < CITIZEN_MAX_LIST)
		c->tasks[c->ntasks++] = db_col_dup(a, s, 0);
	db_done(s);
	s = db_prepare(db, "SELECT adaptation FROM citizen_needs WHERE citizen_id = :id");
	if (!s || db_bind_int(s, ":id", id))
		die("needs");
	while (db_step(s) == DB_ROW && c->nneeds < CITIZEN_MAX_LIST)
		c->needs[c->nneeds++] = db_col_dup(a, s, 0);
	db_done(s);
}

static int cmp_double(const void *x, const void *y)
{
	double p = *(const double *)x, q = *(const double *)y;
	return p < q ? -1 : p > q;
}

struct figures {
	double p50, p99, max;
};

/* nearest-rank percentiles of ms[0..n) (sorted in place) */
static struct figures summarize(double *ms, int n)
{
	qsort(ms, (size_t)n, sizeof(*ms), cmp_double);
	int i50 = (n * 50 + 99) / 100 - 1, i99 = (n * 99 + 99) / 100 - 1;
	return (struct figures){ms[i50], ms[i99], ms[n - 1]};
}

#define WARMUP 10

int main(int argc, char **argv)
{
	if (argc != 2 && argc != 5)
		die("usage: build/bench/matching DBFILE [OPENINGS CITIZENS CALLS]");
	int openings = argc == 5 ? (int)strtol(argv[2], NULL, 10) : 20000;
	int citizens = argc == 5 ? (int)strtol(argv[3], NULL, 10) : 100000;
	int calls = argc == 5 ? (int)strtol(argv[4], NULL, 10) : 200;
	if (openings < 100 || citizens < 1000 || calls < 10)
		die("too few openings, citizens or calls");
	if (access(argv[1], F_OK) == 0)
		die("the database file exists already");
	struct db *db;
	if (db_open(argv[1], &db) != 0 || db_migrate(db, NULL) != 0)
		die("cannot make the database");
	fill(db, openings, citizens);
	struct arena keep, a;
	arena_init(&keep, 0);
	arena_init(&a, 0);
	int64_t *cids = sample(db, &keep, 1, calls + WARMUP);
	int64_t *oids = sample(db, &keep, 0, calls + WARMUP);
	double *ms = arena_alloc(&keep, sizeof(*ms) * (size_t)calls);
	double *cpu = arena_alloc(&keep, sizeof(*cpu) * (size_t)calls);

	/* the openings for a citizen: the top 20, the municipality's weights looked up */
	for (int i = 0; i < calls + WARMUP; i++) {
		struct citizen c;
		load_citizen(db, &a, cids[i], &c);
		struct match *m;
		int n;
		double t0 = now_ms(), c0 = cpu_ms();
		if (matching_openings(db, &a, &c, NULL, 20, &m, &n) != 0 || n > 20)
			die("matching_openings");
		double t = now_ms() - t0, tc = cpu_ms() - c0;
		if (i >= WARMUP) {
			ms[i - WARMUP] = t;
			cpu[i - WARMUP] = tc;
		}
		arena_free(&a);
	}
	struct figures fo = summarize(ms, calls), fo_cpu = summarize(cpu, calls);

	/* the citizens of the biggest municipality for an opening, audited */
	const struct principal job = {.id = 1, .email = "job@aarhus.example", .role = ROLE_JOBKONSULENT,
	                              .kommune = BIG_KOMMUNE};
	int big = 0;
	citizens_count(db, BIG_KOMMUNE, &big);
	for (int i = 0; i < calls + WARMUP; i++) {
		struct citizen_match *m;
		int n;
		double t0 = now_ms(), c0 = cpu_ms();
		if (matching_citizens(db, &a, &job, oids[i], "matching", NULL, 20, &m, &n) != 0 || n > 20)
			die("matching_citizens");
		double t = now_ms() - t0, tc = cpu_ms() - c0;
		if (i >= WARMUP) {
			ms[i - WARMUP] = t;
			cpu[i - WARMUP] = tc;
		}
		arena_free(&a);
	}
	struct figures fc = summarize(ms, calls), fc_cpu = summarize(cpu, calls);

	printf("| Query | Searched | Calls | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |\n");
	printf("|---|---|---:|---:|---:|---:|---:|---:|\n");
	printf("| `matching_openings`: top 20 openings for a citizen | %d openings | %d | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
	       openings, calls, fo.p50, fo.p99, fo.max, fo_cpu.p50, fo_cpu.p99);
	printf("| `matching_citizens`: top 20 citizens for an opening, audited | %d active citizens of Aarhus (" BIG_KOMMUNE "), of %d in all | %d | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
	       big, citizens, calls, fc.p50, fc.p99, fc.max, fc_cpu.p50, fc_cpu.p99);
	arena_free(&a);
	arena_free(&keep);
	db_close(db);
	return 0;
}
