/*
 * chart.h — bar charts as inline SVG: readable without JavaScript, the numbers written on the
 * bars and repeated in a text description for screen readers.
 * Layer: view. No style attributes (the CSP forbids inline style): colours are SVG
 * presentation attributes and the stylesheet's classes.
 */
#ifndef INDGANG_CHART_H
#define INDGANG_CHART_H

#include "../base/buf.h"

struct chart_series {
	const char *label; /* legend text */
	const int *values; /* one per category */
	const char *fill;  /* a literal colour with 3:1 contrast on white, e.g. "#0b5394" */
};

/* chart_bars: horizontal bars, one group per category with one bar per series. id must be
 * unique on the page (it names the title and description elements). */
void chart_bars(struct buf *o, const char *id, const char *title, const char *const *categories,
                int ncat, const struct chart_series *series, int nseries);

#endif
