/*
 * bids.c — the rules of bids: submitting before the deadline, documents checked as PDF, sealed
 * bids, scores, the ranking by the price model and the weights, and the award with its letters.
 * Layer: capability domain (procurement); the SQL is in bids_store.c, the access decision in
 * auth/access.c. See bids.h for the visibility rule and the price model.
 */
#include "bids.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
#include "../store/db.h"
#include "bids_store.h"
#include "pdf.h"
#include "tenders_store.h"

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

const char *bids_hundredths(struct arena *a, int64_t v, bool da)
{
	bool neg = v < 0;
	uint64_t u = neg ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
	return arena_printf(a, "%s%llu%c%02llu", neg ? "-" : "", (unsigned long long)(u / 100),
	                    da ? ',' : '.', (unsigned long long)(u % 100));
}

int64_t bids_price_score(int64_t lowest_ore, int64_t price_ore)
{
	if (lowest_ore <= 0 || price_ore <= 0)
		return 0;
	/* lowest × 1000 / price, half up: at most 2 × 10^17, well inside int64 */
	return (lowest_ore * 2000 + price_ore) / (2 * price_ore);
}

/* the tender as of now (without the draft check) */
static int tender_now(struct db *db, struct arena *a, int64_t id, struct tender *t)
{
	char now[21];
	tenders_now(now);
	return tenders_store_get(db, a, id, now, t);
}

/* the sealing rule for the staff: 0 when the deadline has passed */
static bool past_deadline(const struct tender *t)
{
	return strcmp(t->state, "draft") != 0 && strcmp(t->state, "published") != 0;
}

/* ---------------------------------------------------------------- submitting */

int bids_submit(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
                struct bid *b, struct errs *errs, bool *replaced)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct tender t;
	rc = tender_now(db, a, tender_id, &t);
	if (rc == 0 && !t.published) /* never published: unknown to a bidder */
		rc = ERR_NOTFOUND;
	if (rc == 0 && access_supplier(by, b->enterprise_id) != 0)
		rc = ERR_FORBIDDEN;
	if (rc == 0 && strcmp(t.state, "published") != 0)
		rc = (errs_add(errs, NULL, "Fristen for bud er udløbet, eller udbuddet er ikke længere åbent."),
		      ERR_CONFLICT);
	if (rc == 0 && (b->price_ore <= 0 || b->price_ore > MONEY_MAX_ORE))
		rc = errs_add(errs, "price", "Skriv buddets pris i kroner uden moms, fx 1.250.000,00.");
	b->note = b->note ? text_trim(a, b->note) : "";
	if (rc == 0 && utf8_len(b->note) > 4000)
		rc = errs_add(errs, "note", "Bemærkningen må højst være på 4.000 tegn.");
	if (rc == 0 && errs->n > 0)
		rc = ERR_INVALID;
	b->tender_id = tender_id;
	if (rc == 0)
		rc = bids_store_upsert(db, b, by->id, &b->id, replaced);
	if (rc == 0)
		rc = audit_record(db, by, *replaced ? "replace" : "create", "bid", id_text(a, b->id),
		                  t.kommune, AUDIT_DETAIL(AUDIT_INT("tender_id", tender_id),
		                                          AUDIT_INT("enterprise_id", b->enterprise_id)));
	return db_write_end(db, rc);
}

/* whether by may see bid b of tender t: 0, ERR_CONFLICT (staff, sealed), ERR_NOTFOUND */
static int may_see(const struct principal *by, const struct bid *b, const struct tender *t)
{
	if (access_supplier(by, b->enterprise_id) == 0)
		return 0;
	if (tenders_staff(by, t, NULL))
		return past_deadline(t) ? 0 : ERR_CONFLICT;
	return ERR_NOTFOUND;
}

