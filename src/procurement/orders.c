/*
 * orders.c — the rules of orders: lines from the catalogue (copied when ordered) and free
 * lines, the mail to the enterprise, the enterprise's answer mailed back, delivery making the
 * purchase, and cancelling. Layer: capability domain (procurement); SQL in orders_store.c.
 */
#include "orders.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../mail/mail.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "agreements.h"
#include "orders_store.h"
#include "purchases.h"

static const struct option_kv statuses[] = {
	{"sent", "Sendt"},         {"accepted", "Accepteret"}, {"declined", "Afvist"},
	{"delivered", "Leveret"},  {"cancelled", "Annulleret"},
};

const char *orders_status_label(const char *status)
{
	return registry_label(statuses, 5, status);
}

/* s trimmed, "" for NULL; longer than max characters is a field error */
static const char *trimmed(struct arena *a, const char *s, const char *field, size_t max,
                           struct errs *errs)
{
	const char *t = s ? text_trim(a, s) : "";
	if (utf8_len(t) > max)
		errs_add(errs, field, arena_printf(a, "Højst %zu tegn.", max));
	return t;
}

/* the lines of o checked against the catalogue of o's enterprise, prices copied, total summed */
static int check_lines(struct db *db, struct arena *a, struct order *o, struct errs *errs)
{
	if (o->nlines < 1)
		return errs_add(errs, "lines", "Tilføj mindst én linje til ordren."), 0;
	if (o->nlines > ORDERS_MAX_LINES)
		return errs_add(errs, "lines", "En ordre kan højst have 50 linjer."), 0;
	int64_t total = 0;
	for (int i = 0; i < o->nlines; i++) {
		struct order_line *l = &o->lines[i];
		if (l->quantity < 1 || l->quantity > 1000000) {
			errs_add(errs, "lines", arena_printf(a, "Linje %d: skriv et antal fra 1 til 1.000.000.", i + 1));
			continue;
		}
		if (l->product_id) {
			struct order_product p;
			int rc = o->enterprise_id > 0 ? orders_store_product(db, a, l->product_id, o->enterprise_id, &p)
			                              : ERR_NOTFOUND;
			if (rc == ERR_NOTFOUND) {
				errs_add(errs, "lines", arena_printf(a, "Linje %d: produktet findes ikke i virksomhedens katalog.", i + 1));
				continue;
			}
			if (rc)
				return rc;
			if (l->quantity < p.min_order) {
				errs_add(errs, "lines", arena_printf(a, "Linje %d: %s bestilles mindst %d %s ad gangen.",
				                                     i + 1, p.title, p.min_order, p.unit));
				continue;
			}
			l->title = p.title;
			l->unit = p.unit;
			l->price_ore = p.price_ore;
			l->vat_rate = p.vat_rate;
		} else {
			l->title = l->title ? text_trim(a, l->title) : "";
			const char *unit = l->unit ? text_trim(a, l->unit) : "";
			l->unit = *unit ? unit : "stk.";
			l->vat_rate = 25;
			int64_t price = 0;
			if (!*l->title || utf8_len(l->title) > 200)
				errs_add(errs, "lines", arena_printf(a, "Linje %d: skriv hvad der bestilles (1-200 tegn).", i + 1));
			else if (utf8_len(l->unit) > 40)
				errs_add(errs, "lines", arena_printf(a, "Linje %d: enheden må højst være på 40 tegn.", i + 1));
			else if (!l->price_text || money_parse(l->price_text, 0, &price) != 0)
				errs_add(errs, "lines", arena_printf(a, "Linje %d: skriv prisen pr. enhed i kroner, fx 125,00.", i + 1));
			l->price_ore = price;
		}
		/* the sum stays at most MONEY_MAX_ORE, checked before multiplying so nothing overflows */
		if (total <= MONEY_MAX_ORE && l->price_ore <= (MONEY_MAX_ORE - total) / l->quantity)
			total += l->price_ore * l->quantity;
		else
			total = MONEY_MAX_ORE + 1;
	}
	if (total > MONEY_MAX_ORE)
		errs_add(errs, "lines", "Ordrens samlede beløb er for stort.");
	o->total_ore = total;
	return 0;
}

