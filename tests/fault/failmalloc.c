/* failmalloc.c - LD_PRELOAD shim for allocation-failure tests: the FAIL_AT-th call of
 * malloc/calloc/realloc (counted from 1) returns NULL, and every later call too when
 * FAIL_STICKY is set. Only for tests/sh/alloc_failure.sh. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static long counter, fail_at = -1;
static int sticky, ready;

static int should_fail(void)
{
    if (!ready) {
        const char *a = getenv("FAIL_AT"), *s = getenv("FAIL_STICKY");
        fail_at = a ? atol(a) : -1;
        sticky = s && *s == '1';
        ready = 1;
    }
    long n = ++counter;
    return fail_at > 0 && (n == fail_at || (sticky && n > fail_at));
}

void *malloc(size_t n) { return should_fail() ? NULL : __libc_malloc(n); }
void *calloc(size_t a, size_t b) { return should_fail() ? NULL : __libc_calloc(a, b); }
void *realloc(void *p, size_t n) { return should_fail() ? NULL : __libc_realloc(p, n); }
