/*
 * catalogue.c — the rules of the catalogue: validation of a product, who may keep it, saving
 * with its lists, search terms and an audit line, the search with the agreement mark, and the
 * pictures. Layer: capability domain (procurement); the SQL is in catalogue_store.c, the access
 * decision in auth/access.c, the picture pipeline in images.c.
 */
#include "catalogue.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../kommune/kommune.h"
#include "../registry/registry.h"
#include "../registry/registry_search.h"
#include "../store/db.h"
#include "catalogue_store.h"
#include "cpv.h"
#include "images.h"

const char *catalogue_price_text(struct arena *a, int64_t price_ore, int vat_rate)
{
	char m[MONEY_TEXT];
	money_da(m, price_ore);
	if (vat_rate == 0)
		return arena_printf(a, "%s ekskl. moms (momsfri)", m);
	return arena_printf(a, "%s ekskl. moms (%d %%)", m, vat_rate);
}

const char *catalogue_status_label(const char *status)
{
	return status && strcmp(status, "hidden") == 0 ? "Skjult" : "Synlig";
}

/* ---------------------------------------------------------------- validation */

/* *keys[0..*n) trimmed and without repeats, as a new array in a (the caller's is not touched);
 * each must be one of opts' keys (or, with kommuner, a municipality code), else a field error
 * "Ukendt <what>: <key>." */
static void check_list(struct arena *a, const char ***keys_io, int *n, int max,
                       const struct option_kv *opts, int nopts, const struct kommune *kk, int nkk,
                       const char *field, const char *what, struct errs *errs)
{
	if (*n > max) {
		errs_add(errs, field, arena_printf(a, "Der kan højst vælges %d.", max));
		return;
	}
	const char **in = *keys_io;
	const char **keys = arena_alloc(a, sizeof(*keys) * (size_t)(*n > 0 ? *n : 1));
	int m = 0;
	for (int i = 0; i < *n; i++) {
		const char *k = in[i] ? text_trim(a, in[i]) : "";
		bool seen = false, known = false;
		for (int j = 0; j < m && !seen; j++)
			seen = strcmp(keys[j], k) == 0;
		if (seen)
			continue;
		for (int j = 0; j < nopts && !known; j++)
			known = strcmp(opts[j].key, k) == 0;
		for (int j = 0; j < nkk && !known; j++)
			known = strcmp(kk[j].kode, k) == 0;
		if (!known)
			errs_add(errs, field, arena_printf(a, "Ukendt %s: %s.", what, k));
		keys[m++] = k;
	}
	*keys_io = keys;
	*n = m;
}

/* the fields that need no database */
static void check_fields(struct arena *a, struct product *p, struct errs *errs)
{
	p->title = p->title ? text_trim(a, p->title) : "";
	if (!*p->title)
		errs_add(errs, "title", "Skriv produktets titel.");
	else if (utf8_len(p->title) > 200)
		errs_add(errs, "title", "Titlen må højst være på 200 tegn.");
	p->description = p->description ? text_trim(a, p->description) : "";
	if (utf8_len(p->description) > 10000)
		errs_add(errs, "description", "Beskrivelsen må højst være på 10.000 tegn.");
	if ((p->price_ore < 0 || p->price_ore > MONEY_MAX_ORE) && !errs_get(errs, "price"))
		errs_add(errs, "price", "Skriv prisen i kroner ekskl. moms, fx 1.234,50.");
	if ((p->vat_rate < 0 || p->vat_rate > 25) && !errs_get(errs, "vat_rate"))
		errs_add(errs, "vat_rate", "Momssatsen skal være 25 % (moms) eller 0 % (momsfri).");
	p->unit = p->unit ? text_trim(a, p->unit) : "";
	if (!*p->unit)
		p->unit = "stk.";
	else if (utf8_len(p->unit) > 40)
		errs_add(errs, "unit", "Enheden må højst være på 40 tegn, fx stk., time eller kurv.");
	if ((p->min_order < 1 || p->min_order > 100000) && !errs_get(errs, "min_order"))
		errs_add(errs, "min_order", "Mindste bestilling skal være et helt tal fra 1 til 100.000.");
	const char *cpv = p->cpv ? text_trim(a, p->cpv) : NULL;
	p->cpv = NULL;
	if (cpv && *cpv) {
		char code[11];
		enum cpv_result r = cpv_check(cpv, code);
		if (r == CPV_OK) {
			p->cpv = arena_strdup(a, code);
		} else {
			p->cpv = cpv; /* kept as typed for the form; nothing is stored with an error */
			errs_add(errs, "cpv", cpv_message(r));
		}
	}
	if (!p->status)
		p->status = "active";
	else if (strcmp(p->status, "active") != 0 && strcmp(p->status, "hidden") != 0)
		errs_add(errs, "status", "Status skal være active (synlig) eller hidden (skjult).");
}

