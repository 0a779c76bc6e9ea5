/* glpk_guard.c - GLPK error and terminal hooks (see glpk_guard.h). */
#include <stdio.h>
#include <string.h>
#include "glpk_guard.h"

static void flush_line(glpk_guard *g)
{
    if (!g->line_len) return;
    g->line[g->line_len] = '\0';
    memcpy(g->prev_line, g->last_error, sizeof g->prev_line);
    snprintf(g->last_error, sizeof g->last_error, "%s", g->line);
    if (g->on_log && !g->quiet) g->on_log(g->line, g->log_user);
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
    longjmp(g->jump, 1);
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
    /* GLPK's environment is per thread and lives until freed: a host that solves from
     * short-lived threads would lose it (about 5 KB) with every thread. One the host made
     * itself (to use GLPK directly) stays. */
    if (g->created_env) glp_free_env();
}
