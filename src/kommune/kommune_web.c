/*
 * kommune_web.c — the public list of municipalities. Layer: handlers of the kommune capability.
 */
#include "kommune_web.h"

#include <stdbool.h>
#include <string.h>

#include "../auth/access.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../http/api.h"
#include "../http/page.h"
#include "kommune.h"

/* GET /kommuner — public. The 98 municipalities with code and region; for who reads a
 * municipality's figures (access_figures) a link to its overview. */
int kommune_page_list(struct req *r)
{
	struct kommune *ks;
	int n;
	int rc = kommune_list(r->db, &r->a, &ks, &n);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Kommuner");
	struct buf *o = &r->out;
	htmlf(o, "<p>Danmarks %d kommuner med deres officielle kommunekoder.</p>\n", n);
	bool figures = access_national_figures(r->user) == 0;
	table_begin(o, "Kommuner", NULL);
	html(o, "<caption class=\"visually-hidden\">Kommuner</caption>\n<thead><tr>"
	        "<th scope=\"col\">Kode</th><th scope=\"col\">Kommune</th>"
	        "<th scope=\"col\">Region</th>");
	if (figures)
		html(o, "<th scope=\"col\">Tal</th>");
	html(o, "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td>", ks[i].kode, ks[i].navn, ks[i].region);
		if (figures && access_figures(r->user, ks[i].kode) == 0)
			htmlf(o, "<td><a href=\"/kommuner/%s/overblik\">Overblik<span class=\"visually-hidden\">"
			         " for %s</span></a></td>", ks[i].kode, ks[i].navn);
		else if (figures)
			html(o, "<td></td>");
		html(o, "</tr>\n");
	}
	html(o, "</tbody>\n");
	table_end(o);
	return page_end(r, 200);
}

/* ---------------------------------------------------------------- the picker */

/* the regions in the order Danmarks Statistik lists them; a region not named here follows */
static const char *const regions[] = {"Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland",
                                      "Nordjylland"};
#define NREGIONS (int)(sizeof(regions) / sizeof(regions[0]))

/* chosen_has: code is among chosen[0..n) */
static bool chosen_has(const char *const *chosen, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (chosen[i] && !strcmp(chosen[i], code))
			return true;
	return false;
}

/* one region's municipalities as a <details> of checkboxes */
static void picker_region(struct buf *o, struct arena *a, const struct form_field *f,
                          const char *region, const struct kommune *ks, int n,
                          const char *const *chosen, int nchosen)
{
	int count = 0, on = 0;
	for (int i = 0; i < n; i++)
		if (!strcmp(ks[i].region, region)) {
			count++;
			on += chosen_has(chosen, nchosen, ks[i].kode);
		}
	if (count == 0)
		return;
	htmlf(o, "<details class=\"region\"%s><summary>Region %s <span class=\"hint\">(%d kommuner%s)</span>"
	         "</summary>\n<div class=\"check-columns\">\n",
	      on ? " open" : "", region, count, on ? arena_printf(a, ", %d valgt", on) : "");
	for (int i = 0; i < n; i++) {
		if (strcmp(ks[i].region, region))
			continue;
		htmlf(o, "<div class=\"check\"><input type=\"checkbox\" id=\"f-%s-%s\" name=\"%s\" value=\"%s\"%s> "
		         "<label for=\"f-%s-%s\">%s</label></div>\n",
		      f->name, ks[i].kode, f->name, ks[i].kode,
		      chosen_has(chosen, nchosen, ks[i].kode) ? " checked" : "", f->name, ks[i].kode, ks[i].navn);
	}
	html(o, "</div>\n</details>\n");
}

void kommune_web_picker(struct buf *o, struct arena *a, const struct form_field *f,
                        const struct kommune *ks, int n, const char *const *chosen, int nchosen)
{
	htmlf(o, "<fieldset id=\"f-%s\" class=\"field kommune-picker%s\"", f->name, f->error ? " has-error" : "");
	if (f->error || f->hint) {
		html(o, " aria-describedby=\"");
		if (f->error)
			htmlf(o, "f-%s-error%s", f->name, f->hint ? " " : "");
		if (f->hint)
			htmlf(o, "f-%s-hint", f->name);
		html(o, "\"");
	}
	htmlf(o, ">\n<legend>%s</legend>\n", f->label);
	if (f->hint)
		htmlf(o, "<p class=\"hint\" id=\"f-%s-hint\">%s</p>\n", f->name, f->hint);
	if (f->error)
		htmlf(o, "<p class=\"error\" id=\"f-%s-error\">%s</p>\n", f->name, f->error);
	for (int r = 0; r < NREGIONS; r++)
		picker_region(o, a, f, regions[r], ks, n, chosen, nchosen);
	/* a region the list above does not name */
	for (int i = 0; i < n; i++) {
		bool known = false, seen = false;
		for (int r = 0; r < NREGIONS && !known; r++)
			known = !strcmp(ks[i].region, regions[r]);
		for (int k = 0; k < i && !known && !seen; k++)
			seen = !strcmp(ks[k].region, ks[i].region);
		if (!known && !seen)
			picker_region(o, a, f, ks[i].region, ks, n, chosen, nchosen);
	}
	html(o, "</fieldset>\n");
}

const char *kommune_web_codes(struct arena *a, const struct kv *list, const char *name)
{
	struct buf b;
	buf_init(&b, 0);
	for (const struct kv *p = list; p && p->name; p++) {
		if (strcmp(p->name, name) || !p->value || !*p->value)
			continue;
		if (b.len)
			buf_putc(&b, ',');
		buf_puts(&b, p->value);
	}
	const char *s = b.len ? arena_strdup(a, buf_str(&b)) : NULL;
	buf_free(&b);
	return s;
}

int kommune_web_split(struct arena *a, const char *s, const char **out, int max)
{
	int n = 0;
	char *copy = arena_strdup(a, s ? s : "");
	for (char *part = copy, *next; part && n < max; part = next) {
		next = strchr(part, ',');
		if (next)
			*next++ = '\0';
		char *t = text_trim(a, part);
		if (*t)
			out[n++] = t;
	}
	return n;
}
