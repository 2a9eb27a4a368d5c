/*
 * registry.c — the enterprise's rules: CVR check, dates, derived status, validation, saving with
 * its audit line. Layer: capability domain (registry).
 */
#include "registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/memo.h"
#include "../base/text.h"
#include "../kommune/kommune.h"
#include "../store/collate.h"
#include "../store/db.h"
#include "../view/json.h"
#include "registry_search.h"
#include "registry_store.h"

const struct option_kv registry_legal_forms[] = {
	{"aps", "ApS"},
	{"ivs", "IVS"},
	{"as", "A/S"},
	{"smba", "S.M.B.A."},
	{"amba", "A.M.B.A."},
	{"fond", "Fond"},
	{"forening", "Forening"},
	{"selvejende", "Selvejende institution"},
	{"anden", "Anden"},
};
const int registry_legal_forms_count = sizeof(registry_legal_forms) / sizeof(registry_legal_forms[0]);

/* the order and wording of Tabel 2 */
const struct option_kv registry_origins[] = {
	{"social_entrepreneur", "Sociale iværksættere"},
	{"company_spinoff", "Afknopning og/eller socialt ansvar hos lokale virksomheder"},
	{"existing", "Eksisterende socialøkonomiske virksomheder"},
	{"existing_outside", "Eksisterende socialøkonomiske virksomheder uden for kommunen"},
	{"association", "Foreninger og institutioner"},
	{"kommune_spinoff", "Afknopning fra kommunen"},
};
const int registry_origins_count = sizeof(registry_origins) / sizeof(registry_origins[0]);

/* the same origins said of one enterprise, in the order of registry_origins */
const struct option_kv registry_origins_one[] = {
	{"social_entrepreneur", "Startet af en social iværksætter"},
	{"company_spinoff", "Afknopning eller socialt ansvar hos en lokal virksomhed"},
	{"existing", "En eksisterende socialøkonomisk virksomhed"},
	{"existing_outside", "En eksisterende socialøkonomisk virksomhed uden for kommunen"},
	{"association", "En forening eller institution"},
	{"kommune_spinoff", "Afknopning fra kommunen"},
};

const struct option_kv registry_kinds[] = {
	{REGISTRY_KIND_SOEV, "Socialøkonomisk virksomhed"},
	{REGISTRY_KIND_COMPANY, "Almindelig virksomhed"},
};
const int registry_kinds_count = sizeof(registry_kinds) / sizeof(registry_kinds[0]);

bool registry_cvr_valid(const char *cvr)
{
	static const int weights[8] = {2, 7, 6, 5, 4, 3, 2, 1};
	if (!text_is_digits(cvr, 8) || cvr[0] == '0')
		return false;
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += (cvr[i] - '0') * weights[i];
	return sum % 11 == 0;
}

bool registry_kind_valid(const char *kind)
{
	return kind && (!strcmp(kind, REGISTRY_KIND_SOEV) || !strcmp(kind, REGISTRY_KIND_COMPANY));
}

bool registry_date_valid(const char *s)
{
	return text_date_valid(s);
}

/* ISO dates compare as strings */
static bool by(const char *date, const char *day)
{
	return date && strcmp(date, day) <= 0;
}

enum registry_status registry_status_on(const struct enterprise *e, const char *day)
{
	if (by(e->closed, day))
		return REGISTRY_CLOSED;
	if (by(e->established, day))
		return REGISTRY_ESTABLISHED;
	if (by(e->pipeline_since, day))
		return REGISTRY_PIPELINE;
	return REGISTRY_IDEA;
}

const char *registry_status_key(enum registry_status s)
{
	static const char *keys[] = {"idea", "pipeline", "established", "closed"};
	return keys[s];
}

const char *registry_status_label(enum registry_status s)
{
	static const char *labels[] = {"Idé", "På vej", "Etableret", "Lukket"};
	return labels[s];
}

const char *registry_label(const struct option_kv *opts, int n, const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (strcmp(opts[i].key, key) == 0)
			return opts[i].label;
	return key ? key : "";
}

