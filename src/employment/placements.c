/*
 * placements.c — the rules of placements and their follow-ups: who may create, change and see
 * them (asked of access.h), validation with field errors named as the API's members, the audit
 * lines of every change and read, and the reminders of due follow-ups through the outbox.
 * Layer: capability domain (employment). Must not know HTTP or HTML; SQL only through
 * placements_store.h.
 */
#include "placements.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../mail/mail.h"
#include "../store/db.h"
#include "citizens.h"
#include "placements_store.h"

/* the purpose the audit line names when an enterprise's account looks at its placements */
#define ENTERPRISE_PURPOSE "opfoelgning"

#define MSG_DATE "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-02."
#define MSG_HOURS "Timer pr. uge skal være et helt tal fra 1 til 37."

const char *placements_first_name(struct arena *a, const char *name)
{
	const char *t = text_trim(a, name ? name : "");
	size_t n = strcspn(t, " \t");
	return arena_strndup(a, t, n);
}

const char *placements_scheme_label(const char *key)
{
	int bit = employment_flag_parse(employment_schemes, SCHEME_COUNT, key);
	const char *l = bit ? employment_flag_label(employment_schemes, SCHEME_COUNT, bit) : NULL;
	return l ? l : key ? key : "";
}

const char *placements_outcome_label(const char *key)
{
	for (int i = 0; key && i < employment_outcomes_count; i++)
		if (strcmp(employment_outcomes[i].key, key) == 0)
			return employment_outcomes[i].label;
	return key ? key : "";
}

/* true if key is one of employment_outcomes */
static bool outcome_known(const char *key)
{
	for (int i = 0; i < employment_outcomes_count; i++)
		if (strcmp(employment_outcomes[i].key, key) == 0)
			return true;
	return false;
}

/* trimmed text, or NULL for NULL and blank */
static const char *opt(struct arena *a, const char *s)
{
	const char *t = s ? text_trim(a, s) : NULL;
	return t && *t ? t : NULL;
}

/* an optional date not before start (start may be invalid: then only the form is checked) */
static void check_date_after(struct errs *errs, const char *field, const char *d,
                             const char *start, const char *before_msg)
{
	if (!d)
		return;
	if (!text_date_valid(d))
		errs_add(errs, field, MSG_DATE);
	else if (start && text_date_valid(start) && strcmp(d, start) < 0)
		errs_add(errs, field, before_msg);
}

/* a field error on outcome unless it is none ("" or NULL) or a known key */
static void check_outcome(struct errs *errs, const char *outcome)
{
	if (outcome && *outcome && !outcome_known(outcome))
		errs_add(errs, "outcome", "Vælg et af udfaldene: ordinært job, fleksjob, uddannelse, "
		                          "andet forløb, afbrudt eller ingen afklaring.");
}

/* a field error on hours unless 1..PLACEMENT_HOURS_MAX */
static void check_hours(struct errs *errs, long long hours)
{
	if (hours < 1 || hours > PLACEMENT_HOURS_MAX)
		errs_add(errs, "hours", MSG_HOURS);
}

/* the dates of p against each other */
static void check_dates(struct errs *errs, const struct placement *p)
{
	check_date_after(errs, "planned_end", p->planned_end, p->start,
	                 "Den planlagte slutdato ligger før startdatoen.");
	check_date_after(errs, "end", p->end, p->start, "Slutdatoen ligger før startdatoen.");
}

/* id as the text an audit line names it by */
static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

/* the audit line of a change: the placement's fields, never the citizen's name */
static int audit_placement(struct db *db, struct arena *a, const struct principal *who,
                           const char *action, const struct placement *p)
{
	return audit_record(db, who, action, "placement", id_text(a, p->id), p->kommune,
	                    AUDIT_DETAIL(AUDIT_INT("citizen_id", p->citizen_id),
	                                 AUDIT_INT("enterprise_id", p->enterprise_id),
	                                 AUDIT_INT("opening_id", p->opening_id),
	                                 AUDIT_TEXT("scheme", p->scheme), AUDIT_TEXT("start", p->start),
	                                 AUDIT_TEXT("planned_end", p->planned_end),
	                                 AUDIT_TEXT("end", p->end), AUDIT_INT("hours", p->hours),
	                                 AUDIT_BOOL("inhouse", p->inhouse),
	                                 AUDIT_TEXT("outcome", p->outcome)));
}

