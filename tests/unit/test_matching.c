/*
 * test_matching.c — matching citizens and openings: each hard rule excludes the opening that
 * breaks it and keeps the one that keeps it (scheme, hours, times of day with "fleksibel", each
 * needed adaptation, travel by municipality, region or anywhere, seats taken by open placements,
 * filled and closed openings, consent), the score's order and the reasons' Danish texts, a
 * municipality's weights changing the order, the weights' validation and access, and the
 * citizens of an opening: only the caller's municipality, never anonymized or without consent,
 * one audit line per citizen shown.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/access.h"
#include "src/auth/auth.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/employment/citizens.h"
#include "src/employment/employment.h"
#include "src/employment/matching.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

/* ---------------------------------------------------------------- rows */

/* enterprises: 1 Kolding (621, Syddanmark), 2 Odense (461, Syddanmark), 3 Silkeborg (740,
 * Midtjylland); 1 a SØV with the target group fleksjob, 2 and 3 companies */
static void add_enterprises(struct db *db)
{
	assert_int_equal(EXEC_SQL(db, "INSERT INTO enterprises (id, name, kommune, kind, created_at, updated_at) VALUES"
	                              " (1, 'Kolding Køkken', '621', 'soev', 'x', 'x'),"
	                              " (2, 'Odense Lager ApS', '461', 'company', 'x', 'x'),"
	                              " (3, 'Silkeborg Have A/S', '740', 'company', 'x', 'x')"), 0);
	assert_int_equal(EXEC_SQL(db, "INSERT INTO enterprise_targets (enterprise_id, target) VALUES"
	                              " (1, 'fleksjob'), (3, 'udsatte_ledige')"), 0);
}

struct op {
	int64_t enterprise;
	int schemes, hours_min, hours_max, times, seats;
	const char *status; /* NULL: open */
	int inhouse, age_days;
	const char *tasks[4], *adaptations[4];
};

static int64_t add_opening(struct db *db, const struct op *o)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO openings (enterprise_id, title, schemes, hours_min, hours_max, times, inhouse,"
		" seats, status, created_at, updated_at) VALUES (:e, 'Stilling', :schemes, :hmin, :hmax,"
		" :times, :inhouse, :seats, :status,"
		" strftime('%Y-%m-%dT%H:%M:%SZ', 'now', 'localtime', :ago), 'x')");
	assert_non_null(s);
	char ago[32];
	snprintf(ago, sizeof ago, "-%d days", o->age_days);
	assert_int_equal(db_run(s, db_bind_int(s, ":e", o->enterprise) | db_bind_int(s, ":schemes", o->schemes) |
	                               db_bind_int(s, ":hmin", o->hours_min ? o->hours_min : 10) |
	                               db_bind_int(s, ":hmax", o->hours_max ? o->hours_max : 30) |
	                               db_bind_int(s, ":times", o->times ? o->times : TIME_DAG) |
	                               db_bind_int(s, ":inhouse", o->inhouse) |
	                               db_bind_int(s, ":seats", o->seats ? o->seats : 1) |
	                               db_bind_text(s, ":status", o->status ? o->status : "open") |
	                               db_bind_text(s, ":ago", ago)),
	                 0);
	int64_t id = db_last_id(db);
	for (int i = 0; i < 4 && o->tasks[i]; i++) {
		s = db_prepare(db, "INSERT INTO opening_tasks (opening_id, task) VALUES (:id, :k)");
		assert_int_equal(db_run(s, db_bind_int(s, ":id", id) | db_bind_text(s, ":k", o->tasks[i])), 0);
	}
	for (int i = 0; i < 4 && o->adaptations[i]; i++) {
		s = db_prepare(db, "INSERT INTO opening_adaptations (opening_id, adaptation) VALUES (:id, :k)");
		assert_int_equal(db_run(s, db_bind_int(s, ":id", id) | db_bind_text(s, ":k", o->adaptations[i])), 0);
	}
	return id;
}

struct cz {
	const char *kommune, *name;
	int schemes, hours_max, times;
	const char *travel, *consent;
	bool anonymized;
	const char *tasks[4], *needs[4];
};