/* the order's lines and total as the mails write them, in Danish money */
static const char *lines_text(struct arena *a, const struct order *o)
{
	struct buf b;
	buf_init(&b, 0);
	char price[MONEY_TEXT], sum[MONEY_TEXT];
	for (int i = 0; i < o->nlines; i++) {
		const struct order_line *l = &o->lines[i];
		buf_printf(&b, "- %d %s %s à %s = %s\n", l->quantity, l->unit, l->title,
		           money_da(price, l->price_ore), money_da(sum, l->price_ore * l->quantity));
	}
	buf_printf(&b, "\nI alt ekskl. moms: %s\n", money_da(sum, o->total_ore));
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

static int write_order(struct db *db, struct arena *a, const struct principal *by, struct order *o,
                       struct errs *errs)
{
	if (!by)
		return ERR_FORBIDDEN;
	if (!access_national(by))
		o->kommune = o->kommune && *o->kommune ? o->kommune : by->kommune;
	if (o->kommune && !*o->kommune)
		o->kommune = NULL;
	if (!o->kommune) {
		if (!access_national(by))
			return ERR_FORBIDDEN;
		errs_add(errs, "kommune", "Vælg kommunen, der bestiller.");
	} else if (access_procurement(by, ACC_WRITE, o->kommune) != 0) {
		return ERR_FORBIDDEN;
	}
	struct enterprise e = {0};
	int rc = o->enterprise_id > 0 ? registry_get(db, a, o->enterprise_id, &e) : ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND)
		errs_add(errs, "enterprise_id", "Vælg en virksomhed, der findes i registret.");
	else if (rc)
		return rc;
	o->reference = trimmed(a, o->reference, "reference", 200, errs);
	o->delivery_address = trimmed(a, o->delivery_address, "delivery_address", 500, errs);
	o->note = trimmed(a, o->note, "note", 4000, errs);
	const char *w = o->wanted_by ? text_trim(a, o->wanted_by) : "";
	o->wanted_by = *w ? w : NULL;
	if (o->wanted_by && !text_date_valid(o->wanted_by))
		errs_add(errs, "wanted_by", "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-01.");
	if (rc == 0 && (rc = check_lines(db, a, o, errs)) != 0)
		return rc;
	if (errs->n > 0)
		return ERR_INVALID;
	char today[11];
	text_today(today);
	if ((rc = agreements_in_force(db, o->kommune, o->enterprise_id, today, &o->agreement_id)) != 0)
		return rc;
	rc = orders_store_insert(db, o, by->id, &o->id);
	if (rc == ERR_CONFLICT) {
		errs_add(errs, "kommune", "Ukendt kommune.");
		return ERR_INVALID;
	}
	for (int i = 0; rc == 0 && i < o->nlines; i++)
		rc = orders_store_insert_line(db, o->id, &o->lines[i]);
	if (rc == 0 && e.contact_email && text_email_valid(e.contact_email))
		rc = mail_queue(db, o->kommune, e.contact_email,
		                arena_printf(a, "Ny ordre nr. %lld fra %s Kommune", (long long)o->id,
		                             by->kommune_navn ? by->kommune_navn : o->kommune),
		                arena_printf(a, "%s har sendt en ordre gennem Indgang.\n\nReference: %s\n"
		                                "Leveringsadresse: %s\nØnskes leveret: %s\nBemærkning: %s\n\n%s\n"
		                                "Svar på ordren i Indgang: /indkoeb/ordrer/%lld\n",
		                             by->email ? by->email : "Kommunen", o->reference, o->delivery_address,
		                             o->wanted_by ? text_date_dk(a, o->wanted_by) : "snarest", o->note,
		                             lines_text(a, o), (long long)o->id));
	char total[MONEY_TEXT];
	if (rc == 0)
		rc = audit_record(db, by, "create", "order", arena_printf(a, "%lld", (long long)o->id), o->kommune,
		                  AUDIT_DETAIL(AUDIT_INT("enterprise_id", o->enterprise_id),
		                               AUDIT_INT("lines", o->nlines),
		                               AUDIT_TEXT("total", money_api(total, o->total_ore))));
	if (rc == 0)
		rc = orders_store_get(db, a, o->id, o);
	return rc;
}

int orders_create(struct db *db, struct arena *a, const struct principal *by, struct order *o,
                  struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_order(db, a, by, o, errs));
	if (rc)
		o->id = 0;
	return rc;
}

int orders_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
               struct order *out)
{
	struct order o;
	int rc = orders_store_get(db, a, id, &o);
	if (rc)
		return rc;
	if (access_procurement(by, ACC_READ, o.kommune) != 0 && access_supplier(by, o.enterprise_id) != 0)
		return ERR_FORBIDDEN;
	*out = o;
	return 0;
}

bool orders_may_answer(const struct principal *by, const struct order *o)
{
	return access_supplier(by, o->enterprise_id) == 0 &&
	       (!strcmp(o->status, "sent") || !strcmp(o->status, "accepted"));
}

bool orders_may_cancel(const struct principal *by, const struct order *o)
{
	return access_procurement(by, ACC_WRITE, o->kommune) == 0 &&
	       (!strcmp(o->status, "sent") || !strcmp(o->status, "accepted"));
}