static bool in_list(const struct option_kv *opts, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (strcmp(opts[i].key, key) == 0)
			return true;
	return false;
}

/* trimmed text, "" for NULL; NULL result only through opt_null */
static const char *clean(struct arena *a, const char *s)
{
	char *t = text_trim(a, s ? s : "");
	return t;
}

static const char *opt_null(struct arena *a, const char *s)
{
	const char *t = clean(a, s);
	return *t ? t : NULL;
}

static void check_len(struct errs *errs, const char *field, const char *s, size_t max,
                      const char *msg)
{
	if (s && utf8_len(s) > max)
		errs_add(errs, field, msg);
}

int registry_refs_load(struct db *db, struct arena *a, struct registry_refs *r)
{
	memset(r, 0, sizeof(*r));
	int rc = kommune_read_all(db, a, &r->kommuner, &r->nkommuner);
	if (rc == 0)
		rc = registry_store_options(db, a, 0, &r->services, &r->nservices);
	if (rc == 0)
		rc = registry_store_options(db, a, 1, &r->targets, &r->ntargets);
	return rc ? ERR_DB : 0;
}

static int kommune_by_code(const void *key, const void *k)
{
	return strcmp(key, ((const struct kommune *)k)->kode);
}

/* the municipality with code kode, from refs or the store: 0 or not */
static int kommune_find(struct db *db, struct arena *a, const struct registry_refs *refs,
                        const char *kode, struct kommune *out)
{
	if (!refs)
		return kommune_get(db, a, kode, out);
	const struct kommune *k = bsearch(kode, refs->kommuner, (size_t)refs->nkommuner,
	                                  sizeof(*refs->kommuner), kommune_by_code);
	if (!k)
		return ERR_NOTFOUND;
	*out = *k;
	return 0;
}

/* the services (targets false) or target groups, from refs or the store: 0 or not */
static int options_of(struct db *db, struct arena *a, const struct registry_refs *refs,
                      bool targets, struct option_kv **opts, int *n)
{
	if (!refs)
		return registry_store_options(db, a, targets, opts, n);
	*opts = targets ? refs->targets : refs->services;
	*n = targets ? refs->ntargets : refs->nservices;
	return 0;
}

int registry_validate(struct db *db, struct arena *a, struct enterprise *e, struct errs *errs)
{
	return registry_validate_refs(db, a, NULL, e, errs);
}

