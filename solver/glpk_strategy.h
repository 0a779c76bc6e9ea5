/* glpk_strategy.h - scopt's branch-and-cut strategy around glp_intopt (docs/formulation.md),
 * chosen by measurement on the lot-sizing benchmarks:
 *   - (l,S) inequalities (models/cuts_ls.c) as cuts at every node (GLP_ICUTGEN), after rounds
 *     on the relaxation that give the reported LP bound;
 *   - branching on a fractional integer column of the earliest period (GLP_IBRANCH);
 *   - a period-ordered dive (glpk_dive.c) at the root and every few nodes (GLP_IHEUR);
 *   - except in lot-sizing mode, the round-up heuristic (glpk_heur.c) at the root, the first
 *     node below it and every 100 nodes (GLP_IHEUR);
 *   - GLPK's own options (glpk_strategy_iocp).
 * The driver calls glpk_strategy_callback from its glp_intopt callback. */
#ifndef SCOPT_GLPK_STRATEGY_H
#define SCOPT_GLPK_STRATEGY_H

#include <glpk.h>
#include "glpk_heur.h"
#include "glpk_lscuts.h"

typedef struct glpk_strategy {
    const scopt_model *m;
    glpk_ls ls;
    int formulation;       /* 0: plain glp_intopt (the reference of docs/formulation.md) */
    int lot_sizing;        /* the (l,S) rows closed much of the gap: lot-sizing search */
    int dive_every;        /* nodes between dives (0: never) */
    int last_dive;
    double deadline;       /* now_seconds() after which no more heuristic work starts */
    const volatile int *cancel; /* the caller's stop request (scopt_options.cancel) */
    long dives, dive_found;
    int heuristic;         /* run the round-up heuristic (glpk_heur.h) */
    glpk_heur heur;
} glpk_strategy;

/* formulation: 1 = scopt's strategy, 0 = none; heuristic: 1 = the round-up heuristic of
 * glpk_heur.h at GLP_IHEUR; deadline as now_seconds() (<= 0: none); cancel
 * (may be NULL) stops the strategy's own loops too. Returns -1 on out of memory. */
int glpk_strategy_init(glpk_strategy *s, const scopt_model *m, int formulation, int heuristic,
                       double deadline, const volatile int *cancel);
void glpk_strategy_free(glpk_strategy *s);

/* P holds an optimal basis of the model's relaxation: strengthen it with (l,S) rounds.
 * Returns glp_simplex's last return code (0: P again holds an optimal basis). */
int glpk_strategy_root(glpk_strategy *s, glp_prob *P);

/* set glp_intopt's options (cuts: the caller's choice of GLPK's cut generators) */
void glpk_strategy_iocp(const glpk_strategy *s, glp_iocp *io, int cuts, int heuristics);

/* from the glp_intopt callback, every reason */
void glpk_strategy_callback(glpk_strategy *s, glp_tree *T);

#endif
