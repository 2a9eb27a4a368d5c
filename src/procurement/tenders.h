/*
 * tenders.h — tenders (udbud) of a municipality with award criteria and social clauses: their
 * validation, the life of a tender (draft → published → closed when the deadline for bids has
 * passed → awarded, or cancelled), who may see and keep them, the public list, and the
 * published questions and answers. Bids, their scores and the award are bids.h's.
 * Layer: capability domain (procurement). Knows no HTTP and no HTML; its SQL is in
 * tenders_store.c. Every read and write asks auth/access.h (access_procurement for the
 * municipality's staff, access_supplier for an enterprise's own account); public readers see a
 * tender only once it is published.
 *
 * Times: the deadlines are entered and shown in Danish local time (Europe/Copenhagen, with
 * summer time) and stored in UTC as "YYYY-MM-DDTHH:MM:SSZ", so they compare as text.
 */
#ifndef INDGANG_TENDERS_H
#define INDGANG_TENDERS_H

#include <stdbool.h>
#include <stdint.h>

#include "../registry/registry.h"

struct arena;
struct db;
struct errs;
struct principal;

#define TENDERS_MAX_CRITERIA 10
#define TENDERS_MAX_CLAUSES 10

/* the procedures (udbudsformer) with their Danish labels and explanations, in form order */
struct tenders_procedure {
	const char *key, *label, *explanation;
};
extern const struct tenders_procedure tenders_procedures[];
extern const int tenders_procedures_count;
/* the kinds of social clause: key and Danish label */
extern const struct option_kv tenders_clause_kinds[];
extern const int tenders_clause_kinds_count;

struct tender_criterion {
	const char *key;   /* slug of name: "pris", "kvalitet", "social_vaerdi" */
	const char *name;  /* as written: "Pris", "Social værdi" */
	int weight;        /* 1..100; a tender's weights sum to 100 */
	bool is_price;     /* scored by the price model (exactly one per tender) */
};

struct tender_clause {
	const char *kind;  /* a key of tenders_clause_kinds; NULL is "andet" */
	const char *text;  /* 1..1000 characters */
};

struct tender {
	int64_t id;                    /* 0 for a new tender */
	const char *kommune;           /* three digits */
	const char *kommune_navn;      /* read only */
	const char *title;             /* 1..200 */
	const char *object;            /* the object of the contract (genstand), "" when none */
	const char *description;       /* "" when none */
	const char *cpv;               /* "39000000-2" or NULL */
	int64_t estimate_ore;          /* estimated value ex. moms; -1 when not given */
	const char *procedure;         /* a key of tenders_procedures */
	const char *published;         /* YYYY-MM-DD, set when published; read only */
	const char *questions_deadline; /* UTC ISO or NULL */
	const char *deadline;          /* UTC ISO "YYYY-MM-DDTHH:MM:SSZ", required */
	const char *status;            /* stored: draft, published, closed, awarded, cancelled */
	const char *state;             /* read only: status as of now (published past its deadline
	                                * is "closed") */
	int64_t awarded_bid_id;        /* read only; 0 */
	const char *awarded_at;        /* read only */
	const char *created_at, *updated_at; /* read only */
	struct tender_criterion *criteria;
	int ncriteria;
	struct tender_clause *clauses;
	int nclauses;
	int nbids;                     /* read only: how many bids (never shown before the award to
	                                * anyone but the municipality's staff after the deadline) */
};

/* ---- time */

/* tenders_now: the current time in UTC as "YYYY-MM-DDTHH:MM:SSZ" into out (21 bytes); the
 * clock tenders_clock_set gave, when it gave one. */
void tenders_now(char out[21]);
/* tenders_clock_set: makes the rules of tenders and bids (deadlines, sealing, the publication
 * date) read now (a UTC time as tenders_now writes it) instead of the real clock; NULL goes
 * back to the real clock. For the demo loader and the unit tests, which run one thread; the
 * server never calls it. The rows' own timestamps (created, submitted) stay the real time. */
void tenders_clock_set(const char *now);
/* tenders_local_to_utc: a Danish local time "YYYY-MM-DDTHH:MM" (a space for the T is fine,
 * seconds optional) into UTC "YYYY-MM-DDTHH:MM:SSZ" (21 bytes); a text ending in Z is taken as
 * UTC already. 0 or ERR_INVALID. */
int tenders_local_to_utc(const char *local, char out[21]);
/* tenders_utc_to_local: a stored UTC time as Danish local "YYYY-MM-DDTHH:MM" (17 bytes).
 * 0 or ERR_INVALID. */
int tenders_utc_to_local(const char *utc, char out[17]);
/* tenders_time_da: a stored UTC time for people: "1. december 2026 kl. 12.00" in a; "" for
 * NULL or a malformed time. */
const char *tenders_time_da(struct arena *a, const char *utc);

/* ---- labels and keys */

const char *tenders_procedure_label(const char *key);
const char *tenders_procedure_explanation(const char *key);
const char *tenders_clause_label(const char *kind);
/* tenders_state_label: the Danish label of a state (draft → "Kladde", ...) */
const char *tenders_state_label(const char *state);
/* tenders_criterion_key: the slug of a criterion's name in a: lower case, æ → ae, ø → oe,
 * å → aa, anything but a-z and 0-9 becomes one '_' ("Social værdi" → "social_vaerdi"). */
