/* cmd_diff.c - `scopt diff PLANDIR1 PLANDIR2 [--csv]`: what changed between two written
 * plans (last night's and tonight's): purchase orders, production runs and shipments
 * changed, moved to another period, added or removed, and optional sites opened or closed;
 * then counts and the total costs. Exit 0 when both plans could be read, 1 otherwise. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const char *const tables[] = {"purchases", "production", "shipments", "sites"};
static const char *const kinds[] = {"added", "removed", "changed", "moved"};

typedef struct diff_cli {
    int csv;
    long count[4][4];   /* table x kind */
} diff_cli;

static void help(FILE *f)
{
    fprintf(f, "usage: scopt diff PLANDIR1 PLANDIR2 [--csv]\n\n"
               "Lists what changed from the plan in PLANDIR1 to the plan in PLANDIR2 (both written by\n"
               "scopt solve -o): purchase orders (supplier, item), production runs (operation) and\n"
               "shipments (from, to, item, mode) whose quantity changed in a period, that moved to\n"
               "another period with the same quantity, that were added or removed; optional sites\n"
               "opened or closed. Then the counts and both plans' total costs.\n"
               "  --csv   one CSV row per difference: table,change,key,period_before,period_after,\n"
               "          quantity_before,quantity_after\n"
               "Exit 0 when both plans were read (whether they differ or not), 1 on bad input.\n");
}

static int table_index(const char *t)
{
    for (int k = 0; k < 4; k++)
        if (!strcmp(t, tables[k])) return k;
    return 0;
}

static void csv_text(const char *s)
{
    if (!strpbrk(s, ",\"\n")) { fputs(s, stdout); return; }
    putchar('"');
    for (; *s; s++) { if (*s == '"') putchar('"'); putchar(*s); }
    putchar('"');
}

static void on_entry(const scopt_diff_entry *e, void *user)
{
    diff_cli *c = user;
    c->count[table_index(e->table)][e->kind]++;
    if (c->csv) {
        printf("%s,%s,", e->table, kinds[e->kind]);
        csv_text(e->key);
        printf(",%d,%d,%.9g,%.9g\n", e->period_before, e->period_after, e->quantity_before, e->quantity_after);
        return;
    }
    char when[48] = "", qty[80];
    if (!strcmp(e->table, "sites")) snprintf(qty, sizeof qty, "%s", e->quantity_after > 0.5 ? "opened" : "closed");
    else if (e->kind == SCOPT_DIFF_MOVED) snprintf(qty, sizeof qty, "%.9g", e->quantity_after);
    else if (e->kind == SCOPT_DIFF_ADDED) snprintf(qty, sizeof qty, "+%.9g", e->quantity_after);
    else if (e->kind == SCOPT_DIFF_REMOVED) snprintf(qty, sizeof qty, "-%.9g", e->quantity_before);
    else snprintf(qty, sizeof qty, "%.9g -> %.9g (%+.9g)", e->quantity_before, e->quantity_after,
                  e->quantity_after - e->quantity_before);
    if (e->kind == SCOPT_DIFF_MOVED) snprintf(when, sizeof when, "period %d -> %d", e->period_before, e->period_after);
    else if (e->period_before || e->period_after)
        snprintf(when, sizeof when, "period %d", e->period_before ? e->period_before : e->period_after);
    printf("%-10s %-7s  %-44s %-16s %s\n", e->table, kinds[e->kind], e->key, when, qty);
}

static double objective_of(const char *dir, int *has)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/summary.json", dir);
    json_t *s = json_load_file(path, 0, NULL);
    json_t *o = json_object_get(s, "objective");
    double v = json_number_value(o);
    *has = json_is_number(o);
    json_decref(s);
    return v;
}

static void summary(const diff_cli *c, const char *a, const char *b)
{
    long total = 0;
    for (int t = 0; t < 4; t++) {
        long n = c->count[t][0] + c->count[t][1] + c->count[t][2] + c->count[t][3];
        total += n;
        if (n) printf("%s: %ld changed, %ld moved, %ld added, %ld removed\n", tables[t], c->count[t][2], c->count[t][3],
                      c->count[t][0], c->count[t][1]);
    }
    if (!total) printf("no differences in orders, runs, shipments or sites\n");
    int h1, h2;
    double o1 = objective_of(a, &h1), o2 = objective_of(b, &h2);
    if (h1 && h2) printf("total cost %.2f -> %.2f (%+.2f)\n", o1, o2, o2 - o1);
}

int cmd_diff(int argc, char **argv)
{
    diff_cli c = {0};
    const char *dirs[2] = {NULL, NULL};
    for (int k = 1; k < argc; k++) {
        if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h")) { help(stdout); return 0; }
        if (!strcmp(argv[k], "--csv")) c.csv = 1;
        else if (argv[k][0] != '-' && !dirs[0]) dirs[0] = argv[k];
        else if (argv[k][0] != '-' && !dirs[1]) dirs[1] = argv[k];
        else { fprintf(stderr, "scopt diff: error: unexpected argument '%s'\n", argv[k]); help(stderr); return EXIT_BAD_INPUT; }
    }
    if (!dirs[1]) { fprintf(stderr, "scopt diff: error: expected PLANDIR1 and PLANDIR2\n"); help(stderr); return EXIT_BAD_INPUT; }
    cli_diag_state st = {0, 0};
    scopt_options opt;
    scopt_options_init(&opt);
    opt.on_diagnostic = cli_print_diagnostic;
    opt.diagnostic_user = &st;
    scopt_error err;
    if (c.csv) printf("table,change,key,period_before,period_after,quantity_before,quantity_after\n");
    scopt_status s = scopt_plan_diff(dirs[0], dirs[1], &opt, on_entry, &c, &err);
    if (s != SCOPT_OK) {
        cli_report_error("diff", &err, st.shown_errors > 0);
        return cli_exit_for_status(s);
    }
    if (!c.csv) summary(&c, dirs[0], dirs[1]);
    return 0;
}
