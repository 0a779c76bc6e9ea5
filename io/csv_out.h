/* csv_out.h - writing CSV cells: RFC 4180 quoting where needed, numbers with %.9g after
 * cleaning solver noise (docs/plan.md "Numbers"), ISO dates of periods. */
#ifndef SCOPT_CSV_OUT_H
#define SCOPT_CSV_OUT_H

#include <stdio.h>

void csv_text(FILE *f, const char *s);          /* quoted when needed */
void csv_num(FILE *f, double v);                /* cleaned, %.9g */
void csv_sep(FILE *f);                          /* "," */
void csv_end(FILE *f);                          /* "\n" */
/* ISO date of period t: start + (t-1)*days; buf of 16 */
int period_date(const char *start, int days, int t, char *buf);

#endif
