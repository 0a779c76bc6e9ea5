/* harness.h - the tiny C test harness: TEST(name) functions registered in a table,
 * CHECK macros that count failures, and a main that prints "N passed, N failed".
 * One binary per module; tests/run.sh adds the totals up. */
#ifndef SCOPT_TEST_HARNESS_H
#define SCOPT_TEST_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int harness_failed_checks;

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "  %s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);     \
            harness_failed_checks++;                                                       \
        }                                                                                  \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                                 \
    do {                                                                                   \
        long long _a = (long long)(a), _b = (long long)(b);                                \
        if (_a != _b) {                                                                    \
            fprintf(stderr, "  %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, _a, _b); \
            harness_failed_checks++;                                                       \
        }                                                                                  \
    } while (0)

#define CHECK_STR(a, b)                                                                    \
    do {                                                                                   \
        const char *_a = (a), *_b = (b);                                                   \
        if (strcmp(_a ? _a : "(null)", _b)) {                                              \
            fprintf(stderr, "  %s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, _a, _b); \
            harness_failed_checks++;                                                       \
        }                                                                                  \
    } while (0)

/* relative (or absolute near 0) closeness */
#define CHECK_NEAR(a, b, rel)                                                              \
    do {                                                                                   \
        double _a = (a), _b = (b);                                                         \
        if (!(fabs(_a - _b) <= (rel) * fmax(1.0, fabs(_b)))) {                             \
            fprintf(stderr, "  %s:%d: %s == %.10g, expected %.10g (rel %g)\n", __FILE__, __LINE__, #a, _a, _b, (double)(rel)); \
            harness_failed_checks++;                                                   \
        }                                                                                  \
    } while (0)

typedef struct { const char *name; void (*fn)(void); } harness_test;

#define TEST(name) static void name(void)

static int harness_run(const harness_test *tests, int n, const char *suite)
{
    int passed = 0, failed = 0;
    for (int k = 0; k < n; k++) {
        int before = harness_failed_checks;
        tests[k].fn();
        if (harness_failed_checks == before) passed++;
        else { failed++; fprintf(stderr, "FAIL %s: %s\n", suite, tests[k].name); }
    }
    printf("%s: %d passed, %d failed\n", suite, passed, failed);
    return failed ? 1 : 0;
}

#define HARNESS_MAIN(suite, ...)                                                           \
    int main(void)                                                                         \
    {                                                                                      \
        static const harness_test tests[] = {__VA_ARGS__};                                 \
        return harness_run(tests, (int)(sizeof tests / sizeof tests[0]), suite);           \
    }
#define T(fn) {#fn, fn}

#endif
