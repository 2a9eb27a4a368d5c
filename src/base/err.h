/*
 * err.h — the project's error codes.
 * Layer: base (libc only). Every function that can fail returns 0 or one of these negatives.
 */
#ifndef INDGANG_ERR_H
#define INDGANG_ERR_H

enum {
	ERR_OK = 0,
	ERR_NOMEM = -1,     /* allocation failed or a size cap was reached */
	ERR_DB = -2,        /* the store failed; already logged */
	ERR_NOTFOUND = -3,  /* no such row */
	ERR_CONFLICT = -4,  /* unique key taken, or state does not allow it */
	ERR_INVALID = -5,   /* input failed validation; field errors say where */
	ERR_FORBIDDEN = -6, /* the caller may not do this */
	ERR_IO = -7,        /* file or socket error */
	ERR_BUSY = -8,      /* try again later (throttled) */
	ERR_AUTH = -9,      /* not signed in or wrong credentials */
	ERR_TOOBIG = -10,   /* input over its size limit */
	ERR_UNAVAILABLE = -11, /* overloaded this moment; retry in a second (not the caller's fault) */
};

/* err_str: a short English description of code, for logs. Never NULL. */
const char *err_str(int code);

#endif
