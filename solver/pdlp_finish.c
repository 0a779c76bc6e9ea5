/* pdlp_finish.c - from an approximate PDLP point to GLPK's exact vertex (ARCHITECTURE.md
 * section 6; notes on GLPK warm starts in glpk-internals.md section 5).
 *
 * 1. Guess: every variable (row activities 1..m, then columns) gets a score saying how basic it
 *    looks: log(relative distance to its nearer bound) - log(|its reduced cost or row dual|).
 *    The m highest become basic, the others nonbasic at their nearer bound. When GLPK can
 *    factorize that basis and it is primal or dual feasible, the simplex starts from it.
 * 2. Otherwise (supply-chain LPs are degenerate: most basic variables of the optimum sit at a
 *    bound, so the PDLP point cannot name them) sifting (pdlp_sift.c): a restricted LP over the
 *    columns PDLP leaves undecided, grown by pricing until no fixed column prices out; its basis
 *    is optimal for the whole LP and the last simplex only confirms it. When sifting fails, or
 *    with --pdlp-finish restricted, the older restricted LP: every variable at a bound
 *    with a reduced cost (row dual) beyond delta (1 + |its cost|), of the sign that keeps it
 *    there, is fixed at that bound; by complementary slackness the optimum is still feasible.
 *    GLPK solves that much smaller LP (presolve removes the fixed part); its optimal basis,
 *    with the bounds restored and the fixed variables nonbasic at their bound, is a primal
 *    feasible start for the whole LP, which the primal simplex finishes. delta = 1e-2 first;
 *    when that restricted LP is not optimal (a variable fixed wrongly), 1e-1.
 * 3. Any failure on the way (singular, restricted LP not optimal) ends in a cold start. The
 *    last simplex always runs with presolve off (presolve would discard the basis). A limit
 *    or the cancel flag that stops steps 2-3 ends the finish there (GLP_ETMLIM / GLP_ESTOP, no
 *    cold start): pdlp_lp.c then keeps PDLP's point as the plan. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "glpk_guard.h"
#include "pdlp_lp.h"
#include "pdlp_sift.h"
#include "util.h"

#define FIX_PRIMAL 1e-3  /* relative distance to a bound that counts as at the bound */

typedef struct var_guess {
    int k;           /* 1..m rows, m+1..m+n columns */
    double score;
    int at_upper;    /* nearer bound is the upper one */
} var_guess;

static int cmp_score(const void *a, const void *b)
{
    const var_guess *x = a, *y = b;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    return x->k - y->k; /* ties: rows (slacks) first, deterministic */
}

static double safe_log(double v) { return log(fmax(v, 1e-300)); }

/* score of one variable with value v in [lo, hi] (type t) and reduced cost d */
static var_guess score_var(int k, int type, double lo, double hi, double v, double d, double dscale)
{
    var_guess g = {k, 0, 0};
    double dl = type == GLP_FR || type == GLP_UP ? INFINITY : v - lo;
    double du = type == GLP_FR || type == GLP_LO ? INFINITY : hi - v;
    g.at_upper = du < dl;
    if (type == GLP_FX) { g.score = -DBL_MAX; return g; }
    if (type == GLP_FR) { g.score = DBL_MAX; return g; }
    double dist = fmax(fmin(dl, du), 0) / (1.0 + fabs(v));
    g.score = safe_log(dist) - safe_log(fabs(d) / dscale);
    return g;
}

static int nonbasic_status(int type, int at_upper)
{
    switch (type) {
    case GLP_FR: return GLP_NF;
    case GLP_LO: return GLP_NL;
    case GLP_UP: return GLP_NU;
    case GLP_FX: return GLP_NS;
    default: return at_upper ? GLP_NU : GLP_NL;
    }
}

static void set_stat(glp_prob *P, int m, int k, int stat)
{
    if (k <= m) glp_set_row_stat(P, k, stat);
    else glp_set_col_stat(P, k - m, stat);
}

/* the scores of all m + n variables, best first; NULL on out of memory */
static var_guess *rank_vars(glp_prob *P, const pdlp_result *pr)
{
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    var_guess *g = malloc(((size_t)m + (size_t)n + 1) * sizeof *g);
    if (!g) return NULL;
    double dscale = 1.0;
    for (int j = 1; j <= n; j++) dscale = fmax(dscale, fabs(glp_get_obj_coef(P, j)));
    for (int i = 1; i <= m; i++)
        g[i - 1] = score_var(i, glp_get_row_type(P, i), glp_get_row_lb(P, i), glp_get_row_ub(P, i),
                             pr->row_activity[i - 1], pr->y[i - 1], dscale);
    for (int j = 1; j <= n; j++)
        g[m + j - 1] = score_var(m + j, glp_get_col_type(P, j), glp_get_col_lb(P, j), glp_get_col_ub(P, j),
                                 pr->x[j - 1], pr->reduced_cost[j - 1], dscale);
    qsort(g, (size_t)m + (size_t)n, sizeof *g, cmp_score);
    return g;
}

