/* plan_summary.c - read the numbers `scopt check` compares from a plan's summary.json
 * (docs/plan.md): status, objective and the twelve cost components. A file that is not
 * JSON, or lacks one of these numbers, is bad input reported as file:line:col. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include "plan_read.h"

const char *const plan_cost_names[COST_COUNT] = {
    "purchase", "order", "production", "setup", "transport", "vehicles",
    "holding", "overtime", "fixed", "lost", "backorder", "shortfall"};

static int number_of(const json_t *obj, const char *key, double *out)
{
    const json_t *v = json_object_get(obj, key);
    if (!json_is_number(v)) return -1;
    *out = json_number_value(v);
    return 0;
}

static void read_costs(const json_t *root, plan_summary *s, diag_sink *in)
{
    const json_t *costs = json_object_get(root, "costs");
    if (!json_is_object(costs)) {
        diag_report(in, SCOPT_SEV_ERROR, s->path, 0, 0, "no \"costs\" object; expected the cost breakdown "
                    "{\"purchase\": ..., \"shortfall\": ...}");
        return;
    }
    for (int k = 0; k < COST_COUNT; k++)
        if (number_of(costs, plan_cost_names[k], &s->costs[k]))
            diag_report(in, SCOPT_SEV_ERROR, s->path, 0, 0, "\"costs\" has no number \"%s\"; expected all of "
                        "purchase, order, production, setup, transport, vehicles, holding, overtime, fixed, "
                        "lost, backorder, shortfall", plan_cost_names[k]);
}

scopt_status plan_read_summary(const char *dir, plan_summary *s, diag_sink *in)
{
    json_error_t jerr;
    int before = in->errors;
    memset(s, 0, sizeof *s);
    snprintf(s->path, sizeof s->path, "%s/summary.json", dir);
    json_t *root = json_load_file(s->path, 0, &jerr);
    if (!root) {
        diag_report(in, SCOPT_SEV_ERROR, s->path, jerr.line > 0 ? jerr.line : 0, jerr.column > 0 ? jerr.column : 0,
                    "%s; expected the summary.json that scopt solve -o writes", jerr.text);
        return SCOPT_EINPUT;
    }
    const json_t *status = json_object_get(root, "status");
    snprintf(s->status, sizeof s->status, "%s", json_is_string(status) ? json_string_value(status) : "");
    if (!json_is_object(root))
        diag_report(in, SCOPT_SEV_ERROR, s->path, 1, 1, "not a JSON object; expected {\"status\": ...}");
    else if (number_of(root, "objective", &s->objective))
        diag_report(in, SCOPT_SEV_ERROR, s->path, 0, 0, "no number \"objective\" (status \"%s\"); expected a "
                    "summary of a plan to check", s->status);
    else
        read_costs(root, s, in);
    json_decref(root);
    return in->errors > before ? SCOPT_EINPUT : SCOPT_OK;
}