/* the enterprise and opening of a new placement: field errors on enterprise_id, opening_id */
static int check_links(struct db *db, struct arena *a, const struct placement_input *in,
                       struct errs *errs)
{
	const char *kind;
	int rc = in->enterprise_id > 0 ? placements_store_enterprise(db, a, in->enterprise_id, &kind)
	                               : ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND)
		errs_add(errs, "enterprise_id", "Vælg virksomheden, hvor forløbet er.");
	else if (rc)
		return rc;
	if (in->opening_id == 0)
		return 0;
	int64_t eid;
	const char *status;
	rc = in->opening_id > 0 ? placements_store_opening(db, a, in->opening_id, &eid, &status)
	                        : ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND)
		errs_add(errs, "opening_id", "Stillingen findes ikke.");
	else if (rc)
		return rc;
	else if (eid != in->enterprise_id)
		errs_add(errs, "opening_id", "Stillingen hører til en anden virksomhed.");
	else if (strcmp(status, "closed") == 0)
		errs_add(errs, "opening_id", "Stillingen er lukket og kan ikke besættes.");
	return 0;
}

/* the citizen of a new placement inside the transaction: ERR_FORBIDDEN unless a citizen of
 * who's municipality (whether it exists elsewhere is not told); anonymized is a field error */
static int check_citizen(struct db *db, struct arena *a, const struct principal *who,
                         int64_t citizen_id, struct placement_citizen *c, struct errs *errs)
{
	if (citizen_id <= 0)
		return errs_add(errs, "citizen_id", "Vælg borgeren, forløbet gælder.");
	int rc = placements_store_citizen(db, a, citizen_id, c);
	if (rc == ERR_NOTFOUND || (rc == 0 && access_placement_write(who, c->kommune) != 0))
		return ERR_FORBIDDEN;
	if (rc)
		return rc;
	if (c->anonymized)
		return errs_add(errs, "citizen_id", "Borgeren er anonymiseret og kan ikke få nye forløb.");
	return 0;
}

/* the checks and writes of placements_create, inside its transaction */
static int create_in(struct db *db, struct arena *a, const struct principal *who,
                     const struct placement_input *in, struct errs *errs, int64_t *id)
{
	struct placement_citizen c = {0};
	int rc = check_citizen(db, a, who, in->citizen_id, &c, errs);
	if (rc && rc != ERR_INVALID)
		return rc;
	struct placement p = {
		.citizen_id = in->citizen_id, .kommune = c.kommune, .enterprise_id = in->enterprise_id,
		.opening_id = in->opening_id, .scheme = opt(a, in->scheme), .start = opt(a, in->start),
		.planned_end = opt(a, in->planned_end), .end = opt(a, in->end),
		.outcome = opt(a, in->outcome), .inhouse = in->inhouse, .created_by = who->id,
	};
	if ((rc = check_links(db, a, in, errs)) != 0)
		return rc;
	if (!p.scheme || !employment_flag_parse(employment_schemes, SCHEME_COUNT, p.scheme))
		errs_add(errs, "scheme", "Vælg ordningen: ordinært job, fleksjob, ressourceforløb, "
		                         "virksomhedspraktik eller løntilskud.");
	if (!p.start)
		errs_add(errs, "start", "Skriv startdatoen.");
	else if (!text_date_valid(p.start))
		errs_add(errs, "start", MSG_DATE);
	check_dates(errs, &p);
	check_outcome(errs, p.outcome);
	if (in->has_hours) {
		check_hours(errs, in->hours);
		p.hours = (int)(in->hours >= 1 && in->hours <= PLACEMENT_HOURS_MAX ? in->hours : 0);
	}
	if (errs->n)
		return ERR_INVALID;
	rc = placements_store_insert(db, &p, &p.id);
	if (rc == 0)
		rc = placements_store_touch_citizen(db, p.citizen_id);
	if (rc == 0)
		rc = audit_placement(db, a, who, "create", &p);
	if (rc == 0)
		*id = p.id;
	return rc;
}

