/*
 * csv.h — a CSV reader for files as a Danish Excel writes them: comma or semicolon delimiter
 * (detected from the header line), UTF-8 with or without a BOM, CRLF or LF line ends, quoted
 * fields with "" for a quote and line breaks inside quotes; and a writer of such files.
 * Layer: base (libc only). Reads from memory; every record knows the line it started on, so
 * errors can name LINE:COLUMN (column = the 1-based field number).
 */
#ifndef INDGANG_CSV_H
#define INDGANG_CSV_H

#include <stdbool.h>
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

/* csv_write_field: appends s quoted as needed for delim to the caller's buffer writer (also
 * quoted when it holds the other of ',' and ';' and is no number, so a reader that guesses the
 * delimiter from a header line guesses right). A text that a spreadsheet would run as a formula (it starts with
 * =, +, -, @, a tab or a carriage return, and is not a plain number) is written with a leading
 * apostrophe, as OWASP advises against CSV injection; csv_next takes such an apostrophe off
 * again, so our own files read back as they were written. */
struct buf;
void csv_write_field(struct buf *o, const char *s, char delim);

/* ---- writing a file record by record */

/* CSV_BOM: the UTF-8 byte-order mark, without which Excel reads a CSV file as the local code
 * page (æøå broken) */
#define CSV_BOM "\xEF\xBB\xBF"

/* a CSV file being written into a buffer; records end with CRLF */
struct csv_out {
	struct buf *o;
	char delim;  /* ',' or ';' */
	int nfields; /* fields written to the record so far */
};

/* csv_out_begin: starts a file in o (appending) with delim; bom writes CSV_BOM first. */
void csv_out_begin(struct csv_out *w, struct buf *o, char delim, bool bom);
/* csv_out_field: one text field, through csv_write_field (NULL is an empty field). */
void csv_out_field(struct csv_out *w, const char *s);
/* csv_out_int: one whole number. */
void csv_out_int(struct csv_out *w, long long v);
/* csv_out_decimal: one number with up to 15 significant digits; with ';' as delimiter its
 * decimal separator is a comma, as a Danish spreadsheet reads it. */
void csv_out_decimal(struct csv_out *w, double v);
/* csv_out_end: ends the record (a record of no fields is an empty line). */
void csv_out_end(struct csv_out *w);

#endif
