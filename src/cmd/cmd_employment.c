/*
 * cmd_employment.c — indgang employment stats|remind: Tabel 4 from data, and the reminders of
 * due follow-ups of placements (run daily by tools/indgang-remind.timer). Layer: cmd: parses
 * options, calls the employment domain, prints; no SQL and no rules.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../employment/employment_stats.h"
#include "../employment/placements.h"
#include "../store/db.h"
#include "cmd.h"

static const char employment_help[] =
	"usage: indgang [--db PATH] employment stats --year Y [--kommune KODE] [--format json|csv|xlsx]\n"
	"                                            [--output FILE | FILE]\n"
	"       indgang [--db PATH] employment remind [--date YYYY-MM-DD]\n\n"
	"stats prints Tabel 4 from data: the placements that began in the year, per municipality of\n"
	"the citizen (ordinary jobs, fleksjob at social-economy enterprises and at companies, other\n"
	"schemes at social-economy enterprises, companies with Inhouse groups). The numbers are\n"
	"exact: whoever runs the command line has the whole database. The API and the page hide\n"
	"counts of 1 and 2 as \"<3\" from the public and other municipalities. xlsx is written to a\n"
	"file.\n"
	"remind puts a reminder in the outbox for every follow-up of a placement that is due (on\n"
	"--date, default today, or before), not held and not yet reminded, to the jobkonsulent who\n"
	"created the placement, and prints how many it queued. Each follow-up is reminded once, so\n"
	"running it again queues nothing new; run it daily (tools/indgang-remind.timer).\n";

/* out to path, or to standard output when path is NULL */
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

/* employment stats: Tabel 4 from data in format to output (NULL: standard output) */
static int do_stats(struct db *db, struct arena *a, int year, const char *kommune,
                    const char *format, const char *output)
{
	struct employment_row *rows, total;
	int n;
	int rc = employment_stats(db, a, year, kommune, true, &rows, &n, &total);
	if (rc == ERR_NOTFOUND) {
		fprintf(stderr, "indgang employment stats: no municipality has the code %s\n", kommune);
		return EXIT_USAGE;
	}
	if (rc) {
		fprintf(stderr, "indgang employment stats: cannot count the placements (%s)\n", err_str(rc));
		return EXIT_FAIL;
	}
	struct buf out;
	buf_init(&out, 64u * 1024 * 1024);
	if (!strcmp(format, "xlsx"))
		rc = employment_stats_xlsx(&out, year, true, rows, n, &total);
	else if (!strcmp(format, "csv")) {
		struct csv_out w;
		csv_out_begin(&w, &out, ',', false);
		employment_stats_csv(&w, false, rows, n, &total);
	}
	else {
		employment_stats_json(&out, year, kommune, true, rows, n, &total);
		buf_putc(&out, '\n');
	}
	if (rc == 0 && (out.failed || write_out(output, &out) != 0))
		rc = ERR_IO;
	buf_free(&out);
	if (rc) {
		fprintf(stderr, "indgang employment stats: cannot write %s\n", output ? output : "the output");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* employment remind: the reminders of the follow-ups due on day */
static int do_remind(struct db *db, struct arena *a, const char *day)
{
	int queued, waiting;
	int rc = placements_remind(db, a, day, &queued, &waiting);
	if (rc) {
		fprintf(stderr, "indgang employment remind: nothing was queued (%s)\n", err_str(rc));
		return EXIT_FAIL;
	}
	printf("%d reminder%s queued", queued, queued == 1 ? "" : "s");
	if (waiting)
		printf(", %d waiting for an active jobkonsulent in their municipality", waiting);
	printf("\n");
	return EXIT_OK;
}

int cmd_employment(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"year", required_argument, NULL, 'y'},
		{"kommune", required_argument, NULL, 'k'},
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"date", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(employment_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	const char *verb = argv[1], *kommune = NULL, *format = "json", *output = NULL, *date = NULL;
	long long year = 0;
	int o;
	optind = 0;
	while ((o = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'y':
			if (text_parse_int(optarg, 1900, 2200, &year) != 0)
				return cmd_usage_error("employment", "--year wants a year such as 2015");
			break;
		case 'k': kommune = optarg; break;
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'd': date = optarg; break;
		case 'h': fputs(employment_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("employment", "unknown option");
		}
	}
	int rest = argc - 1 - optind;
	char **pos = argv + 1 + optind;
	bool stats = !strcmp(verb, "stats"), remind = !strcmp(verb, "remind");
	if (!stats && !remind)
		return cmd_usage_error("employment", "the verb must be stats or remind");
	if (stats) {
		if (!year)
			return cmd_usage_error("employment", "stats needs --year");
		if (strcmp(format, "json") && strcmp(format, "csv") && strcmp(format, "xlsx"))
			return cmd_usage_error("employment", "--format must be json, csv or xlsx");
		if (kommune && !text_is_digits(kommune, 3))
			return cmd_usage_error("employment", "--kommune wants a three-digit code");
		if (rest == 1 && !output)
			output = pos[0];
		else if (rest > 0)
			return cmd_usage_error("employment", "unexpected argument");
		if (!strcmp(format, "xlsx") && !output)
			return cmd_usage_error("employment", "xlsx is written to a file: give FILE or --output");
	} else {
		if (rest > 0)
			return cmd_usage_error("employment", "remind takes no argument");
		if (date && !text_date_valid(date))
			return cmd_usage_error("employment", "--date wants a date such as 2026-03-02");
	}
	char today[11];
	text_today(today);
	struct db *db;
	int orc = remind ? cmd_open_job(ctx, "employment remind", &db) : cmd_open_db(ctx, &db) ? EXIT_FAIL : 0;
	if (orc)
		return orc == CMD_ELSEWHERE ? EXIT_OK : EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int rc = stats ? do_stats(db, &a, (int)year, kommune, format, output)
	               : do_remind(db, &a, date ? date : today);
	arena_free(&a);
	db_close(db);
	return rc;
}
