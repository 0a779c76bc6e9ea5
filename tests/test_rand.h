/* test_rand.h - test helper: a small deterministic random number generator (64-bit LCG, the top
 * 53 bits as a double in [0, 1)), so that generated test inputs are the same on every machine. */
#ifndef SCOPT_TEST_RAND_H
#define SCOPT_TEST_RAND_H

typedef struct { unsigned long long s; } lcg;

static inline double urand(lcg *r)
{
    r->s = r->s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(r->s >> 11) * (1.0 / 9007199254740992.0);
}

#endif