static int64_t add_citizen(struct db *db, const struct cz *c)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO citizens (kommune, name, schemes, hours_max, times, travel, consent_date,"
		" created_at, updated_at, active_at, anonymized_at)"
		" VALUES (:k, :name, :schemes, :hmax, :times, :travel, :consent, 'x', 'x', 'x', :anon)");
	assert_non_null(s);
	assert_int_equal(db_run(s, db_bind_text(s, ":k", c->kommune ? c->kommune : "621") |
	                               db_bind_text(s, ":name", c->name ? c->name : "Borger") |
	                               db_bind_int(s, ":schemes", c->schemes ? c->schemes : SCHEME_FLEKSJOB) |
	                               db_bind_int(s, ":hmax", c->hours_max ? c->hours_max : 20) |
	                               db_bind_int(s, ":times", c->times ? c->times : TIME_DAG) |
	                               db_bind_text(s, ":travel", c->travel ? c->travel : "kommune") |
	                               db_bind_text(s, ":consent", c->consent) |
	                               db_bind_text(s, ":anon", c->anonymized ? "2026-01-01T00:00:00Z" : NULL)),
	                 0);
	int64_t id = db_last_id(db);
	for (int i = 0; i < 4 && c->tasks[i]; i++) {
		s = db_prepare(db, "INSERT INTO citizen_tasks (citizen_id, task) VALUES (:id, :k)");
		assert_int_equal(db_run(s, db_bind_int(s, ":id", id) | db_bind_text(s, ":k", c->tasks[i])), 0);
	}
	for (int i = 0; i < 4 && c->needs[i]; i++) {
		s = db_prepare(db, "INSERT INTO citizen_needs (citizen_id, adaptation) VALUES (:id, :k)");
		assert_int_equal(db_run(s, db_bind_int(s, ":id", id) | db_bind_text(s, ":k", c->needs[i])), 0);
	}
	return id;
}

static void add_placement(struct db *db, int64_t citizen, int64_t opening, const char *end)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO placements (citizen_id, kommune, enterprise_id, opening_id, scheme, start, \"end\","
		" created_at, updated_at) SELECT :c, '621', enterprise_id, id, 'fleksjob', '2026-01-05', :end,"
		" 'x', 'x' FROM openings WHERE id = :o");
	assert_int_equal(db_run(s, db_bind_int(s, ":c", citizen) | db_bind_int(s, ":o", opening) |
	                               db_bind_text(s, ":end", end)),
	                 0);
}

/* a citizen of Kolding in fleksjob, 20 hours in the daytime, in her own municipality, who can
 * clean and cook, with consent */
static struct citizen kolding_citizen(void)
{
	struct citizen c = {.id = 1, .kommune = "621", .name = "Test Borger", .schemes = SCHEME_FLEKSJOB,
	                    .hours_max = 20, .times = TIME_DAG, .travel = "kommune",
	                    .consent_date = "2026-01-01", .consent_scope = "matching"};
	c.tasks[c.ntasks++] = "rengoering";
	c.tasks[c.ntasks++] = "koekken";
	return c;
}

static bool has(const struct match *m, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (m[i].opening_id == id)
			return true;
	return false;
}

/* the openings for c with the default weights */
static int openings_for(struct fixture *f, const struct citizen *c, struct match **m)
{
	int n = -1;
	struct match_weights w;
	matching_weights_default(&w);
	assert_int_equal(matching_openings(f->db, &f->a, c, &w, 100, m, &n), 0);
	return n;
}

/* ---------------------------------------------------------------- the hard rules */

static void test_rule_scheme(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	int64_t no = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_ORDINAER | SCHEME_PRAKTIK});
	int64_t yes = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_ORDINAER | SCHEME_FLEKSJOB});
	struct citizen c = kolding_citizen();
	struct match *m;
	int n = openings_for(f, &c, &m);
	assert_int_equal(n, 1);
	assert_true(has(m, n, yes));
	assert_false(has(m, n, no));
	/* a citizen visiteret to praktik too now fits both */
	c.schemes |= SCHEME_PRAKTIK;
	assert_int_equal(openings_for(f, &c, &m), 2);
}

static void test_rule_hours(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	int64_t no = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .hours_min = 21});
	int64_t edge = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .hours_min = 20});
	int64_t low = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .hours_min = 5,
	                                              .hours_max = 37});
	struct citizen c = kolding_citizen(); /* at most 20 hours */
	struct match *m;
	int n = openings_for(f, &c, &m);
	assert_int_equal(n, 2);
	assert_true(has(m, n, edge));
	assert_true(has(m, n, low));
	assert_false(has(m, n, no));
}

static void test_rule_times(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	int64_t evening = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .times = TIME_AFTEN});
	int64_t day = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB,
	                                              .times = TIME_MORGEN | TIME_DAG});
	int64_t flex = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .times = TIME_FLEKSIBEL});
	struct citizen c = kolding_citizen(); /* daytime */
	struct match *m;
	int n = openings_for(f, &c, &m);
	assert_int_equal(n, 2);
	assert_true(has(m, n, day));
	assert_true(has(m, n, flex)); /* fleksibel on the opening's side */
	assert_false(has(m, n, evening));
	/* fleksibel on the citizen's side overlaps the evening too */
	c.times = TIME_FLEKSIBEL;
	n = openings_for(f, &c, &m);
	assert_int_equal(n, 3);
	assert_true(has(m, n, evening));
	/* only the afternoon: only the opening that is fleksibel */
	c.times = TIME_EFTERMIDDAG;
	n = openings_for(f, &c, &m);
	assert_int_equal(n, 1);
	assert_true(has(m, n, flex));
}

