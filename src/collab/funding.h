/*
 * funding.h — the catalogue of funding sources entrepreneurs cannot find (the report, 3.10:
 * "svært ved at finde finansiering til opstart"): foundations, public pools, banks, LAG,
 * crowdfunding, with amounts, a deadline or a recurring one in words, who may apply and a link;
 * national (the administrator's) or a municipality's own; readable by every municipality's
 * staff, and by anyone when marked public. Danish search with filters by kind and by a deadline
 * within N days; the sources an advisor suggests on an inquiry of topic funding; and the
 * deadlines that approach, for the staff's home page.
 * Layer: capability domain (collab). Knows no HTTP and no HTML; its SQL is in funding_store.c.
 * Access: access_collaboration on the source's municipality (NULL: national); the suggestions
 * on an inquiry are access_inquiry's (who may work on the case).
 */
#ifndef INDGANG_FUNDING_H
#define INDGANG_FUNDING_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

/* the kinds, as stored */
extern const char *const funding_kinds[];
extern const int funding_nkinds;
/* funding_kind_da: the Danish name of a kind ("Fond", "Offentlig pulje", ...); "" if unknown */
const char *funding_kind_da(const char *kind);

struct funding_source {
	int64_t id;                 /* 0 for a new source */
	const char *kommune;        /* three digits, or NULL: national */
	const char *kommune_navn;   /* read only */
	const char *kind;           /* one of funding_kinds */
	const char *title, *description;
	int64_t amount_min_ore, amount_max_ore; /* -1: not given */
	const char *deadline;       /* YYYY-MM-DD or NULL */
	const char *recurring;      /* a deadline in words ("hvert år 1. marts"), "" when none */
	const char *eligible;       /* who may apply, "" when not said */
	const char *url;            /* http or https, "" when none */
	bool public_;               /* shown to anyone on /finansiering */
	const char *created_at, *updated_at;
};

/* funding_may_write: whether by may change source s (or, s->id 0, create it with its kommune) */
bool funding_may_write(const struct principal *by, const char *kommune);
/* funding_may_create: whether by may create some source (the administrator, or a konsulent or
 * jobkonsulent of a municipality) */
bool funding_may_create(const struct principal *by);

/* funding_save: creates (s->id 0) or updates source s (an update keeps its municipality),
 * audited, in one write transaction. Access: ACC_WRITE on the municipality (NULL national: the
 * administrator) — ERR_FORBIDDEN before the fields. Field errors: kommune (unknown), kind,
 * title (1..200), description (at most 5000), amount_min and amount_max (0 or more, the
 * maximum not below the minimum), deadline (a date), recurring and eligible (at most 500), url
 * (http:// or https://, at most 500). ERR_NOTFOUND, ERR_INVALID, ERR_DB. */
int funding_save(struct db *db, struct arena *a, const struct principal *by,
                 struct funding_source *s, struct errs *errs);

/* funding_get: source id into *out: anyone when it is public, otherwise who may read the
 * municipality's collaboration (every staff member for a national one). ERR_NOTFOUND,
 * ERR_FORBIDDEN, ERR_DB. */
int funding_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                struct funding_source *out);

/* funding_delete: removes source id (and its suggestions on inquiries), audited. ACC_WRITE.
 * ERR_NOTFOUND, ERR_FORBIDDEN, ERR_DB. */
int funding_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id);

enum funding_sort { FUNDING_BY_DEADLINE = 0, FUNDING_BY_TITLE };

struct funding_query {
	const char *q;        /* Danish search words, or NULL */
	const char *kind;     /* one of funding_kinds, or NULL */
	int within_days;      /* > 0: only deadlines from today to today + within_days */
	const char *today;    /* YYYY-MM-DD; NULL: today */
	enum funding_sort sort; /* ignored when q gives a ranking */
	int limit, offset;
};

/* funding_search: one page of the sources by may see — the public ones for anyone (by NULL
 * or an enterprise's account), and for a municipality's staff besides its own municipality's
 * and the national ones (every one for the administrator) — filtered by q; *total counts
 * them all. Never fails for lack of access. ERR_DB. */
int funding_search(struct db *db, struct arena *a, const struct principal *by,
                   const struct funding_query *q, struct funding_source **items, int *n,
                   int *total);

/* funding_home_list: the sources by's staff may see whose deadline is from today to today +
 * days, soonest first, at most 10; nothing (0, *n 0) for callers who are not staff. */
int funding_home_list(struct db *db, struct arena *a, const struct principal *by,
                      const char *today, int days, struct funding_source **items, int *n);

/* ---------------------------------------------------------------- suggestions on inquiries */

/* funding_suggestions: the sources suggested on inquiry inquiry_id, by title. Access: who may
 * work on the case (access_inquiry). ERR_NOTFOUND, ERR_FORBIDDEN, ERR_DB. *topic is the
 * inquiry's topic (suggestions belong to topic funding). */
int funding_suggestions(struct db *db, struct arena *a, const struct principal *by,
                        int64_t inquiry_id, const char **topic, struct funding_source **items,
                        int *n);

/* funding_suggest: adds (add true) or removes source source_id on inquiry inquiry_id, audited.
 * Access: access_inquiry on the case. Field errors: source_id (no such source the caller may
 * see, or already suggested; on removal: not suggested), topic (the inquiry's topic is not
 * funding). ERR_NOTFOUND (no inquiry), ERR_FORBIDDEN, ERR_INVALID, ERR_DB. */
int funding_suggest(struct db *db, struct arena *a, const struct principal *by,
                    int64_t inquiry_id, int64_t source_id, bool add, struct errs *errs);

#endif
