/*
 * access.h — the one access decision: may this caller do this to that municipality's data?
 * Layer: capability domain (auth). Every non-public read and every change asks here, and list
 * queries bind access_scope() into their SQL so the filter holds in the store as well.
 */
#ifndef INDGANG_ACCESS_H
#define INDGANG_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

struct principal;

enum access_op {
	ACC_READ,          /* see the municipality's non-public data */
	ACC_WRITE,         /* change the municipality's data */
	ACC_MANAGE_USERS,  /* list, create and change the municipality's user accounts */
	ACC_READ_PERSONAL, /* see citizens' personal data (audited by the caller) */
	ACC_NATIONAL,      /* national functions: every municipality, the audit log in full */
	ACC_ANSWER_SURVEY, /* answer the municipality's surveys (and see the survey pages) */
};

/* access_allowed: 0 if who may do op on data of kommune (NULL: national data), ERR_FORBIDDEN
 * otherwise. Anonymous (who NULL) is always forbidden here; public pages do not ask. */
int access_allowed(const struct principal *who, enum access_op op, const char *kommune);

/* access_national: true if who acts for every municipality (the national administrator), and so
 * names the municipality a page or form is about instead of being held to its own. */
bool access_national(const struct principal *who);

/* access_case_worker: 0 if who may be given the cases of kommune, which hold the contact's
 * personal data: the municipality's konsulent or its jobkonsulent (never a buyer or an
 * enterprise's own account); ERR_FORBIDDEN otherwise. */
int access_case_worker(const struct principal *who, const char *kommune);

/* access_inquiry: 0 if who may see and work on an inquiry (a case) of kommune assigned to the
 * user assignee_id (0: nobody): the national administrator, the municipality's konsulent, or
 * the assignee while a case worker of that municipality (access_case_worker); ERR_FORBIDDEN
 * otherwise. */
int access_inquiry(const struct principal *who, const char *kommune, int64_t assignee_id);

/* access_match_settings: 0 if who may see and change the matching weights of kommune (the
 * score's settings, no personal data): the national administrator (any municipality; kommune
 * NULL asks whether who may for some), or the municipality's konsulent or jobkonsulent;
 * ERR_FORBIDDEN otherwise. */
int access_match_settings(const struct principal *who, const char *kommune);

/* access_scope: the municipality whose rows who may list (NULL: all, for the national
 * administrator). Bind it as :kommune in list queries. */
const char *access_scope(const struct principal *who);

/* access_enterprise_profile: 0 if who may edit the profile of enterprise id in kommune: the
 * municipality's staff (ACC_WRITE), or the virksomhed user who represents that enterprise there;
 * ERR_FORBIDDEN otherwise. *own_only tells the caller it is the enterprise's own user, who may
 * change the profile but not the registry's facts (municipality, CVR, dates, origin). */
int access_enterprise_profile(const struct principal *who, int64_t id, const char *kommune,
                              bool *own_only);

/* access_openings: 0 if who may do op to the openings (stillinger og pladser) of the enterprise
 * enterprise_id whose home municipality is kommune; ERR_FORBIDDEN otherwise, and for every op
 * but ACC_READ and ACC_WRITE.
 *   ACC_WRITE  the national administrator; the konsulent or the jobkonsulent of kommune; the
 *              virksomhed user who represents that enterprise (principal.enterprise_id) there
 *   ACC_READ   everyone who may write, and every other signed-in user of kommune (the
 *              indkøber) except a virksomhed user, who reads only its own enterprise's openings
 * Anonymous callers and an unknown municipality (kommune NULL) are always forbidden. */
int access_openings(const struct principal *who, enum access_op op, const char *kommune,
                    int64_t enterprise_id);

/* access_openings_scope: which openings who may list: *kommune the enterprises' home
 * municipality (NULL: every one, for the national administrator) and *enterprise_id the one
 * enterprise a virksomhed user is held to (0: any). Bind both in the list query. 0, or
 * ERR_FORBIDDEN (outputs untouched) for an anonymous caller, a user without a municipality and
 * a virksomhed user who represents no enterprise. */
int access_openings_scope(const struct principal *who, const char **kommune,
                          int64_t *enterprise_id);

/* access_may_grant: true if who may give role (a bit of enum role) to an account in kommune. */
bool access_may_grant(const struct principal *who, int role, const char *kommune);

/* access_figures: 0 if who may read the figures of kommune and the lists behind them (the
 * municipality's overview: counts of enterprises, inquiries, advisory sessions, and lists of
 * them without the contacts' personal data): the national administrator (any municipality), or
 * the konsulent, jobkonsulent or indkøber of kommune, its staff, read-only; ERR_FORBIDDEN for
 * anyone else, an enterprise's own virksomhed account among them (it acts for one enterprise,
 * not for the municipality), and for kommune NULL. */
int access_figures(const struct principal *who, const char *kommune);

/* access_national_figures: 0 if who may read figures across every municipality, read-only: the
 * national view, the survey reports of every round (aggregated counts; free-text answers under
 * the municipality that gave them) and the yearly report. The national administrator and the
 * staff of any municipality (konsulent, jobkonsulent, indkøber); ERR_FORBIDDEN for anonymous
 * callers and an enterprise's own virksomhed account. */
int access_national_figures(const struct principal *who);

/* ---- placements (forløb og ansættelser) of citizens at enterprises */