static void test_rule_adaptations(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	int64_t none = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB});
	int64_t pick = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB,
	                                               .adaptations = {"henteordning"}});
	int64_t mentor = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB,
	                                                 .adaptations = {"fast_mentor", "rolige_omgivelser"}});
	int64_t both = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB,
	                                               .adaptations = {"fast_mentor", "henteordning", "tilpasset_tempo"}});
	struct citizen c = kolding_citizen();
	struct match *m;
	/* no needs: every opening */
	assert_int_equal(openings_for(f, &c, &m), 4);
	/* each needed adaptation on its own excludes the openings without it */
	c.needs[c.nneeds++] = "henteordning";
	int n = openings_for(f, &c, &m);
	assert_int_equal(n, 2);
	assert_true(has(m, n, pick) && has(m, n, both));
	c.nneeds = 0;
	c.needs[c.nneeds++] = "fast_mentor";
	n = openings_for(f, &c, &m);
	assert_int_equal(n, 2);
	assert_true(has(m, n, mentor) && has(m, n, both));
	/* both needed: only the opening with both, a need named twice counting once */
	c.needs[c.nneeds++] = "henteordning";
	c.needs[c.nneeds++] = "fast_mentor";
	n = openings_for(f, &c, &m);
	assert_int_equal(n, 1);
	assert_true(has(m, n, both));
	assert_false(has(m, n, none));
}

static void test_rule_travel(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	int64_t kolding = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB});
	int64_t odense = add_opening(f->db, &(struct op){.enterprise = 2, .schemes = SCHEME_FLEKSJOB});
	int64_t silkeborg = add_opening(f->db, &(struct op){.enterprise = 3, .schemes = SCHEME_FLEKSJOB});
	struct citizen c = kolding_citizen();
	struct match *m;
	int n = openings_for(f, &c, &m);
	assert_int_equal(n, 1);
	assert_true(has(m, n, kolding));
	c.travel = "region"; /* Syddanmark: Kolding and Odense */
	n = openings_for(f, &c, &m);
	assert_int_equal(n, 2);
	assert_true(has(m, n, kolding) && has(m, n, odense));
	assert_false(has(m, n, silkeborg));
	c.travel = "alle";
	n = openings_for(f, &c, &m);
	assert_int_equal(n, 3);
	/* the home municipality and its name come with each match */
	for (int i = 0; i < n; i++)
		if (m[i].opening_id == silkeborg) {
			assert_string_equal(m[i].kommune, "740");
			assert_string_equal(m[i].kommune_navn, "Silkeborg");
			assert_string_equal(m[i].enterprise_name, "Silkeborg Have A/S");
		}
}

static void test_rule_seats(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	int64_t full = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .seats = 2});
	int64_t freed = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .seats = 2});
	int64_t p1 = add_citizen(f->db, &(struct cz){.name = "A"});
	int64_t p2 = add_citizen(f->db, &(struct cz){.name = "B"});
	add_placement(f->db, p1, full, NULL);
	add_placement(f->db, p2, full, "2999-12-31"); /* ends some day, but holds its seat until then */
	add_placement(f->db, p1, freed, NULL);
	add_placement(f->db, p2, freed, "2026-02-01"); /* ended: the seat is free again */
	struct citizen c = kolding_citizen();
	struct match *m;
	int n = openings_for(f, &c, &m);
	assert_int_equal(n, 1);
	assert_true(has(m, n, freed));
	assert_false(has(m, n, full));
	assert_int_equal(m[0].reasons[0].points > 0, 1);
	bool seat_text = false;
	for (int i = 0; i < m[0].nreasons; i++)
		if (!strcmp(m[0].reasons[i].factor, "seats"))
			seat_text = !strcmp(m[0].reasons[i].text, "1 ledig plads");
	assert_true(seat_text);
}

static void test_rule_status(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	int64_t open = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB});
	add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .status = "filled"});
	add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .status = "closed"});
	struct citizen c = kolding_citizen();
	struct match *m;
	int n = openings_for(f, &c, &m);
	assert_int_equal(n, 1);
	assert_true(has(m, n, open));
}

static void test_rule_consent(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB});
	struct citizen c = kolding_citizen();
	c.consent_date = NULL;
	struct match *m = (struct match *)&c;
	int n = -1;
	assert_int_equal(matching_openings(f->db, &f->a, &c, NULL, 20, &m, &n), ERR_CONFLICT);
	assert_null(m);
	assert_int_equal(n, 0);
	c.consent_date = "";
	assert_int_equal(matching_openings(f->db, &f->a, &c, NULL, 20, &m, &n), ERR_CONFLICT);
	c = kolding_citizen();
	c.anonymized = true;
	assert_int_equal(matching_openings(f->db, &f->a, &c, NULL, 20, &m, &n), ERR_CONFLICT);
	/* with consent, and the municipality's (default) weights */
	c = kolding_citizen();
	assert_int_equal(matching_openings(f->db, &f->a, &c, NULL, 20, &m, &n), 0);
	assert_int_equal(n, 1);
	assert_true(strlen(MATCHING_NO_CONSENT) > 10);
}