static int var_type(glp_prob *P, int m, int k) { return k <= m ? glp_get_row_type(P, k) : glp_get_col_type(P, k - m); }

/* the m best basic, the rest nonbasic at their nearer bound */
static void apply_guess(glp_prob *P, const var_guess *g)
{
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    for (int q = 0; q < m + n; q++)
        set_stat(P, m, g[q].k, q < m ? GLP_BS : nonbasic_status(var_type(P, m, g[q].k), g[q].at_upper));
}

/* bounds saved while the restricted LP runs; fixed: 0 no, 1 at lo, 2 at hi */
typedef struct saved_bounds { int type; double lo, hi; int fixed; } saved_bounds;

static void get_bounds(glp_prob *P, int m, int k, saved_bounds *b)
{
    int isrow = k <= m, j = isrow ? k : k - m;
    b->type = isrow ? glp_get_row_type(P, j) : glp_get_col_type(P, j);
    b->lo = isrow ? glp_get_row_lb(P, j) : glp_get_col_lb(P, j);
    b->hi = isrow ? glp_get_row_ub(P, j) : glp_get_col_ub(P, j);
    b->fixed = 0;
}

static void set_bounds(glp_prob *P, int m, int k, int type, double lo, double hi)
{
    if (k <= m) glp_set_row_bnds(P, k, type, lo, hi);
    else glp_set_col_bnds(P, k - m, type, lo, hi);
}

/* fix variable k when it is at a bound with a reduced cost beyond delta (1 + |cost|) that
 * keeps it there */
static int fix_if_nonbasic(glp_prob *P, const pdlp_result *pr, int m, int k, double delta, saved_bounds *b)
{
    get_bounds(P, m, k, b);
    if (b->type == GLP_FR || b->type == GLP_FX) return 0;
    double dthr = delta * (1.0 + (k <= m ? 0.0 : fabs(glp_get_obj_coef(P, k - m))));
    double v = k <= m ? pr->row_activity[k - 1] : pr->x[k - m - 1];
    double d = k <= m ? pr->y[k - 1] : pr->reduced_cost[k - m - 1];
    int has_lo = b->type == GLP_LO || b->type == GLP_DB, has_hi = b->type == GLP_UP || b->type == GLP_DB;
    if (has_lo && d > dthr && v - b->lo <= FIX_PRIMAL * (1.0 + fabs(b->lo))) b->fixed = 1;
    else if (has_hi && d < -dthr && b->hi - v <= FIX_PRIMAL * (1.0 + fabs(b->hi))) b->fixed = 2;
    else return 0;
    double at = b->fixed == 1 ? b->lo : b->hi;
    set_bounds(P, m, k, GLP_FX, at, at);
    return 1;
}

/* undo the fixing; a fixed variable left nonbasic sits at the bound it was fixed at */
static void restore_bounds(glp_prob *P, int m, int n, const saved_bounds *sb)
{
    for (int k = 1; k <= m + n; k++) {
        const saved_bounds *b = &sb[k];
        if (!b->fixed) continue;
        set_bounds(P, m, k, b->type, b->lo, b->hi);
        int stat = k <= m ? glp_get_row_stat(P, k) : glp_get_col_stat(P, k - m);
        if (stat != GLP_BS) set_stat(P, m, k, nonbasic_status(b->type, b->fixed == 2));
    }
}

/* step 2 of the file comment: 0 when P holds a valid basis that is optimal for the restricted
 * LP (primal feasible for the whole one), -2 when the time ran out, -1 when it failed otherwise
 * (the bounds are restored anyway) */
