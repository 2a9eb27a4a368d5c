/*
 * db_pg_sql.c — PostgreSQL's statement text from the stores' literals: named parameters
 * (:kommune) become numbered ones ($1), for db_pg.c.
 * Layer: store. Plain C: it includes no libpq, reads no input but the literal SQL of the
 * program, and runs nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/err.h"
#include "../base/log.h"
#include "db_backend.h"

static bool pg_name_char(char ch, bool first)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' ||
	       (!first && ch >= '0' && ch <= '9');
}

int db_pg_translate(const char *sql, char **text, char *names[], int *nparams)
{
	size_t n = strlen(sql);
	/* "$64" is never longer than ":x" + 1 */
	char *out = malloc(n * 2 + 1);
	if (!out)
		return ERR_NOMEM;
	size_t o = 0;
	const char *p = sql;
	const char *why = NULL;
	while (*p && !why) {
		if (*p == '\'' || *p == '"') {
			char q = *p;
			const char *e = p + 1;
			/* a doubled quote is one quote inside */
			while (*e && !(*e == q && e[1] != q))
				e += *e == q ? 2 : 1;
			if (!*e) {
				why = "an unterminated quote";
				break;
			}
			memcpy(out + o, p, (size_t)(e + 1 - p));
			o += (size_t)(e + 1 - p);
			p = e + 1;
		} else if (p[0] == '-' && p[1] == '-') {
			size_t k = strcspn(p, "\n");
			memcpy(out + o, p, k);
			o += k;
			p += k;
		} else if (p[0] == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");
			if (!e) {
				why = "an unterminated comment";
				break;
			}
			memcpy(out + o, p, (size_t)(e + 2 - p));
			o += (size_t)(e + 2 - p);
			p = e + 2;
		} else if (p[0] == ':' && p[1] == ':') {
			out[o++] = *p++;
			out[o++] = *p++;
		} else if (p[0] == ':' && pg_name_char(p[1], true)) {
			const char *e = p + 1;
			while (pg_name_char(*e, false))
				e++;
			size_t len = (size_t)(e - p);
			int i = 0;
			while (i < *nparams && !(strlen(names[i]) == len &&
			                           memcmp(names[i], p, len) == 0))
				i++;
			if (i == *nparams) {
				if (i == DB_PG_PARAMS) {
					why = "more than 64 parameters";
					break;
				}
				names[i] = strndup(p, len);
				if (!names[i]) {
					why = "no memory";
					break;
				}
				(*nparams)++;
			}
			o += (size_t)snprintf(out + o, 4, "$%d", i + 1);
			p = e;
		} else if (*p == ';') {
			const char *e = p;
			while (*e == ';' || *e == ' ' || *e == '\n' || *e == '\t' || *e == '\r')
				e++;
			if (*e)
				why = "more than one statement";
			break;
		} else {
			out[o++] = *p++;
		}
	}
	out[o] = '\0';
	if (why) {
		log_error("db: refused SQL with %s", why);
		free(out);
		return ERR_DB;
	}
	*text = out;
	return 0;
}
