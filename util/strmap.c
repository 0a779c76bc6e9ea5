/* strmap.c - string interning: names -> dense ids with O(1) look-up, names kept in an
 * arena so a network of a million rows does not do a million small allocations. */
#include <stdlib.h>
#include <string.h>
#include "util.h"

#define ARENA_BLOCK (64 * 1024)

typedef struct arena_block { struct arena_block *next; char data[]; } arena_block;

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

void strmap_init(strmap *m) { memset(m, 0, sizeof *m); }

void strmap_free(strmap *m)
{
    arena_block *b = m->blocks;
    while (b) { arena_block *n = b->next; free(b); b = n; }
    free(m->names);
    free(m->slots);
    free(m->hashes);
    memset(m, 0, sizeof *m);
}

static char *arena_copy(strmap *m, const char *s)
{
    size_t n = strlen(s) + 1;
    if (m->arena_used + n > m->arena_cap) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        arena_block *b = malloc(sizeof *b + cap);
        if (!b) return NULL;
        b->next = m->blocks;
        m->blocks = b;
        m->arena = b->data;
        m->arena_used = 0;
        m->arena_cap = cap;
    }
    char *p = m->arena + m->arena_used;
    memcpy(p, s, n);
    m->arena_used += n;
    return p;
}

static int lookup_slot(const strmap *m, const char *name, uint32_t h, size_t *slot)
{
    size_t mask = m->nslots - 1, i = h & mask;
    for (;; i = (i + 1) & mask) {
        int v = m->slots[i];
        if (!v) { *slot = i; return -1; }
        if (m->hashes[v - 1] == h && strcmp(m->names[v - 1], name) == 0) { *slot = i; return v - 1; }
    }
}

static int rehash(strmap *m)
{
    size_t n = m->nslots ? m->nslots * 2 : 64;
    int *slots = calloc(n, sizeof *slots);
    if (!slots) return -1;
    for (int id = 0; id < m->count; id++) {
        size_t i = m->hashes[id] & (n - 1);
        while (slots[i]) i = (i + 1) & (n - 1);
        slots[i] = id + 1;
    }
    free(m->slots);
    m->slots = slots;
    m->nslots = n;
    return 0;
}

int strmap_find(const strmap *m, const char *name)
{
    size_t slot;
    if (!m->nslots) return -1;
    return lookup_slot(m, name, hash_str(name), &slot);
}

int strmap_intern(strmap *m, const char *name, int *added)
{
    size_t slot;
    uint32_t h = hash_str(name);
    if (added) *added = 0;
    if ((size_t)(m->count + 1) * 2 > m->nslots && rehash(m)) return -1;
    int id = lookup_slot(m, name, h, &slot);
    if (id >= 0) return id;
    if (m->count == m->names_cap) {
        int cap = m->names_cap ? m->names_cap * 2 : 32;
        char **nn = realloc(m->names, (size_t)cap * sizeof *nn);
        uint32_t *hh = realloc(m->hashes, (size_t)cap * sizeof *hh);
        if (nn) m->names = nn;
        if (hh) m->hashes = hh;
        if (!nn || !hh) return -1;
        m->names_cap = cap;
    }
    char *copy = arena_copy(m, name);
    if (!copy) return -1;
    id = m->count++;
    m->names[id] = copy;
    m->hashes[id] = h;
    m->slots[slot] = id + 1;
    if (added) *added = 1;
    return id;
}

const char *strmap_name(const strmap *m, int id)
{
    return (id >= 0 && id < m->count) ? m->names[id] : "?";
}

/* Levenshtein distance, giving up (returning limit+1) beyond limit. */
static size_t edit_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > limit || lb > 256) return limit + 1;
    size_t row[257];
    for (size_t j = 0; j <= lb; j++) row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = (a[i - 1] == b[j - 1]) ? 0 : 1;
            size_t v = diag + cost;
            if (up + 1 < v) v = up + 1;
            if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best) best = v;
        }
        if (best > limit) return limit + 1;
    }
    return row[lb];
}

const char *strmap_suggest(const strmap *m, const char *name)
{
    size_t len = strlen(name), limit = len / 3 ? len / 3 : 1, best = limit + 1;
    const char *pick = NULL;
    if (m->count > 100000) return NULL; /* keep error reporting linear on huge tables */
    for (int id = 0; id < m->count; id++) {
        size_t d = edit_distance(name, m->names[id], limit);
        if (d < best) { best = d; pick = m->names[id]; }
    }
    return pick;
}