const char *tenders_criterion_key(struct arena *a, const char *name);

/* ---- access */

/* tenders_may_create: whether by may create a tender for some municipality (its staff who
 * write purchasing, the administrator). */
bool tenders_may_create(const struct principal *by);
/* tenders_staff: whether by may read the non-public side of tender t (its municipality's
 * purchasing: access_procurement ACC_READ), and *write whether it may change it. */
bool tenders_staff(const struct principal *by, const struct tender *t, bool *write);

/* ---- keeping */

/* tenders_validate: t's own fields, criteria and clauses against the rules above, as field
 * errors named as the JSON members (kommune, title, object, description, cpv, estimate,
 * procedure, questions_deadline, deadline, criteria, social_clauses), in Danish; trimmed copies
 * replace the texts, criterion keys are filled from the names. Weights not summing to 100, no
 * or more than one price criterion, repeated names: the field criteria. Returns 0 or
 * ERR_INVALID. */
int tenders_validate(struct arena *a, struct tender *t, struct errs *errs);

/* tenders_save: creates (t->id 0, status draft) or updates t with its criteria and clauses and
 * an audit line, in one write transaction. A create needs access_procurement ACC_WRITE on
 * t->kommune (ERR_FORBIDDEN); an update the stored tender (ERR_NOTFOUND), write access to its
 * municipality (ERR_FORBIDDEN; the municipality cannot change), a state of draft or published
 * (else ERR_CONFLICT: closed, awarded and cancelled tenders are final), and once bids exist the
 * criteria and the deadline unchanged (field errors criteria / deadline). Field errors already
 * in errs count as the save's (after the access checks). On success t is read back. */
int tenders_save(struct db *db, struct arena *a, const struct principal *by, struct tender *t,
                 struct errs *errs);

/* tenders_get: tender id into *out with criteria and clauses. Anyone (by NULL too) may read a
 * tender that has been published (whatever its state since); one never published (a draft, or
 * a draft cancelled) only its municipality's staff (ERR_NOTFOUND for everyone else, so drafts
 * stay unknown). nbids is filled for staff only.
 * ERR_NOTFOUND, ERR_DB. */
int tenders_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                struct tender *out);

/* tenders_publish: a draft becomes published today, with an audit line. ERR_NOTFOUND,
 * ERR_FORBIDDEN (no write access), ERR_CONFLICT (not a draft), ERR_INVALID with the field
 * deadline when the deadline for bids is not in the future. */
int tenders_publish(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                    struct errs *errs);
/* tenders_cancel: a tender that is not awarded or cancelled becomes cancelled, with the reason
 * (may be empty) in the audit line. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_CONFLICT. */
int tenders_cancel(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                   const char *reason);

enum tenders_scope {
	TENDERS_PUBLIC,  /* published with an open deadline, and awarded in the last 180 days */
	TENDERS_STAFF,   /* every tender of the caller's municipality (all for the administrator) */
};

struct tenders_query {
	enum tenders_scope scope;
	const char *state;   /* for TENDERS_STAFF: draft, published, closed, awarded, cancelled */
	int limit, offset;   /* limit 1..500 */
};

/* tenders_list: a page of tenders (without criteria and clauses), open deadlines first by
 * deadline, then the rest newest first; *total every match. TENDERS_STAFF needs
 * access_procurement_scope (ERR_FORBIDDEN). */
int tenders_list(struct db *db, struct arena *a, const struct principal *by,
                 const struct tenders_query *q, struct tender **items, int *n, int *total);

/* ---- questions and answers */

struct tender_question {
	int64_t id;
	const char *question, *answer; /* answer "" while unanswered */
	const char *asked_at, *answered_at;
	/* who asked is stored (to tell the enterprise) but never read out here */
};

/* tenders_ask: an enterprise's account (access_supplier for enterprise_id) asks about a
 * published tender before the deadline for questions (or for bids when there is none).
 * ERR_NOTFOUND, ERR_FORBIDDEN, ERR_CONFLICT (not published, or past the deadline), ERR_INVALID
 * (question empty or over 4000 characters). Audited. */
int tenders_ask(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
                int64_t enterprise_id, const char *question, struct errs *errs, int64_t *id);
/* tenders_answer: the municipality's staff (ACC_WRITE) answer question_id of tender_id; the
 * answer is published at once, and every enterprise that registered interest gets it as a
 * letter through the outbox (its accounts' addresses, else its contact address), in the same
 * transaction. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_INVALID (empty). Audited. */
int tenders_answer(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
                   int64_t question_id, const char *answer, struct errs *errs);
/* tenders_questions: the questions of tender_id: answered ones for everyone, unanswered ones
 * too for the municipality's staff. The asker is never given. */
int tenders_questions(struct db *db, struct arena *a, const struct principal *by,
                      int64_t tender_id, struct tender_question **items, int *n);

/* tenders_interest: an enterprise's account registers interest in a published tender (again is
 * fine); it is then told of new answers (tenders_answer). ERR_NOTFOUND, ERR_FORBIDDEN,
 * ERR_CONFLICT (not published or past the deadline). */
int tenders_interest(struct db *db, struct arena *a, const struct principal *by,
                     int64_t tender_id, int64_t enterprise_id);
/* tenders_has_interest: whether enterprise_id registered interest in tender_id. */
bool tenders_has_interest(struct db *db, int64_t tender_id, int64_t enterprise_id);

#endif
