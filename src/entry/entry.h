/*
 * entry.h — one entry point (én indgang): inquiries from enterprises and social entrepreneurs,
 * routing to the municipality's units and partners, case handling, advisory sessions and their
 * monthly figures. Layer: capability domain (entry); its SQL is in entry_store.c.
 *
 * Inquiries hold personal data (names, e-mail addresses, phone numbers): every read of one is
 * audited, and only the municipality's konsulent, the national administrator and the person the
 * case is assigned to see them.
 */
#ifndef INDGANG_ENTRY_H
#define INDGANG_ENTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

struct option_pair {
	const char *key, *label;
};
extern const struct option_pair entry_topics[];   /* start, business, employment, ... */
extern const int entry_topics_count;
extern const struct option_pair entry_statuses[]; /* new, in_progress, referred, waiting, closed */
extern const int entry_statuses_count;
const char *entry_label(const struct option_pair *opts, int n, const char *key);

#define ENTRY_DEFAULT_ANSWER_DAYS 5

struct inquiry_input {
	const char *kommune, *name, *email, *phone, *cvr, *organisation, *topic, *message;
	int64_t enterprise_id; /* 0: none */
};

struct inquiry {
	int64_t id;
	const char *reference, *kommune, *kommune_navn, *name, *email, *phone, *cvr, *organisation;
	int64_t enterprise_id;
	const char *enterprise_name;
	const char *topic, *message, *status, *outcome;
	int64_t assignee_id;
	const char *assignee_email;
	int64_t unit_id;
	const char *unit_name;
	const char *next_action, *next_action_date, *received_at, *received_date, *updated_at, *closed_at;
	const char *purged_at; /* when its personal data were erased after the retention, or NULL */
	int workdays_open;  /* working days since it came in (until closed) */
	bool overdue;       /* open longer than the municipality's answer deadline */
};

/* entry_inquiry_create: a new inquiry from the public form or API, routed by its topic to the
 * unit and person the municipality chose; a receipt to the sender and a notice to the assignee
 * go into the outbox in the same transaction. Field errors name the input's members.
 * *reference gets "IND-YYYY-NNNNNN" (owned by a). */
int entry_inquiry_create(struct db *db, struct arena *a, const struct inquiry_input *in,
                         struct errs *errs, int64_t *id, const char **reference);

/* entry_inquiries: the caller's cases (a konsulent: the municipality's; admin: all; others: the
 * ones assigned to them), newest first; status NULL for all, "open" for all but closed. */
int entry_inquiries(struct db *db, struct arena *a, const struct principal *by, const char *status,
                    int limit, int offset, struct inquiry **rows, int *n, int *total);
/* entry_inquiry_get: one case, audited as a read of personal data; ERR_NOTFOUND when the caller
 * may not see it. */
int entry_inquiry_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                      struct inquiry *out);

struct inquiry_patch {
	const char *status;           /* NULL: unchanged */
	const char *outcome;          /* NULL: unchanged; required to close */
	int64_t assignee_id;          /* -1 unchanged, 0 nobody */
	int64_t unit_id;              /* -1 unchanged, 0 none */
	const char *next_action;      /* NULL: unchanged */
	const char *next_action_date; /* NULL: unchanged, "": none */
};
int entry_inquiry_update(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         const struct inquiry_patch *p, struct errs *errs);
int entry_note_add(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                   const char *text, struct errs *errs);
/* entry_referral_add: refers the case to a unit or partner (status becomes referred). */
int entry_referral_add(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                       int64_t unit_id, const char *note, struct errs *errs);
/* entry_referral_result: what came of referral_id of case id (result, trimmed: 1-2,000
 * characters, else a field error "result-<referral_id>"); ERR_NOTFOUND when the referral is
 * not the case's or the case is not the caller's to see (nothing written). */
int entry_referral_result(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                          int64_t referral_id, const char *result, struct errs *errs);
/* entry_may_register: whether by may create the registry entry of inquiry q (the
 * municipality's konsulent or the administrator: the registry's writers); the case page offers
 * it only then. */