/* ---------------------------------------------------------------- the score */

static const struct match_reason *reason(const struct match *m, const char *factor)
{
	for (int i = 0; i < m->nreasons; i++)
		if (!strcmp(m->reasons[i].factor, factor))
			return &m->reasons[i];
	return NULL;
}

static void check_reasons_add_up(const struct match_reason *r, int n, int score)
{
	int sum = 0;
	for (int i = 0; i < n; i++) {
		assert_true(r[i].points > 0);
		assert_non_null(r[i].text);
		if (i)
			assert_true(r[i - 1].points >= r[i].points);
		sum += r[i].points;
	}
	assert_int_equal(sum, score);
}

static void test_score_order_and_reasons(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	/* a SØV with fleksjob as target group, 2 of 3 tasks, pick-up, 3 seats, new */
	int64_t best = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .seats = 3,
	                                               .tasks = {"rengoering", "koekken", "lager"},
	                                               .adaptations = {"fast_mentor", "henteordning"}});
	/* a company, no task of hers, old */
	int64_t worst = add_opening(f->db, &(struct op){.enterprise = 2, .schemes = SCHEME_FLEKSJOB, .age_days = 200,
	                                                .tasks = {"it"}, .adaptations = {"fast_mentor"}});
	/* a company, no tasks named, newer */
	int64_t mid = add_opening(f->db, &(struct op){.enterprise = 2, .schemes = SCHEME_FLEKSJOB, .age_days = 12,
	                                              .adaptations = {"fast_mentor"}});
	struct citizen c = kolding_citizen();
	c.travel = "region";
	c.needs[c.nneeds++] = "fast_mentor";
	struct match *m;
	int n = openings_for(f, &c, &m);
	assert_int_equal(n, 3);
	assert_int_equal(m[0].opening_id, best);
	assert_int_equal(m[1].opening_id, mid);
	assert_int_equal(m[2].opening_id, worst);
	assert_true(m[0].score > m[1].score && m[1].score > m[2].score);
	assert_true(m[0].score <= 100 && m[2].score >= 0);
	for (int i = 0; i < n; i++)
		check_reasons_add_up(m[i].reasons, m[i].nreasons, m[i].score);
	assert_string_equal(reason(&m[0], "tasks")->text, "2 af 3 opgaver passer");
	assert_string_equal(reason(&m[0], "targets")->text, "Virksomheden har erfaring med fleksjob");
	assert_string_equal(reason(&m[0], "soev")->text, "Socialøkonomisk virksomhed");
	/* the need first, then the rest in the list's order, lower case in the sentence */
	assert_string_equal(reason(&m[0], "adaptations")->text, "Tilbyder fast mentor og henteordning");
	assert_string_equal(reason(&m[1], "adaptations")->text, "Tilbyder fast mentor");
	assert_string_equal(reason(&m[0], "seats")->text, "3 ledige pladser");
	assert_string_equal(reason(&m[0], "recency")->text, "Oprettet i dag");
	assert_null(reason(&m[0], "inhouse"));
	assert_string_equal(reason(&m[1], "recency")->text, "Oprettet for 12 dage siden");
	assert_null(reason(&m[1], "soev"));
	assert_null(reason(&m[1], "targets"));
	assert_null(reason(&m[2], "recency")); /* older than 90 days */
	assert_null(reason(&m[2], "tasks"));   /* 0 of 1 */
	assert_string_equal(m[0].title, "Stilling");
	assert_string_equal(m[0].enterprise_name, "Kolding Køkken");
	assert_int_equal(m[0].enterprise_id, 1);
	/* the limit takes the best */
	struct match_weights w;
	matching_weights_default(&w);
	assert_int_equal(matching_openings(f->db, &f->a, &c, &w, 1, &m, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].opening_id, best);
}

static void test_score_ties_newest_first(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	int64_t first = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .age_days = 3});
	int64_t second = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .age_days = 3});
	struct citizen c = kolding_citizen();
	struct match *m;
	int n = openings_for(f, &c, &m);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].score, m[1].score);
	assert_int_equal(m[0].opening_id, second);
	assert_int_equal(m[1].opening_id, first);
}

/* a number 0..999 from the linear congruential sequence in *x (the same every run) */
static int next_rand(unsigned *x)
{
	*x = *x * 1103515245u + 12345u;
	return (int)((*x >> 16) % 1000);
}

/* the ranking reads the tasks and adaptations of only the openings that could still enter the
 * top: whatever the weights, the top 5 must be the first 5 of all */
