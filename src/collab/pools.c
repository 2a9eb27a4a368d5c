/*
 * pools.c — the rules of the grant pool: who keeps it (the administrator) and who applies and
 * reports (a municipality's konsulent and jobkonsulent), the limits of grants and payments
 * checked in the transaction that writes them, and the final report. Layer: capability domain
 * (collab); the SQL is in pools_store.c.
 */
#include "pools.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../store/db.h"
#include "../surveys/surveys.h"
#include "networks.h"
#include "pools_store.h"

static const char *trimmed(struct arena *a, const char *s)
{
	return s ? text_trim(a, s) : "";
}

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

static const char *kr(struct arena *a, int64_t ore)
{
	char t[MONEY_TEXT];
	return arena_strdup(a, money_da(t, ore));
}

/* an amount error unless the caller recorded one already (a text that was no amount) */
static void amount_error(struct errs *errs, const char *field, const char *message)
{
	if (!errs_get(errs, field))
		errs_add(errs, field, message);
}

bool pools_may_admin(const struct principal *by)
{
	return access_collaboration(by, ACC_WRITE, NULL) == 0;
}

bool pools_may_act(const struct principal *by, const char *kommune)
{
	return kommune && access_collaboration(by, ACC_WRITE, kommune) == 0;
}

/* the municipality whose rows by may see of a pool (NULL every one); ERR_FORBIDDEN */
static int scope_of(const struct principal *by, const char **scope)
{
	if (access_collaboration(by, ACC_READ, NULL) != 0)
		return ERR_FORBIDDEN;
	return access_collaboration_scope(by, scope) ? ERR_FORBIDDEN : 0;
}

/* ---------------------------------------------------------------- pools */

static void check_pool(struct db *db, struct arena *a, const struct principal *by, struct pool *p,
                       struct errs *errs)
{
	p->title = trimmed(a, p->title);
	if (!*p->title)
		errs_add(errs, "title", "Skriv puljens titel.");
	else if (utf8_len(p->title) > 200)
		errs_add(errs, "title", "Titlen må højst være på 200 tegn.");
	if (p->total_ore <= 0)
		amount_error(errs, "total", "Skriv puljens samlede beløb, større end 0 kr.");
	if (p->max_ore <= 0)
		amount_error(errs, "max_per_kommune", "Skriv det største beløb pr. kommune, større end 0 kr.");
	else if (p->total_ore > 0 && p->max_ore > p->total_ore)
		amount_error(errs, "max_per_kommune", "Beløbet pr. kommune kan ikke være større end puljen.");
	if (!p->period_start || !text_date_valid(p->period_start))
		errs_add(errs, "period_start", "Skriv periodens start som en dato (ÅÅÅÅ-MM-DD).");
	if (!p->period_end || !text_date_valid(p->period_end))
		errs_add(errs, "period_end", "Skriv periodens slut som en dato (ÅÅÅÅ-MM-DD).");
	else if (p->period_start && text_date_valid(p->period_start) &&
	         strcmp(p->period_end, p->period_start) < 0)
		errs_add(errs, "period_end", "Periodens slut kan ikke ligge før starten.");
	p->obligations = trimmed(a, p->obligations);
	if (utf8_len(p->obligations) > 5000)
		errs_add(errs, "obligations", "Forpligtelserne må højst være på 5.000 tegn.");
	if (p->meetings_required < 0 || p->meetings_required > 100)
		errs_add(errs, "meetings_required", "Skriv antal netværksmøder som et helt tal fra 0 til 100.");
	if (p->network_id < 0)
		amount_error(errs, "network_id", "Vælg et landsdækkende netværk.");
	else if (p->network_id > 0) {
		struct network n;
		if (networks_get(db, a, by, p->network_id, &n) != 0 || n.kommune)
			errs_add(errs, "network_id", "Vælg et landsdækkende netværk.");
	}
	for (int i = 0; i < p->nrounds; i++) {
		struct survey sv;
		struct round rd;
		if (!p->rounds[i].survey || !p->rounds[i].round ||
		    surveys_load(db, a, p->rounds[i].survey, &sv) != 0 ||
		    surveys_round(db, a, &sv, p->rounds[i].round, &rd) != 0) {
			errs_add(errs, "rounds", "Der findes ingen sådan undersøgelsesrunde.");
			break;
		}
	}
}

