/*
 * registry.h — the registry of social-economy enterprises (SØV) and social entrepreneurs, and of
 * the ordinary companies that work with the municipality on jobs (kind "company"): the
 * enterprise, its lifecycle by dates, validation, and the statistics of Tabel 1 and 2, which
 * count SØV only.
 * Layer: capability domain. Knows no HTTP and no HTML; its SQL is in registry_store.c.
 */
#ifndef INDGANG_REGISTRY_H
#define INDGANG_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

enum registry_status { REGISTRY_IDEA, REGISTRY_PIPELINE, REGISTRY_ESTABLISHED, REGISTRY_CLOSED };

/* the five criteria of the government's definition, as bits of enterprise.criteria */
enum criterion {
	CRIT_PURPOSE = 1,     /* a social, health or environmental purpose */
	CRIT_SELLS = 2,       /* sells services and/or products */
	CRIT_REINVESTS = 4,   /* reinvests any surplus in the enterprise and its purpose */
	CRIT_INDEPENDENT = 8, /* organisationally independent of the public sector */
	CRIT_CVR = 16,        /* has a CVR number */
};

#define REGISTRY_MAX_LIST 32

/* the kinds of enterprise: a social-economy enterprise, the registry's subject and the only
 * kind Tabel 1, Tabel 2 and Bilag 1 count; or an ordinary company that hires citizens, takes an
 * Inhouse group or is a CSR partner */
#define REGISTRY_KIND_SOEV "soev"
#define REGISTRY_KIND_COMPANY "company"

/* the source of the demo's placeholders: enterprises the 2015 report counts without naming them
 * (they count in Tabel 1 like any other; the public list leaves them out unless asked) */
#define REGISTRY_SOURCE_FILLER "filler"

struct enterprise {
	int64_t id;
	const char *name;
	const char *cvr;            /* NULL if none */
	const char *kommune;        /* home municipality, 3 digits */
	const char *kommune_navn;
	const char *kind;           /* REGISTRY_KIND_SOEV (also for NULL) or REGISTRY_KIND_COMPANY */
	bool entrepreneur;          /* a person with an idea, no company yet */
	const char *legal_form;     /* key, "" unknown */
	const char *origin;         /* key, "" unknown */
	bool purpose_social, purpose_health, purpose_environment;
	int criteria;
	const char *contact_name, *contact_email, *contact_phone, *address, *website, *description;
	const char *pipeline_since, *established, *rsv_registered, *closed; /* ISO dates or NULL */
	const char *source;
	const uint8_t *name_key;    /* Danish sort key of name, set by registry_write */
	int name_key_len;
	const char *created_at, *updated_at;
	/* lists: keys */
	const char *others[REGISTRY_MAX_LIST];   /* other municipalities working with it */
	int nothers;
	const char *services[REGISTRY_MAX_LIST];
	int nservices;
	const char *targets[REGISTRY_MAX_LIST];
	int ntargets;
};

struct option_kv {
	const char *key;
	const char *label;
};

extern const struct option_kv registry_legal_forms[];
extern const int registry_legal_forms_count;
/* the origins (Tabel 2) as the report names its groups, in the plural ("Sociale iværksættere") */
extern const struct option_kv registry_origins[];
extern const int registry_origins_count;
/* the same origins said of one enterprise ("Startet af en social iværksætter"), same order and
 * count: the profile and the form */
extern const struct option_kv registry_origins_one[];
/* the kinds with their Danish labels, SØV first */
extern const struct option_kv registry_kinds[];
extern const int registry_kinds_count;

/* registry_kind_valid: kind is "soev" or "company". */
bool registry_kind_valid(const char *kind);

/* registry_cvr_valid: 8 digits, the first not 0, weights 2,7,6,5,4,3,2,1 summing to a
 * multiple of 11. */
bool registry_cvr_valid(const char *cvr);
/* registry_date_valid: a real calendar date written YYYY-MM-DD. */
bool registry_date_valid(const char *s);
/* registry_status_on: the status of e on day (YYYY-MM-DD): closed if closed by then, else
 * established if established by then, else on the way if pipeline_since by then, else idea. */
enum registry_status registry_status_on(const struct enterprise *e, const char *day);
const char *registry_status_key(enum registry_status s);   /* "idea", "pipeline", ... */
const char *registry_status_label(enum registry_status s); /* Danish */
/* registry_label: the label of key in a list of options, or key itself. */
const char *registry_label(const struct option_kv *opts, int n, const char *key);

