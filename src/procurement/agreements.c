/*
 * agreements.c — the rules of voluntary purchase agreements: validation, who may keep and see
 * them, saving with the products and an audit line, the list, and the reminders before an
 * agreement ends. Layer: capability domain (procurement); the SQL is in agreements_store.c,
 * the access decision in auth/access.c.
 */
#include "agreements.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../mail/mail.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "agreements_store.h"

static const struct option_kv statuses[] = {
	{"draft", "Kladde"},
	{"active", "Aktiv"},
	{"ended", "Afsluttet"},
};

const char *agreements_status_label(const char *status)
{
	return registry_label(statuses, 3, status);
}

bool agreements_status_valid(const char *status)
{
	for (int i = 0; status && i < 3; i++)
		if (strcmp(statuses[i].key, status) == 0)
			return true;
	return false;
}

/* *s trimmed ("" for NULL); longer than max characters is a field error */
static void check_text(struct arena *a, const char **s, const char *field, size_t max,
                       struct errs *errs)
{
	*s = *s ? text_trim(a, *s) : "";
	if (utf8_len(*s) > max)
		errs_add(errs, field, arena_printf(a, "Højst %zu tegn.", max));
}

int agreements_validate(struct arena *a, struct agreement *g, struct errs *errs)
{
	int before = errs->n;
	check_text(a, &g->title, "title", 200, errs);
	if (!*g->title)
		errs_add(errs, "title", "Skriv aftalens titel.");
	check_text(a, &g->scope, "scope", 4000, errs);
	check_text(a, &g->terms, "terms", 4000, errs);
	check_text(a, &g->contact_name, "contact_name", 200, errs);
	check_text(a, &g->contact_email, "contact_email", 254, errs);
	if (*g->contact_email && !text_email_valid(g->contact_email))
		errs_add(errs, "contact_email", "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.");
	check_text(a, &g->contact_phone, "contact_phone", 40, errs);
	g->start = g->start ? text_trim(a, g->start) : "";
	g->end = g->end ? text_trim(a, g->end) : "";
	if (!text_date_valid(g->start))
		errs_add(errs, "start", "Skriv startdatoen som ÅÅÅÅ-MM-DD, fx 2015-10-01.");
	if (!text_date_valid(g->end))
		errs_add(errs, "end", "Skriv slutdatoen som ÅÅÅÅ-MM-DD, fx 2016-09-30.");
	else if (text_date_valid(g->start) && strcmp(g->end, g->start) < 0)
		errs_add(errs, "end", "Slutdatoen ligger før startdatoen.");
	if (!g->status)
		g->status = "active";
	else if (!agreements_status_valid(g->status))
		errs_add(errs, "status", "Status skal være draft (kladde), active (aktiv) eller ended (afsluttet).");
	if (g->nproducts > AGREEMENTS_MAX_PRODUCTS)
		errs_add(errs, "products", "En aftale kan højst nævne 100 produkter.");
	for (int i = 0; i < g->nproducts && i < AGREEMENTS_MAX_PRODUCTS; i++)
		if (g->products[i] <= 0) {
			errs_add(errs, "products", "Ukendt produkt.");
			break;
		}
	return errs->n > before ? ERR_INVALID : 0;
}

bool agreements_may_write(const struct principal *by, const struct agreement *g)
{
	return access_procurement(by, ACC_WRITE, g->kommune) == 0;
}

/* the municipality and enterprise of g and whether by may write there: an update keeps the
 * stored agreement's; a create names them */
static int check_owner(struct db *db, struct arena *a, const struct principal *by,
                       struct agreement *g, struct errs *errs)
{
	if (g->id) {
		struct agreement old;
		int rc = agreements_store_get(db, a, g->id, &old);
		if (rc)
			return rc;
		if (!agreements_may_write(by, &old))
			return ERR_FORBIDDEN;
		if (g->enterprise_id && g->enterprise_id != old.enterprise_id)
			errs_add(errs, "enterprise_id", "En aftale kan ikke flyttes til en anden virksomhed.");
		g->kommune = old.kommune;
		g->kommune_navn = old.kommune_navn;
		g->enterprise_id = old.enterprise_id;
		g->enterprise_name = old.enterprise_name;
		return 0;
	}
	if (!g->kommune || !*g->kommune)
		g->kommune = by ? by->kommune : NULL;
	if (!g->kommune || access_procurement(by, ACC_WRITE, g->kommune) != 0) {
		if (!g->kommune && by && access_national(by)) {
			errs_add(errs, "kommune", "Vælg kommunen, der indgår aftalen.");
			return 0;
		}
		return ERR_FORBIDDEN;
	}
	struct enterprise e;
	int rc = g->enterprise_id > 0 ? registry_get(db, a, g->enterprise_id, &e) : ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND) {
		errs_add(errs, "enterprise_id", "Vælg en virksomhed, der findes i registret.");
		return 0;
	}
	if (rc == 0)
		g->enterprise_name = e.name;
	return rc;
}

