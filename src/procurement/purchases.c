/*
 * purchases.c — the rules of purchases: validation, who may record, see and delete them, the
 * audit line of each change, the list, and the purchase of a delivered order. Layer:
 * capability domain (procurement); the SQL is in purchases_store.c.
 */
#include "purchases.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "agreements.h"
#include "purchases_store.h"

bool purchases_may_record(const struct principal *by)
{
	if (!by)
		return false;
	return access_national(by) || access_procurement(by, ACC_WRITE, by->kommune) == 0;
}

/* the fields of p, checked and trimmed (the enterprise is looked up by the caller) */
static void check_fields(struct db *db, struct arena *a, struct purchase *p, const char *amount_text,
                         struct errs *errs)
{
	p->date = p->date ? text_trim(a, p->date) : "";
	if (!text_date_valid(p->date))
		errs_add(errs, "date", "Skriv datoen for købet som ÅÅÅÅ-MM-DD, fx 2015-12-01.");
	if (amount_text) {
		int64_t ore = 0;
		if (money_parse(amount_text, 0, &ore) != 0 || ore <= 0)
			errs_add(errs, "amount", "Skriv beløbet i kroner uden moms, fx 1234,50.");
		else
			p->amount_ore = ore;
	} else if (p->amount_ore <= 0 || p->amount_ore > MONEY_MAX_ORE) {
		errs_add(errs, "amount", "Skriv beløbet i kroner uden moms, fx 1234,50.");
	}
	const char *svc = p->service ? text_trim(a, p->service) : NULL;
	p->service = svc && *svc ? svc : NULL;
	int yes = 1;
	if (p->service && (purchases_store_service_exists(db, p->service, &yes) != 0 || !yes))
		errs_add(errs, "service", "Vælg en ydelse fra listen.");
	p->description = p->description ? text_trim(a, p->description) : "";
	if (utf8_len(p->description) > 1000)
		errs_add(errs, "description", "Beskrivelsen må højst være på 1.000 tegn.");
}

static int write_purchase(struct db *db, struct arena *a, const struct principal *by,
                          struct purchase *p, const char *amount_text, struct errs *errs)
{
	if (!by)
		return ERR_FORBIDDEN;
	if (!access_national(by))
		p->kommune = p->kommune && *p->kommune ? p->kommune : by->kommune;
	if (p->kommune && !*p->kommune)
		p->kommune = NULL;
	if (!p->kommune) {
		if (!access_national(by))
			return ERR_FORBIDDEN;
		errs_add(errs, "kommune", "Vælg kommunen, der har købt.");
	} else if (access_procurement(by, ACC_WRITE, p->kommune) != 0) {
		return ERR_FORBIDDEN;
	}
	struct enterprise e;
	int rc = p->enterprise_id > 0 ? registry_get(db, a, p->enterprise_id, &e) : ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND)
		errs_add(errs, "enterprise_id", "Vælg en virksomhed, der findes i registret.");
	else if (rc)
		return rc;
	check_fields(db, a, p, amount_text, errs);
	if (errs->n > 0)
		return ERR_INVALID;
	p->order_id = 0;
	if ((rc = agreements_in_force(db, p->kommune, p->enterprise_id, p->date, &p->agreement_id)) != 0)
		return rc;
	rc = purchases_store_insert(db, p, by->id, &p->id);
	if (rc == ERR_CONFLICT) {
		errs_add(errs, "kommune", "Ukendt kommune.");
		return ERR_INVALID;
	}
	char amount[MONEY_TEXT];
	if (rc == 0)
		rc = audit_record(db, by, "create", "purchase", arena_printf(a, "%lld", (long long)p->id),
		                  p->kommune,
		                  AUDIT_DETAIL(AUDIT_INT("enterprise_id", p->enterprise_id),
		                               AUDIT_TEXT("date", p->date),
		                               AUDIT_TEXT("amount", money_api(amount, p->amount_ore)),
		                               AUDIT_TEXT("service", p->service)));
	if (rc == 0)
		rc = purchases_store_get(db, a, p->id, p);
	return rc;
}

int purchases_create(struct db *db, struct arena *a, const struct principal *by,
                     struct purchase *p, const char *amount_text, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_purchase(db, a, by, p, amount_text, errs));
	if (rc)
		p->id = 0;
	return rc;
}

int purchases_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                  struct purchase *out)
{
	struct purchase p;
	int rc = purchases_store_get(db, a, id, &p);
	if (rc)
		return rc;
	if (access_procurement(by, ACC_READ, p.kommune) != 0)
		return ERR_FORBIDDEN;
	*out = p;
	return 0;
}

int purchases_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct purchase p;
	rc = purchases_store_get(db, a, id, &p);
	if (rc == 0 && access_procurement(by, ACC_WRITE, p.kommune) != 0)
		rc = ERR_FORBIDDEN;
	if (rc == 0)
		rc = purchases_store_delete(db, id);
	char amount[MONEY_TEXT];
	if (rc == 0)
		rc = audit_record(db, by, "delete", "purchase", arena_printf(a, "%lld", (long long)id),
		                  p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("enterprise_id", p.enterprise_id),
		                               AUDIT_TEXT("date", p.date),
		                               AUDIT_TEXT("amount", money_api(amount, p.amount_ore)),
		                               AUDIT_INT("order_id", p.order_id)));
	return db_write_end(db, rc);
}

int purchases_list(struct db *db, struct arena *a, const struct principal *by,
                   const struct purchases_query *q, struct purchase **items, int *n, int *total,
                   int64_t *sum_ore)
{
	const char *scope;
	if (access_procurement_scope(by, &scope) != 0)
		return ERR_FORBIDDEN;
	struct purchases_query bounded = *q;
	if (bounded.limit < 1 || bounded.limit > 10000)
		bounded.limit = 10000;
	if (bounded.offset < 0)
		bounded.offset = 0;
	return purchases_store_list(db, a, &bounded, scope, items, n, total, sum_ore);
}

int purchases_from_order(struct db *db, int64_t order_id, const char *kommune,
                         int64_t enterprise_id, int64_t agreement_id, const char *day,
                         int64_t amount_ore, const char *description, int64_t by)
{
	struct purchase p = {.kommune = kommune, .enterprise_id = enterprise_id, .order_id = order_id,
	                     .agreement_id = agreement_id, .date = day, .amount_ore = amount_ore,
	                     .description = description};
	return purchases_store_insert_order(db, &p, by);
}
