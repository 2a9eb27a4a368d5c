/*
 * assets.c — looking up the compiled-in static files. Layer: http.
 */
#include "assets.h"

#include <string.h>

const struct asset *assets_find(const char *path)
{
	for (size_t i = 0; i < assets_count; i++)
		if (strcmp(assets[i].path, path) == 0)
			return &assets[i];
	return NULL;
}
