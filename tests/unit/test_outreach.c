/*
 * test_outreach.c — contacts with enterprises, leads and support plans (src/outreach/) against an
 * in-memory migrated database: who may log and see contacts (own municipality, one the
 * enterprise works with, read-only indkøber, nobody else), validation with the field named, the
 * reminders of follow-ups and milestones sent once, the stage history of leads and the registry
 * entry `etableret` creates (origin and dates) or links, nothing half-written on a refusal, and
 * the survival table against hand-made enterprises with closed dates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/auth.h"
#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/outreach/contacts.h"
#include "src/outreach/leads.h"
#include "src/outreach/support.h"
#include "src/registry/registry.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

#define TODAY "2026-06-15"

/* real users (the contacts and leads name them by foreign key) as principals */
struct people {
	struct principal kons621, job621, indk621, kons740, admin, virk621;
};

static void people(struct fixture *f, struct people *p)
{
	p->kons621 = fixture_kons621;
	p->kons621.id = fixture_add_user(f->db, fixture_kons621.email, "konsulent", "621", true);
	p->job621 = fixture_job621;
	p->job621.id = fixture_add_user(f->db, fixture_job621.email, "jobkonsulent", "621", true);
	p->indk621 = fixture_indk621;
	p->indk621.id = fixture_add_user(f->db, fixture_indk621.email, "indkoeber", "621", true);
	p->kons740 = fixture_kons740;
	p->kons740.id = fixture_add_user(f->db, fixture_kons740.email, "konsulent", "740", true);
	p->admin = fixture_admin;
	p->admin.id = fixture_add_user(f->db, fixture_admin.email, "admin", NULL, true);
	p->virk621 = fixture_virk621;
}

static int64_t add_enterprise(struct fixture *f, const char *name, const char *kommune,
                              const char *other, const char *established, const char *closed,
                              const char *kind)
{
	struct enterprise e = {.name = name, .kommune = kommune, .established = established,
	                       .closed = closed, .kind = kind};
	if (other) {
		e.others[0] = other;
		e.nothers = 1;
	}
	struct errs errs = {0};
	int rc = registry_save(f->db, &f->a, &users_cli, &e, &errs);
	if (rc)
		fail_msg("save %s: %d %s", name, rc, errs.n ? errs.e[0].message : "");
	return e.id;
}

static struct outreach_contact contact(int64_t enterprise)
{
	return (struct outreach_contact){.enterprise_id = enterprise, .date = "2026-06-01",
	                                 .kind = "besoeg", .topic = "Besøg om fleksjob",
	                                 .notes = "Noter", .follow_up = "2026-06-20"};
}

/* ---------------------------------------------------------------- contacts */

