/*
 * fuzz_json.c — libFuzzer target for the validation of JSON request bodies.
 * Layer: tests. Builds a struct req the way server.c does (zeroed, its arena, its output
 * buffer, Content-Type application/json, the input as a NUL-terminated body) and calls
 * api_body_or_reply(). When that refuses the body, the status must be 400 or 415 and the answer
 * must be a valid JSON error object. When it returns an object, the members of a user account
 * are read with api_member() and checked with the same pure validators users_create() uses
 * (text_email_valid, role_parse, auth_password_policy) — no database is opened — and any field
 * errors are answered through api_fail(), whose 422 answer must again be valid JSON naming one
 * of the fields. Run by tests/fuzz/run.sh.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "src/auth/auth.h"
#include "src/base/arena.h"
#include "src/base/buf.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/base/text.h"
#include "src/http/api.h"
#include "src/http/req.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the answer in r->out must be {"error": {"code": "...", "message": "...", "field": ...}};
 * returns the field (NULL for null), owned by the caller as a copy in r->a */
static const char *check_error_body(struct req *r)
{
	json_error_t e;
	FUZZ_CHECK(!r->out.failed, "error answer overflowed its buffer");
	FUZZ_CHECK(utf8_valid(buf_str(&r->out), r->out.len), "error answer is not valid UTF-8");
	json_t *root = json_loadb(buf_str(&r->out), r->out.len, JSON_REJECT_DUPLICATES, &e);
	if (!root)
		fprintf(stderr, "answer: %s\njansson: %s\n", buf_str(&r->out), e.text);
	FUZZ_CHECK(root != NULL, "error answer is not valid JSON");
	json_t *err = json_object_get(root, "error");
	FUZZ_CHECK(json_is_object(err), "error answer lacks the error object");
	FUZZ_CHECK(json_is_string(json_object_get(err, "code")), "error answer lacks a code");
	FUZZ_CHECK(json_is_string(json_object_get(err, "message")), "error answer lacks a message");
	json_t *field = json_object_get(err, "field");
	FUZZ_CHECK(field && (json_is_null(field) || json_is_string(field)), "error field malformed");
	const char *f = json_is_string(field) ? arena_strdup(&r->a, json_string_value(field)) : NULL;
	json_decref(root);
	return f;
}

/* api_member must give NULL for absent or null members, a copy of a string member, and record
 * a field error for any other type */
static const char *member(struct req *r, json_t *body, const char *name)
{
	int before = r->errs.n;
	json_t *v = json_object_get(body, name);
	const char *s = api_member(r, body, name);
	if (json_is_string(v)) {
		FUZZ_CHECK(s != NULL, "string member not returned");
		FUZZ_CHECK(strcmp(s, json_string_value(v)) == 0, "member copy differs");
		FUZZ_CHECK(utf8_valid(s, strlen(s)), "member is not valid UTF-8");
		FUZZ_CHECK(r->errs.n == before, "field error for a string member");
	} else {
		FUZZ_CHECK(s == NULL, "non-string member returned as a string");
		if (v && !json_is_null(v))
			FUZZ_CHECK(r->errs.n == before + 1 || before >= ERRS_MAX, "no field error for a wrong type");
	}
	return s;
}

/* the account rules of users_create() that need no database */
static void validate_user(struct req *r, json_t *body)
{
	const char *email = member(r, body, "email");
	const char *role = member(r, body, "role");
	const char *password = member(r, body, "password");
	const char *name = member(r, body, "name");

	if (!email || !text_email_valid(email)) {
		errs_add(&r->errs, "email", "Skriv en gyldig e-mailadresse, fx navn@kommune.dk.");
	} else {
		const char *at = strchr(email, '@');
		FUZZ_CHECK(at && !strchr(at + 1, '@'), "accepted e-mail without exactly one @");
		FUZZ_CHECK(strlen(email) >= 3 && strlen(email) <= 254, "accepted e-mail of bad length");
	}
	enum role parsed;
	if (role_parse(role, &parsed) != 0) {
		errs_add(&r->errs, "role", "Vælg en rolle.");
	} else {
		FUZZ_CHECK(strcmp(role_name(parsed), role) == 0, "role_parse and role_name disagree");
		FUZZ_CHECK(((unsigned)parsed & ~(unsigned)ROLE_ALL) == 0, "role_parse gave an unknown role");
	}
	const char *why = auth_password_policy(password);
	/* the limits are characters, both ways (and never more than 4 bytes a character) */
	size_t pl = password ? utf8_len(password) : 0;
	FUZZ_CHECK(!why == (password && pl >= AUTH_PASSWORD_MIN && pl <= AUTH_PASSWORD_MAX &&
	                    strlen(password) <= AUTH_PASSWORD_MAX_BYTES),
	           "auth_password_policy disagrees with its limits");
	if (why)
		errs_add(&r->errs, "password", why);
	if (name && utf8_len(name) > 200)
		errs_add(&r->errs, "name", "Navnet må højst være på 200 tegn.");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req r;
	memset(&r, 0, sizeof(r));
	arena_init(&r.a, 64u << 20);
	buf_init(&r.out, 0);
	r.method = M_POST;
	r.method_name = "POST";
	r.path = "/api/v1/kommuner/621/users";
	r.content_type = "application/json";
	r.body = arena_alloc(&r.a, size + 1);
	memcpy(r.body, data, size);
	r.body_len = size;

	json_t *body = api_body_or_reply(&r);
	if (!body) {
		FUZZ_CHECK(r.status == 400 || r.status == 415, "refused body without 400 or 415");
		check_error_body(&r);
		goto done;
	}
	FUZZ_CHECK(json_is_object(body), "api_body_or_reply returned a non-object");
	FUZZ_CHECK(r.status == 0, "accepted body but a reply was written");
	validate_user(&r, body);
	json_decref(body);
	if (r.errs.n) {
		api_fail(&r, ERR_INVALID);
		FUZZ_CHECK(r.status == 422, "field errors not answered with 422");
		const char *f = check_error_body(&r);
		FUZZ_CHECK(f && (!strcmp(f, "email") || !strcmp(f, "role") || !strcmp(f, "password") ||
		                 !strcmp(f, "name")),
		           "422 answer does not name a user field");
	}
done:
	buf_free(&r.out);
	arena_free(&r.a);
	return 0;
}
