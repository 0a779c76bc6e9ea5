/* atomic_dir.h - publish a directory of output files all at once: files are written into a
 * hidden temporary sibling, synced, and the sibling then replaces the target (an atomic
 * exchange where the kernel offers one). A crash or kill leaves the old directory intact;
 * leftovers of killed runs are removed by the next run. */
#ifndef SCOPT_ATOMIC_DIR_H
#define SCOPT_ATOMIC_DIR_H

#include <stdio.h>
#include "scopt.h"

typedef struct atomic_dir {
    char target[4096];
    char temp[4700];
} atomic_dir;

scopt_status atomic_dir_begin(atomic_dir *a, const char *target, scopt_error *err);
/* open NAME inside the temporary directory for writing */
FILE *atomic_dir_open(atomic_dir *a, const char *name, scopt_error *err);
/* flush, fsync and close a file opened with atomic_dir_open; reports write errors */
scopt_status atomic_dir_close_file(atomic_dir *a, FILE *f, const char *name, scopt_error *err);
/* replace the target by the temporary directory */
scopt_status atomic_dir_commit(atomic_dir *a, scopt_error *err);
/* remove the temporary directory (after a failure) */
void atomic_dir_abort(atomic_dir *a);

#endif
