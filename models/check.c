/* check.c - scopt_check_plan: read a written plan back (io/plan_read.c) and run every
 * rule family of `scopt check` over it (design note in check.h). Bad plan files are an
 * error return; violations go to on_diagnostic as errors and are counted. */
#include <stdio.h>
#include <string.h>
#include "check.h"

static void run_checks(check_ctx *c)
{
    void (*const families[])(check_ctx *) = {check_flows, check_balances, check_demand,
                                             check_capacities, check_sites, check_costs};
    for (size_t k = 0; k < ARRAY_LEN(families) && !c->nomem; k++) families[k](c);
}

static scopt_status check_read_plan(const scopt_network *net, const char *plandir, plan_data *plan,
                                    diag_sink *in, violation_sink *v)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s", plandir);
    for (size_t k = strlen(dir); k > 1 && dir[k - 1] == '/'; k--) dir[k - 1] = '\0';
    return plan_read_dir(net, dir, plan, in, v);
}

scopt_status scopt_check_plan(const scopt_network *net, const char *plandir, const scopt_options *opt,
                              long *violations, scopt_error *err)
{
    diag_sink in;
    violation_sink v = {.count = 0};
    plan_data plan;
    error_clear(err);
    if (violations) *violations = 0;
    if (!net || !plandir) return error_set(err, SCOPT_EUSAGE, "scopt_check_plan: %s is NULL", net ? "plandir" : "net");
    if (network_check_ready(net, "scopt_check_plan", err) != SCOPT_OK) return SCOPT_EUSAGE;
    diag_init(&in, opt, err);
    diag_init(&v.diag, opt, NULL);
    scopt_status s = check_read_plan(net, plandir, &plan, &in, &v);
    if (s == SCOPT_OK) {
        check_ctx c = {.net = net, .plan = &plan, .v = &v, .T = net->T};
        if (!check_index_build(&c)) run_checks(&c);
        check_index_free(&c.ix);
        if (c.nomem) s = SCOPT_ENOMEM;
    }
    if (s == SCOPT_OK && v.count > v.diag.errors)
        diag_report(&v.diag, SCOPT_SEV_NOTE, plandir, 0, 0, "%ld more violations not shown (%ld in all)",
                    v.count - v.diag.errors, v.count);
    plan_free(&plan);
    if (violations) *violations = v.count;
    if (s == SCOPT_ENOMEM) return error_set(err, SCOPT_ENOMEM, "out of memory while checking %s", plandir);
    if (s != SCOPT_OK && err) err->code = s;
    return s;
}
