/* glpk_guard.h - run GLPK calls with its error hook installed and its terminal output routed
 * to a log callback. GLPK's fatal errors call the hook, which frees the thread's GLPK
 * environment and longjmps back here (GLPK would otherwise abort the host process).
 *
 * Cancelling inside GLPK's LP solvers: glp_simplex and glp_interior take no callback, but they
 * print progress lines, and every line passes the terminal hook. While the guard is armed with
 * a cancel flag, the hook looks at it after each line and, once set, stops GLPK the way a
 * fatal error does (its environment freed, a longjmp), marked `cancelled`. LP solves made with
 * glpk_guard_simplex / glpk_guard_interior print a line at least every
 * GLPK_GUARD_CANCEL_MS while armed (muted when the caller wanted no output), so a cancel is
 * seen within about that plus one iteration.
 *
 * A function that holds memory of its own across GLPK calls installs a landing point with
 * glpk_guard_catch, frees its memory there (GLPK's objects are gone already) and passes the
 * failure or cancel on with glpk_guard_rethrow; glpk_guard_release removes the point. Every
 * function accepts g == NULL (no guard: no landing points, no cancel check). */
#ifndef SCOPT_GLPK_GUARD_H
#define SCOPT_GLPK_GUARD_H

#include <glpk.h>
#include <setjmp.h>
#include "scopt.h"

#define GLPK_GUARD_CANCEL_MS 500 /* glp_smcp.out_frq while armed */

typedef struct glpk_guard {
    jmp_buf jump;
    jmp_buf *target;        /* where a failure or a cancel lands: &jump or a glpk_guard_catch point */
    const volatile int *cancel; /* armed: looked at after every GLPK output line */
    int mute;               /* > 0: GLPK lines are not passed to on_log (printed for the cancel check only) */
    int cancelled;          /* the cancel flag stopped GLPK (its environment is gone, as after a failure) */
    char last_error[1024];  /* GLPK's last line; after a failure: what failed (where) */
    char prev_line[1024];
    char line[1024];       /* partial terminal line */
    size_t line_len;
    int quiet;
    int failed;            /* GLPK's error hook ran, or the cancel flag stopped GLPK */
    int created_env;       /* this guard created the thread's GLPK environment: leave frees it */
    int term_was;          /* glp_term_out before enter (restored by leave) */
    scopt_log_fn on_log;
    void *log_user;
} glpk_guard;

/* create the thread's GLPK environment if needed (GLPK aborts when it cannot do that itself)
 * and install the hooks; returns SCOPT_ENOMEM when GLPK cannot start. Call GLPK only after
 * `if (setjmp(g->jump) == 0)`. */
scopt_status glpk_guard_enter(glpk_guard *g, scopt_log_fn on_log, void *log_user, int quiet);
/* remove hooks (and flush a partial log line) */
void glpk_guard_leave(glpk_guard *g);

/* check *cancel after every GLPK output line from now on; NULL disarms (branch and cut has
 * its own callback, which stops it without losing its incumbent). Not armed when the thread's
 * GLPK environment was the host's before enter: stopping GLPK frees it, the host's objects too. */
void glpk_guard_arm(glpk_guard *g, const volatile int *cancel);
/* glp_simplex / glp_interior, printing often enough for the cancel check while armed */
int glpk_guard_simplex(glpk_guard *g, glp_prob *P, glp_smcp *sp);
int glpk_guard_interior(glpk_guard *g, glp_prob *P, glp_iptcp *ip);

/* glp_smcp.tm_lim for an LP solved inside branch and cut's callbacks (the heuristics' and the
 * cuts' re-solves): glp_intopt looks at its own tm_lim only between its steps, so without this
 * such an LP runs past the time limit (S3 as a MIP: a round-up re-solve, 100,000 iterations
 * allowed, well over 2 minutes past it). The milliseconds until `deadline` (now_seconds();
 * 1e300: none, INT_MAX), at least 1; solve_tm_lim (glpk_driver.h) for the solve's own limit. */
int glpk_tm_lim_until(double deadline);

/* make failures and cancels land at `here` (after `if (setjmp(*here))`); returns the previous
 * landing point for glpk_guard_release / glpk_guard_rethrow */
jmp_buf *glpk_guard_catch(glpk_guard *g, jmp_buf *here);
void glpk_guard_release(glpk_guard *g, jmp_buf *prev);
/* from a landing point: restore prev and land there */
_Noreturn void glpk_guard_rethrow(glpk_guard *g, jmp_buf *prev);

#endif
