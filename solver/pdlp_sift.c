/* pdlp_sift.c - the sifting finish after PDLP (issue 7 item 3; docs/pdlp.md "The finish").
 *
 * min c'x, rlo <= Ax <= rhi, lo <= x <= hi, from PDLP's approximate (x, d = c - A'y):
 * 1. Working set W = columns that are free, away from their nearer bound (relative distance
 *    > SIFT_AWAY) or at it with a reduced cost that does not hold them there (d below
 *    SIFT_DELTA (1 + |c_j|) with the right sign). Every other column is fixed at its nearer
 *    bound; a row whose columns are all fixed and whose activity then breaks its bounds frees
 *    all its columns.
 * 2. The restricted LP is a separate GLPK problem: the columns of W and the rows they touch,
 *    row bounds shifted by the fixed columns' activity r_i. GLPK solves it (first round cold
 *    with presolve; later rounds warm from the previous basis, presolve off: columns join
 *    nonbasic at the bound they were fixed at, rows join basic, so the basis stays primal
 *    feasible and the primal simplex continues). Infeasible: the fixed columns in the rows
 *    GLPK's phase 1 leaves violated join (or, when they hold none, in the rows up to
 *    SIFT_HOPS hops away in A's graph; else SIFT_CHEAP_FRAC of W by smallest |PDLP reduced
 *    cost|) and it is solved again.
 * 3. Pricing: with the restricted row duals y (0 on rows outside it), d_j = c_j - a_j'y for
 *    every fixed column (one pass over a CSC copy of A built once); a column at its lower
 *    bound with d_j < -tol or at its upper with d_j > tol joins W, most violating first, at
 *    most SIFT_CAP_FRAC of the working set (at least SIFT_CAP_MIN) per round.
 * 4. None violates: the restricted optimum with the fixed columns nonbasic at their bound and
 *    the slacks of the rows outside it basic is an optimal basis of the full LP, written into
 *    P for the caller's confirming simplex.
 * Decisions depend on counts and values only, never on the clock (the time limit only stops). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "glpk_guard.h"
#include "pdlp_lp.h"
#include "pdlp_sift.h"
#include "util.h"

#define SIFT_AWAY 1e-3      /* relative distance to the nearer bound that counts as away */
#define SIFT_DELTA 1e-6     /* PDLP reduced cost that holds a column at its bound, x (1 + |c|) */
#define SIFT_PRICE_TOL 1e-7 /* pricing violation, x (1 + |c|) */
#define SIFT_CAP_MIN 500
#define SIFT_CAP_FRAC 0.5
#define SIFT_MAX_ROUNDS 500
#define SIFT_SAFETY_PASSES 20
#define SIFT_VIOL 1e-9      /* a bound violation GLPK's phase 1 leaves, x (1 + |bound|) */
#define SIFT_HOPS 8          /* infeasible: how far from the violated rows to look for fixed columns */
#define SIFT_CHEAP_FRAC 0.05 /* infeasible, no row named: this fraction of W joins by |d| */
/* a first working set from which the finish has been measured to take hours (L: 720,956 columns,
 * 49 ms a simplex iteration; M: 74,264 columns, minutes): the log says so and names the ways out */
#define SIFT_SLOW_WORKING_SET 200000

typedef struct sift_cand { double key; int j; } sift_cand;

typedef struct sift {
    glp_prob *P, *S;
    const solve_params *p;
    int m, n;
    int *cbeg, *crow;       /* CSC of A, 0-based rows */
    double *cval;
    double *c, *fixval;     /* cost; value of a fixed column */
    signed char *side;      /* fixed columns: 1 at lower, 2 at upper, 3 fixed by its type; 0 in W */
    int *scol, *srow;       /* index in S (1-based) or 0 */
    int *rowmap;            /* S row -> P row (1-based), size m + 1 */
    double *r;              /* activity of the fixed columns per row */
    double *y;              /* row duals of the restricted LP, 0 outside it */
    int *pend, npend;       /* columns waiting to join S */
    struct sift_cand *cand; /* pricing candidates */
    int ns_cols, ns_rows, warm;
} sift;

