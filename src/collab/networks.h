/*
 * networks.h — networks of a municipality (or national ones, kommune NULL, kept by the national
 * administrator) and their members: registry enterprises of both kinds, units and partners of
 * the one entry point, and persons with name and e-mail; the network's calendar feed behind a
 * secret token; and the figures of the report's Tabel 8 (does the municipality create networks).
 * Meetings, attendance, minutes and action items are meetings.h.
 * Layer: capability domain (collab). Knows no HTTP and no HTML; its SQL is in networks_store.c.
 * Every read and write asks access_collaboration() (auth/access.h); lists bind
 * access_collaboration_scope() into their SQL.
 */
#ifndef INDGANG_NETWORKS_H
#define INDGANG_NETWORKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

/* the feed token: 32 random bytes as 64 hex digits */
#define NETWORKS_TOKEN_LEN 64

struct network {
	int64_t id;                 /* 0 for a new network */
	const char *kommune;        /* three digits, or NULL for a national network */
	const char *kommune_navn;   /* read only; NULL for a national network */
	const char *name;
	const char *purpose;        /* "" when none */
	int cadence_months;         /* 0..24; 0 = no fixed cadence */
	const char *feed_token;     /* read only: the feed's secret (only given to who may read) */
	const char *created_at, *updated_at;
	int nmembers, nmeetings, nheld; /* read only, counted by get and list */
};

/* member kinds */
#define NETWORKS_MEMBER_ENTERPRISE "enterprise"
#define NETWORKS_MEMBER_UNIT "unit"
#define NETWORKS_MEMBER_PERSON "person"

struct network_member {
	int64_t id;
	int64_t network_id;
	const char *kind;           /* enterprise, unit or person (set by the add from the ids) */
	int64_t enterprise_id;      /* kind enterprise */
	int64_t unit_id;            /* kind unit */
	const char *name;           /* a person's name; read: the enterprise's or unit's name */
	const char *email;          /* a person's e-mail; read: the enterprise's contact e-mail or
	                             * the unit's, "" when none */
	const char *organisation;   /* a person's organisation, "" when none */
	const char *detail;         /* read only: soev or company for an enterprise, unit or
	                             * partner for a unit, "" for a person */
	const char *created_at;
};

/* networks_save: creates (n->id 0) or updates n's name, purpose and cadence (and on create its
 * municipality; an update keeps it) with an audit line, in one write transaction. A create
 * makes the feed token. Access: access_collaboration ACC_WRITE on the network's municipality
 * (NULL: national, the administrator only) — ERR_FORBIDDEN before any field is looked at; an
 * unknown municipality is the field error kommune. Field errors (name 1..200 characters,
 * purpose at most 5000, cadence_months 0..24) give ERR_INVALID; errs already holding any (the
 * caller's type errors) count too. ERR_NOTFOUND for an update of no network. On success the
 * read-only fields are set. ERR_DB, ERR_UNAVAILABLE. */
int networks_save(struct db *db, struct arena *a, const struct principal *by, struct network *n,
                  struct errs *errs);

/* networks_get: network id with its counts into *out. ERR_NOTFOUND, ERR_FORBIDDEN (by may not
 * read it: access_collaboration ACC_READ), ERR_DB. */
int networks_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 struct network *out);

/* networks_may_write: whether by may change network n (ACC_WRITE on its municipality). */
bool networks_may_write(const struct principal *by, const struct network *n);
/* networks_may_create: whether by may create some network (the administrator, a konsulent or
 * jobkonsulent of a municipality). */
bool networks_may_create(const struct principal *by);

/* networks_list: one page of the networks by may read: its municipality's and the national ones
 * (every one for the administrator), optionally only of kommune (NULL: any), ordered national
 * first, then by name; *total counts them all. ERR_FORBIDDEN when by may read none. */
int networks_list(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                  int limit, int offset, struct network **items, int *n, int *total);

/* networks_new_token: a fresh feed token for network id (the old address stops working), with
 * an audit line. ERR_NOTFOUND, ERR_FORBIDDEN (ACC_WRITE), ERR_DB. */
int networks_new_token(struct db *db, struct arena *a, const struct principal *by, int64_t id);

/* networks_feed: the network's calendar (iCalendar without METHOD, one VEVENT per meeting,
 * cancelled ones with STATUS:CANCELLED) when token is its feed token, compared in constant
 * time; nobody needs to be signed in. ERR_NOTFOUND for an unknown network or a wrong token
 * (the same answer, so a guess learns nothing); ERR_DB. The text is in a. */
int networks_feed(struct db *db, struct arena *a, int64_t id, const char *token, char **text,
                  size_t *len);

/* networks_member_add: adds m to network network_id: exactly one of m->enterprise_id (a
 * registry enterprise), m->unit_id (a unit or partner of the entry point of the network's
 * municipality) or m->name with m->email (a person; organisation optional). Access: ACC_WRITE
 * on the network. Field errors: enterprise_id (no such enterprise), unit_id (no such unit of
 * the municipality), name, email (not an address), member (none or more than one given, or
 * already a member). Audited. On success m->id and the read fields are set. */
int networks_member_add(struct db *db, struct arena *a, const struct principal *by,
                        int64_t network_id, struct network_member *m, struct errs *errs);

/* networks_member_remove: takes member_id off network network_id (kept for past attendance),
 * audited. ERR_NOTFOUND (no such member of that network, or already removed), ERR_FORBIDDEN. */
int networks_member_remove(struct db *db, struct arena *a, const struct principal *by,
                           int64_t network_id, int64_t member_id);

/* networks_members: the current members of network network_id in the order they were added.
 * ERR_NOTFOUND, ERR_FORBIDDEN (ACC_READ), ERR_DB. */
int networks_members(struct db *db, struct arena *a, const struct principal *by,
                     int64_t network_id, struct network_member **items, int *n);

/* networks_units: the units and partners of the entry point of the network's municipality that
 * may become members (id, name in name, kind in detail, e-mail), by name; none for a national
 * network. ERR_NOTFOUND, ERR_FORBIDDEN (ACC_WRITE on the network), ERR_DB. */
int networks_units(struct db *db, struct arena *a, const struct principal *by, int64_t network_id,
                   struct network_member **items, int *n);

/* ---------------------------------------------------------------- Tabel 8 */

/* one municipality's networks in a year */
struct networks_stats_row {
	const char *kommune, *kommune_navn; /* kommune NULL: the national networks */
	int networks;        /* networks with a meeting in the year, or created in it */
	int meetings_held;   /* meetings held in the year */
	int members_soev, members_company, members_unit, members_person; /* current members */
	int attendance;      /* members present at the year's held meetings, counted per meeting */
};

/* networks_stats: Tabel 8's figures for year, one row per municipality that has networks
 * (national networks last, kommune NULL), restricted to scope (NULL: all). Allocates in a. */
int networks_stats(struct db *db, struct arena *a, int year, const char *scope,
                   struct networks_stats_row **rows, int *n);

/* networks_stats_scope: the municipality whose rows by may see in full (*scope, NULL: every
 * one for the administrator); *full false for everyone else (the public and the enterprises'
 * own accounts): they see only the counts, never names. */
void networks_stats_scope(const struct principal *by, const char **scope, bool *full);

#endif
