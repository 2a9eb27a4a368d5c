/*
 * xlsx.h — an XLSX workbook that ends up in memory. libxlsxwriter writes files, so the workbook
 * is written to a private temporary file, read back into the caller's buffer and removed.
 * Layer: view.
 */
#ifndef INDGANG_XLSX_H
#define INDGANG_XLSX_H

#include <xlsxwriter.h>

#include "../base/buf.h"

struct xlsx {
	lxw_workbook *wb;
	char path[40];
};

/* xlsx_open: a new workbook in x; 0, or ERR_IO when no temporary file could be made. */
int xlsx_open(struct xlsx *x);
/* xlsx_close: finishes the workbook and appends its bytes to out (unless failed is set, when it
 * only cleans up). 0 or ERR_IO. The temporary file is gone either way. */
int xlsx_close(struct xlsx *x, struct buf *out, bool failed);

#endif