static void sift_free(sift *s)
{
    if (s->S) glp_delete_prob(s->S);
    free(s->cbeg); free(s->crow); free(s->cval); free(s->c); free(s->fixval); free(s->side);
    free(s->scol); free(s->srow); free(s->rowmap); free(s->r); free(s->y); free(s->pend);
    free(s->cand);
}

/* CSC copy of P's matrix and the per-column arrays; -1 on out of memory */
static int sift_alloc(sift *s)
{
    int m = s->m, n = s->n, nnz = glp_get_num_nz(s->P);
    s->cbeg = malloc(((size_t)n + 1) * sizeof *s->cbeg);
    s->crow = malloc(((size_t)nnz + 1) * sizeof *s->crow);
    s->cval = malloc(((size_t)nnz + 1) * sizeof *s->cval);
    s->c = malloc(((size_t)n + 1) * sizeof *s->c);
    s->fixval = calloc((size_t)n + 1, sizeof *s->fixval);
    s->side = calloc((size_t)n + 1, 1);
    s->scol = calloc((size_t)n + 1, sizeof *s->scol);
    s->srow = calloc((size_t)m + 1, sizeof *s->srow);
    s->rowmap = calloc((size_t)m + 1, sizeof *s->rowmap);
    s->r = calloc((size_t)m + 1, sizeof *s->r);
    s->y = calloc((size_t)m + 1, sizeof *s->y);
    s->pend = malloc(((size_t)n + 1) * sizeof *s->pend);
    s->cand = malloc(((size_t)n + 1) * sizeof *s->cand);
    int *ind = malloc(((size_t)m + 1) * sizeof *ind);
    double *val = malloc(((size_t)m + 1) * sizeof *val);
    int ok = s->cbeg && s->crow && s->cval && s->c && s->fixval && s->side && s->scol && s->srow &&
             s->rowmap && s->r && s->y && s->pend && s->cand && ind && val;
    if (ok) {
        int q = 0;
        for (int j = 1; j <= n; j++) {
            s->cbeg[j - 1] = q;
            int len = glp_get_mat_col(s->P, j, ind, val);
            for (int k = 1; k <= len; k++, q++) s->crow[q] = ind[k] - 1, s->cval[q] = val[k];
            s->c[j] = glp_get_obj_coef(s->P, j);
        }
        s->cbeg[n] = q;
    }
    free(ind);
    free(val);
    return ok ? 0 : -1;
}

/* step 1 for column j (1-based): fix it at its nearer bound, or queue it for W */
static void initial_choice(sift *s, const pdlp_result *pr, int j)
{
    int t = glp_get_col_type(s->P, j);
    double lo = glp_get_col_lb(s->P, j), hi = glp_get_col_ub(s->P, j);
    double x = pr->x[j - 1], d = pr->reduced_cost[j - 1], dthr = SIFT_DELTA * (1.0 + fabs(s->c[j]));
    if (t == GLP_FX) { s->side[j] = 3; s->fixval[j] = lo; return; }
    int has_lo = t == GLP_LO || t == GLP_DB, has_hi = t == GLP_UP || t == GLP_DB;
    double dl = has_lo ? x - lo : INFINITY, du = has_hi ? hi - x : INFINITY;
    if (has_lo && dl <= du && dl <= SIFT_AWAY * (1.0 + fabs(lo)) && d > dthr)
        s->side[j] = 1, s->fixval[j] = lo;
    else if (has_hi && du < dl && du <= SIFT_AWAY * (1.0 + fabs(hi)) && d < -dthr)
        s->side[j] = 2, s->fixval[j] = hi;
    else
        s->pend[s->npend++] = j;
}

static int row_has_lo(int t) { return t == GLP_LO || t == GLP_DB || t == GLP_FX; }
static int row_has_hi(int t) { return t == GLP_UP || t == GLP_DB || t == GLP_FX; }

/* the fixed columns touching a marked row (bad[i] != 0) join W; returns how many. Before the
 * fixed activity is counted (first), they are marked -side: queued, never counted in r. */
static int free_in_rows(sift *s, const char *bad, int first)
{
    int cnt = 0;
    for (int j = 1; j <= s->n; j++) {
        if (s->side[j] != 1 && s->side[j] != 2) continue;
        for (int q = s->cbeg[j - 1]; q < s->cbeg[j]; q++)
            if (bad[s->crow[q] + 1]) {
                s->pend[s->npend++] = j;
                if (first) s->side[j] = (signed char)-s->side[j];
                cnt++;
                break;
            }
    }
    return cnt;
}

