/*
 * pdf.c — the content check of a PDF (see pdf.h). Layer: capability domain (procurement), pure.
 * Every scan is bounded by len; nothing is allocated, so a hostile file can cost time linear in
 * its size and nothing else.
 */
#include "pdf.h"

#include <stdbool.h>
#include <string.h>

/* the first occurrence of needle (n bytes) in hay[0..len), or NULL */
static const unsigned char *find(const unsigned char *hay, size_t len, const char *needle, size_t n)
{
	if (n == 0 || len < n)
		return NULL;
	for (size_t i = 0; i + n <= len; i++) {
		const unsigned char *p = memchr(hay + i, needle[0], len - n + 1 - i);
		if (!p)
			return NULL;
		if (memcmp(p, needle, n) == 0)
			return p;
		i = (size_t)(p - hay);
	}
	return NULL;
}

#define FIND(hay, len, lit) find((hay), (len), (lit), sizeof(lit) - 1)

/* whether c ends a PDF name: white space or a delimiter (PDF 32000-1, 7.2.2) */
static bool name_end(unsigned char c)
{
	return c == 0 || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '(' ||
	       c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
	       c == '/' || c == '%';
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* the names the check looks for, as bits */
enum { N_ENCRYPT = 1, N_ACTIVE = 2, N_XREF = 4 };

/* the bits of the names found in data[0..len): each name after a '/' is decoded (#xx) into a
 * short buffer; longer names cannot be one of ours and are skipped */
static int scan_names(const unsigned char *d, size_t len)
{
	int found = 0;
	for (size_t i = 0; i < len; i++) {
		if (d[i] != '/')
			continue;
		char name[16];
		size_t n = 0;
		bool too_long = false;
		size_t k = i + 1;
		while (k < len && !name_end(d[k])) {
			unsigned char c = d[k];
			if (c == '#' && k + 2 < len && hexval(d[k + 1]) >= 0 && hexval(d[k + 2]) >= 0) {
				c = (unsigned char)(hexval(d[k + 1]) * 16 + hexval(d[k + 2]));
				k += 2;
			}
			if (n < sizeof(name) - 1)
				name[n++] = (char)c;
			else
				too_long = true;
			k++;
		}
		name[n] = '\0';
		i = k - 1; /* the loop's i++ lands on the delimiter, which may start the next name */
		if (too_long)
			continue;
		if (!strcmp(name, "Encrypt"))
			found |= N_ENCRYPT;
		else if (!strcmp(name, "JavaScript") || !strcmp(name, "JS") || !strcmp(name, "Launch"))
			found |= N_ACTIVE;
		else if (!strcmp(name, "XRef"))
			found |= N_XREF;
	}
	return found;
}

/* whether a version header "%PDF-1.0".."%PDF-1.7" or "%PDF-2.0" starts in the first 1024 bytes */
static bool has_header(const unsigned char *d, size_t len)
{
	for (size_t i = 0; i < 1024 && i + 8 <= len; i++) {
		const unsigned char *p = d + i;
		if (memcmp(p, "%PDF-", 5) != 0)
			continue;
		if ((p[5] == '1' && p[6] == '.' && p[7] >= '0' && p[7] <= '7') ||
		    (p[5] == '2' && p[6] == '.' && p[7] == '0'))
			return true;
	}
	return false;
}

enum pdf_result pdf_check(const unsigned char *data, size_t len)
{
	if (!data || len == 0)
		return PDF_EMPTY;
	if (len > PDF_MAX_BYTES)
		return PDF_TOO_BIG;
	if (!has_header(data, len))
		return PDF_NO_HEADER;
	size_t tail_len = len < 1024 ? len : 1024;
	const unsigned char *tail = data + len - tail_len;
	const unsigned char *eof = FIND(tail, tail_len, "%%EOF");
	if (!eof)
		return PDF_NO_EOF;
	/* the last %%EOF counts (an updated file has several) */
	for (const unsigned char *next; (next = FIND(eof + 1, tail_len - (size_t)(eof + 1 - tail), "%%EOF"));)
		eof = next;
	if (!FIND(tail, (size_t)(eof - tail), "startxref"))
		return PDF_NO_EOF;
	int names = scan_names(data, len);
	/* a table's keyword starts a line ("startxref" does not count) */
	bool table = (FIND(data, len, "\nxref") || FIND(data, len, "\rxref")) && FIND(data, len, "trailer");
	if (!table && !(names & N_XREF))
		return PDF_NO_XREF;
	if (names & N_ENCRYPT)
		return PDF_ENCRYPTED;
	if (names & N_ACTIVE)
		return PDF_ACTIVE;
	return PDF_OK;
}

const char *pdf_message(enum pdf_result r)
{
	switch (r) {
	case PDF_OK:
		return "";
	case PDF_EMPTY:
		return "Filen er tom. Vælg en PDF-fil.";
	case PDF_TOO_BIG:
		return "Filen er større end 10 MB. Del den op, eller gør den mindre.";
	case PDF_NO_HEADER:
		return "Filen er ikke en PDF-fil. Vælg et PDF-dokument.";
	case PDF_NO_EOF:
		return "PDF-filen er ufuldstændig (afskåret eller beskadiget). Gem den igen, og prøv igen.";
	case PDF_NO_XREF:
		return "PDF-filen er beskadiget (den mangler sin krydsreferencetabel). Gem den igen, og prøv igen.";
	case PDF_ENCRYPTED:
		return "PDF-filen er krypteret eller beskyttet med adgangskode. Vedlæg en PDF uden kryptering.";
	case PDF_ACTIVE:
		return "PDF-filen indeholder JavaScript eller en handling, der starter et program. "
		       "Gem den uden sådanne handlinger (fx med \"Udskriv som PDF\").";
	}
	return "Filen kan ikke bruges.";
}
