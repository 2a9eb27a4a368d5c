/*
 * networks.c — the rules of networks and their members: validation, who may keep and see them
 * (access_collaboration), the secret calendar feed, and Tabel 8's figures. Layer: capability
 * domain (collab); the SQL is in networks_store.c.
 */
#include "networks.h"

#include <sodium.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "../view/ical.h"
#include "meetings.h"
#include "networks_store.h"

/* trimmed s, "" for NULL */
static const char *trimmed(struct arena *a, const char *s)
{
	return s ? text_trim(a, s) : "";
}

/* a fresh feed token: 32 random bytes as 64 hex digits, in a */
static char *new_token(struct arena *a)
{
	unsigned char raw[NETWORKS_TOKEN_LEN / 2];
	randombytes_buf(raw, sizeof raw);
	char *hex = arena_alloc(a, NETWORKS_TOKEN_LEN + 1);
	sodium_bin2hex(hex, NETWORKS_TOKEN_LEN + 1, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
	return hex;
}

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

/* ---------------------------------------------------------------- networks */

bool networks_may_write(const struct principal *by, const struct network *n)
{
	return access_collaboration(by, ACC_WRITE, n->kommune) == 0;
}

bool networks_may_create(const struct principal *by)
{
	if (access_national(by))
		return true;
	return by && by->kommune && access_collaboration(by, ACC_WRITE, by->kommune) == 0;
}

static void check_network(struct arena *a, struct network *n, struct errs *errs)
{
	n->name = trimmed(a, n->name);
	if (!*n->name)
		errs_add(errs, "name", "Skriv netværkets navn.");
	else if (utf8_len(n->name) > 200)
		errs_add(errs, "name", "Navnet må højst være på 200 tegn.");
	n->purpose = trimmed(a, n->purpose);
	if (utf8_len(n->purpose) > 5000)
		errs_add(errs, "purpose", "Formålet må højst være på 5.000 tegn.");
	if (n->cadence_months < 0 || n->cadence_months > 24)
		errs_add(errs, "cadence_months",
		         "Skriv antal måneder mellem møderne som et helt tal fra 0 til 24 (0: ingen fast kadence).");
}

static int write_network(struct db *db, struct arena *a, const struct principal *by,
                         struct network *n, struct errs *errs)
{
	bool creating = n->id == 0;
	if (!creating) {
		struct network old;
		int rc = networks_store_get(db, a, n->id, &old);
		if (rc)
			return rc;
		if (access_collaboration(by, ACC_WRITE, old.kommune) != 0)
			return ERR_FORBIDDEN;
		n->kommune = old.kommune;
	}
	else {
		if (n->kommune && !*n->kommune)
			n->kommune = NULL;
		if (access_collaboration(by, ACC_WRITE, n->kommune) != 0)
			return ERR_FORBIDDEN;
		int exists = 1;
		if (n->kommune && networks_store_kommune_exists(db, n->kommune, &exists) != 0)
			return ERR_DB;
		if (!exists)
			errs_add(errs, "kommune", "Ukendt kommune.");
	}
	check_network(a, n, errs);
	if (errs->n > 0)
		return ERR_INVALID;
	int rc = creating ? networks_store_insert(db, n, new_token(a), &n->id) : networks_store_update(db, n);
	if (rc == 0)
		rc = audit_record(db, by, creating ? "create" : "update", "network", id_text(a, n->id),
		                  n->kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("name", n->name),
		                               AUDIT_INT("cadence_months", n->cadence_months)));
	if (rc == 0)
		rc = networks_store_get(db, a, n->id, n);
	return rc;
}

int networks_save(struct db *db, struct arena *a, const struct principal *by, struct network *n,
                  struct errs *errs)
{
	bool creating = n->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_network(db, a, by, n, errs));
	if (rc && creating)
		n->id = 0;
	return rc;
}

int networks_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 struct network *out)
{
	struct network n;
	int rc = networks_store_get(db, a, id, &n);
	if (rc)
		return rc;
	if (access_collaboration(by, ACC_READ, n.kommune) != 0)
		return ERR_FORBIDDEN;
	*out = n;
	return 0;
}