/* one pass of the single-row test: with the columns of W anywhere within their bounds and the
 * fixed ones at their value, a row whose activity range misses its bounds frees its fixed
 * columns; returns how many joined, -1 on out of memory */
static int free_blocked_rows(sift *s)
{
    double *amin = calloc((size_t)s->m + 1, sizeof *amin), *amax = calloc((size_t)s->m + 1, sizeof *amax);
    char *bad = calloc((size_t)s->m + 1, 1);
    int cnt = -1;
    if (!amin || !amax || !bad) goto done;
    for (int j = 1; j <= s->n; j++) {
        int t = glp_get_col_type(s->P, j), fixed = s->side[j] > 0;
        double lo = fixed ? s->fixval[j] : t == GLP_LO || t == GLP_DB || t == GLP_FX ? glp_get_col_lb(s->P, j) : -INFINITY;
        double hi = fixed ? s->fixval[j] : t == GLP_UP || t == GLP_DB || t == GLP_FX ? glp_get_col_ub(s->P, j) : INFINITY;
        for (int q = s->cbeg[j - 1]; q < s->cbeg[j]; q++) {
            double a = s->cval[q];
            int i = s->crow[q] + 1;
            amin[i] += a > 0 ? a * lo : a * hi;
            amax[i] += a > 0 ? a * hi : a * lo;
        }
    }
    for (int i = 1; i <= s->m; i++) {
        int t = glp_get_row_type(s->P, i);
        double lo = glp_get_row_lb(s->P, i), hi = glp_get_row_ub(s->P, i);
        bad[i] = (row_has_lo(t) && amax[i] < lo - 1e-9 * (1 + fabs(lo))) ||
                 (row_has_hi(t) && amin[i] > hi + 1e-9 * (1 + fabs(hi)));
    }
    cnt = free_in_rows(s, bad, 1);
done:
    free(amin);
    free(amax);
    free(bad);
    return cnt;
}

/* the "safety" columns (single-row test until nothing changes, at most SIFT_SAFETY_PASSES
 * passes), then the fixed activity of every row; -1 on out of memory */
static int fixed_activity(sift *s)
{
    for (int pass = 0, k; pass < SIFT_SAFETY_PASSES; pass++) {
        if ((k = free_blocked_rows(s)) < 0) return -1;
        if (k == 0) break;
    }
    for (int j = 1; j <= s->n; j++)
        if (s->side[j] > 0)
            for (int q = s->cbeg[j - 1]; q < s->cbeg[j]; q++) s->r[s->crow[q] + 1] += s->cval[q] * s->fixval[j];
    return 0;
}

/* the bounds of P's row i shifted by the fixed activity, onto S's row */
static void set_sub_row_bounds(sift *s, int i)
{
    int t = glp_get_row_type(s->P, i);
    double lo = glp_get_row_lb(s->P, i) - s->r[i], hi = glp_get_row_ub(s->P, i) - s->r[i];
    if (t == GLP_FX) hi = lo;
    glp_set_row_bnds(s->S, s->srow[i], t, lo, hi);
}

/* move the pending columns into S: new rows for the rows they are first to touch (basic),
 * the columns nonbasic at the value they were fixed at, so the basis stays primal feasible;
 * -1 on out of memory */
