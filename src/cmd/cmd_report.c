/*
 * cmd_report.c — indgang report: the yearly report (the 2015 report's chapter 3 for a year and a
 * survey round) as HTML, XLSX or JSON. Layer: cmd. The command line acts as the national
 * administrator (users_cli).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../http/assets.h"
#include "../reports/reports.h"
#include "../reports/reports_html.h"
#include "../reports/reports_text_da.h"
#include "../store/db.h"
#include "../view/html.h"
#include "cmd.h"

static const char report_help[] =
	"usage: indgang [--db PATH] report --year YEAR --survey CODE --round ROUND [--compare ROUND]\n"
	"                                  [--format html|xlsx|json] [--output FILE]\n\n"
	"The yearly report: the 2015 report's chapter 3 regenerated for YEAR and a round of a survey.\n"
	"Tabel 1 comes from the registry (31 December of YEAR, for the municipalities that answered\n"
	"the round, with their total a year before), Tabel 2 onwards from the survey's answers, and\n"
	"beside Tabel 2, 4 and 12 the same figures counted from the registry, the placements (1 and 2\n"
	"shown as <3) and the advisory sessions. --compare ROUND puts a second round of the survey\n"
	"beside the first.\n"
	"--format json (the default) is one document whose \"tables\" hold Tabel 1 and every table\n"
	"of the survey; html a page that prints each table on its own page; xlsx a workbook with one\n"
	"sheet per table, written to --output FILE (required for xlsx; the others go to standard\n"
	"output without it). docs/reports.md describes every member.\n";

/* standalone_html: the report as a page of its own, with the program's stylesheet inline (a
 * file read without the server has no /static/) */
static void standalone_html(struct buf *out, struct arena *a, const struct yearly *y)
{
	html(out, "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
	          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	htmlf(out, "<title>%s %d · %s · Indgang</title>\n", REP_YEARLY_TITLE, y->year, y->s.title);
	const struct asset *css = assets_find("app.css");
	if (css) {
		/* the stylesheet is the program's own, compiled in: written as it is */
		html(out, "<style>\n");
		buf_append(out, (const char *)css->data, css->len);
		html(out, "</style>\n");
	}
	htmlf(out, "</head>\n<body>\n<main id=\"main\">\n<h1>%s %d</h1>\n", REP_YEARLY_TITLE, y->year);
	reports_yearly_html(out, a, y, false);
	html(out, "</main>\n</body>\n</html>\n");
}

int cmd_report(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"year", required_argument, NULL, 'y'},
		{"survey", required_argument, NULL, 's'},
		{"round", required_argument, NULL, 'r'},
		{"compare", required_argument, NULL, 'c'},
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *year_s = NULL, *survey = NULL, *round = NULL, *compare = NULL, *format = "json",
	           *output = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'y': year_s = optarg; break;
		case 's': survey = optarg; break;
		case 'r': round = optarg; break;
		case 'c': compare = optarg; break;
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'h': fputs(report_help, stdout); return EXIT_OK;
		default: return cmd_usage_error("report", "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error("report", "unexpected argument");
	long long year;
	if (!year_s || text_parse_int(year_s, 1900, 2200, &year) != 0)
		return cmd_usage_error("report", "give --year YEAR, a year such as 2015");
	if (!survey || !round)
		return cmd_usage_error("report", "give --survey CODE and --round ROUND");
	bool json = !strcmp(format, "json"), xlsx = !strcmp(format, "xlsx");
	if (!json && !xlsx && strcmp(format, "html"))
		return cmd_usage_error("report", "--format must be html, xlsx or json");
	if (xlsx && !output)
		return cmd_usage_error("report", "xlsx is written to a file: give --output FILE");
	struct db *db;
	if (cmd_open_db(ctx, &db) != 0)
		return EXIT_FAIL;
	struct arena a;
	arena_init(&a, 0);
	struct buf out;
	buf_init(&out, 256u * 1024 * 1024);
	int rc = EXIT_OK;
	static struct yearly y; /* large; its reports point into it */
	const char *missing;
	int drc = reports_yearly(db, &a, &users_cli, (int)year, survey, round, compare, &y, &missing);
	if (drc == ERR_NOTFOUND && missing) {
		if (!strcmp(missing, "survey"))
			fprintf(stderr, "indgang report: no survey '%s'; define it with 'indgang survey define'\n", survey);
		else
			fprintf(stderr, "indgang report: survey %s has no round '%s'\n", survey,
			        !strcmp(missing, "round") ? round : compare);
		rc = EXIT_FAIL;
	} else if (drc) {
		fprintf(stderr, "indgang report: cannot compute the report: %s\n", err_str(drc));
		rc = EXIT_FAIL;
	} else if (json) {
		reports_yearly_json(&out, &y);
		buf_putc(&out, '\n');
	} else if (xlsx) {
		if (reports_yearly_xlsx(&out, &a, &y) != 0) {
			fprintf(stderr, "indgang report: cannot write the workbook\n");
			rc = EXIT_FAIL;
		}
	} else {
		standalone_html(&out, &a, &y);
	}
	if (rc == EXIT_OK) {
		FILE *f = output ? fopen(output, "wb") : stdout;
		if (!f || fwrite(buf_str(&out), 1, out.len, f) != out.len) {
			fprintf(stderr, "indgang report: cannot write %s\n", output ? output : "the output");
			rc = EXIT_FAIL;
		}
		if (f && output && fclose(f) != 0 && rc == EXIT_OK) {
			fprintf(stderr, "indgang report: cannot write %s\n", output);
			rc = EXIT_FAIL;
		}
	}
	buf_free(&out);
	arena_free(&a);
	db_close(db);
	return rc;
}
