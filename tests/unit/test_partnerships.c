/*
 * test_partnerships.c — partnership agreements (src/collab/partnerships.h) against an in-memory
 * migrated database: the derived status and the action plan's progress and overdue count;
 * validation naming the field (missing title, end before start, an owner party of another
 * agreement, an unknown enterprise) with nothing written; who may create, read and change
 * (own and other municipality, national agreements, public ones for anyone); the signed PDF
 * by content and size; the home page's overdue items; reminders once per due date, to the
 * party's e-mail or else the responsible staff member.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/auth.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/collab/partnerships.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

#define DAY "2015-06-01"

/* the fixture's callers as users (an agreement records who is responsible), and two
 * enterprises of 621 (one with a contact e-mail) */
static void rows(struct db *db)
{
	assert_int_equal(EXEC_SQL(db, "INSERT INTO users (id, email, role, kommune, password_hash,"
	                              " created_at, updated_at) VALUES"
	                              " (9001, 'admin@x.example', 'admin', NULL, 'x', 't', 't'),"
	                              " (9002, 'kons621@x.example', 'konsulent', '621', 'x', 't', 't'),"
	                              " (9003, 'kons740@x.example', 'konsulent', '740', 'x', 't', 't'),"
	                              " (9004, 'job621@x.example', 'jobkonsulent', '621', 'x', 't', 't')"),
	                 0);
	assert_int_equal(EXEC_SQL(db, "INSERT INTO enterprises (id, name, kommune, contact_email,"
	                              " created_at, updated_at) VALUES"
	                              " (1, 'Soul Café', '621', 'cafe@x.example', 't', 't'),"
	                              " (2, 'Kantinen', '621', '', 't', 't')"),
	                 0);
}

/* an agreement of kommune by by with the municipality (if any), Soul Café and an organisation
 * as parties; its id, and the parties' ids in order into ids (kommune first) */
static int64_t agreement(struct fixture *f, const struct principal *by, const char *kommune,
                         bool is_public, int64_t ids[3])
{
	struct errs e = {0};
	struct partnership p = {.kommune = kommune, .title = "Partnerskab", .starts_on = "2015-05-01",
	                        .is_public = is_public};
	struct partnership_party ps[3] = {
		{.kind = PARTNERSHIPS_PARTY_KOMMUNE, .role = "Facilitator"},
		{.enterprise_id = 1, .role = "Viden"},
		{.name = "Foreningen", .email = "", .role = "Frivillige"},
	};
	int first = kommune ? 0 : 1;
	assert_int_equal(partnerships_create(f->db, &f->a, by, &p, ps + first, 3 - first, DAY, &e), 0);
	assert_true(p.id > 0);
	for (int i = 0; ids && i < 3; i++)
		ids[i] = i < first ? 0 : ps[i].id;
	return p.id;
}

static int64_t action(struct fixture *f, int64_t id, int64_t owner, const char *title,
                      const char *due, const char *status)
{
	struct errs e = {0};
	struct partnership_action x = {.title = title, .owner_party = owner, .due = due, .status = status};
	assert_int_equal(partnerships_action_add(f->db, &f->a, &fixture_kons621, id, &x, &e), 0);
	return x.id;
}

/* ---------------------------------------------------------------- pure rules */

static void test_status_and_progress(void **state)
{
	(void)state;
	assert_string_equal(partnerships_status("2015-05-01", NULL, "2015-04-30"), "kommende");
	assert_string_equal(partnerships_status("2015-05-01", NULL, "2015-05-01"), "aktiv");
	assert_string_equal(partnerships_status("2015-05-01", "", "2030-01-01"), "aktiv");
	assert_string_equal(partnerships_status("2015-05-01", "2016-04-30", "2016-04-30"), "aktiv");
	assert_string_equal(partnerships_status("2015-05-01", "2016-04-30", "2016-05-01"), "udløbet");
	struct partnership_action xs[] = {
		{.status = "done", .due = "2015-01-01"}, /* done: never overdue */
		{.status = "open", .due = "2015-05-31"}, /* overdue */
		{.status = "open", .due = "2015-06-01"}, /* due today: not yet overdue */
		{.status = "open", .due = NULL},         /* no due date */
		{.status = "open", .due = ""},
	};
	struct partnership_progress p = partnerships_progress_of(xs, 5, DAY);
	assert_int_equal(p.done, 1);
	assert_int_equal(p.total, 5);
	assert_int_equal(p.overdue, 1);
	p = partnerships_progress_of(NULL, 0, DAY);
	assert_int_equal(p.total, 0);
	assert_true(partnerships_kind_valid("brugsaftale"));
	assert_false(partnerships_kind_valid("Brugsaftale"));
	assert_false(partnerships_kind_valid(NULL));
}

