/* pdlp_internal.h - the workspace shared by the pdlp*.c files (see pdlp.h for the split).
 *
 * Scaling: the solver works on  A~ = R A C  (R = diag(rs), C = diag(cs)), so x = cs * x~,
 * y = rs * y~ / obj_scale, rl~ = rs * rl, lb~ = lb / cs, c~ = obj_scale * cs * c. Bound scaling
 * is folded into rs and cs. Objective values computed from scaled vectors are the original
 * ones times obj_scale. The residual kernels divide by rs / cs to report original units. */
#ifndef SCOPT_PDLP_INTERNAL_H
#define SCOPT_PDLP_INTERNAL_H

#include <math.h>
#include <stdint.h>
#include "pdlp.h"
#include "util.h"

/* a bound as IEEE arithmetic sees it: scopt's "unlimited" (|v| >= SCOPT_INF) is an infinity */
static inline double pdlp_to_inf(double v) { return v >= SCOPT_INF ? INFINITY : v <= -SCOPT_INF ? -INFINITY : v; }

/* the scaled problem on the host, before upload */
typedef struct pdlp_host {
    int m, n, nnz;
    double *c, *lb, *ub, *rl, *ru; /* scaled; infinite bounds are IEEE infinities */
    double *rs, *cs;               /* row and column scales (see above) */
    double obj_scale;
    int *rowptr, *colind;          /* CSR of A~ */
    double *val;
    int *trowptr, *tcolind;        /* CSR of A~^T */
    double *tval;
    double bnorm, cnorm;           /* 2-norms of the original bounds and costs (relative criteria) */
    int trivially_infeasible;      /* some lower bound above its upper bound */
} pdlp_host;

/* device vectors: columns (n) and rows (m) */
typedef struct pdlp_vecs {
    gpu_vec *c, *lb, *ub, *cs;
    gpu_vec *x, *xn, *xp, *xbar, *x0, *aty, *atyp, *xray, *atyray;
    gpu_vec *ones_n;               /* 1.0 each: statistics in the scaled units (pdlp_infeas.c) */
    gpu_vec *rl, *ru, *rs;
    gpu_vec *y, *yn, *yp, *y0, *axbar, *axp, *yray, *axray;
    gpu_vec *ones_m;
} pdlp_vecs;

/* what one check measured (original units unless said) */
typedef struct pdlp_stats {
    double pobj, dobj;          /* objectives (without obj_scale) */
    double rp, rd;              /* primal and dual residual 2-norms */
    double rel_rp, rel_rd, rel_gap;
    double fp_error;            /* fixed-point error |z - T(z)|_P (scaled) */
} pdlp_stats;

typedef struct pdlp_work {
    const pdlp_params *prm;
    const scopt_backend *be;
    gpu_ctx *ctx;
    gpu_mat *A;
    pdlp_host h;
    pdlp_vecs v;
    double eta;                 /* step: tau = eta / omega, sigma = eta * omega */
    double norm_a;              /* |A~|_2 estimate */
    double omega;               /* primal weight */
    double pw_err_sum;          /* PID controller of log omega: discounted sum of errors */
    double pw_best, pw_best_balance; /* omega where the residuals were most balanced, and that balance */
    long iter;                  /* iterations done */
    long k;                     /* iterations since the last restart */
    int restarts;
    double fp_restart;          /* fixed-point error at the last restart (inf: none yet) */
    double fp_last;             /* at the previous check */
    pdlp_stats st;
    double tol;                 /* what a check compares with: prm->tol, then prm->refine_tol */
    double obj_const;           /* added to both objectives (the presolve's constant) */
    /* refinement (pdlp_refine.c): the point that met prm->tol, kept while going on */
    gpu_vec *keep_x, *keep_y;
    pdlp_stats keep_st;
    long iter_at_tol, refine_until;
    double refine_deadline;
    int refining, refined;
    long polish_iterations;     /* feasibility polishing (pdlp_polish.c): both phases, all rounds */
    int polish_rounds;
    int polish_primal, polish_dual; /* 1: that half of the answer is a polished one */
    double polish_seconds;
    uint64_t fingerprint;       /* the LP's, for the checkpoint file (0: no file) */
    long resumed_from;          /* iterations of the checkpoint this run started from (0: none) */
    int checkpoint_saved;       /* 1: the checkpoint file was written at the end */
    char checkpoint_note[200];  /* why an existing checkpoint file was not used, or not written */
    double start, last_log;
    char error[512];
} pdlp_work;

/* a backend call failed: copy its message and return its code */
int pdlp_backend_fail(pdlp_work *w, int code);
#define PDLP_TRY(w, call)                                                 \
    do {                                                                  \
        int pdlp_rc_ = (call);                                            \
        if (pdlp_rc_) return pdlp_backend_fail((w), pdlp_rc_);            \
    } while (0)

/* pdlp_scale.c */
int pdlp_host_build(const pdlp_problem *p, const pdlp_params *prm, pdlp_host *h);
void pdlp_host_free(pdlp_host *h);

