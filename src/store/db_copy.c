/*
 * db_copy.c — copying a whole database into another (db_copy.h).
 * Layer: store. Statements about the catalog are literals in both dialects; the statements that
 * read and write a table are made here of the table's and its columns' names (see db_copy.h),
 * kept in the arena until both connections are closed by the caller, so that the statement
 * caches, which know a statement by its text's address, never see one address twice.
 */
#include "db_copy.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "db.h"
#include "db_backend.h"

struct table {
	const char *name;
	const char **cols;
	int ncols;
	const char **parents; /* the tables its foreign keys name in to */
	int nparents;
	bool placed;
};

#define MAX_TABLES 256
#define MAX_COLUMNS 64

/* a name of the schema's own: lower-case letters, digits and _ (every table and column is) */
static bool plain_name(const char *s)
{
	if (!s || !*s || strlen(s) > 63)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* the tables of db that hold data: not the migrations' bookkeeping, not SQLite's own tables
 * nor the shadow tables behind an FTS5 table, nor a PostgreSQL table its migration marks
 * "derived:" (kept by triggers from the others, as the search's totals); virtual (FTS5) tables
 * flagged */
static int list_tables(struct db *db, struct arena *a, const char **names, bool *virt, int *n)
{
	struct db_stmt *s = db_prepare2(
		db,
		"SELECT t.name, t.sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_schema t"
		" WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.name <> 'schema_migrations'"
		" AND NOT EXISTS (SELECT 1 FROM sqlite_schema v WHERE v.type = 'table'"
		"  AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name IN (v.name || '_data',"
		"  v.name || '_idx', v.name || '_content', v.name || '_docsize', v.name || '_config'))"
		" ORDER BY t.name",
		"SELECT c.relname, false FROM pg_class c"
		" WHERE c.relnamespace = CAST(current_schema() AS regnamespace) AND c.relkind = 'r'"
		" AND c.relname <> 'schema_migrations'"
		" AND coalesce(obj_description(c.oid, 'pg_class'), '') NOT LIKE 'derived:%'"
		" ORDER BY c.relname");
	if (!s)
		return ERR_DB;
	int rc;
	*n = 0;
	while ((rc = db_step(s)) == DB_ROW) {
		if (*n >= MAX_TABLES) {
			db_done(s);
			return ERR_NOMEM;
		}
		names[*n] = db_col_dup(a, s, 0);
		virt[*n] = db_col_int(s, 1) != 0;
		(*n)++;
	}
	db_done(s);
	return rc == DB_DONE ? 0 : ERR_DB;
}

/* the columns of table t in db that a copy writes (not PostgreSQL's generated ones); an FTS5
 * table's rowid first, which keeps each row's key */
static int list_columns(struct db *db, struct arena *a, const char *t, bool virt, struct table *out)
{
	struct db_stmt *s = db_prepare2(
		db, "SELECT name FROM pragma_table_info(:t) ORDER BY cid",
		"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
		" AND table_name = :t AND is_generated = 'NEVER' ORDER BY ordinal_position");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":t", t) != 0) {
		db_done(s);
		return ERR_DB;
	}
	out->cols = arena_alloc(a, sizeof(*out->cols) * (MAX_COLUMNS + 1));
	out->ncols = 0;
	if (virt)
		out->cols[out->ncols++] = "rowid";
	int rc;
	while ((rc = db_step(s)) == DB_ROW && out->ncols < MAX_COLUMNS)
		out->cols[out->ncols++] = db_col_dup(a, s, 0);
	db_done(s);
	return rc == DB_DONE || rc == DB_ROW ? (rc == DB_ROW ? ERR_NOMEM : 0) : ERR_DB;
}

/* the tables t's foreign keys refer to, in db */
static int list_parents(struct db *db, struct arena *a, struct table *t)
{
	struct db_stmt *s = db_prepare2(
		db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(:t)",
		"SELECT DISTINCT p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
		" JOIN pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f' AND c.relname = :t"
		" AND c.relnamespace = CAST(current_schema() AS regnamespace)");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":t", t->name) != 0) {
		db_done(s);
		return ERR_DB;
	}
	t->parents = arena_alloc(a, sizeof(*t->parents) * MAX_TABLES);
	t->nparents = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW && t->nparents < MAX_TABLES)
		t->parents[t->nparents++] = db_col_dup(a, s, 0);
	db_done(s);
	return rc == DB_DONE ? 0 : ERR_DB;
}

/* t is named by another table's foreign key */
static bool referred(const struct table *t, int n, const struct table *x)
{
	for (int i = 0; i < n; i++)
		for (int p = 0; p < t[i].nparents; p++)
			if (&t[i] != x && strcmp(t[i].parents[p], x->name) == 0)
				return true;
	return false;
}

