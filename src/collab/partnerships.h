/*
 * partnerships.h — partnership agreements of a municipality (or national ones, kommune NULL,
 * kept by the national administrator): partnerships like Jammerbugt's of May 2015, cooperation
 * agreements for citizens in forløb and usage agreements in a housing area. An agreement has
 * parties with their roles written out, a follow-up group with one chair, the signed agreement
 * as a PDF, and an action plan whose items are owned by a party; its progress is done / total
 * and its overdue items are the open ones past their due date.
 * Layer: capability domain (collab). Knows no HTTP and no HTML; its SQL is in
 * partnerships_store.c. Every read and write asks access_collaboration() (auth/access.h); lists
 * bind access_collaboration_scope() into their SQL. A public agreement is readable by anyone,
 * without the parties' and members' e-mail addresses.
 */
#ifndef INDGANG_PARTNERSHIPS_H
#define INDGANG_PARTNERSHIPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

/* kinds of agreement */
#define PARTNERSHIPS_KIND_PARTNERSHIP "partnerskab"
#define PARTNERSHIPS_KIND_COOPERATION "samarbejdsaftale"
#define PARTNERSHIPS_KIND_USAGE "brugsaftale"
#define PARTNERSHIPS_KIND_OTHER "andet"

/* the derived status of an agreement on a day */
#define PARTNERSHIPS_UPCOMING "kommende"
#define PARTNERSHIPS_ACTIVE "aktiv"
#define PARTNERSHIPS_EXPIRED "udløbet"

/* party kinds */
#define PARTNERSHIPS_PARTY_KOMMUNE "kommune"
#define PARTNERSHIPS_PARTY_ENTERPRISE "enterprise"
#define PARTNERSHIPS_PARTY_ORGANISATION "organisation"

/* action item statuses */
#define PARTNERSHIPS_OPEN "open"
#define PARTNERSHIPS_DONE "done"

struct partnership_progress {
	int done, total, overdue;
};

struct partnership {
	int64_t id;                /* 0 for a new agreement */
	const char *kommune;       /* three digits, or NULL for a national agreement */
	const char *kommune_navn;  /* read only */
	const char *kind;          /* one of PARTNERSHIPS_KIND_* (NULL on create: partnerskab) */
	const char *title;
	const char *purpose;       /* "" when none */
	const char *starts_on;     /* YYYY-MM-DD */
	const char *ends_on;       /* YYYY-MM-DD, or NULL/"" for until further notice */
	bool is_public;
	int64_t owner_user_id;     /* read only: the staff member responsible (who created it) */
	const char *owner_email;   /* read only, "" when none */
	const char *status;        /* read only: PARTNERSHIPS_UPCOMING/ACTIVE/EXPIRED on the day read */
	struct partnership_progress progress; /* read only, on the day read */
	int nparties;              /* read only */
	const char *pdf_name;      /* read only: the signed agreement's file name, NULL when none */
	int64_t pdf_size;          /* read only */
	const char *created_at, *updated_at;
};

struct partnership_party {
	int64_t id;
	int64_t partnership_id;
	const char *kind;          /* set by the add: kommune, enterprise or organisation */
	int64_t enterprise_id;     /* kind enterprise */
	const char *name;          /* an organisation's; read: the enterprise's or municipality's */
	const char *contact_name;  /* "" when none */
	const char *email;         /* an organisation's; read: the enterprise's contact e-mail */
	const char *role;          /* written out, "" when none */
};

struct partnership_member {
	int64_t id;
	int64_t partnership_id;
	const char *name;
	const char *organisation;  /* "" when none */
	const char *email;         /* "" when none */
	bool chair;
};

struct partnership_action {
	int64_t id;
	int64_t partnership_id;
	const char *title;
	int64_t owner_party;       /* the id of a party of the same agreement */
	const char *owner_name;    /* read only */
	const char *due;           /* YYYY-MM-DD or NULL */
	const char *status;        /* open or done */
	const char *done_at;       /* when it was marked done, NULL while open; an add may give
	                            * the date (YYYY-MM-DD) of an item done before, else now */
	const char *note;          /* "" when none */
	bool overdue;              /* read only: open and due before the day read */
};

/* partnerships_status: the status of an agreement from starts_on to ends_on (NULL/"": open
 * ended) on day: kommende before the start, udløbet after the end, aktiv otherwise. */
