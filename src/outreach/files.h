/*
 * files.h — whether an uploaded document is a PDF, a Word document (DOCX) or an Excel workbook
 * (XLSX), judged by its bytes and never by its name or declared type: the check every file of
 * the guidance library passes before it is stored.
 * Layer: capability domain (outreach); pure (no database, no allocation), fuzzed in
 * tests/fuzz/fuzz_files.c. It never opens the document's content: the server only stores the
 * bytes and hands them back as a download (Content-Disposition: attachment).
 *
 * A PDF is judged by pdf_check (procurement/pdf.h). DOCX and XLSX are ZIP archives (Office Open
 * XML); one passes when all of these hold, read from the archive's own directory with every
 * offset checked against the length before it is used:
 *   - it starts with a local file header (PK\3\4);
 *   - the end-of-central-directory record is found in the last 64 KiB + 22 bytes, on one disk,
 *     not ZIP64, with at most FILES_MAX_ENTRIES entries;
 *   - the central directory lies inside the file before that record, and every entry in it is
 *     whole, has a name, and points at a local file header inside the file;
 *   - no entry is encrypted (general purpose bit 0);
 *   - it names [Content_Types].xml and word/document.xml (DOCX) or xl/workbook.xml (XLSX).
 */
#ifndef INDGANG_FILES_H
#define INDGANG_FILES_H

#include <stddef.h>

/* the largest document accepted: 10 MB (more is answered 413) */
#define FILES_MAX_BYTES (10u * 1024u * 1024u)
/* the most entries a DOCX or XLSX archive may have */
#define FILES_MAX_ENTRIES 10000u

enum files_type { FILES_NONE = 0, FILES_PDF, FILES_DOCX, FILES_XLSX };

/* files_check: the type of data[0..len) into *type, and 0; or ERR_TOOBIG (over
 * FILES_MAX_BYTES) or ERR_INVALID with *why a Danish sentence for the field "file" (a static
 * string). data may be NULL when len is 0. */
int files_check(const unsigned char *data, size_t len, enum files_type *type, const char **why);

/* files_type_key: "pdf", "docx" or "xlsx" (NULL for FILES_NONE); files_type_parse the reverse. */
const char *files_type_key(enum files_type t);
enum files_type files_type_parse(const char *key);
/* files_mime: the MIME type a download of t is served with */
const char *files_mime(enum files_type t);
/* files_type_label: "PDF", "Word" or "Excel" */
const char *files_type_label(enum files_type t);

#endif
