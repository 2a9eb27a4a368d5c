/*
 * leads.c — the rules of leads: validation, the stage history, the link to (or creation of) the
 * registry entry at `etableret`, and the lists. Layer: capability domain (outreach); the SQL is
 * in leads_store.c, the access decision in auth/access.c, the registry entry is written through
 * registry.h inside the lead's transaction, so a lead and its entry are saved together or not.
 */
#include "leads.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../store/db.h"
#include "leads_store.h"

const struct option_kv leads_origins[] = {
	{"company_spinoff", "Afknopning fra en virksomhed"},
	{"kommune_spinoff", "Afknopning fra kommunen"},
	{"existing_outside", "Virksomhed udefra, der kan åbne her"},
	{"local_idea", "Lokal idé (lokalråd, ildsjæle)"},
};
const int leads_origins_count = sizeof(leads_origins) / sizeof(leads_origins[0]);

const struct option_kv leads_stages[] = {
	{"ide", "Idé"},
	{"dialog", "Dialog"},
	{"forberedelse", "Forberedelse"},
	{"etableret", "Etableret"},
	{"opgivet", "Opgivet"},
};
const int leads_stages_count = sizeof(leads_stages) / sizeof(leads_stages[0]);

const char *leads_registry_origin(const char *origin)
{
	if (!origin)
		return NULL;
	if (!strcmp(origin, "company_spinoff") || !strcmp(origin, "kommune_spinoff") ||
	    !strcmp(origin, "existing_outside"))
		return origin;
	if (!strcmp(origin, "local_idea"))
		return "association";
	return NULL;
}