static void test_contacts_access(void **state)
{
	struct fixture *f = *state;
	struct people p;
	people(f, &p);
	int64_t soul = add_enterprise(f, "Soul Café", "621", NULL, NULL, NULL, NULL);
	int64_t shared = add_enterprise(f, "BOAS", "740", "621", NULL, NULL, NULL);
	struct errs errs = {0};
	struct outreach_contact c = contact(soul);
	assert_int_equal(contacts_create(f->db, &f->a, &p.kons621, &c, TODAY, &errs), 0);
	assert_true(c.id > 0);
	assert_string_equal(c.kommune, "621");
	assert_string_equal(c.user_email, fixture_kons621.email);
	assert_int_equal(fixture_audit_count(f->db, "create", "outreach_contact"), 1);
	/* another municipality, the read-only indkøber, an enterprise's account, anonymous */
	const struct principal *refused[] = {&p.kons740, &p.indk621, &p.virk621, NULL};
	for (size_t i = 0; i < N_OF(refused); i++) {
		struct outreach_contact x = contact(soul);
		struct errs e = {0};
		assert_int_equal(contacts_create(f->db, &f->a, refused[i], &x, TODAY, &e), ERR_FORBIDDEN);
		assert_int_equal(x.id, 0);
	}
	/* the jobkonsulent writes; an enterprise that does not exist */
	c = contact(soul);
	assert_int_equal(contacts_create(f->db, &f->a, &p.job621, &c, TODAY, &errs), 0);
	c = contact(soul + 1000);
	assert_int_equal(contacts_create(f->db, &f->a, &p.kons621, &c, TODAY, &errs), ERR_NOTFOUND);
	/* an enterprise of 740 that works with 621: both log, each sees its own */
	c = contact(shared);
	assert_int_equal(contacts_create(f->db, &f->a, &p.kons621, &c, TODAY, &errs), 0);
	c = contact(shared);
	c.topic = "Silkeborgs besøg";
	assert_int_equal(contacts_create(f->db, &f->a, &p.kons740, &c, TODAY, &errs), 0);
	assert_string_equal(c.kommune, "740");
	struct outreach_contact *items;
	int n;
	assert_int_equal(contacts_of_enterprise(f->db, &f->a, &p.kons621, shared, &items, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].kommune, "621");
	assert_int_equal(contacts_of_enterprise(f->db, &f->a, &p.kons740, shared, &items, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].topic, "Silkeborgs besøg");
	assert_int_equal(contacts_of_enterprise(f->db, &f->a, &p.admin, shared, &items, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(contacts_of_enterprise(f->db, &f->a, &p.indk621, soul, &items, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(contacts_of_enterprise(f->db, &f->a, &p.kons740, soul, &items, &n), ERR_FORBIDDEN);
	assert_int_equal(contacts_of_enterprise(f->db, &f->a, &p.virk621, soul, &items, &n), ERR_FORBIDDEN);
	assert_int_equal(contacts_of_enterprise(f->db, &f->a, NULL, soul, &items, &n), ERR_FORBIDDEN);
	/* the list is bound to the caller's municipality */
	struct contacts_query q = {.limit = 50};
	int total;
	assert_int_equal(contacts_list(f->db, &f->a, &p.kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 3);
	q.kommune = "740";
	assert_int_equal(contacts_list(f->db, &f->a, &p.kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	q.kommune = NULL;
	assert_int_equal(contacts_list(f->db, &f->a, &p.admin, &q, &items, &n, &total), 0);
	assert_int_equal(total, 4);
	assert_int_equal(contacts_list(f->db, &f->a, &p.virk621, &q, &items, &n, &total), ERR_FORBIDDEN);
	/* filters: kind and follow-ups due */
	q.kind = "telefon";
	assert_int_equal(contacts_list(f->db, &f->a, &p.kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	q.kind = NULL;
	q.due = "2026-06-19";
	assert_int_equal(contacts_list(f->db, &f->a, &p.kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	q.due = "2026-06-20";
	assert_int_equal(contacts_list(f->db, &f->a, &p.kons621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 3);
}

static void test_contacts_validation(void **state)
{
	struct fixture *f = *state;
	struct people p;
	people(f, &p);
	int64_t soul = add_enterprise(f, "Soul Café", "621", NULL, NULL, NULL, NULL);
	static const struct {
		const char *date, *kind, *topic, *follow_up, *field;
	} cases[] = {
		{NULL, "besoeg", "Emne", NULL, "date"},
		{"2026-02-30", "besoeg", "Emne", NULL, "date"},
		{"2026-07-01", "besoeg", "Emne", NULL, "date"}, /* after today */
		{"2026-06-01", "fax", "Emne", NULL, "kind"},
		{"2026-06-01", NULL, "Emne", NULL, "kind"},
		{"2026-06-01", "mail", "   ", NULL, "topic"},
		{"2026-06-01", "mail", "Emne", "snart", "follow_up"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct outreach_contact c = {.enterprise_id = soul, .date = cases[i].date,
		                             .kind = cases[i].kind, .topic = cases[i].topic,
		                             .follow_up = cases[i].follow_up};
		struct errs errs = {0};
		assert_int_equal(contacts_create(f->db, &f->a, &p.kons621, &c, TODAY, &errs), ERR_INVALID);
		if (!errs_get(&errs, cases[i].field))
			fail_msg("case %zu: no error on %s (first: %s)", i, cases[i].field,
			         errs.n ? errs.e[0].field : "none");
	}
	/* the access check comes before validation */
	struct outreach_contact c = {.enterprise_id = soul};
	struct errs errs = {0};
	assert_int_equal(contacts_create(f->db, &f->a, &p.kons740, &c, TODAY, &errs), ERR_FORBIDDEN);
	assert_int_equal(errs.n, 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outreach_contacts"), 0);
	/* an empty follow-up is none */
	c = contact(soul);
	c.follow_up = " ";
	assert_int_equal(contacts_create(f->db, &f->a, &p.kons621, &c, TODAY, &errs), 0);
	assert_null(c.follow_up);
}

static void test_contacts_remind_once(void **state)
{
	struct fixture *f = *state;
	struct people p;
	people(f, &p);
	int64_t soul = add_enterprise(f, "Soul Café", "621", NULL, NULL, NULL, NULL);
	struct errs errs = {0};
	struct outreach_contact c = contact(soul);
	assert_int_equal(contacts_create(f->db, &f->a, &p.kons621, &c, TODAY, &errs), 0);
	c = contact(soul);
	c.follow_up = NULL;
	assert_int_equal(contacts_create(f->db, &f->a, &p.kons621, &c, TODAY, &errs), 0);
	int queued, waiting;
	assert_int_equal(contacts_remind(f->db, &f->a, "2026-06-19", &queued, &waiting), 0);
	assert_int_equal(queued, 0);
	assert_int_equal(contacts_remind(f->db, &f->a, "2026-06-20", &queued, &waiting), 0);
	assert_int_equal(queued, 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'konsulent@kolding.dk'"), 1);
	assert_int_equal(contacts_remind(f->db, &f->a, "2026-06-25", &queued, &waiting), 0);
	assert_int_equal(queued, 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox"), 1);
	assert_int_equal(fixture_audit_count(f->db, "remind", "outreach_contact"), 1);
	/* a user disabled since: the reminder waits */
	c = contact(soul);
	c.follow_up = "2026-06-21";
	assert_int_equal(contacts_create(f->db, &f->a, &p.job621, &c, TODAY, &errs), 0);
	assert_int_equal(EXEC_SQL(f->db, "UPDATE users SET active = 0 WHERE email = 'job@kolding.dk'"), 0);
	assert_int_equal(contacts_remind(f->db, &f->a, "2026-06-25", &queued, &waiting), 0);
	assert_int_equal(queued, 0);
	assert_int_equal(waiting, 1);
	assert_int_equal(contacts_remind(f->db, &f->a, "ikke-en-dato", &queued, &waiting), ERR_INVALID);
}

/* ---------------------------------------------------------------- leads */

static int64_t new_lead(struct fixture *f, const struct principal *by, const char *origin,
                        const char *stage, const char *date)
{
	struct lead_change ch = {.title = "Genbrugsværksted", .origin = origin, .stage = stage,
	                         .stage_date = date};
	struct errs errs = {0};
	struct outreach_lead l;
	int rc = leads_create(f->db, &f->a, by, "621", &ch, TODAY, &errs, &l);
	if (rc)
		fail_msg("lead: %d %s", rc, errs.n ? errs.e[0].message : "");
	return l.id;
}

static void move(struct fixture *f, const struct principal *by, int64_t id, const char *stage,
                 const char *date, int want)
{
	struct lead_change ch = {.stage = stage, .stage_date = date};
	struct errs errs = {0};
	struct outreach_lead l;
	int rc = leads_update(f->db, &f->a, by, id, &ch, TODAY, &errs, &l);
	if (rc != want)
		fail_msg("move %lld to %s: %d, expected %d (%s)", (long long)id, stage, rc, want,
		         errs.n ? errs.e[0].message : "");
}

static void test_leads_establish_creates_entry(void **state)
{
	struct fixture *f = *state;
	struct people p;
	people(f, &p);
	int64_t id = new_lead(f, &p.kons621, "company_spinoff", NULL, "2026-01-05");
	move(f, &p.kons621, id, "dialog", "2026-02-01", 0);
	move(f, &p.job621, id, "forberedelse", "2026-03-01", 0);
	/* before the current stage's date, after today, unknown */
	move(f, &p.kons621, id, "etableret", "2026-02-15", ERR_INVALID);
	move(f, &p.kons621, id, "etableret", "2026-07-01", ERR_INVALID);
	move(f, &p.kons621, id, "lukket", NULL, ERR_INVALID);
	/* another municipality, the indkøber */
	move(f, &p.kons740, id, "etableret", "2026-04-01", ERR_FORBIDDEN);
	move(f, &p.indk621, id, "etableret", "2026-04-01", ERR_FORBIDDEN);
	/* the jobkonsulent may not write the registry: nothing of the move is kept */
	move(f, &p.job621, id, "etableret", "2026-04-01", ERR_FORBIDDEN);
	struct outreach_lead l;
	assert_int_equal(leads_get(f->db, &f->a, &p.indk621, id, &l), 0);
	assert_string_equal(l.stage, "forberedelse");
	assert_int_equal(l.nhistory, 3);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM enterprises"), 0);
	move(f, &p.kons621, id, "etableret", "2026-04-01", 0);
	assert_int_equal(leads_get(f->db, &f->a, &p.kons621, id, &l), 0);
	assert_string_equal(l.stage, "etableret");
	assert_string_equal(l.stage_since, "2026-04-01");
	assert_int_equal(l.nhistory, 4);
	assert_string_equal(l.history[0].stage, "ide");
	assert_string_equal(l.history[0].date, "2026-01-05");
	assert_string_equal(l.history[3].date, "2026-04-01");
	assert_true(l.enterprise_id > 0);
	struct enterprise e;
	assert_int_equal(registry_get(f->db, &f->a, l.enterprise_id, &e), 0);
	assert_string_equal(e.name, "Genbrugsværksted");
	assert_string_equal(e.kommune, "621");
	assert_string_equal(e.kind, "soev");
	assert_string_equal(e.origin, "company_spinoff");
	assert_string_equal(e.pipeline_since, "2026-02-01");
	assert_string_equal(e.established, "2026-04-01");
	/* moving on and back does not make a second entry */
	move(f, &p.kons621, id, "opgivet", "2026-05-01", 0);
	move(f, &p.kons621, id, "etableret", "2026-05-02", 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM enterprises"), 1);
	/* a local idea becomes an association; straight to etableret has no pipeline date */
	int64_t idea = new_lead(f, &p.kons621, "local_idea", "etableret", "2026-06-01");
	assert_int_equal(leads_get(f->db, &f->a, &p.kons621, idea, &l), 0);
	assert_int_equal(registry_get(f->db, &f->a, l.enterprise_id, &e), 0);
	assert_string_equal(e.origin, "association");
	assert_null(e.pipeline_since);
	assert_string_equal(leads_registry_origin("existing_outside"), "existing_outside");
	assert_string_equal(leads_registry_origin("kommune_spinoff"), "kommune_spinoff");
	assert_null(leads_registry_origin("x"));
}

static void test_leads_link_and_validation(void **state)
{
	struct fixture *f = *state;
	struct people p;
	people(f, &p);
	int64_t boas = add_enterprise(f, "BOAS", "740", "621", "2013-12-22", NULL, NULL);
	int64_t id = new_lead(f, &p.kons621, "existing_outside", "dialog", "2026-01-05");
	/* an entry that does not exist: nothing moves */
	struct lead_change ch = {.stage = "etableret", .has_enterprise = true, .enterprise_id = boas + 99};
	struct errs errs = {0};
	struct outreach_lead l;
	assert_int_equal(leads_update(f->db, &f->a, &p.kons621, id, &ch, TODAY, &errs, &l), ERR_INVALID);
	assert_non_null(errs_get(&errs, "enterprise_id"));
	assert_int_equal(leads_get(f->db, &f->a, &p.kons621, id, &l), 0);
	assert_string_equal(l.stage, "dialog");
	/* linked: the registry keeps its own entry, no new one */
	ch.enterprise_id = boas;
	errs = (struct errs){0};
	assert_int_equal(leads_update(f->db, &f->a, &p.kons621, id, &ch, TODAY, &errs, &l), 0);
	assert_int_equal(l.enterprise_id, boas);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM enterprises"), 1);
	/* creating: the municipality first, then access, then the fields */
	struct lead_change bad = {.title = "", .origin = "nej"};
	errs = (struct errs){0};
	assert_int_equal(leads_create(f->db, &f->a, &p.kons621, "999", &bad, TODAY, &errs, &l), ERR_INVALID);
	assert_non_null(errs_get(&errs, "kommune"));
	errs = (struct errs){0};
	assert_int_equal(leads_create(f->db, &f->a, &p.kons740, "621", &bad, TODAY, &errs, &l), ERR_FORBIDDEN);
	assert_int_equal(errs.n, 0);
	assert_int_equal(leads_create(f->db, &f->a, &p.indk621, "621", &bad, TODAY, &errs, &l), ERR_FORBIDDEN);
	assert_int_equal(leads_create(f->db, &f->a, &p.virk621, "621", &bad, TODAY, &errs, &l), ERR_FORBIDDEN);
	assert_int_equal(leads_create(f->db, &f->a, &p.kons621, "621", &bad, TODAY, &errs, &l), ERR_INVALID);
	assert_non_null(errs_get(&errs, "title"));
	assert_non_null(errs_get(&errs, "origin"));
	/* an owner of another municipality */
	struct lead_change own = {.title = "X", .origin = "local_idea", .has_owner = true,
	                          .owner_id = p.kons740.id};
	errs = (struct errs){0};
	assert_int_equal(leads_create(f->db, &f->a, &p.kons621, "621", &own, TODAY, &errs, &l), ERR_INVALID);
	assert_non_null(errs_get(&errs, "owner_id"));
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outreach_leads"), 1);
	/* the list: own municipality; the administrator's all */
	struct leads_query q = {.limit = 10};
	struct outreach_lead *items;
	int n, total;
	assert_int_equal(leads_list(f->db, &f->a, &p.kons740, &q, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	assert_int_equal(leads_list(f->db, &f->a, &p.indk621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(leads_list(f->db, &f->a, &p.virk621, &q, &items, &n, &total), ERR_FORBIDDEN);
	assert_int_equal(leads_get(f->db, &f->a, &p.kons740, id, &l), ERR_FORBIDDEN);
	assert_int_equal(leads_days_between("2026-02-27", "2026-03-02"), 3);
	assert_int_equal(leads_days_between("2024-02-28", "2024-03-01"), 2);
}

/* ---------------------------------------------------------------- support plans */

static void test_survival(void **state)
{
	struct fixture *f = *state;
	struct people p;
	people(f, &p);
	add_enterprise(f, "Åben", "621", NULL, "2020-03-01", NULL, NULL);
	add_enterprise(f, "Lukket første år", "621", NULL, "2020-06-01", "2020-12-01", NULL);
	add_enterprise(f, "Lukket tredje år", "621", NULL, "2020-01-01", "2022-06-01", NULL);
	add_enterprise(f, "Ung", "621", NULL, "2025-06-01", NULL, NULL);
	add_enterprise(f, "Firma", "621", NULL, "2020-01-01", NULL, "company");
	add_enterprise(f, "Silkeborg", "740", NULL, "2020-01-01", NULL, NULL);
	add_enterprise(f, "På vej", "621", NULL, NULL, NULL, NULL);
	struct survival_row *rows;
	int n;
	assert_int_equal(support_survival(f->db, &f->a, &p.kons621, NULL, "2026-01-01", &rows, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].cohort, 2020);
	assert_int_equal(rows[0].count, 3);
	int eligible[3] = {3, 3, 3}, survived[3] = {2, 2, 1};
	for (int y = 0; y < 3; y++) {
		assert_int_equal(rows[0].eligible[y], eligible[y]);
		assert_int_equal(rows[0].survived[y], survived[y]);
	}
	assert_int_equal(rows[1].cohort, 2025);
	assert_int_equal(rows[1].count, 1);
	assert_int_equal(rows[1].eligible[0], 0);
	/* the administrator sees both municipalities; the enterprise's account nothing */
	assert_int_equal(support_survival(f->db, &f->a, &p.admin, NULL, "2026-01-01", &rows, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(support_survival(f->db, &f->a, &p.virk621, NULL, "2026-01-01", &rows, &n),
	                 ERR_FORBIDDEN);
}

static void test_plan(void **state)
{
	struct fixture *f = *state;
	struct people p;
	people(f, &p);
	int64_t young = add_enterprise(f, "Allehånde", "621", NULL, "2026-03-01", NULL, NULL);
	struct support_plan plan;
	assert_int_equal(support_plan_get(f->db, &f->a, &p.kons621, young, &plan), 0);
	assert_int_equal(plan.id, 0);
	struct plan_item items[SUPPORT_ITEMS] = {{0}};
	items[0] = (struct plan_item){true, "Socialt formål"};
	items[5] = (struct plan_item){true, "Budget for to år"};
	struct errs errs = {0};
	assert_int_equal(support_plan_save_items(f->db, &f->a, &p.indk621, young, items, &errs), ERR_FORBIDDEN);
	assert_int_equal(support_plan_save_items(f->db, &f->a, &p.kons740, young, items, &errs), ERR_FORBIDDEN);
	assert_int_equal(support_plan_save_items(f->db, &f->a, &p.job621, young, items, &errs), 0);
	assert_int_equal(support_plan_get(f->db, &f->a, &p.indk621, young, &plan), 0);
	assert_true(plan.id > 0);
	assert_true(plan.items[0].done);
	assert_string_equal(plan.items[5].note, "Budget for to år");
	assert_false(plan.items[1].done);
	assert_int_equal(support_plan_get(f->db, &f->a, &p.kons740, young, &plan), ERR_FORBIDDEN);
	/* a note too long names its item */
	char longnote[2100];
	memset(longnote, 'x', sizeof(longnote) - 1);
	longnote[sizeof(longnote) - 1] = 0;
	items[2].note = longnote;
	assert_int_equal(support_plan_save_items(f->db, &f->a, &p.kons621, young, items, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "note_crit_reinvests"));
	/* milestones: validation, done, reminded once */
	int64_t mid;
	errs = (struct errs){0};
	assert_int_equal(support_milestone_add(f->db, &f->a, &p.kons621, young, "", "snart", 0, &errs, &mid),
	                 ERR_INVALID);
	assert_non_null(errs_get(&errs, "title"));
	assert_non_null(errs_get(&errs, "due"));
	errs = (struct errs){0};
	assert_int_equal(support_milestone_add(f->db, &f->a, &p.kons621, young, "CVR-nummer", "2026-07-01",
	                                       0, &errs, &mid), 0);
	int64_t done;
	assert_int_equal(support_milestone_add(f->db, &f->a, &p.kons621, young, "Budget", "2026-06-01",
	                                       0, &errs, &done), 0);
	assert_int_equal(support_milestone_set_done(f->db, &f->a, &p.kons621, young, done, true), 0);
	assert_int_equal(support_milestone_set_done(f->db, &f->a, &p.indk621, young, done, false), ERR_FORBIDDEN);
	assert_int_equal(support_milestone_set_done(f->db, &f->a, &p.kons621, young, mid + 99, true), ERR_NOTFOUND);
	int queued, waiting;
	assert_int_equal(support_remind(f->db, &f->a, "2026-06-30", &queued, &waiting), 0);
	assert_int_equal(queued, 0); /* the done one is not reminded */
	assert_int_equal(support_remind(f->db, &f->a, "2026-07-01", &queued, &waiting), 0);
	assert_int_equal(queued, 1);
	assert_int_equal(support_remind(f->db, &f->a, "2026-07-02", &queued, &waiting), 0);
	assert_int_equal(queued, 0);
	assert_int_equal(support_plan_get(f->db, &f->a, &p.kons621, young, &plan), 0);
	assert_int_equal(plan.nmilestones, 2);
	assert_string_equal(plan.milestones[0].title, "Budget");
	assert_non_null(plan.milestones[0].done_at);
	struct plan_summary *list;
	int n;
	assert_int_equal(support_plans_list(f->db, &f->a, &p.kons621, NULL, &list, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].done, 2);
	assert_int_equal(list[0].open_milestones, 1);
	assert_int_equal(support_plans_list(f->db, &f->a, &p.kons740, NULL, &list, &n), 0);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_contacts_access, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_contacts_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_contacts_remind_once, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_leads_establish_creates_entry, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_leads_link_and_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_survival, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_plan, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
