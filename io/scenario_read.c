/* scenario_read.c - scopt_network_read_scenario: lay a scenario over a base dataset
 * (overlay tables, then the edits of scenario.csv), write the result into a fresh
 * temporary directory, read that with scopt_network_read_dir while mapping every message
 * back to the user's files, and remove the directory. The base is never modified. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "scenario.h"

void scenario_free(scenario *sc)
{
    for (int t = 0; t < T_COUNT; t++) {
        scen_tab *tb = &sc->tab[t];
        raw_table_free(&tb->rows);
        VEC_FREE(tb->origin);
        VEC_FREE(tb->colno[0]);
        VEC_FREE(tb->colno[1]);
        free(tb->out_line);
        tb->out_line = NULL;
    }
    VEC_FREE(sc->edits);
    raw_table_free(&sc->strings);
}

static void copy_dir(char *dst, size_t n, const char *dir)
{
    snprintf(dst, n, "%s", dir);
    for (size_t k = strlen(dst); k > 1 && dst[k - 1] == '/'; k--) dst[k - 1] = '\0';
}

static int is_dir(const char *path, diag_sink *d, const char *what)
{
    struct stat st;
    int ok = stat(path, &st) == 0;
    if (ok && S_ISDIR(st.st_mode)) return 1;
    diag_report(d, SCOPT_SEV_ERROR, path, 0, 0, "cannot open %s: %s; expected a directory of CSV files", what,
                strerror(ok ? ENOTDIR : errno));
    return 0;
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* a .csv file of the scenario that is neither a table nor scenario.csv is probably a typo */
static void warn_unknown_files(scenario *sc)
{
    DIR *dir = opendir(sc->scen_dir);
    struct dirent *e;
    while (dir && (e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 4, ".csv") != 0 || strcmp(e->d_name, "scenario.csv") == 0) continue;
        int t = 0;
        while (t < T_COUNT && strcmp(e->d_name, table_file_names[t]) != 0) t++;
        if (t == T_COUNT) {
            char path[1100];
            snprintf(path, sizeof path, "%s/%s", sc->scen_dir, e->d_name);
            diag_report(sc->d, SCOPT_SEV_WARNING, path, 0, 0, "not a dataset table: the file is ignored; expected "
                        "the name of a table (demand.csv, sites.csv, ...) or scenario.csv");
        }
    }
    if (dir) closedir(dir);
}

scopt_status scenario_build(scenario *sc, const char *base_dir, const char *scen_dir, diag_sink *d)
{
    memset(sc, 0, sizeof *sc);
    sc->d = d;
    copy_dir(sc->base_dir, sizeof sc->base_dir, base_dir);
    copy_dir(sc->scen_dir, sizeof sc->scen_dir, scen_dir);
    snprintf(sc->edits_path, sizeof sc->edits_path, "%s/scenario.csv", sc->scen_dir);
    if (raw_table_init(&sc->strings, "", 0, NULL)) return SCOPT_ENOMEM;
    if (!is_dir(sc->base_dir, d, "dataset") | !is_dir(sc->scen_dir, d, "scenario")) return SCOPT_EINPUT;
    for (int t = 0; t < T_COUNT; t++) {
        scen_tab *tb = &sc->tab[t];
        snprintf(tb->path[0], sizeof tb->path[0], "%s/%s", sc->base_dir, table_file_names[t]);
        snprintf(tb->path[1], sizeof tb->path[1], "%s/%s", sc->scen_dir, table_file_names[t]);
        tb->in_base = is_file(tb->path[0]);
        tb->in_overlay = is_file(tb->path[1]);
    }
    warn_unknown_files(sc);
    for (int t = 0; t < T_COUNT && !d->nomem && !diag_limit_reached(d); t++)
        if (sc->tab[t].in_overlay) scen_overlay(sc, t);
    if (!d->nomem && !diag_limit_reached(d)) scen_parse_edits(sc);
    if (!d->errors && !d->nomem) scen_apply_edits(sc);
    return d->nomem ? SCOPT_ENOMEM : d->errors ? SCOPT_EINPUT : SCOPT_OK;
}

