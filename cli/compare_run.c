/* compare_run.c - the runs of `scopt compare`: each is this very scopt binary run as
 * `scopt solve DATASET [--scenario S] -o OUTDIR/<name> --json --quiet [solve options]`,
 * its summary (stdout) and messages (stderr) kept in OUTDIR/logs/; then each run's
 * status, dataset and KPIs are read back. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "compare.h"
#include "runner.h"

/* mkdir -p */
static int make_dir(const char *path)
{
    char tmp[1200];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(tmp, 0777) && errno != EEXIST) return -1;
            *p = '/';
        }
    return mkdir(tmp, 0777) && errno != EEXIST ? -1 : 0;
}

/* a plan left by an earlier compare must not pass for this run's: remove its files */
static void clear_plan_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[1500];
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.') {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    if (d) closedir(d);
    rmdir(dir);
}

static char **job_argv(cmp_run *r, char *self, char **fwd, int nfwd)
{
    char **argv = calloc((size_t)nfwd + 12, sizeof *argv);
    int k = 0;
    if (!argv) return NULL;
    argv[k++] = self;
    argv[k++] = "solve";
    argv[k++] = (char *)r->dataset;
    if (r->scenario) { argv[k++] = "--scenario"; argv[k++] = (char *)r->scenario; }
    argv[k++] = "-o";
    argv[k++] = r->plandir;
    argv[k++] = "--json";
    argv[k++] = "--quiet";
    for (int j = 0; j < nfwd; j++) argv[k++] = fwd[j];
    return argv;
}

/* status and objective from the run's summary.json (its stdout); 0 when there is none */
static int read_summary(cmp_run *r, double *objective)
{
    json_t *s = json_load_file(r->json_path, 0, NULL);
    const char *st = json_string_value(json_object_get(s, "status"));
    if (st) snprintf(r->status, sizeof r->status, "%s", st);
    *objective = json_is_number(json_object_get(s, "objective")) ? json_number_value(json_object_get(s, "objective")) : 0;
    int has = json_is_number(json_object_get(s, "objective"));
    json_decref(s);
    if (!st) snprintf(r->status, sizeof r->status, "%s", r->exit_code == EXIT_BAD_INPUT ? "bad_input" : "failed");
    return has;
}

typedef struct progress {
    cmp_run *runs;
    int n, done, quiet;
} progress;

static void on_done(const runner_job *job, int k, void *user)
{
    progress *p = user;
    cmp_run *r = &p->runs[k];
    double obj;
    r->exit_code = job->exit_code;
    r->seconds = job->seconds;
    int has = read_summary(r, &obj);
    p->done++;
    if (p->quiet) return;
    fprintf(stderr, "compare: [%d/%d] %-20s %-11s", p->done, p->n, r->name, r->status);
    if (has) fprintf(stderr, " total cost %.2f", obj);
    fprintf(stderr, "  (%.1f s, exit %d)\n", r->seconds, r->exit_code);
}

int cmp_solve_all(cmp_run *runs, int n, const char *outdir, char **fwd, int nfwd, int jobs, int quiet)
{
    char self[4096], logs[1200];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    snprintf(logs, sizeof logs, "%s/logs", outdir);
    if (len <= 0 || make_dir(logs)) {
        fprintf(stderr, "scopt compare: error: %s: %s\n", len <= 0 ? "cannot find the scopt binary" : logs,
                strerror(errno));
        return -1;
    }
    self[len] = '\0';
    runner_job job[64];
    int failed = 0;
    for (int k = 0; k < n; k++) {
        clear_plan_dir(runs[k].plandir);
        job[k] = (runner_job){job_argv(&runs[k], self, fwd, nfwd), runs[k].json_path, runs[k].log_path, 127, 0};
        failed |= !job[k].argv;
    }
    progress p = {runs, n, 0, quiet};
    if (!failed && !quiet) fprintf(stderr, "compare: %d runs, %d at a time, into %s/\n", n, jobs < n ? jobs : n, outdir);
    if (!failed) runner_run_local(job, n, jobs, on_done, &p);
    for (int k = 0; k < n; k++) free(job[k].argv);
    if (failed) fprintf(stderr, "scopt compare: error: out of memory\n");
    return failed ? -1 : 0;
}

static void show_log(const cmp_run *r)
{
    FILE *f = fopen(r->log_path, "r");
    char line[2048];
    int shown = 0;
    while (f && fgets(line, sizeof line, f) && shown++ < 20) fprintf(stderr, "[%s] %s", r->name, line);
    if (f) fclose(f);
    if (!shown) fprintf(stderr, "[%s] exit %d without a message\n", r->name, r->exit_code);
}

static void read_back(cmp_run *r)
{
    scopt_error err;
    scopt_options opt;
    scopt_options_init(&opt); /* quiet: the run itself reported the dataset's warnings */
    if (scopt_network_read_scenario(r->dataset, r->scenario, &opt, &r->net, &err) != SCOPT_OK) {
        fprintf(stderr, "[%s] cannot read the dataset back: %s\n", r->name, err.message);
        return;
    }
    if (scopt_plan_kpis_read(r->net, r->plandir, &r->kpis, &err) != SCOPT_OK) {
        fprintf(stderr, "[%s] cannot read the plan back: %s%s%s\n", r->name, err.file, err.file[0] ? ": " : "",
                err.message);
        return;
    }
    r->has_kpis = 1;
}

void cmp_read_results(cmp_run *runs, int n)
{
    for (int k = 0; k < n; k++) {
        cmp_run *r = &runs[k];
        if (r->exit_code == EXIT_SOLVED || r->exit_code == EXIT_LIMIT_PLAN) read_back(r);
        else show_log(r);
    }
}