int catalogue_validate(struct db *db, struct arena *a, struct product *p, struct errs *errs)
{
	int before = errs->n;
	check_fields(a, p, errs);
	struct option_kv *services;
	int nservices;
	struct kommune *kk;
	int nkk;
	int rc = registry_options(db, a, false, &services, &nservices);
	if (rc == 0)
		rc = kommune_list(db, a, &kk, &nkk);
	if (rc)
		return rc;
	check_list(a, &p->services, &p->nservices, CATALOGUE_MAX_SERVICES, services, nservices, NULL, 0,
	           "services", "ydelse", errs);
	check_list(a, &p->areas, &p->nareas, CATALOGUE_MAX_AREAS, NULL, 0, kk, nkk, "areas",
	           "kommunekode", errs);
	return errs->n > before ? ERR_INVALID : 0;
}

/* ---------------------------------------------------------------- saving */

bool catalogue_may_write(const struct principal *by, const struct product *p)
{
	return p && access_catalogue_write(by, p->kommune, p->enterprise_id) == 0;
}

/* the audit line of a create or update of p */
static int audit_product(struct db *db, struct arena *a, const struct principal *by,
                         const char *action, const struct product *p)
{
	return audit_record(db, by, action, "product", arena_printf(a, "%lld", (long long)p->id),
	                    p->kommune,
	                    AUDIT_DETAIL(AUDIT_INT("enterprise_id", p->enterprise_id),
	                                 AUDIT_TEXT("title", p->title), AUDIT_INT("price_ore", p->price_ore),
	                                 AUDIT_INT("vat_rate", p->vat_rate), AUDIT_TEXT("unit", p->unit),
	                                 AUDIT_INT("min_order", p->min_order), AUDIT_TEXT("cpv", p->cpv),
	                                 AUDIT_TEXT("status", p->status)));
}