bool entry_may_register(const struct principal *by, const struct inquiry *q);
/* entry_to_registry: creates the registry entry (an enterprise, or an entrepreneur with an idea
 * when there is no CVR number) from the inquiry under the public name given by the caller and
 * links them; *enterprise_id gets its id. The registry is public: only the name, the CVR
 * number and the municipality go in, never the contact's name, e-mail, phone or message. An
 * empty name is a field error (registry_name). ERR_FORBIDDEN unless entry_may_register. */
int entry_to_registry(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                      const char *name, struct errs *errs, int64_t *enterprise_id);

struct note_row {
	const char *at, *user, *text;
};
struct referral_row {
	int64_t id;
	const char *at, *unit, *note, *result;
};
int entry_case_history(struct db *db, struct arena *a, int64_t id, struct note_row **notes, int *nn,
                       struct referral_row **refs, int *nr);

/* ---- units, partners, routes, deadline */
struct unit_row {
	int64_t id;
	const char *kind, *name, *email;
};
int entry_units(struct db *db, struct arena *a, const char *kommune, struct unit_row **rows, int *n);
int entry_unit_add(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                   const char *kind, const char *name, const char *email, struct errs *errs);
struct routing_row {
	const char *topic;
	int64_t unit_id, assignee_id;
};
int entry_routing(struct db *db, struct arena *a, const char *kommune, struct routing_row **rows, int *n);
int entry_routing_set(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                    const char *topic, int64_t unit_id, int64_t assignee_id, struct errs *errs);
int entry_answer_days(struct db *db, const char *kommune);
/* who hears of a new inquiry whose route names no person (entry_notify): the municipality's
 * coordinators, that is its konsulenter (the default); the e-mail of the unit the topic goes to,
 * or the coordinators when it has none; or nobody */
#define ENTRY_NOTIFY_COORDINATORS "coordinators"
#define ENTRY_NOTIFY_UNIT "unit"
#define ENTRY_NOTIFY_NONE "none"
extern const struct option_pair entry_notify_options[]; /* the three, with Danish labels */
extern const int entry_notify_options_count;
/* entry_notify: kommune's choice, ENTRY_NOTIFY_COORDINATORS when it made none (or on a read
 * error, which is logged: a notice too many beats a notice lost). */
const char *entry_notify(struct db *db, struct arena *a, const char *kommune);
/* entry_notify_set: sets kommune's choice, for who may change its data; audited. 0,
 * ERR_FORBIDDEN, ERR_INVALID (field error on "notify") or ERR_DB. */
int entry_notify_set(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                     const char *notify, struct errs *errs);
/* ENTRY_DEFAULT_RETENTION_YEARS: how long a closed inquiry is kept when the municipality chose
 * nothing (the promise of /privatliv) */
#define ENTRY_DEFAULT_RETENTION_YEARS 5
/* entry_retention_years: the years kommune keeps a closed inquiry before its personal data are
 * erased (ENTRY_DEFAULT_RETENTION_YEARS without a setting). */
int entry_retention_years(struct db *db, const char *kommune);
/* entry_retention_set: kommune's retention, 1 to 10 years (konsulent of kommune or admin);
 * field "retention_years". Audited. */
int entry_retention_set(struct db *db, struct arena *a, const struct principal *by,
                        const char *kommune, int years, struct errs *errs);
/* entry_purge: erases the personal data (name, e-mail, phone, CVR, organisation, message,
 * outcome, next action, notes, the referrals' notes and the follow-ups of advisory sessions made
 * from it) of every closed inquiry whose municipality's retention ended before today
 * (YYYY-MM-DD; NULL: today); the inquiry stays with its municipality, topic, status and dates,
 * so the figures still count it. *count gets how many; dry_run only counts. One audit line
 * with the count. 0, ERR_INVALID (a bad date) or ERR_DB. */
int entry_purge(struct db *db, const char *today, bool dry_run, int *count);
int entry_answer_days_set(struct db *db, struct arena *a, const struct principal *by,
                          const char *kommune, int days, struct errs *errs);

/* ---- shared by the capability's files */
/* entry_trimmed: s without surrounding white space ("" for NULL), owned by a. */
const char *entry_trimmed(struct arena *a, const char *s);
/* entry_check_len: adds msg to errs for field when s is longer than max characters. */
void entry_check_len(struct errs *errs, const char *field, const char *s, size_t max,
                     const char *msg);

#endif
