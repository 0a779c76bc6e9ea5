/* row_src.c - where a record comes from and how its messages are worded (see network_add.h):
 * reporting, the value checks of the in-memory API (the CSV reader makes the same checks on
 * the text of its cells, io/csv_table.c) and the state kept while records are added. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "network_add.h"

int network_build_begin(scopt_network *n)
{
    n->build = calloc(1, sizeof *n->build);
    if (!n->build) return -1;
    scopt_options_init(&n->build->opt);
    return 0;
}

void network_build_end(scopt_network *n)
{
    if (!n->build) return;
    for (int t = 0; t < T_COUNT; t++) keymap_free(&n->build->keys[t]);
    keymap_free(&n->build->offers);
    free(n->build);
    n->build = NULL;
}

void row_src_csv(row_src *s, diag_sink *d, table_id t, const char *path, long line, const int *colno)
{
    s->d = d;
    s->table = t;
    s->api = 0;
    s->file = path;
    s->line = line;
    s->colno = colno;
    s->prefix[0] = '\0';
}

static void src_report(row_src *s, scopt_severity sev, int spec, const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    long col = spec < 0 ? 0 : s->colno ? s->colno[spec] : spec + 1;
    diag_report(s->d, sev, s->file, s->line, col, "%s%s", s->prefix, msg);
}

void src_error(row_src *s, int spec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    src_report(s, SCOPT_SEV_ERROR, spec, fmt, ap);
    va_end(ap);
}

void src_warning(row_src *s, int spec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    src_report(s, SCOPT_SEV_WARNING, spec, fmt, ap);
    va_end(ap);
}

const char *src_ref(const row_src *s, long line, char *buf, size_t n)
{
    snprintf(buf, n, s->api ? "record #%ld" : "line %ld", line);
    return buf;
}

void net_report(const scopt_network *n, diag_sink *d, scopt_severity sev, table_id t, long line, int spec,
                const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long col = line > 0 && spec >= 0 ? n->table_cols[t][spec] : 0;
    if (!n->api) {
        diag_report(d, sev, n->table_path[t], line, col, "%s", msg);
        return;
    }
    const char *call = line > 0 ? table_api_names[t] : "scopt_network_finish";
    if (line > 0) diag_report(d, sev, call, line, col, "%s #%ld: %s", call, line, msg);
    else diag_report(d, sev, call, 0, 0, "%s: %s", call, msg);
}

/* ---- value checks ---- */

/* the value as a cell would show it: shortest text that reads back the same */
static void show_num(double v, char *buf, size_t n)
{
    if (isnan(v)) snprintf(buf, n, "NaN");
    else if (isinf(v)) snprintf(buf, n, v > 0 ? "inf" : "-inf");
    else {
        snprintf(buf, n, "%.15g", v);
        if (strtod(buf, NULL) != v) snprintf(buf, n, "%.17g", v);
    }
}

static int bad_value(row_src *s, int spec, const char *shown, const char *why, int infinite)
{
    const col_spec *sp = &dataset_schema()[s->table].specs[spec];
    const char *dflt = infinite && !sp->required
                           ? (s->api ? " or SCOPT_DEFAULT for the default" : " or an empty cell for the default")
                           : "";
    src_error(s, spec, "column '%s': value \"%s\" %s; expected %s%s", sp->name, shown, why,
              type_expectation(sp->type), dflt);
    return 1;
}

static int missing_value(row_src *s, int spec)
{
    const col_spec *sp = &dataset_schema()[s->table].specs[spec];
    src_error(s, spec, "%s in required column '%s'; expected %s", s->api ? "no value" : "empty cell", sp->name,
              type_expectation(sp->type));
    return 1;
}

int chk_num(row_src *s, int spec, double v, double dflt, double *out)
{
    const col_spec *sp = &dataset_schema()[s->table].specs[spec];
    char shown[40];
    if (v == SCOPT_DEFAULT) {
        if (sp->required) return missing_value(s, spec);
        *out = dflt;
        return 0;
    }
    if (dflt >= SCOPT_INF && v >= SCOPT_INF) { *out = SCOPT_INF; return 0; }
    if (isfinite(v) && v >= 0 && !(sp->type == COL_POS && v <= 0)) { *out = v; return 0; }
    show_num(v, shown, sizeof shown); /* only for the message: formatting every value is slow */
    if (isnan(v)) return bad_value(s, spec, shown, "is not a number", 0);
    if (isinf(v)) return bad_value(s, spec, shown, "is not a finite number", 1);
    if (sp->type == COL_POS && v <= 0) return bad_value(s, spec, shown, "is not positive", 0);
    return bad_value(s, spec, shown, "is negative", 0);
}

int chk_int(row_src *s, int spec, int v, int *out)
{
    const col_spec *sp = &dataset_schema()[s->table].specs[spec];
    char shown[24];
    int min = sp->type == COL_PERIOD ? 1 : 0;
    if (v >= min && !(sp->type == COL_FLAG && v > 1) && v <= 1000000000) { *out = v; return 0; }
    snprintf(shown, sizeof shown, "%d", v);
    if (v < min) return bad_value(s, spec, shown, "is too small", 0);
    if (sp->type == COL_FLAG && v > 1) return bad_value(s, spec, shown, "is out of range", 0);
    if (v > 1000000000) return bad_value(s, spec, shown, "is too large (at most 1000000000)", 0);
    *out = v;
    return 0;
}

int chk_text(row_src *s, int spec, const char *t)
{
    const col_spec *sp = &dataset_schema()[s->table].specs[spec];
    if (!t || !t[0]) return sp->required ? missing_value(s, spec) : 0;
    size_t len = strlen(t);
    if (len > CSV_MAX_CELL_BYTES) {
        src_error(s, spec, "cell is %zu bytes long; expected at most %d bytes", len, CSV_MAX_CELL_BYTES);
        return 1;
    }
    if (!utf8_valid(t, len)) {
        src_error(s, spec, "invalid UTF-8 in cell; expected UTF-8 text");
        return 1;
    }
    return 0;
}
