/*
 * pools.h — the national grant pool (the report's Forord: 7 mio. kr. for 17 municipalities, at
 * most 500,000 kr. each, four national network meetings): the pool with its total, maximum per
 * municipality, period, obligations, national network and survey rounds; the municipalities'
 * applications with budget lines; the administrator's grants (never past the maximum nor the
 * pool's remainder) and payments (never past the grant); the spend and activities the
 * municipalities report; the obligation to attend the network's meetings counted from the
 * attendance recorded there; and the final report per municipality.
 * Layer: capability domain (collab). Knows no HTTP and no HTML; its SQL is in pools_store.c.
 * Access: the pool itself is national (access_collaboration on kommune NULL: the administrator
 * writes, every municipality's staff reads); what belongs to a municipality (its application,
 * grant, payments, spend) is access_collaboration on that municipality, and lists bind
 * access_collaboration_scope() so a municipality's staff see only their own rows.
 */
#ifndef INDGANG_POOLS_H
#define INDGANG_POOLS_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

#define POOLS_MAX_ROUNDS 10
#define POOLS_MAX_LINES 50

/* application statuses */
#define POOLS_APPLIED "ansøgt"
#define POOLS_GRANTED "bevilget"
#define POOLS_REJECTED "afslået"

struct pool_round {
	const char *survey, *round; /* the codes of a survey and one of its rounds */
	const char *title;          /* read only: "survey title – round title" */
};

struct pool {
	int64_t id;                 /* 0 for a new pool */
	const char *title;
	int64_t total_ore, max_ore; /* the pool's total and the most one municipality may get */
	const char *period_start, *period_end; /* YYYY-MM-DD */
	const char *obligations;    /* "" when none */
	int meetings_required;      /* network meetings each municipality must attend; 0 none */
	int64_t network_id;         /* the pool's national network, or 0 */
	const char *network_name;   /* read only */
	struct pool_round rounds[POOLS_MAX_ROUNDS];
	int nrounds;
	int64_t granted_ore, paid_ore; /* read only: sums over every municipality */
	int napplications;          /* read only */
	const char *created_at;
};

struct pool_line {
	const char *label;
	int64_t amount_ore;
};

struct pool_application {
	int64_t id;
	int64_t pool_id;
	const char *kommune, *kommune_navn;
	int64_t amount_ore;
	const char *activities;     /* "" when none */
	const char *status;         /* ansøgt, bevilget or afslået */
	struct pool_line lines[POOLS_MAX_LINES];
	int nlines;
	const char *created_at;
};

/* a grant, a payment or reported spend of a municipality */
struct pool_entry {
	int64_t id;
	const char *kommune, *kommune_navn;
	const char *day;            /* the date paid, spent or granted (a grant: NULL is today) */
	int64_t amount_ore;
	const char *text;           /* spend: what was done; "" otherwise */
	int64_t application_id;     /* grant: the application it answers, or 0 */
};

/* one municipality's line of the final report */
struct pool_status {
	const char *kommune, *kommune_navn;
	const char *application_status; /* NULL when it did not apply */
	int64_t applied_ore, granted_ore, paid_ore, spent_ore;
	int meetings_attended, meetings_required;
};

/* pools_create: a new pool p, audited, in one write transaction. Access: the administrator
 * (access_collaboration ACC_WRITE on a national row) — ERR_FORBIDDEN before the fields. Field
 * errors: title (1..200), total and max_per_kommune (above 0; the maximum at most the total),
 * period_start and period_end (dates, the end not before the start), obligations (at most
 * 5000), meetings_required (0..100), network_id (no national network), rounds (no such survey
 * round). On success p->id and the read fields are set. ERR_INVALID, ERR_DB. */
int pools_create(struct db *db, struct arena *a, const struct principal *by, struct pool *p,
                 struct errs *errs);

/* pools_get: pool id with its sums and rounds. Who may read: the administrator and every
 * municipality's staff (ERR_FORBIDDEN otherwise); the sums are of every municipality.
 * ERR_NOTFOUND, ERR_DB. */
int pools_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
              struct pool *out);

