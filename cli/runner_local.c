/* runner_local.c - runner.h on this machine: posix_spawn of each job with its outputs
 * redirected to files, at most PARALLEL children at a time, reaped with waitpid. Processes,
 * not threads: each job has its own address space and its own GLPK environment, and a job
 * that crashes cannot take the others down. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "runner.h"

extern char **environ;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int runner_cpu_count(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static pid_t start(runner_job *job)
{
    posix_spawn_file_actions_t fa;
    pid_t pid = -1;
    if (posix_spawn_file_actions_init(&fa)) return -1;
    int bad = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0) ||
              posix_spawn_file_actions_addopen(&fa, 1, job->stdout_path ? job->stdout_path : "/dev/null",
                                               O_WRONLY | O_CREAT | O_TRUNC, 0644) ||
              posix_spawn_file_actions_addopen(&fa, 2, job->stderr_path ? job->stderr_path : "/dev/null",
                                               O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (!bad && posix_spawn(&pid, job->argv[0], &fa, NULL, job->argv, environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return bad ? -1 : pid;
}

static int exit_code_of(int status)
{
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 127;
}

int runner_run_local(runner_job *jobs, int n, int parallel, runner_done_fn on_done, void *user)
{
    pid_t *pids = calloc((size_t)(n > 0 ? n : 1), sizeof *pids);
    double *t0 = calloc((size_t)(n > 0 ? n : 1), sizeof *t0);
    int next = 0, running = 0, failed = 0;
    if (!pids || !t0) { free(pids); free(t0); return n; }
    if (parallel < 1) parallel = 1;
    while (next < n || running > 0) {
        while (next < n && running < parallel) {
            t0[next] = now();
            if ((pids[next] = start(&jobs[next])) > 0) running++;
            else {
                jobs[next].exit_code = 127;
                failed++;
                if (on_done) on_done(&jobs[next], next, user);
            }
            next++;
        }
        if (running == 0) continue;
        int status;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0 && errno == EINTR) continue;
        if (pid < 0) break;
        for (int k = 0; k < next; k++)
            if (pids[k] == pid) {
                pids[k] = 0;
                running--;
                jobs[k].exit_code = exit_code_of(status);
                jobs[k].seconds = now() - t0[k];
                if (on_done) on_done(&jobs[k], k, user);
            }
    }
    free(pids);
    free(t0);
    return failed;
}
