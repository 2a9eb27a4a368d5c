/*
 * contacts.h — the municipality's contacts with enterprises of the registry (SØV or ordinary
 * company): visits, calls, meetings and mails, with a topic, notes and a follow-up date that is
 * reminded once through the outbox to whoever logged the contact.
 * Layer: capability domain (outreach). Knows no HTTP and no HTML; its SQL is in
 * contacts_store.c. Every read and write asks access_collaboration() (auth/access.h) for the
 * municipality the caller acts for; lists bind access_collaboration_scope() into their SQL.
 * A contact belongs to the municipality whose staff logged it: only that municipality's staff
 * (and the national administrator) ever see it; the public and the enterprise never do.
 */
#ifndef INDGANG_CONTACTS_H
#define INDGANG_CONTACTS_H

#include <stdbool.h>
#include <stdint.h>

#include "../registry/registry.h"

struct arena;
struct db;
struct errs;
struct principal;

/* the kinds of contact, key and Danish label: besoeg, telefon, moede, mail */
extern const struct option_kv contacts_kinds[];
extern const int contacts_kinds_count;

struct outreach_contact {
	int64_t id;
	int64_t enterprise_id;
	const char *enterprise_name;   /* read only */
	const char *kommune;           /* the municipality whose staff logged it */
	int64_t user_id;               /* read only: who logged it (0 when the account is gone) */
	const char *user_email;        /* read only */
	const char *date;              /* YYYY-MM-DD, not in the future */
	const char *kind;              /* a key of contacts_kinds */
	const char *participants;      /* others who took part, free text, "" when none */
	const char *topic;             /* 1..300 characters */
	const char *notes;             /* "" when none */
	const char *follow_up;         /* YYYY-MM-DD or NULL */
	const char *reminded_at;       /* read only: when the follow-up was reminded, or NULL */
	const char *created_at;        /* read only */
};

/* contacts_kind_label: the Danish label of a kind (the key itself when unknown). */
const char *contacts_kind_label(const char *kind);

/* contacts_acting_kommune: the municipality by acts for with enterprise e: its own (which must be
 * e's home or one of e's other municipalities), or for the national administrator asked when
 * given (the same rule) else e's home. 0 and *out, ERR_FORBIDDEN when by has no such
 * municipality or access_collaboration(by, ACC_WRITE when write, else ACC_READ, it) refuses. */
int contacts_acting_kommune(const struct principal *by, bool write, const struct enterprise *e,
                            const char *asked, const char **out);

/* contacts_create: validates c (date YYYY-MM-DD and not after today, kind, topic 1..300
 * characters, participants up to 500, notes up to 20,000, follow_up a date or NULL; trimmed
 * copies replace the texts) and stores it for the municipality by acts for with its enterprise
 * (c->kommune, when the administrator gives one, asks for that municipality), logged by by,
 * with an audit line, in one write transaction. Order: ERR_NOTFOUND (no such enterprise), then
 * ERR_FORBIDDEN, then field errors (ERR_INVALID; those errs already holds count too). On
 * success c->id and the read-only fields are set. Also ERR_DB, ERR_UNAVAILABLE. */
int contacts_create(struct db *db, struct arena *a, const struct principal *by,
                    struct outreach_contact *c, const char *today, struct errs *errs);

/* contacts_of_enterprise: the contacts with enterprise id that by may read (its own
 * municipality's; every municipality's for the administrator), newest first, at most 500.
 * ERR_NOTFOUND, ERR_FORBIDDEN (by works for no municipality the enterprise works with, or may
 * not read collaboration), ERR_DB. Allocates in a. */
int contacts_of_enterprise(struct db *db, struct arena *a, const struct principal *by,
                           int64_t enterprise_id, struct outreach_contact **items, int *n);

/* contacts_may_see_enterprise: whether by may see (and, with write true, log) contacts with e:
 * the question the enterprise's page asks before it shows the timeline. */
bool contacts_may_see_enterprise(const struct principal *by, const struct enterprise *e,
                                 bool write);

/* a filtered page of the contacts of a municipality; NULL or 0 is no filter */
struct contacts_query {
	const char *kommune;   /* the administrator's choice; others are bound to their own */
	const char *kind;
	const char *from, *to; /* the contact's date within [from, to] */
	const char *due;       /* a follow-up on or before this date that is still to come: due */
	int limit, offset;     /* limit 1..5000 */
};

/* contacts_list: one page of the contacts q selects within by's scope
 * (access_collaboration_scope), newest first; *total counts every match. ERR_FORBIDDEN for who
 * may read none (anonymous, virksomhed), ERR_DB. Allocates in a. */
int contacts_list(struct db *db, struct arena *a, const struct principal *by,
                  const struct contacts_query *q, struct outreach_contact **items, int *n,
                  int *total);

/* contacts_remind: one message through the outbox for every contact whose follow-up is on or
 * before day and not yet reminded, to the user who logged it (when that account is gone or
 * inactive, nothing is sent and it is counted as waiting), marked reminded with an audit line,
 * in one write transaction: running it again queues nothing twice. ERR_INVALID for a day that
 * is no date, ERR_DB, ERR_UNAVAILABLE. */
int contacts_remind(struct db *db, struct arena *a, const char *day, int *queued, int *waiting);

#endif