int bids_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
             struct bid *out, struct tender *t)
{
	struct bid b;
	struct tender tt;
	int rc = bids_store_get(db, a, id, &b);
	if (rc == 0)
		rc = tender_now(db, a, b.tender_id, &tt);
	if (rc == 0)
		rc = may_see(by, &b, &tt);
	if (rc)
		return rc;
	*out = b;
	if (t)
		*t = tt;
	return 0;
}

int bids_own(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
             int64_t enterprise_id, struct bid *out)
{
	if (access_supplier(by, enterprise_id) != 0)
		return ERR_FORBIDDEN;
	return bids_store_find(db, a, tender_id, enterprise_id, out);
}

int bids_list(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
              struct bid **items, int *n)
{
	struct tender t;
	int rc = tenders_get(db, a, by, tender_id, &t);
	if (rc)
		return rc;
	if (!tenders_staff(by, &t, NULL))
		return ERR_FORBIDDEN;
	if (!past_deadline(&t))
		return ERR_CONFLICT;
	struct bid_row *rows;
	rc = bids_store_list(db, a, tender_id, &rows, n);
	if (rc)
		return rc;
	*items = arena_alloc(a, sizeof(**items) * (size_t)(*n > 0 ? *n : 1));
	for (int i = 0; i < *n; i++)
		(*items)[i] = rows[i].bid;
	return 0;
}

/* ---------------------------------------------------------------- documents */

/* the last part of a path, without control characters, at most 200 characters */
static const char *clean_filename(struct arena *a, const char *name)
{
	const char *base = name ? name : "";
	for (const char *p = base; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	struct buf b;
	buf_init(&b, 1024);
	for (const unsigned char *p = (const unsigned char *)base; *p && b.len < 200; p++)
		if (*p >= 0x20 && *p != 0x7f && *p != '"')
			buf_printf(&b, "%c", *p);
	const char *out = text_trim(a, buf_str(&b));
	buf_free(&b);
	if (!*out || !utf8_valid(out, strlen(out)))
		return "dokument.pdf";
	return out;
}

int bids_document_add(struct db *db, struct arena *a, const struct principal *by, int64_t bid_id,
                      const char *filename, const void *data, size_t len, struct errs *errs,
                      int64_t *id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct bid b;
	struct tender t;
	rc = bids_store_get(db, a, bid_id, &b);
	if (rc == 0)
		rc = tender_now(db, a, b.tender_id, &t);
	if (rc == 0 && access_supplier(by, b.enterprise_id) != 0)
		rc = tenders_staff(by, &t, NULL) ? ERR_FORBIDDEN : ERR_NOTFOUND;
	if (rc == 0 && strcmp(t.state, "published") != 0)
		rc = (errs_add(errs, NULL, "Fristen for bud er udløbet: der kan ikke længere vedlægges dokumenter."),
		      ERR_CONFLICT);
	enum pdf_result pr = rc == 0 ? pdf_check(data, len) : PDF_OK;
	if (rc == 0 && pr == PDF_TOO_BIG)
		rc = (errs_add(errs, "document", pdf_message(pr)), ERR_TOOBIG);
	else if (rc == 0 && pr != PDF_OK)
		rc = errs_add(errs, "document", pdf_message(pr));
	const char *name = clean_filename(a, filename);
	char hex[crypto_hash_sha256_BYTES * 2 + 1];
	if (rc == 0) {
		unsigned char digest[crypto_hash_sha256_BYTES];
		crypto_hash_sha256(digest, data, len);
		sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
		rc = bids_store_doc_insert(db, bid_id, name, data, (int)len, hex, id);
	}
	if (rc == 0)
		rc = audit_record(db, by, "document", "bid", id_text(a, bid_id), t.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("filename", name), AUDIT_INT("size", (int64_t)len),
		                               AUDIT_TEXT("sha256", hex)));
	return db_write_end(db, rc);
}

