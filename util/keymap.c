/* keymap.c - hash map from tuples of up to four ints to an int: composite keys of the
 * dataset's tables (duplicate detection, summing demand rows) and model index look-ups. */
#include <stdlib.h>
#include <string.h>
#include "util.h"

void keymap_init(keymap *m) { memset(m, 0, sizeof *m); }

void keymap_free(keymap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static uint64_t hash4(int a, int b, int c, int d)
{
    uint64_t h = (uint64_t)(uint32_t)a * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t)(uint32_t)b + 0x7F4A7C159E3779B9ull + (h << 6) + (h >> 2);
    h ^= (uint64_t)(uint32_t)c * 0xC2B2AE3D27D4EB4Full + (h << 6) + (h >> 2);
    h ^= (uint64_t)(uint32_t)d * 0x165667B19E3779F9ull + (h << 6) + (h >> 2);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

static size_t find_slot(const int32_t *keys, const int *vals, size_t nslots, int a, int b, int c, int d)
{
    size_t mask = nslots - 1, i = hash4(a, b, c, d) & mask;
    for (;; i = (i + 1) & mask) {
        const int32_t *k = keys + 4 * i;
        if (!vals[i] || (k[0] == a && k[1] == b && k[2] == c && k[3] == d)) return i;
    }
}

static int grow(keymap *m)
{
    size_t n = m->nslots ? m->nslots * 2 : 64;
    int32_t *keys = malloc(n * 4 * sizeof *keys);
    int *vals = calloc(n, sizeof *vals);
    if (!keys || !vals) { free(keys); free(vals); return -1; }
    for (size_t i = 0; i < m->nslots; i++) {
        if (!m->vals[i]) continue;
        const int32_t *k = m->keys + 4 * i;
        size_t j = find_slot(keys, vals, n, k[0], k[1], k[2], k[3]);
        memcpy(keys + 4 * j, k, 4 * sizeof *k);
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->nslots = n;
    return 0;
}

int keymap_get(const keymap *m, int a, int b, int c, int d)
{
    if (!m->nslots) return -1;
    size_t i = find_slot(m->keys, m->vals, m->nslots, a, b, c, d);
    return m->vals[i] ? m->vals[i] - 1 : -1;
}

int keymap_put(keymap *m, int a, int b, int c, int d, int value)
{
    if ((m->count + 1) * 2 > m->nslots && grow(m)) return -2;
    size_t i = find_slot(m->keys, m->vals, m->nslots, a, b, c, d);
    if (m->vals[i]) return m->vals[i] - 1;
    int32_t *k = m->keys + 4 * i;
    k[0] = a; k[1] = b; k[2] = c; k[3] = d;
    m->vals[i] = value + 1;
    m->count++;
    return -1;
}