int registry_validate_refs(struct db *db, struct arena *a, const struct registry_refs *refs,
                           struct enterprise *e, struct errs *errs)
{
	int before = errs->n;
	e->name = clean(a, e->name);
	if (!*e->name)
		errs_add(errs, "name", "Skriv virksomhedens navn.");
	check_len(errs, "name", e->name, 300, "Navnet må højst være på 300 tegn.");
	e->cvr = opt_null(a, e->cvr);
	if (e->cvr && !registry_cvr_valid(e->cvr))
		errs_add(errs, "cvr", "Tjek CVR-nummeret: det er 8 cifre, og det, der står, kan ikke være et CVR-nummer.");
	e->kommune = opt_null(a, e->kommune);
	struct kommune k;
	if (!e->kommune)
		errs_add(errs, "kommune", "Vælg virksomhedens hjemkommune.");
	else if (!text_is_digits(e->kommune, 3) || kommune_find(db, a, refs, e->kommune, &k) != 0)
		errs_add(errs, "kommune", "Ukendt kommunekode: brug en af de 98 kommuners tre cifre.");
	else
		e->kommune_navn = k.navn;
	e->kind = e->kind ? clean(a, e->kind) : REGISTRY_KIND_SOEV;
	if (!registry_kind_valid(e->kind))
		errs_add(errs, "kind", "Ukendt type: en virksomhed er socialøkonomisk (soev) eller almindelig (company).");
	else if (e->entrepreneur && !strcmp(e->kind, REGISTRY_KIND_COMPANY))
		errs_add(errs, "kind", "En social iværksætter uden virksomhed kan ikke være en almindelig virksomhed.");
	e->legal_form = clean(a, e->legal_form);
	if (*e->legal_form && !in_list(registry_legal_forms, registry_legal_forms_count, e->legal_form))
		errs_add(errs, "legal_form", "Ukendt selskabsform.");
	e->origin = clean(a, e->origin);
	if (*e->origin && !in_list(registry_origins, registry_origins_count, e->origin))
		errs_add(errs, "origin", "Ukendt oprindelse.");
	if (e->criteria < 0 || e->criteria > 31)
		errs_add(errs, "criteria", "Ukendt kriterium.");
	const char **dates[] = {&e->pipeline_since, &e->established, &e->rsv_registered, &e->closed};
	const char *names[] = {"pipeline_since", "established", "rsv_registered", "closed"};
	for (int i = 0; i < 4; i++) {
		*dates[i] = opt_null(a, *dates[i]);
		if (*dates[i] && !registry_date_valid(*dates[i]))
			errs_add(errs, names[i], "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2015-11-03.");
	}
	if (e->rsv_registered && registry_date_valid(e->rsv_registered) && !e->established)
		errs_add(errs, "rsv_registered", "En RSV-registreret virksomhed skal have en etableringsdato.");
	if (e->closed && registry_date_valid(e->closed) && e->established &&
	    registry_date_valid(e->established) && strcmp(e->closed, e->established) < 0)
		errs_add(errs, "closed", "Lukkedatoen ligger før etableringsdatoen.");
	if (e->rsv_registered && e->established && registry_date_valid(e->rsv_registered) &&
	    registry_date_valid(e->established) && strcmp(e->rsv_registered, e->established) < 0)
		errs_add(errs, "rsv_registered", "RSV-registreringen ligger før etableringsdatoen.");
	e->contact_name = clean(a, e->contact_name);
	e->contact_email = clean(a, e->contact_email);
	if (*e->contact_email && !text_email_valid(e->contact_email))
		errs_add(errs, "contact_email", "Skriv en gyldig e-mailadresse til kontaktpersonen.");
	e->contact_phone = clean(a, e->contact_phone);
	check_len(errs, "contact_phone", e->contact_phone, 40, "Telefonnummeret er for langt.");
	e->address = clean(a, e->address);
	e->website = clean(a, e->website);
	if (*e->website && strncmp(e->website, "http://", 7) != 0 && strncmp(e->website, "https://", 8) != 0)
		errs_add(errs, "website", "Hjemmesiden skal begynde med https:// eller http://.");
	e->description = clean(a, e->description);
	check_len(errs, "description", e->description, 10000, "Beskrivelsen må højst være på 10.000 tegn.");
	for (int i = 0; i < e->nothers; i++) {
		if (!text_is_digits(e->others[i], 3) || kommune_find(db, a, refs, e->others[i], &k) != 0)
			errs_add(errs, "other_kommuner", "Ukendt kommunekode blandt de samarbejdende kommuner.");
	}
	struct option_kv *opts;
	int nopts;
	if (e->nservices && options_of(db, a, refs, false, &opts, &nopts) == 0) {
		for (int i = 0; i < e->nservices; i++)
			if (!in_list(opts, nopts, e->services[i]))
				errs_add(errs, "services", arena_printf(a, "Ukendt ydelse: %s.", e->services[i]));
	}
	if (e->ntargets && options_of(db, a, refs, true, &opts, &nopts) == 0) {
		for (int i = 0; i < e->ntargets; i++)
			if (!in_list(opts, nopts, e->targets[i]))
				errs_add(errs, "target_groups", arena_printf(a, "Ukendt målgruppe: %s.", e->targets[i]));
	}
	e->source = e->source ? e->source : "";
	return errs->n > before ? ERR_INVALID : 0;
}

