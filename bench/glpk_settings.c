/* glpk_settings.c - GLPK's simplex on an MPS file with the settings named on the command line,
 * for docs/solver-settings.md: what scopt can ask of GLPK through its API, measured apart from
 * glpsol's own defaults (glpsol always crashes a basis and scales unless told otherwise).
 * usage: glpk_settings FILE.mps [presolve] [dual|dualp] [flip] [std|adv|cpx] [scale]
 *   presolve  GLPK's LP presolver (it scales and crashes the reduced LP itself)
 *   dual      dual simplex (dualp: dual, then primal if it fails); default primal
 *   flip      long-step ratio test (dual only); default Harris
 *   std|adv|cpx  starting basis: all slacks (default), triangular crash, Bixby's
 *   scale     glp_scale_prob(GLP_SF_AUTO) before the simplex
 * Prints "status=... objective=... iterations=... cpu_seconds=..." (CPU of the solve, the MPS
 * read excluded). Built by bench/glpk_settings.sh. */
#include <glpk.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static int parse(int argc, char **argv, glp_smcp *sp, const char **basis, int *scale)
{
    for (int k = 2; k < argc; k++) {
        const char *a = argv[k];
        if (!strcmp(a, "presolve")) sp->presolve = GLP_ON;
        else if (!strcmp(a, "dual")) sp->meth = GLP_DUAL;
        else if (!strcmp(a, "dualp")) sp->meth = GLP_DUALP;
        else if (!strcmp(a, "flip")) sp->r_test = GLP_RT_FLIP;
        else if (!strcmp(a, "scale")) *scale = 1;
        else if (!strcmp(a, "std") || !strcmp(a, "adv") || !strcmp(a, "cpx")) *basis = a;
        else { fprintf(stderr, "glpk_settings: unknown setting '%s'\n", a); return -1; }
    }
    return 0;
}

int main(int argc, char **argv)
{
    glp_smcp sp;
    const char *basis = "std";
    int scale = 0;
    glp_init_smcp(&sp);
    sp.out_frq = 30000;
    if (argc < 2 || parse(argc, argv, &sp, &basis, &scale)) {
        fprintf(stderr, "usage: glpk_settings FILE.mps [presolve] [dual|dualp] [flip] [std|adv|cpx] [scale]\n");
        return 1;
    }
    glp_prob *P = glp_create_prob();
    if (glp_read_mps(P, GLP_MPS_FILE, NULL, argv[1])) { glp_delete_prob(P); return 1; }
    clock_t c0 = clock();
    if (scale) glp_scale_prob(P, GLP_SF_AUTO);
    if (!strcmp(basis, "adv")) glp_adv_basis(P, 0);
    else if (!strcmp(basis, "cpx")) glp_cpx_basis(P);
    else glp_std_basis(P);
    int ret = glp_simplex(P, &sp);
    printf("status=%s ret=%d objective=%.6f iterations=%d cpu_seconds=%.2f\n",
           glp_get_status(P) == GLP_OPT ? "optimal" : "not-optimal", ret, glp_get_obj_val(P), glp_get_it_cnt(P),
           (double)(clock() - c0) / CLOCKS_PER_SEC);
    glp_delete_prob(P);
    return 0;
}