int catalogue_save(struct db *db, struct arena *a, const struct principal *by, struct product *p,
                   struct errs *errs)
{
	char today[11];
	text_today(today);
	int rc;
	if (p->id) {
		struct product old;
		if ((rc = catalogue_store_get(db, a, p->id, today, NULL, &old)) != 0)
			return rc;
		if (!catalogue_may_write(by, &old))
			return ERR_FORBIDDEN;
		if (p->enterprise_id && p->enterprise_id != old.enterprise_id) {
			errs_add(errs, "enterprise_id", "Et produkt kan ikke flyttes til en anden virksomhed.");
			return ERR_INVALID;
		}
		p->enterprise_id = old.enterprise_id;
		p->enterprise_name = old.enterprise_name;
		p->kommune = old.kommune;
		p->created_at = old.created_at;
	} else {
		const char *name = NULL, *kommune = NULL;
		bool closed = false;
		rc = p->enterprise_id > 0 ? catalogue_store_enterprise(db, a, p->enterprise_id, today, &name,
		                                                        &kommune, &closed)
		                          : ERR_NOTFOUND;
		if (rc == ERR_NOTFOUND) {
			/* who may write nowhere learns nothing of which enterprises exist */
			if (!by)
				return ERR_FORBIDDEN;
			errs_add(errs, "enterprise_id", "Der er ingen virksomhed med det id.");
			return ERR_INVALID;
		}
		if (rc)
			return rc;
		if (access_catalogue_write(by, kommune, p->enterprise_id) != 0)
			return ERR_FORBIDDEN;
		p->enterprise_name = name;
		p->kommune = kommune;
		p->enterprise_closed = closed;
	}
	/* the caller's field errors (a member of the wrong type) and the rules' together, in the
	 * order of the form */
	int had = errs->n;
	if ((rc = catalogue_validate(db, a, p, errs)) != 0 && rc != ERR_INVALID)
		return rc;
	if (had || rc)
		return ERR_INVALID;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	bool create = p->id == 0;
	if (create) {
		int64_t id = 0;
		rc = catalogue_store_insert(db, p, by ? by->id : 0, &id);
		if (rc == 0)
			p->id = id;
	} else {
		rc = catalogue_store_update(db, p);
	}
	if (rc == 0)
		rc = catalogue_store_set_lists(db, p);
	if (rc == 0)
		rc = catalogue_store_set_terms(db, p->id, registry_search_terms(a, p->title, p->description));
	if (rc == 0)
		rc = audit_product(db, a, by, create ? "create" : "update", p);
	rc = db_write_end(db, rc);
	if (rc) {
		if (create)
			p->id = 0;
		return rc;
	}
	struct product fresh;
	if (catalogue_store_get(db, a, p->id, today, NULL, &fresh) == 0) {
		p->created_at = fresh.created_at;
		p->updated_at = fresh.updated_at;
	}
	return 0;
}

const char *catalogue_agreement_kommune(const struct principal *by, const char *asked)
{
	const char *scope = NULL;
	if (by && access_procurement_scope(by, &scope) == 0 && scope)
		return scope;
	return asked && *asked ? asked : NULL;
}

int catalogue_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                  const char *kommune, struct product *out)
{
	char today[11];
	text_today(today);
	const char *ak = catalogue_agreement_kommune(by, kommune);
	struct product p;
	int rc = catalogue_store_get(db, a, id, today, ak, &p);
	if (rc)
		return rc;
	bool visible = strcmp(p.status, "active") == 0 && !p.enterprise_closed;
	if (!visible && !catalogue_may_write(by, &p))
		return ERR_NOTFOUND;
	/* the agreement's title is the municipality's business: the public sees only the mark */
	if (p.agreement_title && (!ak || access_procurement(by, ACC_READ, ak) != 0))
		p.agreement_title = NULL;
	if ((rc = catalogue_store_images(db, a, id, &p.images, &p.nimages)) != 0)
		return rc;
	*out = p;
	return 0;
}

int catalogue_set_status(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         const char *status, struct errs *errs)
{
	char today[11];
	text_today(today);
	struct product p;
	int rc = catalogue_store_get(db, a, id, today, NULL, &p);
	if (rc)
		return rc;
	if (!catalogue_may_write(by, &p))
		return ERR_FORBIDDEN;
	if (!status || (strcmp(status, "active") != 0 && strcmp(status, "hidden") != 0)) {
		errs_add(errs, "status", "Status skal være active (synlig) eller hidden (skjult).");
		return ERR_INVALID;
	}
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = catalogue_store_set_status(db, id, status);
	if (rc == 0)
		rc = audit_record(db, by, "status", "product", arena_printf(a, "%lld", (long long)id),
		                  p.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("from", p.status), AUDIT_TEXT("status", status)));
	return db_write_end(db, rc);
}

/* ---------------------------------------------------------------- search */