/* the checks and writes of a save, inside the caller's write transaction */
int registry_write(struct db *db, struct arena *a, const struct principal *who,
                   struct enterprise *e, struct errs *errs)
{
	bool own_only = false;
	if (e->id) {
		struct enterprise old;
		int rc = registry_store_get(db, a, e->id, &old);
		if (rc)
			return rc;
		if (access_enterprise_profile(who, old.id, old.kommune, &own_only) != 0)
			return ERR_FORBIDDEN;
		if (own_only) {
			/* the enterprise's own user keeps the registry's facts as they are */
			e->kommune = old.kommune;
			e->kind = old.kind;
			e->cvr = old.cvr;
			e->pipeline_since = old.pipeline_since;
			e->established = old.established;
			e->rsv_registered = old.rsv_registered;
			e->closed = old.closed;
			e->origin = old.origin;
			e->source = old.source;
			e->entrepreneur = old.entrepreneur;
		}
	}
	if (registry_validate(db, a, e, errs) != 0)
		return ERR_INVALID;
	if (!own_only && access_allowed(who, ACC_WRITE, e->kommune) != 0)
		return ERR_FORBIDDEN;
	bool creating = e->id == 0;
	e->name_key = collate_sort_key(a, e->name, &e->name_key_len);
	/* a CVR another enterprise has is found first rather than tried: on PostgreSQL a failed
	 * insert has used an id of the identity's sequence all the same, so the next enterprise's
	 * id would differ from SQLite's (the unique key still guards against a race) */
	int64_t holder = 0;
	int rc = e->cvr ? registry_store_find(db, e->cvr, NULL, NULL, &holder) : ERR_NOTFOUND;
	if (rc == 0 && holder != e->id)
		rc = ERR_CONFLICT;
	else if (rc == 0 || rc == ERR_NOTFOUND)
		rc = creating ? registry_store_insert(db, e, &e->id) : registry_store_update(db, e);
	if (rc == ERR_CONFLICT) {
		errs_add(errs, "cvr", "Der findes allerede en virksomhed med dette CVR-nummer.");
		return ERR_CONFLICT;
	}
	if (rc == 0) {
		rc = registry_store_set_lists(db, e);
		/* a list key that is not in its managed list fails its foreign key */
		if (rc == ERR_CONFLICT) {
			errs_add(errs, "services", "Ukendt ydelse, målgruppe eller kommune i en liste.");
			rc = ERR_INVALID;
		}
	}
	if (rc == 0)
		rc = registry_store_set_terms(db, e->id, registry_search_terms(a, e->name, NULL),
		                              registry_search_terms(a, NULL, e->description));
	if (rc == 0)
		rc = audit_record(db, who, creating ? "create" : "update", "enterprise",
		                  arena_printf(a, "%lld", (long long)e->id), e->kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("name", e->name), AUDIT_TEXT("cvr", e->cvr),
		                               AUDIT_TEXT("kommune", e->kommune),
		                               AUDIT_TEXT("kind", e->kind),
		                               AUDIT_TEXT("pipeline_since", e->pipeline_since),
		                               AUDIT_TEXT("established", e->established),
		                               AUDIT_TEXT("rsv_registered", e->rsv_registered),
		                               AUDIT_TEXT("closed", e->closed),
		                               AUDIT_TEXT("legal_form", e->legal_form),
		                               AUDIT_TEXT("origin", e->origin)));
	if (rc && creating)
		e->id = 0;
	return rc;
}

int registry_save(struct db *db, struct arena *a, const struct principal *who,
                  struct enterprise *e, struct errs *errs)
{
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	return db_write_end(db, registry_write(db, a, who, e, errs));
}

int registry_get(struct db *db, struct arena *a, int64_t id, struct enterprise *out)
{
	return registry_store_get(db, a, id, out);
}

int registry_find(struct db *db, const char *cvr, const char *name, const char *kommune,
                  int64_t *id)
{
	return registry_store_find(db, cvr, name, kommune, id);
}

/* ---------------------------------------------------------------- the pages kept */

/* A page of the list is kept, as bytes, while the registry's version stays (memo.h): the list
 * page and the API ask for the same first pages of each municipality again and again. The
 * bytes: total, exact, n, then per item its id, home and eight texts, each a presence byte and
 * the text with its NUL. */
#define PAGE_KEY 1024
static struct memo page_memo = MEMO_INIT(512, 8u << 20);

static const char **item_texts(struct registry_item *it, int i)
{
	const char **t[] = {&it->name, &it->cvr, &it->kommune, &it->kommune_navn, &it->kind,
	                    &it->status, &it->established, &it->rsv_registered};
	return t[i];
}
enum { ITEM_TEXTS = 8 };