/* registry_validate: checks e's fields (trimmed copies replace the originals, empty optional
 * text becomes NULL or "", a NULL kind "soev"), adding field errors named as the import's
 * columns. 0 or ERR_INVALID. Does not check uniqueness (the store does) or that list keys
 * exist (the foreign keys do, reported by registry_save). */
int registry_validate(struct db *db, struct arena *a, struct enterprise *e, struct errs *errs);
/* registry_refs: what registry_validate checks codes against (the municipalities by code, the
 * services, the target groups), read once by registry_refs_load for many rows (an import) */
struct registry_refs {
	struct kommune *kommuner;
	int nkommuner;
	struct option_kv *services, *targets;
	int nservices, ntargets;
};
/* registry_refs_load: r filled, owned by a. 0 or ERR_DB. */
int registry_refs_load(struct db *db, struct arena *a, struct registry_refs *r);
/* registry_validate_refs: registry_validate against refs (NULL: each list read as needed). */
int registry_validate_refs(struct db *db, struct arena *a, const struct registry_refs *refs,
                           struct enterprise *e, struct errs *errs);

/* registry_save: validates and creates (e->id 0) or updates e, with its lists, search terms and
 * an audit line, in one transaction. by must be allowed to write the home municipality (and,
 * for an update, the old one); a virksomhed user may edit only its own enterprise (later).
 * ERR_INVALID / ERR_CONFLICT (cvr taken, field error on "cvr") / ERR_FORBIDDEN / ERR_NOTFOUND.
 * On success e->id is set. */
int registry_save(struct db *db, struct arena *a, const struct principal *by,
                  struct enterprise *e, struct errs *errs);
/* registry_write: registry_save's work inside a write transaction the caller holds (imports
 * write many enterprises in one). Same results; on failure the caller rolls back. */
int registry_write(struct db *db, struct arena *a, const struct principal *by,
                   struct enterprise *e, struct errs *errs);
/* registry_equal: the same stored content (lists included), ignoring id and timestamps. */
bool registry_equal(const struct enterprise *x, const struct enterprise *y);
/* registry_option_add: adds key with label to the managed list of services (targets false) or
 * target groups (true); national administrator only. Field errors on key and label;
 * ERR_CONFLICT when either is taken. Audited. */
int registry_option_add(struct db *db, struct arena *a, const struct principal *by, bool targets,
                        const char *key, const char *label, struct errs *errs);
/* registry_reindex: makes the search terms of every enterprise anew (after the way terms are
 * made has changed), in transactions of a few hundred; national administrator only (the
 * command line). *count gets how many. 0, ERR_FORBIDDEN or ERR_DB. */
int registry_reindex(struct db *db, struct arena *a, const struct principal *by, int *count);
/* registry_search_compact: merges the search index's parts into one. Writes one at a time
 * (a row, an import's slice) leave the index in many parts that every search must look in;
 * merged, a search costs a fraction. In steps of about DB_SLICE_MS, each its own transaction,
 * so a server beside it writes in between. Run after a reindex and a large import. ERR_DB or
 * ERR_UNAVAILABLE. */
int registry_search_compact(struct db *db);
/* registry_reindex_due: the same, without a caller, when a migration has asked for it (the way
 * terms are stored changed); nothing otherwise. Called when a command opens the database. */
int registry_reindex_due(struct db *db, struct arena *a, int *count);
/* registry_get: the enterprise id with its lists; ERR_NOTFOUND. Public data. */
int registry_get(struct db *db, struct arena *a, int64_t id, struct enterprise *out);
/* registry_find: the id of the enterprise with cvr (if given), else the first with name in
 * kommune; ERR_NOTFOUND. Public data. */
int registry_find(struct db *db, const char *cvr, const char *name, const char *kommune,
                  int64_t *id);

/* the orders of a list: name in Danish order, newest established first (then name), by
 * municipality in Danish order (then name), or a search's best matches first (FTS5's bm25,
 * then name); the last only with a search */
enum registry_sort {
	REGISTRY_SORT_NAME = 0,
	REGISTRY_SORT_ESTABLISHED = 1,
	REGISTRY_SORT_KOMMUNE = 2,
	REGISTRY_SORT_RELEVANCE = 3,
};