/* pools_may_admin: whether by keeps pools (creates, grants, records payments). */
bool pools_may_admin(const struct principal *by);
/* pools_may_act: whether by may apply and report spend for kommune. */
bool pools_may_act(const struct principal *by, const char *kommune);

/* pools_list: one page of the pools, newest period first; *total counts them. ERR_FORBIDDEN
 * for who may read none. */
int pools_list(struct db *db, struct arena *a, const struct principal *by, int limit,
               int offset, struct pool **items, int *n, int *total);

/* pools_apply: application x (x->kommune set) to pool pool_id with its budget lines, audited.
 * Access: ACC_WRITE on x->kommune. Field errors: kommune (unknown, or it applied before),
 * amount (above 0, at most the pool's maximum), activities (at most 10000), budget (a line
 * without a label or with a negative amount, more than POOLS_MAX_LINES). ERR_NOTFOUND (no
 * pool), ERR_FORBIDDEN, ERR_INVALID, ERR_DB. */
int pools_apply(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
                struct pool_application *x, struct errs *errs);

/* pools_applications: the applications of pool pool_id that by may see (every one for the
 * administrator, its own municipality's for its staff), by municipality, with their budget
 * lines. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_DB. */
int pools_applications(struct db *db, struct arena *a, const struct principal *by,
                       int64_t pool_id, struct pool_application **items, int *n);

/* pools_reject: marks the application of kommune to pool pool_id afslået, audited. The
 * administrator only. ERR_NOTFOUND (no such application), ERR_CONFLICT (granted already). */
int pools_reject(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
                 const char *kommune);

/* pools_grant: grants g->amount_ore to g->kommune from pool pool_id, audited; the municipality's
 * application (if any) becomes bevilget and g->application_id names it. The check of the limits
 * and the insert are one write transaction, so grants given at the same time cannot together
 * pass the total. g->day is the decision's date (NULL: today). Access: the administrator.
 * Field errors: kommune (unknown), date, amount (not above 0, the municipality's grants past
 * max_per_kommune, or the pool's grants past its total; the message says how much is left). ERR_NOTFOUND, ERR_FORBIDDEN, ERR_INVALID, ERR_DB. */
int pools_grant(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
                struct pool_entry *g, struct errs *errs);

/* pools_pay: records payment p (day, amount) to p->kommune from pool pool_id, audited. Access:
 * the administrator. Field errors: kommune, date, amount (not above 0, or the municipality's
 * payments past its grants). ERR_NOTFOUND, ERR_FORBIDDEN, ERR_INVALID, ERR_DB. */
int pools_pay(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
              struct pool_entry *p, struct errs *errs);

/* pools_report_spend: the municipality's report of spend and activities s (day, amount, text)
 * on pool pool_id, audited. Access: ACC_WRITE on s->kommune. Field errors: kommune, date,
 * amount (0 or more), text (1..5000). ERR_NOTFOUND, ERR_FORBIDDEN, ERR_INVALID, ERR_DB. */
int pools_report_spend(struct db *db, struct arena *a, const struct principal *by,
                       int64_t pool_id, struct pool_entry *s, struct errs *errs);

/* what pools_entries lists */
enum pools_entry_kind { POOLS_GRANTS, POOLS_PAYMENTS, POOLS_SPEND };

/* pools_entries: the grants, payments or reported spend of pool pool_id that by may see (the
 * administrator every municipality's, a municipality's staff their own), by date.
 * ERR_NOTFOUND, ERR_FORBIDDEN, ERR_DB. */
int pools_entries(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
                  enum pools_entry_kind kind, struct pool_entry **items, int *n);

/* pools_status: the final report's lines of pool pool_id: one per municipality that applied
 * or got a grant (only by's own for a municipality's staff), by name, with its sums and the
 * network meetings it attended: held meetings of the pool's network at which a member of the
 * municipality was present (an enterprise or unit of the municipality, or a person whose
 * e-mail is a user's of the municipality). ERR_NOTFOUND, ERR_FORBIDDEN, ERR_DB. */
int pools_status(struct db *db, struct arena *a, const struct principal *by, int64_t pool_id,
                 struct pool_status **rows, int *n);

#endif