static int write_pool(struct db *db, struct arena *a, const struct principal *by, struct pool *p,
                      struct errs *errs)
{
	check_pool(db, a, by, p, errs);
	if (errs->n > 0)
		return ERR_INVALID;
	int rc = pools_store_insert(db, p, &p->id);
	for (int i = 0; rc == 0 && i < p->nrounds; i++)
		rc = pools_store_round_insert(db, p->id, &p->rounds[i]);
	if (rc == 0)
		rc = audit_record(db, by, "create", "pool", id_text(a, p->id), NULL,
		                  AUDIT_DETAIL(AUDIT_TEXT("title", p->title),
		                               AUDIT_INT("total_ore", p->total_ore),
		                               AUDIT_INT("max_ore", p->max_ore)));
	return rc;
}

int pools_create(struct db *db, struct arena *a, const struct principal *by, struct pool *p,
                 struct errs *errs)
{
	if (!pools_may_admin(by))
		return ERR_FORBIDDEN;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_pool(db, a, by, p, errs));
	if (rc) {
		p->id = 0;
		return rc;
	}
	return pools_store_get(db, a, p->id, p);
}

int pools_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
              struct pool *out)
{
	const char *scope;
	if (scope_of(by, &scope))
		return ERR_FORBIDDEN;
	return pools_store_get(db, a, id, out);
}

int pools_list(struct db *db, struct arena *a, const struct principal *by, int limit,
               int offset, struct pool **items, int *n, int *total)
{
	const char *scope;
	if (scope_of(by, &scope))
		return ERR_FORBIDDEN;
	if (limit < 1 || limit > 500)
		limit = 500;
	if (offset < 0)
		offset = 0;
	return pools_store_list(db, a, limit, offset, items, n, total);
}

/* ---------------------------------------------------------------- applications */

/* kommune checked: a field error when unknown; ERR_DB */
static int check_kommune(struct db *db, const char *kommune, struct errs *errs)
{
	int exists = 0;
	if (kommune && text_is_digits(kommune, 3) && pools_store_kommune_exists(db, kommune, &exists))
		return ERR_DB;
	if (!exists)
		errs_add(errs, "kommune", "Ukendt kommune.");
	return 0;
}

static int write_application(struct db *db, struct arena *a, const struct principal *by,
                             const struct pool *p, struct pool_application *x, struct errs *errs)
{
	int rc = check_kommune(db, x->kommune, errs);
	if (rc)
		return rc;
	int64_t old;
	const char *status;
	if (errs->n == 0 &&
	    (rc = pools_store_application_of(db, a, p->id, x->kommune, &old, &status)) != 0)
		return rc;
	if (errs->n == 0 && old)
		errs_add(errs, "kommune", "Kommunen har allerede søgt puljen.");
	if (x->amount_ore <= 0)
		amount_error(errs, "amount", "Skriv det beløb, I søger, større end 0 kr.");
	else if (x->amount_ore > p->max_ore)
		amount_error(errs, "amount", arena_printf(a, "Der kan højst søges %s pr. kommune.",
		                                          kr(a, p->max_ore)));
	x->activities = trimmed(a, x->activities);
	if (utf8_len(x->activities) > 10000)
		errs_add(errs, "activities", "Aktiviteterne må højst fylde 10.000 tegn.");
	if (x->nlines < 0 || x->nlines > POOLS_MAX_LINES)
		errs_add(errs, "budget", arena_printf(a, "Budgettet kan højst have %d linjer.", POOLS_MAX_LINES));
	for (int i = 0; i < x->nlines && i < POOLS_MAX_LINES; i++) {
		x->lines[i].label = trimmed(a, x->lines[i].label);
		if (!*x->lines[i].label || utf8_len(x->lines[i].label) > 200 || x->lines[i].amount_ore < 0) {
			amount_error(errs, "budget", "Hver budgetlinje skal have en tekst (højst 200 tegn) og"
			                             " et beløb på 0 kr. eller mere.");
			break;
		}
	}
	if (errs->n > 0)
		return ERR_INVALID;
	x->pool_id = p->id;
	x->status = POOLS_APPLIED;
	rc = pools_store_application_insert(db, x, &x->id);
	for (int i = 0; rc == 0 && i < x->nlines; i++)
		rc = pools_store_line_insert(db, x->id, &x->lines[i]);
	if (rc == 0)
		rc = audit_record(db, by, "apply", "pool", id_text(a, p->id), x->kommune,
		                  AUDIT_DETAIL(AUDIT_INT("amount_ore", x->amount_ore),
		                               AUDIT_INT("lines", x->nlines)));
	return rc;
}