/* days since 1970-01-01 of a valid YYYY-MM-DD (the civil-from-days inverse) */
static long days_of(const char *d)
{
	long y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
	long m = (d[5] - '0') * 10 + (d[6] - '0');
	long day = (d[8] - '0') * 10 + (d[9] - '0');
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int leads_days_between(const char *from, const char *to)
{
	if (!from || !to || !text_date_valid(from) || !text_date_valid(to))
		return 0;
	return (int)(days_of(to) - days_of(from));
}

static bool in_opts(const struct option_kv *o, int n, const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (!strcmp(o[i].key, key))
			return true;
	return false;
}

/* trimmed s, NULL when empty or NULL */
static const char *opt_null(struct arena *a, const char *s)
{
	const char *t = s ? text_trim(a, s) : NULL;
	return t && *t ? t : NULL;
}

/* a text field of at most max characters */
static void set_text(struct arena *a, const char **field, const char *value, const char *name,
                     size_t max, struct errs *errs)
{
	if (!value)
		return;
	*field = text_trim(a, value);
	if (utf8_len(*field) > max)
		errs_add(errs, name, arena_printf(a, "Feltet må højst være på %zu tegn.", max));
}

/* ch's fields over l, checked (not the stage) */
static void apply_fields(struct db *db, struct arena *a, struct outreach_lead *l,
                         const struct lead_change *ch, struct errs *errs)
{
	set_text(a, &l->title, ch->title, "title", 300, errs);
	if (!l->title || !*l->title)
		errs_add(errs, "title", "Skriv en titel på leadet.");
	set_text(a, &l->description, ch->description, "description", 10000, errs);
	if (ch->origin)
		l->origin = text_trim(a, ch->origin);
	if (!in_opts(leads_origins, leads_origins_count, l->origin))
		errs_add(errs, "origin", "Vælg oprindelsen: company_spinoff, kommune_spinoff, "
		                         "existing_outside eller local_idea.");
	set_text(a, &l->behind, ch->behind, "behind", 300, errs);
	set_text(a, &l->next_step, ch->next_step, "next_step", 500, errs);
	if (ch->next_step_date) {
		l->next_step_date = opt_null(a, ch->next_step_date);
		if (l->next_step_date && !text_date_valid(l->next_step_date))
			errs_add(errs, "next_step_date", "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-01.");
	}
	if (ch->has_owner) {
		const char *k = NULL;
		l->owner_id = ch->owner_id > 0 ? ch->owner_id : 0;
		if (l->owner_id && (leads_store_user_kommune(db, a, l->owner_id, &k) != 0 || !k ||
		                    strcmp(k, l->kommune) != 0))
			errs_add(errs, "owner_id", "Den ansvarlige skal være en aktiv bruger i leadets kommune.");
	}
}

/* the first date l's history entered dialog or forberedelse, or NULL */
static const char *pipeline_date(const struct outreach_lead *l)
{
	for (int i = 0; i < l->nhistory; i++)
		if (!strcmp(l->history[i].stage, "dialog") || !strcmp(l->history[i].stage, "forberedelse"))
			return l->history[i].date;
	return NULL;
}

/* l (just stored and moved to etableret on date) linked to enterprise_id, or to a new registry
 * entry made from it */
static int establish(struct db *db, struct arena *a, const struct principal *by,
                     struct outreach_lead *l, const struct lead_change *ch, const char *date,
                     struct errs *errs)
{
	if (ch->has_enterprise && ch->enterprise_id > 0) {
		struct enterprise e;
		int rc = registry_get(db, a, ch->enterprise_id, &e);
		if (rc == ERR_NOTFOUND)
			return errs_add(errs, "enterprise_id", "Virksomheden findes ikke i registret.");
		if (rc)
			return rc;
		l->enterprise_id = e.id;
		return 0;
	}
	if (l->enterprise_id)
		return 0;
	struct outreach_lead full;
	int rc = leads_store_get(db, a, l->id, &full);
	if (rc)
		return rc;
	struct enterprise e = {
		.name = l->title, .kommune = l->kommune, .kind = REGISTRY_KIND_SOEV, .legal_form = "",
		.origin = leads_registry_origin(l->origin), .pipeline_since = pipeline_date(&full),
		.established = date, .contact_name = "", .contact_email = "", .contact_phone = "",
		.address = "", .website = "", .description = l->description, .source = "",
	};
	rc = registry_write(db, a, by, &e, errs);
	if (rc == 0)
		l->enterprise_id = e.id;
	return rc;
}

/* the stage of ch over l: a new one goes into the history at ch->stage_date or today */
static int move_stage(struct db *db, struct arena *a, const struct principal *by,
                      struct outreach_lead *l, const struct lead_change *ch, bool creating,
                      const char *today, struct errs *errs)
{
	const char *stage = ch->stage ? text_trim(a, ch->stage) : creating ? "ide" : NULL;
	if (!stage || (!creating && !strcmp(stage, l->stage)))
		return errs->n ? ERR_INVALID : 0;
	if (!in_opts(leads_stages, leads_stages_count, stage))
		return errs_add(errs, "stage", "Vælg fasen: ide, dialog, forberedelse, etableret eller opgivet.");
	const char *date = opt_null(a, ch->stage_date);
	if (!date)
		date = today;
	if (!text_date_valid(date))
		return errs_add(errs, "stage_date", "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-01.");
	if (strcmp(date, today) > 0)
		return errs_add(errs, "stage_date", "Datoen for skiftet kan ikke ligge i fremtiden.");
	if (!creating && l->stage_since && strcmp(date, l->stage_since) < 0)
		return errs_add(errs, "stage_date", "Datoen for skiftet ligger før datoen for den nuværende fase.");
	if (errs->n)
		return ERR_INVALID;
	bool establishing = !strcmp(stage, "etableret") && (creating || strcmp(l->stage, "etableret"));
	l->stage = stage;
	l->stage_since = date;
	int rc = leads_store_add_stage(db, l->id, stage, date, by->email);
	if (rc == 0)
		rc = leads_store_update(db, l);
	if (rc == 0 && establishing)
		rc = establish(db, a, by, l, ch, date, errs);
	if (rc == 0 && establishing)
		rc = leads_store_update(db, l);
	if (rc == 0)
		rc = audit_record(db, by, "stage", "outreach_lead", arena_printf(a, "%lld", (long long)l->id),
		                  l->kommune, AUDIT_DETAIL(AUDIT_TEXT("stage", stage), AUDIT_TEXT("date", date),
		                                           AUDIT_INT("enterprise_id", l->enterprise_id)));
	return rc;
}

static int audit_lead(struct db *db, struct arena *a, const struct principal *by,
                      const char *action, const struct outreach_lead *l)
{
	return audit_record(db, by, action, "outreach_lead", arena_printf(a, "%lld", (long long)l->id),
	                    l->kommune,
	                    AUDIT_DETAIL(AUDIT_TEXT("title", l->title), AUDIT_TEXT("origin", l->origin),
	                                 AUDIT_TEXT("stage", l->stage), AUDIT_INT("owner_id", l->owner_id),
	                                 AUDIT_TEXT("next_step", l->next_step),
	                                 AUDIT_TEXT("next_step_date", l->next_step_date)));
}

static int create_in(struct db *db, struct arena *a, const struct principal *by,
                     const char *kommune, const struct lead_change *ch, const char *today,
                     struct errs *errs, struct outreach_lead *out)
{
	kommune = opt_null(a, kommune);
	if (!kommune || !text_is_digits(kommune, 3) || leads_store_kommune_exists(db, kommune) != 0)
		return errs_add(errs, "kommune", "Angiv leadets kommune med dens tre cifre, fx 621.");
	if (!by || access_collaboration(by, ACC_WRITE, kommune) != 0)
		return ERR_FORBIDDEN;
	struct outreach_lead l = {.kommune = kommune, .description = "", .behind = "", .next_step = "",
	                          .stage = "ide", .stage_since = today, .owner_id = by->id};
	struct lead_change c = *ch;
	if (!c.has_owner) {
		/* the administrator belongs to no municipality: a lead of theirs has no owner */
		c.has_owner = true;
		c.owner_id = by->kommune ? by->id : 0;
	}
	apply_fields(db, a, &l, &c, errs);
	const char *stage = ch->stage ? text_trim(a, ch->stage) : "ide";
	if (!in_opts(leads_stages, leads_stages_count, stage))
		errs_add(errs, "stage", "Vælg fasen: ide, dialog, forberedelse, etableret eller opgivet.");
	if (errs->n)
		return ERR_INVALID;
	int rc = leads_store_insert(db, &l, &l.id);
	if (rc == 0)
		rc = audit_lead(db, a, by, "create", &l);
	if (rc == 0)
		rc = move_stage(db, a, by, &l, &c, true, today, errs);
	if (rc == 0)
		rc = leads_store_get(db, a, l.id, out);
	return rc;
}

int leads_create(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                 const struct lead_change *ch, const char *today, struct errs *errs,
                 struct outreach_lead *out)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	return db_write_end(db, create_in(db, a, by, kommune, ch, today, errs, out));
}