int catalogue_search(struct db *db, struct arena *a, const struct principal *by,
                     const struct catalogue_query *q, struct catalogue_item **items, int *n,
                     int *total)
{
	char today[11];
	text_today(today);
	const char *match = q->q && *q->q ? registry_search_query(a, q->q) : NULL;
	const char *ak = catalogue_agreement_kommune(by, q->kommune);
	int64_t writer = 0;
	if (q->include_hidden && q->enterprise_id > 0) {
		const char *name, *kommune;
		bool closed;
		if (catalogue_store_enterprise(db, a, q->enterprise_id, today, &name, &kommune, &closed) == 0 &&
		    access_catalogue_write(by, kommune, q->enterprise_id) == 0)
			writer = q->enterprise_id;
	}
	*items = NULL;
	*n = 0;
	*total = 0;
	/* words that fold to nothing ("!!") find nothing rather than everything */
	if (q->q && *q->q && !match)
		return 0;
	return catalogue_store_search(db, a, q, match, today, ak, writer, items, n, total);
}

/* ---------------------------------------------------------------- pictures */

/* the product of a picture and whether by may write it; ERR_NOTFOUND, ERR_FORBIDDEN */
static int writable_product(struct db *db, struct arena *a, const struct principal *by,
                            int64_t product_id, struct product *p)
{
	char today[11];
	text_today(today);
	int rc = catalogue_store_get(db, a, product_id, today, NULL, p);
	if (rc)
		return rc;
	return catalogue_may_write(by, p) ? 0 : ERR_FORBIDDEN;
}

/* alt trimmed and checked (1..300 characters) into *out; a field error otherwise */
static bool check_alt(struct arena *a, const char *alt, const char **out, struct errs *errs)
{
	const char *t = alt ? text_trim(a, alt) : "";
	if (!*t) {
		errs_add(errs, "alt", "Skriv en billedtekst (alt-tekst), der fortæller, hvad billedet viser.");
		return false;
	}
	if (utf8_len(t) > CATALOGUE_ALT_MAX) {
		errs_add(errs, "alt", "Billedteksten må højst være på 300 tegn.");
		return false;
	}
	*out = t;
	return true;
}

int catalogue_image_add(struct db *db, struct arena *a, const struct principal *by,
                        int64_t product_id, const void *data, size_t len, const char *alt,
                        struct errs *errs, struct catalogue_image *out)
{
	struct product p;
	int rc = writable_product(db, a, by, product_id, &p);
	if (rc)
		return rc;
	if (len > IMAGES_MAX_BYTES)
		return ERR_TOOBIG;
	const char *alt_ok = NULL;
	check_alt(a, alt, &alt_ok, errs);
	int count = 0;
	if ((rc = catalogue_store_image_count(db, product_id, &count)) != 0)
		return rc;
	if (count >= CATALOGUE_MAX_IMAGES)
		errs_add(errs, "image", arena_printf(a, "Et produkt kan højst have %d billeder.",
		                                     CATALOGUE_MAX_IMAGES));
	if (errs->n)
		return ERR_INVALID;
	/* the picture is decoded outside the write lock: it takes the longest */
	struct images_out im;
	enum images_result res = images_process(a, data, len, &im);
	if (res == IMAGES_TOO_LARGE)
		return ERR_TOOBIG;
	if (res == IMAGES_INTERNAL)
		return ERR_UNAVAILABLE;
	if (res != IMAGES_OK) {
		errs_add(errs, "image", images_message(res));
		return ERR_INVALID;
	}
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	int64_t id = 0;
	rc = catalogue_store_image_insert(db, product_id, alt_ok, im.width, im.height, &id);
	for (int i = 0; rc == 0 && i < IMAGES_NFILES; i++)
		rc = catalogue_store_image_file_insert(db, id, &im.files[i]);
	if (rc == 0)
		rc = audit_record(db, by, "image_add", "product", arena_printf(a, "%lld", (long long)product_id),
		                  p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("image_id", id), AUDIT_TEXT("alt", alt_ok),
		                               AUDIT_INT("width", im.width), AUDIT_INT("height", im.height),
		                               AUDIT_INT("bytes", (int64_t)len)));
	if ((rc = db_write_end(db, rc)) != 0)
		return rc;
	return catalogue_store_image_get(db, a, id, out);
}

