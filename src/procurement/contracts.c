/*
 * contracts.c — the rules of contracts and leases: validation, access, saving with the
 * commitments and an audit line, and the follow-up of measurable commitments against the
 * placements of the employment capability. Layer: capability domain (procurement).
 */
#include "contracts.h"

#include <stdio.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../employment/employment.h"
#include "../employment/employment_stats.h"
#include "../employment/placements.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "contracts_store.h"

static const struct option_kv kinds[] = {
	{"kontrakt", "Kontrakt"},
	{"lejeaftale", "Lejeaftale"},
	{"forpagtning", "Forpagtning"},
};

const char *contracts_kind_label(const char *kind)
{
	return registry_label(kinds, 3, kind);
}

bool contracts_kind_valid(const char *kind)
{
	for (int i = 0; kind && i < 3; i++)
		if (!strcmp(kinds[i].key, kind))
			return true;
	return false;
}

bool contracts_may_write(const struct principal *by)
{
	if (!by)
		return false;
	return access_national(by) || access_procurement(by, ACC_WRITE, by->kommune) == 0;
}

/* the index of scheme in employment_schemes, or -1 */
static int scheme_index(const char *scheme)
{
	for (int i = 0; scheme && i < SCHEME_COUNT; i++)
		if (!strcmp(employment_schemes[i].key, scheme))
			return i;
	return -1;
}

static void check_commitments(struct arena *a, struct contract *c, struct errs *errs)
{
	if (c->ncommitments > CONTRACTS_MAX_COMMITMENTS) {
		errs_add(errs, "commitments", "En kontrakt kan højst have 20 sociale forpligtelser.");
		return;
	}
	for (int i = 0; i < c->ncommitments; i++) {
		struct commitment *m = &c->commitments[i];
		m->text = m->text ? text_trim(a, m->text) : "";
		const char *sc = m->scheme ? text_trim(a, m->scheme) : NULL;
		m->scheme = sc && *sc ? sc : NULL;
		if (!*m->text || utf8_len(m->text) > 1000)
			errs_add(errs, "commitments", "Skriv hver social forpligtelse med 1 til 1.000 tegn.");
		else if (m->scheme && scheme_index(m->scheme) < 0)
			errs_add(errs, "commitments", arena_printf(a, "Ukendt ordning: %s.", m->scheme));
		else if ((m->scheme != NULL) != (m->target != 0) || m->target < 0 || m->target > 10000)
			errs_add(errs, "commitments",
			         "En målbar forpligtelse har både en ordning og et antal personer fra 1 til 10.000.");
	}
}

static void check_fields(struct arena *a, struct contract *c, const char *value_text,
                         struct errs *errs)
{
	if (!c->kind || !*c->kind)
		c->kind = "kontrakt";
	else if (!contracts_kind_valid(c->kind))
		errs_add(errs, "kind", "Vælg kontrakt, lejeaftale eller forpagtning.");
	c->title = c->title ? text_trim(a, c->title) : "";
	if (!*c->title)
		errs_add(errs, "title", "Skriv kontraktens titel.");
	else if (utf8_len(c->title) > 200)
		errs_add(errs, "title", "Titlen må højst være på 200 tegn.");
	c->start = c->start ? text_trim(a, c->start) : "";
	if (!text_date_valid(c->start))
		errs_add(errs, "start", "Skriv startdatoen som ÅÅÅÅ-MM-DD, fx 2015-08-01.");
	const char *end = c->end ? text_trim(a, c->end) : NULL;
	c->end = end && *end ? end : NULL;
	if (c->end && !text_date_valid(c->end))
		errs_add(errs, "end", "Skriv slutdatoen som ÅÅÅÅ-MM-DD, eller lad den stå tom.");
	else if (c->end && text_date_valid(c->start) && strcmp(c->end, c->start) < 0)
		errs_add(errs, "end", "Slutdatoen ligger før startdatoen.");
	if (value_text) {
		const char *v = text_trim(a, value_text);
		c->has_value = *v != '\0';
		if (c->has_value && money_parse(v, 0, &c->value_ore) != 0)
			errs_add(errs, "value", "Skriv værdien i kroner, fx 250000 eller 250.000,00.");
	}
	c->note = c->note ? text_trim(a, c->note) : "";
	if (utf8_len(c->note) > 4000)
		errs_add(errs, "note", "Noten må højst være på 4.000 tegn.");
	check_commitments(a, c, errs);
}

