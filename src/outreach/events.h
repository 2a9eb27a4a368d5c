/*
 * events.h — events (arrangementer): seminars, social entrepreneur days, award ceremonies,
 * courses (3.6 and 4.1.1 of the 2015 report). A municipality's (or, from the administrator, a
 * national) event with time, place, public or staff only, a capacity with a waiting list,
 * sign-ups with a confirmation mail carrying an iCalendar invitation and a link to cancel,
 * reminders the day before, attendance, updates when the time or place changes and a
 * cancellation to everyone when the event is called off.
 * Layer: capability domain (outreach). Knows no HTTP and no HTML; its SQL is in events_store.c.
 * Every staff read and write asks access_collaboration(); what the public sees (a public
 * event, and signing up to it) is decided here explicitly.
 */
#ifndef INDGANG_EVENTS_H
#define INDGANG_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

/* the kinds of an event: key and Danish label */
struct events_kind {
	const char *key, *label;
};
extern const struct events_kind events_kinds[];
extern const int events_kinds_count;
/* events_kind_label: the Danish label of a kind key, or the key itself (NULL: "") */
const char *events_kind_label(const char *kind);

struct event {
	int64_t id;                 /* 0 for a new event */
	const char *kommune;        /* three digits, or NULL: national (the administrator's) */
	const char *kommune_navn;   /* read only; NULL for national */
	const char *title;
	const char *description;    /* "" when none */
	const char *kind;           /* a key of events_kinds; NULL is "andet" */
	const char *starts_at, *ends_at; /* Danish local time "YYYY-MM-DDTHH:MM" */
	const char *place;
	bool public;                /* shown to everyone, who may sign up without an account */
	int capacity;               /* 0: no cap */
	const char *signup_deadline; /* YYYY-MM-DD (the last day to sign up), or NULL */
	/* read only */
	int sequence;               /* the iCalendar SEQUENCE: raised when time or place changes */
	const char *cancelled_at;   /* NULL unless called off */
	const char *created_at, *updated_at;
	int confirmed, waitlist;    /* active sign-ups */
};

struct event_signup {
	int64_t id, event_id;
	const char *name, *email;
	const char *status;         /* "confirmed", "waitlist" or "cancelled" */
	bool attended;
	const char *created_at;
};

/* events_public_url: where the mails' links point: INDGANG_PUBLIC_URL without a trailing slash,
 * else "http://127.0.0.1:8080". */
const char *events_public_url(void);

/* events_validate: checks ev's own fields, adding field errors named as the JSON members
 * (title, description, kind, starts_at, ends_at, place, capacity, signup_deadline) in Danish;
 * trimmed copies replace the texts; a NULL kind becomes "andet". 0 or ERR_INVALID. */
int events_validate(struct arena *a, struct event *ev, struct errs *errs);

/* events_save: creates (ev->id 0) or updates ev, with an audit line, in one write transaction.
 * A create needs access_collaboration ACC_WRITE for ev->kommune (ERR_FORBIDDEN); an update the
 * stored event (ERR_NOTFOUND) and ACC_WRITE for its municipality, which it keeps. A cancelled
 * event cannot be changed (ERR_CONFLICT). When an update moves the time or the place, the
 * SEQUENCE is raised and every active sign-up gets an updated invitation (METHOD:REQUEST)
 * through the outbox. Errors already in errs count (nothing is written while it holds any).
 * On success ev is read back. ERR_INVALID, ERR_DB, ERR_UNAVAILABLE. */
int events_save(struct db *db, struct arena *a, const struct principal *by, struct event *ev,
                struct errs *errs);

/* events_cancel: calls event id off (cancelled_at now, SEQUENCE raised) and sends every active
 * sign-up a cancellation (METHOD:CANCEL). ERR_NOTFOUND, ERR_FORBIDDEN (ACC_WRITE),
 * ERR_CONFLICT when already cancelled. Audited. */
int events_cancel(struct db *db, struct arena *a, const struct principal *by, int64_t id);