static void test_score_pruning_same_as_all(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	static const char *const tasks[] = {"rengoering", "koekken", "lager", "it", "butik", "have"};
	static const char *const adapts[] = {"henteordning", "fast_mentor", "rolige_omgivelser", "korte_dage"};
	unsigned x = 12345;
	for (int i = 0; i < 160; i++) {
		struct op o = {0};
		o.enterprise = 1 + next_rand(&x) % 3;
		o.schemes = SCHEME_FLEKSJOB | (next_rand(&x) % 2 ? SCHEME_PRAKTIK : 0);
		o.seats = 1 + next_rand(&x) % 6;
		o.inhouse = next_rand(&x) % 4 == 0;
		o.age_days = next_rand(&x) % 120;
		for (int k = 0, t = 0; k < 6; k++)
			if (next_rand(&x) % 3 == 0)
				o.tasks[t < 4 ? t++ : 3] = tasks[k];
		for (int k = 0, t = 0; k < 4; k++)
			if (next_rand(&x) % 3 == 0)
				o.adaptations[t++] = adapts[k];
		add_opening(f->db, &o);
	}
	struct citizen c = kolding_citizen();
	c.travel = "alle";
	c.schemes |= SCHEME_PRAKTIK;
	c.tasks[c.ntasks++] = "it";
	struct match_weights ws[4];
	matching_weights_default(&ws[0]);
	memset(&ws[1], 0, sizeof ws[1]);
	ws[1].points[MATCH_TASKS] = 100;
	memset(&ws[2], 0, sizeof ws[2]);
	ws[2].points[MATCH_ADAPTATIONS] = 100;
	ws[2].points[MATCH_RECENCY] = 1;
	matching_weights_default(&ws[3]);
	ws[3].points[MATCH_SEATS] = 100;
	for (size_t k = 0; k < N_OF(ws); k++) {
		struct match *all, *top;
		int nall, ntop;
		assert_int_equal(matching_openings(f->db, &f->a, &c, &ws[k], 500, &all, &nall), 0);
		assert_int_equal(matching_openings(f->db, &f->a, &c, &ws[k], 5, &top, &ntop), 0);
		assert_true(nall > 50);
		assert_int_equal(ntop, 5);
		for (int i = 0; i < ntop; i++) {
			if (top[i].opening_id != all[i].opening_id || top[i].score != all[i].score)
				fail_msg("weights %zu, place %d: %lld (%d) instead of %lld (%d)", k, i,
				         (long long)top[i].opening_id, top[i].score, (long long)all[i].opening_id, all[i].score);
			if (i)
				assert_true(all[i - 1].score >= all[i].score);
		}
	}
}

static void test_score_parts(void **state)
{
	struct fixture *f = *state;
	struct match_weights w;
	matching_weights_default(&w);
	int sum = 0;
	for (int i = 0; i < MATCH_FACTOR_COUNT; i++)
		sum += w.points[i];
	assert_int_equal(sum, 100);
	struct match_reason r[MATCH_FACTOR_COUNT];
	int n;
	/* everything in full: 100, a reason for each factor */
	struct match_facts all = {.tasks_total = 2, .tasks_matched = 2, .target_groups = 1, .soev = true,
	                          .needs_met = 2, .seats_left = 9, .inhouse = true, .age_days = 0,
	                          .adaptations_text = "henteordning"};
	assert_int_equal(matching_score(&f->a, &all, &w, r, &n), 100);
	assert_int_equal(n, MATCH_FACTOR_COUNT);
	check_reasons_add_up(r, n, 100);
	assert_string_equal(r[0].factor, "tasks");
	assert_int_equal(r[0].points, 30);
	/* nothing: 0 and no reason */
	struct match_facts none = {.age_days = 400};
	assert_int_equal(matching_score(&f->a, &none, &w, r, &n), 0);
	assert_int_equal(n, 0);
	/* thirds: the reasons still add up to the score */
	struct match_facts thirds = {.tasks_total = 3, .tasks_matched = 1, .seats_left = 1, .age_days = 30,
	                             .extras = 1, .target_groups = 4};
	int score = matching_score(&f->a, &thirds, &w, r, &n);
	check_reasons_add_up(r, n, score);
	/* 10 + 15 + 3.75 + 2 + 10 = 40.75 */
	assert_int_equal(score, 41);
	const char *targets = NULL;
	for (int i = 0; i < n; i++)
		if (!strcmp(r[i].factor, "targets"))
			targets = r[i].text;
	assert_string_equal(targets, "Virksomheden har erfaring med udsatte ledige");
	/* only the score, without texts */
	assert_int_equal(matching_score(NULL, &thirds, &w, NULL, &n), 41);
	/* every weight 0: every score 0 */
	struct match_weights zero = {0};
	assert_int_equal(matching_score(&f->a, &all, &zero, r, &n), 0);
	assert_int_equal(n, 0);
	/* weights that do not sum to 100 are normalised */
	struct match_weights half = w;
	for (int i = 0; i < MATCH_FACTOR_COUNT; i++)
		half.points[i] = w.points[i] * 2;
	assert_int_equal(matching_score(&f->a, &thirds, &half, r, &n), 41);
}

/* ---------------------------------------------------------------- weights */