int networks_list(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                  int limit, int offset, struct network **items, int *n, int *total)
{
	const char *scope;
	if (access_collaboration_scope(by, &scope) != 0)
		return ERR_FORBIDDEN;
	if (limit < 1 || limit > 500)
		limit = 500;
	if (offset < 0)
		offset = 0;
	return networks_store_list(db, a, scope, kommune, limit, offset, items, n, total);
}

int networks_new_token(struct db *db, struct arena *a, const struct principal *by, int64_t id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct network n;
	rc = networks_store_get(db, a, id, &n);
	if (rc == 0 && access_collaboration(by, ACC_WRITE, n.kommune) != 0)
		rc = ERR_FORBIDDEN;
	if (rc == 0)
		rc = networks_store_set_token(db, id, new_token(a));
	if (rc == 0)
		rc = audit_record(db, by, "feed_token", "network", id_text(a, id), n.kommune, AUDIT_NONE);
	return db_write_end(db, rc);
}

int networks_feed(struct db *db, struct arena *a, int64_t id, const char *token, char **text,
                  size_t *len)
{
	struct network n;
	int rc = networks_store_get(db, a, id, &n);
	if (rc)
		return rc;
	if (!token || strlen(token) != NETWORKS_TOKEN_LEN || !n.feed_token ||
	    strlen(n.feed_token) != NETWORKS_TOKEN_LEN ||
	    sodium_memcmp(token, n.feed_token, NETWORKS_TOKEN_LEN) != 0)
		return ERR_NOTFOUND;
	struct meeting *ms;
	int nm;
	rc = networks_store_meetings(db, a, id, &ms, &nm);
	if (rc)
		return rc;
	struct ical_event *ev = arena_alloc(a, sizeof(*ev) * (size_t)(nm > 0 ? nm : 1));
	for (int i = 0; i < nm; i++)
		ev[i] = (struct ical_event){
			.uid = meetings_uid(a, ms[i].id), .sequence = ms[i].sequence,
			.start = ms[i].starts_at, .end = ms[i].ends_at, .summary = n.name,
			.description = *ms[i].agenda ? ms[i].agenda : NULL,
			.location = *ms[i].place ? ms[i].place : NULL,
			.cancelled = !strcmp(ms[i].status, MEETINGS_CANCELLED),
		};
	*text = ical_write(a, NULL, n.name, ev, nm, len);
	return *text ? 0 : ERR_DB;
}

/* ---------------------------------------------------------------- members */

/* the member's kind from the ids given and its fields checked; the enterprise or unit looked up */
static int check_member(struct db *db, struct arena *a, const struct network *n,
                        struct network_member *m, struct errs *errs)
{
	int given = (m->enterprise_id != 0) + (m->unit_id != 0) +
	            (m->name != NULL || m->email != NULL);
	if (given != 1) {
		errs_add(errs, "member", "Angiv enten en virksomhed (enterprise_id), en enhed eller partner"
		                         " (unit_id) eller en person med navn og e-mail.");
		return 0;
	}
	if (m->enterprise_id) {
		m->kind = NETWORKS_MEMBER_ENTERPRISE;
		struct enterprise e;
		int rc = m->enterprise_id > 0 ? registry_get(db, a, m->enterprise_id, &e) : ERR_NOTFOUND;
		if (rc == ERR_NOTFOUND)
			errs_add(errs, "enterprise_id", "Vælg en virksomhed, der findes i registret.");
		else if (rc)
			return rc;
		m->name = m->email = m->organisation = "";
		return 0;
	}
	if (m->unit_id) {
		m->kind = NETWORKS_MEMBER_UNIT;
		const char *name;
		int rc = m->unit_id > 0 ? networks_store_unit(db, a, m->unit_id, n->kommune, &name) : ERR_NOTFOUND;
		if (rc == ERR_NOTFOUND)
			errs_add(errs, "unit_id", "Vælg en enhed eller partner i kommunens indgang.");
		else if (rc)
			return rc;
		m->name = m->email = m->organisation = "";
		return 0;
	}
	m->kind = NETWORKS_MEMBER_PERSON;
	m->name = trimmed(a, m->name);
	m->email = trimmed(a, m->email);
	m->organisation = trimmed(a, m->organisation);
	if (!*m->name)
		errs_add(errs, "name", "Skriv personens navn.");
	else if (utf8_len(m->name) > 200)
		errs_add(errs, "name", "Navnet må højst være på 200 tegn.");
	if (!*m->email || !text_email_valid(m->email) || strlen(m->email) > 254)
		errs_add(errs, "email", "Skriv en gyldig e-mailadresse, fx navn@example.dk.");
	if (utf8_len(m->organisation) > 200)
		errs_add(errs, "organisation", "Organisationen må højst være på 200 tegn.");
	return 0;
}