/* order: parents before the tables that refer to them (a cycle, which the schema has none of,
 * would be left in name order), and the tables no key joins to any other (the registry's
 * version, which triggers raise while the others are written) last, so they end as the
 * source has them */
static void order_tables(struct table *t, int n, struct table **out)
{
	int k = 0;
	bool moved = true;
	while (k < n && moved) {
		moved = false;
		for (int i = 0; i < n; i++) {
			if (t[i].placed || (t[i].nparents == 0 && !referred(t, n, &t[i])))
				continue;
			bool ready = true;
			for (int p = 0; p < t[i].nparents && ready; p++)
				for (int j = 0; j < n; j++)
					if (j != i && !t[j].placed && strcmp(t[j].name, t[i].parents[p]) == 0)
						ready = false;
			if (ready) {
				t[i].placed = true;
				out[k++] = &t[i];
				moved = true;
			}
		}
	}
	for (int i = 0; i < n; i++)
		if (!t[i].placed)
			out[k++] = &t[i];
}

static bool same_columns(const struct table *x, const struct table *y)
{
	if (x->ncols != y->ncols)
		return false;
	for (int i = 0; i < x->ncols; i++) {
		bool found = false;
		for (int j = 0; j < y->ncols && !found; j++)
			found = strcmp(x->cols[i], y->cols[j]) == 0;
		if (!found)
			return false;
	}
	return true;
}

/* the statements of one table, made of its names (all checked by plain_name): before, the
 * quoted column names apart by commas, after; owned by a */
static char *table_sql(struct arena *a, const struct table *t, const char *before, const char *after)
{
	struct buf b;
	buf_init(&b, 0);
	buf_puts(&b, before);
	for (int i = 0; i < t->ncols; i++)
		buf_printf(&b, "%s\"%s\"", i ? ", " : "", t->cols[i]);
	buf_puts(&b, after);
	char *r = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return r;
}

static char *select_sql(struct arena *a, const struct table *t)
{
	return table_sql(a, t, "SELECT ", arena_printf(a, " FROM \"%s\"", t->name));
}

static char *insert_sql(struct arena *a, const struct table *t)
{
	struct buf v;
	buf_init(&v, 0);
	buf_puts(&v, ") VALUES (");
	for (int i = 0; i < t->ncols; i++)
		buf_printf(&v, "%s:c%d", i ? ", " : "", i);
	buf_puts(&v, ")");
	char *r = table_sql(a, t, arena_printf(a, "INSERT INTO \"%s\" (", t->name), buf_str(&v));
	buf_free(&v);
	return r;
}

/* runs a statement made here without results: 0 or its error */
static int run_made(struct db *db, const char *sql)
{
	struct db_stmt *s = db_prepare_literal(db, sql);
	return db_run(s, 0);
}

