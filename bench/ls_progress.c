/* ls_progress.c - bench helper for bench/lotsizing.sh and bench/heuristics.sh: solve one
 * dataset through the library at gap 0 (or GAP) under a time limit and print, from the
 * progress callback and the plan, one line:
 *   lp_bound first_plan_s gap1_s final_gap proven_s objective nodes cpu_s first_cpu_s first_obj
 * (seconds since the solve started, "-" when it did not happen; proven_s is the time to the
 * proven optimum; first_cpu_s is the process's CPU seconds when the first plan came, read
 * and validation included, first_obj that plan's cost). usage: ls_progress DATASET
 * auto|glpk TIME_LIMIT [GAP] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "scopt.h"

typedef struct { double first_plan, gap1, first_cpu, first_obj; } watch;

static void on_progress(const scopt_progress *p, void *user)
{
    watch *w = user;
    if (!p->has_incumbent) return;
    if (w->first_plan < 0) {
        w->first_plan = p->elapsed_seconds;
        w->first_cpu = (double)clock() / CLOCKS_PER_SEC;
        w->first_obj = p->incumbent;
    }
    if (w->gap1 < 0 && p->gap >= 0 && p->gap <= 0.01) w->gap1 = p->elapsed_seconds;
}

static void put(double v, const char *fmt)
{
    if (v < 0) printf(" -");
    else printf(fmt, v);
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) { fprintf(stderr, "usage: ls_progress DATASET auto|glpk TIME_LIMIT [GAP]\n"); return 2; }
    scopt_options opt;
    scopt_options_init(&opt);
    watch w = {-1, -1, -1, -1};
    opt.mip_gap = argc == 5 ? atof(argv[4]) : 0;
    opt.time_limit = atof(argv[3]);
    opt.mip_strategy = strcmp(argv[2], "glpk") ? SCOPT_MIP_AUTO : SCOPT_MIP_GLPK;
    opt.on_progress = on_progress;
    opt.progress_user = &w;
    scopt_network *net = NULL;
    scopt_plan *plan = NULL;
    scopt_error err;
    if (scopt_network_read_dir(argv[1], &opt, &net, &err) || scopt_solve(net, &opt, &plan, &err)) {
        fprintf(stderr, "ls_progress: %s\n", err.message);
        return 1;
    }
    scopt_plan_info in;
    scopt_plan_info_get(plan, &in);
    int proven = in.status == SCOPT_SOLVE_OPTIMAL;
    if (proven && w.gap1 < 0) w.gap1 = in.seconds_build + in.seconds_solve;
    printf("%.1f", in.lp_bound);
    put(w.first_plan, " %.2f");
    put(w.gap1, " %.2f");
    put(in.has_plan ? 100 * (proven ? 0 : in.gap) : -1, " %.2f%%");
    put(proven ? in.seconds_build + in.seconds_solve : -1, " %.2f");
    put(in.has_plan ? in.objective : -1, " %.0f");
    printf(" %ld %.2f", in.nodes, (double)clock() / CLOCKS_PER_SEC);
    put(w.first_cpu, " %.2f");
    put(w.first_obj, " %.0f");
    printf("\n");
    scopt_plan_free(plan);
    scopt_network_free(net);
    return 0;
}