/* whether the move from → to is allowed for the supplier (true) or the buyer (false) */
static bool move_ok(const char *from, const char *to, bool supplier)
{
	if (supplier)
		return (!strcmp(from, "sent") && (!strcmp(to, "accepted") || !strcmp(to, "declined"))) ||
		       (!strcmp(from, "accepted") && !strcmp(to, "delivered"));
	return !strcmp(to, "cancelled") && (!strcmp(from, "sent") || !strcmp(from, "accepted"));
}

static int move_order(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                      const char *status, const char *answer, struct errs *errs)
{
	struct order o;
	int rc = orders_get(db, a, by, id, &o);
	if (rc)
		return rc;
	bool supplier = access_supplier(by, o.enterprise_id) == 0;
	bool buyer = access_procurement(by, ACC_WRITE, o.kommune) == 0;
	if (!supplier && !buyer)
		return ERR_FORBIDDEN;
	if (!status || !*status || !strcmp(orders_status_label(status), status))
		return errs_add(errs, "status", "Status skal være accepted, declined, delivered eller cancelled.");
	if (!strcmp(status, "cancelled") ? !buyer : !supplier)
		return ERR_FORBIDDEN;
	if (!move_ok(o.status, status, supplier && strcmp(status, "cancelled")))
		return errs_add(errs, "status", arena_printf(a, "En ordre med status %s kan ikke blive %s.",
		                                            orders_status_label(o.status),
		                                            orders_status_label(status))),
		       ERR_CONFLICT;
	const char *ans = answer ? text_trim(a, answer) : NULL;
	if (ans && utf8_len(ans) > 4000)
		return errs_add(errs, "answer", "Svaret må højst være på 4.000 tegn.");
	rc = orders_store_set_status(db, id, status, ans && *ans ? ans : NULL);
	char today[11];
	text_today(today);
	if (rc == 0 && !strcmp(status, "delivered"))
		rc = purchases_from_order(db, id, o.kommune, o.enterprise_id, o.agreement_id, today, o.total_ore,
		                          *o.reference ? arena_printf(a, "Ordre nr. %lld (%s)", (long long)id, o.reference)
		                                       : arena_printf(a, "Ordre nr. %lld", (long long)id),
		                          by->id);
	const char *subject = arena_printf(a, "Ordre nr. %lld: %s", (long long)id, orders_status_label(status));
	const char *body = arena_printf(a, "Ordre nr. %lld til %s er nu: %s.\n%s%s\n\n%s\nSe ordren i Indgang: /indkoeb/ordrer/%lld\n",
	                                (long long)id, o.enterprise_name, orders_status_label(status),
	                                ans && *ans ? "\nVirksomhedens svar: " : "", ans && *ans ? ans : "",
	                                lines_text(a, &o), (long long)id);
	if (rc == 0 && supplier && strcmp(status, "cancelled") && o.buyer_email)
		rc = mail_queue(db, o.kommune, o.buyer_email, subject, body);
	if (rc == 0 && !strcmp(status, "cancelled")) {
		struct enterprise e;
		if (registry_get(db, a, o.enterprise_id, &e) == 0 && e.contact_email && text_email_valid(e.contact_email))
			rc = mail_queue(db, o.kommune, e.contact_email, subject, body);
	}
	if (rc == 0)
		rc = audit_record(db, by, "status", "order", arena_printf(a, "%lld", (long long)id), o.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("from", o.status), AUDIT_TEXT("status", status)));
	return rc;
}

int orders_set_status(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                      const char *status, const char *answer, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	return db_write_end(db, move_order(db, a, by, id, status, answer, errs));
}

int orders_list(struct db *db, struct arena *a, const struct principal *by, const char *status,
                int limit, int offset, struct order **items, int *n, int *total)
{
	const char *scope = NULL;
	int64_t scope_enterprise = 0;
	if (access_procurement_scope(by, &scope) != 0) {
		if (!by || access_supplier(by, by->enterprise_id) != 0)
			return ERR_FORBIDDEN;
		scope_enterprise = by->enterprise_id;
	}
	if (limit < 1 || limit > 500)
		limit = 500;
	if (offset < 0)
		offset = 0;
	return orders_store_list(db, a, scope, scope_enterprise, status, limit, offset, items, n, total);
}

int orders_products(struct db *db, struct arena *a, int64_t enterprise_id,
                    struct order_product **items, int *n)
{
	return orders_store_products(db, a, enterprise_id, items, n);
}

int orders_product_enterprise(struct db *db, int64_t id, int64_t *enterprise_id)
{
	return orders_store_product_enterprise(db, id, enterprise_id);
}
