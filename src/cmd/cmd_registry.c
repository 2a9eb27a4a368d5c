/*
 * cmd_registry.c — indgang registry import|export|stats. Layer: cmd.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../registry/registry.h"
#include "../registry/registry_io.h"
#include "../registry/registry_report.h"
#include "../store/db.h"
#include "cmd.h"

static const char registry_help[] =
	"usage: indgang [--db PATH] registry import FILE.csv [--dry-run]\n"
	"       indgang [--db PATH] registry export [--format csv|json|xlsx] [--kommune KODE]\n"
	"                                           [--kind soev|company|all] [--output FILE]\n"
	"       indgang [--db PATH] registry stats --year Y [--kommuner 740,621,...] [--table 1|2]\n"
	"                                          [--format json|csv|xlsx] [FILE]\n"
	"       indgang [--db PATH] registry reindex\n"
	"       indgang [--db PATH] registry lists\n"
	"       indgang [--db PATH] registry list-add --list services|target_groups --key KEY --label TEXT\n\n"
	"import reads enterprises from a CSV file (comma or semicolon, UTF-8 with or without BOM;\n"
	"columns in docs/registry.md). Every problem is printed as LINE:COLUMN: message and nothing\n"
	"is written unless the whole file is valid; --dry-run only checks. An enterprise with the same\n"
	"CVR, or else the same name in the same municipality, is updated; the rest are created.\n"
	"A valid file is written in short transactions, so a server beside it keeps answering; if\n"
	"writing stops part way (a disk error), the rows written stay and running the same import\n"
	"again finishes it.\n"
	"export writes every enterprise with the import's columns (xlsx needs --output): both kinds,\n"
	"or with --kind only the social-economy enterprises (soev) or the ordinary companies.\n"
	"stats prints Tabel 1 (or 2) as of 31 December of the year, of the social-economy\n"
	"enterprises only (companies never count); xlsx is written to FILE.\n"
	"reindex makes every enterprise's search terms anew (after an upgrade that changes them).\n"
	"lists prints the managed lists of services and target groups; list-add adds to one.\n";

static int write_out(const char *path, const struct buf *b)
{
	FILE *f = path ? fopen(path, "wb") : stdout;
	if (!f)
		return ERR_IO;
	size_t w = fwrite(b->data ? b->data : "", 1, b->len, f);
	int err = w != b->len;
	if (path)
		err |= fclose(f) != 0;
	else
		fflush(f);
	return err ? ERR_IO : 0;
}

static int do_import(struct db *db, struct arena *a, const char *file, bool dry)
{
	struct import_report rep;
	int rc = registry_import_file(db, a, &users_cli, file, dry, &rep);
	if (rc == ERR_IO) {
		fprintf(stderr, "indgang registry import: cannot read %s\n", file);
		return EXIT_FAIL;
	}
	for (int i = 0; i < rep.nproblems; i++)
		fprintf(stderr, "%d:%d: %s\n", rep.problems[i].line, rep.problems[i].col,
		        rep.problems[i].message);
	if (rep.truncated)
		fprintf(stderr, "(only the first %d problems are shown)\n", IMPORT_MAX_PROBLEMS);
	if (rc == ERR_INVALID) {
		fprintf(stderr, "indgang registry import: %s has %d problem%s; nothing was written\n", file,
		        rep.nproblems, rep.nproblems == 1 ? "" : "s");
		return EXIT_FAIL;
	}
	if (rc && rep.committed) {
		/* the import writes in slices (registry_io.c): those committed stay */
		fprintf(stderr, "indgang registry import: %s after the first %d rows were written; "
		        "import the same file again to finish (rows are matched by CVR, else by name "
		        "and municipality)\n", err_str(rc), rep.committed);
		return EXIT_FAIL;
	}
	if (rc) {
		fprintf(stderr, "indgang registry import: %s; nothing was written\n", err_str(rc));
		return EXIT_FAIL;
	}
	printf("%s%d rows: %d created, %d updated, %d unchanged\n", dry ? "dry run, nothing written: " : "",
	       rep.rows, rep.created, rep.updated, rep.unchanged);
	return EXIT_OK;
}