static int add_pending(sift *s)
{
    int newrows = 0;
    int *ind = malloc(((size_t)s->m + 1) * sizeof *ind);
    double *val = malloc(((size_t)s->m + 1) * sizeof *val);
    if (!ind || !val) { free(ind); free(val); return -1; }
    for (int k = 0; k < s->npend; k++)
        for (int q = s->cbeg[s->pend[k] - 1]; q < s->cbeg[s->pend[k]]; q++)
            if (!s->srow[s->crow[q] + 1]) s->srow[s->crow[q] + 1] = -1, newrows++;
    int next = newrows ? glp_add_rows(s->S, newrows) : 0;
    for (int k = 0; k < s->npend; k++) {
        int j = s->pend[k];
        for (int q = s->cbeg[j - 1]; q < s->cbeg[j]; q++) {
            int i = s->crow[q] + 1;
            if (s->srow[i] < 0) {
                s->srow[i] = next;
                s->rowmap[next++] = i;
                glp_set_row_stat(s->S, s->srow[i], GLP_BS);
            }
            if (s->side[j] > 0) s->r[i] -= s->cval[q] * s->fixval[j];
        }
    }
    int c0 = glp_add_cols(s->S, s->npend);
    for (int k = 0; k < s->npend; k++) {
        int j = s->pend[k], sj = c0 + k, len = 0, t = glp_get_col_type(s->P, j);
        s->scol[j] = sj;
        for (int q = s->cbeg[j - 1]; q < s->cbeg[j]; q++) {
            len++;
            ind[len] = s->srow[s->crow[q] + 1];
            val[len] = s->cval[q];
        }
        glp_set_col_bnds(s->S, sj, t, glp_get_col_lb(s->P, j), glp_get_col_ub(s->P, j));
        glp_set_obj_coef(s->S, sj, s->c[j]);
        glp_set_mat_col(s->S, sj, len, ind, val);
        int stat = abs(s->side[j]) == 2 ? GLP_NU : abs(s->side[j]) == 1 ? GLP_NL :
                   t == GLP_FR ? GLP_NF : t == GLP_UP ? GLP_NU : GLP_NL;
        glp_set_col_stat(s->S, sj, stat);
        s->side[j] = 0;
    }
    for (int k = 0; k < s->npend; k++) /* rows touched: their fixed activity changed */
        for (int q = s->cbeg[s->pend[k] - 1]; q < s->cbeg[s->pend[k]]; q++) set_sub_row_bounds(s, s->crow[q] + 1);
    s->ns_cols += s->npend;
    s->ns_rows += newrows;
    s->npend = 0;
    free(ind);
    free(val);
    return 0;
}

/* solve S: 1 optimal, 0 infeasible (or no basis to trust), -2 time, -1 failure */
static int solve_sub(sift *s)
{
    glp_smcp sp;
    glp_init_smcp(&sp);
    sp.msg_lev = GLP_MSG_ERR;
    sp.r_test = GLP_RT_FLIP; /* long-step ratio test: 16-19% fewer iterations on S3 and M (docs/pdlp.md) */
    sp.tm_lim = solve_tm_lim(s->p);
    glp_scale_prob(s->S, GLP_SF_AUTO);
    if (!s->warm) {
        glp_adv_basis(s->S, 0);
        sp.presolve = GLP_ON;
    }
    int ret = glpk_guard_simplex(s->p->guard, s->S, &sp);
    if (ret == GLP_ENOPFS && sp.presolve == GLP_ON) { /* again without presolve: which rows? */
        glp_adv_basis(s->S, 0);
        sp.presolve = GLP_OFF;
        sp.tm_lim = solve_tm_lim(s->p);
        ret = glpk_guard_simplex(s->p->guard, s->S, &sp);
    }
    if (ret == GLP_ETMLIM) return -2;
    if (ret == GLP_ENOPFS) { s->warm = 0; return 0; }
    if (ret != 0) { s->warm = 0; return -1; }
    s->warm = 1;
    int st = glp_get_status(s->S);
    if (st == GLP_OPT) return 1;
    if (st == GLP_NOFEAS) return 0;
    return -1; /* unbounded restricted LP: the full LP is unbounded too; GLPK's cold run says so */
}

static int cmp_cand(const void *a, const void *b)
{
    const sift_cand *x = a, *y = b;
    if (x->key != y->key) return x->key > y->key ? -1 : 1;
    return x->j - y->j;
}

/* queue the best min(cnt, cap) candidates, returns how many were queued */
static int queue_best(sift *s, int cnt, int cap)
{
    qsort(s->cand, (size_t)cnt, sizeof *s->cand, cmp_cand);
    int take = cnt < cap ? cnt : cap;
    for (int k = 0; k < take; k++) s->pend[s->npend++] = s->cand[k].j;
    return take;
}

static int round_cap(const sift *s)
{
    int cap = (int)(SIFT_CAP_FRAC * s->ns_cols);
    return cap > SIFT_CAP_MIN ? cap : SIFT_CAP_MIN;
}

/* step 3: the fixed columns that price out; returns how many violate (all of them, not only
 * those queued) */
