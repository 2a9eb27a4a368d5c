/*
 * table.c — data tables in a container that scrolls sideways on a narrow screen. Layer: view.
 */
#include "table.h"

#include "html.h"

void table_begin(struct buf *o, const char *label, const char *cls)
{
	htmlf(o, "<div class=\"table-scroll\" role=\"region\" aria-label=\"%s\" tabindex=\"0\">\n", label);
	if (cls)
		htmlf(o, "<table class=\"%s\">\n", cls);
	else
		html(o, "<table>\n");
}

void table_end(struct buf *o)
{
	html(o, "</table>\n</div>\n");
}
