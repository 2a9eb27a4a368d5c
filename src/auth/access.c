/*
 * access.c — the one access decision. Layer: capability domain (auth).
 *
 * The rules:
 *   admin          everything in every municipality (national administrator), except
 *                  citizens' personal data, which only the jobcenter's caseworkers see
 *   konsulent      read and change its own municipality's data, manage its users and answer
 *                  its surveys, set its matching weights
 *   jobkonsulent   read its own municipality's data, and citizens' personal data there; set
 *                  its matching weights
 *   indkoeber      read its own municipality's data
 *   virksomhed     read its own municipality's data, and edit the profile of the one
 *                  enterprise it represents (access_enterprise_profile)
 * Openings (stillinger og pladser, access_openings) are kept by the municipality's konsulent and
 * jobkonsulent and by the enterprise's own virksomhed user, who sees no other enterprise's;
 * the indkøber reads them.
 * Figures (access_figures, access_national_figures): the counts of a municipality are read by
 * its staff (konsulent, jobkonsulent, indkøber) and the administrator; the figures across every
 * municipality, the survey reports among them, by every municipality's staff and the
 * administrator. An enterprise's own account reads neither.
 * The virksomhed user also sees the placements at its enterprise by the citizen's first name
 * when the citizen consented (access_placement).
 * Procurement (access_catalogue_write, access_procurement, access_supplier): the catalogue is
 * public to read and kept by the enterprise's own account or the municipality's konsulent; a
 * municipality's purchasing (agreements, orders, purchases, tenders, bids, contracts) is kept by
 * its konsulent and indkøber and read by its jobkonsulent; an enterprise's own account is a
 * supplier that sees its own orders, agreements and bids only.
 * Collaboration and outreach (access_collaboration): a municipality's networks, partnerships,
 * strategies, contacts, leads, support plans, events and guidance are kept by its konsulent and
 * jobkonsulent and read by its indkøber; national ones (kommune NULL) are kept by the
 * administrator and read by the staff of every municipality.
 * Nobody but admin reaches another municipality's non-public data. Placements of citizens
 * (forløb) are the jobkonsulent's: admin and konsulent see only counts, where a count below 3
 * is shown as "<3" to anyone who is not staff of the municipality (access_counts_exact).
 */
#include "access.h"

#include <string.h>

#include "../base/err.h"
#include "auth.h"

int access_allowed(const struct principal *who, enum access_op op, const char *kommune)
{
	if (!who)
		return ERR_FORBIDDEN;
	if (who->role == ROLE_ADMIN)
		return op == ACC_READ_PERSONAL ? ERR_FORBIDDEN : 0;
	if (op == ACC_NATIONAL || !kommune || !who->kommune || strcmp(kommune, who->kommune) != 0)
		return ERR_FORBIDDEN;
	switch (op) {
	case ACC_READ:
		return 0;
	case ACC_WRITE:
	case ACC_MANAGE_USERS:
	case ACC_ANSWER_SURVEY:
		return who->role == ROLE_KONSULENT ? 0 : ERR_FORBIDDEN;
	case ACC_READ_PERSONAL:
		return who->role == ROLE_JOBKONSULENT ? 0 : ERR_FORBIDDEN;
	case ACC_NATIONAL:
		break;
	}
	return ERR_FORBIDDEN;
}

bool access_national(const struct principal *who)
{
	return access_allowed(who, ACC_NATIONAL, NULL) == 0;
}

int access_case_worker(const struct principal *who, const char *kommune)
{
	if (!who || access_national(who) || !kommune)
		return ERR_FORBIDDEN;
	if (access_allowed(who, ACC_WRITE, kommune) == 0 ||
	    access_allowed(who, ACC_READ_PERSONAL, kommune) == 0)
		return 0;
	return ERR_FORBIDDEN;
}

int access_inquiry(const struct principal *who, const char *kommune, int64_t assignee_id)
{
	if (!who)
		return ERR_FORBIDDEN;
	if (access_national(who) || access_allowed(who, ACC_WRITE, kommune) == 0)
		return 0;
	if (assignee_id && assignee_id == who->id && access_case_worker(who, kommune) == 0)
		return 0;
	return ERR_FORBIDDEN;
}