static void page_write(struct buf *b, const struct registry_item *items, int n, int total,
                       bool exact)
{
	int64_t head[3] = {total, exact, n};
	buf_append(b, head, sizeof(head));
	for (int i = 0; i < n; i++) {
		struct registry_item it = items[i];
		int64_t id = it.id;
		buf_append(b, &id, sizeof(id));
		buf_putc(b, it.home ? 1 : 0);
		for (int t = 0; t < ITEM_TEXTS; t++) {
			const char *v = *item_texts(&it, t);
			buf_putc(b, v ? 1 : 0);
			if (v)
				buf_append(b, v, strlen(v) + 1);
		}
	}
}

/* page_read: the page back from what page_write wrote; false if the bytes are short */
static bool page_read(struct arena *a, const char *p, size_t len, struct registry_item **items,
                      int *n, int *total, bool *exact)
{
	const char *end = p + len;
	int64_t head[3];
	if (len < sizeof(head))
		return false;
	memcpy(head, p, sizeof(head));
	p += sizeof(head);
	if (head[2] < 0 || head[2] > 100000)
		return false;
	struct registry_item *out = arena_alloc(a, sizeof(*out) * (size_t)(head[2] ? head[2] : 1));
	for (int i = 0; i < head[2]; i++) {
		if ((size_t)(end - p) < sizeof(int64_t) + 1)
			return false;
		memcpy(&out[i].id, p, sizeof(int64_t));
		p += sizeof(int64_t);
		out[i].home = *p++ != 0;
		for (int t = 0; t < ITEM_TEXTS; t++) {
			if (p >= end)
				return false;
			if (!*p++)
				continue;
			size_t l = strnlen(p, (size_t)(end - p));
			if (l == (size_t)(end - p))
				return false;
			*item_texts(&out[i], t) = arena_strndup(a, p, l);
			p += l + 1;
		}
	}
	*items = out;
	*n = (int)head[2];
	*total = (int)head[0];
	*exact = head[1] != 0;
	return p == end;
}

int registry_list_page(struct db *db, struct arena *a, const struct registry_query *q,
                       struct registry_item **items, int *n, int *total, bool *exact)
{
	char key[PAGE_KEY];
	int64_t version;
	bool keyed = registry_memo_key(db, q, key, sizeof(key), &version);
	if (keyed) {
		struct buf b;
		buf_init(&b, 0);
		bool hit = memo_get(&page_memo, key, version, &b) &&
		           page_read(a, b.data, b.len, items, n, total, exact);
		buf_free(&b);
		if (hit)
			return 0;
	}
	int rc = registry_store_list(db, a, q, items, n, total, exact);
	if (rc == 0 && keyed) {
		struct buf b;
		buf_init(&b, 0);
		page_write(&b, *items, *n, *total, *exact);
		if (!b.failed)
			memo_put(&page_memo, key, version, b.data, b.len);
		buf_free(&b);
	}
	return rc;
}

bool registry_memo_key(struct db *db, const struct registry_query *q, char *key, size_t size,
                       int64_t *version)
{
	int64_t db_id;
	if (registry_store_version(db, &db_id, version) != 0)
		return false;
	int n = snprintf(key, size, "%lld\x1F", (long long)db_id);
	return n > 0 && (size_t)n < size && registry_query_key(q, key + n, size - (size_t)n);
}

bool registry_query_key(const struct registry_query *q, char *key, size_t size)
{
	int n = snprintf(key, size, "%d\x1F%d\x1F%d\x1F", q->sort, q->limit, q->offset);
	return n > 0 && (size_t)n < size && registry_store_filters_key(q, key + n, size - (size_t)n);
}

int registry_list(struct db *db, struct arena *a, const struct registry_query *q,
                  struct registry_item **items, int *n, int *total)
{
	bool exact;
	return registry_store_list(db, a, q, items, n, total, &exact);
}