const char *partnerships_status(const char *starts_on, const char *ends_on, const char *day);
/* partnerships_kind_valid: whether kind is one of PARTNERSHIPS_KIND_*. */
bool partnerships_kind_valid(const char *kind);
/* partnerships_progress_of: the progress of items[0..n) on day (done, total and the open ones
 * due before day). Pure. */
struct partnership_progress partnerships_progress_of(const struct partnership_action *items, int n,
                                                     const char *day);

/* partnerships_may_create: whether by may create some agreement (the administrator, a
 * konsulent or jobkonsulent of a municipality). */
bool partnerships_may_create(const struct principal *by);
/* partnerships_may_write: whether by may change agreement p (ACC_WRITE on its municipality). */
bool partnerships_may_write(const struct principal *by, const struct partnership *p);
/* partnerships_may_see_contacts: whether by sees the parties' and members' e-mail addresses of
 * p (ACC_READ on its municipality); the public of a public agreement does not. */
bool partnerships_may_see_contacts(const struct principal *by, const struct partnership *p);

/* partnerships_create: p with its parties[0..nparties) in one write transaction with an audit
 * line; by becomes the responsible staff member. Access: access_collaboration ACC_WRITE on
 * p->kommune (NULL: national, the administrator only) — ERR_FORBIDDEN before any field is
 * looked at. Field errors (title 1..200 characters; purpose at most 5000; kind; start a date;
 * end a date not before start; kommune known; each party as partnerships_party_add says, named
 * "parties") give ERR_INVALID, and errs already holding any count too. On success p is read
 * back (on day). ERR_DB, ERR_UNAVAILABLE. */
int partnerships_create(struct db *db, struct arena *a, const struct principal *by,
                        struct partnership *p, struct partnership_party *parties, int nparties,
                        const char *day, struct errs *errs);

/* partnerships_update: the kind, title, purpose, dates and publicity of p->id as in p (the
 * municipality stays), audited. ERR_NOTFOUND, ERR_FORBIDDEN (ACC_WRITE), ERR_INVALID with the
 * field errors of create. */
int partnerships_update(struct db *db, struct arena *a, const struct principal *by,
                        struct partnership *p, const char *day, struct errs *errs);

/* partnerships_get: agreement id with its counts and status on day. Anyone reads a public
 * agreement; otherwise access_collaboration ACC_READ: ERR_FORBIDDEN for the staff of another
 * municipality, ERR_NOTFOUND for who may read no collaboration at all (anonymous callers and
 * the enterprises' own accounts), so that a non-public agreement does not exist to the public.
 * ERR_DB. */
int partnerships_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                     const char *day, struct partnership *out);

/* the filters and order of a list */
enum partnerships_sort { PARTNERSHIPS_BY_START = 0, PARTNERSHIPS_BY_TITLE, PARTNERSHIPS_BY_END };
struct partnerships_query {
	const char *kommune;       /* NULL: any the caller may see */
	const char *kind;          /* NULL: any */
	const char *status;        /* NULL: any; else kommende, aktiv or udløbet (on day) */
	const char *day;           /* YYYY-MM-DD */
	enum partnerships_sort sort;
	bool desc;
	int limit, offset;
};

/* partnerships_list: one page of the agreements by may read, filtered by q, with *total. Staff
 * see their municipality's and the national ones (the administrator all); anyone else only the
 * public ones. ERR_INVALID (q's kind or status unknown), ERR_DB. */
int partnerships_list(struct db *db, struct arena *a, const struct principal *by,
                      const struct partnerships_query *q, struct partnership **items, int *n,
                      int *total);

/* partnerships_parties / _members / _actions: the rows of agreement id that by may read
 * (partnerships_get's rule), in the order added (actions by due date). The e-mail addresses are
 * "" unless partnerships_may_see_contacts. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_DB. */
int partnerships_parties(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         struct partnership_party **items, int *n);
int partnerships_members(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         struct partnership_member **items, int *n);
int partnerships_actions(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         const char *day, struct partnership_action **items, int *n);

/* partnerships_party_add: adds party p to agreement id: exactly one of p->enterprise_id (a
 * registry enterprise), p->name (another organisation, with optional contact_name and email)
 * or p->kind "kommune" (the agreement's municipality, once). Field errors: enterprise_id,
 * name, email, role (at most 2000 characters), party (none or more than one given, or the
 * municipality twice or for a national agreement). Access ACC_WRITE, audited. */