static int count_rows(struct db *db, struct arena *a, const char *table, int64_t *n)
{
	struct db_stmt *s = db_prepare_literal(db, arena_printf(a, "SELECT count(*) FROM \"%s\"", table));
	if (!s)
		return ERR_DB;
	int rc = db_step(s);
	*n = rc == DB_ROW ? db_col_int(s, 0) : -1;
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

/* every row of t from one connection into the other, each value as the kind it is */
static int copy_rows(struct db *from, struct db *to, struct arena *a, const struct table *t)
{
	struct db_stmt *r = db_prepare_literal(from, select_sql(a, t));
	if (!r)
		return ERR_DB;
	const char *ins = insert_sql(a, t);
	char names[MAX_COLUMNS][16];
	for (int i = 0; i < t->ncols; i++)
		snprintf(names[i], sizeof(names[i]), ":c%d", i);
	int rc, ok = 0;
	while (ok == 0 && (rc = db_step(r)) == DB_ROW) {
		struct db_stmt *w = db_prepare_literal(to, ins);
		if (!w) {
			ok = ERR_DB;
			break;
		}
		int b = 0;
		for (int i = 0; i < t->ncols; i++) {
			int len;
			const void *p;
			switch (db_col_kind(r, i)) {
			case DB_NULL:
				b |= db_bind_null(w, names[i]);
				break;
			case DB_INT:
				b |= db_bind_int(w, names[i], db_col_int(r, i));
				break;
			case DB_BLOB:
				p = db_col_blob(r, i, &len);
				b |= db_bind_blob(w, names[i], p, len);
				break;
			default: /* text, and a real number in its exact text */
				b |= db_bind_text(w, names[i], db_col_text(r, i));
				break;
			}
		}
		ok = db_run(w, b);
	}
	db_done(r);
	if (ok)
		return ok;
	return rc == DB_DONE ? 0 : ERR_DB;
}

/* COPY's text format (PostgreSQL): a row is its values apart by tabs, ended by a newline; NULL
 * is \N; a backslash, tab, newline and carriage return in a text are escaped; bytes are \\x and
 * their hex digits (the backslash itself escaped) */
static void copy_text(struct buf *b, const char *p, int len)
{
	int from = 0;
	for (int i = 0; i < len; i++) {
		char c = p[i], e = c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : 0;
		if (!e)
			continue;
		buf_append(b, p + from, (size_t)(i - from));
		buf_putc(b, '\\');
		buf_putc(b, e);
		from = i + 1;
	}
	buf_append(b, p + from, (size_t)(len - from));
}

static void copy_bytes(struct buf *b, const unsigned char *p, int len)
{
	static const char hex[] = "0123456789abcdef";
	buf_puts(b, "\\\\x");
	for (int i = 0; i < len; i++) {
		buf_putc(b, hex[p[i] >> 4]);
		buf_putc(b, hex[p[i] & 15]);
	}
}

/* the rows sent to the server this many bytes at a time */
#define COPY_CHUNK (256 * 1024)
/* the most one row may take in COPY's text: SQLite's largest value (db_sqlite.c's limit), as hex */
#define COPY_ROW_MAX (2u * 32 * 1000 * 1000 + 1024 * 1024)

/* every row of t from one connection into the other through the destination's bulk load:
 * thousands of rows per round trip instead of one */
static int copy_rows_bulk(struct db *from, struct db *to, struct arena *a, const struct table *t)
{
	int rc = to->be->copy_begin(to, table_sql(a, t, arena_printf(a, "COPY \"%s\" (", t->name),
	                                          ") FROM STDIN"));
	if (rc)
		return rc;
	struct db_stmt *r = db_prepare_literal(from, select_sql(a, t));
	struct buf b;
	buf_init(&b, COPY_ROW_MAX + COPY_CHUNK);
	int step = r ? DB_ROW : ERR_DB;
	while (rc == 0 && r && (step = db_step(r)) == DB_ROW) {
		for (int i = 0; i < t->ncols; i++) {
			int len;
			const char *p;
			if (i)
				buf_putc(&b, '\t');
			switch (db_col_kind(r, i)) {
			case DB_NULL:
				buf_puts(&b, "\\N");
				break;
			case DB_INT:
				buf_printf(&b, "%lld", (long long)db_col_int(r, i));
				break;
			case DB_BLOB:
				p = db_col_blob(r, i, &len);
				copy_bytes(&b, (const unsigned char *)p, len);
				break;
			default: /* text, and a real number in its exact text */
				p = db_col_text(r, i);
				copy_text(&b, p, (int)strlen(p));
				break;
			}
		}
		buf_putc(&b, '\n');
		if (b.failed)
			rc = ERR_NOMEM;
		else if (b.len >= COPY_CHUNK) {
			rc = to->be->copy_put(to, b.data, b.len);
			buf_reset(&b);
		}
	}
	if (rc == 0 && step != DB_ROW && step != DB_DONE)
		rc = ERR_DB;
	if (rc == 0 && b.len)
		rc = to->be->copy_put(to, b.data, b.len);
	int end = to->be->copy_end(to, rc == 0);
	buf_free(&b);
	db_done(r);
	return rc ? rc : end;
}

/* PostgreSQL: each identity column's sequence set past the largest copied id */
static int pg_sequences(struct db *to, struct arena *a, const struct table *t)
{
	struct db_stmt *s = db_prepare(to, "SELECT column_name FROM information_schema.columns"
	                                   " WHERE table_schema = current_schema() AND table_name = :t"
	                                   " AND is_identity = 'YES'");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":t", t->name) != 0) {
		db_done(s);
		return ERR_DB;
	}
	const char *col = NULL;
	int rc = db_step(s);
	if (rc == DB_ROW)
		col = db_col_dup(a, s, 0);
	db_done(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return ERR_DB;
	if (!col)
		return 0;
	if (!plain_name(col))
		return ERR_CONFLICT;
	struct db_stmt *v = db_prepare_literal(
		to, arena_printf(a, "SELECT setval(pg_get_serial_sequence(:t, :c),"
		                    " coalesce(max(\"%s\"), 0) + 1, false) FROM \"%s\"", col, t->name));
	if (!v)
		return ERR_DB;
	int b = db_bind_text(v, ":t", arena_printf(a, "\"%s\"", t->name)) | db_bind_text(v, ":c", col);
	rc = b ? ERR_DB : db_step(v);
	db_done(v);
	return rc == DB_ROW ? 0 : ERR_DB;
}

