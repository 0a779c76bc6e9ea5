/* gen_out.c - `scopt gen`: streaming CSV output with our own fixed-decimal number formatter
 * (locale-free, trailing zeros dropped, identical on every machine) and the names of the
 * generated items, sites, operations and resources. */
#include <stdio.h>
#include <string.h>
#include "gen.h"

static int width(long n)
{
    int d = 1;
    while (n >= 10) { n /= 10; d++; }
    return d;
}

/* prefix followed by n zero-padded to the width of `most` (buf: 32 bytes) */
static const char *numbered(char *buf, const char *prefix, long n, long most)
{
    size_t len = strlen(prefix);
    int w = width(most), d = width(n);
    memcpy(buf, prefix, len);
    for (int k = d; k < w; k++) buf[len++] = '0';
    for (int k = d - 1; k >= 0; k--, n /= 10) buf[len + (size_t)k] = (char)('0' + n % 10);
    buf[len + (size_t)d] = 0;
    return buf;
}

const char *gen_item_name(const gen_net *net, int i, char *buf)
{
    const gen_item *it = &net->items[i];
    char prefix[8] = "C0_";
    if (it->level == 0) return numbered(buf, "RAW", it->number, net->nitems);
    if (it->fg >= 0) return numbered(buf, "FG", it->number, net->nitems);
    prefix[1] = (char)('0' + it->level % 10);
    return numbered(buf, prefix, it->number, net->nitems);
}

const char *gen_site_name(const gen_net *net, int s, char *buf)
{
    const gen_params *p = &net->p;
    if (s < net->site_plant) return numbered(buf, "SUP", s + 1, p->suppliers);
    if (s < net->site_wh) return numbered(buf, "PLT", s - net->site_plant + 1, p->plants);
    if (s < net->site_cust) return numbered(buf, "WH", s - net->site_wh + 1, p->warehouses);
    return numbered(buf, "CUS", s - net->site_cust + 1, p->customers);
}

const char *gen_op_name(const gen_net *net, int o, char *buf)
{
    char item[32], site[32];
    snprintf(buf, 72, "OP_%s_%s", gen_item_name(net, net->ops[o].item, item),
             gen_site_name(net, net->site_plant + net->ops[o].plant, site));
    return buf;
}

const char *gen_res_name(const gen_net *net, int r, char *buf)
{
    char site[32];
    int R = net->p.resources_per_plant;
    snprintf(buf, 48, "%s_R%d", gen_site_name(net, net->site_plant + r / R, site), r % R + 1);
    return buf;
}

int gen_out_open(gen_out *o, const char *dir, const char *file, const char *header)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    memset(o, 0, sizeof *o);
    o->name = file;
    o->f = fopen(path, "w");
    if (!o->f) return -1;
    setvbuf(o->f, NULL, _IOFBF, 1 << 20);
    fputs(header, o->f);
    fputc('\n', o->f);
    return 0;
}

int gen_out_close(gen_out *o, gen_counts *c)
{
    int bad = ferror(o->f) != 0;
    bad |= fclose(o->f) != 0;
    if (c && c->nfiles < 16) {
        c->files[c->nfiles] = o->name;
        c->rows[c->nfiles++] = o->rows;
    }
    return bad ? -1 : 0;
}

/* cells collect in o->row (names are short; a cell that would not fit is cut) */
static void put(gen_out *o, const char *s, size_t n)
{
    size_t room = o->len + 1 < sizeof o->row ? sizeof o->row - 1 - o->len : 0;  /* keep one for ',' */
    if (n > room) n = room;
    memcpy(o->row + o->len, s, n);
    o->len += n;
    if (o->len < sizeof o->row) o->row[o->len++] = ',';
}

void gen_put_str(gen_out *o, const char *s) { put(o, s, strlen(s)); }

void gen_put_empty(gen_out *o) { put(o, "", 0); }

void gen_put_int(gen_out *o, long x)
{
    char buf[24];
    int n = 24;
    unsigned long v = x < 0 ? 0UL - (unsigned long)x : (unsigned long)x;
    do { buf[--n] = (char)('0' + v % 10); v /= 10; } while (v);
    if (x < 0) buf[--n] = '-';
    put(o, buf + n, (size_t)(24 - n));
}

/* x rounded to `decimals` places, trailing zeros dropped; x < 0 is an empty cell */
void gen_put_num(gen_out *o, double x, int decimals)
{
    if (x < 0) { gen_put_empty(o); return; }
    unsigned long scale = 1;
    for (int k = 0; k < decimals; k++) scale *= 10;
    unsigned long v = (unsigned long)(x * (double)scale + 0.5), whole = v / scale, frac = v % scale;
    char buf[48];
    int n = 48;
    while (decimals > 0 && frac % 10 == 0) { frac /= 10; decimals--; }
    for (int k = 0; k < decimals; k++) { buf[--n] = (char)('0' + frac % 10); frac /= 10; }
    if (decimals > 0) buf[--n] = '.';
    do { buf[--n] = (char)('0' + whole % 10); whole /= 10; } while (whole);
    put(o, buf + n, (size_t)(48 - n));
}

/* the row's last ',' becomes the line end */
void gen_end_row(gen_out *o)
{
    if (o->len) o->row[o->len - 1] = '\n';
    fwrite(o->row, 1, o->len, o->f);
    o->len = 0;
    o->rows++;
}