static int price(sift *s)
{
    memset(s->y, 0, ((size_t)s->m + 1) * sizeof *s->y);
    for (int k = 1; k <= s->ns_rows; k++) s->y[s->rowmap[k]] = glp_get_row_dual(s->S, k);
    int cnt = 0;
    for (int j = 1; j <= s->n; j++) {
        if (s->side[j] != 1 && s->side[j] != 2) continue;
        double d = s->c[j];
        for (int q = s->cbeg[j - 1]; q < s->cbeg[j]; q++) d -= s->cval[q] * s->y[s->crow[q] + 1];
        double viol = (s->side[j] == 1 ? -d : d) / (1.0 + fabs(s->c[j]));
        if (viol > SIFT_PRICE_TOL) s->cand[cnt].key = viol, s->cand[cnt++].j = j;
    }
    return cnt;
}

/* the marked rows grow by the rows of the restricted columns that touch one (one hop in the
 * graph of A); returns how many rows were added */
static int widen_rows(sift *s, char *bad)
{
    int added = 0;
    for (int j = 1; j <= s->n; j++) {
        if (!s->scol[j]) continue;
        int touch = 0;
        for (int q = s->cbeg[j - 1]; q < s->cbeg[j] && !touch; q++) touch = bad[s->crow[q] + 1] == 1;
        if (touch)
            for (int q = s->cbeg[j - 1]; q < s->cbeg[j]; q++)
                if (!bad[s->crow[q] + 1]) bad[s->crow[q] + 1] = 2, added++;
    }
    for (int i = 1; i <= s->m; i++) bad[i] = bad[i] != 0;
    return added;
}

/* restricted LP infeasible (GLPK's phase 1 ended): the fixed columns in the rows it leaves
 * violated, and in the rows of the columns it leaves outside their bounds, join; when those
 * rows hold none (the trouble comes through restricted columns), the rows one hop further,
 * up to SIFT_HOPS; returns how many, -1 on out of memory */
static int free_violated_rows(sift *s)
{
    char *bad = calloc((size_t)s->m + 1, 1);
    if (!bad) return -1;
    for (int k = 1; k <= s->ns_rows; k++) {
        int t = glp_get_row_type(s->S, k);
        double v = glp_get_row_prim(s->S, k), lo = glp_get_row_lb(s->S, k), hi = glp_get_row_ub(s->S, k);
        bad[s->rowmap[k]] = (row_has_lo(t) && v < lo - SIFT_VIOL * (1 + fabs(lo))) ||
                            (row_has_hi(t) && v > hi + SIFT_VIOL * (1 + fabs(hi)));
    }
    for (int j = 1; j <= s->n; j++) {
        if (!s->scol[j]) continue;
        int t = glp_get_col_type(s->S, s->scol[j]);
        double v = glp_get_col_prim(s->S, s->scol[j]), lo = glp_get_col_lb(s->S, s->scol[j]);
        double hi = glp_get_col_ub(s->S, s->scol[j]);
        if ((row_has_lo(t) && v < lo - SIFT_VIOL * (1 + fabs(lo))) || (row_has_hi(t) && v > hi + SIFT_VIOL * (1 + fabs(hi))))
            for (int q = s->cbeg[j - 1]; q < s->cbeg[j]; q++) bad[s->crow[q] + 1] = 1;
    }
    int cnt = 0;
    for (int hop = 0; hop < SIFT_HOPS && (cnt = free_in_rows(s, bad, 0)) == 0; hop++)
        if (!widen_rows(s, bad)) break;
    free(bad);
    return cnt;
}

/* restricted LP infeasible and no violated row named: the fixed columns with the smallest
 * |PDLP reduced cost| join;
 * returns how many (0: none left, the full LP is infeasible) */
static int free_cheapest(sift *s, const pdlp_result *pr)
{
    int cnt = 0;
    for (int j = 1; j <= s->n; j++)
        if (s->side[j] == 1 || s->side[j] == 2)
            s->cand[cnt].key = -fabs(pr->reduced_cost[j - 1]) / (1.0 + fabs(s->c[j])), s->cand[cnt++].j = j;
    int cap = (int)(SIFT_CHEAP_FRAC * s->ns_cols);
    return queue_best(s, cnt, cap > SIFT_CAP_MIN ? cap : SIFT_CAP_MIN);
}