static void test_weights_change_order(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	/* tasks that fit, no Inhouse group */
	int64_t tasks = add_opening(f->db, &(struct op){.enterprise = 2, .schemes = SCHEME_FLEKSJOB,
	                                                .tasks = {"rengoering"}});
	/* an Inhouse group, no task that fits */
	int64_t inhouse = add_opening(f->db, &(struct op){.enterprise = 2, .schemes = SCHEME_FLEKSJOB, .inhouse = 1,
	                                                  .tasks = {"it"}});
	struct citizen c = kolding_citizen();
	c.travel = "alle";
	struct match *m;
	int n;
	assert_int_equal(matching_openings(f->db, &f->a, &c, NULL, 20, &m, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].opening_id, tasks);
	/* Kolding cares for Inhouse groups, not tasks */
	struct match_weights w;
	assert_int_equal(matching_weights_get(f->db, "621", &w), 0);
	assert_false(w.custom);
	w.points[MATCH_TASKS] = 0;
	w.points[MATCH_INHOUSE] = 100;
	struct errs errs = {0};
	assert_int_equal(matching_weights_set(f->db, &fixture_kons621, "621", &w, &errs), 0);
	assert_int_equal(matching_openings(f->db, &f->a, &c, NULL, 20, &m, &n), 0);
	assert_int_equal(m[0].opening_id, inhouse);
	assert_string_equal(m[0].reasons[0].factor, "inhouse");
	assert_string_equal(m[0].reasons[0].text, "Inhouse-gruppe");
	/* Silkeborg's citizens still rank by the defaults */
	c.kommune = "740";
	assert_int_equal(matching_openings(f->db, &f->a, &c, NULL, 20, &m, &n), 0);
	assert_int_equal(m[0].opening_id, tasks);
}

static void test_weights_set_get_reset(void **state)
{
	struct fixture *f = *state;
	struct match_weights w, got;
	matching_weights_default(&w);
	w.points[MATCH_SOEV] = 0;
	w.points[MATCH_SEATS] = 100;
	struct errs errs = {0};
	assert_int_equal(matching_weights_set(f->db, &fixture_job621, "621", &w, &errs), 0);
	assert_int_equal(matching_weights_get(f->db, "621", &got), 0);
	assert_true(got.custom);
	assert_int_equal(got.points[MATCH_SOEV], 0);
	assert_int_equal(got.points[MATCH_SEATS], 100);
	assert_int_equal(got.points[MATCH_TASKS], 30);
	assert_int_equal(fixture_audit_count(f->db, "update", "match_weights"), 1);
	assert_non_null(strstr(fixture_last_audit_detail(f->db, &f->a), "\"seats\":100"));
	/* a factor stored by another version is ignored */
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO match_weights (kommune, factor, points) VALUES ('621', 'distance', 50)"), 0);
	assert_int_equal(matching_weights_get(f->db, "621", &got), 0);
	assert_int_equal(got.points[MATCH_SEATS], 100);
	/* the administrator may too, for any municipality */
	assert_int_equal(matching_weights_set(f->db, &fixture_admin, "740", &w, &errs), 0);
	/* back to the defaults */
	assert_int_equal(matching_weights_reset(f->db, &fixture_kons621, "621"), 0);
	assert_int_equal(matching_weights_get(f->db, "621", &got), 0);
	assert_false(got.custom);
	assert_int_equal(got.points[MATCH_SEATS], 10);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM match_weights WHERE kommune = '621'"), 0);
	assert_int_equal(fixture_audit_count(f->db, "reset", "match_weights"), 1);
	/* an unknown municipality */
	assert_int_equal(matching_weights_get(f->db, "999", &got), ERR_NOTFOUND);
	assert_int_equal(matching_weights_set(f->db, &fixture_admin, "999", &w, &errs), ERR_NOTFOUND);
}

static void test_weights_validation(void **state)
{
	struct fixture *f = *state;
	struct match_weights w;
	matching_weights_default(&w);
	w.points[MATCH_TASKS] = 101;
	w.points[MATCH_RECENCY] = -1;
	struct errs errs = {0};
	assert_int_equal(matching_weights_set(f->db, &fixture_kons621, "621", &w, &errs), ERR_INVALID);
	assert_int_equal(errs.n, 2);
	assert_string_equal(errs.e[0].field, "tasks");
	assert_string_equal(errs.e[1].field, "recency");
	assert_non_null(errs_get(&errs, "tasks"));
	assert_null(errs_get(&errs, "soev"));
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM match_weights"), 0);
	/* the edges are fine */
	w.points[MATCH_TASKS] = 100;
	w.points[MATCH_RECENCY] = 0;
	errs.n = 0;
	assert_int_equal(matching_weights_set(f->db, &fixture_kons621, "621", &w, &errs), 0);
	assert_int_equal(matching_factor_parse("recency"), MATCH_RECENCY);
	assert_int_equal(matching_factor_parse("nope"), -1);
	assert_int_equal(matching_factor_parse(NULL), -1);
}

