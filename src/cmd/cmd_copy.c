/*
 * cmd_copy.c — indgang copy: a SQLite database into an empty PostgreSQL one, or back.
 * Layer: cmd: parses options, opens both databases, calls db_copy and prints its counts.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"
#include "../store/db_copy.h"
#include "cmd.h"

static const char copy_help[] =
	"usage: indgang copy --from SOURCE --to DESTINATION\n\n"
	"Copies every table of SOURCE into DESTINATION, each a SQLite file or a postgresql:// URI:\n"
	"a SQLite database into an empty PostgreSQL database, or back into a new SQLite file.\n"
	"DESTINATION is migrated first and must hold no data yet (no user, no audit row); SOURCE is\n"
	"only read and must be at the program's schema version (indgang --db SOURCE migrate).\n"
	"The copy is one transaction of DESTINATION; afterwards every table's rows are counted in\n"
	"both, printed, and the copy is kept only when every count agrees. Stop the servers of\n"
	"SOURCE first, so that nothing changes while it is read.\n";

static const struct option copy_options[] = {
	{"from", required_argument, NULL, 'f'},
	{"to", required_argument, NULL, 't'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* opens path; a SQLite source must exist already (opening would make an empty one) */
static int open_one(const char *path, bool source, struct db **db)
{
	char name[300];
	db_describe(path, name, sizeof(name));
	if (source && !db_is_postgres(path) && access(path, R_OK) != 0) {
		fprintf(stderr, "indgang copy: the source %s does not exist or cannot be read\n", name);
		return EXIT_FAIL;
	}
	if (db_open(path, db) != 0) {
		if (!db_is_postgres(path))
			fprintf(stderr, "indgang copy: cannot open %s\n", name);
		return EXIT_FAIL;
	}
	if (!source && db_migrate(*db, NULL) != 0) {
		fprintf(stderr, "indgang copy: cannot make the tables in %s; see the error above\n", name);
		db_close(*db);
		return EXIT_FAIL;
	}
	return 0;
}

int cmd_copy(const struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	const char *from = NULL, *to = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", copy_options, NULL)) != -1) {
		switch (c) {
		case 'f':
			from = optarg;
			break;
		case 't':
			to = optarg;
			break;
		case 'h':
			fputs(copy_help, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error("copy", "unknown option");
		}
	}
	if (optind != argc || !from || !to)
		return cmd_usage_error("copy", "give --from SOURCE and --to DESTINATION");
	if (strcmp(from, to) == 0)
		return cmd_usage_error("copy", "SOURCE and DESTINATION are the same");
	struct db *src = NULL, *dst = NULL;
	if (open_one(from, true, &src) != 0)
		return EXIT_FAIL;
	if (open_one(to, false, &dst) != 0) {
		db_close(src);
		return EXIT_FAIL;
	}
	struct arena a;
	arena_init(&a, 0);
	struct db_copy_report rep;
	char why[300];
	int rc = db_copy(src, dst, &a, &rep, why, sizeof(why));
	/* the statements db_copy made live in the arena: the connections go first */
	db_close(src);
	db_close(dst);
	if (rep.n > 0) {
		printf("%-32s %12s %12s\n", "table", "source", "copy");
		for (int i = 0; i < rep.n; i++)
			printf("%-32s %12lld %12lld%s\n", rep.tables[i].name, (long long)rep.tables[i].from_rows,
			       (long long)rep.tables[i].to_rows,
			       rep.tables[i].from_rows == rep.tables[i].to_rows ? "" : "  differs");
	}
	if (rc == 0) {
		char name[300];
		db_describe(to, name, sizeof(name));
		printf("copied %d tables into %s; every count agrees\n", rep.n, name);
	} else {
		fprintf(stderr, "indgang copy: %s; nothing was copied\n", why);
	}
	arena_free(&a);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
