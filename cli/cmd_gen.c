/* cmd_gen.c - `scopt gen OUTDIR [options]`: option parsing and presets of the dataset
 * generator (design note in gen.h); writes the CSV tables and prints their row counts and an
 * estimate of the model's size. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "gen.h"

static void help(FILE *f)
{
    fprintf(f, "usage: scopt gen OUTDIR [--preset S|M|L|XL] [--seed N] [--items N] [--bom-depth N]\n"
               "       [--suppliers N] [--plants N] [--resources N] [--warehouses N] [--customers N]\n"
               "       [--periods N] [--lane-density X] [--mip none|all|setups,orders,optional,vehicles]\n\n"
               "Writes a valid, feasible supply-chain dataset into OUTDIR (created if missing; its tables\n"
               "are overwritten). The same seed and options give byte-identical files on every machine.\n"
               "Tables are streamed, so memory does not grow with the number of demand rows.\n\n"
               "  --preset P       S (about 10k model columns), M (200k), L (2M), XL (20M); default S.\n"
               "                   The other options change the preset's values.\n"
               "  --seed N         random seed (default 1)\n"
               "  --items N        items in all: raw materials, components and finished goods\n"
               "  --bom-depth N    levels of the bill of materials (1: raw -> finished)\n"
               "  --resources N    resources per plant\n"
               "  --lane-density X probability of each secondary lane (0..1): a customer's 2nd-4th nearest\n"
               "                   warehouse, a second producing plant of an item\n"
               "  --mip LIST       integer features: setups (min lots, setup costs and times), orders\n"
               "                   (supplier minimums and order costs), optional (warehouses with a fixed\n"
               "                   cost), vehicles (integer vehicles on some lanes); default none\n");
}

int gen_preset(gen_params *p, char preset)
{
    /*                         items depth sup plants res wh   cust   T  per-cust density */
    static const int t[4][10] = {{40, 2, 6, 3, 2, 4, 16, 12, 6, 30},
                                 {300, 3, 30, 8, 4, 8, 70, 26, 12, 30},
                                 {2000, 4, 120, 20, 6, 24, 250, 52, 12, 30},
                                 {6000, 5, 400, 40, 8, 60, 3200, 52, 15, 30}};
    const char *names = "SMLX";
    const char *at = strchr(names, preset);
    if (!preset || !at) return -1;
    const int *v = t[at - names];
    p->items = v[0]; p->bom_depth = v[1]; p->suppliers = v[2]; p->plants = v[3];
    p->resources_per_plant = v[4]; p->warehouses = v[5]; p->customers = v[6]; p->periods = v[7];
    p->items_per_customer = v[8]; p->lane_density = v[9] / 100.0;
    return 0;
}

static int parse_mip(const char *v, unsigned *out)
{
    static const char *const names[4] = {"setups", "orders", "optional", "vehicles"};
    *out = 0;
    if (!strcmp(v, "none")) return 0;
    if (!strcmp(v, "all")) { *out = GEN_MIP_ALL; return 0; }
    while (*v) {
        size_t len = strcspn(v, ",");
        int k = 0;
        while (k < 4 && (strlen(names[k]) != len || strncmp(v, names[k], len))) k++;
        if (k == 4) return -1;
        *out |= 1u << k;
        v += len + (v[len] == ',');
    }
    return 0;
}

static int parse_long(const char *flag, const char *v, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long x = v ? strtol(v, &end, 10) : 0;
    if (!v || !*v || *end || errno || x < min || x > max) {
        fprintf(stderr, "scopt gen: error: %s needs a whole number between %ld and %ld, got '%s'\n", flag, min, max,
                v ? v : "");
        return -1;
    }
    *out = x;
    return 0;
}

/* one numeric option at argv[*k]: 1 taken, 0 not one of them, -1 bad value */
static int int_option(int argc, char **argv, int *k, gen_params *p)
{
    static const struct { const char *flag; size_t off; long min, max; } opts[] = {
        {"--items", offsetof(gen_params, items), 2, 10000000},
        {"--bom-depth", offsetof(gen_params, bom_depth), 1, 9},
        {"--suppliers", offsetof(gen_params, suppliers), 1, 1000000},
        {"--plants", offsetof(gen_params, plants), 1, 100000},
        {"--resources", offsetof(gen_params, resources_per_plant), 0, 1000},
        {"--warehouses", offsetof(gen_params, warehouses), 1, 100000},
        {"--customers", offsetof(gen_params, customers), 1, 10000000},
        {"--periods", offsetof(gen_params, periods), 1, 10000},
    };
    for (size_t j = 0; j < sizeof opts / sizeof opts[0]; j++) {
        if (strcmp(argv[*k], opts[j].flag)) continue;
        long x;
        const char *v = *k + 1 < argc ? argv[++*k] : NULL;
        if (parse_long(opts[j].flag, v, opts[j].min, opts[j].max, &x)) return -1;
        *(int *)((char *)p + opts[j].off) = (int)x;
        return 1;
    }
    return 0;
}

