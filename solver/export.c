/* export.c - scopt_export_model: the model of a network as free MPS or CPLEX LP, written by
 * GLPK with safe names and the objective constant, so that glpsol, cbc or any other solver
 * can check scopt's answer. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "glpk_driver.h"
#include "glpk_guard.h"
#include "glpk_load.h"
#include "safe_names.h"

/* MPS readers disagree on the sign of a right-hand side on the objective row (GLPK reads it as
 * the constant, COIN-OR's as minus the constant), so the constant is written as a column fixed at
 * 1 whose cost is the constant: every reader then gets the same objective. */
static void constant_as_column(glp_prob *P)
{
    double c0 = glp_get_obj_coef(P, 0);
    if (c0 == 0.0) return;
    int j = glp_add_cols(P, 1);
    glp_set_col_name(P, j, "objective_constant");
    glp_set_col_bnds(P, j, GLP_FX, 1.0, 1.0);
    glp_set_obj_coef(P, j, c0);
    glp_set_obj_coef(P, 0, 0.0);
}

scopt_status glpk_export(const scopt_model *m, scopt_model_format fmt, const char *path, const char *map_path,
                         scopt_error *err)
{
    safe_names names;
    glpk_guard g;
    if (safe_names_make(m, &names)) return error_set(err, SCOPT_ENOMEM, "out of memory for names");
    if (map_path && safe_names_write_map(m, &names, map_path)) {
        safe_names_free(&names);
        return error_set(err, SCOPT_EIO, "cannot write %s", map_path);
    }
    volatile int rc = 0;
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    if (glpk_guard_enter(&g, NULL, NULL, 1) != SCOPT_OK) {
        safe_names_free(&names);
        return error_set(err, SCOPT_ENOMEM, "out of memory: GLPK cannot start");
    }
    if (setjmp(g.jump) == 0) {
        glp_prob *P = glp_create_prob();
        glp_set_prob_name(P, "scopt");
        if (glpk_load(P, m, (const char *const *)names.rows, (const char *const *)names.cols)) rc = -2;
        if (rc == 0) constant_as_column(P);
        if (rc == 0) rc = fmt == SCOPT_FORMAT_MPS ? glp_write_mps(P, GLP_MPS_FILE, NULL, tmp) : glp_write_lp(P, NULL, tmp);
        glp_delete_prob(P);
        glpk_guard_leave(&g);
    } else {
        glpk_guard_leave(&g);
        safe_names_free(&names);
        return error_set(err, SCOPT_EINTERNAL, "GLPK failed while writing %s: %s", path, g.last_error);
    }
    safe_names_free(&names);
    if (rc == 0 && rename(tmp, path) != 0) rc = -1;
    if (rc) remove(tmp);
    if (rc == -2) return error_set(err, SCOPT_ENOMEM, "out of memory");
    if (rc) return error_set(err, SCOPT_EIO, "cannot write %s: %s", path, g.last_error);
    return SCOPT_OK;
}

scopt_status scopt_export_model(const scopt_network *net, const scopt_options *opt, scopt_model_format fmt,
                                const char *path, const char *map_path, scopt_error *err)
{
    diag_sink d;
    scopt_model *m;
    error_clear(err);
    if (!net || !path) return error_set(err, SCOPT_EUSAGE, "scopt_export_model: network and path are required");
    if (network_check_ready(net, "scopt_export_model", err) != SCOPT_OK) return SCOPT_EUSAGE;
    diag_init(&d, opt, err);
    scopt_status s = model_build(net, &d, &m);
    if (s != SCOPT_OK) return s == SCOPT_ENOMEM ? error_set(err, s, "out of memory while building the model") : s;
    s = glpk_export(m, fmt, path, map_path, err);
    model_free(m);
    return s;
}
