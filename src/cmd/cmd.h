/*
 * cmd.h — the command-line verbs: indgang [--db PATH] [--key-file PATH] COMMAND [OPTIONS].
 * Layer: cmd. Each verb group is one file; each verb parses its own options with getopt_long,
 * answers --help, and returns the exit status: 0 success, 1 runtime error, 2 usage error.
 * Errors go to stderr as one line that says what to do.
 */
#ifndef INDGANG_CMD_H
#define INDGANG_CMD_H

#include <stdbool.h>

struct buf;
struct db;

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

struct cmd_ctx {
	const char *db_path;  /* --db, else INDGANG_DB, else "indgang.db" */
	const char *key_file; /* --key-file, else INDGANG_KEY_FILE, else NULL: no key file */
	const char *prog;     /* argv[0] for messages */
};

/* cmd_open_db: opens the database and applies pending migrations; on failure prints why and
 * returns nonzero. */
int cmd_open_db(const struct cmd_ctx *ctx, struct db **out);
/* cmd_after_migrate: what must follow a migration in the program (the registry's search terms
 * made anew when a migration asked for it); 0 or an ERR_ code, the error printed. */
int cmd_after_migrate(struct db *db);
/* cmd_open_job: cmd_open_db for a periodic job (the daily reminders) that one server at a time
 * runs: 0 with the database open and the job's lock held (db_job_lock), CMD_ELSEWHERE when
 * another server runs the job now (a line says so; the caller exits with EXIT_OK and does
 * nothing), EXIT_FAIL when the database cannot be opened. */
enum { CMD_ELSEWHERE = -1 };
int cmd_open_job(const struct cmd_ctx *ctx, const char *job, struct db **out);
/* cmd_load_keys: loads the key file of the CPR numbers (ctx->key_file) into the key ring
 * (cpr.h), before any thread starts. Without a key file: 0 when not required, else prints
 * that one is needed and returns EXIT_USAGE. A key file that cannot be read or is malformed:
 * prints why as one line (the file's path and "line N: ..."; never a key) and returns
 * EXIT_FAIL. 0 when loaded. */
int cmd_load_keys(const struct cmd_ctx *ctx, bool required);
/* cmd_env: the INDGANG_<name> environment value, or dflt. */
const char *cmd_env(const char *name, const char *dflt);
/* cmd_usage_error: prints "indgang COMMAND: message; try 'indgang COMMAND --help'" and
 * returns EXIT_USAGE. */
int cmd_usage_error(const char *command, const char *message);
/* cmd_read_secret: the first line of stdin without its newline, into out (size n). */
int cmd_read_secret(char *out, int n);

int cmd_serve(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_migrate(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_demo(const struct cmd_ctx *ctx, int argc, char **argv);
/* demo_employment: the openings, citizens and placements of the demo (cmd_demo_employment.c);
 * nothing when citizens exist, or without a key file. 0 or an ERR_ code (the cause printed). */
struct arena;
int demo_employment(struct db *db, struct arena *a);
/* demo_catalogue: the catalogue's products and pictures of the demo (cmd_demo_catalogue.c);
 * nothing when the catalogue has products. 0 or an ERR_ code (the cause printed). */
int demo_catalogue(struct db *db, struct arena *a);
/* demo_purchasing: Slagelse's agreements, purchases of 2015 and Silkeborg's canteen lease
 * (cmd_demo_purchasing.c); nothing when agreements exist. 0 or an ERR_ code (cause printed). */
int demo_purchasing(struct db *db, struct arena *a);
/* indgang procurement spend|remind (cmd_procurement.c) */
int cmd_procurement(const struct cmd_ctx *ctx, int argc, char **argv);
/* demo_tenders: the tenders of the demo (cmd_demo_tenders.c): Kolding's library tender,
 * awarded, and Albertslund's café tender, open; nothing when tenders exist. 0 or an ERR_ code
 * (the cause printed). */
int demo_tenders(struct db *db, struct arena *a);
/* demo_networks: Silkeborg's company network and the grant pool's national network with their
 * meetings (cmd_demo_networks.c); nothing when networks exist. 0 or an ERR_ code. */
int demo_networks(struct db *db, struct arena *a);
/* demo_strategies: the strategies of Silkeborg, Kolding and Slagelse with their goals
 * (cmd_demo_strategies.c); nothing when strategies exist. 0 or an ERR_ code. */
int demo_strategies(struct db *db, struct arena *a);
/* cmd_strategies: indgang strategies report (cmd_strategies.c) */
int cmd_strategies(const struct cmd_ctx *ctx, int argc, char **argv);
/* demo_funding: the 2015 grant pool with grants and a payment, and a handful of funding sources
 * (cmd_demo_funding.c); nothing when pools exist. 0 or an ERR_ code (the cause printed). */
int demo_funding(struct db *db, struct arena *a);
/* cmd_networks: indgang networks remind|stats (cmd_networks.c) */
int cmd_networks(const struct cmd_ctx *ctx, int argc, char **argv);
/* partnership agreements: demo_partnerships, Jammerbugt's agreement of May 2015
 * (cmd_demo_partnerships.c), nothing when agreements exist, 0 or an ERR_ code; cmd_partnerships,
 * indgang partnerships remind (cmd_partnerships.c) */
int demo_partnerships(struct db *db, struct arena *a);
int cmd_partnerships(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_user(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_token(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_backup(const struct cmd_ctx *ctx, int argc, char **argv);
/* indgang copy --from SOURCE --to DESTINATION (cmd_copy.c) */
int cmd_copy(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_audit(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_registry(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_survey(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_report(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_mail(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_employment(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_routes(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_citizens(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_inquiries(const struct cmd_ctx *ctx, int argc, char **argv);
int cmd_key(const struct cmd_ctx *ctx, int argc, char **argv);
/* outreach: indgang outreach remind (cmd_outreach.c); demo_outreach: the outreach part of the
 * demo, after demo_employment (cmd_demo_outreach.c): nothing when leads exist. 0 or an ERR_. */
int cmd_outreach(const struct cmd_ctx *ctx, int argc, char **argv);
int demo_outreach(struct db *db, struct arena *a);
/* events and the guidance library (cmd_events.c, cmd_demo_events.c) */
int cmd_events(const struct cmd_ctx *ctx, int argc, char **argv);
/* demo_events: Kolding's social entrepreneur day with sign-ups and a waiting list, a staff
 * seminar, an award ceremony and guidance documents; nothing when events exist. 0 or ERR_. */
int demo_events(struct db *db, struct arena *a);
/* cmd_read_file: the whole file at path ("-": standard input) into out. 0 or ERR_IO. */
int cmd_read_file(const char *path, struct buf *out);

#endif
