/* test_control.c - stopping a solve from another thread (scopt_options.cancel):
 *  - a long MIP (tests/lotsize_net.h, 6 items x 10 periods: branch and cut runs for minutes
 *    at gap 0) cancelled once it has a plan returns promptly with status cancelled and the
 *    best plan found so far, which `scopt check` accepts;
 *  - a request made before the solve returns at once, without a plan.
 * The promise (include/scopt.h): the request is seen at GLPK's next branch-and-cut callback,
 * which comes at every node and cut round, i.e. within one node's LP re-solve (milliseconds
 * here). The test allows 5 seconds, generous for a loaded machine. */
#define _POSIX_C_SOURCE 200809L
#include <glpk.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "harness.h"
#include "lotsize_net.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

typedef struct job {
    scopt_network *net;
    int cancel;              /* written with atomic stores */
    int has_incumbent;       /* set by the progress callback */
    scopt_plan *plan;
    scopt_status status;
    double returned_at;
} job;

static void on_progress(const scopt_progress *p, void *user)
{
    job *j = user;
    if (p->has_incumbent) __atomic_store_n(&j->has_incumbent, 1, __ATOMIC_RELAXED);
}

static void *solve_job(void *arg)
{
    job *j = arg;
    scopt_options opt;
    scopt_options_init(&opt);
    opt.mip_gap = 0;
    opt.cancel = &j->cancel;
    opt.on_progress = on_progress;
    opt.progress_user = j;
    j->status = scopt_solve(j->net, &opt, &j->plan, NULL);
    j->returned_at = now();
    return NULL;
}

TEST(cancel_long_mip_keeps_best_plan)
{
    job j = {.net = lotsize_network(6, 10, 1)};
    CHECK(j.net != NULL);
    if (!j.net) return;
    pthread_t th;
    double start = now();
    CHECK_EQ_INT(pthread_create(&th, NULL, solve_job, &j), 0);
    while (!__atomic_load_n(&j.has_incumbent, __ATOMIC_RELAXED) && now() - start < 60) nanosleep(&(struct timespec){0, 10000000}, NULL);
    CHECK(__atomic_load_n(&j.has_incumbent, __ATOMIC_RELAXED));
    nanosleep(&(struct timespec){0, 300000000}, NULL);
    double asked = now();
    __atomic_store_n(&j.cancel, 1, __ATOMIC_RELAXED);
    pthread_join(th, NULL);
    double took = j.returned_at - asked;
    if (took > 5) fprintf(stderr, "  returned %.3f s after the request\n", took);
    CHECK(took < 5.0);
    CHECK_EQ_INT(j.status, SCOPT_OK);
    scopt_plan_info info;
    CHECK_EQ_INT(scopt_plan_info_get(j.plan, &info), SCOPT_OK);
    CHECK_EQ_INT(info.status, SCOPT_SOLVE_CANCELLED);
    CHECK(info.has_plan);
    CHECK(info.gap > 0);             /* not proven: this MIP takes minutes at gap 0 */
    CHECK(info.objective >= info.best_bound - 1e-6);
    CHECK(scopt_plan_row_count(j.plan, SCOPT_PLAN_PRODUCTION) > 0);
    char *js = scopt_plan_summary_json(j.plan);
    CHECK(js && strstr(js, "\"status\": \"cancelled\""));
    scopt_free(js);
    /* the plan is a plan: the independent checker finds no violation */
    long violations = -1;
    CHECK(system("mkdir -p tests/out/control") == 0);
    CHECK_EQ_INT(scopt_plan_write_dir(j.plan, "tests/out/control/cancelled", NULL), SCOPT_OK);
    CHECK_EQ_INT(scopt_check_plan(j.net, "tests/out/control/cancelled", NULL, &violations, NULL), SCOPT_OK);
    CHECK_EQ_INT(violations, 0);
    scopt_plan_free(j.plan);
    scopt_network_free(j.net);
}