int placements_create(struct db *db, struct arena *a, const struct principal *who,
                      const struct placement_input *in, struct errs *errs, int64_t *id)
{
	if (!who || access_placement_write(who, who->kommune) != 0)
		return ERR_FORBIDDEN;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	return db_write_end(db, create_in(db, a, who, in, errs, id));
}

/* placement id for a change by who, inside the transaction: ERR_FORBIDDEN when who changes no
 * placements at all, ERR_NOTFOUND when there is none or it is another municipality's */
static int load_for_change(struct db *db, struct arena *a, const struct principal *who,
                           int64_t id, struct placement *p)
{
	if (!who || access_placement_write(who, who->kommune) != 0)
		return ERR_FORBIDDEN;
	int rc = placements_store_get(db, a, id, p);
	if (rc)
		return rc;
	return access_placement_write(who, p->kommune) == 0 ? 0 : ERR_NOTFOUND;
}

/* the checks and writes of placements_update, inside its transaction */
static int update_in(struct db *db, struct arena *a, const struct principal *who, int64_t id,
                     const struct placement_change *ch, struct errs *errs)
{
	struct placement p;
	int rc = load_for_change(db, a, who, id, &p);
	if (rc)
		return rc;
	if (ch->set_end)
		p.end = opt(a, ch->end);
	if (ch->set_planned_end)
		p.planned_end = opt(a, ch->planned_end);
	if (ch->set_outcome)
		p.outcome = opt(a, ch->outcome);
	if (ch->set_hours && !ch->hours_null)
		check_hours(errs, ch->hours);
	if (ch->set_hours)
		p.hours = ch->hours_null || ch->hours < 1 || ch->hours > PLACEMENT_HOURS_MAX ? 0 : (int)ch->hours;
	check_dates(errs, &p);
	check_outcome(errs, p.outcome);
	if (errs->n)
		return ERR_INVALID;
	rc = placements_store_update(db, &p);
	if (rc == 0)
		rc = placements_store_touch_citizen(db, p.citizen_id);
	if (rc == 0)
		rc = audit_placement(db, a, who, "update", &p);
	return rc;
}

int placements_update(struct db *db, struct arena *a, const struct principal *who, int64_t id,
                      const struct placement_change *ch, struct errs *errs)
{
	if (!who || access_placement_write(who, who->kommune) != 0)
		return ERR_FORBIDDEN;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	return db_write_end(db, update_in(db, a, who, id, ch, errs));
}

/* p narrowed to what view lets the caller see; purpose decides whether the full name stays */
static void narrow(struct arena *a, struct placement *p, enum access_placement_view view,
                   const char *purpose)
{
	p->view = view;
	if (p->citizen_anonymized)
		p->citizen_name = NULL;
	if (view == ACCESS_PLACEMENT_ALL) {
		if (!purpose)
			p->citizen_name = NULL;
		return;
	}
	/* the enterprise's view: first name, scheme, start, end, hours */
	struct placement e = {
		.id = p->id, .enterprise_id = p->enterprise_id, .enterprise_name = p->enterprise_name,
		.scheme = p->scheme, .start = p->start, .end = p->end, .hours = p->hours,
		.citizen_name = p->citizen_name ? placements_first_name(a, p->citizen_name) : NULL,
		.citizen_anonymized = p->citizen_anonymized, .view = view,
	};
	*p = e;
}

