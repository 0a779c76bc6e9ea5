/* test_pdlp_checkpoint.c - PDLP's checkpoint file (solver/pdlp_checkpoint.c, docs/pdlp.md
 * "Checkpoints"):
 *  - a run stopped by its iteration limit leaves its point; the next run starts there (the
 *    iterations go on from the file's count) and ends optimal, its residuals and gap under the
 *    tolerance and its objective within the tolerance of a run without interruption;
 *  - resuming is exact: from the file, the same iterations and the same point as a run that
 *    restarts at the same iteration (a file written at iteration k, read back, resumed to k + j,
 *    equals a run resumed from that file twice);
 *  - a file for another LP, a truncated file, a damaged one and one that is no checkpoint are
 *    not used: the run is then the cold run to the bit, the result says why, and the file is
 *    replaced by this LP's point; a file that cannot be written is reported, not an error;
 *  - no temporary file is left beside it. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness.h"
#include "test_rand.h"
#include "pdlp_lps.h"

static char dir[64];
static char path[128];

static void run(const pdlp_problem *p, long limit, const char *ckpt, pdlp_result *r)
{
    pdlp_params prm;
    pdlp_params_init(&prm);
    prm.iteration_limit = limit;
    prm.checkpoint = ckpt;
    prm.log_every = -1;
    CHECK(pdlp_solve(p, &prm, r, NULL) == SCOPT_OK);
}

static int same_point(const pdlp_result *a, const pdlp_result *b, int n, int m)
{
    return a->iterations == b->iterations && !memcmp(a->x, b->x, (size_t)n * sizeof(double)) &&
           !memcmp(a->y, b->y, (size_t)m * sizeof(double));
}

/* files in the test directory (the checkpoint only, when nothing is left behind) */
static int files_in_dir(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));) n += e->d_name[0] != '.';
    if (d) closedir(d);
    return n;
}

TEST(resume_after_a_limit)
{
    scopt_model *md = random_lp(1, 150, 200, 6); /* 2,752 iterations */
    pdlp_problem p = pdlp_problem_of(md);
    pdlp_result cold, cut, resumed;
    run(&p, 0, NULL, &cold);
    CHECK(cold.status == PDLP_OPTIMAL && cold.iterations > 1000);
    remove(path);
    run(&p, 1000, path, &cut);
    CHECK(cut.status == PDLP_ITERATION_LIMIT && cut.checkpoint_saved && cut.resumed_from == 0);
    CHECK(files_in_dir() == 1);
    run(&p, 0, path, &resumed);
    CHECK(resumed.status == PDLP_OPTIMAL && resumed.resumed_from == 1000 && resumed.iterations > 1000);
    CHECK(resumed.rel_primal_residual <= 1e-4 && resumed.rel_dual_residual <= 1e-4 && resumed.rel_gap <= 1e-4);
    CHECK(fabs(resumed.primal_obj - cold.primal_obj) <= 1e-3 * (1 + fabs(cold.primal_obj)));
    CHECK(resumed.checkpoint_saved && resumed.checkpoint_note[0] == 0 && files_in_dir() == 1);
    pdlp_result_free(&cold);
    pdlp_result_free(&cut);
    pdlp_result_free(&resumed);
    model_free(md);
}

/* a file written at the tolerance (a solve whose finish a limit then stopped): the next run on
 * it ends at once, the same point and iteration count, without stepping away from it first
 * (pdlp.c resumed_point_met; fails when the resumed run iterates) */
TEST(resume_at_the_tolerance_ends_at_once)
{
    scopt_model *md = random_lp(1, 150, 200, 6);
    pdlp_problem p = pdlp_problem_of(md);
    pdlp_result first, again;
    remove(path);
    run(&p, 0, path, &first);
    CHECK(first.status == PDLP_OPTIMAL && first.checkpoint_saved);
    run(&p, 0, path, &again);
    CHECK(again.status == PDLP_OPTIMAL && again.resumed_from == first.iterations);
    CHECK(same_point(&first, &again, md->ncols, md->nrows));
    CHECK(again.rel_gap == first.rel_gap && again.rel_primal_residual == first.rel_primal_residual);
    pdlp_result_free(&first);
    pdlp_result_free(&again);
    model_free(md);
}

