/*
 * table.h — data tables that fit a phone: each table sits in a container that scrolls sideways
 * by itself when the table is wider than the screen, so the page never does (WCAG 1.4.10). The
 * container is a region with a name and takes focus (tabindex 0), so it can be scrolled with the
 * keyboard and a screen reader announces what it holds. Layer: view.
 */
#ifndef INDGANG_VIEW_TABLE_H
#define INDGANG_VIEW_TABLE_H

#include "../base/buf.h"

/* table_begin: the scrolling container named label (escaped) and the opening <table>, with
 * class cls (a literal such as "numbers", or NULL for none). The caller writes the caption,
 * head and body, then calls table_end. */
void table_begin(struct buf *o, const char *label, const char *cls);
/* table_end: closes the table and its container. */
void table_end(struct buf *o);

#endif
