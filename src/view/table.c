/*
 * table.c — data tables in a container that scrolls sideways on a narrow screen. Layer: view.
 */
#include "table.h"

#include "html.h"

void table_begin(struct buf *o, const char *label, const char *cls)
{
	htmlf(o, "<div class=\"table-scroll\" role=\"region\" aria-label=\"%s\" tabindex=\"0\">\n", label);
	/* dkfds' table (tools/design): lines between the cells, the head on grey */
	if (cls)
		htmlf(o, "<table class=\"table %s\">\n", cls);
	else
		html(o, "<table class=\"table\">\n");
}

void table_end(struct buf *o)
{
	html(o, "</table>\n</div>\n");
}
