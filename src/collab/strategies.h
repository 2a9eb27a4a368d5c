/*
 * strategies.h — a municipality's strategies (title, adopted by and on, period, a link or a PDF,
 * public or not) and their goals, whose values are counted live from Indgang's own data: new
 * RSV-registered social-economy enterprises, newly established ones, spin-offs, enterprises
 * attracted from elsewhere, enterprises on the way, advisory sessions, network meetings held,
 * positions and fleksjob for citizens, companies with an Inhouse group, spend with
 * social-economy enterprises, or dated values entered by the staff (`manual`).
 * Layer: capability domain (collab). Knows no HTTP and no HTML; its SQL is in
 * strategies_store.c. Every read and write asks access_collaboration() (auth/access.h); a
 * public strategy is readable by anyone, decided here explicitly.
 */
#ifndef INDGANG_STRATEGIES_H
#define INDGANG_STRATEGIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

struct strategy {
	int64_t id;               /* 0 for a new strategy */
	const char *kommune;      /* three digits */
	const char *kommune_navn; /* read only */
	const char *title;
	const char *adopted_by;   /* "" when not given */
	const char *adopted_on;   /* YYYY-MM-DD or NULL */
	const char *period_start, *period_end; /* YYYY-MM-DD */
	const char *link;         /* an http(s) address, "" when none */
	bool public;              /* readable by everybody */
	const char *document_name; /* read only: the PDF's file name, "" when none */
	int64_t document_size;    /* read only: its size in bytes, 0 when none */
	int ngoals;               /* read only */
	const char *created_at, *updated_at;
};

/* what a caller may do with one strategy */
enum strategies_view {
	STRATEGIES_NONE = 0, /* nothing */
	STRATEGIES_PUBLIC,   /* read a public strategy (counts of people below 3 as "<3") */
	STRATEGIES_READ,     /* the municipality's staff: read everything */
	STRATEGIES_WRITE,    /* konsulent, jobkonsulent of the municipality, the administrator */
};

/* the metrics of a goal */
enum goal_metric {
	GOAL_NEW_RSV_REGISTERED,
	GOAL_ESTABLISHED,
	GOAL_SPINOFFS,
	GOAL_ATTRACTED,
	GOAL_PIPELINE,
	GOAL_ADVISORY_SESSIONS,
	GOAL_NETWORK_MEETINGS,
	GOAL_POSITIONS,
	GOAL_FLEKSJOB,
	GOAL_INHOUSE_COMPANIES,
	GOAL_SOEV_SPEND,
	GOAL_MANUAL,
	GOAL_NMETRICS
};

/* goal_metric_parse: the metric named key ("new_rsv_registered", ...); 0 or ERR_INVALID. */
int goal_metric_parse(const char *key, enum goal_metric *out);
/* goal_metric_key: the API name; goal_metric_label: the Danish label for people. */
const char *goal_metric_key(enum goal_metric m);
const char *goal_metric_label(enum goal_metric m);
/* goal_metric_is_money: soev_spend, whose target and values are øre */
bool goal_metric_is_money(enum goal_metric m);
/* goal_metric_is_people: positions and fleksjob, counts of people shown "<3" when 1 or 2 to
 * anyone but the municipality's own staff */
bool goal_metric_is_people(enum goal_metric m);

struct goal {
	int64_t id;               /* 0 for a new goal */
	int64_t strategy_id;
	const char *title;
	enum goal_metric metric;
	const char *baseline_date, *deadline; /* YYYY-MM-DD */
	int64_t target;           /* > 0; øre for soev_spend */
	const char *created_at, *updated_at;
};

/* one point of a goal's monthly series: the value at the end of month (or today) */
struct goal_point {
	char month[8];            /* YYYY-MM */
	int64_t value;
	int64_t line;             /* the straight line from baseline to target on that day */
};

/* a goal with its values counted on a day */
struct goal_status {
	struct goal goal;
	int64_t baseline;         /* the value on baseline_date (0 for counts of events) */
	int64_t current;          /* the value today */
	double progress;          /* current / target: 0..1, more when passed */
	bool on_track;            /* current >= the straight line at today */
	int64_t expected;         /* the straight line's value today */
	bool masked;              /* a count of people the caller sees as "<3" when 1 or 2 */
	struct goal_point *series;
	int nseries;
};

/* a value of a manual goal */
struct goal_value {
	int64_t id;
	int64_t goal_id;
	const char *date;         /* YYYY-MM-DD */
	int64_t value;
	const char *by_name;      /* who entered it */
	const char *created_at;   /* when */
};

/* ---------------------------------------------------------------- strategies */

/* strategies_view_of: what by may do with a strategy of kommune that is public or not. */
enum strategies_view strategies_view_of(const struct principal *by, const char *kommune,
                                        bool public);
/* strategies_may_create: whether by may create a strategy of some municipality */
bool strategies_may_create(const struct principal *by);

/* strategies_save: creates (s->id 0) or updates s's title, adopted_by, adopted_on, period,
 * link and public (an update keeps the municipality) with an audit line, in one write
 * transaction. Access: ACC_WRITE on the municipality, ERR_FORBIDDEN before the fields are
 * looked at. Field errors: kommune (unknown), title (1..300), adopted_by (at most 200),
 * adopted_on, period_start, period_end (dates; the end not before the start), link (http:// or
 * https://, at most 2000). ERR_INVALID (errs holding the caller's type errors counts too),
 * ERR_NOTFOUND, ERR_DB, ERR_UNAVAILABLE. On success the read-only fields are set. */
