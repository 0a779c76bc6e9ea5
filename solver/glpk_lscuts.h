/* glpk_lscuts.h - GLPK plumbing of the lot-sizing (l,S) inequalities of models/cuts_ls.c:
 * rounds of separation on the relaxation before branch and cut (rows added to the problem,
 * so that every node, heuristic and the reported LP bound see them), and cuts at the nodes
 * of glp_intopt through its GLP_ICUTGEN callback (glp_ios_add_row). */
#ifndef SCOPT_GLPK_LSCUTS_H
#define SCOPT_GLPK_LSCUTS_H

#include <glpk.h>
#include "cuts_ls.h"

typedef struct glpk_ls {
    ls_cuts *cuts;         /* NULL: nothing to separate */
    double *x;             /* column values, 0-based */
    int *ind;              /* a row for GLPK (1-based), 2T+3 entries */
    double *val;
    int ncols;
    int node, node_rounds; /* current node of the tree and its separation rounds */
    long rows_root, cuts_tree;
} glpk_ls;

/* prepare for model m; 0 (also when m has no operation to cut), -1 out of memory */
int glpk_ls_init(glpk_ls *g, const scopt_model *m);
void glpk_ls_free(glpk_ls *g);

/* P holds an optimal basis of its relaxation: add violated inequalities as rows and re-solve
 * (dual simplex) until none is violated, after max_rounds rounds, once deadline (now_seconds())
 * passes or *cancel is set; then delete the rows that are not binding. Returns glp_simplex's
 * last return code: 0 when P again holds an optimal basis (if a re-solve fails, the rows are
 * deleted and the model's relaxation solved again). */
int glpk_ls_root(glpk_ls *g, glp_prob *P, int max_rounds, double deadline, const volatile int *cancel);

/* from the branch-and-cut callback at GLP_ICUTGEN: offer violated inequalities as cuts */
void glpk_ls_node(glpk_ls *g, glp_tree *T);

#endif