/* events_get: event id with its counts. Anyone may read a public event; a staff-only event
 * needs access_collaboration ACC_READ: ERR_NOTFOUND for an anonymous caller or an enterprise's
 * account (to them it does not exist), ERR_FORBIDDEN for another municipality's staff. */
int events_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
               struct event *out);

/* events_may_manage: whether by may write event ev (access_collaboration ACC_WRITE) */
bool events_may_manage(const struct principal *by, const struct event *ev);
/* events_may_see_signups: whether by may see ev's sign-ups (ACC_READ of its municipality) */
bool events_may_see_signups(const struct principal *by, const struct event *ev);
/* events_may_create: whether by may create an event somewhere */
bool events_may_create(const struct principal *by);

struct events_query {
	bool past;           /* also past events (staff only; the public sees upcoming ones) */
	int limit, offset;   /* limit 1..500 */
};

/* events_list: events by may see, starting soonest (past ones after, newest first): the public
 * (by NULL or no staff access) the upcoming public events that are not cancelled; staff also
 * the staff events of their municipality and the national ones, and with q->past the past
 * ones. *total counts every match. ERR_DB. Allocates in a. */
int events_list(struct db *db, struct arena *a, const struct principal *by,
                const struct events_query *q, struct event **items, int *n, int *total);

/* events_signup: signs name and email up to event_id. A public event takes anyone (by may be
 * NULL); a staff-only event only who may read it (else ERR_NOTFOUND for the public,
 * ERR_FORBIDDEN for other staff). Field errors name and email; a cancelled event, a passed
 * sign-up deadline or an event that has begun are ERR_CONFLICT with a field error on event; an
 * active sign-up with the same e-mail is ERR_CONFLICT with a field error on email. Past the
 * capacity the sign-up is "waitlist". In one transaction: the row, an audit line and a
 * confirmation mail with the invitation (confirmed) or the waiting-list notice, both with the
 * link to cancel. *out is the sign-up. */
int events_signup(struct db *db, struct arena *a, const struct principal *by, int64_t event_id,
                  const char *name, const char *email, struct errs *errs,
                  struct event_signup *out);

/* events_signup_cancel: cancels sign-up signup_id of event_id, by staff who may write the
 * event (by set, token NULL) or by the person with the secret of their link (token set, by
 * ignored). A cancelled confirmed place goes to the first on the waiting list, who gets the
 * invitation and a mail saying so. ERR_NOTFOUND (no such active sign-up, or a wrong token),
 * ERR_FORBIDDEN. Audited; the person gets a receipt. */
int events_signup_cancel(struct db *db, struct arena *a, const struct principal *by,
                         int64_t event_id, int64_t signup_id, const char *token);

/* events_signup_by_token: the active sign-up of event_id whose link carries token, and the
 * event (whoever holds the link may see it), for the cancellation page; ERR_NOTFOUND. */
int events_signup_by_token(struct db *db, struct arena *a, int64_t event_id, const char *token,
                           struct event *ev, struct event_signup *out);

/* events_signups: the sign-ups of event_id (active ones: confirmed first, then the waiting list
 * in order), for who may read the event's municipality. ERR_NOTFOUND, ERR_FORBIDDEN. */
int events_signups(struct db *db, struct arena *a, const struct principal *by, int64_t event_id,
                   struct event_signup **items, int *n);

/* events_set_attended: marks whether signup_id of event_id came (attended 1 or 0; anything
 * else is the field error attended, after the access check): ACC_WRITE of the event.
 * ERR_NOTFOUND when the sign-up is not confirmed. Audited. */
int events_set_attended(struct db *db, struct arena *a, const struct principal *by,
                        int64_t event_id, int64_t signup_id, int attended, struct errs *errs);

/* events_ics: the event as an .ics file (a feed: no METHOD), owned by a; NULL on failure. */
char *events_ics(struct arena *a, const struct event *ev, size_t *len);

/* events_remind: queues a reminder for every confirmed sign-up of an event that starts on day
 * + 1 (YYYY-MM-DD) and is not cancelled, once per sign-up; *queued counts them. ERR_DB. */
int events_remind(struct db *db, struct arena *a, const char *day, int *queued);

#endif
