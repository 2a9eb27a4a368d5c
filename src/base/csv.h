/*
 * csv.h — a CSV reader for files as a Danish Excel writes them: comma or semicolon delimiter
 * (detected from the header line), UTF-8 with or without a BOM, CRLF or LF line ends, quoted
 * fields with "" for a quote and line breaks inside quotes.
 * Layer: base (libc only). Reads from memory; every record knows the line it started on, so
 * errors can name LINE:COLUMN (column = the 1-based field number).
 */
#ifndef INDGANG_CSV_H
#define INDGANG_CSV_H

#include <stddef.h>

struct arena;

#define CSV_MAX_FIELDS 256
#define CSV_MAX_FIELD 65536

struct csv {
	const char *p, *end;
	char delim;
	int line;          /* the line the next record starts on */
	const char *error; /* set when a record is malformed: what is wrong */
	int error_line, error_col;
};

struct csv_record {
	int line;             /* 1-based line the record starts on */
	int n;                /* number of fields */
	char *f[CSV_MAX_FIELDS];
};

/* csv_open: prepares to read data[0..len): skips a UTF-8 BOM and detects the delimiter from the
 * first line (the one of ';' and ',' that occurs more often outside quotes; ',' on a tie). */
void csv_open(struct csv *c, const char *data, size_t len);
/* csv_next: reads the next record into *rec (fields owned by a). Returns 1 for a record, 0 at
 * the end, -1 on a malformed record (c->error, c->error_line, c->error_col say what and where;
 * reading cannot continue). Blank lines are skipped. An apostrophe in front of a formula's
 * first character (see csv_write_field) is taken off. */
int csv_next(struct csv *c, struct arena *a, struct csv_record *rec);
/* csv_field_ok: the text of a field is valid UTF-8 (else a caller reports it). */
int csv_field_ok(const char *s);

/* csv_write_field: appends s quoted as needed for delim to the caller's buffer writer. A text
 * that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
 * return, and is not a plain number) is written with a leading apostrophe, as OWASP advises
 * against CSV injection; csv_next takes such an apostrophe off again, so our own files read
 * back as they were written. */
struct buf;
void csv_write_field(struct buf *o, const char *s, char delim);

#endif
