/*
 * matching.h — matching citizens and openings both ways, with reasons a caseworker can read,
 * and the municipality's weights of the score.
 * Layer: capability domain (employment). Knows no HTTP and no HTML; its SQL is in
 * matching_store.c. A match of citizens reads personal data and writes its audit lines here.
 *
 * Hard rules. An opening and a citizen fit only when all of these hold:
 *   - the opening is open (status 'open') and has a seat left: its seats minus the placements
 *     at it that have not ended (no end date, or one today or later) is more than 0;
 *   - the citizen is visiteret to a scheme the opening offers (schemes bit AND is not 0);
 *   - hours overlap: the opening's hours_min is at most the citizen's hours_max;
 *   - times of day overlap (bit AND is not 0), TIME_FLEKSIBEL on either side overlapping all;
 *   - the opening offers every adaptation the citizen needs;
 *   - travel: "kommune" needs the enterprise's home municipality to be the citizen's, "region"
 *     the same region (kommuner.region), "alle" nothing;
 *   - consent: the citizen has a consent_date and is not anonymized.
 *
 * Score. Each factor below gives a fraction f from 0 to 1 and has a weight w from 0 to 100
 * (the defaults sum to 100; a municipality may change them, match_weights). The score is
 * 100 × Σ w·f / Σ w, rounded, so 0-100 whatever the weights sum to (0 when every weight is 0).
 * Each factor with points is one reason {factor, points, text}; the points of the reasons are
 * the factor's share of the score (largest remainders, so they add up to the score exactly),
 * listed highest first (equal points in the order of the factors).
 *   key          default  f                                              text (examples)
 *   tasks        30       the opening's tasks the citizen can do, out     "3 af 4 opgaver passer"
 *                         of all its tasks (0 when it names none)
 *   targets      15       1 when the enterprise's target groups hold the  "Virksomheden har
 *                         group of a scheme both sides share: fleksjob    erfaring med fleksjob"
 *                         → fleksjob, ressourceforloeb → ressourceforloeb,
 *                         praktik and loentilskud → udsatte_ledige
 *   soev         10       1 for a social-economy enterprise (kind soev)   "Socialøkonomisk
 *                                                                         virksomhed"
 *   adaptations  15       (2 × the needs met + the other adaptations      "Tilbyder henteordning
 *                         offered) / 4, at most 1                         og fast mentor"
 *   seats        10       seats left / 5, at most 1                       "3 ledige pladser"
 *   inhouse       5       1 for an Inhouse group                          "Inhouse-gruppe"
 *   recency      15       1 − days since the opening was created / 90,    "Oprettet for 12 dage
 *                         at least 0                                      siden"
 */
#ifndef INDGANG_MATCHING_H
#define INDGANG_MATCHING_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct citizen;
struct db;
struct errs;
struct principal;

enum match_factor {
	MATCH_TASKS,
	MATCH_TARGETS,
	MATCH_SOEV,
	MATCH_ADAPTATIONS,
	MATCH_SEATS,
	MATCH_INHOUSE,
	MATCH_RECENCY,
	MATCH_FACTOR_COUNT
};

/* a factor of the score: its key (match_weights.factor, the API's member, the form's field),
 * Danish label and help text for the weights page, default weight, and the field error of a
 * weight out of range */
struct match_factor_def {
	const char *key, *label, *hint;
	int weight;
	const char *error;
};
extern const struct match_factor_def matching_factors[MATCH_FACTOR_COUNT];

#define MATCH_WEIGHT_MAX 100
#define MATCH_LIMIT_DEFAULT 20
#define MATCH_LIMIT_MAX 500
#define MATCH_RECENCY_DAYS 90 /* an opening older than this gets no recency points */
#define MATCH_SEATS_FULL 5    /* seats left that give the seats factor in full */

/* the Danish sentence for a citizen without consent (matching_openings' ERR_CONFLICT) */
#define MATCHING_NO_CONSENT                                                                        \
	"Borgeren har ikke givet samtykke til at dele sin profil, så der vises ingen match."

/* the weight of each factor, indexed by enum match_factor, each 0..MATCH_WEIGHT_MAX */
struct match_weights {
	int points[MATCH_FACTOR_COUNT];
	bool custom; /* matching_weights_get: the municipality has weights of its own */
};

/* one part of a score */
struct match_reason {
	const char *factor; /* a key of matching_factors */
	int points;         /* its share of the score, > 0 */
	const char *text;   /* Danish, for the caseworker */
};

/* an opening that fits a citizen */
struct match {
	int64_t opening_id, enterprise_id;
	const char *title, *enterprise_name, *kommune, *kommune_navn; /* the enterprise's home */
	int score;                                                     /* 0..100 */
	struct match_reason reasons[MATCH_FACTOR_COUNT];               /* highest points first */
	int nreasons;
};

/* a citizen who fits an opening */
struct citizen_match {
	int64_t citizen_id;
	const char *name;
	int score;
	struct match_reason reasons[MATCH_FACTOR_COUNT];
	int nreasons;
};