/* pdlp.c: a progress line (tag ":" or " end"); a line of text to the log (unless log_every < 0) */
void pdlp_log_line(pdlp_work *w, const char *tag);
void pdlp_say(const pdlp_work *w, const char *line);

/* pdlp_step.c */
/* the scaled matrix (CSR of A and of A') into backend be's memory: mat_create's status */
int pdlp_host_matrix(const pdlp_host *h, const scopt_backend *be, gpu_ctx *c, gpu_mat **out);
int pdlp_device_setup(pdlp_work *w);
void pdlp_device_free(pdlp_work *w);
int pdlp_step_size(pdlp_work *w);
/* PDLP_CANCELLED, PDLP_ITERATION_LIMIT or PDLP_TIME_LIMIT when one is reached, else -1 */
int pdlp_limit_hit(const pdlp_work *w);
/* one PDHG step: the Halpern point into xn/yn (and xbar); full != 0 (a check follows): also
 * T(z) into xp/yp and aty = A'y for the z the step started from */
int pdlp_step(pdlp_work *w, int full);
/* z <- the Halpern point (swap buffers) */
void pdlp_advance(pdlp_work *w);
/* T(z) <- (x, y) with its products A x, A'y (the statistics are the caller's) */
int pdlp_put_point(pdlp_work *w, const gpu_vec *x, const gpu_vec *y);
/* steps, advancing after each, until a full one: at a multiple of check_every, at iteration
 * `until` (<= 0: none) or when a limit is hit; a check follows it */
int pdlp_steps_to_check(pdlp_work *w, long until);

/* pdlp_term.c: residuals and gap of T(z), the fixed-point error of z; 1 when converged */
int pdlp_check(pdlp_work *w, int *converged);
/* 1 when the objectives and residuals of a check are all finite */
int pdlp_stats_finite(const pdlp_stats *s);

/* pdlp_restart.c: after a check that does not end the iteration, restart to T(z) when the
 * fixed-point error decayed enough, else advance */
int pdlp_go_on(pdlp_work *w);

/* pdlp_refine.c: the tolerance a refinement goes on toward (prm->refine_tol when it is below
 * prm->tol), else 0 */
double pdlp_refine_target(const pdlp_params *p);
/* called when a check met w->tol. Returns 0 with *go_on = 1 when a refinement
 * starts (the point is kept, w->tol tightened), else *go_on = 0: the loop ends optimal */
int pdlp_refine_start(pdlp_work *w, int *go_on);
/* during a refinement, at a check that did not converge: 1 when it must end (its budget, a
 * limit, a NaN), after which pdlp_refine_restore puts the kept point back */
int pdlp_refine_over(const pdlp_work *w);
int pdlp_refine_restore(pdlp_work *w);
void pdlp_refine_free(pdlp_work *w);

/* pdlp_presolve.c: the LP without the column singletons of its equality rows (red), and the
 * way back; removed = 0 when there is none (red is then unset) */
typedef struct pdlp_presolve {
    pdlp_problem red;
    int removed;
    double obj_const;              /* objective of the removed columns that became a constant */
    double *cost, *lb, *ub, *rlo, *rhi, *av;
    int *ai, *aj;
    int *kept;                     /* reduced column -> column */
    int *row_col;                  /* per row: the column removed from it, or -1 */
    double *row_coef;              /* its coefficient */
} pdlp_presolve;
int pdlp_presolve_build(const pdlp_problem *p, pdlp_presolve *ps); /* -1: out of memory */
void pdlp_presolve_post(const pdlp_presolve *ps, const pdlp_problem *p, const pdlp_result *r, pdlp_result *out);
void pdlp_presolve_free(pdlp_presolve *ps);

/* pdlp_checkpoint.c: the LP's fingerprint (the problem as given and the scaling settings);
 * start from prm->checkpoint when it holds this LP's point (else log why not and start from
 * zero); write the point T(z) there at the end. Only a backend failure is an error. */
uint64_t pdlp_fingerprint(const pdlp_problem *p, const pdlp_params *prm);
int pdlp_checkpoint_load(pdlp_work *w, uint64_t fingerprint);
int pdlp_checkpoint_save(pdlp_work *w, uint64_t fingerprint);
/* the caller's start point (pdlp_params.start_x/start_y) as the restart point, unless a
 * checkpoint was resumed */
int pdlp_start_load(pdlp_work *w);
/* pdlp_polish.c: after the tolerance was met, T(z) (xp, yp, axp, atyp, st) replaced by the
 * polished point when polishing helped (docs/pdlp.md "Feasibility polishing") */
int pdlp_polish(pdlp_work *w);
/* pdlp_infeas.c: test the rays since the last restart; *certified = 1 (and *status) when one
 * is a certificate of infeasibility */
int pdlp_infeasibility(pdlp_work *w, int *certified, pdlp_status *status);

#endif