/* the municipality and enterprise of c and whether by may write there */
static int check_owner(struct db *db, struct arena *a, const struct principal *by,
                       struct contract *c, struct errs *errs)
{
	if (c->id) {
		struct contract old;
		int rc = contracts_store_get(db, a, c->id, &old);
		if (rc)
			return rc;
		if (access_procurement(by, ACC_WRITE, old.kommune) != 0)
			return ERR_FORBIDDEN;
		c->kommune = old.kommune;
		c->kommune_navn = old.kommune_navn;
		c->enterprise_id = old.enterprise_id;
		c->enterprise_name = old.enterprise_name;
		return 0;
	}
	if (!c->kommune || !*c->kommune)
		c->kommune = by ? by->kommune : NULL;
	if (!c->kommune) {
		if (by && access_national(by))
			return errs_add(errs, "kommune", "Vælg kommunen, der indgår kontrakten."), 0;
		return ERR_FORBIDDEN;
	}
	if (access_procurement(by, ACC_WRITE, c->kommune) != 0)
		return ERR_FORBIDDEN;
	struct enterprise e;
	int rc = c->enterprise_id > 0 ? registry_get(db, a, c->enterprise_id, &e) : ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND) {
		errs_add(errs, "enterprise_id", "Vælg en virksomhed, der findes i registret.");
		return 0;
	}
	if (rc == 0)
		c->enterprise_name = e.name;
	return rc;
}

static int write_contract(struct db *db, struct arena *a, const struct principal *by,
                          struct contract *c, const char *value_text, struct errs *errs)
{
	int rc = check_owner(db, a, by, c, errs);
	if (rc)
		return rc;
	check_fields(a, c, value_text, errs);
	int ok = 1;
	if (c->kommune && c->agreement_id > 0 &&
	    (rc = contracts_store_agreement_ok(db, c->agreement_id, c->kommune, c->enterprise_id, &ok)) != 0)
		return rc;
	if (!ok || c->agreement_id < 0)
		errs_add(errs, "agreement_id", "Aftalen findes ikke mellem kommunen og virksomheden.");
	ok = 1;
	if (c->kommune && c->tender_id > 0 &&
	    (rc = contracts_store_tender_ok(db, c->tender_id, c->kommune, &ok)) != 0)
		return rc;
	if (!ok || c->tender_id < 0)
		errs_add(errs, "tender_id", "Udbuddet findes ikke i kommunen.");
	if (errs->n > 0)
		return ERR_INVALID;
	bool creating = c->id == 0;
	rc = creating ? contracts_store_insert(db, c, by ? by->id : 0, &c->id) : contracts_store_update(db, c);
	if (rc == ERR_CONFLICT) {
		errs_add(errs, "kommune", "Ukendt kommune.");
		return ERR_INVALID;
	}
	if (rc == 0)
		rc = contracts_store_set_commitments(db, c);
	char value[MONEY_TEXT];
	if (rc == 0)
		rc = audit_record(db, by, creating ? "create" : "update", "contract",
		                  arena_printf(a, "%lld", (long long)c->id), c->kommune,
		                  AUDIT_DETAIL(AUDIT_INT("enterprise_id", c->enterprise_id),
		                               AUDIT_TEXT("kind", c->kind), AUDIT_TEXT("title", c->title),
		                               AUDIT_TEXT("start", c->start), AUDIT_TEXT("end", c->end),
		                               AUDIT_TEXT("value", c->has_value ? money_api(value, c->value_ore) : NULL),
		                               AUDIT_INT("commitments", c->ncommitments)));
	if (rc == 0)
		rc = contracts_store_get(db, a, c->id, c);
	return rc;
}

int contracts_save(struct db *db, struct arena *a, const struct principal *by, struct contract *c,
                   const char *value_text, struct errs *errs)
{
	bool creating = c->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_contract(db, a, by, c, value_text, errs));
	if (rc && creating)
		c->id = 0;
	return rc;
}

int contracts_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                  struct contract *out)
{
	struct contract c;
	int rc = contracts_store_get(db, a, id, &c);
	if (rc)
		return rc;
	if (access_procurement(by, ACC_READ, c.kommune) != 0)
		return ERR_FORBIDDEN;
	*out = c;
	return 0;
}

int contracts_followup(struct db *db, struct arena *a, const struct principal *by,
                       struct contract *c)
{
	bool any = false;
	for (int i = 0; i < c->ncommitments; i++)
		any |= c->commitments[i].scheme != NULL;
	if (!any)
		return 0;
	int counts[SCHEME_COUNT];
	int rc = placements_now_by_scheme(db, c->enterprise_id, counts);
	if (rc)
		return rc;
	bool exact = access_counts_exact(by, c->kommune, c->enterprise_id);
	for (int i = 0; i < c->ncommitments; i++) {
		struct commitment *m = &c->commitments[i];
		int k = scheme_index(m->scheme);
		if (k < 0)
			continue;
		m->now = counts[k];
		struct employment_cell cell = employment_cell_from(counts[k], exact);
		char t[16];
		m->now_text = arena_strdup(a, employment_cell_text(&cell, t));
	}
	return 0;
}

int contracts_list(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                   int limit, int offset, struct contract **items, int *n, int *total)
{
	const char *scope;
	if (access_procurement_scope(by, &scope) != 0)
		return ERR_FORBIDDEN;
	if (limit < 1 || limit > 500)
		limit = 500;
	if (offset < 0)
		offset = 0;
	return contracts_store_list(db, a, scope, kommune, limit, offset, items, n, total);
}
