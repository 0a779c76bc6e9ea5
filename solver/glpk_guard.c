/* glpk_guard.c - GLPK error and terminal hooks (see glpk_guard.h). */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "glpk_guard.h"
#include "util.h"

int glpk_tm_lim_until(double deadline)
{
    double left = deadline - now_seconds();
    return left > 0 ? (int)fmin(left * 1000.0, (double)INT_MAX) : 1;
}

static void flush_line(glpk_guard *g)
{
    if (!g->line_len) return;
    g->line[g->line_len] = '\0';
    memcpy(g->prev_line, g->last_error, sizeof g->prev_line);
    snprintf(g->last_error, sizeof g->last_error, "%s", g->line);
    if (g->on_log && !g->quiet && !g->mute) g->on_log(g->line, g->log_user);
    g->line_len = 0;
}

/* GLPK hands its output in chunks; cut them into lines */
static int on_term(void *info, const char *s)
{
    glpk_guard *g = info;
    for (; *s; s++) {
        if (*s == '\n') flush_line(g);
        else if (g->line_len + 1 < sizeof g->line) g->line[g->line_len++] = *s;
    }
    if (g->cancel && cancel_requested(g->cancel)) {
        g->cancelled = g->failed = 1;
        glp_free_env(); /* as on_error: every GLPK object of this thread goes */
        longjmp(*g->target, 1);
    }
    return 1; /* never print to stdout */
}

static void on_error(void *info)
{
    glpk_guard *g = info;
    flush_line(g);
    /* GLPK says what failed, then "Error detected in file ...": keep both */
    char both[sizeof g->last_error];
    snprintf(both, sizeof both, "%.500s (%.500s)", g->prev_line, g->last_error);
    memcpy(g->last_error, both, sizeof both);
    g->failed = 1;
    glp_free_env(); /* frees every GLPK object of this thread; GLPK works again afterwards */
    longjmp(*g->target, 1);
}

scopt_status glpk_guard_enter(glpk_guard *g, scopt_log_fn on_log, void *log_user, int quiet)
{
    memset(g, 0, sizeof *g);
    int rc = glp_init_env(); /* 0 created, 1 already there; else no memory or unsupported */
    if (rc != 0 && rc != 1) return SCOPT_ENOMEM;
    g->created_env = rc == 0;
    g->on_log = on_log;
    g->log_user = log_user;
    g->quiet = quiet;
    g->target = &g->jump;
    g->term_was = glp_term_out(GLP_ON); /* the hook (and the cancel check) needs GLPK's output on */
    glp_term_hook(on_term, g);
    glp_error_hook(on_error, g);
    return SCOPT_OK;
}

void glpk_guard_leave(glpk_guard *g)
{
    flush_line(g);
    if (g->failed) return; /* the environment and its hooks are gone; touching GLPK would recreate it */
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    glp_term_out(g->term_was);
    /* GLPK's environment is per thread and lives until freed: a host that solves from
     * short-lived threads would lose it (about 5 KB) with every thread. One the host made
     * itself (to use GLPK directly) stays. */
    if (g->created_env) glp_free_env();
}

void glpk_guard_arm(glpk_guard *g, const volatile int *cancel)
{
    /* stopping GLPK frees the thread's environment: never one the host made for its own objects */
    if (g) g->cancel = g->created_env ? cancel : NULL;
}

/* while armed GLPK must print: at GLP_MSG_ON (muted when the caller asked for less) */
static int begin_print(glpk_guard *g, int *msg_lev)
{
    if (!g || !g->cancel || *msg_lev >= GLP_MSG_ON) return 0;
    *msg_lev = GLP_MSG_ON;
    g->mute++;
    return 1;
}

int glpk_guard_simplex(glpk_guard *g, glp_prob *P, glp_smcp *sp)
{
    int muted = begin_print(g, &sp->msg_lev);
    if (g && g->cancel && sp->out_frq > GLPK_GUARD_CANCEL_MS) sp->out_frq = GLPK_GUARD_CANCEL_MS;
    int ret = glp_simplex(P, sp);
    if (muted) g->mute--;
    return ret;
}

int glpk_guard_interior(glpk_guard *g, glp_prob *P, glp_iptcp *ip)
{
    int muted = begin_print(g, &ip->msg_lev); /* it prints every iteration */
    int ret = glp_interior(P, ip);
    if (muted) g->mute--;
    return ret;
}

jmp_buf *glpk_guard_catch(glpk_guard *g, jmp_buf *here)
{
    if (!g) return NULL;
    jmp_buf *prev = g->target;
    g->target = here;
    return prev;
}

void glpk_guard_release(glpk_guard *g, jmp_buf *prev)
{
    if (g) g->target = prev;
}

_Noreturn void glpk_guard_rethrow(glpk_guard *g, jmp_buf *prev)
{
    g->target = prev;
    longjmp(*prev, 1);
}
