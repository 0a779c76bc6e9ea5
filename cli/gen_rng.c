/* gen_rng.c - counter-based random numbers for `scopt gen`: every draw is a pure function of
 * (seed, tag, a, b, c) through the splitmix64 finaliser, so any row of any table can be
 * recomputed without state and the output does not depend on the order of generation.
 * Only +, *, / and floor are used on doubles, which IEEE 754 makes identical everywhere. */
#include <math.h>
#include "gen.h"

static uint64_t mix64(uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint64_t gen_hash(uint64_t seed, uint64_t tag, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = mix64(seed ^ 0x5c09a1e3d2b7f481ULL);
    h = mix64(h ^ tag);
    h = mix64(h ^ a);
    h = mix64(h ^ (b * 0x2545f4914f6cdd1dULL));
    return mix64(h ^ (c * 0x9e6c63d0676a9a99ULL));
}

double gen_unif(uint64_t h) { return (double)(h >> 11) * (1.0 / 9007199254740992.0); }

double gen_u(const gen_params *p, int tag, long a, long b, long c)
{
    return gen_unif(gen_hash(p->seed, (uint64_t)tag, (uint64_t)a, (uint64_t)b, (uint64_t)c));
}

double gen_range(const gen_params *p, int tag, long a, long b, long c, double lo, double hi)
{
    return lo + (hi - lo) * gen_u(p, tag, a, b, c);
}

int gen_int(const gen_params *p, int tag, long a, long b, long c, int n)
{
    int k = (int)(gen_u(p, tag, a, b, c) * n);
    return k < n ? k : n - 1;
}

/* cos(x): reduce to [-pi, pi], then the Taylor series to x^20 (error < 1e-12 there) */
double gen_cosine(double x)
{
    const double two_pi = 6.283185307179586;
    x -= two_pi * floor(x / two_pi + 0.5);
    double x2 = x * x, term = 1, sum = 1;
    for (int k = 1; k <= 10; k++) {
        term *= -x2 / ((2.0 * k - 1) * (2.0 * k));
        sum += term;
    }
    return sum;
}
