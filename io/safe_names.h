/* safe_names.h - model names that MPS and LP readers (glpsol, cbc) accept: characters other
 * than letters, digits and _ . , [ ] ( ) become '_', names are cut to 200 bytes, and
 * collisions get a "~N" suffix. The map back to the dataset's names can be written as CSV. */
#ifndef SCOPT_SAFE_NAMES_H
#define SCOPT_SAFE_NAMES_H

#include "model.h"

typedef struct safe_names {
    char **rows, **cols;   /* safe names, owned */
    int nrows, ncols;
} safe_names;

int safe_names_make(const scopt_model *m, safe_names *out); /* -1 on out of memory */
void safe_names_free(safe_names *s);
/* "kind,safe_name,name" lines for every row and column */
int safe_names_write_map(const scopt_model *m, const safe_names *s, const char *path);

#endif