static int update_in(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                     const struct lead_change *ch, const char *today, struct errs *errs,
                     struct outreach_lead *out)
{
	struct outreach_lead l;
	int rc = leads_store_get(db, a, id, &l);
	if (rc)
		return rc;
	if (!by || access_collaboration(by, ACC_WRITE, l.kommune) != 0)
		return ERR_FORBIDDEN;
	apply_fields(db, a, &l, ch, errs);
	if (ch->has_enterprise && !(ch->stage && !strcmp(ch->stage, "etableret")))
		errs_add(errs, "enterprise_id", "En virksomhed i registret knyttes til et lead, når det flyttes til etableret.");
	if (errs->n)
		return ERR_INVALID;
	rc = leads_store_update(db, &l);
	if (rc == 0)
		rc = audit_lead(db, a, by, "update", &l);
	if (rc == 0)
		rc = move_stage(db, a, by, &l, ch, false, today, errs);
	if (rc == 0)
		rc = leads_store_get(db, a, id, out);
	return rc;
}

int leads_update(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 const struct lead_change *ch, const char *today, struct errs *errs,
                 struct outreach_lead *out)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	return db_write_end(db, update_in(db, a, by, id, ch, today, errs, out));
}

int leads_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
              struct outreach_lead *out)
{
	struct outreach_lead l;
	int rc = leads_store_get(db, a, id, &l);
	if (rc)
		return rc;
	if (!by || access_collaboration(by, ACC_READ, l.kommune) != 0)
		return ERR_FORBIDDEN;
	*out = l;
	return 0;
}

int leads_list(struct db *db, struct arena *a, const struct principal *by,
               const struct leads_query *q, struct outreach_lead **items, int *n, int *total)
{
	const char *scope;
	if (access_collaboration_scope(by, &scope) != 0)
		return ERR_FORBIDDEN;
	struct leads_query b = *q;
	if (b.limit < 1 || b.limit > 5000)
		b.limit = 5000;
	if (b.offset < 0)
		b.offset = 0;
	return leads_store_list(db, a, &b, scope, items, n, total);
}
