/*
 * files.c — the check of uploaded documents by their content: PDF through procurement/pdf.h,
 * DOCX and XLSX by reading the ZIP archive's central directory, bounded, with every offset
 * checked against the length. Layer: capability domain (outreach); pure.
 */
#include "files.h"

#include <stdint.h>
#include <string.h>

#include "../base/err.h"
#include "../procurement/pdf.h"

#define EOCD_SIZE 22u
#define CDH_SIZE 46u   /* a central directory file header without its name, extra, comment */
#define LFH_SIZE 30u   /* a local file header without its name and extra */
#define MAX_COMMENT 65535u

static uint32_t le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* whether name[0..n) is the string s */
static int named(const unsigned char *name, size_t n, const char *s)
{
	return strlen(s) == n && memcmp(name, s, n) == 0;
}

static const char NOT_OFFICE[] = "Filen er en ZIP-fil, men ikke et Word- eller Excel-dokument "
                                 "(DOCX eller XLSX).";
static const char BROKEN_ZIP[] = "Filen er beskadiget: dens indholdsfortegnelse (ZIP) passer "
                                 "ikke med filens længde. Gem dokumentet igen og prøv på ny.";

/* the ZIP check of a DOCX or XLSX file */
static int check_zip(const unsigned char *d, size_t len, enum files_type *type, const char **why)
{
	*why = BROKEN_ZIP;
	if (len < LFH_SIZE + EOCD_SIZE)
		return ERR_INVALID;
	/* the end-of-central-directory record: the last signature within reach of the end */
	size_t lowest = len - EOCD_SIZE > MAX_COMMENT ? len - EOCD_SIZE - MAX_COMMENT : 0;
	size_t eocd = len - EOCD_SIZE + 1;
	int found = 0;
	while (eocd-- > lowest) {
		if (le32(d + eocd) == 0x06054b50u && eocd + EOCD_SIZE + le16(d + eocd + 20) <= len) {
			found = 1;
			break;
		}
	}
	if (!found)
		return ERR_INVALID;
	uint32_t disk = le16(d + eocd + 4), cd_disk = le16(d + eocd + 6);
	uint32_t on_disk = le16(d + eocd + 8), entries = le16(d + eocd + 10);
	uint32_t cd_size = le32(d + eocd + 12), cd_offset = le32(d + eocd + 16);
	if (disk != 0 || cd_disk != 0 || on_disk != entries || entries == 0xFFFFu ||
	    cd_size == 0xFFFFFFFFu || cd_offset == 0xFFFFFFFFu)
		return ERR_INVALID;
	if (entries > FILES_MAX_ENTRIES) {
		*why = "Filen har for mange dele (over 10.000) til at være et almindeligt dokument.";
		return ERR_INVALID;
	}
	if ((size_t)cd_offset > eocd || (size_t)cd_size > eocd - cd_offset)
		return ERR_INVALID;
	size_t p = cd_offset, end = (size_t)cd_offset + cd_size;
	int content_types = 0, word = 0, excel = 0;
	for (uint32_t i = 0; i < entries; i++) {
		if (end - p < CDH_SIZE || le32(d + p) != 0x02014b50u)
			return ERR_INVALID;
		uint32_t flags = le16(d + p + 8);
		size_t name_len = le16(d + p + 28), extra_len = le16(d + p + 30);
		size_t comment_len = le16(d + p + 32);
		size_t local = le32(d + p + 42);
		size_t whole = CDH_SIZE + name_len + extra_len + comment_len;
		if (name_len == 0 || whole > end - p)
			return ERR_INVALID;
		/* the entry's data lies before the directory */
		if (local > cd_offset || cd_offset - local < LFH_SIZE || le32(d + local) != 0x04034b50u)
			return ERR_INVALID;
		if (flags & 1u) {
			*why = "Filen er krypteret eller beskyttet med adgangskode. Gem den uden "
			       "adgangskode og prøv igen.";
			return ERR_INVALID;
		}
		const unsigned char *name = d + p + CDH_SIZE;
		content_types |= named(name, name_len, "[Content_Types].xml");
		word |= named(name, name_len, "word/document.xml");
		excel |= named(name, name_len, "xl/workbook.xml");
		p += whole;
	}
	*why = NOT_OFFICE;
	if (!content_types || word == excel)
		return ERR_INVALID;
	*type = word ? FILES_DOCX : FILES_XLSX;
	*why = NULL;
	return 0;
}

int files_check(const unsigned char *data, size_t len, enum files_type *type, const char **why)
{
	*type = FILES_NONE;
	if (len > FILES_MAX_BYTES) {
		*why = "Filen er for stor. Den må højst fylde 10 MB.";
		return ERR_TOOBIG;
	}
	if (len == 0 || !data) {
		*why = "Filen er tom.";
		return ERR_INVALID;
	}
	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
		return check_zip(data, len, type, why);
	size_t head = len < 1024 ? len : 1024;
	for (size_t i = 0; i + 5 <= head; i++) {
		if (memcmp(data + i, "%PDF-", 5) != 0)
			continue;
		enum pdf_result r = pdf_check(data, len);
		if (r != PDF_OK) {
			*why = pdf_message(r);
			return r == PDF_TOO_BIG ? ERR_TOOBIG : ERR_INVALID;
		}
		*type = FILES_PDF;
		*why = NULL;
		return 0;
	}
	*why = "Filen er hverken en PDF, et Word-dokument (DOCX) eller et Excel-ark (XLSX), uanset "
	       "hvad den hedder.";
	return ERR_INVALID;
}

const char *files_type_key(enum files_type t)
{
	return t == FILES_PDF ? "pdf" : t == FILES_DOCX ? "docx" : t == FILES_XLSX ? "xlsx" : NULL;
}

enum files_type files_type_parse(const char *key)
{
	if (!key)
		return FILES_NONE;
	return !strcmp(key, "pdf") ? FILES_PDF : !strcmp(key, "docx") ? FILES_DOCX
	                                       : !strcmp(key, "xlsx") ? FILES_XLSX : FILES_NONE;
}

const char *files_mime(enum files_type t)
{
	switch (t) {
	case FILES_PDF: return "application/pdf";
	case FILES_DOCX: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	case FILES_XLSX: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	default: return "application/octet-stream";
	}
}

const char *files_type_label(enum files_type t)
{
	return t == FILES_PDF ? "PDF" : t == FILES_DOCX ? "Word" : t == FILES_XLSX ? "Excel" : "";
}
