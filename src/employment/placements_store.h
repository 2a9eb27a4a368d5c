/*
 * placements_store.h — the SQL of placements and their follow-ups. Layer: store of the
 * employment capability: statements only, no rules. It reads the few columns of citizens,
 * enterprises, openings and users a placement needs (and sets citizens.active_at), so the
 * placement's rules do not depend on those capabilities' stores.
 */
#ifndef INDGANG_PLACEMENTS_STORE_H
#define INDGANG_PLACEMENTS_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "placements.h"

struct arena;
struct db;

/* the facts of a citizen a placement needs */
struct placement_citizen {
	const char *kommune;
	const char *name;
	bool anonymized;
	bool consent_enterprise;
};

/* placements_store_citizen: citizen id's facts; ERR_NOTFOUND. */
int placements_store_citizen(struct db *db, struct arena *a, int64_t id,
                             struct placement_citizen *out);
/* placements_store_enterprise: *kind of enterprise id ("soev" or "company"); ERR_NOTFOUND. */
int placements_store_enterprise(struct db *db, struct arena *a, int64_t id, const char **kind);
/* placements_store_opening: the enterprise and status ("open", "filled", "closed") of opening
 * id; ERR_NOTFOUND. */
int placements_store_opening(struct db *db, struct arena *a, int64_t id, int64_t *enterprise_id,
                             const char **status);

/* placements_store_insert: a new row from p's citizen_id, kommune, enterprise_id, opening_id
 * (0: NULL), scheme, start, planned_end, end, hours (0: NULL), inhouse, outcome and created_by
 * (0: NULL); *id the new row's. */
int placements_store_insert(struct db *db, const struct placement *p, int64_t *id);
/* placements_store_update: planned_end, end, hours (0: NULL) and outcome of row p->id, and its
 * updated_at; ERR_NOTFOUND. */
int placements_store_update(struct db *db, const struct placement *p);
/* placements_store_touch_citizen: the citizen's active_at set to now. */
int placements_store_touch_citizen(struct db *db, int64_t citizen_id);
/* placements_store_get: placement id with its enterprise, opening, municipality and citizen
 * (name, anonymized, consent) filled in; view ACCESS_PLACEMENT_NONE, no follow-ups;
 * ERR_NOTFOUND. */
int placements_store_get(struct db *db, struct arena *a, int64_t id, struct placement *out);
/* placements_store_list: a page of q as placements_store_get fills them, within kommune (the
 * jobkonsulent's) or, with kommune NULL, at scope_enterprise with the citizen's consent scope
 * "enterprise"; neither given matches nothing. day (YYYY-MM-DD) decides open and ended. */
int placements_store_list(struct db *db, struct arena *a, const char *kommune,
                          int64_t scope_enterprise, const struct placement_query *q,
                          const char *day, struct placement **items, int *n, int *total);

/* follow-ups */
int placements_store_followups(struct db *db, struct arena *a, int64_t placement_id,
                               struct placement_followup **rows, int *n);
int placements_store_followup_insert(struct db *db, int64_t placement_id, const char *due,
                                     const char *note, int64_t *fid);
/* placements_store_followup_get: follow-up fid of placement_id; ERR_NOTFOUND. */
int placements_store_followup_get(struct db *db, struct arena *a, int64_t placement_id,
                                  int64_t fid, struct placement_followup *out);
/* placements_store_followup_update: due, note, done_at and reminded_at of row f->id. */
int placements_store_followup_update(struct db *db, const struct placement_followup *f);

/* a follow-up to remind: its placement and whom */
struct placement_due {
	int64_t followup_id, placement_id;
	const char *kommune, *due;
	const char *creator_email; /* the creator while an active jobkonsulent of kommune, or NULL */
};
/* placements_store_due: the follow-ups due on day or before, not done, not reminded, oldest
 * first. */
int placements_store_due(struct db *db, struct arena *a, const char *day,
                         struct placement_due **rows, int *n);
/* placements_store_jobkonsulenter: the e-mail of every active jobkonsulent of kommune. */
int placements_store_jobkonsulenter(struct db *db, struct arena *a, const char *kommune,
                                    const char ***emails, int *n);
/* placements_store_mark_reminded: reminded_at of follow-up fid set to now. */
int placements_store_mark_reminded(struct db *db, int64_t fid);

/* placements_store_now_by_scheme: counts[i] += the placements at enterprise_id in scheme
 * employment_schemes[i].key with start <= day and no end before day. */
int placements_store_now_by_scheme(struct db *db, int64_t enterprise_id, const char *day,
                                   int counts[SCHEME_COUNT]);

/* placements_store_choices: the enterprises that work with kommune and their openings that are
 * not closed, in Danish order of name. */
int placements_store_choices(struct db *db, struct arena *a, const char *kommune,
                             struct placement_choice **enterprises, int *ne,
                             struct placement_choice **openings, int *no);

#endif
