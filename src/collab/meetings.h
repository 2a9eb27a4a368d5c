/*
 * meetings.h — the meetings of a network (networks.h): time, place, agenda; invitations through
 * the outbox with an iCalendar part (METHOD:REQUEST, a UID stable per meeting, SEQUENCE raised on
 * every change, METHOD:CANCEL when cancelled); sign-up and attendance; minutes on a held
 * meeting; action items with owner, due date and status, reminded once per due date; and the
 * next meeting the network's cadence proposes.
 * Layer: capability domain (collab). Its SQL is in networks_store.c; access is the network's
 * (access_collaboration on its municipality).
 */
#ifndef INDGANG_MEETINGS_H
#define INDGANG_MEETINGS_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;
struct errs;
struct principal;

#define MEETINGS_PLANNED "planned"
#define MEETINGS_HELD "held"
#define MEETINGS_CANCELLED "cancelled"

struct meeting {
	int64_t id;                   /* 0 for a new meeting */
	int64_t network_id;
	const char *kommune;          /* read only: the network's (NULL national) */
	const char *network_name;     /* read only */
	const char *starts_at;        /* Danish local time YYYY-MM-DDTHH:MM */
	const char *ends_at;          /* the same, after starts_at; NULL: one hour */
	const char *place, *agenda;   /* "" when none */
	const char *minutes;          /* "" when none; only on a held meeting */
	const char *status;           /* planned, held or cancelled; NULL is planned on create */
	int sequence;                 /* read only: the iCalendar SEQUENCE */
	const char *created_at, *updated_at;
	int present;                  /* read only: members recorded present */
};

/* meetings_uid: the meeting's iCalendar UID, "meeting-{id}@indgang", in a */
const char *meetings_uid(struct arena *a, int64_t id);

/* meetings_save: creates (m->id 0, m->network_id set) or updates meeting m, in one write
 * transaction with an audit line and the messages it causes:
 *   create: each current member with an e-mail gets an invitation (METHOD:REQUEST, SEQUENCE 0)
 *   a change of starts_at, ends_at, place or agenda: SEQUENCE + 1 and the update (REQUEST)
 *   status cancelled: SEQUENCE + 1 and METHOD:CANCEL with STATUS:CANCELLED
 * Marking it held sends nothing. Access: ACC_WRITE on the network (ERR_FORBIDDEN before the
 * fields are looked at). Field errors: starts_at, ends_at (not a time, or not after the start),
 * place (at most 300), agenda and minutes (at most 20000), status (unknown, or a cancelled
 * meeting changed), minutes on a meeting that is not held. ERR_NOTFOUND, ERR_INVALID, ERR_DB,
 * ERR_UNAVAILABLE. On success the read-only fields are set. */
int meetings_save(struct db *db, struct arena *a, const struct principal *by, struct meeting *m,
                  struct errs *errs);

/* meetings_get: meeting id into *out. ERR_NOTFOUND, ERR_FORBIDDEN (ACC_READ), ERR_DB. */
int meetings_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 struct meeting *out);

/* meetings_list: the meetings of network network_id by their start. ERR_NOTFOUND,
 * ERR_FORBIDDEN, ERR_DB. */
int meetings_list(struct db *db, struct arena *a, const struct principal *by,
                  int64_t network_id, struct meeting **items, int *n);

/* one member as invited to a meeting */
struct meeting_attendee {
	int64_t member_id;
	const char *name, *email, *kind;
	bool signed_up;
	int present; /* 1 present, 0 absent, -1 not recorded */
};

/* meetings_attendees: the network's current members, and former ones recorded at the meeting,
 * with their sign-up and attendance. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_DB. */
int meetings_attendees(struct db *db, struct arena *a, const struct principal *by,
                       int64_t meeting_id, struct meeting_attendee **items, int *n);

/* meetings_attendance: records for member member_id of the meeting's network whether they
 * signed up (signed_up -1: unchanged) and whether they were present (present -1: unchanged);
 * audited. Access ACC_WRITE; a member of another network, or removed, is the field error
 * member_id; presence on a cancelled meeting or before its start date is the field error
 * present. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_INVALID, ERR_DB. */
int meetings_attendance(struct db *db, struct arena *a, const struct principal *by,
                        int64_t meeting_id, int64_t member_id, int signed_up, int present,
                        const char *today, struct errs *errs);

/* meetings_attendance_all: the attendance checklist of a page in one write transaction: for
 * each of members[0..n) meetings_attendance's rules with signed_up[i] and present[i]; a former
 * member (removed from the network) is left as recorded. Nothing is written when any row
 * fails. */
int meetings_attendance_all(struct db *db, struct arena *a, const struct principal *by,
                            int64_t meeting_id, const int64_t *members, const int *signed_up,
                            const int *present, int n, const char *today, struct errs *errs);

/* an action item of a meeting */
struct meeting_action {
	int64_t id;                /* 0 for a new one */
	int64_t meeting_id;
	const char *title;
	int64_t owner_member_id;   /* a member of the network, or 0 */
	int64_t owner_user_id;     /* a user, or 0; at most one of the two owners */
	const char *owner_name;    /* read only */
	const char *due;           /* YYYY-MM-DD or NULL */
	const char *status;        /* open or done; NULL is open */
	const char *created_at, *updated_at;
};

/* meetings_action_save: creates (x->id 0, x->meeting_id set) or updates action item x,
 * audited. ACC_WRITE on the network. Field errors: title (1..300), owner_member_id (not a
 * member of the network), owner_user_id (no user of the network's municipality; both owners
 * given: owner), due, status. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_INVALID, ERR_DB. */
int meetings_action_save(struct db *db, struct arena *a, const struct principal *by,
                         struct meeting_action *x, struct errs *errs);

/* meetings_actions: the action items of meeting meeting_id. ERR_NOTFOUND, ERR_FORBIDDEN. */
int meetings_actions(struct db *db, struct arena *a, const struct principal *by,
                     int64_t meeting_id, struct meeting_action **items, int *n);

/* meetings_remind: for every open action item due on day or before that was not reminded for
 * its current due date, a message to its owner (a member's e-mail, or the user's) through the
 * outbox, all in one transaction; *queued counts them, *skipped those without an address.
 * Running it again queues nothing new. ERR_DB, ERR_UNAVAILABLE. */
int meetings_remind(struct db *db, struct arena *a, const char *day, int *queued, int *skipped);

/* meetings_propose_next: the next meeting cadence_months after a held meeting starting at
 * starts_at (and ending at ends_at, may be NULL): the same weekday (the nearest one to the date
 * cadence_months later) and the same time; into start and end (17 bytes each, end "" when
 * ends_at is NULL). false when cadence_months is 0 or a time is not valid. */
bool meetings_propose_next(const char *starts_at, const char *ends_at, int cadence_months,
                           char start[17], char end[17]);

/* meetings_proposal: for network network_id, the proposal after its latest held meeting when
 * no meeting is planned after that one; false when there is none to make. */
bool meetings_proposal(struct db *db, struct arena *a, const struct principal *by,
                       int64_t network_id, char start[17], char end[17]);

#endif