int strategies_save(struct db *db, struct arena *a, const struct principal *by,
                    struct strategy *s, struct errs *errs);

/* strategies_get: strategy id into *out and what by may do with it into *view (may be NULL).
 * ERR_NOTFOUND (also for a non-public one asked by someone signed out), ERR_FORBIDDEN (another
 * municipality's staff, a non-public one), ERR_DB. */
int strategies_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                   struct strategy *out, enum strategies_view *view);

/* the orders of a list of strategies */
enum strategies_sort {
	STRATEGIES_BY_KOMMUNE = 0, /* municipality (Danish order), then newest period first */
	STRATEGIES_BY_TITLE,       /* title (Danish order) */
	STRATEGIES_BY_NEWEST,      /* newest period first */
};

/* strategies_sort_of: the order named key: "title" or "titel", "newest" or "nyeste", anything
 * else (NULL too) by municipality */
enum strategies_sort strategies_sort_of(const char *key);

/* strategies_list: one page of the strategies by may read: its municipality's (every one for
 * the administrator) and the public ones of all; only of kommune when set; in order sort.
 * *total counts them all. */
int strategies_list(struct db *db, struct arena *a, const struct principal *by,
                    const char *kommune, enum strategies_sort sort, int limit, int offset,
                    struct strategy **items, int *n, int *total);

/* strategies_delete: removes strategy id with its goals and their values, audited.
 * ERR_NOTFOUND, ERR_FORBIDDEN. */
int strategies_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id);

/* strategies_set_document: stores data[0..len) as the strategy's PDF (replacing one before),
 * audited. The file is judged by its bytes (pdf_check): over 10 MB is ERR_TOOBIG; anything
 * else that is no clean PDF is the field error document (ERR_INVALID). name is the file name
 * given (kept for the download, trimmed to a safe name). ERR_NOTFOUND, ERR_FORBIDDEN. */
int strategies_set_document(struct db *db, struct arena *a, const struct principal *by,
                            int64_t id, const unsigned char *data, size_t len, const char *name,
                            struct errs *errs);

/* strategies_document: the strategy's PDF for who may read the strategy. ERR_NOTFOUND (none
 * stored too), ERR_FORBIDDEN. The bytes are in a. */
int strategies_document(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                        const unsigned char **data, size_t *len, const char **name);

/* ---------------------------------------------------------------- goals */

/* goals_save: creates (g->id 0, in strategy g->strategy_id) or updates goal g (its strategy and
 * metric stay) with an audit line. Access: ACC_WRITE on the strategy's municipality. Field
 * errors: title (1..300), metric (unknown; checked by the caller's parse), baseline_date,
 * deadline (dates, the deadline after the baseline date), target (a positive whole number, or
 * an amount for soev_spend). ERR_INVALID, ERR_NOTFOUND, ERR_FORBIDDEN, ERR_DB. */
int goals_save(struct db *db, struct arena *a, const struct principal *by, struct goal *g,
               struct errs *errs);

/* goals_get: goal id and its strategy's view for by. ERR_NOTFOUND, ERR_FORBIDDEN. */
int goals_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
              struct goal *out, struct strategy *strategy, enum strategies_view *view);

/* goals_delete: removes goal id and its values, audited. ERR_NOTFOUND, ERR_FORBIDDEN. */
int goals_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id);

/* goals_value_add: a dated value of manual goal goal_id, with who and when, audited. Field
 * errors: metric (the goal is not manual), date (a date), value (a whole number 0..10^12).
 * ERR_INVALID, ERR_NOTFOUND, ERR_FORBIDDEN (ACC_WRITE). On success v->id is set. */
int goals_value_add(struct db *db, struct arena *a, const struct principal *by, int64_t goal_id,
                    struct goal_value *v, struct errs *errs);

/* goals_values: the values of goal goal_id, newest date first, for who may read it. */
int goals_values(struct db *db, struct arena *a, const struct principal *by, int64_t goal_id,
                 struct goal_value **items, int *n);

/* ---------------------------------------------------------------- live values */

/* goals_status: every goal of strategy strategy_id counted on today (YYYY-MM-DD) in the
 * strategy's municipality, with its monthly series from the baseline month to today's, for who
 * may read the strategy (masked set for counts of people the caller may not see exactly).
 * ERR_NOTFOUND, ERR_FORBIDDEN, ERR_DB. */
int goals_status(struct db *db, struct arena *a, const struct principal *by, int64_t strategy_id,
                 const char *today, struct goal_status **items, int *n);

/* strategies_load_all: strategy id and every goal counted on today, for the command line (the
 * operator, who holds the database): no access decision, counts exact. ERR_NOTFOUND, ERR_DB. */
int strategies_load_all(struct db *db, struct arena *a, int64_t id, const char *today,
                        struct strategy *s, struct goal_status **items, int *n);

/* goals_measure: the value of metric for a goal (goal_id, for manual) of kommune on day: the
 * events between from and day inclusive (pipeline: the enterprises on the way on day; manual:
 * the latest value dated on or before day). 0 or ERR_DB. */
int goals_measure(struct db *db, enum goal_metric metric, const char *kommune, int64_t goal_id,
                  const char *from, const char *day, int64_t *out);

/* goals_line: the straight line from (baseline_date, baseline) to (deadline, target) on day:
 * baseline before baseline_date, target from the deadline on. */
int64_t goals_line(const struct goal *g, int64_t baseline, const char *day);

/* goals_count_text: a count as people see it: "<3" for 1 and 2 when masked, else the number. */
const char *goals_count_text(struct arena *a, int64_t v, bool masked);

#endif