int bids_documents(struct db *db, struct arena *a, const struct principal *by, int64_t bid_id,
                   struct bid_document **items, int *n)
{
	struct bid b;
	int rc = bids_get(db, a, by, bid_id, &b, NULL);
	return rc ? rc : bids_store_docs(db, a, bid_id, items, n);
}

int bids_document_get(struct db *db, struct arena *a, const struct principal *by, int64_t bid_id,
                      int64_t doc_id, struct bid_document *out)
{
	struct bid b;
	int rc = bids_get(db, a, by, bid_id, &b, NULL);
	return rc ? rc : bids_store_doc_get(db, a, bid_id, doc_id, out);
}

/* ---------------------------------------------------------------- scores */

/* the index of criterion key in t, or -1 */
static int criterion_index(const struct tender *t, const char *key)
{
	for (int i = 0; key && i < t->ncriteria; i++)
		if (!strcmp(t->criteria[i].key, key))
			return i;
	return -1;
}

/* the staff's write access to tender_id, past the deadline and not final */
static int load_for_evaluation(struct db *db, struct arena *a, const struct principal *by,
                               int64_t tender_id, struct tender *t, struct errs *errs)
{
	int rc = tenders_get(db, a, by, tender_id, t);
	if (rc)
		return rc;
	bool write;
	if (!tenders_staff(by, t, &write) || !write)
		return ERR_FORBIDDEN;
	if (!past_deadline(t))
		return errs_add(errs, NULL, "Buddene er forseglede, indtil fristen for bud er udløbet."),
		       ERR_CONFLICT;
	if (!strcmp(t->state, "awarded") || !strcmp(t->state, "cancelled"))
		return errs_add(errs, NULL, "Udbuddet er afgjort: vurderingen kan ikke ændres."),
		       ERR_CONFLICT;
	return 0;
}

int bids_score(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
               int64_t bid_id, const struct bid_score_in *in, int n, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct tender t;
	struct bid b;
	rc = load_for_evaluation(db, a, by, tender_id, &t, errs);
	if (rc == 0) {
		rc = bids_store_get(db, a, bid_id, &b);
		if (rc == ERR_NOTFOUND || (rc == 0 && b.tender_id != tender_id))
			rc = errs_add(errs, "bid_id", "Buddet hører ikke til dette udbud.");
	}
	for (int i = 0; rc == 0 && i < n; i++) {
		int k = criterion_index(&t, in[i].criterion);
		if (k < 0)
			rc = errs_add(errs, "scores", arena_printf(a, "Udbuddet har intet kriterium \"%s\".",
			                                           in[i].criterion ? in[i].criterion : ""));
		else if (t.criteria[k].is_price)
			rc = errs_add(errs, "scores", "Prisen pointgives efter prismodellen og kan ikke vurderes.");
		else if (in[i].score < 0 || in[i].score > 10)
			rc = errs_add(errs, "scores", arena_printf(a, "Point for \"%s\" skal være et helt tal fra 0 til 10.",
			                                           t.criteria[k].name));
		else if (in[i].justification && utf8_len(in[i].justification) > 4000)
			rc = errs_add(errs, "justifications", "En begrundelse må højst være på 4.000 tegn.");
	}
	if (rc == 0 && n == 0)
		rc = errs_add(errs, "scores", "Giv point (0-10) for mindst ét kriterium.");
	for (int i = 0; rc == 0 && i < n; i++)
		rc = bids_store_score_set(db, bid_id, in[i].criterion, in[i].score,
		                          in[i].justification ? text_trim(a, in[i].justification) : "",
		                          by->id);
	if (rc == 0)
		rc = audit_record(db, by, "score", "bid", id_text(a, bid_id), t.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("tender_id", tender_id), AUDIT_INT("scores", n)));
	return db_write_end(db, rc);
}

/* ---------------------------------------------------------------- ranking */

