/* glpk_load.h - copy a scopt_model into a glp_prob. */
#ifndef SCOPT_GLPK_LOAD_H
#define SCOPT_GLPK_LOAD_H

#include <glpk.h>
#include "model.h"

/* names may be NULL (no names); returns -1 on out of memory */
int glpk_load(glp_prob *P, const scopt_model *m, const char *const *row_names, const char *const *col_names);

#endif
