/* glpk_guard.h - run GLPK calls with its error hook installed and its terminal output routed
 * to a log callback. GLPK's fatal errors call the hook, which frees the thread's GLPK
 * environment and longjmps back here (GLPK would otherwise abort the host process). */
#ifndef SCOPT_GLPK_GUARD_H
#define SCOPT_GLPK_GUARD_H

#include <glpk.h>
#include <setjmp.h>
#include "scopt.h"

typedef struct glpk_guard {
    jmp_buf jump;
    char last_error[1024];  /* GLPK's last line; after a failure: what failed (where) */
    char prev_line[1024];
    char line[1024];       /* partial terminal line */
    size_t line_len;
    int quiet;
    int failed;            /* GLPK's error hook ran */
    int created_env;       /* this guard created the thread's GLPK environment: leave frees it */
    scopt_log_fn on_log;
    void *log_user;
} glpk_guard;

/* create the thread's GLPK environment if needed (GLPK aborts when it cannot do that itself)
 * and install the hooks; returns SCOPT_ENOMEM when GLPK cannot start. Call GLPK only after
 * `if (setjmp(g->jump) == 0)`. */
scopt_status glpk_guard_enter(glpk_guard *g, scopt_log_fn on_log, void *log_user, int quiet);
/* remove hooks (and flush a partial log line) */
void glpk_guard_leave(glpk_guard *g);

#endif