/* a filtered, sorted page of enterprises (public fields) */
struct registry_query {
	const char *match;     /* FTS5 query built by registry_search_query, or NULL */
	const char *match_whole; /* the same words without a prefix (registry_search_query_whole);
	                        * NULL: match alone is asked */
	const char *match_last; /* the last word whole, when longer than 5 letters
	                        * (registry_search_query_last), or NULL */
	const char *kommune;   /* a municipality: the enterprises whose home it is and those that
	                        * work with it (other_kommuner), or NULL for all */
	const char *service;   /* key, or NULL */
	const char *target;    /* key, or NULL */
	const char *kind;      /* REGISTRY_KIND_SOEV or _COMPANY, or NULL for both */
	const char *source_not; /* leave out the enterprises of this source, or NULL */
	const char *status;    /* "idea" ... "closed" as of day, or NULL */
	int registered;        /* 1 RSV-registered by day, 0 not, -1 either */
	const char *day;       /* YYYY-MM-DD for status */
	int sort;              /* enum registry_sort */
	int limit, offset;
};
struct registry_item {
	int64_t id;
	const char *name, *cvr, *kommune, *kommune_navn, *kind, *status, *established, *rsv_registered;
	bool home;             /* kommune is the query's municipality (always true without one) */
};
/* registry_list_page: one page of the enterprises q selects, in q's order, with their public
 * fields (allocated in a). *total counts the matches exactly (*exact true) when that is cheap:
 * always without a filter or with the kind alone, and otherwise up to a bound: 10,000, or the
 * first multiple of 10,000 at or past the page's end (offset + limit); with more matches than
 * that *total is the bound and *exact false ("over 10.000").
 * A thread remembers recent totals until the database changes. Public data: no access check.
 * ERR_DB. */
int registry_list_page(struct db *db, struct arena *a, const struct registry_query *q,
                       struct registry_item **items, int *n, int *total, bool *exact);
/* registry_memo_key: what a page of q is kept under (memo.h): the database's own number and
 * registry_query_key(q) into key (size bytes), and the registry's version into *version: a
 * number that every change of an enterprise, its municipalities, services, target groups or
 * search terms raises, made by any connection or process (migration 0026). The same key and
 * version mean the same page. false when the key does not fit or the version cannot be read. */
bool registry_memo_key(struct db *db, const struct registry_query *q, char *key, size_t size,
                       int64_t *version);
/* registry_query_key: everything q selects and orders by, and its page, as one string into
 * key (size bytes): two queries with the same key give the same page on the same version.
 * false when it does not fit. */
bool registry_query_key(const struct registry_query *q, char *key, size_t size);
/* registry_list: registry_list_page without the exactness of the total (a bounded total is
 * given as its bound), for callers that show a short list. */
int registry_list(struct db *db, struct arena *a, const struct registry_query *q,
                  struct registry_item **items, int *n, int *total);
/* registry_options: the managed list of services (targets false) or target groups (true), in
 * their order, allocated in a; every entry, however many. Public data. ERR_DB. */
int registry_options(struct db *db, struct arena *a, bool targets, struct option_kv **opts,
                     int *n);

/* ---- Bilag 1: the enterprises each municipality works with */
struct bilag1_row {
	const char *kommune, *navn;           /* the municipality that works with the enterprise */
	int64_t id;
	const char *name;
	bool home;                            /* kommune is its home, not one of its others */
	const char *home_kommune, *home_navn; /* its home municipality */
};
/* registry_bilag1: for every municipality (or only kommune), the social-economy enterprises
 * (companies are not in Bilag 1) not closed by day (YYYY-MM-DD) that it works with: those
 * whose home it is and those that have it among their other municipalities. Sorted by
 * municipality, then name, both in Danish order; allocated in a. Public data. ERR_DB. */
int registry_bilag1(struct db *db, struct arena *a, const char *kommune, const char *day,
                    struct bilag1_row **rows, int *n);

/* ---- statistics */
struct tabel1_row {
	const char *kommune, *navn;
	int total, registered, established, pipeline;
};
/* registry_tabel1: Tabel 1 for year, of the social-economy enterprises only (a company never
 * counts): as of 31 December, per municipality: total established and not closed; registered
 * of those; established within the year; on the way. Rows for every municipality with a
 * non-zero figure, or exactly those in kommuner (NULL-terminated list, zeros
 * included); sorted by total descending, then name in Danish order. *sum gets the total row. */
int registry_tabel1(struct db *db, struct arena *a, int year, const char *const *kommuner,
                    struct tabel1_row **rows, int *n, struct tabel1_row *sum);
struct tabel2_row {
	const char *origin, *label;
	int count;
};
/* registry_tabel2: social-economy enterprises (no companies) established and not closed at the
 * end of year, by origin (every origin, zeros included, unknown last), within kommuner (NULL:
 * all). */
int registry_tabel2(struct db *db, struct arena *a, int year, const char *const *kommuner,
                    struct tabel2_row **rows, int *n, int *total);

#endif