int pools_apply(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
                struct pool_application *x, struct errs *errs)
{
	struct pool p;
	int rc = pools_store_get(db, a, pool_id, &p);
	if (rc)
		return rc;
	if (!pools_may_act(by, x->kommune))
		return ERR_FORBIDDEN;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = db_write_end(db, write_application(db, a, by, &p, x, errs));
	if (rc)
		x->id = 0;
	return rc;
}

int pools_applications(struct db *db, struct arena *a, const struct principal *by,
                       int64_t pool_id, struct pool_application **items, int *n)
{
	const char *scope;
	if (scope_of(by, &scope))
		return ERR_FORBIDDEN;
	struct pool p;
	int rc = pools_store_get(db, a, pool_id, &p);
	if (rc)
		return rc;
	return pools_store_applications(db, a, pool_id, scope, items, n);
}

int pools_reject(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
                 const char *kommune)
{
	if (!pools_may_admin(by))
		return ERR_FORBIDDEN;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	int64_t id;
	const char *status;
	rc = pools_store_application_of(db, a, pool_id, kommune ? kommune : "", &id, &status);
	if (rc == 0 && !id)
		rc = ERR_NOTFOUND;
	if (rc == 0 && strcmp(status, POOLS_APPLIED))
		rc = ERR_CONFLICT;
	if (rc == 0)
		rc = pools_store_application_status(db, id, POOLS_REJECTED);
	if (rc == 0)
		rc = audit_record(db, by, "reject", "pool", id_text(a, pool_id), kommune, AUDIT_NONE);
	return db_write_end(db, rc);
}

/* ---------------------------------------------------------------- grants and payments */

static int write_grant(struct db *db, struct arena *a, const struct principal *by,
                       const struct pool *p, struct pool_entry *g, struct errs *errs)
{
	int rc = check_kommune(db, g->kommune, errs);
	if (rc || errs->n > 0) {
		if (g->amount_ore <= 0)
			amount_error(errs, "amount", "Skriv bevillingens beløb, større end 0 kr.");
		return rc ? rc : ERR_INVALID;
	}
	int64_t granted, paid, pool_granted;
	if ((rc = pools_store_sums(db, p->id, g->kommune, &granted, &paid, &pool_granted)) != 0)
		return rc;
	int64_t left = p->total_ore - pool_granted;
	int64_t left_here = p->max_ore - granted;
	if (g->day && !*g->day)
		g->day = NULL;
	if (g->day && !text_date_valid(g->day))
		errs_add(errs, "date", "Skriv bevillingens dato (ÅÅÅÅ-MM-DD), eller lad den stå tom for i dag.");
	if (g->amount_ore <= 0)
		amount_error(errs, "amount", "Skriv bevillingens beløb, større end 0 kr.");
	else if (g->amount_ore > left_here)
		amount_error(errs, "amount",
		             arena_printf(a, "En kommune kan højst få %s af puljen; kommunen kan få %s mere.",
		                          kr(a, p->max_ore), kr(a, left_here > 0 ? left_here : 0)));
	else if (g->amount_ore > left)
		amount_error(errs, "amount", arena_printf(a, "Der er kun %s tilbage i puljen.",
		                                          kr(a, left > 0 ? left : 0)));
	if (errs->n > 0)
		return ERR_INVALID;
	const char *status;
	if ((rc = pools_store_application_of(db, a, p->id, g->kommune, &g->application_id, &status)) != 0)
		return rc;
	if (g->application_id)
		rc = pools_store_application_status(db, g->application_id, POOLS_GRANTED);
	if (rc == 0)
		rc = pools_store_grant_insert(db, p->id, g, &g->id);
	if (rc == 0)
		rc = audit_record(db, by, "grant", "pool", id_text(a, p->id), g->kommune,
		                  AUDIT_DETAIL(AUDIT_INT("amount_ore", g->amount_ore),
		                               AUDIT_INT("grant_id", g->id)));
	return rc;
}

int pools_grant(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
                struct pool_entry *g, struct errs *errs)
{
	if (!pools_may_admin(by))
		return ERR_FORBIDDEN;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct pool p;
	rc = pools_store_get(db, a, pool_id, &p);
	if (rc == 0)
		rc = write_grant(db, a, by, &p, g, errs);
	rc = db_write_end(db, rc);
	if (rc)
		g->id = 0;
	return rc;
}

