/*
 * mail_store.h — the SQL of the outbox. Layer: store of the mail capability.
 */
#ifndef INDGANG_MAIL_STORE_H
#define INDGANG_MAIL_STORE_H

#include "mail.h"

int mail_store_insert(struct db *db, const char *kommune, const char *to, const char *subject,
                      const char *body);
/* mail_store_part_insert: a part of the message just inserted (id) */
int mail_store_part_insert(struct db *db, int64_t outbox_id, const char *content_type,
                           const char *filename, const void *data, size_t len);
int mail_store_due(struct db *db, struct arena *a, int64_t now, int max, struct outbox_row **rows,
                   int *n);
/* mail_store_claim: mail_store_due's messages, each then held until lease (its next attempt
 * set to lease), inside the caller's write transaction: another sender (another server on the
 * same database) does not see them as due until then. On PostgreSQL the rows are read
 * FOR UPDATE SKIP LOCKED, so a sender also passes over rows another one is claiming. */
int mail_store_claim(struct db *db, struct arena *a, int64_t now, int64_t lease, int max,
                     struct outbox_row **rows, int *n);
int mail_store_sent(struct db *db, int64_t id);
int mail_store_failed(struct db *db, int64_t id, int64_t next_attempt, const char *why);
int mail_store_list(struct db *db, struct arena *a, bool pending_only, int limit, int offset,
                    struct outbox_row **rows, int *n, int *total);

#endif
