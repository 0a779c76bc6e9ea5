/* compare.h - shared by the pieces of `scopt compare` (docs/scenarios.md): the runs and
 * their results (cmd_compare.c), the side-by-side KPI table in the terminal
 * (compare_table.c) and compare.csv / compare.json (compare_files.c). Run 0 is the base
 * against which deltas are taken. */
#ifndef SCOPT_COMPARE_H
#define SCOPT_COMPARE_H

#include <stddef.h>
#include "scopt.h"

typedef struct cmp_run {
    char name[128];            /* column title and OUTDIR/<name>/ */
    const char *dataset;       /* the dataset directory */
    const char *scenario;      /* the scenario directory laid over it, or NULL */
    char plandir[1200];        /* OUTDIR/<name> */
    char log_path[1300];       /* OUTDIR/logs/<name>.log: the run's stderr */
    char json_path[1300];      /* OUTDIR/logs/<name>.json: its summary.json (stdout) */
    int exit_code;
    double seconds;
    char status[32];           /* from its summary, else "bad_input", "internal_error" */
    int has_kpis;              /* a plan was written and read back */
    scopt_plan_kpis kpis;
    scopt_network *net;        /* its dataset, read back for the KPIs and the report */
} cmp_run;

/* the KPIs that are numbers, for tables and files: name, label, offset in scopt_plan_kpis */
typedef struct cmp_kpi {
    const char *name;   /* in compare.csv / compare.json */
    const char *label;  /* in the terminal */
    size_t offset;
    int percent;        /* shown as a percentage (fill rate) */
    int cost;           /* a cost component (shown only when some run has it) */
} cmp_kpi;
extern const cmp_kpi cmp_kpis[];
extern const int cmp_nkpis;
double cmp_kpi_value(const cmp_run *r, const cmp_kpi *k);

/* compare_run.c: create OUTDIR and OUTDIR/logs, solve every run (at most JOBS at a time)
 * with the solve options FWD; progress lines on stderr unless QUIET. -1 when OUTDIR cannot
 * be made (message printed). */
int cmp_solve_all(cmp_run *runs, int n, const char *outdir, char **fwd, int nfwd, int jobs, int quiet);
/* each run's status, dataset and KPIs (its log on stderr when it failed) */
void cmp_read_results(cmp_run *runs, int n);
/* the HTML report of the runs into PATH; -1 after printing what failed */
int cmp_write_report(const cmp_run *runs, int n, const char *path);

/* compare_table.c: the KPI table on stdout */
void cmp_print_table(const cmp_run *runs, int n);
/* compare_files.c: OUTDIR/compare.csv and OUTDIR/compare.json (each written to a temporary name, then
 * renamed); -1 after printing what failed */
int cmp_write_files(const cmp_run *runs, int n, const char *outdir);

#endif
