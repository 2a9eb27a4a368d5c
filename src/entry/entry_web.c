/*
 * entry_web.c — what the one entry point's pages share: today's date, option lists, id fields.
 * The pages themselves: entry_contact_web.c (the public form), entry_cases_web.c (cases),
 * advisory_web.c (advisory sessions), entry_setup_web.c (the municipality's setup).
 * Layer: handlers of the entry capability.
 */
#include "entry_web.h"


#include "../base/text.h"
#include "../http/page.h"
#include "../auth/users.h"
#include "entry.h"

struct form_option *entry_web_options(struct req *r, const struct option_pair *p, int n,
                                      const char *first)
{
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(n + 1));
	int k = 0;
	if (first)
		fo[k++] = (struct form_option){"", first};
	for (int i = 0; i < n; i++)
		fo[k++] = (struct form_option){p[i].key, p[i].label};
	return fo;
}

int64_t entry_web_id_field(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	long long id;
	if (!v || !*v)
		return 0;
	return text_parse_int(v, 1, 1LL << 53, &id) == 0 ? id : -2;
}

struct form_option *entry_web_unit_options(struct req *r, const struct unit_row *units, int n,
                                           const char *first)
{
	struct form_option *o = arena_alloc(&r->a, sizeof(*o) * (size_t)(n + 1));
	o[0] = (struct form_option){"", first};
	for (int i = 0; i < n; i++)
		o[i + 1] = (struct form_option){arena_printf(&r->a, "%lld", (long long)units[i].id), units[i].name};
	return o;
}

struct form_option *entry_web_worker_options(struct req *r, const struct user_row *users, int n,
                                             const char *first)
{
	struct form_option *o = arena_alloc(&r->a, sizeof(*o) * (size_t)(n + 1));
	o[0] = (struct form_option){"", first};
	for (int i = 0; i < n; i++)
		o[i + 1] = (struct form_option){arena_printf(&r->a, "%lld", (long long)users[i].id), users[i].email};
	return o;
}
