/* family_util.h - helpers for tests that write a tiny dataset as CSV strings into a temporary
 * directory, solve it through the public API and look at the plan. */
#ifndef SCOPT_TEST_FAMILY_UTIL_H
#define SCOPT_TEST_FAMILY_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "scopt.h"

typedef struct { const char *name, *text; } csv_file;

/* write the files into a fresh directory under tests/out; returns its path (static buffer) */
static const char *write_dataset(const char *tag, const csv_file *files)
{
    static char dir[256];
    char path[1200];
    snprintf(dir, sizeof dir, "tests/out/families/%s", tag);
    snprintf(path, sizeof path, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
    if (system(path) != 0) return NULL;
    for (int k = 0; files[k].name; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[k].name);
        FILE *f = fopen(path, "w");
        if (!f) return NULL;
        fputs(files[k].text, f);
        fclose(f);
    }
    return dir;
}

/* solve DIR; returns the plan (NULL on failure, message printed) */
static scopt_plan *solve_dir(const char *dir, scopt_network **net_out)
{
    scopt_error err;
    scopt_options opt;
    scopt_options_init(&opt);
    opt.mip_gap = 0;
    *net_out = NULL;
    if (scopt_network_read_dir(dir, &opt, net_out, &err) != SCOPT_OK) {
        fprintf(stderr, "  read %s: %s:%ld:%ld: %s\n", dir, err.file, err.line, err.column, err.message);
        return NULL;
    }
    scopt_plan *p = NULL;
    if (scopt_solve(*net_out, &opt, &p, &err) != SCOPT_OK) {
        fprintf(stderr, "  solve %s: %s\n", dir, err.message);
        return NULL;
    }
    return p;
}

/* a number from summary.json at a dotted path such as "costs.holding" */
static double summary_number(const scopt_plan *p, const char *path)
{
    char *json = scopt_plan_summary_json(p);
    double v = NAN;
    char key[128];
    const char *at = json, *dot;
    while (at && (dot = strchr(path, '.'))) {
        snprintf(key, sizeof key, "\"%.*s\":", (int)(dot - path), path);
        at = strstr(at, key);
        path = dot + 1;
    }
    snprintf(key, sizeof key, "\"%s\":", path);
    if (at && (at = strstr(at, key))) v = strtod(at + strlen(key), NULL);
    scopt_free(json);
    return v;
}

#endif