static int compare_rank(const void *pa, const void *pb)
{
	const struct bid_rank *x = pa, *y = pb;
	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	if (x->bid.price_ore != y->bid.price_ore)
		return x->bid.price_ore < y->bid.price_ore ? -1 : 1;
	int c = strcmp(x->bid.submitted_at, y->bid.submitted_at);
	if (c)
		return c;
	return x->bid.id < y->bid.id ? -1 : x->bid.id > y->bid.id;
}

/* the ranking of t's bids, every name shown (the caller hides what it must) */
static int rank(struct db *db, struct arena *a, const struct tender *t, struct tender_result *out,
                struct bid_row **rows_out)
{
	struct bid_row *rows;
	struct bid_score_row *scores;
	int n, ns;
	int rc = bids_store_list(db, a, t->id, &rows, &n);
	if (rc == 0)
		rc = bids_store_scores(db, a, t->id, &scores, &ns);
	if (rc)
		return rc;
	memset(out, 0, sizeof(*out));
	out->tender = *t;
	out->n = n;
	out->complete = true;
	out->rows = arena_alloc(a, sizeof(*out->rows) * (size_t)(n > 0 ? n : 1));
	int64_t lowest = 0;
	for (int i = 0; i < n; i++)
		if (!lowest || rows[i].bid.price_ore < lowest)
			lowest = rows[i].bid.price_ore;
	for (int i = 0; i < n; i++) {
		struct bid_rank *r = &out->rows[i];
		memset(r, 0, sizeof(*r));
		r->bid = rows[i].bid;
		r->named = true;
		r->complete = true;
		size_t nc = (size_t)(t->ncriteria > 0 ? t->ncriteria : 1);
		r->score = arena_alloc(a, sizeof(*r->score) * nc);
		r->justification = arena_alloc(a, sizeof(*r->justification) * nc);
		int64_t sum = 0; /* Σ weight × score in hundredths, over the non-price criteria */
		for (int k = 0; k < t->ncriteria; k++) {
			const struct tender_criterion *c = &t->criteria[k];
			r->score[k] = -1;
			r->justification[k] = "";
			if (c->is_price) {
				/* shown rounded; the total below uses the exact ratio */
				r->score[k] = bids_price_score(lowest, r->bid.price_ore);
				continue;
			}
			for (int s = 0; s < ns; s++)
				if (scores[s].bid_id == r->bid.id && !strcmp(scores[s].criterion, c->key)) {
					r->score[k] = scores[s].score * 100;
					r->justification[k] = scores[s].justification;
				}
			if (r->score[k] < 0)
				r->complete = false;
			else
				sum += (int64_t)c->weight * r->score[k];
		}
		/* the non-price part: Σ w × score(hundredths) / 10; the price part exactly:
		 * w × lowest / price × 10 / 10 × 100 = w × lowest × 100 / price hundredths */
		int64_t total2 = sum * 2 / 10; /* twice the non-price hundredths (sum is a multiple of 100) */
		for (int k = 0; k < t->ncriteria; k++)
			if (t->criteria[k].is_price && r->bid.price_ore > 0) {
				int64_t w = t->criteria[k].weight;
				/* twice w × lowest × 100 / price, then half up */
				total2 += (w * lowest * 200) / r->bid.price_ore;
			}
		r->total = (total2 + 1) / 2;
		if (!r->complete)
			out->complete = false;
	}
	qsort(out->rows, (size_t)n, sizeof(*out->rows), compare_rank);
	for (int i = 0; i < n; i++)
		out->rows[i].rank = i + 1;
	if (rows_out)
		*rows_out = rows;
	return 0;
}

