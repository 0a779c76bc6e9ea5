/* numparse.c - strict, locale-independent parsing of numeric CSV cells.
 * The whole cell must be a plain decimal number: optional sign, digits with at most one
 * '.', optional exponent. No spaces, thousands separators, hex, "nan" or "inf".
 * Conversion never depends on the process locale (an ERP host may set de_DE). */
#define _GNU_SOURCE
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

static const double pow10_exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Syntax check; on success fills the fast-path parts (mantissa digits as an integer when
 * it has at most 19 significant digits, and the decimal exponent). */
static int scan_number(const char *s, int *neg, uint64_t *mant, int *mant_digits, long *exp10)
{
    const char *p = s;
    int digits = 0, sig = 0, seen_dot = 0;
    uint64_t m = 0;
    long e = 0;
    *neg = 0;
    if (*p == '+' || *p == '-') *neg = (*p++ == '-');
    for (;; p++) {
        if (*p >= '0' && *p <= '9') {
            digits++;
            if (m == 0 && *p == '0') { if (seen_dot) e--; continue; }
            if (sig < 19) { m = m * 10 + (uint64_t)(*p - '0'); sig++; if (seen_dot) e--; }
            else { sig++; if (!seen_dot) e++; }
        } else if (*p == '.' && !seen_dot) {
            seen_dot = 1;
        } else break;
    }
    if (!digits) return -1;
    if (*p == 'e' || *p == 'E') {
        p++;
        int eneg = 0;
        long ev = 0;
        if (*p == '+' || *p == '-') eneg = (*p++ == '-');
        if (!(*p >= '0' && *p <= '9')) return -1;
        for (; *p >= '0' && *p <= '9'; p++) if (ev < 100000) ev = ev * 10 + (*p - '0');
        e += eneg ? -ev : ev;
    }
    if (*p) return -1;
    *mant = m;
    *mant_digits = sig;
    *exp10 = e;
    return 0;
}

num_result parse_double(const char *s, double *out)
{
    int neg, sig;
    uint64_t m;
    long e;
    if (scan_number(s, &neg, &m, &sig, &e)) return NUM_SYNTAX;
    double v;
    if (m == 0) {
        v = 0.0;
    } else if (sig <= 15 && e >= -22 && e <= 22) {
        v = (double)m; /* exact: m < 2^53 */
        v = e < 0 ? v / pow10_exact[-e] : v * pow10_exact[e];
    } else {
        locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
        if (!c) return NUM_SYNTAX;
        char *end;
        errno = 0;
        v = fabs(strtod_l(s, &end, c));
        int bad = (errno == ERANGE && v != 0.0) || !isfinite(v);
        freelocale(c);
        if (bad) return NUM_RANGE;
    }
    *out = neg ? -v : v;
    return NUM_OK;
}

num_result parse_nonneg(const char *s, double *out)
{
    num_result r = parse_double(s, out);
    if (r == NUM_OK && *out < 0) return NUM_NEGATIVE;
    if (r == NUM_OK && *out == 0) *out = 0.0; /* no -0 */
    return r;
}

num_result parse_int_min(const char *s, long min, long *out)
{
    double v;
    num_result r = parse_double(s, &v);
    if (r != NUM_OK) return r;
    if (v != floor(v)) return NUM_NOT_INTEGER;
    if (v < (double)min) return NUM_NEGATIVE;
    if (v > 1e9) return NUM_RANGE;
    *out = (long)v;
    return NUM_OK;
}