/* the preset first (wherever it stands), then every other option over it */
static int parse_preset(int argc, char **argv, gen_params *p)
{
    char preset = 'S';
    for (int k = 1; k + 1 < argc; k++)
        if (!strcmp(argv[k], "--preset")) {
            const char *v = argv[k + 1];
            preset = !strcmp(v, "XL") ? 'X' : strlen(v) == 1 && strchr("SML", v[0]) ? v[0] : '?';
            if (preset == '?') {
                fprintf(stderr, "scopt gen: error: --preset takes S|M|L|XL, got '%s'\n", v);
                return -1;
            }
        }
    memset(p, 0, sizeof *p);
    p->seed = 1;
    return gen_preset(p, preset);
}

static int parse_rest(int argc, char **argv, gen_params *p, const char **dir)
{
    for (int k = 1; k < argc; k++) {
        const char *a = argv[k], *v = k + 1 < argc ? argv[k + 1] : NULL;
        int r = int_option(argc, argv, &k, p);
        if (r < 0) return -1;
        if (r > 0) continue;
        char *end;
        if (!strcmp(a, "--preset") && v) k++;
        else if (!strcmp(a, "--seed") && v) {
            errno = 0;
            p->seed = strtoull(v, &end, 10);
            if (!*v || *end || errno || v[0] == '-') { fprintf(stderr, "scopt gen: error: --seed needs a whole number >= 0, got '%s'\n", v); return -1; }
            k++;
        } else if (!strcmp(a, "--lane-density") && v) {
            p->lane_density = strtod(v, &end);
            if (!*v || *end || !(p->lane_density >= 0 && p->lane_density <= 1)) { fprintf(stderr, "scopt gen: error: --lane-density needs a number between 0 and 1, got '%s'\n", v); return -1; }
            k++;
        } else if (!strcmp(a, "--mip") && v) {
            if (parse_mip(v, &p->mip)) { fprintf(stderr, "scopt gen: error: --mip takes none, all or a list of setups,orders,optional,vehicles, got '%s'\n", v); return -1; }
            k++;
        } else if (a[0] != '-' && !*dir) *dir = a;
        else {
            fprintf(stderr, "scopt gen: error: unexpected argument '%s'%s\n", a, a[0] == '-' && !v ? " (missing value?)" : "");
            return -1;
        }
    }
    if (*dir) return 0;
    fprintf(stderr, "scopt gen: error: expected OUTDIR\n");
    return -1;
}

/* mkdir -p */
static int make_dirs(const char *dir)
{
    char path[4096];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof path) return -1;
    memcpy(path, dir, n + 1);
    for (size_t k = 1; k <= n; k++) {
        if (path[k] != '/' && path[k] != 0) continue;
        char keep = path[k];
        path[k] = 0;
        if (mkdir(path, 0777) && errno != EEXIST) return -1;
        path[k] = keep;
    }
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

static void report(const char *dir, const gen_params *p, const gen_counts *c)
{
    static const char *const names[4] = {"setups", "orders", "optional", "vehicles"};
    char mip[64] = "";
    for (int k = 0; k < 4; k++)
        if (p->mip & (1u << k)) snprintf(mip + strlen(mip), sizeof mip - strlen(mip), "%s%s", *mip ? "," : "", names[k]);
    long total = 0;
    for (int k = 0; k < c->nfiles; k++) total += c->rows[k];
    printf("%s: %d tables, %ld rows (seed %llu, %d periods, mip %s)\n", dir, c->nfiles, total,
           (unsigned long long)p->seed, p->periods, *mip ? mip : "none");
    for (int k = 0; k < c->nfiles; k++) printf("  %-22s %ld rows\n", c->files[k], c->rows[k]);
    printf("  model (estimate)       about %ld columns, %ld integer\n", c->columns, c->integers);
}

int cmd_gen(int argc, char **argv)
{
    gen_params p;
    const char *dir = NULL;
    for (int k = 1; k < argc; k++)
        if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h")) { help(stdout); return 0; }
    if (parse_preset(argc, argv, &p) || parse_rest(argc, argv, &p, &dir)) { help(stderr); return EXIT_BAD_INPUT; }
    if (make_dirs(dir)) {
        fprintf(stderr, "scopt gen: error: cannot create directory '%s': %s\n", dir, strerror(errno));
        return EXIT_BAD_INPUT;
    }
    gen_net net;
    char err[256];
    int rc = gen_net_build(&p, &net, err, sizeof err);
    if (rc) {
        fprintf(stderr, "scopt gen: error: %s\n", err);
        gen_net_free(&net);
        return rc > 0 ? EXIT_BAD_INPUT : EXIT_INTERNAL;
    }
    gen_counts counts;
    memset(&counts, 0, sizeof counts);
    const char *failed = "?";
    rc = gen_write_all(&net, dir, &counts, &failed);
    gen_net_free(&net);
    if (rc) {
        fprintf(stderr, "scopt gen: error: cannot write %s/%s: %s\n", dir, failed, strerror(errno));
        return EXIT_INTERNAL;
    }
    report(dir, &p, &counts);
    return 0;
}