/* registry lists / registry list-add */
static int registry_lists(const struct cmd_ctx *ctx, const char *verb, const char *list_name,
                          const char *key, const char *label)
{
	bool add = !strcmp(verb, "list-add");
	if (add && (!list_name || (strcmp(list_name, "services") && strcmp(list_name, "target_groups"))))
		return cmd_usage_error("registry", "--list must be services or target_groups");
	if (add && (!key || !label))
		return cmd_usage_error("registry", "list-add needs --key and --label");
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int rc = EXIT_OK;
	if (add) {
		struct errs errs = {0};
		int r = registry_option_add(db, &a, &users_cli, !strcmp(list_name, "target_groups"), key, label, &errs);
		for (int i = 0; i < errs.n; i++)
			fprintf(stderr, "indgang registry list-add: %s: %s\n", errs.e[i].field, errs.e[i].message);
		if (r) {
			if (!errs.n)
				fprintf(stderr, "indgang registry list-add: %s\n", err_str(r));
			rc = EXIT_FAIL;
		}
	} else {
		for (int t = 0; t < 2; t++) {
			struct option_kv *opts;
			int n;
			if (registry_options(db, &a, t == 1, &opts, &n) != 0) {
				rc = EXIT_FAIL;
				break;
			}
			for (int i = 0; i < n; i++)
				printf("%s\t%s\t%s\n", t ? "target_groups" : "services", opts[i].key, opts[i].label);
		}
	}
	arena_free(&a);
	db_close(db);
	return rc;
}