/* matching_factor_parse: the factor with key, or -1. */
int matching_factor_parse(const char *key);

/* matching_weights_default: w gets every factor's default weight. */
void matching_weights_default(struct match_weights *w);

/* matching_weights_get: the weights of kommune: the defaults, with the municipality's own
 * (match_weights rows) over them; w->custom tells whether it has any of its own. Settings, no
 * personal data: no access check (the page and API ask access_match_settings). ERR_NOTFOUND
 * for an unknown municipality (or NULL), ERR_DB. */
int matching_weights_get(struct db *db, const char *kommune, struct match_weights *w);

/* matching_weights_set: stores every factor of w as kommune's own weights, replacing what it
 * had, with an audit line (action "update", entity "match_weights", id kommune, each factor's
 * points in the detail), in one transaction. who must pass access_match_settings for kommune.
 * Each weight outside 0..MATCH_WEIGHT_MAX gets a field error named by its factor key (a caller
 * that could not read a number passes -1 to get that error). ERR_FORBIDDEN, ERR_INVALID,
 * ERR_NOTFOUND (unknown municipality), ERR_UNAVAILABLE, ERR_DB. */
int matching_weights_set(struct db *db, const struct principal *who, const char *kommune,
                         const struct match_weights *w, struct errs *errs);

/* matching_weights_reset: removes kommune's own weights, so the defaults hold; audited as
 * action "reset". Same access and results as matching_weights_set. */
int matching_weights_reset(struct db *db, const struct principal *who, const char *kommune);

/* matching_openings: the openings that fit citizen c by every hard rule (one statement: the
 * enterprises within reach, then their open openings from the covering index openings_match),
 * scored with w (NULL: the weights of c->kommune), best first; ties newest opening first (the
 * larger id). The tasks and adaptations of an opening are read only while it could still
 * enter the top (its score with every task fitting and the adaptations in full), in batches;
 * the result is the same as scoring them all. At most limit
 * (≤ 0: MATCH_LIMIT_DEFAULT; capped at MATCH_LIMIT_MAX) into *out (allocated in a), *n how
 * many. No access check and no audit line: the caller has read c through citizens_get, which
 * asked and audited; openings and enterprises are not personal data.
 * ERR_CONFLICT when c has no consent (no consent_date, or anonymized): *out is NULL and *n 0,
 * and the caller shows MATCHING_NO_CONSENT (the API: 409 naming the field consent_date).
 * ERR_DB. */
int matching_openings(struct db *db, struct arena *a, const struct citizen *c,
                      const struct match_weights *w, int limit, struct match **out, int *n);

/* matching_citizens: the citizens of who's municipality that fit opening_id by every hard rule
 * (not anonymized, with consent), scored with w (NULL: the weights of who's municipality), best
 * first; ties the citizen registered first (the smaller id). At most limit (as above) into *out
 * (allocated in a). who must pass citizens_access for its own municipality (its jobkonsulent);
 * purpose must be a key of employment_purposes (the caller names the field "purpose" in its
 * error). Every citizen returned is a read of personal data: one audit line each
 * (citizens_audit_read with purpose), plus one line for the search itself (action "match",
 * entity "opening", id opening_id, detail purpose and count), in one write transaction; so a
 * search that finds nobody is on the record too. An opening that is not open, or has no seat
 * left, fits nobody (an empty list). ERR_FORBIDDEN, ERR_INVALID (purpose), ERR_NOTFOUND (no
 * such opening), ERR_UNAVAILABLE (the audit could not get the write lock), ERR_DB. */
int matching_citizens(struct db *db, struct arena *a, const struct principal *who,
                      int64_t opening_id, const char *purpose, const struct match_weights *w,
                      int limit, struct citizen_match **out, int *n);

/* ---- the parts, for tests and for callers that score themselves */

/* what the score of one pair is computed from */
struct match_facts {
	int tasks_total;   /* the opening's tasks */
	int tasks_matched; /* of those, the ones the citizen can do */
	int shared_schemes;/* bits of enum scheme both the citizen and the opening have */
	int target_groups; /* the target groups of shared schemes the enterprise has, as bits:
	                    * 1 fleksjob, 2 ressourceforloeb, 4 udsatte_ledige */
	bool soev;         /* the enterprise is a social-economy enterprise */
	int needs_met;     /* the citizen's needs (all met, by the hard rule) */
	int extras;        /* adaptations the opening offers beyond the needs */
	const char *adaptations_text; /* "henteordning og fast mentor", or NULL: filled on demand */
	int seats_left;
	bool inhouse;
	int age_days;      /* since the opening was created */
};

/* matching_score: the score (0..100) of facts under w (see the top of this file), and its
 * reasons into reasons (room for MATCH_FACTOR_COUNT), highest first, *nreasons how many.
 * Texts are allocated in a; with a NULL they are left NULL (ranking many candidates), and with
 * reasons NULL only the score is computed. Returns the score. */
int matching_score(struct arena *a, const struct match_facts *facts, const struct match_weights *w,
                   struct match_reason *reasons, int *nreasons);

#endif
