/*
 * pdf.h — whether a file is a PDF, judged by its bytes and never by its name or declared type:
 * the check a bid's documents pass before they are stored.
 * Layer: capability domain (procurement); pure (no database, no allocation), fuzzed in
 * tests/fuzz/fuzz_pdf.c. It never parses or renders the document: the server only stores the
 * bytes and hands them back as a download.
 *
 * A file passes when all of these hold:
 *   - it is 1 byte .. PDF_MAX_BYTES long (more is PDF_TOO_BIG, answered 413);
 *   - a header "%PDF-1.0" .. "%PDF-1.7" or "%PDF-2.0" starts within its first 1024 bytes;
 *   - "%%EOF" is within its last 1024 bytes, with "startxref" before it in that tail;
 *   - it has a cross-reference table ("xref" and "trailer") or a cross-reference stream
 *     (a name /XRef);
 *   - no name /Encrypt: an encrypted document is refused, since the evaluation committee must
 *     be able to open it without a password;
 *   - no name /JavaScript, /JS or /Launch: actions that run code or programs are refused.
 * Names are compared after decoding #xx escapes (/J#61vaScript is /JavaScript). Names inside
 * compressed object streams are not seen; that is why the document is only ever stored and
 * served as an attachment, never shown inline.
 */
#ifndef INDGANG_PDF_H
#define INDGANG_PDF_H

#include <stddef.h>

/* the largest document accepted: 10 MB */
#define PDF_MAX_BYTES (10u * 1024u * 1024u)

enum pdf_result {
	PDF_OK = 0,
	PDF_EMPTY,      /* no bytes */
	PDF_TOO_BIG,    /* over PDF_MAX_BYTES */
	PDF_NO_HEADER,  /* no %PDF-1.x / %PDF-2.0 in the first 1024 bytes */
	PDF_NO_EOF,     /* no %%EOF (with startxref before it) near the end: cut off */
	PDF_NO_XREF,    /* neither a cross-reference table nor a cross-reference stream */
	PDF_ENCRYPTED,  /* an /Encrypt dictionary */
	PDF_ACTIVE,     /* a /JavaScript, /JS or /Launch action */
};

/* pdf_check: the verdict on data[0..len) (data may be NULL when len is 0). */
enum pdf_result pdf_check(const unsigned char *data, size_t len);

/* pdf_message: a Danish sentence for a verdict other than PDF_OK, for the field "document". */
const char *pdf_message(enum pdf_result r);

#endif