int partnerships_party_add(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                           struct partnership_party *p, struct errs *errs);

/* partnerships_party_update: party->id of agreement id gets party's contact_name, email and
 * role, and, for an organisation, its name (who the party is stays; a wrong party is removed
 * and another added). Field errors as partnerships_party_add. Access ACC_WRITE, audited.
 * ERR_NOTFOUND for a party of another agreement. On success *party is read anew. */
int partnerships_party_update(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                              struct partnership_party *party, struct errs *errs);

/* partnerships_party_delete: removes party party_id from agreement id. A party that owns items
 * of the action plan stays: ERR_INVALID with the field error party (give the items another
 * owner first). Access ACC_WRITE, audited. ERR_NOTFOUND. */
int partnerships_party_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                              int64_t party_id, struct errs *errs);

/* partnerships_member_add: a member of the follow-up group (name required, organisation,
 * e-mail optional); m->chair makes it the chair instead of any other. Access ACC_WRITE,
 * audited. Field errors: name, email, organisation. */
int partnerships_member_add(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                            struct partnership_member *m, struct errs *errs);

/* partnerships_action_add: an item of the action plan. Field errors: title (1..300
 * characters), owner_party (not a party of this agreement), due (not a date), status (open or
 * done), note (at most 5000), done_at (not a date). A done item gets x->done_at or now.
 * Access ACC_WRITE, audited. */
int partnerships_action_add(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                            struct partnership_action *x, struct errs *errs);

/* partnerships_action_update: item x->id of agreement id with the fields of x (the caller has
 * read it and changed what it changes); done_at is set when it becomes done and cleared when
 * it opens again; a new due date may be reminded again. ERR_NOTFOUND, ERR_FORBIDDEN,
 * ERR_INVALID as add. */
int partnerships_action_update(struct db *db, struct arena *a, const struct principal *by,
                               int64_t id, struct partnership_action *x, struct errs *errs);

/* partnerships_action_get: item action_id of agreement id (who may read it). ERR_NOTFOUND. */
int partnerships_action_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                            int64_t action_id, const char *day, struct partnership_action *out);

/* partnerships_action_delete: removes item action_id of agreement id, audited. ERR_NOTFOUND,
 * ERR_FORBIDDEN. */
int partnerships_action_delete(struct db *db, struct arena *a, const struct principal *by,
                               int64_t id, int64_t action_id);

/* partnerships_document_put: the signed agreement of id, replacing any earlier one, checked
 * by its content (pdf_check): ERR_TOOBIG with the field error document over 10 MB,
 * ERR_INVALID with a Danish reason at document when it is no clean PDF; nothing is stored
 * then. Access ACC_WRITE, audited with the size and SHA-256. */
int partnerships_document_put(struct db *db, struct arena *a, const struct principal *by,
                              int64_t id, const char *filename, const void *data, size_t len,
                              struct errs *errs);

/* partnerships_document_get: the signed agreement of id for who may read the agreement:
 * its bytes (in a) and file name. ERR_NOTFOUND when there is none. */
int partnerships_document_get(struct db *db, struct arena *a, const struct principal *by,
                              int64_t id, const void **data, size_t *len, const char **filename);

/* one overdue item with its agreement, for the staff's home page */
struct partnerships_due_item {
	int64_t partnership_id, action_id;
	const char *partnership_title, *title, *due, *owner_name;
};

/* partnerships_due: the open items due before day of the agreements of by's municipality
 * (every municipality's for the administrator, national ones included), at most limit, oldest
 * first. ERR_FORBIDDEN when by may read no collaboration. */
int partnerships_due(struct db *db, struct arena *a, const struct principal *by, const char *day,
                     int limit, struct partnerships_due_item **items, int *n);

/* partnerships_remind: one outbox message for every open item due on day or before that has
 * not been reminded for its due date, to its owner party's e-mail or, without one, to the
 * agreement's responsible staff member; each item is marked reminded for its due date either
 * way, all in one write transaction. *queued and *skipped (no address) count them. */
int partnerships_remind(struct db *db, struct arena *a, const char *day, int *queued,
                        int *skipped);

#endif