int registry_bilag1(struct db *db, struct arena *a, const char *kommune, const char *day,
                    struct bilag1_row **rows, int *n)
{
	return registry_store_bilag1(db, a, kommune, day, rows, n);
}

int registry_options(struct db *db, struct arena *a, bool targets, struct option_kv **opts,
                     int *n)
{
	return registry_store_options(db, a, targets ? 1 : 0, opts, n);
}

/* the list of codes as a JSON array for the store's json_each, or NULL for no filter */
static const char *codes_json(struct arena *a, const char *const *kommuner)
{
	if (!kommuner)
		return NULL;
	struct buf b;
	struct json w;
	buf_init(&b, 0);
	json_init(&w, &b);
	json_arr_open(&w, NULL);
	for (int i = 0; kommuner[i]; i++)
		json_str(&w, NULL, kommuner[i]);
	json_arr_close(&w);
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

int registry_tabel1(struct db *db, struct arena *a, int year, const char *const *kommuner,
                    struct tabel1_row **rows, int *n, struct tabel1_row *sum)
{
	char from[11], cut[11];
	snprintf(from, sizeof(from), "%04d-01-01", year);
	snprintf(cut, sizeof(cut), "%04d-12-31", year);
	int rc = registry_store_tabel1(db, a, from, cut, codes_json(a, kommuner), rows, n);
	if (rc)
		return rc;
	memset(sum, 0, sizeof(*sum));
	sum->navn = "I alt";
	for (int i = 0; i < *n; i++) {
		sum->total += (*rows)[i].total;
		sum->registered += (*rows)[i].registered;
		sum->established += (*rows)[i].established;
		sum->pipeline += (*rows)[i].pipeline;
	}
	return 0;
}

int registry_tabel2(struct db *db, struct arena *a, int year, const char *const *kommuner,
                    struct tabel2_row **rows, int *n, int *total)
{
	char cut[11];
	snprintf(cut, sizeof(cut), "%04d-12-31", year);
	struct tabel2_row *counted;
	int nc;
	int rc = registry_store_tabel2(db, a, cut, codes_json(a, kommuner), &counted, &nc);
	if (rc)
		return rc;
	struct tabel2_row *out = arena_alloc(a, sizeof(*out) * (size_t)(registry_origins_count + 1));
	int m = 0;
	*total = 0;
	for (int i = 0; i < registry_origins_count; i++) {
		out[m] = (struct tabel2_row){registry_origins[i].key, registry_origins[i].label, 0};
		for (int k = 0; k < nc; k++)
			if (strcmp(counted[k].origin, registry_origins[i].key) == 0)
				out[m].count = counted[k].count;
		*total += out[m++].count;
	}
	out[m] = (struct tabel2_row){"", "Ikke oplyst", 0};
	for (int k = 0; k < nc; k++)
		if (!*counted[k].origin)
			out[m].count = counted[k].count;
	*total += out[m++].count;
	*rows = out;
	*n = m;
	return 0;
}

static bool same(const char *x, const char *y)
{
	if (!x || !*x)
		return !y || !*y;
	return y && strcmp(x, y) == 0;
}

static bool same_list(const char *const *x, int nx, const char *const *y, int ny)
{
	if (nx != ny)
		return false;
	for (int i = 0; i < nx; i++) {
		bool found = false;
		for (int k = 0; k < ny && !found; k++)
			found = strcmp(x[i], y[k]) == 0;
		if (!found)
			return false;
	}
	return true;
}

bool registry_equal(const struct enterprise *x, const struct enterprise *y)
{
	return same(x->name, y->name) && same(x->cvr, y->cvr) && same(x->kommune, y->kommune) &&
	       same(x->kind, y->kind) &&
	       x->entrepreneur == y->entrepreneur && same(x->legal_form, y->legal_form) &&
	       same(x->origin, y->origin) && x->purpose_social == y->purpose_social &&
	       x->purpose_health == y->purpose_health &&
	       x->purpose_environment == y->purpose_environment && x->criteria == y->criteria &&
	       same(x->contact_name, y->contact_name) && same(x->contact_email, y->contact_email) &&
	       same(x->contact_phone, y->contact_phone) && same(x->address, y->address) &&
	       same(x->website, y->website) && same(x->description, y->description) &&
	       same(x->pipeline_since, y->pipeline_since) && same(x->established, y->established) &&
	       same(x->rsv_registered, y->rsv_registered) && same(x->closed, y->closed) &&
	       same(x->source, y->source) &&
	       same_list(x->others, x->nothers, y->others, y->nothers) &&
	       same_list(x->services, x->nservices, y->services, y->nservices) &&
	       same_list(x->targets, x->ntargets, y->targets, y->ntargets);
}

static int id_descending(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a < b) - (a > b);
}