int access_match_settings(const struct principal *who, const char *kommune)
{
	if (access_national(who))
		return 0;
	return access_case_worker(who, kommune);
}

const char *access_scope(const struct principal *who)
{
	if (!who)
		return "---"; /* matches no municipality */
	return who->role == ROLE_ADMIN ? NULL : who->kommune;
}

bool access_may_grant(const struct principal *who, int role, const char *kommune)
{
	if (!who)
		return false;
	if (who->role == ROLE_ADMIN)
		return (role == ROLE_ADMIN) == (kommune == NULL);
	return role != ROLE_ADMIN && access_allowed(who, ACC_MANAGE_USERS, kommune) == 0;
}

int access_enterprise_profile(const struct principal *who, int64_t id, const char *kommune,
                              bool *own_only)
{
	*own_only = false;
	if (access_allowed(who, ACC_WRITE, kommune) == 0)
		return 0;
	if (who && who->role == ROLE_VIRKSOMHED && id && who->enterprise_id == id && kommune &&
	    who->kommune && strcmp(who->kommune, kommune) == 0) {
		*own_only = true;
		return 0;
	}
	return ERR_FORBIDDEN;
}

int access_openings(const struct principal *who, enum access_op op, const char *kommune,
                    int64_t enterprise_id)
{
	if (!who || !kommune || (op != ACC_READ && op != ACC_WRITE))
		return ERR_FORBIDDEN;
	if (access_national(who))
		return 0;
	if (!who->kommune || strcmp(who->kommune, kommune) != 0)
		return ERR_FORBIDDEN;
	switch (who->role) {
	case ROLE_KONSULENT:
	case ROLE_JOBKONSULENT:
		return 0;
	case ROLE_INDKOEBER:
		return op == ACC_READ ? 0 : ERR_FORBIDDEN;
	case ROLE_VIRKSOMHED:
		return enterprise_id && who->enterprise_id == enterprise_id ? 0 : ERR_FORBIDDEN;
	case ROLE_ADMIN:
		break;
	}
	return ERR_FORBIDDEN;
}

int access_openings_scope(const struct principal *who, const char **kommune,
                          int64_t *enterprise_id)
{
	if (!who)
		return ERR_FORBIDDEN;
	if (access_national(who)) {
		*kommune = NULL;
		*enterprise_id = 0;
		return 0;
	}
	if (!who->kommune || (who->role == ROLE_VIRKSOMHED && !who->enterprise_id))
		return ERR_FORBIDDEN;
	*kommune = who->kommune;
	*enterprise_id = who->role == ROLE_VIRKSOMHED ? who->enterprise_id : 0;
	return 0;
}

/* a municipality's staff: its konsulent, jobkonsulent or indkøber (not an enterprise's account) */
static bool municipal_staff(const struct principal *who)
{
	if (!who || !who->kommune)
		return false;
	switch (who->role) {
	case ROLE_KONSULENT:
	case ROLE_JOBKONSULENT:
	case ROLE_INDKOEBER:
		return true;
	case ROLE_ADMIN:
	case ROLE_VIRKSOMHED:
		break;
	}
	return false;
}

int access_figures(const struct principal *who, const char *kommune)
{
	if (!kommune)
		return ERR_FORBIDDEN;
	if (access_national(who))
		return 0;
	if (municipal_staff(who) && strcmp(who->kommune, kommune) == 0)
		return 0;
	return ERR_FORBIDDEN;
}

int access_national_figures(const struct principal *who)
{
	return access_national(who) || municipal_staff(who) ? 0 : ERR_FORBIDDEN;
}

enum access_placement_view access_placement(const struct principal *who, const char *kommune,
                                            int64_t enterprise_id, bool enterprise_consent)
{
	if (!who)
		return ACCESS_PLACEMENT_NONE;
	if (access_allowed(who, ACC_READ_PERSONAL, kommune) == 0)
		return ACCESS_PLACEMENT_ALL;
	if (who->role == ROLE_VIRKSOMHED && who->enterprise_id && enterprise_id == who->enterprise_id &&
	    enterprise_consent)
		return ACCESS_PLACEMENT_ENTERPRISE;
	return ACCESS_PLACEMENT_NONE;
}

