/* round_plan.h - the GLPK-free half of scopt's structural round-up (docs/heuristics.md): round
 * an LP point's integers, lower every costed integer as far as its rows allow, and check a
 * point against the model's bounds, integrality and rows. Used by the round-up inside GLPK's
 * branch and cut (glpk_heur.c) and by the PDLP route for MIPs (pdlp_mip.c), which re-solve the
 * remaining LP each in their own way. */
#ifndef SCOPT_ROUND_PLAN_H
#define SCOPT_ROUND_PLAN_H

#include "model.h"

#define ROUND_PLAN_FEAS_TOL 1e-6 /* the check: rows and bounds, relative to 1 + |bound| */

enum { ROUND_UP, ROUND_NEAREST, ROUND_MODES };

typedef struct round_plan {
    const scopt_model *m;
    double *x;            /* 1-based: x[1..ncols], the point being rounded (GLPK's indexing) */
    double *act;          /* 0-based row activities of x (round_plan_descend, round_plan_is_plan) */
    int *colptr, *rowidx; /* the model's matrix by columns (0-based) */
    double *val;
    int *rowptr, *colidx; /* and by rows (made by the first round_plan_propagate) */
    double *rval;
    double *lb, *ub;      /* round_plan_propagate's bounds */
    unsigned char *pinned; /* 0-based: integers round_plan_close_minimum closed (NULL: none yet) */
} round_plan;

/* Returns -1 on out of memory (w then needs no round_plan_free, which is harmless anyway). */
int round_plan_init(round_plan *w, const scopt_model *m);
void round_plan_free(round_plan *w);

/* the integer value of column j (0-based) with LP value v: ROUND_UP counts anything above
 * `positive` as used (ceil(v - positive)), ROUND_NEAREST rounds to the nearest; both within
 * the column's bounds */
double round_plan_value(const scopt_model *m, int j, double v, int mode, double positive);

/* setups and orders of w->x that are open (>= 1) close where the flow their minimum row
 * bounds (make in min_lot*setup <= make, buy in min_order*order <= buy) is below that minimum
 * at lp_x (0-based: an LP point of the model): opened, they would force the flow up to it.
 * Returns how many closed. */
int round_plan_close_below_minimum(round_plan *w, const double *lp_x);

/* With the integers fixed at w->x and the other columns in their bounds: tighten those bounds
 * row by row (at most `passes` sweeps) until a row's activity range misses the row's bounds:
 * returns that row (no plan has these integers), or -1 when none was found (which proves
 * nothing either way). */
int round_plan_propagate(round_plan *w, int passes);

/* for a row round_plan_propagate found unmeetable (where the contradiction surfaced, which
 * may be hops away from its cause: a setup's minimum lot row, starved by a closed order two
 * balances away): every integer that gates a row within ROUND_PLAN_REPAIR_HOPS hops of it
 * (through continuous columns; a gate has a negative coefficient: buy <= capacity * order,
 * make <= M * setup, inflow <= M * open, volume <= capacity * vehicles) and sits below the
 * ceiling of its value at lp_x (0-based) goes back up to that ceiling: the closings that
 * starved or stranded the row are undone. Returns how many moved (-1: out of memory). */
#define ROUND_PLAN_REPAIR_HOPS 3
int round_plan_reopen_near(round_plan *w, int row, const double *lp_x);

/* the other repair, for a row round_plan_propagate found unmeetable because open integers force
 * too much into it (S3 as a MIP: a component's balance overdrawn by a parent's minimum lot two
 * rows away, whose relaxation flow was a trace): every open setup or order within
 * ROUND_PLAN_REPAIR_HOPS hops whose relaxation flow (lp_x, 0-based) is below its minimum closes;
 * when there is none, the integer of the row itself that pushes it the wrong way (a setup's
 * time on a capacity row, a minimum row's gate) and that the relaxation used least. What closes
 * stays closed (pinned) for round_plan_reopen_near until round_plan_unpin. Returns how many
 * closed (0: none can), -1 on out of memory. Call it right after round_plan_propagate (it
 * reads the bounds that call left). */
int round_plan_close_forcing(round_plan *w, int row, const double *lp_x);
void round_plan_unpin(round_plan *w);

/* lower each costed integer column of w->x (in column order) as far as every row it is in and
 * its lower bound allow, the other columns held: a point that met the rows still meets them
 * and costs less. Vehicles fall to ceil(load / vehicle capacity); a setup, order or open
 * decision whose flow is 0 closes. Returns how many columns moved. */
int round_plan_descend(round_plan *w);

/* 1 when w->x is a plan: every bound, integrality and row met (ROUND_PLAN_FEAS_TOL) */
int round_plan_is_plan(round_plan *w);

/* c'x plus the objective's constant */
double round_plan_cost(const round_plan *w);

#endif
