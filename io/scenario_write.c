/* scenario_write.c - the materialised scenario as a dataset directory, and the way back:
 * every table the scenario touched is written from memory (remembering the line of each
 * row), every other one is linked to the base file. A message the reader gives about
 * FILE:LINE:COL of that directory is mapped back to the user's file (base table, overlay
 * table, or the edit in scenario.csv that made the row), "line N" inside the message too. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "scenario.h"

static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    char buf[65536];
    size_t n;
    int rc = in && out ? 0 : -1;
    while (!rc && (n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n) rc = -1;
    if (in) fclose(in);
    if (out && fclose(out)) rc = -1;
    return rc;
}

/* the base file, unchanged: a link to it (a copy where links fail) */
static int link_base(const scen_tab *tb, const char *path)
{
    char real[PATH_MAX];
    if (realpath(tb->path[0], real) && symlink(real, path) == 0) return 0;
    return copy_file(tb->path[0], path);
}

static int write_rows(scen_tab *tb, const char *path)
{
    FILE *f = fopen(path, "wb");
    free(tb->out_line);
    tb->out_line = malloc((tb->rows.nrows + 1) * sizeof *tb->out_line);
    if (!f || !tb->out_line) {
        if (f) fclose(f);
        return -1;
    }
    int rc = raw_table_write(&tb->rows, f, tb->out_line);
    return fclose(f) || rc ? -1 : 0;
}

scopt_status scen_write_dir(scenario *sc, const char *dir, scopt_error *err)
{
    char path[1200];
    for (int t = 0; t < T_COUNT; t++) {
        scen_tab *tb = &sc->tab[t];
        int rc = 0;
        snprintf(path, sizeof path, "%s/%s", dir, table_file_names[t]);
        if (tb->loaded && (tb->in_base || tb->in_overlay || tb->rows.nrows)) rc = write_rows(tb, path);
        else if (!tb->loaded && tb->in_base) rc = link_base(tb, path);
        if (rc) return error_set(err, SCOPT_EIO, "cannot write %s: %s", path, strerror(errno ? errno : ENOMEM));
    }
    return SCOPT_OK;
}

/* ---- the way back ---- */

typedef struct place {
    const char *file;
    long line, col;
    long edit_line; /* the edit that changed the cell in question (0 = none) */
} place;

/* the row of tb that starts at or before LINE of the written file */
static size_t row_at(const scen_tab *tb, long line)
{
    size_t lo = 0, hi = tb->rows.nrows;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (tb->out_line[mid] <= line) lo = mid;
        else hi = mid;
    }
    return lo;
}

static place locate(const scenario *sc, const scen_tab *tb, long line, long col)
{
    place p = {tb->in_base || !tb->in_overlay ? tb->path[0] : tb->path[1], line, col, 0};
    if (!tb->loaded || line <= 0) return p;
    int c = (int)col - 1;
    if (line == 1 || !tb->rows.nrows || line < tb->out_line[0]) {
        int in_base = c >= 0 && c < tb->rows.ncols && tb->colno[0].data[c];
        int in_ov = c >= 0 && c < tb->rows.ncols && tb->colno[1].data[c];
        p.file = in_base || !in_ov ? tb->path[0] : tb->path[1];
        p.line = 1;
        p.col = in_base ? tb->colno[0].data[c] : in_ov ? tb->colno[1].data[c] : 0;
        return p;
    }
    const scen_origin *o = &tb->origin.data[row_at(tb, line)];
    p.file = o->src == SRC_EDIT ? sc->edits_path : tb->path[o->src];
    p.line = o->line;
    p.col = o->src == SRC_EDIT || c < 0 || c >= tb->rows.ncols ? 0 : tb->colno[o->src].data[c];
    if (o->edit_line && (col == 0 || c == o->edit_col) && o->src != SRC_EDIT) p.edit_line = o->edit_line;
    return p;
}

/* MSG with every "line N" of TB's written file replaced by where that row came from */
static void map_line_refs(const scenario *sc, const scen_tab *tb, const char *file, const char *msg, char *out,
                          size_t n)
{
    size_t w = 0;
    while (*msg && w + 1 < n) {
        char *end;
        long l;
        if (strncmp(msg, "line ", 5) == 0 && msg[5] >= '1' && msg[5] <= '9' && (l = strtol(msg + 5, &end, 10)) > 0) {
            place p = locate(sc, tb, l, 0);
            int k = strcmp(p.file, file) == 0 ? snprintf(out + w, n - w, "line %ld", p.line)
                                              : snprintf(out + w, n - w, "%s:%ld", p.file, p.line);
            w += k > 0 && (size_t)k < n - w ? (size_t)k : 0;
            msg = end;
        } else {
            out[w++] = *msg++;
        }
    }
    out[w] = '\0';
}

int scen_translate(const scenario *sc, const char *dir, const char *file, long line, long col, const char *msg,
                   char *file_out, size_t nfile, long *line_out, long *col_out, char *msg_out, size_t nmsg)
{
    size_t n = strlen(dir);
    if (!file || strncmp(file, dir, n) != 0 || file[n] != '/') return 0;
    int t = 0;
    while (t < T_COUNT && strcmp(file + n + 1, table_file_names[t]) != 0) t++;
    if (t == T_COUNT) return 0;
    const scen_tab *tb = &sc->tab[t];
    place p = locate(sc, tb, line, col);
    snprintf(file_out, nfile, "%s", p.file);
    *line_out = p.line;
    *col_out = p.col;
    if (tb->loaded) map_line_refs(sc, tb, p.file, msg, msg_out, nmsg);
    else snprintf(msg_out, nmsg, "%s", msg);
    size_t len = strlen(msg_out);
    if (p.edit_line && len < nmsg)
        snprintf(msg_out + len, nmsg - len, " (after the edit at %s:%ld)", sc->edits_path, p.edit_line);
    return 1;
}
