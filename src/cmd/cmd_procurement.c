/*
 * cmd_procurement.c — indgang procurement spend|remind: spend with social-economy enterprises
 * for a year (per municipality, enterprise or service), and the reminders of voluntary
 * purchase agreements that end soon (run daily by tools/indgang-remind.service). Layer: cmd:
 * parses options, calls the procurement domain, prints; no SQL and no rules.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../procurement/agreements.h"
#include "../procurement/spend.h"
#include "../store/db.h"
#include "cmd.h"

static const char procurement_help[] =
	"usage: indgang [--db PATH] procurement spend --year Y [--kommune KODE] [--by kommune|enterprise|service]\n"
	"                                             [--format json|csv|xlsx] [--output FILE | FILE]\n"
	"       indgang [--db PATH] procurement remind [--date YYYY-MM-DD] [--days N]\n\n"
	"spend prints the purchases of the year from social-economy enterprises (kind soev; ordinary\n"
	"companies do not count), summed per municipality (default), enterprise or service, with\n"
	"exact amounts ex. VAT (\"12345.00\"). xlsx is written to a file.\n"
	"remind puts a reminder in the outbox for every active purchase agreement that ends within\n"
	"--days (default 60) of --date (default today) and has not been reminded since its end date\n"
	"was set, to the agreement's contact and to the user who made it, and prints how many\n"
	"agreements it reminded. A renewed end date is reminded again. Run it daily.\n";

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

static int do_spend(struct db *db, struct arena *a, int year, const char *kommune, enum spend_by by,
                    const char *format, const char *output)
{
	struct spend_row *rows, total;
	int n;
	int rc = spend_rows(db, a, NULL, true, year, kommune, by, &rows, &n, &total);
	if (rc) {
		fprintf(stderr, "indgang procurement spend: cannot sum the purchases (%s)\n", err_str(rc));
		return EXIT_FAIL;
	}
	struct buf out;
	buf_init(&out, 64u * 1024 * 1024);
	if (!strcmp(format, "xlsx"))
		rc = spend_xlsx(&out, year, by, rows, n, &total);
	else if (!strcmp(format, "csv")) {
		struct csv_out w;
		csv_out_begin(&w, &out, ',', false);
		spend_csv(&w, true, by, rows, n, &total);
	} else {
		spend_json(&out, year, kommune, by, rows, n, &total);
		buf_putc(&out, '\n');
	}
	if (rc == 0 && (out.failed || write_out(output, &out) != 0))
		rc = ERR_IO;
	buf_free(&out);
	if (rc) {
		fprintf(stderr, "indgang procurement spend: cannot write %s\n", output ? output : "the output");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static int do_remind(struct db *db, struct arena *a, const char *day, int days)
{
	int queued = 0;
	int rc = agreements_remind(db, a, day, days, &queued);
	if (rc) {
		fprintf(stderr, "indgang procurement remind: nothing was queued (%s)\n", err_str(rc));
		return EXIT_FAIL;
	}
	printf("%d agreement%s reminded\n", queued, queued == 1 ? "" : "s");
	return EXIT_OK;
}

int cmd_procurement(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"year", required_argument, NULL, 'y'},
		{"kommune", required_argument, NULL, 'k'},
		{"by", required_argument, NULL, 'b'},
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"date", required_argument, NULL, 'd'},
		{"days", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(procurement_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	const char *verb = argv[1], *kommune = NULL, *format = "json", *output = NULL, *date = NULL;
	const char *by_text = NULL;
	long long year = 0, days = 60;
	int o;
	optind = 0;
	while ((o = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'y':
			if (text_parse_int(optarg, 1900, 2200, &year) != 0)
				return cmd_usage_error("procurement", "--year wants a year such as 2015");
			break;
		case 'k': kommune = optarg; break;
		case 'b': by_text = optarg; break;
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'd': date = optarg; break;
		case 'n':
			if (text_parse_int(optarg, 0, 3650, &days) != 0)
				return cmd_usage_error("procurement", "--days wants a number of days from 0 to 3650");
			break;
		case 'h': fputs(procurement_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("procurement", "unknown option");
		}
	}
	int rest = argc - 1 - optind;
	char **pos = argv + 1 + optind;
	bool spend = !strcmp(verb, "spend"), remind = !strcmp(verb, "remind");
	enum spend_by by = SPEND_KOMMUNE;
	if (!spend && !remind)
		return cmd_usage_error("procurement", "the verb must be spend or remind");
	if (spend) {
		if (!year)
			return cmd_usage_error("procurement", "spend needs --year");
		if (strcmp(format, "json") && strcmp(format, "csv") && strcmp(format, "xlsx"))
			return cmd_usage_error("procurement", "--format must be json, csv or xlsx");
		if (kommune && !text_is_digits(kommune, 3))
			return cmd_usage_error("procurement", "--kommune wants a three-digit code");
		if (!spend_by_parse(by_text, &by))
			return cmd_usage_error("procurement", "--by must be kommune, enterprise or service");
		if (rest == 1 && !output)
			output = pos[0];
		else if (rest > 0)
			return cmd_usage_error("procurement", "unexpected argument");
		if (!strcmp(format, "xlsx") && !output)
			return cmd_usage_error("procurement", "xlsx is written to a file: give FILE or --output");
	} else {
		if (rest > 0)
			return cmd_usage_error("procurement", "remind takes no argument");
		if (date && !text_date_valid(date))
			return cmd_usage_error("procurement", "--date wants a date such as 2026-03-02");
	}
	char today[11];
	text_today(today);
	struct db *db;
	int orc = remind ? cmd_open_job(ctx, "procurement remind", &db) : cmd_open_db(ctx, &db) ? EXIT_FAIL : 0;
	if (orc)
		return orc == CMD_ELSEWHERE ? EXIT_OK : EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	int rc = spend ? do_spend(db, &a, (int)year, kommune, by, format, output)
	               : do_remind(db, &a, date ? date : today, (int)days);
	arena_free(&a);
	db_close(db);
	return rc;
}