TEST(cancel_before_solving)
{
    job j = {.net = lotsize_network(6, 10, 1), .cancel = 1};
    CHECK(j.net != NULL);
    if (!j.net) return;
    double start = now();
    solve_job(&j);
    CHECK(j.returned_at - start < 5.0);
    CHECK_EQ_INT(j.status, SCOPT_OK);
    CHECK_EQ_INT(scopt_plan_status(j.plan), SCOPT_SOLVE_CANCELLED);
    scopt_plan_info info;
    CHECK_EQ_INT(scopt_plan_info_get(j.plan, &info), SCOPT_OK);
    CHECK(!info.has_plan);
    CHECK_EQ_INT(scopt_plan_row_count(j.plan, SCOPT_PLAN_INVENTORY), 0);
    CHECK_STR(scopt_solve_status_name(SCOPT_SOLVE_CANCELLED), "cancelled");
    scopt_plan_free(j.plan);
    scopt_network_free(j.net);
}

/* GLPK's simplex takes no callback: the request is seen at its next output line
 * (solver/glpk_guard.h). Set on the relaxation's first progress line (iteration 0), it stops
 * the simplex there: no later progress line (uncancelled: "*   130: obj = ..." follows, then
 * branch and cut's "mip =" lines), no plan, status cancelled; the next solve on the thread
 * runs as usual (GLPK's environment was freed and made again). */
typedef struct lp_watch { int cancel, asked, lines_after; } lp_watch;

static void watch_lp(const char *line, void *user)
{
    lp_watch *w = user;
    if (w->asked && (strstr(line, "obj =") || strstr(line, "mip ="))) w->lines_after++;
    if (!w->asked && strstr(line, "obj =")) {
        w->asked = 1;
        __atomic_store_n(&w->cancel, 1, __ATOMIC_RELAXED);
    }
}

TEST(cancel_inside_lp_simplex)
{
    scopt_network *net = lotsize_network(6, 10, 1);
    CHECK(net != NULL);
    if (!net) return;
    lp_watch w = {0, 0, 0};
    scopt_options opt;
    scopt_options_init(&opt);
    opt.cancel = &w.cancel;
    opt.on_log = watch_lp;
    opt.log_user = &w;
    scopt_plan *plan = NULL;
    CHECK_EQ_INT(scopt_solve(net, &opt, &plan, NULL), SCOPT_OK);
    CHECK(w.asked && w.lines_after == 0);
    CHECK_EQ_INT(scopt_plan_status(plan), SCOPT_SOLVE_CANCELLED);
    scopt_plan_info info;
    CHECK_EQ_INT(scopt_plan_info_get(plan, &info), SCOPT_OK);
    CHECK(!info.has_plan);
    scopt_plan_free(plan);
    /* a thread with its own GLPK environment keeps it (and its objects): the request waits for
     * the end of the LP, branch and cut's callback sees it */
    glp_prob *mine = glp_create_prob();
    lp_watch w2 = {0, 0, 0};
    opt.cancel = &w2.cancel;
    opt.log_user = &w2;
    plan = NULL;
    CHECK_EQ_INT(scopt_solve(net, &opt, &plan, NULL), SCOPT_OK);
    CHECK(w2.asked && w2.lines_after > 0);
    CHECK_EQ_INT(scopt_plan_status(plan), SCOPT_SOLVE_CANCELLED);
    CHECK_EQ_INT(glp_get_num_rows(mine), 0); /* still there */
    glp_delete_prob(mine);
    glp_free_env();
    scopt_plan_free(plan);
    plan = NULL;
    scopt_options_init(&opt);
    opt.mip_gap = 0.05;
    CHECK_EQ_INT(scopt_solve(net, &opt, &plan, NULL), SCOPT_OK);
    CHECK(scopt_plan_status(plan) == SCOPT_SOLVE_OPTIMAL);
    scopt_plan_free(plan);
    scopt_network_free(net);
}

HARNESS_MAIN("control", T(cancel_long_mip_keeps_best_plan), T(cancel_before_solving), T(cancel_inside_lp_simplex))
