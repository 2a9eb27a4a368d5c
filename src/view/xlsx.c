/*
 * xlsx.c — XLSX workbooks in memory through a temporary file. Layer: view.
 */
#include "xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/err.h"

int xlsx_open(struct xlsx *x)
{
	snprintf(x->path, sizeof(x->path), "/tmp/indgang-xlsx-XXXXXX");
	int fd = mkstemp(x->path);
	if (fd < 0)
		return ERR_IO;
	close(fd);
	x->wb = workbook_new(x->path);
	if (!x->wb) {
		unlink(x->path);
		return ERR_IO;
	}
	return 0;
}

int xlsx_close(struct xlsx *x, struct buf *out, bool failed)
{
	int rc = workbook_close(x->wb) == LXW_NO_ERROR ? 0 : ERR_IO;
	x->wb = NULL;
	FILE *f = rc == 0 && !failed ? fopen(x->path, "rb") : NULL;
	if (rc == 0 && !failed && !f)
		rc = ERR_IO;
	char chunk[65536];
	size_t got;
	while (f && (got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(out, chunk, got);
	if (f)
		fclose(f);
	unlink(x->path);
	return rc ? rc : out->failed ? ERR_TOOBIG : 0;
}