/* ---------------------------------------------------------------- validation */

static void test_validation(void **state)
{
	struct fixture *f = *state;
	rows(f->db);
	struct errs e = {0};
	/* a missing title, end before start: ERR_INVALID naming the fields, nothing written */
	struct partnership p = {.kommune = "621", .title = "  ", .starts_on = "2016-01-01",
	                        .ends_on = "2015-12-31"};
	assert_int_equal(partnerships_create(f->db, &f->a, &fixture_kons621, &p, NULL, 0, DAY, &e),
	                 ERR_INVALID);
	assert_non_null(errs_get(&e, "title"));
	assert_non_null(errs_get(&e, "end"));
	assert_int_equal(p.id, 0);
	/* a start that is no date, an unknown kind, an unknown enterprise among the parties */
	e = (struct errs){0};
	struct partnership_party bad = {.enterprise_id = 99, .role = "x"};
	p = (struct partnership){.kommune = "621", .title = "T", .starts_on = "1. maj", .kind = "aftale"};
	assert_int_equal(partnerships_create(f->db, &f->a, &fixture_kons621, &p, &bad, 1, DAY, &e),
	                 ERR_INVALID);
	assert_non_null(errs_get(&e, "start"));
	assert_non_null(errs_get(&e, "kind"));
	assert_non_null(errs_get(&e, "parties"));
	/* a party of the municipality in a national agreement */
	e = (struct errs){0};
	struct partnership_party k = {.kind = PARTNERSHIPS_PARTY_KOMMUNE};
	p = (struct partnership){.title = "Landsdækkende", .starts_on = "2015-01-01"};
	assert_int_equal(partnerships_create(f->db, &f->a, &fixture_admin, &p, &k, 1, DAY, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "parties"));
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM partnerships"), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM partnership_parties"), 0);
	/* an owner party that belongs to another agreement */
	int64_t a1[3], a2[3];
	int64_t one = agreement(f, &fixture_kons621, "621", false, a1);
	agreement(f, &fixture_kons621, "621", false, a2);
	e = (struct errs){0};
	struct partnership_action x = {.title = "Gør noget", .owner_party = a2[1]};
	assert_int_equal(partnerships_action_add(f->db, &f->a, &fixture_kons621, one, &x, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "owner_party"));
	e = (struct errs){0};
	x = (struct partnership_action){.title = "", .owner_party = a1[1], .due = "i morgen", .status = "later"};
	assert_int_equal(partnerships_action_add(f->db, &f->a, &fixture_kons621, one, &x, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "title"));
	assert_non_null(errs_get(&e, "due"));
	assert_non_null(errs_get(&e, "status"));
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM partnership_actions"), 0);
	/* the municipality once; an e-mail must be an address */
	e = (struct errs){0};
	struct partnership_party again = {.kind = PARTNERSHIPS_PARTY_KOMMUNE};
	assert_int_equal(partnerships_party_add(f->db, &f->a, &fixture_kons621, one, &again, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "party"));
	e = (struct errs){0};
	struct partnership_party mail = {.name = "X", .email = "ikke en adresse"};
	assert_int_equal(partnerships_party_add(f->db, &f->a, &fixture_kons621, one, &mail, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "email"));
	/* an update keeps the municipality and checks the dates */
	struct partnership u;
	assert_int_equal(partnerships_get(f->db, &f->a, &fixture_kons621, one, DAY, &u), 0);
	u.ends_on = "2015-01-01";
	e = (struct errs){0};
	assert_int_equal(partnerships_update(f->db, &f->a, &fixture_kons621, &u, DAY, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "end"));
}

/* ---------------------------------------------------------------- access */