/* the audit lines of one read of p: the placement, and the citizen when a name was shown */
static int audit_read(struct db *db, struct arena *a, const struct principal *who,
                      const struct placement *p, const char *kommune, int64_t citizen_id,
                      const char *purpose)
{
	int rc = audit_record(db, who, "read", "placement", id_text(a, p->id), kommune,
	                      AUDIT_DETAIL(AUDIT_TEXT("purpose", purpose)));
	if (rc == 0 && p->citizen_name)
		rc = citizens_audit_read(db, who, citizen_id, kommune, purpose);
	return rc;
}

/* the field error of an unknown purpose */
static int bad_purpose(struct errs *errs)
{
	return errs_add(errs, "purpose", "Vælg formålet med opslaget: matchning, opfølgning, "
	                                 "visitation, aktindsigt eller ajourføring.");
}

int placements_get(struct db *db, struct arena *a, const struct principal *who, int64_t id,
                   const char *purpose, struct errs *errs, struct placement *out)
{
	const char *scope_kommune;
	int64_t scope_enterprise;
	if (access_placement_scope(who, &scope_kommune, &scope_enterprise) != 0)
		return ERR_FORBIDDEN;
	if (purpose && !citizens_purpose_valid(purpose))
		return bad_purpose(errs);
	struct placement p;
	int rc = placements_store_get(db, a, id, &p);
	if (rc)
		return rc;
	enum access_placement_view view = access_placement(who, p.kommune, p.enterprise_id,
	                                                   p.consent_enterprise);
	if (view == ACCESS_PLACEMENT_NONE)
		return ERR_NOTFOUND;
	if (view == ACCESS_PLACEMENT_ENTERPRISE)
		purpose = ENTERPRISE_PURPOSE;
	else if ((rc = placements_store_followups(db, a, id, &p.followups, &p.nfollowups)) != 0)
		return rc;
	const char *kommune = p.kommune;
	int64_t citizen_id = p.citizen_id;
	narrow(a, &p, view, purpose);
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = db_write_end(db, audit_read(db, a, who, &p, kommune, citizen_id, purpose));
	if (rc == 0)
		*out = p;
	return rc;
}

/* the audit lines of a page: one for the look, one for each citizen shown (once each) */
static int audit_page(struct db *db, const struct principal *who,
                      const char *kommune, const struct placement *items, const int64_t *citizens,
                      const char **kommuner, int n, int total, const char *purpose)
{
	int rc = audit_record(db, who, "read", "placement", "list", kommune,
	                      AUDIT_DETAIL(AUDIT_INT("count", n), AUDIT_INT("total", total),
	                                   AUDIT_TEXT("purpose", purpose)));
	for (int i = 0; rc == 0 && i < n; i++) {
		if (!items[i].citizen_name)
			continue;
		bool seen = false;
		for (int k = 0; k < i && !seen; k++)
			seen = items[k].citizen_name && citizens[k] == citizens[i];
		if (!seen)
			rc = citizens_audit_read(db, who, citizens[i], kommuner[i], purpose);
	}
	return rc;
}

int placements_list(struct db *db, struct arena *a, const struct principal *who,
                    const struct placement_query *q, const char *purpose, struct errs *errs,
                    struct placement **items, int *n, int *total)
{
	const char *kommune;
	int64_t enterprise;
	if (access_placement_scope(who, &kommune, &enterprise) != 0)
		return ERR_FORBIDDEN;
	if (enterprise && q->enterprise_id && q->enterprise_id != enterprise)
		return ERR_FORBIDDEN;
	if (purpose && !citizens_purpose_valid(purpose))
		return bad_purpose(errs);
	if (q->scheme && !employment_flag_parse(employment_schemes, SCHEME_COUNT, q->scheme))
		return errs_add(errs, "scheme", "Ukendt ordning.");
	if (enterprise)
		purpose = ENTERPRISE_PURPOSE;
	char day[11];
	text_today(day);
	struct placement *rows;
	int count, all;
	int rc = placements_store_list(db, a, kommune, enterprise, q, day, &rows, &count, &all);
	if (rc)
		return rc;
	int64_t *citizens = arena_alloc(a, sizeof(*citizens) * (size_t)(count + 1));
	const char **kommuner = arena_alloc(a, sizeof(*kommuner) * (size_t)(count + 1));
	for (int i = 0; i < count; i++) {
		citizens[i] = rows[i].citizen_id;
		kommuner[i] = rows[i].kommune;
		narrow(a, &rows[i], kommune ? ACCESS_PLACEMENT_ALL : ACCESS_PLACEMENT_ENTERPRISE, purpose);
	}
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = db_write_end(db, audit_page(db, who, kommune, rows, citizens, kommuner, count, all,
	                                 purpose));
	if (rc)
		return rc;
	*items = rows;
	*n = count;
	*total = all;
	return 0;
}

