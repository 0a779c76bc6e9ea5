/* runner.h - independent jobs, one process each, run to completion: the small interface
 * behind `scopt compare` (ARCHITECTURE.md section 8). runner_local.c runs them in a pool of
 * local processes; a runner for a cluster (MPI ranks, a batch scheduler's job array) would
 * implement the same call. Each job writes its own outputs under its own name, so a job that
 * dies loses only its own results. */
#ifndef SCOPT_RUNNER_H
#define SCOPT_RUNNER_H

typedef struct runner_job {
    char **argv;              /* the command, NULL-terminated; argv[0] is the program's path */
    const char *stdout_path;  /* its standard output goes there (created or truncated) */
    const char *stderr_path;  /* its standard error */
    int exit_code;            /* after the run: its exit status, 128+N when killed by signal N,
                                 127 when it could not be started */
    double seconds;           /* wall time */
} runner_job;

typedef void (*runner_done_fn)(const runner_job *job, int index, void *user);

/* Run the N jobs, at most PARALLEL at a time, started in index order; ON_DONE (may be
 * NULL) is called as each one ends. Returns the number of jobs that could not be started. */
int runner_run_local(runner_job *jobs, int n, int parallel, runner_done_fn on_done, void *user);

/* the number of processors available to this process (at least 1) */
int runner_cpu_count(void);

#endif
