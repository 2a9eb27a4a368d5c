/*
 * cmd_routes.c — indgang routes: the route table as text, one route a line. Layer: cmd.
 * Reads only the compiled-in table (src/http/routes.c); opens no database. The HTTP tests read
 * this output to hold every route to an access expectation.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../auth/auth.h"
#include "../http/dispatch.h"
#include "../http/req.h"
#include "../http/router.h"
#include "cmd.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char routes_help[] =
	"usage: indgang routes\n\n"
	"Prints the route table, one route a line, four fields separated by tabs:\n"
	"  methods   GET, POST, PATCH ... joined by ',' (GET also answers HEAD)\n"
	"  pattern   e.g. /brugere/{id:int}\n"
	"  flags     public,api,form,json,personal joined by ',', or '-'\n"
	"  roles     admin,konsulent,jobkonsulent,indkoeber,virksomhed joined by ',', or 'any'\n"
	"            (any signed-in user; with the flag public, anybody)\n"
	"Needs no database.\n";

/* writes the names of the bits set in v, joined by ',', or none when no bit is set */
static void print_bits(unsigned v, const unsigned *bits, const char *const *names, size_t n,
                       const char *none)
{
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		if (!(v & bits[i]))
			continue;
		printf("%s%s", first ? "" : ",", names[i]);
		first = false;
	}
	if (first)
		fputs(none, stdout);
}

/* cmd_routes: indgang routes [--help]. EXIT_OK, or EXIT_USAGE on any argument. */
int cmd_routes(const struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		fputs(routes_help, stdout);
		return EXIT_OK;
	}
	if (argc != 1)
		return cmd_usage_error("routes", "takes no arguments");
	static const unsigned method_bits[] = {M_GET, M_HEAD, M_POST, M_PUT, M_PATCH, M_DELETE};
	static const char *const method_names[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};
	static const unsigned flag_bits[] = {RF_PUBLIC, RF_API, RF_FORM, RF_JSON, RF_PERSONAL};
	static const char *const flag_names[] = {"public", "api", "form", "json", "personal"};
	static const unsigned role_bits[] = {ROLE_ADMIN, ROLE_KONSULENT, ROLE_JOBKONSULENT,
	                                     ROLE_INDKOEBER, ROLE_VIRKSOMHED};
	const char *role_names[COUNT(role_bits)];
	for (size_t i = 0; i < COUNT(role_bits); i++)
		role_names[i] = role_name((enum role)role_bits[i]);
	for (size_t i = 0; i < routes_count; i++) {
		const struct route *rt = &routes[i];
		print_bits(rt->methods, method_bits, method_names, COUNT(method_bits), "-");
		printf("\t%s\t", rt->pattern);
		print_bits(rt->flags, flag_bits, flag_names, COUNT(flag_bits), "-");
		putchar('\t');
		print_bits(rt->roles, role_bits, role_names, COUNT(role_bits), "any");
		putchar('\n');
	}
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}