/* the checks and writes of placements_followup_add, inside its transaction */
static int followup_add_in(struct db *db, struct arena *a, const struct principal *who,
                           int64_t id, const char *due, const char *note, struct errs *errs,
                           int64_t *fid)
{
	struct placement p;
	int rc = load_for_change(db, a, who, id, &p);
	if (rc)
		return rc;
	due = opt(a, due);
	note = text_trim(a, note ? note : "");
	if (!due)
		errs_add(errs, "due", "Skriv datoen for opfølgningen.");
	else if (!text_date_valid(due))
		errs_add(errs, "due", MSG_DATE);
	if (utf8_len(note) > PLACEMENT_NOTE_MAX)
		errs_add(errs, "note", "Noten må højst være på 2.000 tegn.");
	if (errs->n)
		return ERR_INVALID;
	rc = placements_store_followup_insert(db, id, due, note, fid);
	if (rc == 0)
		rc = placements_store_touch_citizen(db, p.citizen_id);
	if (rc == 0)
		rc = audit_record(db, who, "create", "placement_followup", id_text(a, *fid), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("placement_id", id), AUDIT_TEXT("due", due)));
	return rc;
}

int placements_followup_add(struct db *db, struct arena *a, const struct principal *who,
                            int64_t id, const char *due, const char *note, struct errs *errs,
                            int64_t *fid)
{
	if (!who || access_placement_write(who, who->kommune) != 0)
		return ERR_FORBIDDEN;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	return db_write_end(db, followup_add_in(db, a, who, id, due, note, errs, fid));
}

/* the checks and writes of placements_followup_change, inside its transaction */
static int followup_change_in(struct db *db, struct arena *a, const struct principal *who,
                              int64_t id, int64_t fid, const struct followup_change *ch,
                              struct errs *errs)
{
	struct placement p;
	struct placement_followup f;
	int rc = load_for_change(db, a, who, id, &p);
	if (rc == 0)
		rc = placements_store_followup_get(db, a, id, fid, &f);
	if (rc)
		return rc;
	if (ch->set_due) {
		const char *due = opt(a, ch->due);
		if (!due)
			errs_add(errs, "due", "Skriv datoen for opfølgningen.");
		else if (!text_date_valid(due))
			errs_add(errs, "due", MSG_DATE);
		else if (strcmp(due, f.due) != 0) {
			f.due = due;
			f.reminded_at = NULL; /* a new date is reminded anew */
		}
	}
	if (ch->set_note) {
		f.note = text_trim(a, ch->note ? ch->note : "");
		if (utf8_len(f.note) > PLACEMENT_NOTE_MAX)
			errs_add(errs, "note", "Noten må højst være på 2.000 tegn.");
	}
	if (ch->set_done && !ch->done)
		f.done_at = NULL;
	else if (ch->set_done && !f.done_at) {
		char now[32];
		time_t t = time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
		f.done_at = arena_strdup(a, now);
	}
	if (errs->n)
		return ERR_INVALID;
	rc = placements_store_followup_update(db, &f);
	if (rc == 0)
		rc = placements_store_touch_citizen(db, p.citizen_id);
	if (rc == 0)
		rc = audit_record(db, who, "update", "placement_followup", id_text(a, fid), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("placement_id", id), AUDIT_TEXT("due", f.due),
		                               AUDIT_BOOL("done", f.done_at != NULL)));
	return rc;
}