static int write_agreement(struct db *db, struct arena *a, const struct principal *by,
                           struct agreement *g, struct errs *errs)
{
	int rc = check_owner(db, a, by, g, errs);
	if (rc)
		return rc;
	agreements_validate(a, g, errs);
	if (errs->n == 0 && g->nproducts > 0) {
		int foreign;
		if ((rc = agreements_store_foreign_products(db, g, &foreign)) != 0)
			return rc;
		if (foreign)
			errs_add(errs, "products", "Et produkt hører ikke til aftalens virksomhed.");
	}
	if (errs->n > 0)
		return ERR_INVALID;
	bool creating = g->id == 0;
	rc = creating ? agreements_store_insert(db, g, by ? by->id : 0, &g->id)
	              : agreements_store_update(db, g);
	if (rc == ERR_CONFLICT) {
		/* the kommune named is no municipality */
		errs_add(errs, "kommune", "Ukendt kommune.");
		return ERR_INVALID;
	}
	if (rc == 0)
		rc = agreements_store_set_products(db, g);
	if (rc == 0)
		rc = audit_record(db, by, creating ? "create" : "update", "agreement",
		                  arena_printf(a, "%lld", (long long)g->id), g->kommune,
		                  AUDIT_DETAIL(AUDIT_INT("enterprise_id", g->enterprise_id),
		                               AUDIT_TEXT("title", g->title), AUDIT_TEXT("start", g->start),
		                               AUDIT_TEXT("end", g->end), AUDIT_TEXT("status", g->status),
		                               AUDIT_INT("products", g->nproducts)));
	if (rc == 0)
		rc = agreements_store_get(db, a, g->id, g);
	return rc;
}

int agreements_save(struct db *db, struct arena *a, const struct principal *by, struct agreement *g,
                    struct errs *errs)
{
	bool creating = g->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_agreement(db, a, by, g, errs));
	if (rc && creating)
		g->id = 0;
	return rc;
}

int agreements_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                   struct agreement *out)
{
	struct agreement g;
	int rc = agreements_store_get(db, a, id, &g);
	if (rc)
		return rc;
	if (access_procurement(by, ACC_READ, g.kommune) != 0 && access_supplier(by, g.enterprise_id) != 0)
		return ERR_FORBIDDEN;
	*out = g;
	return 0;
}

int agreements_list(struct db *db, struct arena *a, const struct principal *by,
                    const struct agreements_query *q, struct agreement **items, int *n,
                    int *total)
{
	const char *scope = NULL;
	int64_t scope_enterprise = 0;
	if (access_procurement_scope(by, &scope) != 0) {
		if (!by || access_supplier(by, by->enterprise_id) != 0)
			return ERR_FORBIDDEN;
		scope_enterprise = by->enterprise_id;
	}
	struct agreements_query bounded = *q;
	if (bounded.limit < 1 || bounded.limit > 500)
		bounded.limit = 500;
	if (bounded.offset < 0)
		bounded.offset = 0;
	if (bounded.expiring_days < 0)
		bounded.expiring_days = 0;
	return agreements_store_list(db, a, &bounded, scope, scope_enterprise, items, n, total);
}

int agreements_in_force(struct db *db, const char *kommune, int64_t enterprise_id, const char *day,
                        int64_t *id)
{
	return agreements_store_in_force(db, kommune, enterprise_id, day, id);
}

/* the reminder's text: what ends when, and where to see it */
static const char *remind_body(struct arena *a, const struct agreement_due *d)
{
	return arena_printf(a,
		"Indkøbsaftalen \"%s\" med %s udløber %s.\n\n"
		"Skal aftalen forlænges, så ret slutdatoen i Indgang: /indkoeb/aftaler/%lld\n"
		"Skal den ikke forlænges, kan den afsluttes samme sted.\n",
		d->title, d->enterprise_name, text_date_dk(a, d->end), (long long)d->id);
}

int agreements_remind(struct db *db, struct arena *a, const char *day, int days, int *queued)
{
	if (!text_date_valid(day) || days < 0 || days > 3650)
		return ERR_INVALID;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	/* the last day of the window, as SQLite counts days */
	const char *last = NULL;
	struct db_stmt *s = db_prepare(db, "SELECT date(:day, '+' || :days || ' days')");
	if (s && db_bind_text(s, ":day", day) == 0 && db_bind_int(s, ":days", days) == 0 &&
	    db_step(s) == DB_ROW)
		last = db_col_dup(a, s, 0);
	db_done(s);
	if (!last)
		return db_write_end(db, ERR_DB);
	struct agreement_due *due = NULL;
	int n = 0, count = 0;
	rc = agreements_store_due(db, a, day, last, &due, &n);
	for (int i = 0; rc == 0 && i < n; i++) {
		const struct agreement_due *d = &due[i];
		const char *subject = arena_printf(a, "Indkøbsaftale udløber %s: %s",
		                                   text_date_dk(a, d->end), d->title);
		const char *body = remind_body(a, d);
		if (d->contact_email && text_email_valid(d->contact_email))
			rc = mail_queue(db, d->kommune, d->contact_email, subject, body);
		if (rc == 0 && d->creator_email &&
		    (!d->contact_email || strcmp(d->creator_email, d->contact_email) != 0))
			rc = mail_queue(db, d->kommune, d->creator_email, subject, body);
		if (rc == 0)
			rc = agreements_store_mark_reminded(db, d->id);
		if (rc == 0)
			rc = audit_record(db, NULL, "remind", "agreement", arena_printf(a, "%lld", (long long)d->id),
			                  d->kommune, AUDIT_DETAIL(AUDIT_TEXT("end", d->end)));
		count++;
	}
	rc = db_write_end(db, rc);
	if (rc == 0)
		*queued = count;
	return rc;
}
