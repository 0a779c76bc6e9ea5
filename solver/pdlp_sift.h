/* pdlp_sift.h - the sifting (column generation) finish after PDLP: a restricted LP over the
 * columns PDLP leaves undecided, priced against every fixed column until none prices out,
 * whose basis then becomes the full LP's (algorithm in pdlp_sift.c and docs/pdlp.md). */
#ifndef SCOPT_PDLP_SIFT_H
#define SCOPT_PDLP_SIFT_H

#include <glpk.h>
#include "glpk_driver.h"
#include "pdlp.h"

typedef struct pdlp_sift_stats {
    int rounds;             /* restricted LPs solved */
    int working_cols;       /* columns in the last restricted LP */
    int working_rows;       /* rows in the last restricted LP */
    long sub_iterations;    /* simplex iterations over all restricted LPs */
} pdlp_sift_stats;

/* On 0, P (a minimisation) holds a basis optimal for the restricted LP and dual feasible for
 * every fixed column up to the pricing tolerance: the caller's primal simplex (presolve off)
 * confirms it. -2: the time limit or the cancel flag stopped it; -1: any other failure (no
 * memory, a simplex failure, no convergence within the round limit); P's bounds are never
 * changed, its basis only on 0. */
int pdlp_sift_start(glp_prob *P, const pdlp_result *pr, const solve_params *p, pdlp_sift_stats *st);

#endif