/* to holds no data of its own yet */
static int empty(struct db *to, char *why, size_t n)
{
	struct db_stmt *s = db_prepare(to, "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM audit)");
	if (!s)
		return ERR_DB;
	int rc = db_step(s);
	int64_t k = rc == DB_ROW ? db_col_int(s, 0) : -1;
	db_done(s);
	if (rc != DB_ROW)
		return ERR_DB;
	if (k != 0) {
		snprintf(why, n, "the destination is not empty: it has users or an audit log already");
		return ERR_CONFLICT;
	}
	return 0;
}

/* reads both catalogs into tables (from's tables, each found in to with the same columns) */
static int read_schema(struct db *from, struct db *to, struct arena *a, struct table *tables,
                       int *ntables, char *why, size_t n)
{
	const char **fn = arena_alloc(a, sizeof(*fn) * MAX_TABLES), **tn = arena_alloc(a, sizeof(*tn) * MAX_TABLES);
	bool fv[MAX_TABLES], tv[MAX_TABLES];
	int nf = 0, nt = 0;
	int rc = list_tables(from, a, fn, fv, &nf);
	if (rc == 0)
		rc = list_tables(to, a, tn, tv, &nt);
	if (rc)
		return rc;
	if (nf != nt) {
		snprintf(why, n, "the databases have different tables (%d and %d)", nf, nt);
		return ERR_CONFLICT;
	}
	for (int i = 0; i < nf; i++) {
		int j = 0;
		while (j < nt && strcmp(fn[i], tn[j]) != 0)
			j++;
		if (j == nt || !plain_name(fn[i])) {
			snprintf(why, n, "the table %s is not in the destination", fn[i]);
			return ERR_CONFLICT;
		}
		struct table other = {0};
		tables[i] = (struct table){.name = fn[i]};
		if ((rc = list_columns(from, a, fn[i], fv[i], &tables[i])) != 0 ||
		    (rc = list_columns(to, a, tn[j], tv[j], &other)) != 0 ||
		    (rc = list_parents(to, a, &tables[i])) != 0)
			return rc;
		bool plain = true;
		for (int c = 0; c < tables[i].ncols; c++)
			plain = plain && plain_name(tables[i].cols[c]);
		if (!plain || !same_columns(&tables[i], &other)) {
			snprintf(why, n, "the table %s has other columns in the destination", fn[i]);
			return ERR_CONFLICT;
		}
	}
	*ntables = nf;
	return 0;
}

int db_copy(struct db *from, struct db *to, struct arena *a, struct db_copy_report *rep, char *why,
            size_t n)
{
	snprintf(why, n, "database error (see the log)");
	rep->tables = NULL;
	rep->n = 0;
	int vf = db_schema_version(from), vt = db_schema_version(to);
	if (vf != vt) {
		snprintf(why, n, "the source is at schema version %d, the destination at %d: migrate the "
		         "source first (indgang --db SOURCE migrate)", vf, vt);
		return ERR_INVALID;
	}
	struct table *tables = arena_alloc(a, sizeof(*tables) * MAX_TABLES);
	struct table **order = arena_alloc(a, sizeof(*order) * MAX_TABLES);
	int nt = 0;
	int rc = read_schema(from, to, a, tables, &nt, why, n);
	if (rc)
		return rc;
	order_tables(tables, nt, order);
	if ((rc = db_write_begin(to)) != 0)
		return rc;
	if ((rc = empty(to, why, n)) != 0)
		return db_write_end(to, rc);
	/* what the migrations put in (the municipalities, the managed lists) makes way for from's:
	 * children first */
	for (int i = nt - 1; i >= 0 && rc == 0; i--)
		rc = run_made(to, arena_printf(a, "DELETE FROM \"%s\"", order[i]->name));
	rep->tables = arena_alloc(a, sizeof(*rep->tables) * (size_t)nt);
	for (int i = 0; i < nt && rc == 0; i++) {
		rc = to->be->copy_begin ? copy_rows_bulk(from, to, a, order[i])
		                        : copy_rows(from, to, a, order[i]);
		if (rc == 0 && db_postgres(to))
			rc = pg_sequences(to, a, order[i]);
		if (rc)
			snprintf(why, n, "copying the table %s failed (see the log)", order[i]->name);
	}
	bool differ = false;
	for (int i = 0; i < nt && rc == 0; i++) {
		struct db_copy_table *c = &rep->tables[rep->n++];
		c->name = order[i]->name;
		rc = count_rows(from, a, c->name, &c->from_rows);
		if (rc == 0)
			rc = count_rows(to, a, c->name, &c->to_rows);
		if (rc == 0 && c->from_rows != c->to_rows && !differ) {
			differ = true;
			snprintf(why, n, "the table %s has %lld rows in the source and %lld in the copy",
			         c->name, (long long)c->from_rows, (long long)c->to_rows);
		}
	}
	if (rc == 0 && differ)
		rc = ERR_INVALID;
	return db_write_end(to, rc);
}
