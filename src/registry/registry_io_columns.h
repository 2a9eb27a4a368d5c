/*
 * registry_io_columns.h — the columns of the registry's import and export files (the import's
 * header names, which are also the validation's field names), shared by registry_import.c and
 * registry_io.c. Layer: capability domain (registry), internal to those two files.
 */
#ifndef INDGANG_REGISTRY_IO_COLUMNS_H
#define INDGANG_REGISTRY_IO_COLUMNS_H

enum col {
	C_NAME, C_CVR, C_KOMMUNE, C_KIND, C_PIPELINE, C_ESTABLISHED, C_RSV, C_CLOSED, C_ENTREPRENEUR,
	C_LEGAL_FORM, C_ORIGIN, C_PURPOSES, C_CRITERIA, C_SERVICES, C_TARGETS, C_OTHERS,
	C_CONTACT_NAME, C_CONTACT_EMAIL, C_CONTACT_PHONE, C_ADDRESS, C_WEBSITE, C_DESCRIPTION,
	C_SOURCE, C_COUNT
};

/* header names, by enum col; the validation's field names are the same */
extern const char *const registry_io_columns[C_COUNT];

/* the export's extra column when it is for one municipality: 1 when that is the enterprise's
 * home, 0 when the enterprise works with it from another (other_kommuner); derived, so the
 * import skips it and an export imports as it was */
#define HOME_COLUMN "home"

/* the keys of the criteria column, by bit of enterprise.criteria */
extern const char *const registry_io_criteria[5];

#endif
