/* compare_files.c - OUTDIR/compare.csv (one row per run: its KPIs, then their deltas
 * against the first run) and OUTDIR/compare.json (the same as objects), each written under
 * a temporary name and renamed into place, so a reader never sees half a file. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "compare.h"

static void csv_cell(FILE *f, const char *s)
{
    int quote = strpbrk(s, ",\"\n\r") != NULL;
    if (!quote) { fputs(s, f); return; }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void csv_header(FILE *f)
{
    fputs("run,dataset,scenario,exit_code,status,seconds", f);
    for (int i = 0; i < cmp_nkpis; i++) fprintf(f, ",%s", cmp_kpis[i].name);
    fputs(",open_sites,optional_sites,closed_sites", f);
    for (int b = 1; b <= SCOPT_KPI_BUSIEST; b++) fprintf(f, ",busiest_%d,busiest_%d_period,busiest_%d_utilization", b, b, b);
    for (int i = 0; i < cmp_nkpis; i++) fprintf(f, ",delta_%s", cmp_kpis[i].name);
    fputs(",delta_open_sites\n", f);
}

static void csv_run(FILE *f, const cmp_run *r, const cmp_run *base)
{
    const scopt_plan_kpis *p = &r->kpis;
    int has = r->has_kpis, deltas = has && base->has_kpis;
    csv_cell(f, r->name); fputc(',', f);
    csv_cell(f, r->dataset); fputc(',', f);
    csv_cell(f, r->scenario ? r->scenario : ""); fputc(',', f);
    fprintf(f, "%d,%s,%.3f", r->exit_code, r->status, r->seconds);
    for (int i = 0; i < cmp_nkpis; i++)
        if (has) fprintf(f, ",%.10g", cmp_kpi_value(r, &cmp_kpis[i]));
        else fputc(',', f);
    if (has) fprintf(f, ",%d,%d,", p->open_sites, p->optional_sites), csv_cell(f, p->closed_sites);
    else fputs(",,,", f);
    for (int b = 0; b < SCOPT_KPI_BUSIEST; b++)
        if (has && b < p->nbusiest) {
            fputc(',', f), csv_cell(f, p->busiest[b].resource);
            fprintf(f, ",%d,%.6g", p->busiest[b].period, p->busiest[b].utilization);
        } else fputs(",,,", f);
    for (int i = 0; i < cmp_nkpis; i++)
        if (deltas) fprintf(f, ",%.10g", cmp_kpi_value(r, &cmp_kpis[i]) - cmp_kpi_value(base, &cmp_kpis[i]));
        else fputc(',', f);
    if (deltas) fprintf(f, ",%d\n", p->open_sites - base->kpis.open_sites);
    else fputs(",\n", f);
}

static json_t *kpis_json(const cmp_run *r, const cmp_run *base, int delta)
{
    json_t *o = json_object(), *costs = json_object();
    for (int i = 0; i < cmp_nkpis; i++) {
        double v = cmp_kpi_value(r, &cmp_kpis[i]) - (delta ? cmp_kpi_value(base, &cmp_kpis[i]) : 0);
        json_object_set_new(cmp_kpis[i].cost ? costs : o, cmp_kpis[i].name, json_real(v));
    }
    json_object_set_new(o, "costs", costs);
    json_object_set_new(o, "open_sites", json_integer(r->kpis.open_sites - (delta ? base->kpis.open_sites : 0)));
    if (delta) return o;
    json_object_set_new(o, "optional_sites", json_integer(r->kpis.optional_sites));
    json_object_set_new(o, "closed_sites", json_string(r->kpis.closed_sites));
    json_t *busy = json_array();
    for (int b = 0; b < r->kpis.nbusiest; b++)
        json_array_append_new(busy, json_pack("{s:s, s:i, s:f}", "resource", r->kpis.busiest[b].resource, "period",
                                              r->kpis.busiest[b].period, "utilization",
                                              isfinite(r->kpis.busiest[b].utilization) ? r->kpis.busiest[b].utilization : 1e9));
    json_object_set_new(o, "busiest_resources", busy);
    return o;
}

static json_t *run_json(const cmp_run *r, const cmp_run *base)
{
    json_t *o = json_pack("{s:s, s:s, s:o, s:s, s:i, s:s, s:f}", "name", r->name, "dataset", r->dataset, "scenario",
                          r->scenario ? json_string(r->scenario) : json_null(), "plan_dir", r->plandir, "exit_code",
                          r->exit_code, "status", r->status, "seconds", r->seconds);
    json_object_set_new(o, "kpis", r->has_kpis ? kpis_json(r, base, 0) : json_null());
    json_object_set_new(o, "delta", r->has_kpis && base->has_kpis ? kpis_json(r, base, 1) : json_null());
    return o;
}

/* write PATH through PATH.tmp; 0 or -1 after printing why */
static int publish(const char *path, const char *tmp, FILE *f)
{
    int bad = ferror(f) | (fclose(f) != 0);
    if (bad || rename(tmp, path)) {
        fprintf(stderr, "scopt compare: error: cannot write %s\n", path);
        remove(tmp);
        return -1;
    }
    return 0;
}

int cmp_write_files(const cmp_run *runs, int n, const char *outdir)
{
    char path[1200], tmp[1300];
    snprintf(path, sizeof path, "%s/compare.csv", outdir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) { fprintf(stderr, "scopt compare: error: cannot write %s\n", tmp); return -1; }
    csv_header(f);
    for (int k = 0; k < n; k++) csv_run(f, &runs[k], &runs[0]);
    if (publish(path, tmp, f)) return -1;
    json_t *root = json_pack("{s:s, s:[]}", "base", runs[0].name, "runs");
    for (int k = 0; k < n; k++) json_array_append_new(json_object_get(root, "runs"), run_json(&runs[k], &runs[0]));
    snprintf(path, sizeof path, "%s/compare.json", outdir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    f = fopen(tmp, "w");
    int rc = !f || json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12)) ? -1 : 0;
    json_decref(root);
    if (f) rc |= publish(path, tmp, f);
    else fprintf(stderr, "scopt compare: error: cannot write %s\n", tmp);
    return rc;
}