static void test_weights_access(void **state)
{
	struct fixture *f = *state;
	struct match_weights w;
	matching_weights_default(&w);
	struct errs errs = {0};
	static const struct {
		const struct principal *who;
		const char *kommune;
		int want;
	} cases[] = {
		{&fixture_admin, "621", 0},
		{&fixture_admin, NULL, 0}, /* the menu: admin may for some municipality */
		{&fixture_kons621, "621", 0},
		{&fixture_job621, "621", 0},
		{&fixture_kons740, "621", ERR_FORBIDDEN},
		{&fixture_kons621, "740", ERR_FORBIDDEN},
		{&fixture_job621, "740", ERR_FORBIDDEN},
		{&fixture_indk621, "621", ERR_FORBIDDEN},
		{&fixture_virk621, "621", ERR_FORBIDDEN},
		{&fixture_kons_none, "621", ERR_FORBIDDEN},
		{NULL, "621", ERR_FORBIDDEN},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		if (access_match_settings(cases[i].who, cases[i].kommune) != cases[i].want)
			fail_msg("case %zu: access_match_settings", i);
		if (!cases[i].kommune)
			continue;
		int rc = matching_weights_set(f->db, cases[i].who, cases[i].kommune, &w, &errs);
		if (rc != cases[i].want)
			fail_msg("case %zu: matching_weights_set gave %d", i, rc);
		rc = matching_weights_reset(f->db, cases[i].who, cases[i].kommune);
		if (rc != cases[i].want)
			fail_msg("case %zu: matching_weights_reset gave %d", i, rc);
	}
}

/* ---------------------------------------------------------------- citizens for an opening */

static bool has_citizen(const struct citizen_match *m, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (m[i].citizen_id == id)
			return true;
	return false;
}

static void test_citizens_for_opening(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	int64_t op = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB | SCHEME_PRAKTIK,
	                                             .hours_min = 15, .tasks = {"rengoering", "koekken"},
	                                             .adaptations = {"henteordning"}});
	const char *ok = "2026-01-01";
	int64_t good = add_citizen(f->db, &(struct cz){.name = "Anna", .consent = ok, .tasks = {"rengoering", "koekken"},
	                                               .needs = {"henteordning"}});
	int64_t fair = add_citizen(f->db, &(struct cz){.name = "Bo", .consent = ok, .schemes = SCHEME_PRAKTIK});
	int64_t other = add_citizen(f->db, &(struct cz){.kommune = "740", .name = "Carl", .consent = ok, .travel = "alle",
	                                                .tasks = {"rengoering", "koekken"}});
	int64_t anon = add_citizen(f->db, &(struct cz){.name = "", .consent = ok, .anonymized = true});
	int64_t nocons = add_citizen(f->db, &(struct cz){.name = "Dorte"});
	int64_t scheme = add_citizen(f->db, &(struct cz){.name = "Erik", .consent = ok, .schemes = SCHEME_ORDINAER});
	int64_t hours = add_citizen(f->db, &(struct cz){.name = "Frida", .consent = ok, .hours_max = 10});
	int64_t times = add_citizen(f->db, &(struct cz){.name = "Gorm", .consent = ok, .times = TIME_AFTEN});
	int64_t needs = add_citizen(f->db, &(struct cz){.name = "Hanne", .consent = ok, .needs = {"henteordning", "fast_mentor"}});
	int64_t flexible = add_citizen(f->db, &(struct cz){.name = "Ib", .consent = ok, .times = TIME_FLEKSIBEL});
	int64_t twin = add_citizen(f->db, &(struct cz){.name = "Bodil", .consent = ok, .schemes = SCHEME_PRAKTIK});
	struct citizen_match *m;
	int n = -1;
	assert_int_equal(matching_citizens(f->db, &f->a, &fixture_job621, op, "matching", NULL, 20, &m, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(m[0].citizen_id, good);
	assert_string_equal(m[0].name, "Anna");
	assert_true(has_citizen(m, n, fair) && has_citizen(m, n, flexible));
	int64_t excluded[] = {other, anon, nocons, scheme, hours, times, needs};
	for (size_t i = 0; i < N_OF(excluded); i++)
		if (has_citizen(m, n, excluded[i]))
			fail_msg("citizen %lld should not fit", (long long)excluded[i]);
	/* Ib in fleksjob, the enterprise's target group, before Bo and Bodil in praktik, who tie:
	 * the one registered first comes first */
	assert_int_equal(m[1].citizen_id, flexible);
	assert_int_equal(m[2].citizen_id, fair);
	assert_int_equal(m[3].citizen_id, twin);
	assert_true(m[1].score > m[2].score);
	assert_int_equal(m[2].score, m[3].score);
	check_reasons_add_up(m[0].reasons, m[0].nreasons, m[0].score);
	const char *tasks = NULL, *adapt = NULL;
	for (int i = 0; i < m[0].nreasons; i++) {
		if (!strcmp(m[0].reasons[i].factor, "tasks"))
			tasks = m[0].reasons[i].text;
		if (!strcmp(m[0].reasons[i].factor, "adaptations"))
			adapt = m[0].reasons[i].text;
	}
	assert_string_equal(tasks, "2 af 2 opgaver passer");
	assert_string_equal(adapt, "Tilbyder henteordning");
	/* one audit line per citizen shown, with the purpose, and one for the search */
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM audit WHERE action = 'read' AND entity = 'citizen'"
	                                  " AND kommune = '621' AND detail LIKE '%\"purpose\":\"matching\"%'"), 4);
	assert_int_equal(fixture_audit_count(f->db, "match", "opening"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM audit WHERE entity = 'citizen' AND entity_id IN"
	                                  " (SELECT CAST(id AS TEXT) FROM citizens WHERE name IN ('Carl', 'Dorte', 'Erik'))"), 0);
	/* the limit: only the best is shown, and only it is audited */
	assert_int_equal(matching_citizens(f->db, &f->a, &fixture_job621, op, "opfoelgning", NULL, 1, &m, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].citizen_id, good);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM audit WHERE action = 'read' AND entity = 'citizen'"
	                                  " AND detail LIKE '%opfoelgning%'"), 1);
}