/* how much of one placement a caller may see */
enum access_placement_view {
	ACCESS_PLACEMENT_NONE = 0,   /* nothing: to this caller the placement does not exist */
	ACCESS_PLACEMENT_ALL,        /* every field and the citizen's full name (for a named purpose,
	                              * audited): the jobkonsulent of the citizen's municipality */
	ACCESS_PLACEMENT_ENTERPRISE, /* the citizen's first name, the scheme, start, end and hours,
	                              * nothing else: the account of the enterprise where the citizen
	                              * is placed, and only when the citizen consented to share the
	                              * profile with that enterprise (consent scope "enterprise") */
};

/* access_placement: the view who gets of a placement of a citizen of kommune (the placement's
 * municipality) at enterprise enterprise_id, where enterprise_consent tells whether the
 * citizen's consent scope is "enterprise". Anonymous, the national administrator, the
 * konsulent and the buyer get ACCESS_PLACEMENT_NONE (they see only counts). */
enum access_placement_view access_placement(const struct principal *who, const char *kommune,
                                            int64_t enterprise_id, bool enterprise_consent);

/* access_placement_scope: which placements who may list: 0 with *kommune set to the
 * municipality whose placements it may see in full (the jobkonsulent's own) and *enterprise_id
 * 0, or with *kommune NULL and *enterprise_id the enterprise whose consented placements it may
 * see by first name (a virksomhed account that represents one); ERR_FORBIDDEN for everyone
 * else. Bind the result into the list query, so the filter holds in SQL as well. */
int access_placement_scope(const struct principal *who, const char **kommune,
                           int64_t *enterprise_id);

/* access_placement_write: 0 if who may create and change the placements of citizens of kommune
 * and their follow-ups (the municipality's jobkonsulent), ERR_FORBIDDEN otherwise. */
int access_placement_write(const struct principal *who, const char *kommune);

/* access_counts_exact: true if who may see exact small counts of people (1 and 2) about
 * kommune, or about enterprise enterprise_id (0: none): the staff of that municipality in any
 * staff role (konsulent, jobkonsulent, indkøber), or the account of that enterprise, which knows
 * its own people. Everyone else (the public, other municipalities, enterprise accounts of other
 * enterprises, and the national administrator looking across municipalities) sees counts below
 * 3 as "<3" (statistical discretion). kommune NULL (several municipalities) is never exact for
 * a municipality's staff. */
bool access_counts_exact(const struct principal *who, const char *kommune, int64_t enterprise_id);

/* ---- procurement: the municipality as customer (catalogue, agreements, orders, purchases,
 * tenders, contracts) */

/* access_catalogue_write: 0 if who may add, change, hide and picture the products of enterprise
 * enterprise_id whose home municipality is kommune: the national administrator, the konsulent of
 * kommune, or the virksomhed account that represents that enterprise there; ERR_FORBIDDEN
 * otherwise (the catalogue itself is public to read). */
int access_catalogue_write(const struct principal *who, const char *kommune,
                           int64_t enterprise_id);

/* access_procurement: 0 if who may do op to the purchasing of kommune: its agreements, the
 * orders it sent, its purchases and spend, its tenders with their bids and scores, and its
 * contracts; ERR_FORBIDDEN otherwise, and for every op but ACC_READ and ACC_WRITE.
 *   ACC_WRITE  the national administrator; the konsulent or indkøber of kommune
 *   ACC_READ   those, and the jobkonsulent of kommune
 * An enterprise's own account acts as a supplier (access_supplier), never for the municipality. */
int access_procurement(const struct principal *who, enum access_op op, const char *kommune);

/* access_procurement_scope: the municipality whose purchasing who may list (NULL: all, for the
 * national administrator); ERR_FORBIDDEN for anyone access_procurement refuses ACC_READ for
 * every municipality. Bind it as :kommune in list queries. */
int access_procurement_scope(const struct principal *who, const char **kommune);

/* access_supplier: 0 if who acts for enterprise enterprise_id as a supplier: the virksomhed
 * account that represents it. A supplier sees and answers the orders and agreements of its own
 * enterprise and submits and sees its own bids, never another enterprise's; ERR_FORBIDDEN for
 * everyone else, the administrator included (it does not bid for anyone). */
int access_supplier(const struct principal *who, int64_t enterprise_id);

/* ---- collaboration and outreach: networks and meetings, partnership agreements, strategies and
 * goals, funding, the grant pool, contacts with enterprises, leads, support plans, events and
 * the guidance library */

/* access_collaboration: 0 if who may do op to the collaboration of kommune; ERR_FORBIDDEN
 * otherwise, and for every op but ACC_READ and ACC_WRITE.
 *   kommune set:
 *     ACC_WRITE  the national administrator; the konsulent or jobkonsulent of kommune
 *     ACC_READ   those, and the indkøber of kommune (its staff, read-only)
 *   kommune NULL (national: the grant pool's network, guidance shared with every municipality):
 *     ACC_WRITE  the national administrator
 *     ACC_READ   the administrator and the staff of any municipality
 * An enterprise's own account and anonymous callers never; what a page shows the public (a
 * public event, an upcoming meeting's time) is decided by the page, not here. */
int access_collaboration(const struct principal *who, enum access_op op, const char *kommune);

/* access_collaboration_scope: the municipality whose collaboration who may list (NULL: all,
 * for the national administrator); ERR_FORBIDDEN for anyone who may read none. Bind it as
 * :kommune in list queries (rows of national collaboration, kommune NULL, are listed to every
 * staff member besides). */
int access_collaboration_scope(const struct principal *who, const char **kommune);

#endif
