/* atomic_dir.c - see atomic_dir.h. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "atomic_dir.h"
#include "util.h"

static void split_path(const char *path, char *parent, size_t np, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) { snprintf(parent, np, "."); *base = path; return; }
    snprintf(parent, np, "%.*s", (int)(slash - path) ? (int)(slash - path) : 1, path);
    *base = slash + 1;
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        char p[5000];
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            struct stat st;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) remove_tree(p);
            else unlink(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* remove ".BASE.scopt-tmp.PID" siblings whose process is gone */
static void remove_stale(const char *parent, const char *base)
{
    DIR *d = opendir(parent);
    if (!d) return;
    char prefix[600], p[4800];
    snprintf(prefix, sizeof prefix, ".%s.scopt-", base);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, prefix, strlen(prefix))) continue;
        const char *dot = strrchr(e->d_name, '.');
        long pid = dot ? strtol(dot + 1, NULL, 10) : 0;
        if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno != ESRCH)) continue;
        snprintf(p, sizeof p, "%s/%s", parent, e->d_name);
        remove_tree(p);
    }
    closedir(d);
}

/* mkdir -p DIR */
static int make_parents(const char *dir)
{
    char p[4096];
    snprintf(p, sizeof p, "%s", dir);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) return -1;
        *s = '/';
    }
    return (mkdir(p, 0777) != 0 && errno != EEXIST) ? -1 : 0;
}

scopt_status atomic_dir_begin(atomic_dir *a, const char *target, scopt_error *err)
{
    char parent[4096];
    const char *base;
    memset(a, 0, sizeof *a);
    size_t len = strlen(target);
    while (len > 1 && target[len - 1] == '/') len--;
    if (len == 0 || len >= sizeof a->target - 64)
        return error_set(err, SCOPT_EUSAGE, "bad output directory '%s'", target);
    memcpy(a->target, target, len);
    split_path(a->target, parent, sizeof parent, &base);
    if (!base[0] || !strcmp(base, ".") || !strcmp(base, ".."))
        return error_set(err, SCOPT_EUSAGE, "output directory '%s' must name a directory, not . or ..", target);
    if (make_parents(parent) != 0)
        return error_set(err, SCOPT_EIO, "cannot create the directory '%s': %s", parent, strerror(errno));
    remove_stale(parent, base);
    snprintf(a->temp, sizeof a->temp, "%s/.%s.scopt-tmp.%ld", parent, base, (long)getpid());
    remove_tree(a->temp);
    if (mkdir(a->temp, 0777) != 0)
        return error_set(err, SCOPT_EIO, "cannot create a directory in '%s': %s", parent, strerror(errno));
    return SCOPT_OK;
}

FILE *atomic_dir_open(atomic_dir *a, const char *name, scopt_error *err)
{
    char p[4800];
    snprintf(p, sizeof p, "%s/%s", a->temp, name);
    FILE *f = fopen(p, "w");
    if (!f) error_set(err, SCOPT_EIO, "cannot write %s: %s", p, strerror(errno));
    return f;
}

scopt_status atomic_dir_close_file(atomic_dir *a, FILE *f, const char *name, scopt_error *err)
{
    int bad = ferror(f) || fflush(f) != 0 || fsync(fileno(f)) != 0;
    int e = errno;
    bad |= fclose(f) != 0;
    if (bad) return error_set(err, SCOPT_EIO, "cannot write %s/%s: %s", a->target, name, strerror(e ? e : errno));
    return SCOPT_OK;
}

static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) { fsync(fd); close(fd); }
}

scopt_status atomic_dir_commit(atomic_dir *a, scopt_error *err)
{
    char parent[4096];
    const char *base;
    split_path(a->target, parent, sizeof parent, &base);
    sync_dir(a->temp);
    struct stat st;
    if (lstat(a->target, &st) != 0) {
        if (rename(a->temp, a->target) != 0)
            return error_set(err, SCOPT_EIO, "cannot create %s: %s", a->target, strerror(errno));
    } else if (!S_ISDIR(st.st_mode)) {
        return error_set(err, SCOPT_EIO, "%s exists and is not a directory", a->target);
    } else if (renameat2(AT_FDCWD, a->temp, AT_FDCWD, a->target, RENAME_EXCHANGE) != 0) {
        /* no atomic exchange here: move the old plan aside, then the new one in */
        char old[4800];
        snprintf(old, sizeof old, "%s/.%s.scopt-old.%ld", parent, base, (long)getpid());
        if (rename(a->target, old) != 0 || rename(a->temp, a->target) != 0)
            return error_set(err, SCOPT_EIO, "cannot replace %s: %s", a->target, strerror(errno));
        remove_tree(old);
    } else {
        remove_tree(a->temp); /* after the exchange it holds the previous plan */
    }
    sync_dir(parent);
    return SCOPT_OK;
}

void atomic_dir_abort(atomic_dir *a)
{
    if (a->temp[0]) remove_tree(a->temp);
}