/* step 4: S's basis into P, fixed columns nonbasic at their bound, other rows basic */
static void write_basis(sift *s)
{
    for (int i = 1; i <= s->m; i++)
        glp_set_row_stat(s->P, i, s->srow[i] > 0 ? glp_get_row_stat(s->S, s->srow[i]) : GLP_BS);
    for (int j = 1; j <= s->n; j++) {
        int stat = s->scol[j] ? glp_get_col_stat(s->S, s->scol[j]) :
                   s->side[j] == 3 ? GLP_NS : s->side[j] == 2 ? GLP_NU : GLP_NL;
        glp_set_col_stat(s->P, j, stat);
    }
}

/* viol < 0: the restricted LP was infeasible */
static void log_round(const sift *s, int round, int viol, int queued, int sub_it)
{
    char line[240], what[80];
    if (viol < 0) snprintf(what, sizeof what, "infeasible, %d fixed columns join", queued);
    else snprintf(what, sizeof what, "%d columns price out, %d join", viol, queued);
    snprintf(line, sizeof line, "pdlp finish: sifting round %d, restricted LP %d rows x %d of %d columns, "
             "%d simplex iterations; %s", round, s->ns_rows, s->ns_cols, s->n, sub_it, what);
    solve_log(s->p, line);
}

static int sift_rounds(sift *s, const pdlp_result *pr, pdlp_sift_stats *st)
{
    for (int round = 1; round <= SIFT_MAX_ROUNDS; round++) {
        if (solve_stopped(s->p)) return -2;
        if (s->npend && add_pending(s) != 0) return -1;
        int it0 = glp_get_it_cnt(s->S), res = s->ns_cols && s->ns_rows ? solve_sub(s) : 1;
        int sub_it = glp_get_it_cnt(s->S) - it0;
        st->rounds = round;
        st->sub_iterations += sub_it;
        st->working_cols = s->ns_cols;
        st->working_rows = s->ns_rows;
        if (res < 0) return res;
        if (res == 0) {
            int q = free_violated_rows(s);
            if (q < 0) return -1;
            if (q == 0) q = free_cheapest(s, pr);
            log_round(s, round, -1, q, sub_it);
            if (q == 0) return -1;
            continue;
        }
        int viol = price(s), q = queue_best(s, viol, round_cap(s));
        log_round(s, round, viol, q, sub_it);
        if (viol == 0) { write_basis(s); return 0; }
    }
    return -1;
}

int pdlp_sift_start(glp_prob *P, const pdlp_result *pr, const solve_params *p, pdlp_sift_stats *st)
{
    /* on the heap: its fields change between the setjmp and a longjmp */
    sift *s = calloc(1, sizeof *s);
    memset(st, 0, sizeof *st);
    if (!s) return -1;
    jmp_buf here;
    jmp_buf *prev = glpk_guard_catch(p->guard, &here);
    if (setjmp(here)) { /* GLPK failed or was cancelled: P and S are gone */
        s->S = NULL;
        sift_free(s);
        free(s);
        glpk_guard_rethrow(p->guard, prev);
    }
    s->P = P;
    s->p = p;
    s->m = glp_get_num_rows(P);
    s->n = glp_get_num_cols(P);
    int ret = -1;
    if (glp_get_obj_dir(P) != GLP_MIN || s->n == 0 || sift_alloc(s) != 0) goto done;
    for (int j = 1; j <= s->n; j++) initial_choice(s, pr, j);
    if (fixed_activity(s) != 0) goto done;
    {
        char line[160];
        snprintf(line, sizeof line, "pdlp finish: sifting, %d of %d columns in the first working set",
                 s->npend, s->n);
        solve_log(s->p, line);
        if (s->npend >= SIFT_SLOW_WORKING_SET)
            solve_log(s->p, "pdlp finish: on a first working set this large GLPK's simplex takes hours "
                            "(docs/pdlp.md); --time-limit keeps PDLP's point, --pdlp-finish polish meets every "
                            "row with a proven gap");
    }
    s->S = glp_create_prob();
    glp_set_obj_dir(s->S, GLP_MIN);
    ret = sift_rounds(s, pr, st);
done:
    glpk_guard_release(p->guard, prev);
    sift_free(s);
    free(s);
    return ret;
}