/* reindex_all: every enterprise's search terms made anew, a few hundred to a transaction, the
 * newest first: the terms are kept under -id, and FTS5 writes its pending terms out as a
 * segment of its own whenever a rowid is below the one before, so any other order made a
 * segment of nearly every enterprise */
static int reindex_all(struct db *db, struct arena *a, int *count)
{
	int64_t *ids;
	bool *home;
	int n;
	struct registry_query all = {.registered = -1};
	int rc = registry_store_ids(db, a, &all, &ids, &home, &n);
	if (rc == 0 && n > 1)
		qsort(ids, (size_t)n, sizeof(*ids), id_descending);
	enum { BATCH = 500 };
	for (int start = 0; rc == 0 && start < n; start += BATCH) {
		if ((rc = db_write_begin(db)) != 0)
			return rc;
		for (int i = start; rc == 0 && i < n && i < start + BATCH; i++) {
			struct enterprise e;
			rc = registry_store_get(db, a, ids[i], &e);
			if (rc == 0)
				rc = registry_store_set_terms(db, e.id, registry_search_terms(a, e.name, NULL),
				                              registry_search_terms(a, NULL, e.description));
			if (rc == 0)
				(*count)++;
		}
		rc = db_write_end(db, rc);
	}
	return rc == 0 ? registry_search_compact(db) : rc;
}

int registry_search_compact(struct db *db)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	bool worked = true;
	while (rc == 0 && worked) {
		rc = registry_store_search_merge(db, &worked);
		bool committed = false;
		if (rc == 0 && worked)
			rc = db_write_slice(db, &committed); /* on an error no transaction is open */
	}
	return rc == 0 ? db_commit(db) : (db_rollback(db), rc);
}

int registry_reindex(struct db *db, struct arena *a, const struct principal *by, int *count)
{
	*count = 0;
	if (access_allowed(by, ACC_NATIONAL, NULL) != 0)
		return ERR_FORBIDDEN;
	return reindex_all(db, a, count);
}

int registry_reindex_due(struct db *db, struct arena *a, int *count)
{
	*count = 0;
	bool due;
	int rc = registry_store_reindex_due(db, &due);
	if (rc == 0 && due && (rc = reindex_all(db, a, count)) == 0)
		rc = registry_store_reindex_done(db);
	return rc;
}

int registry_option_add(struct db *db, struct arena *a, const struct principal *by, bool targets,
                        const char *key, const char *label, struct errs *errs)
{
	if (access_allowed(by, ACC_NATIONAL, NULL) != 0)
		return ERR_FORBIDDEN;
	const char *k = clean(a, key), *l = clean(a, label);
	bool ok = *k && strlen(k) <= 32;
	for (const char *p = k; *p; p++)
		ok &= (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
	if (!ok)
		errs_add(errs, "key", "Nøglen skal være 1-32 tegn af a-z, 0-9 og _.");
	if (!*l || utf8_len(l) > 100)
		errs_add(errs, "label", "Skriv en betegnelse på højst 100 tegn.");
	if (errs->n)
		return ERR_INVALID;
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int rc = registry_store_option_add(db, targets, k, l);
	if (rc == 0)
		rc = audit_record(db, by, "create", targets ? "target_group" : "service", k, NULL,
		                  AUDIT_DETAIL(AUDIT_TEXT("label", l)));
	if (rc == ERR_CONFLICT)
		errs_add(errs, "key", "Nøglen eller betegnelsen findes allerede på listen.");
	return db_write_end(db, rc);
}