TEST(resume_is_exact)
{
    scopt_model *md = random_lp(5, 100, 150, 4); /* 1,024 iterations */
    pdlp_problem p = pdlp_problem_of(md);
    pdlp_result a, b, c;
    remove(path);
    run(&p, 300, path, &a); /* the file holds iteration 300 */
    char copy[160];
    snprintf(copy, sizeof copy, "%s.copy", path);
    FILE *in = fopen(path, "rb"), *out = fopen(copy, "wb");
    for (int ch; in && out && (ch = fgetc(in)) != EOF;) fputc(ch, out);
    if (in) fclose(in);
    if (out) fclose(out);
    run(&p, 700, path, &b);  /* from 300 to 700 */
    run(&p, 700, copy, &c);  /* the same file again */
    CHECK(b.resumed_from == 300 && c.resumed_from == 300 && b.status == PDLP_ITERATION_LIMIT);
    CHECK(same_point(&b, &c, md->ncols, md->nrows));
    remove(copy);
    pdlp_result_free(&a);
    pdlp_result_free(&b);
    pdlp_result_free(&c);
    model_free(md);
}

/* the file `path` is written by fn, then a run on lp must be the cold run with note `why` */
static void not_used(const pdlp_problem *p, const pdlp_result *cold, int n, int m, const char *why)
{
    pdlp_result r;
    run(p, 0, path, &r);
    CHECK(r.resumed_from == 0 && same_point(&r, cold, n, m));
    if (!strstr(r.checkpoint_note, why)) fprintf(stderr, "  note '%s', expected '%s'\n", r.checkpoint_note, why);
    CHECK(strstr(r.checkpoint_note, why) != NULL);
    CHECK(r.checkpoint_saved && files_in_dir() == 1);
    pdlp_result_free(&r);
}

static void cut_file(long keep)
{
    FILE *f = fopen(path, "r+b");
    CHECK(f != NULL && ftruncate(fileno(f), keep) == 0);
    if (f) fclose(f);
}

static void flip_byte(long at)
{
    FILE *f = fopen(path, "r+b");
    int ch = f && fseek(f, at, SEEK_SET) == 0 ? fgetc(f) : EOF;
    CHECK(ch != EOF && fseek(f, at, SEEK_SET) == 0 && fputc(ch ^ 0x40, f) != EOF);
    if (f) fclose(f);
}

TEST(files_not_used)
{
    scopt_model *a = random_lp(7, 40, 60, 3), *b = random_lp(8, 40, 60, 3);
    pdlp_problem pa = pdlp_problem_of(a), pb = pdlp_problem_of(b);
    pdlp_result cold, r;
    run(&pb, 0, NULL, &cold);
    remove(path);
    run(&pa, 200, path, &r); /* A's point */
    pdlp_result_free(&r);
    not_used(&pb, &cold, b->ncols, b->nrows, "another LP");
    cut_file(200);           /* B's file, cut inside x */
    not_used(&pb, &cold, b->ncols, b->nrows, "truncated");
    cut_file(10);            /* inside the header */
    not_used(&pb, &cold, b->ncols, b->nrows, "shorter than");
    flip_byte(200);          /* a bit of x */
    not_used(&pb, &cold, b->ncols, b->nrows, "checksum");
    flip_byte(70);           /* a bit of the primal weight in the header */
    not_used(&pb, &cold, b->ncols, b->nrows, "damaged");
    FILE *f = fopen(path, "w");
    for (int k = 0; f && k < 20; k++) CHECK(fputs("item,site,period,quantity\nwidget,plant,1,10\n", f) >= 0);
    if (f) fclose(f);
    not_used(&pb, &cold, b->ncols, b->nrows, "not a PDLP checkpoint");
    /* a file that cannot be written: the run is fine, the result says so */
    char missing[160];
    snprintf(missing, sizeof missing, "%s/no/such/dir/ck", dir);
    run(&pb, 0, missing, &r);
    CHECK(r.status == PDLP_OPTIMAL && !r.checkpoint_saved && strstr(r.checkpoint_note, "No such file") != NULL);
    CHECK(same_point(&r, &cold, b->ncols, b->nrows));
    pdlp_result_free(&r);
    pdlp_result_free(&cold);
    model_free(a);
    model_free(b);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/scopt-ckpt-XXXXXX");
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    snprintf(path, sizeof path, "%s/lp.ckpt", dir);
    static const harness_test tests[] = {T(resume_after_a_limit), T(resume_at_the_tolerance_ends_at_once), T(resume_is_exact), T(files_not_used)};
    int rc = harness_run(tests, (int)(sizeof tests / sizeof tests[0]), "pdlp_checkpoint");
    remove(path);
    rmdir(dir);
    return rc;
}