int catalogue_image_update(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                           const char *alt, int position, struct errs *errs)
{
	struct catalogue_image im;
	int rc = catalogue_store_image_get(db, a, id, &im);
	if (rc)
		return rc;
	struct product p;
	if ((rc = writable_product(db, a, by, im.product_id, &p)) != 0)
		return rc;
	const char *alt_ok = NULL;
	if (alt)
		check_alt(a, alt, &alt_ok, errs);
	if (position > 1000)
		errs_add(errs, "position", "Placeringen skal være et helt tal fra 0 til 1.000.");
	if (errs->n)
		return ERR_INVALID;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = catalogue_store_image_update(db, id, alt_ok, position);
	if (rc == 0)
		rc = audit_record(db, by, "image_update", "product",
		                  arena_printf(a, "%lld", (long long)im.product_id), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("image_id", id), AUDIT_TEXT("alt", alt_ok),
		                               AUDIT_INT("position", position)));
	return db_write_end(db, rc);
}

int catalogue_image_move_up(struct db *db, struct arena *a, const struct principal *by, int64_t id)
{
	struct catalogue_image im;
	int rc = catalogue_store_image_get(db, a, id, &im);
	if (rc)
		return rc;
	struct product p;
	if ((rc = writable_product(db, a, by, im.product_id, &p)) != 0)
		return rc;
	struct catalogue_image *all;
	int n;
	if ((rc = catalogue_store_images(db, a, im.product_id, &all, &n)) != 0)
		return rc;
	int at = 0;
	for (int i = 0; i < n; i++)
		if (all[i].id == id)
			at = i;
	if (at > 0) {
		struct catalogue_image t = all[at - 1];
		all[at - 1] = all[at];
		all[at] = t;
	}
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	for (int i = 0; rc == 0 && i < n; i++)
		rc = catalogue_store_image_update(db, all[i].id, NULL, i);
	if (rc == 0)
		rc = audit_record(db, by, "image_move", "product",
		                  arena_printf(a, "%lld", (long long)im.product_id), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("image_id", id), AUDIT_INT("position", at > 0 ? at - 1 : 0)));
	return db_write_end(db, rc);
}

int catalogue_image_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id)
{
	struct catalogue_image im;
	int rc = catalogue_store_image_get(db, a, id, &im);
	if (rc)
		return rc;
	struct product p;
	if ((rc = writable_product(db, a, by, im.product_id, &p)) != 0)
		return rc;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = catalogue_store_image_delete(db, id);
	if (rc == 0)
		rc = audit_record(db, by, "image_delete", "product",
		                  arena_printf(a, "%lld", (long long)im.product_id), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("image_id", id), AUDIT_TEXT("alt", im.alt)));
	return db_write_end(db, rc);
}

int catalogue_image_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                        struct catalogue_image *out)
{
	struct catalogue_image im;
	int rc = catalogue_store_image_get(db, a, id, &im);
	if (rc)
		return rc;
	char today[11];
	text_today(today);
	struct product p;
	if ((rc = catalogue_store_get(db, a, im.product_id, today, NULL, &p)) != 0)
		return rc;
	bool visible = strcmp(p.status, "active") == 0 && !p.enterprise_closed;
	if (!visible && !catalogue_may_write(by, &p))
		return ERR_NOTFOUND;
	*out = im;
	return 0;
}

int catalogue_image_file(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         int size, const char *format, const void **data, size_t *len,
                         const char **etag)
{
	struct catalogue_image im;
	int rc = catalogue_image_get(db, a, by, id, &im);
	if (rc)
		return rc;
	return catalogue_store_image_file(db, a, id, size, format, data, len, etag);
}