static int restricted_start(glp_prob *P, const pdlp_result *pr, const solve_params *p, double delta)
{
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P), nfixed = 0;
    saved_bounds *sb = malloc(((size_t)m + (size_t)n + 1) * sizeof *sb);
    if (!sb) return -1;
    jmp_buf here;
    jmp_buf *prev = glpk_guard_catch(p->guard, &here);
    if (setjmp(here)) { /* GLPK failed or was cancelled: P is gone */
        free(sb);
        glpk_guard_rethrow(p->guard, prev);
    }
    for (int k = 1; k <= m + n; k++) nfixed += fix_if_nonbasic(P, pr, m, k, delta, &sb[k]);
    {
        char line[160];
        snprintf(line, sizeof line, "pdlp finish: restricted LP, %d of %d variables fixed at a bound (delta %g)",
                 nfixed, m + n, delta);
        solve_log(p, line);
    }
    glp_smcp sp;
    glp_init_smcp(&sp);
    sp.msg_lev = p->quiet ? GLP_MSG_ERR : GLP_MSG_ON;
    sp.presolve = GLP_ON;
    sp.tm_lim = solve_tm_lim(p);
    glp_adv_basis(P, 0);
    int ret = glpk_guard_simplex(p->guard, P, &sp);
    int ok = ret == 0 && glp_get_status(P) == GLP_OPT;
    restore_bounds(P, m, n, sb);
    glpk_guard_release(p->guard, prev);
    free(sb);
    return ok ? 0 : ret == GLP_ETMLIM ? -2 : -1;
}

static int run_simplex(glp_prob *P, const solve_params *p, int meth)
{
    glp_smcp sp;
    glp_init_smcp(&sp);
    sp.msg_lev = p->quiet ? GLP_MSG_ERR : GLP_MSG_ON;
    sp.presolve = GLP_OFF;
    sp.meth = meth;
    sp.tm_lim = solve_tm_lim(p);
    return glpk_guard_simplex(p->guard, P, &sp);
}

/* step 1: the guessed basis when GLPK can factorize it and it is primal or dual feasible;
 * returns the simplex method to start with, or 0 */
static int guessed_start(glp_prob *P, const pdlp_result *pr)
{
    var_guess *g = rank_vars(P, pr);
    if (!g) return 0;
    apply_guess(P, g);
    free(g);
    if (glp_factorize(P) != 0 || glp_warm_up(P) != 0) return 0;
    if (glp_get_prim_stat(P) == GLP_FEAS) return GLP_PRIMAL;
    if (glp_get_dual_stat(P) == GLP_FEAS) return GLP_DUAL;
    return 0;
}

static void log_sift(const solve_params *p, int rs, const pdlp_sift_stats *st)
{
    if (!p->on_log || p->quiet) return;
    char line[200];
    snprintf(line, sizeof line, "pdlp finish: sifting %s after %d rounds (%ld simplex iterations, last restricted "
             "LP %d rows x %d columns)", rs == 0 ? "done" : rs == -2 ? "stopped" : "failed", st->rounds,
             st->sub_iterations, st->working_rows, st->working_cols);
    p->on_log(line, p->log_user);
}

int pdlp_finish_simplex(glp_prob *P, const pdlp_result *pr, const solve_params *p, plan_pdlp_info *info)
{
    double t0 = now_seconds();
    int it0 = glp_get_it_cnt(P);
    glp_scale_prob(P, GLP_SF_AUTO);
    int meth = guessed_start(P, pr), stopped = 0;
    info->start_basis = "guess";
    if (!meth) {
        meth = GLP_PRIMAL;
        int rs = -1;
        if (p->pdlp_finish != SCOPT_PDLP_FINISH_RESTRICTED) {
            pdlp_sift_stats st;
            info->start_basis = "sifting";
            rs = pdlp_sift_start(P, pr, p, &st);
            info->finish_rounds = st.rounds;
            info->finish_iterations_restricted = st.sub_iterations;
            log_sift(p, rs, &st);
        }
        if (rs == -1) {
            info->start_basis = "restricted";
            rs = restricted_start(P, pr, p, 1e-2);
            if (rs == -1) rs = restricted_start(P, pr, p, 1e-1);
        }
        stopped = rs == -2; /* a limit or the cancel flag: no time for a cold start either */
        if (rs != 0 && !stopped) {
            info->start_basis = "cold";
            glp_adv_basis(P, 0);
        }
    }
    int ret = !stopped ? run_simplex(P, p, meth) : cancel_requested(p->cancel) ? GLP_ESTOP : GLP_ETMLIM;
    if (ret != 0 && ret != GLP_ETMLIM && ret != GLP_ESTOP && ret != GLP_ENOPFS && ret != GLP_ENODFS) {
        info->start_basis = "cold";
        glp_adv_basis(P, 0);
        ret = run_simplex(P, p, GLP_PRIMAL);
    }
    info->finish_iterations = glp_get_it_cnt(P) - it0;
    info->finish_seconds = now_seconds() - t0;
    info->finish_stopped = ret == GLP_ETMLIM || ret == GLP_ESTOP;
    return ret;
}
