/* test_util.c - unit tests of util/: strict number parsing, interning, tuple maps, UTF-8. */
#include <stdlib.h>
#include "harness.h"
#include "util.h"

TEST(numbers_accept_plain_decimals)
{
    double v = -1;
    CHECK(parse_nonneg("12", &v) == NUM_OK && v == 12);
    CHECK(parse_nonneg("0.5", &v) == NUM_OK && v == 0.5);
    CHECK(parse_nonneg(".25", &v) == NUM_OK && v == 0.25);
    CHECK(parse_nonneg("1e3", &v) == NUM_OK && v == 1000);
    CHECK(parse_nonneg("2.5E-2", &v) == NUM_OK && v == 0.025);
    CHECK(parse_nonneg("+7", &v) == NUM_OK && v == 7);
    CHECK(parse_nonneg("0.1", &v) == NUM_OK && v == 0.1);
    CHECK(parse_nonneg("12345678901234567890.5", &v) == NUM_OK && v == 12345678901234567890.5);
    CHECK(parse_nonneg("-0", &v) == NUM_OK && v == 0 && !signbit(v));
}

TEST(numbers_reject_everything_else)
{
    double v;
    const char *bad[] = {"1,5", "NaN", "nan", "inf", "Infinity", "0x10", "1.2.3", "", " 1", "1 ", "e5",
                         "1e", "--1", "1e+", ".", "12abc"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) CHECK(parse_nonneg(bad[k], &v) == NUM_SYNTAX);
    CHECK(parse_nonneg("1e400", &v) == NUM_RANGE);
    CHECK(parse_nonneg("-3", &v) == NUM_NEGATIVE);
    long p;
    CHECK(parse_int_min("2.5", 1, &p) == NUM_NOT_INTEGER);
    CHECK(parse_int_min("0", 1, &p) == NUM_NEGATIVE);
    CHECK(parse_int_min("3", 1, &p) == NUM_OK && p == 3);
    CHECK(parse_int_min("3.0", 1, &p) == NUM_OK && p == 3);
}

TEST(strmap_interns_and_suggests)
{
    strmap m;
    strmap_init(&m);
    char name[32];
    for (int k = 0; k < 5000; k++) {
        snprintf(name, sizeof name, "ITEM_%d", k);
        CHECK_EQ_INT(strmap_intern(&m, name, NULL), k);
    }
    int added = 1;
    CHECK_EQ_INT(strmap_intern(&m, "ITEM_42", &added), 42);
    CHECK_EQ_INT(added, 0);
    CHECK_EQ_INT(strmap_find(&m, "ITEM_4999"), 4999);
    CHECK_EQ_INT(strmap_find(&m, "nope"), -1);
    CHECK_STR(strmap_name(&m, 7), "ITEM_7");
    strmap_free(&m);
    strmap_init(&m);
    strmap_intern(&m, "DC_Seoul", NULL);
    strmap_intern(&m, "DC_Busan", NULL);
    CHECK_STR(strmap_suggest(&m, "DC_Seol"), "DC_Seoul");
    CHECK(strmap_suggest(&m, "Plant_Frankfurt") == NULL);
    strmap_free(&m);
}

TEST(keymap_stores_tuples)
{
    keymap m;
    keymap_init(&m);
    for (int k = 0; k < 20000; k++) CHECK_EQ_INT(keymap_put(&m, k, k % 7, -1, 3, k), -1);
    CHECK_EQ_INT(keymap_put(&m, 5, 5, -1, 3, 99), 5);
    CHECK_EQ_INT(keymap_get(&m, 19999, 19999 % 7, -1, 3), 19999);
    CHECK_EQ_INT(keymap_get(&m, 1, 2, 3, 4), -1);
    keymap_free(&m);
}

TEST(utf8_validation)
{
    CHECK(utf8_valid("K\xc3\xb6ln", 5));
    CHECK(!utf8_valid("K\xf6ln", 4));          /* latin-1 */
    CHECK(!utf8_valid("\xc0\xaf", 2));          /* overlong */
    CHECK(!utf8_valid("\xed\xa0\x80", 3));      /* surrogate */
    CHECK(utf8_valid("\xf0\x9f\x99\x82", 4));
}

HARNESS_MAIN("util", T(numbers_accept_plain_decimals), T(numbers_reject_everything_else),
             T(strmap_interns_and_suggests), T(keymap_stores_tuples), T(utf8_validation))