static int write_payment(struct db *db, struct arena *a, const struct principal *by,
                         int64_t pool_id, struct pool_entry *x, struct errs *errs)
{
	int rc = check_kommune(db, x->kommune, errs);
	if (rc)
		return rc;
	if (!x->day || !text_date_valid(x->day))
		errs_add(errs, "date", "Skriv udbetalingens dato (ÅÅÅÅ-MM-DD).");
	int64_t granted = 0, paid = 0, pool_granted;
	if (!errs_get(errs, "kommune") &&
	    (rc = pools_store_sums(db, pool_id, x->kommune, &granted, &paid, &pool_granted)) != 0)
		return rc;
	if (x->amount_ore <= 0)
		amount_error(errs, "amount", "Skriv udbetalingens beløb, større end 0 kr.");
	else if (x->amount_ore > granted - paid)
		amount_error(errs, "amount",
		             arena_printf(a, "Udbetalingerne kan ikke overstige bevillingen; der kan højst"
		                             " udbetales %s mere.", kr(a, granted - paid > 0 ? granted - paid : 0)));
	if (errs->n > 0)
		return ERR_INVALID;
	rc = pools_store_payment_insert(db, pool_id, x, &x->id);
	if (rc == 0)
		rc = audit_record(db, by, "pay", "pool", id_text(a, pool_id), x->kommune,
		                  AUDIT_DETAIL(AUDIT_INT("amount_ore", x->amount_ore),
		                               AUDIT_TEXT("date", x->day)));
	return rc;
}

int pools_pay(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
              struct pool_entry *x, struct errs *errs)
{
	if (!pools_may_admin(by))
		return ERR_FORBIDDEN;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct pool p;
	rc = pools_store_get(db, a, pool_id, &p);
	if (rc == 0)
		rc = write_payment(db, a, by, pool_id, x, errs);
	rc = db_write_end(db, rc);
	if (rc)
		x->id = 0;
	return rc;
}

static int write_spend(struct db *db, struct arena *a, const struct principal *by,
                       int64_t pool_id, struct pool_entry *x, struct errs *errs)
{
	int rc = check_kommune(db, x->kommune, errs);
	if (rc)
		return rc;
	if (!x->day || !text_date_valid(x->day))
		errs_add(errs, "date", "Skriv datoen (ÅÅÅÅ-MM-DD).");
	if (x->amount_ore < 0)
		amount_error(errs, "amount", "Skriv forbruget som et beløb på 0 kr. eller mere.");
	x->text = trimmed(a, x->text);
	if (!*x->text)
		errs_add(errs, "text", "Skriv, hvad pengene er brugt til, og hvilke aktiviteter der er gennemført.");
	else if (utf8_len(x->text) > 5000)
		errs_add(errs, "text", "Teksten må højst være på 5.000 tegn.");
	if (errs->n > 0)
		return ERR_INVALID;
	rc = pools_store_spend_insert(db, pool_id, x, &x->id);
	if (rc == 0)
		rc = audit_record(db, by, "report_spend", "pool", id_text(a, pool_id), x->kommune,
		                  AUDIT_DETAIL(AUDIT_INT("amount_ore", x->amount_ore),
		                               AUDIT_TEXT("date", x->day)));
	return rc;
}

int pools_report_spend(struct db *db, struct arena *a, const struct principal *by,
                       int64_t pool_id, struct pool_entry *x, struct errs *errs)
{
	struct pool p;
	int rc = pools_store_get(db, a, pool_id, &p);
	if (rc)
		return rc;
	if (!pools_may_act(by, x->kommune))
		return ERR_FORBIDDEN;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = db_write_end(db, write_spend(db, a, by, pool_id, x, errs));
	if (rc)
		x->id = 0;
	return rc;
}

int pools_entries(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
                  enum pools_entry_kind kind, struct pool_entry **items, int *n)
{
	const char *scope;
	if (scope_of(by, &scope))
		return ERR_FORBIDDEN;
	struct pool p;
	int rc = pools_store_get(db, a, pool_id, &p);
	if (rc)
		return rc;
	return pools_store_entries(db, a, pool_id, scope, kind, items, n);
}

int pools_status(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
                 struct pool_status **rows, int *n)
{
	const char *scope;
	if (scope_of(by, &scope))
		return ERR_FORBIDDEN;
	struct pool p;
	int rc = pools_store_get(db, a, pool_id, &p);
	if (rc)
		return rc;
	rc = pools_store_status(db, a, pool_id, p.network_id, scope, rows, n);
	for (int i = 0; rc == 0 && i < *n; i++)
		(*rows)[i].meetings_required = p.meetings_required;
	return rc;
}
