/*
 * mail.h — outgoing mail: every message goes into the outbox table first, in the same
 * transaction as what caused it, and is delivered from there over SMTP (libcurl) to the
 * configured relay, with retries and growing back-off. Nothing is ever dropped: without a relay,
 * or while it is down, messages wait in the outbox, where the administrator sees them.
 * Layer: capability (mail); its SQL is in mail_store.c.
 */
#ifndef INDGANG_MAIL_H
#define INDGANG_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct principal;

struct mail_config {
	const char *smtp_url; /* smtp://[user:password@]host[:port], smtps://...; NULL: no relay */
	const char *from;     /* the sender address */
	bool require_tls;     /* refuse to send without STARTTLS */
};

/* mail_queue: puts a message in the outbox, inside the caller's write transaction. */
int mail_queue(struct db *db, const char *kommune, const char *to, const char *subject, const char *body);

/* something a message carries besides its text. A text/calendar part (an invitation, made by
 * view/ical.h) is sent beside the text as its alternative, so mail programs offer to accept or
 * decline; any other part is attached as a file. */
struct mail_part {
	const char *content_type; /* with parameters: "text/calendar; method=REQUEST; charset=utf-8" */
	const char *filename;     /* "invitation.ics" */
	const void *data;
	size_t len;
};
#define MAIL_MAX_PARTS 8

/* mail_queue_parts: mail_queue with nparts parts (at most MAIL_MAX_PARTS), in the same
 * transaction. ERR_INVALID for a part without type, name or bytes. */
int mail_queue_parts(struct db *db, const char *kommune, const char *to, const char *subject,
                     const char *body, const struct mail_part *parts, int nparts);

struct outbox_row {
	int64_t id;
	const char *to, *subject, *body, *created_at, *sent_at, *last_error;
	int attempts;
	int64_t next_attempt;
	struct mail_part *parts; /* read with the due messages and the outbox list */
	int nparts;
};
/* mail_outbox: the newest messages first, for the national administrator (ACC_NATIONAL);
 * pending_only leaves out the sent ones. 0, ERR_FORBIDDEN or ERR_DB. */
int mail_outbox(struct db *db, struct arena *a, const struct principal *by, bool pending_only,
                int limit, int offset, struct outbox_row **rows, int *n, int *total);

/* mail_deliver_due: sends up to max messages whose time has come; each delivery is recorded
 * (sent, or one more attempt with the next try after 1, 2, 4 ... minutes, at most 6 hours).
 * The messages are claimed before they are sent, so two servers sending from one outbox send
 * each message once (a claim held by a sender that stopped runs out after five minutes).
 * *sent and *failed count them. Returns 0, or ERR_DB. */
int mail_deliver_due(struct db *db, struct arena *a, const struct mail_config *cfg, int64_t now,
                     int max, int *sent, int *failed);
/* mail_backoff: seconds to wait after the n-th failed attempt. */
int64_t mail_backoff(int attempts);

/* mail_start / mail_stop: a thread that delivers due messages every few seconds, with its own
 * database connection. mail_start does nothing without an SMTP URL. */
int mail_start(const char *db_path, const struct mail_config *cfg);
void mail_stop(void);

#endif