static void test_citizens_rules(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	int64_t op = add_opening(f->db, &(struct op){.enterprise = 3, .schemes = SCHEME_FLEKSJOB, .seats = 1});
	int64_t closed = add_opening(f->db, &(struct op){.enterprise = 1, .schemes = SCHEME_FLEKSJOB, .status = "closed"});
	const char *ok = "2026-01-01";
	int64_t home = add_citizen(f->db, &(struct cz){.name = "Hjemme", .consent = ok});
	int64_t region = add_citizen(f->db, &(struct cz){.name = "Region", .consent = ok, .travel = "region"});
	int64_t all = add_citizen(f->db, &(struct cz){.name = "Alle", .consent = ok, .travel = "alle"});
	struct citizen_match *m;
	int n = -1;
	/* an opening in Silkeborg: only Kolding's citizen who travels anywhere */
	assert_int_equal(matching_citizens(f->db, &f->a, &fixture_job621, op, "matching", NULL, 20, &m, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].citizen_id, all);
	assert_false(has_citizen(m, n, home) || has_citizen(m, n, region));
	/* its one seat taken: nobody, and the search is still on the record */
	add_placement(f->db, home, op, NULL);
	assert_int_equal(matching_citizens(f->db, &f->a, &fixture_job621, op, "matching", NULL, 20, &m, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(fixture_audit_count(f->db, "match", "opening"), 2);
	/* a closed opening: nobody */
	assert_int_equal(matching_citizens(f->db, &f->a, &fixture_job621, closed, "matching", NULL, 20, &m, &n), 0);
	assert_int_equal(n, 0);
	/* who may: only the jobkonsulent of the citizens' municipality */
	const struct principal *no[] = {&fixture_admin, &fixture_kons621, &fixture_indk621, &fixture_virk621,
	                                &fixture_kons_none, NULL};
	for (size_t i = 0; i < N_OF(no); i++)
		assert_int_equal(matching_citizens(f->db, &f->a, no[i], op, "matching", NULL, 20, &m, &n), ERR_FORBIDDEN);
	/* a jobkonsulent of Silkeborg sees Silkeborg's citizens, not Kolding's */
	const struct principal job740 = {.id = 9100, .email = "job@silkeborg.dk", .role = ROLE_JOBKONSULENT,
	                                 .kommune = "740"};
	int64_t silk = add_citizen(f->db, &(struct cz){.kommune = "740", .name = "Silke", .consent = ok});
	assert_int_equal(EXEC_SQL(f->db, "UPDATE placements SET \"end\" = '2026-03-01'"), 0);
	assert_int_equal(matching_citizens(f->db, &f->a, &job740, op, "matching", NULL, 20, &m, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].citizen_id, silk);
	/* purpose and opening */
	assert_int_equal(matching_citizens(f->db, &f->a, &fixture_job621, op, NULL, NULL, 20, &m, &n), ERR_INVALID);
	assert_int_equal(matching_citizens(f->db, &f->a, &fixture_job621, op, "nysgerrighed", NULL, 20, &m, &n),
	                 ERR_INVALID);
	assert_int_equal(matching_citizens(f->db, &f->a, &fixture_job621, 99999, "matching", NULL, 20, &m, &n),
	                 ERR_NOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rule_scheme, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_rule_hours, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_rule_times, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_rule_adaptations, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_rule_travel, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_rule_seats, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_rule_status, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_rule_consent, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_score_order_and_reasons, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_score_ties_newest_first, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_score_pruning_same_as_all, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_score_parts, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_weights_change_order, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_weights_set_get_reset, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_weights_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_weights_access, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_citizens_for_opening, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_citizens_rules, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
