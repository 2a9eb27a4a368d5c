/*
 * cmd_strategies.c — indgang strategies report: a strategy's report for the committee, its
 * goals counted on a day, as HTML (a page of its own, for print), XLSX or JSON. Layer: cmd:
 * parses options, calls the collab domain, writes; no SQL and no rules. The command line is
 * the operator's, who holds the database: counts of people are exact here.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../collab/strategies.h"
#include "../collab/strategies_report.h"
#include "../store/db.h"
#include "../view/html.h"
#include "cmd.h"

static const char strategies_help[] =
	"usage: indgang [--db PATH] strategies report --id N [--format html|xlsx|json]\n"
	"                                              [--date YYYY-MM-DD] [--output FILE]\n\n"
	"report writes strategy N's report for the committee: every goal with its baseline, value,\n"
	"target, deadline, progress and whether it is on track, counted from Indgang's data on\n"
	"--date (default today), with the monthly values beside the straight line to the target.\n"
	"html is a page of its own to print, xlsx a workbook (sheets Mål and Måneder), json the\n"
	"same members as GET /api/v1/strategies/N. The output goes to --output or standard output.\n";

/* the report of s as a standalone HTML page into o */
static void html_page(struct buf *o, struct arena *a, const struct strategy *s,
                      const struct goal_status *gs, int n, const char *day)
{
	html(o, "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n");
	htmlf(o, "<title>Statusrapport: %s</title>\n", s->title);
	html(o, "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
	        "table{border-collapse:collapse}th,td{border:1px solid #999;padding:.25rem .5rem;"
	        "text-align:left}</style>\n</head>\n<body>\n<main>\n");
	htmlf(o, "<h1>Statusrapport: %s</h1>\n", s->title);
	strategies_report_html(o, a, s, gs, n, day);
	html(o, "</main>\n</body>\n</html>\n");
}

int cmd_strategies(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"id", required_argument, NULL, 'i'},
		{"format", required_argument, NULL, 'f'},
		{"date", required_argument, NULL, 'd'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(strategies_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	if (strcmp(argv[1], "report") != 0)
		return cmd_usage_error("strategies", "the command is report");
	const char *format = "html", *date = NULL, *output = NULL;
	long long id = 0;
	optind = 2;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'i':
			if (text_parse_int(optarg, 1, INT64_MAX, &id) != 0)
				return cmd_usage_error("strategies", "--id must be a strategy's number");
			break;
		case 'f':
			format = optarg;
			break;
		case 'd':
			date = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			fputs(strategies_help, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error("strategies", "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error("strategies", "too many arguments");
	if (!id)
		return cmd_usage_error("strategies", "report needs --id");
	if (strcmp(format, "html") && strcmp(format, "xlsx") && strcmp(format, "json"))
		return cmd_usage_error("strategies", "--format is html, xlsx or json");
	if (date && !text_date_valid(date))
		return cmd_usage_error("strategies", "--date must be YYYY-MM-DD");
	char today[11];
	if (!date) {
		text_today(today);
		date = today;
	}
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	struct buf out;
	buf_init(&out, 0);
	int status = EXIT_OK;
	struct strategy s;
	struct goal_status *gs;
	int n;
	int rc = strategies_load_all(db, &a, (int64_t)id, date, &s, &gs, &n);
	if (rc == 0) {
		if (!strcmp(format, "xlsx"))
			rc = strategies_report_xlsx(&out, &a, &s, gs, n, date);
		else if (!strcmp(format, "json")) {
			strategies_report_json(&out, &a, &s, gs, n, date);
			buf_putc(&out, '\n');
		}
		else
			html_page(&out, &a, &s, gs, n, date);
	}
	if (rc == 0 && out.failed)
		rc = ERR_NOMEM;
	if (rc) {
		fprintf(stderr, "indgang strategies report: %s\n",
		        rc == ERR_NOTFOUND ? "no such strategy" : err_str(rc));
		status = EXIT_FAIL;
	}
	else {
		FILE *f = output ? fopen(output, "wb") : stdout;
		if (!f || fwrite(buf_str(&out), 1, out.len, f) != out.len || (output && fclose(f) != 0)) {
			fprintf(stderr, "indgang strategies report: cannot write %s\n", output ? output : "the output");
			status = EXIT_FAIL;
		}
	}
	buf_free(&out);
	arena_free(&a);
	db_close(db);
	return status;
}