int placements_followup_change(struct db *db, struct arena *a, const struct principal *who,
                               int64_t id, int64_t fid, const struct followup_change *ch,
                               struct errs *errs)
{
	if (!who || access_placement_write(who, who->kommune) != 0)
		return ERR_FORBIDDEN;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	return db_write_end(db, followup_change_in(db, a, who, id, fid, ch, errs));
}

/* one reminder of d to each of to[0..n) */
static int remind_one(struct db *db, struct arena *a, const struct placement_due *d,
                      const char *const *to, int n)
{
	const char *due = text_date_dk(a, d->due);
	const char *subject = arena_printf(a, "Opfølgning på forløb nr. %lld den %s",
	                                   (long long)d->placement_id, due);
	const char *body = arena_printf(a,
		"Der er en opfølgning på forløb nr. %lld, som skal holdes den %s.\n\n"
		"Se forløbet i Indgang under Forløb (forløb nr. %lld), og markér opfølgningen som "
		"holdt, når den er holdt.\n\nBeskeden nævner ikke borgeren; navnet ser du i Indgang, "
		"når du har valgt formålet med opslaget.\n\nVenlig hilsen\nIndgang\n",
		(long long)d->placement_id, due, (long long)d->placement_id);
	int rc = 0;
	for (int i = 0; rc == 0 && i < n; i++)
		rc = mail_queue(db, d->kommune, to[i], subject, body);
	if (rc == 0)
		rc = placements_store_mark_reminded(db, d->followup_id);
	if (rc == 0)
		rc = audit_record(db, NULL, "remind", "placement_followup", id_text(a, d->followup_id),
		                  d->kommune,
		                  AUDIT_DETAIL(AUDIT_INT("placement_id", d->placement_id),
		                               AUDIT_TEXT("due", d->due), AUDIT_INT("messages", n)));
	return rc;
}

/* the work of placements_remind inside its transaction: each due follow-up to its creator,
 * else to every active jobkonsulent of the municipality, else counted as waiting */
static int remind_in(struct db *db, struct arena *a, const char *day, int *queued, int *waiting)
{
	struct placement_due *due;
	int n;
	int rc = placements_store_due(db, a, day, &due, &n);
	for (int i = 0; rc == 0 && i < n; i++) {
		const char **to = &due[i].creator_email;
		int nto = 1;
		if (!due[i].creator_email)
			rc = placements_store_jobkonsulenter(db, a, due[i].kommune, &to, &nto);
		if (rc)
			break;
		if (nto == 0) {
			(*waiting)++;
			continue;
		}
		rc = remind_one(db, a, &due[i], to, nto);
		if (rc == 0)
			(*queued)++;
	}
	return rc;
}

int placements_remind(struct db *db, struct arena *a, const char *day, int *queued, int *waiting)
{
	*queued = *waiting = 0;
	if (!text_date_valid(day))
		return ERR_INVALID;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	rc = db_write_end(db, remind_in(db, a, day, queued, waiting));
	if (rc)
		*queued = *waiting = 0;
	return rc;
}

int placements_now_by_scheme(struct db *db, int64_t enterprise_id, int counts[SCHEME_COUNT])
{
	char day[11];
	text_today(day);
	memset(counts, 0, sizeof(int) * SCHEME_COUNT);
	return placements_store_now_by_scheme(db, enterprise_id, day, counts);
}

int placements_choices(struct db *db, struct arena *a, const struct principal *who,
                       struct placement_choice **enterprises, int *ne,
                       struct placement_choice **openings, int *no)
{
	if (!who || access_placement_write(who, who->kommune) != 0)
		return ERR_FORBIDDEN;
	return placements_store_choices(db, a, who->kommune, enterprises, ne, openings, no);
}