int access_placement_scope(const struct principal *who, const char **kommune,
                           int64_t *enterprise_id)
{
	*kommune = NULL;
	*enterprise_id = 0;
	if (!who)
		return ERR_FORBIDDEN;
	if (who->kommune && access_allowed(who, ACC_READ_PERSONAL, who->kommune) == 0) {
		*kommune = who->kommune;
		return 0;
	}
	if (who->role == ROLE_VIRKSOMHED && who->enterprise_id > 0) {
		*enterprise_id = who->enterprise_id;
		return 0;
	}
	return ERR_FORBIDDEN;
}

int access_placement_write(const struct principal *who, const char *kommune)
{
	return access_allowed(who, ACC_READ_PERSONAL, kommune);
}

bool access_counts_exact(const struct principal *who, const char *kommune, int64_t enterprise_id)
{
	if (!who)
		return false;
	if (enterprise_id && who->role == ROLE_VIRKSOMHED && who->enterprise_id == enterprise_id)
		return true;
	return kommune && who->role != ROLE_ADMIN && who->role != ROLE_VIRKSOMHED &&
	       access_allowed(who, ACC_READ, kommune) == 0;
}

int access_catalogue_write(const struct principal *who, const char *kommune,
                           int64_t enterprise_id)
{
	if (!who || !kommune)
		return ERR_FORBIDDEN;
	if (access_national(who))
		return 0;
	if (!who->kommune || strcmp(who->kommune, kommune) != 0)
		return ERR_FORBIDDEN;
	if (who->role == ROLE_KONSULENT)
		return 0;
	if (who->role == ROLE_VIRKSOMHED)
		return enterprise_id && who->enterprise_id == enterprise_id ? 0 : ERR_FORBIDDEN;
	return ERR_FORBIDDEN;
}

int access_procurement(const struct principal *who, enum access_op op, const char *kommune)
{
	if (!who || !kommune || (op != ACC_READ && op != ACC_WRITE))
		return ERR_FORBIDDEN;
	if (access_national(who))
		return 0;
	if (!who->kommune || strcmp(who->kommune, kommune) != 0)
		return ERR_FORBIDDEN;
	switch (who->role) {
	case ROLE_KONSULENT:
	case ROLE_INDKOEBER:
		return 0;
	case ROLE_JOBKONSULENT:
		return op == ACC_READ ? 0 : ERR_FORBIDDEN;
	default:
		return ERR_FORBIDDEN;
	}
}

int access_procurement_scope(const struct principal *who, const char **kommune)
{
	if (!who)
		return ERR_FORBIDDEN;
	if (access_national(who)) {
		*kommune = NULL;
		return 0;
	}
	if (!who->kommune || access_procurement(who, ACC_READ, who->kommune) != 0)
		return ERR_FORBIDDEN;
	*kommune = who->kommune;
	return 0;
}

int access_supplier(const struct principal *who, int64_t enterprise_id)
{
	if (!who || who->role != ROLE_VIRKSOMHED || !enterprise_id)
		return ERR_FORBIDDEN;
	return who->enterprise_id == enterprise_id ? 0 : ERR_FORBIDDEN;
}

int access_collaboration(const struct principal *who, enum access_op op, const char *kommune)
{
	if (!who || (op != ACC_READ && op != ACC_WRITE))
		return ERR_FORBIDDEN;
	if (access_national(who))
		return 0;
	bool staff = who->kommune && (who->role == ROLE_KONSULENT || who->role == ROLE_JOBKONSULENT ||
	                              who->role == ROLE_INDKOEBER);
	if (!staff)
		return ERR_FORBIDDEN;
	if (!kommune)
		return op == ACC_READ ? 0 : ERR_FORBIDDEN;
	if (strcmp(who->kommune, kommune) != 0)
		return ERR_FORBIDDEN;
	if (op == ACC_READ)
		return 0;
	return who->role == ROLE_INDKOEBER ? ERR_FORBIDDEN : 0;
}

int access_collaboration_scope(const struct principal *who, const char **kommune)
{
	if (!who)
		return ERR_FORBIDDEN;
	if (access_national(who)) {
		*kommune = NULL;
		return 0;
	}
	if (!who->kommune || access_collaboration(who, ACC_READ, who->kommune) != 0)
		return ERR_FORBIDDEN;
	*kommune = who->kommune;
	return 0;
}