static void test_access(void **state)
{
	struct fixture *f = *state;
	rows(f->db);
	int64_t own = agreement(f, &fixture_kons621, "621", false, NULL);
	int64_t pub = agreement(f, &fixture_kons621, "621", true, NULL);
	int64_t nat = agreement(f, &fixture_admin, NULL, false, NULL);
	struct partnership p;
	/* reading: the municipality's staff; another's 403; the public and the enterprise 404
	 * unless public; national ones every staff member */
	static const struct {
		const struct principal *who;
		int own, pub, nat;
	} read[] = {
		{&fixture_admin, 0, 0, 0},
		{&fixture_kons621, 0, 0, 0},
		{&fixture_job621, 0, 0, 0},
		{&fixture_indk621, 0, 0, 0},
		{&fixture_kons740, ERR_FORBIDDEN, 0, 0},
		{&fixture_virk621, ERR_NOTFOUND, 0, ERR_NOTFOUND},
		{NULL, ERR_NOTFOUND, 0, ERR_NOTFOUND},
	};
	for (size_t i = 0; i < N_OF(read); i++) {
		assert_int_equal(partnerships_get(f->db, &f->a, read[i].who, own, DAY, &p), read[i].own);
		assert_int_equal(partnerships_get(f->db, &f->a, read[i].who, pub, DAY, &p), read[i].pub);
		assert_int_equal(partnerships_get(f->db, &f->a, read[i].who, nat, DAY, &p), read[i].nat);
	}
	assert_int_equal(partnerships_get(f->db, &f->a, &fixture_kons621, 999, DAY, &p), ERR_NOTFOUND);
	/* creating: konsulent and jobkonsulent for their own municipality, the administrator any
	 * and national ones */
	static const struct {
		const struct principal *who;
		const char *kommune;
		int want;
	} create[] = {
		{&fixture_kons621, "621", 0},          {&fixture_job621, "621", 0},
		{&fixture_indk621, "621", ERR_FORBIDDEN}, {&fixture_kons740, "621", ERR_FORBIDDEN},
		{&fixture_virk621, "621", ERR_FORBIDDEN}, {NULL, "621", ERR_FORBIDDEN},
		{&fixture_kons621, NULL, ERR_FORBIDDEN}, {&fixture_admin, "740", 0},
	};
	for (size_t i = 0; i < N_OF(create); i++) {
		struct errs e = {0};
		struct partnership c = {.kommune = create[i].kommune, .title = "T", .starts_on = "2015-01-01"};
		assert_int_equal(partnerships_create(f->db, &f->a, create[i].who, &c, NULL, 0, DAY, &e),
		                 create[i].want);
	}
	/* changing: another municipality 403 even on a public agreement; the buyer 403 */
	struct errs e = {0};
	struct partnership_member m = {.name = "Medlem"};
	assert_int_equal(partnerships_member_add(f->db, &f->a, &fixture_kons740, pub, &m, &e), ERR_FORBIDDEN);
	assert_int_equal(partnerships_member_add(f->db, &f->a, &fixture_indk621, own, &m, &e), ERR_FORBIDDEN);
	assert_int_equal(partnerships_member_add(f->db, &f->a, NULL, own, &m, &e), ERR_NOTFOUND);
	assert_int_equal(partnerships_member_add(f->db, &f->a, &fixture_kons621, nat, &m, &e), ERR_FORBIDDEN);
	/* lists: staff their own and national ones; everyone else the public ones */
	struct partnerships_query q = {.day = DAY, .limit = 50};
	struct partnership *items;
	int n, total;
	assert_int_equal(partnerships_list(f->db, &f->a, &fixture_kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 5); /* own, pub, nat, two made by the table above */
	assert_int_equal(partnerships_list(f->db, &f->a, &fixture_kons740, &q, &items, &n, &total), 0);
	assert_int_equal(total, 2); /* nat and the administrator's for 740 */
	assert_int_equal(partnerships_list(f->db, &f->a, NULL, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(items[0].id, pub);
	/* the public does not see e-mail addresses */
	struct partnership_party *ps;
	int np;
	e = (struct errs){0};
	struct partnership_party withmail = {.name = "Boligselskabet", .email = "bolig@x.example"};
	assert_int_equal(partnerships_party_add(f->db, &f->a, &fixture_kons621, pub, &withmail, &e), 0);
	assert_int_equal(partnerships_parties(f->db, &f->a, NULL, pub, &ps, &np), 0);
	for (int i = 0; i < np; i++)
		assert_string_equal(ps[i].email, "");
	assert_int_equal(partnerships_parties(f->db, &f->a, &fixture_indk621, pub, &ps, &np), 0);
	assert_string_equal(ps[np - 1].email, "bolig@x.example");
	/* status filter */
	q.status = "kommende";
	assert_int_equal(partnerships_list(f->db, &f->a, &fixture_admin, &q, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	q.status = "later";
	assert_int_equal(partnerships_list(f->db, &f->a, &fixture_admin, &q, &items, &n, &total), ERR_INVALID);
}

/* ---------------------------------------------------------------- the action plan */

static void test_progress_and_due(void **state)
{
	struct fixture *f = *state;
	rows(f->db);
	int64_t ids[3];
	int64_t id = agreement(f, &fixture_kons621, "621", false, ids);
	action(f, id, ids[0], "Analyse", "2015-03-01", "done");
	int64_t late = action(f, id, ids[1], "Bootcamp", "2015-05-01", "open");
	action(f, id, ids[2], "Kortlægning", "2016-01-01", "open");
	struct partnership p;
	assert_int_equal(partnerships_get(f->db, &f->a, &fixture_kons621, id, DAY, &p), 0);
	assert_int_equal(p.progress.done, 1);
	assert_int_equal(p.progress.total, 3);
	assert_int_equal(p.progress.overdue, 1);
	assert_int_equal(p.nparties, 3);
	struct partnerships_due_item *due;
	int n;
	assert_int_equal(partnerships_due(f->db, &f->a, &fixture_kons621, DAY, 10, &due, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(due[0].title, "Bootcamp");
	assert_string_equal(due[0].owner_name, "Soul Café");
	assert_int_equal(partnerships_due(f->db, &f->a, &fixture_kons740, DAY, 10, &due, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(partnerships_due(f->db, &f->a, NULL, DAY, 10, &due, &n), ERR_FORBIDDEN);
	/* done: done_at set, no longer overdue; open again: done_at cleared */
	struct partnership_action x;
	assert_int_equal(partnerships_action_get(f->db, &f->a, &fixture_kons621, id, late, DAY, &x), 0);
	assert_true(x.overdue);
	x.status = "done";
	struct errs e = {0};
	assert_int_equal(partnerships_action_update(f->db, &f->a, &fixture_kons621, id, &x, &e), 0);
	assert_int_equal(partnerships_action_get(f->db, &f->a, &fixture_kons621, id, late, DAY, &x), 0);
	assert_non_null(x.done_at);
	assert_false(x.overdue);
	x.status = "open";
	assert_int_equal(partnerships_action_update(f->db, &f->a, &fixture_kons621, id, &x, &e), 0);
	assert_int_equal(partnerships_action_get(f->db, &f->a, &fixture_kons621, id, late, DAY, &x), 0);
	assert_null(x.done_at);
	/* delete: audited, then gone */
	int64_t before = fixture_audit_count(f->db, "action_delete", "partnership");
	assert_int_equal(partnerships_action_delete(f->db, &f->a, &fixture_kons740, id, late), ERR_FORBIDDEN);
	assert_int_equal(partnerships_action_delete(f->db, &f->a, &fixture_kons621, id, late), 0);
	assert_int_equal(partnerships_action_delete(f->db, &f->a, &fixture_kons621, id, late), ERR_NOTFOUND);
	assert_int_equal(fixture_audit_count(f->db, "action_delete", "partnership"), before + 1);
	/* an item done before it was recorded keeps its date; a date that is none is refused */
	struct partnership_action old = {.title = "Bootcamp 2015", .owner_party = ids[0],
	                                 .status = "done", .done_at = "2015-10-01"};
	assert_int_equal(partnerships_action_add(f->db, &f->a, &fixture_kons621, id, &old, &e), 0);
	assert_int_equal(partnerships_action_get(f->db, &f->a, &fixture_kons621, id, old.id, DAY, &x), 0);
	assert_string_equal(x.done_at, "2015-10-01");
	old.done_at = "oktober";
	assert_int_equal(partnerships_action_add(f->db, &f->a, &fixture_kons621, id, &old, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "done_at"));
	e = (struct errs){0};
	/* the chair: one per group */
	struct partnership_member m1 = {.name = "Borgmesteren", .chair = true};
	struct partnership_member m2 = {.name = "Ny formand", .chair = true};
	assert_int_equal(partnerships_member_add(f->db, &f->a, &fixture_kons621, id, &m1, &e), 0);
	assert_int_equal(partnerships_member_add(f->db, &f->a, &fixture_kons621, id, &m2, &e), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM partnership_members WHERE chair = 1"), 1);
}

/* a party's contact, e-mail and role change (and an organisation's name), who it is does not;
 * a party is removed, unless it owns items of the action plan; both by who may write, audited */
static void test_party_update_delete(void **state)
{
	struct fixture *f = *state;
	rows(f->db);
	int64_t ids[3];
	int64_t id = agreement(f, &fixture_kons621, "621", false, ids);
	int64_t other = agreement(f, &fixture_kons621, "621", false, NULL);
	struct errs e = {0};
	/* the organisation: a new name, contact, e-mail and role */
	struct partnership_party x = {.id = ids[2], .name = "  Foreningen Frivillig Fredag ",
	                              .contact_name = "Ida", .email = "ida@x.example", .role = "Besøgsvenner"};
	assert_int_equal(partnerships_party_update(f->db, &f->a, &fixture_kons621, id, &x, &e), 0);
	assert_int_equal(e.n, 0);
	assert_string_equal(x.name, "Foreningen Frivillig Fredag");
	assert_string_equal(x.kind, PARTNERSHIPS_PARTY_ORGANISATION);
	assert_string_equal(x.contact_name, "Ida");
	assert_string_equal(x.email, "ida@x.example");
	assert_string_equal(x.role, "Besøgsvenner");
	assert_int_equal(fixture_audit_count(f->db, "party_update", "partnership"), 1);
	/* the enterprise keeps being Soul Café whatever name is sent; its e-mail may be given */
	x = (struct partnership_party){.id = ids[1], .name = "Noget andet", .email = "", .role = "Mentorer"};
	assert_int_equal(partnerships_party_update(f->db, &f->a, &fixture_kons621, id, &x, &e), 0);
	assert_string_equal(x.name, "Soul Café");
	assert_int_equal(x.enterprise_id, 1);
	assert_string_equal(x.email, "cafe@x.example"); /* none of its own: the enterprise's */
	assert_string_equal(x.role, "Mentorer");
	/* field errors, all at once, and nothing changed */
	x = (struct partnership_party){.id = ids[2], .name = " ", .email = "ikke en adresse", .role = ""};
	assert_int_equal(partnerships_party_update(f->db, &f->a, &fixture_kons621, id, &x, &e), ERR_INVALID);
	assert_non_null(errs_get(&e, "name"));
	assert_non_null(errs_get(&e, "email"));
	struct partnership_party *ps;
	int n;
	assert_int_equal(partnerships_parties(f->db, &f->a, &fixture_kons621, id, &ps, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(ps[2].name, "Foreningen Frivillig Fredag");
	assert_string_equal(ps[2].role, "Besøgsvenner");
	/* another agreement's party, another municipality's konsulent, a jobkonsulent */
	e = (struct errs){0};
	x = (struct partnership_party){.id = ids[2], .name = "X", .role = ""};
	assert_int_equal(partnerships_party_update(f->db, &f->a, &fixture_kons621, other, &x, &e), ERR_NOTFOUND);
	assert_int_equal(partnerships_party_update(f->db, &f->a, &fixture_kons740, id, &x, &e), ERR_FORBIDDEN);
	assert_int_equal(partnerships_party_update(f->db, &f->a, &fixture_indk621, id, &x, &e), ERR_FORBIDDEN);
	/* removal: refused while the party owns an item, with the reason at "party" */
	int64_t item = action(f, id, ids[2], "Kortlægning", "2016-01-01", "open");
	assert_int_equal(partnerships_party_delete(f->db, &f->a, &fixture_kons621, id, ids[2], &e), ERR_INVALID);
	assert_non_null(strstr(errs_get(&e, "party"), "ansvarlig for 1 punkt"));
	assert_int_equal(partnerships_action_delete(f->db, &f->a, &fixture_kons621, id, item), 0);
	e = (struct errs){0};
	assert_int_equal(partnerships_party_delete(f->db, &f->a, &fixture_kons740, id, ids[2], &e), ERR_FORBIDDEN);
	assert_int_equal(partnerships_party_delete(f->db, &f->a, &fixture_kons621, other, ids[2], &e), ERR_NOTFOUND);
	assert_int_equal(partnerships_party_delete(f->db, &f->a, &fixture_kons621, id, ids[2], &e), 0);
	assert_int_equal(partnerships_party_delete(f->db, &f->a, &fixture_kons621, id, ids[2], &e), ERR_NOTFOUND);
	assert_int_equal(fixture_audit_count(f->db, "party_delete", "partnership"), 1);
	assert_int_equal(partnerships_parties(f->db, &f->a, &fixture_kons621, id, &ps, &n), 0);
	assert_int_equal(n, 2);
	/* the municipality may be added again once removed */
	assert_int_equal(partnerships_party_delete(f->db, &f->a, &fixture_kons621, id, ids[0], &e), 0);
	struct partnership_party k = {.kind = PARTNERSHIPS_PARTY_KOMMUNE, .role = "Igen"};
	assert_int_equal(partnerships_party_add(f->db, &f->a, &fixture_kons621, id, &k, &e), 0);
}

static void test_reminders(void **state)
{
	struct fixture *f = *state;
	rows(f->db);
	int64_t ids[3];
	int64_t id = agreement(f, &fixture_kons621, "621", false, ids);
	action(f, id, ids[1], "Soul Cafés punkt", "2015-05-01", "open");   /* cafe@x.example */
	action(f, id, ids[0], "Kommunens punkt", "2015-05-02", "open");    /* the responsible user */
	action(f, id, ids[2], "Udført punkt", "2015-05-03", "done");       /* never reminded */
	action(f, id, ids[2], "Senere punkt", "2015-07-01", "open");       /* not due yet */
	int q, s;
	assert_int_equal(partnerships_remind(f->db, &f->a, DAY, &q, &s), 0);
	assert_int_equal(q, 2);
	assert_int_equal(s, 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'cafe@x.example'"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'kons621@x.example'"), 1);
	assert_int_equal(partnerships_remind(f->db, &f->a, DAY, &q, &s), 0);
	assert_int_equal(q, 0);
	/* the organisation without an e-mail, and the responsible user gone: counted as skipped */
	assert_int_equal(EXEC_SQL(f->db, "UPDATE users SET active = 0 WHERE id = 9002"), 0);
	assert_int_equal(partnerships_remind(f->db, &f->a, "2015-07-01", &q, &s), 0);
	assert_int_equal(q, 0);
	assert_int_equal(s, 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox"), 2);
}

/* ---------------------------------------------------------------- the signed PDF */

static void test_document(void **state)
{
	struct fixture *f = *state;
	rows(f->db);
	int64_t id = agreement(f, &fixture_kons621, "621", false, NULL);
	static const char good[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 1\n"
	                           "0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n";
	struct errs e = {0};
	assert_int_equal(partnerships_document_put(f->db, &f->a, &fixture_kons621, id, "MZ.pdf", "MZ\x90", 3, &e),
	                 ERR_INVALID);
	assert_non_null(errs_get(&e, "document"));
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM partnership_documents"), 0);
	e = (struct errs){0};
	assert_int_equal(partnerships_document_put(f->db, &f->a, &fixture_kons740, id, "a.pdf", good,
	                                           sizeof good - 1, &e), ERR_FORBIDDEN);
	assert_int_equal(partnerships_document_put(f->db, &f->a, &fixture_kons621, id, "../../a\".pdf", good,
	                                           sizeof good - 1, &e), 0);
	const void *data;
	size_t len;
	const char *name;
	assert_int_equal(partnerships_document_get(f->db, &f->a, &fixture_indk621, id, &data, &len, &name), 0);
	assert_int_equal(len, sizeof good - 1);
	assert_memory_equal(data, good, len);
	assert_string_equal(name, "a.pdf");
	assert_int_equal(partnerships_document_get(f->db, &f->a, NULL, id, &data, &len, &name), ERR_NOTFOUND);
	/* over 10 MB: ERR_TOOBIG, the stored one stays */
	size_t big = 10u * 1024u * 1024u + 1;
	char *huge = test_calloc(1, big);
	memcpy(huge, good, sizeof good - 1);
	e = (struct errs){0};
	assert_int_equal(partnerships_document_put(f->db, &f->a, &fixture_kons621, id, "b.pdf", huge, big, &e),
	                 ERR_TOOBIG);
	test_free(huge);
	assert_non_null(errs_get(&e, "document"));
	assert_int_equal(COUNT_SQL(f->db, "SELECT size FROM partnership_documents"), (int64_t)(sizeof good - 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_and_progress),
		cmocka_unit_test_setup_teardown(test_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_access, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_progress_and_due, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_party_update_delete, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_reminders, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_document, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