/* ---- reading the written directory with messages mapped back ---- */

typedef struct xlate {
    const scenario *sc;
    const char *dir;
    const scopt_options *user;
} xlate;

static void on_diag(const scopt_diagnostic *dg, void *user)
{
    xlate *x = user;
    char file[700], msg[1500];
    scopt_diagnostic t = *dg;
    if (scen_translate(x->sc, x->dir, dg->file, dg->line, dg->column, dg->message, file, sizeof file, &t.line,
                       &t.column, msg, sizeof msg)) {
        t.file = file;
        t.message = msg;
    }
    if (x->user && x->user->on_diagnostic) x->user->on_diagnostic(&t, x->user->diagnostic_user);
}

static void translate_error(const scenario *sc, const char *dir, scopt_error *err)
{
    char file[sizeof err->file], msg[sizeof err->message];
    if (err && scen_translate(sc, dir, err->file, err->line, err->column, err->message, file, sizeof file,
                              &err->line, &err->column, msg, sizeof msg)) {
        memcpy(err->file, file, sizeof file);
        memcpy(err->message, msg, sizeof msg);
    }
}

/* the network's provenance names the user's files, not the temporary directory */
static void fix_paths(scopt_network *net, const scenario *sc)
{
    snprintf(net->dir, sizeof net->dir, "%s", sc->base_dir);
    for (int t = 0; t < T_COUNT; t++)
        snprintf(net->table_path[t], sizeof net->table_path[t], "%s",
                 sc->tab[t].in_overlay ? sc->tab[t].path[1] : sc->tab[t].path[0]);
}

static scopt_status read_written(const scenario *sc, const char *dir, const scopt_options *opt, scopt_network **out,
                                 scopt_error *err)
{
    xlate x = {sc, dir, opt};
    scopt_options o;
    if (opt) o = *opt;
    else scopt_options_init(&o);
    o.on_diagnostic = on_diag;
    o.diagnostic_user = &x;
    scopt_status s = scopt_network_read_dir(dir, &o, out, err);
    if (s != SCOPT_OK) translate_error(sc, dir, err);
    if (*out) fix_paths(*out, sc);
    return s;
}

static void remove_dir(const char *dir)
{
    char path[1200];
    for (int t = 0; t < T_COUNT; t++) {
        snprintf(path, sizeof path, "%s/%s", dir, table_file_names[t]);
        unlink(path);
    }
    rmdir(dir);
}

scopt_status scopt_network_read_scenario(const char *base_dir, const char *scenario_dir, const scopt_options *opt,
                                         scopt_network **out, scopt_error *err)
{
    error_clear(err);
    if (!out) return error_set(err, SCOPT_EUSAGE, "scopt_network_read_scenario: out is NULL");
    *out = NULL;
    if (!base_dir) return error_set(err, SCOPT_EUSAGE, "scopt_network_read_scenario: base_dir is NULL");
    if (!scenario_dir) return scopt_network_read_dir(base_dir, opt, out, err);
    scenario sc;
    diag_sink d;
    diag_init(&d, opt, err);
    scopt_status s = scenario_build(&sc, base_dir, scenario_dir, &d);
    char dir[600];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/scopt-scenario-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    if (s == SCOPT_OK && !mkdtemp(dir)) s = error_set(err, SCOPT_EIO, "cannot create a temporary directory %s: %s",
                                                      dir, strerror(errno));
    else if (s == SCOPT_OK) {
        int warnings = d.warnings;
        s = scen_write_dir(&sc, dir, err);
        if (s == SCOPT_OK) s = read_written(&sc, dir, opt, out, err);
        if (*out) (*out)->warnings += warnings;
        if (err) err->warning_count += warnings;
        remove_dir(dir);
    }
    if (s == SCOPT_ENOMEM) error_set(err, SCOPT_ENOMEM, "out of memory while reading scenario %s", scenario_dir);
    else if (s == SCOPT_EINPUT && err) err->code = SCOPT_EINPUT;
    scenario_free(&sc);
    return s;
}
