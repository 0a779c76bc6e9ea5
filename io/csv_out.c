/* csv_out.c - see csv_out.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "csv_out.h"
#include "plan.h"

void csv_text(FILE *f, const char *s)
{
    size_t n = strlen(s);
    int quote = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (const char *p = s; *p && !quote; p++) quote = *p == ',' || *p == '"' || *p == '\n' || *p == '\r';
    if (!quote) { fputs(s, f); return; }
    fputc('"', f);
    for (const char *p = s; *p; p++) {
        if (*p == '"') fputc('"', f);
        fputc(*p, f);
    }
    fputc('"', f);
}

void csv_num(FILE *f, double v) { fprintf(f, "%.9g", clean_value(v) + 0.0); }
void csv_sep(FILE *f) { fputc(',', f); }
void csv_end(FILE *f) { fputc('\n', f); }

/* days since 1970-01-01 of a civil date, and back (proleptic Gregorian) */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int period_date(const char *start, int days, int t, char *buf)
{
    int y, m, d;
    if (!start[0] || days <= 0 || sscanf(start, "%d-%d-%d", &y, &m, &d) != 3) return -1;
    civil_from_days(days_from_civil(y, m, d) + (long)(t - 1) * days, &y, &m, &d);
    snprintf(buf, 16, "%04d-%02d-%02d", y % 10000, m, d);
    return 0;
}

int scopt_plan_period_date(const scopt_plan *p, int t, char *buf, size_t n)
{
    char d[16] = "";
    int ok = p && p->net->settings.period_days > 0 && t >= 1 &&
             !period_date(p->net->settings.start_date, p->net->settings.period_days, t, d);
    if (buf && n) snprintf(buf, n, "%s", ok ? d : "");
    return ok;
}