int bids_result(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
                struct tender_result *out)
{
	struct tender t;
	int rc = tenders_get(db, a, by, tender_id, &t);
	if (rc)
		return rc;
	bool staff = tenders_staff(by, &t, NULL);
	bool awarded = !strcmp(t.state, "awarded");
	if (staff && !past_deadline(&t))
		return ERR_CONFLICT;
	if (!staff && !awarded)
		return ERR_FORBIDDEN;
	rc = rank(db, a, &t, out, NULL);
	if (rc)
		return rc;
	for (int i = 0; i < out->n; i++) {
		struct bid_rank *r = &out->rows[i];
		r->named = staff || r->bid.id == t.awarded_bid_id ||
		           access_supplier(by, r->bid.enterprise_id) == 0;
		if (!r->named) {
			r->bid.enterprise_name = NULL;
			r->bid.enterprise_id = 0;
			r->bid.price_ore = 0;
			r->bid.note = "";
			for (int k = 0; k < t.ncriteria; k++)
				r->justification[k] = "";
		}
		if (!staff && access_supplier(by, r->bid.enterprise_id) != 0)
			for (int k = 0; k < t.ncriteria; k++)
				r->justification[k] = "";
	}
	if (awarded) {
		out->reasons = arena_alloc(a, sizeof(*out->reasons) * (size_t)(t.ncriteria > 0 ? t.ncriteria : 1));
		for (int k = 0; rc == 0 && k < t.ncriteria; k++) {
			rc = bids_store_reason(db, a, t.id, t.criteria[k].key, &out->reasons[k]);
			if (rc == 0 && !out->reasons[k])
				out->reasons[k] = "";
		}
	}
	return rc;
}

/* ---------------------------------------------------------------- award */

/* the date standstill days after today, Danish style */
static const char *standstill_end(struct arena *a)
{
	time_t t = time(NULL) + (time_t)BIDS_STANDSTILL_DAYS * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	char iso[11];
	strftime(iso, sizeof(iso), "%Y-%m-%d", &tm);
	return text_date_dk(a, iso);
}