static int write_member(struct db *db, struct arena *a, const struct principal *by,
                        int64_t network_id, struct network_member *m, struct errs *errs)
{
	struct network n;
	int rc = networks_store_get(db, a, network_id, &n);
	if (rc)
		return rc;
	if (access_collaboration(by, ACC_WRITE, n.kommune) != 0)
		return ERR_FORBIDDEN;
	m->network_id = network_id;
	if ((rc = check_member(db, a, &n, m, errs)) != 0)
		return rc;
	if (errs->n == 0) {
		int exists = 0;
		if ((rc = networks_store_member_exists(db, m, &exists)) != 0)
			return rc;
		if (exists)
			errs_add(errs, "member", "Er allerede medlem af netværket.");
	}
	if (errs->n > 0)
		return ERR_INVALID;
	rc = networks_store_member_insert(db, m, &m->id);
	if (rc == 0)
		rc = audit_record(db, by, "member_add", "network", id_text(a, network_id), n.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("member_id", m->id), AUDIT_TEXT("kind", m->kind),
		                               AUDIT_INT("enterprise_id", m->enterprise_id),
		                               AUDIT_INT("unit_id", m->unit_id),
		                               AUDIT_TEXT("name", m->name)));
	if (rc == 0)
		rc = networks_store_member(db, a, network_id, m->id, m);
	return rc;
}

int networks_member_add(struct db *db, struct arena *a, const struct principal *by,
                        int64_t network_id, struct network_member *m, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_member(db, a, by, network_id, m, errs));
	if (rc)
		m->id = 0;
	return rc;
}

int networks_member_remove(struct db *db, struct arena *a, const struct principal *by,
                           int64_t network_id, int64_t member_id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct network n;
	struct network_member m;
	rc = networks_store_get(db, a, network_id, &n);
	if (rc == 0 && access_collaboration(by, ACC_WRITE, n.kommune) != 0)
		rc = ERR_FORBIDDEN;
	if (rc == 0)
		rc = networks_store_member(db, a, network_id, member_id, &m);
	if (rc == 0)
		rc = networks_store_member_remove(db, network_id, member_id);
	if (rc == 0)
		rc = audit_record(db, by, "member_remove", "network", id_text(a, network_id), n.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("member_id", member_id), AUDIT_TEXT("name", m.name)));
	return db_write_end(db, rc);
}

int networks_members(struct db *db, struct arena *a, const struct principal *by,
                     int64_t network_id, struct network_member **items, int *n)
{
	struct network nw;
	int rc = networks_get(db, a, by, network_id, &nw);
	if (rc)
		return rc;
	return networks_store_members(db, a, network_id, 0, items, n);
}

int networks_units(struct db *db, struct arena *a, const struct principal *by, int64_t network_id,
                   struct network_member **items, int *n)
{
	struct network nw;
	int rc = networks_store_get(db, a, network_id, &nw);
	if (rc)
		return rc;
	if (access_collaboration(by, ACC_WRITE, nw.kommune) != 0)
		return ERR_FORBIDDEN;
	*items = NULL;
	*n = 0;
	return nw.kommune ? networks_store_units(db, a, nw.kommune, items, n) : 0;
}

/* ---------------------------------------------------------------- Tabel 8 */

int networks_stats(struct db *db, struct arena *a, int year, const char *scope,
                   struct networks_stats_row **rows, int *n)
{
	return networks_store_stats(db, a, year, scope, rows, n);
}

void networks_stats_scope(const struct principal *by, const char **scope, bool *full)
{
	const char *s = NULL;
	if (by && access_collaboration_scope(by, &s) == 0) {
		*scope = s;
		*full = true;
		return;
	}
	*scope = NULL;
	*full = false;
}