/* indgang registry reindex: every enterprise's search terms made anew */
static int registry_reindex_cmd(const struct cmd_ctx *ctx)
{
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int count = 0;
	int rc = registry_reindex(db, &a, &users_cli, &count);
	if (rc == 0)
		printf("%d enterprises reindexed\n", count);
	else
		fprintf(stderr, "indgang registry reindex: failed after %d enterprises\n", count);
	arena_free(&a);
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

int cmd_registry(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"dry-run", no_argument, NULL, 'n'},
		{"format", required_argument, NULL, 'f'},
		{"kommune", required_argument, NULL, 'k'},
		{"kommuner", required_argument, NULL, 'K'},
		{"kind", required_argument, NULL, 'K' + 256},
		{"output", required_argument, NULL, 'o'},
		{"year", required_argument, NULL, 'y'},
		{"table", required_argument, NULL, 't'},
		{"list", required_argument, NULL, 'L'},
		{"key", required_argument, NULL, 'k' + 256},
		{"label", required_argument, NULL, 'l' + 256},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(registry_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	const char *verb = argv[1], *format = NULL, *kommune = NULL, *kommuner = NULL, *output = NULL;
	const char *list_name = NULL, *key = NULL, *label = NULL, *kind = NULL;
	bool dry = false;
	long long year = 0, table = 1;
	int o;
	optind = 0;
	while ((o = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'n': dry = true; break;
		case 'f': format = optarg; break;
		case 'k': kommune = optarg; break;
		case 'K': kommuner = optarg; break;
		case 'K' + 256: kind = optarg; break;
		case 'o': output = optarg; break;
		case 'y':
			if (text_parse_int(optarg, 1900, 2200, &year) != 0)
				return cmd_usage_error("registry", "--year wants a year such as 2015");
			break;
		case 't':
			if (text_parse_int(optarg, 1, 2, &table) != 0)
				return cmd_usage_error("registry", "--table wants 1 or 2");
			break;
		case 'L': list_name = optarg; break;
		case 'k' + 256: key = optarg; break;
		case 'l' + 256: label = optarg; break;
		case 'h': fputs(registry_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("registry", "unknown option");
		}
	}
	int rest = argc - 1 - optind; /* positional arguments after the verb */
	char **pos = argv + 1 + optind;
	bool import = !strcmp(verb, "import"), export = !strcmp(verb, "export"),
	     stats = !strcmp(verb, "stats");
	if (!strcmp(verb, "lists") || !strcmp(verb, "list-add"))
		return registry_lists(ctx, verb, list_name, key, label);
	if (!strcmp(verb, "reindex"))
		return rest ? cmd_usage_error("registry", "reindex takes no argument") : registry_reindex_cmd(ctx);
	if (!import && !export && !stats)
		return cmd_usage_error("registry", "the verb must be import, export, stats, reindex, lists or list-add");
	if (import && rest != 1)
		return cmd_usage_error("registry", "import wants one CSV file");
	if (!format)
		format = stats ? "json" : "csv";
	if (strcmp(format, "json") && strcmp(format, "csv") && strcmp(format, "xlsx"))
		return cmd_usage_error("registry", "--format must be json, csv or xlsx");
	if (stats && !year)
		return cmd_usage_error("registry", "stats needs --year");
	if (stats && rest == 1)
		output = pos[0];
	else if (!import && rest > 0)
		return cmd_usage_error("registry", "unexpected argument");
	if (!strcmp(format, "xlsx") && !output)
		return cmd_usage_error("registry", "xlsx is written to a file: give FILE or --output");
	if (kommune && !text_is_digits(kommune, 3))
		return cmd_usage_error("registry", "--kommune wants a three-digit code");
	if (kind && strcmp(kind, "all") && !registry_kind_valid(kind))
		return cmd_usage_error("registry", "--kind must be soev, company or all");
	if (kind && !export)
		return cmd_usage_error("registry", "--kind is an option of export");
	if (kind && !strcmp(kind, "all"))
		kind = NULL;
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	struct buf out;
	buf_init(&out, 1024u * 1024 * 1024);
	int rc = EXIT_OK;
	if (import) {
		rc = do_import(db, &a, pos[0], dry);
	} else if (export) {
		enum export_format f = !strcmp(format, "json") ? EXPORT_JSON
		                       : !strcmp(format, "xlsx") ? EXPORT_XLSX : EXPORT_CSV;
		if (registry_export(db, &a, kommune, kind, f, &out) != 0 || write_out(output, &out) != 0) {
			fprintf(stderr, "indgang registry export: could not write the export\n");
			rc = EXIT_FAIL;
		}
	} else {
		const char *bad = NULL;
		const char **list = registry_parse_kommuner(&a, kommuner, &bad);
		struct tabel1_row *rows, sum;
		struct tabel2_row *t2;
		int n, n2, t2_total;
		if (bad) {
			fprintf(stderr, "indgang registry stats: '%s' is not a three-digit municipality code\n", bad);
			rc = EXIT_USAGE;
		} else if (registry_tabel1(db, &a, (int)year, list, &rows, &n, &sum) != 0 ||
		           registry_tabel2(db, &a, (int)year, list, &t2, &n2, &t2_total) != 0) {
			fprintf(stderr, "indgang registry stats: cannot compute the statistics\n");
			rc = EXIT_FAIL;
		} else {
			/* the command line's CSV is for machines: commas, English keys */
			struct csv_out w;
			csv_out_begin(&w, &out, ',', false);
			if (!strcmp(format, "xlsx"))
				registry_tables_xlsx(&out, (int)year, rows, n, &sum, t2, n2, t2_total);
			else if (table == 2 && !strcmp(format, "json"))
				registry_tabel2_json(&out, (int)year, t2, n2, t2_total);
			else if (table == 2)
				registry_tabel2_csv(&w, t2, n2, t2_total, false);
			else if (!strcmp(format, "json"))
				registry_tabel1_json(&out, (int)year, rows, n, &sum);
			else
				registry_tabel1_csv(&w, (int)year, rows, n, &sum, false);
			if (!strcmp(format, "json"))
				buf_putc(&out, '\n');
			if (write_out(output, &out) != 0) {
				fprintf(stderr, "indgang registry stats: cannot write %s\n", output ? output : "the output");
				rc = EXIT_FAIL;
			}
		}
	}
	buf_free(&out);
	arena_free(&a);
	db_close(db);
	return rc;
}