/* the letter to the bidder of r about the award of t to winner */
static const char *letter(struct arena *a, const struct tender_result *res, const struct bid_rank *r,
                          const struct bid_rank *winner, const char *const *reasons)
{
	const struct tender *t = &res->tender;
	char price[MONEY_TEXT];
	struct buf b;
	buf_init(&b, 64 * 1024);
	bool won = r == winner;
	buf_printf(&b, "Til %s\n\n", r->bid.enterprise_name);
	if (won)
		buf_printf(&b, "%s Kommune har besluttet at tildele kontrakten i udbuddet \"%s\" til jer.\n\n",
		           t->kommune_navn, t->title);
	else
		buf_printf(&b, "%s Kommune har besluttet at tildele kontrakten i udbuddet \"%s\" til %s. "
		               "Jeres bud blev desværre ikke valgt.\n\n",
		           t->kommune_navn, t->title, winner->bid.enterprise_name);
	buf_printf(&b, "Jeres bud: %s (ekskl. moms)\n", money_da(price, r->bid.price_ore));
	if (!won)
		buf_printf(&b, "Det vindende bud: %s (ekskl. moms)\n", money_da(price, winner->bid.price_ore));
	buf_printf(&b, "\nPoint pr. kriterium (0-10) og vægt:\n");
	for (int k = 0; k < t->ncriteria; k++) {
		const struct tender_criterion *c = &t->criteria[k];
		if (won)
			buf_printf(&b, "- %s (vægt %d %%): %s\n", c->name, c->weight,
			           bids_hundredths(a, r->score[k], true));
		else
			buf_printf(&b, "- %s (vægt %d %%): jeres %s, vinderens %s\n", c->name, c->weight,
			           bids_hundredths(a, r->score[k], true), bids_hundredths(a, winner->score[k], true));
	}
	if (won)
		buf_printf(&b, "\nPoint i alt: %s af 100 (nr. 1 af %d bud)\n", bids_hundredths(a, r->total, true), res->n);
	else
		buf_printf(&b, "\nPoint i alt: jeres %s, vinderens %s af 100 (I blev nr. %d af %d bud)\n",
		           bids_hundredths(a, r->total, true), bids_hundredths(a, winner->total, true), r->rank,
		           res->n);
	buf_printf(&b, "\nBegrundelse for tildelingen pr. kriterium:\n");
	for (int k = 0; k < t->ncriteria; k++)
		buf_printf(&b, "- %s: %s\n", t->criteria[k].name, reasons[k]);
	buf_printf(&b, "\nPrisen er pointgivet efter modellen laveste pris / buddets pris × 10. "
	               "Point i alt er summen af vægt × point / 10.\n");
	buf_printf(&b, "\nStandstill (til orientering): Kontrakten indgås først efter en "
	               "standstill-periode på %d kalenderdage, der udløber den %s. En eventuel klage "
	               "over tildelingen skal indgives inden for perioden.\n",
	           BIDS_STANDSTILL_DAYS, standstill_end(a));
	buf_printf(&b, "\nMed venlig hilsen\n%s Kommune\n", t->kommune_navn);
	const char *s = b.failed ? NULL : arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

int bids_award(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
               int64_t bid_id, const char *const *reasons, int nreasons, const char *note,
               struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct tender t;
	struct tender_result res;
	struct bid_row *rows = NULL;
	rc = load_for_evaluation(db, a, by, tender_id, &t, errs);
	if (rc == 0)
		rc = rank(db, a, &t, &res, &rows);
	const struct bid_rank *winner = NULL;
	for (int i = 0; rc == 0 && i < res.n; i++)
		if (res.rows[i].bid.id == bid_id)
			winner = &res.rows[i];
	if (rc == 0 && res.n == 0)
		rc = (errs_add(errs, "bid_id", "Der er ingen bud at tildele."), ERR_CONFLICT);
	else if (rc == 0 && !winner)
		rc = errs_add(errs, "bid_id", "Vælg et af udbuddets bud.");
	else if (rc == 0 && !res.complete)
		rc = errs_add(errs, "scores", "Alle bud skal have point på alle kriterier, før udbuddet kan tildeles.");
	const char **clean = arena_alloc(a, sizeof(*clean) * (size_t)(t.ncriteria > 0 ? t.ncriteria : 1));
	for (int k = 0; rc == 0 && k < t.ncriteria; k++) {
		clean[k] = k < nreasons && reasons[k] ? text_trim(a, reasons[k]) : "";
		if (!*clean[k])
			rc = errs_add(errs, "reasons", arena_printf(a, "Skriv begrundelsen for kriteriet \"%s\".",
			                                            t.criteria[k].name));
		else if (utf8_len(clean[k]) > 4000)
			rc = errs_add(errs, "reasons", "En begrundelse må højst være på 4.000 tegn.");
	}
	const char *n = note ? text_trim(a, note) : "";
	if (rc == 0)
		rc = bids_store_award(db, tender_id, bid_id, n);
	for (int k = 0; rc == 0 && k < t.ncriteria; k++)
		rc = bids_store_reason_set(db, tender_id, t.criteria[k].key, clean[k]);
	for (int i = 0; rc == 0 && i < res.n; i++) {
		const struct bid_rank *r = &res.rows[i];
		const char *to = NULL;
		for (int k = 0; k < res.n; k++)
			if (rows[k].bid.id == r->bid.id)
				to = rows[k].to;
		if (!to)
			continue; /* no address: the bidder sees the outcome in its account */
		const char *body = letter(a, &res, r, winner, clean);
		if (!body) {
			rc = ERR_NOMEM;
			break;
		}
		rc = mail_queue(db, t.kommune, to,
		                arena_printf(a, r == winner ? "Tildeling: %s" : "Afgørelse i udbuddet: %s", t.title),
		                body);
		if (rc == 0)
			rc = bids_store_notified(db, r->bid.id);
	}
	if (rc == 0)
		rc = audit_record(db, by, "award", "tender", id_text(a, tender_id), t.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("bid_id", bid_id), AUDIT_INT("bids", res.n),
		                               AUDIT_INT("total", winner->total)));
	return db_write_end(db, rc);
}
