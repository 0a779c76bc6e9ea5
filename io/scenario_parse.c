/* scenario_parse.c - the edit language of scenario.csv (docs/scenarios.md "Edits"): one
 * statement per line, an optional header line `edit`, `#` comment lines, lines quoted as a
 * one-column CSV accepted. Grammar:
 *   statement := TABLE '.' COLUMN op VALUE [where conds] | 'delete' TABLE [where conds]
 *   op        := '=' | '*=' | '/=' | '+=' | '-='
 *   conds     := cond { 'and' cond }
 *   cond      := COLUMN cmp VALUE | COLUMN 'in' LO..HI | COLUMN 'in' '(' VALUE {',' VALUE} ')'
 *   cmp       := '=' | '!=' | '~' | '!~' | '<' | '<=' | '>' | '>='
 *   VALUE     := a word, or text in '...' or "..." ('' is the empty cell)
 * Errors are file:line:col with col the character position on the line. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "scenario.h"

#define MAX_TOKENS 160
#define MAX_STMT 8192

typedef enum { TK_END, TK_WORD, TK_STRING, TK_OP, TK_LP, TK_RP, TK_COMMA } tk_type;

typedef struct token {
    tk_type type;
    const char *text;  /* in the scenario's arena */
    long col;
} token;

typedef struct parser {
    scenario *sc;
    long line;
    char stmt[MAX_STMT];    /* the statement, unquoted */
    long colmap[MAX_STMT + 1]; /* column on the line of each character of stmt */
    size_t len;
    token tok[MAX_TOKENS];
    int ntok, pos, failed;
} parser;

static void perr(parser *p, long col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void perr(parser *p, long col, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!p->failed) diag_report(p->sc->d, SCOPT_SEV_ERROR, p->sc->edits_path, p->line, col, "%s", msg);
    p->failed = 1;
}

/* ---- tokens ---- */

static int is_word_char(char c) { return c && !strchr(" \t=!<>~(),'\"", c); }

static int push(parser *p, tk_type type, size_t from, size_t to, long col)
{
    char save = p->stmt[to];
    if (p->ntok == MAX_TOKENS - 1) { perr(p, col, "statement too long; expected at most %d words", MAX_TOKENS); return -1; }
    p->stmt[to] = '\0';
    const char *text = raw_strdup(&p->sc->strings, p->stmt + from);
    p->stmt[to] = save;
    if (!text) { p->sc->d->nomem = 1; return -1; }
    p->tok[p->ntok++] = (token){type, text, col};
    return 0;
}

static int quoted(parser *p, size_t *i)
{
    char q = p->stmt[*i];
    size_t start = ++*i;
    while (*i < p->len && p->stmt[*i] != q) ++*i;
    if (*i >= p->len) { perr(p, p->colmap[start - 1], "unterminated %c...%c text; expected a closing %c", q, q, q); return -1; }
    return push(p, TK_STRING, start, (*i)++, p->colmap[start - 1]);
}

static int operator(parser *p, size_t *i)
{
    static const char *const ops[] = {"*=", "/=", "+=", "-=", "!=", "!~", "<=", ">=", "==", "=", "~", "<", ">"};
    for (size_t k = 0; k < ARRAY_LEN(ops); k++) {
        size_t n = strlen(ops[k]);
        if (strncmp(p->stmt + *i, ops[k], n) == 0) {
            *i += n;
            return push(p, TK_OP, *i - n, *i, p->colmap[*i - n]);
        }
    }
    return 1;
}

static int tokenize(parser *p)
{
    size_t i = 0;
    p->ntok = 0;
    while (i < p->len) {
        char c = p->stmt[i];
        long col = p->colmap[i];
        int rc = 0;
        if (c == ' ' || c == '\t') { i++; continue; }
        if (c == '\'' || c == '"') rc = quoted(p, &i);
        else if (c == '(' || c == ')' || c == ',') { i++; rc = push(p, c == '(' ? TK_LP : c == ')' ? TK_RP : TK_COMMA, i - 1, i, col); }
        else if ((rc = operator(p, &i)) == 1) {
            size_t start = i;
            while (i < p->len && is_word_char(p->stmt[i]) && !(strchr("*/+-", p->stmt[i]) && p->stmt[i + 1] == '=')) i++;
            if (i == start) { perr(p, col, "unexpected '%c'; expected a name, a number or an operator", c); return -1; }
            rc = push(p, TK_WORD, start, i, col);
        }
        if (rc) return -1;
    }
    p->tok[p->ntok] = (token){TK_END, "", p->len ? p->colmap[p->len - 1] + 1 : 1};
    return 0;
}

/* ---- grammar ---- */

static token *peek(parser *p) { return &p->tok[p->pos]; }
static token *next(parser *p) { token *t = &p->tok[p->pos]; if (t->type != TK_END) p->pos++; return t; }
static int is_kw(const token *t, const char *kw) { return t->type == TK_WORD && strcasecmp(t->text, kw) == 0; }
static const char *shown(const token *t) { return t->type == TK_END ? "the end of the line" : t->text; }

static int number_of(const char *s, double *out) { return parse_double(s, out) == NUM_OK ? 0 : -1; }

static int table_of(parser *p, const token *t, const char *name)
{
    int id = scen_table_find(name);
    if (id >= 0) return id;
    const char *s = scen_table_suggest(name);
    perr(p, t->col, "unknown table '%s'%s%s%s; expected one of settings, items, sites, supply, operations, bom, "
         "resources, resource_use, capacity_calendar, supply_calendar, lanes, inventory, receipts, demand",
         name, s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
    return -1;
}

static int column_of(parser *p, long col, int table, const char *name)
{
    const sc_table *st = scen_table(table);
    int c = scen_col_find(st, name);
    if (c >= 0) return c;
    const char *s = scen_col_suggest(st, name);
    char list[400] = "";
    for (int k = 0; k < st->ncols; k++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "", st->cols[k].name);
    perr(p, col, "%s.csv has no column '%s'%s%s%s; expected one of %s", st->name, name, s ? " (did you mean '" : "",
         s ? s : "", s ? "'?)" : "", list);
    return -1;
}

static int value_token(parser *p, token **out, const char *what)
{
    token *t = next(p);
    if (t->type != TK_WORD && t->type != TK_STRING) {
        perr(p, t->col, "'%s' where %s should be; expected a number, a name or '...' text", shown(t), what);
        return -1;
    }
    *out = t;
    return 0;
}

/* the value of an assignment: a number for arithmetic, a valid cell for = */
static int check_value(parser *p, scen_edit *e, const sc_col *c, const token *v)
{
    double x;
    long w;
    if (e->op != OP_SET) {
        if (!scen_is_numeric(c->kind))
            perr(p, v->col, "column '%s' holds names; expected '=' (arithmetic needs a numeric column)", c->name);
        else if (number_of(v->text, &e->num))
            perr(p, v->col, "'%s' is not a number; expected a number such as 1.2", v->text);
        else if (e->op == OP_DIV && e->num == 0)
            perr(p, v->col, "division by zero; expected a number other than 0");
        return p->failed ? -1 : 0;
    }
    if (!v->text[0]) {
        if (c->required)
            perr(p, v->col, "'' would empty the required column '%s'; expected a value", c->name);
    } else if (c->kind == SC_PERIOD) {
        if (parse_int_min(v->text, 1, &w) != NUM_OK)
            perr(p, v->col, "'%s' is not a period; expected a whole number >= 1", v->text);
    } else if (scen_is_numeric(c->kind) && parse_nonneg(v->text, &x) != NUM_OK) {
        perr(p, v->col, "'%s' is not a number >= 0; expected a number%s", v->text,
             c->required ? "" : " or '' for the default");
    }
    return p->failed ? -1 : 0;
}

/* the column of a condition; `period` of a resource's or an offer's capacity is a period of
 * its calendar (capacity_calendar, supply_calendar) */
static int cond_column(parser *p, scen_edit *e, scen_cond *c, const token *t)
{
    const sc_table *st = scen_table(e->table);
    int k = scen_col_find(st, t->text);
    if (k >= 0) { c->column = st->cols[k].name; return 0; }
    if (strcasecmp(t->text, "period") != 0) return column_of(p, t->col, e->table, t->text) < 0 ? -1 : 0;
    if ((e->table == T_RESOURCES || e->table == T_SUPPLY) && e->op != OP_DELETE && strcmp(e->column, "capacity") == 0) {
        if (e->op == OP_SET && !e->value[0]) {
            perr(p, t->col, "'' (unlimited) cannot be the capacity of single periods: %s holds numbers; expected "
                 "a number >= 0, or no period condition", table_file_names[scen_calendar_of(e->table)]);
            return -1;
        }
        c->column = "period";
        c->period = e->by_period = 1;
        return 0;
    }
    perr(p, t->col, "%s.csv has no period column: its rows hold in every period; expected a condition on its "
         "own columns (per-period edits exist for demand, receipts, the calendars, and resources.capacity and "
         "supply.capacity, which become capacity_calendar and supply_calendar rows)", st->name);
    return -1;
}

/* COLUMN in LO..HI  or  COLUMN in (A, B, ...) */
static int parse_in(parser *p, scen_cond *c)
{
    token *t = next(p), *v;
    if (t->type == TK_LP) {
        c->cmp = CMP_LIST;
        do {
            if (c->nlist == SCEN_MAX_LIST) { perr(p, t->col, "list too long; expected at most %d values", SCEN_MAX_LIST); return -1; }
            if (value_token(p, &v, "a value of the list")) return -1;
            c->list[c->nlist++] = v->text;
            t = next(p);
        } while (t->type == TK_COMMA);
        if (t->type != TK_RP) { perr(p, t->col, "'%s' in a list; expected , or )", shown(t)); return -1; }
        return 0;
    }
    char *dots = t->type == TK_WORD ? strstr(t->text, "..") : NULL;
    const char *hi = NULL;
    if (dots) {
        *dots = '\0';
        hi = dots + 2;
    } else if (t->type == TK_WORD && peek(p)->type == TK_WORD && strncmp(peek(p)->text, "..", 2) == 0) {
        hi = next(p)->text + 2;
    }
    if (hi && !*hi && peek(p)->type == TK_WORD) hi = next(p)->text; /* "5 .. 8" */
    c->cmp = CMP_RANGE;
    if (!hi || number_of(t->text, &c->lo) || number_of(hi, &c->hi) || c->lo > c->hi) {
        perr(p, t->col, "bad range after in; expected LO..HI with LO <= HI (like 5..8) or a list (A, B)");
        return -1;
    }
    return 0;
}

static int parse_cond(parser *p, scen_edit *e, scen_cond *c)
{
    static const char *const ops[] = {"=", "!=", "~", "!~", "<", "<=", ">", ">=", "=="};
    static const scen_cmp codes[] = {CMP_EQ, CMP_NE, CMP_GLOB, CMP_NGLOB, CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_EQ};
    token *col = next(p), *op, *v;
    c->col = col->col;
    if (col->type != TK_WORD) {
        perr(p, col->col, "'%s' where a column should be; expected a condition such as customer ~ KR_*", shown(col));
        return -1;
    }
    if (cond_column(p, e, c, col)) return -1;
    if (is_kw(peek(p), "in")) { next(p); return parse_in(p, c); }
    op = next(p);
    int k = 0;
    while (k < 9 && !(op->type == TK_OP && strcmp(op->text, ops[k]) == 0)) k++;
    if (k == 9) { perr(p, op->col, "'%s' after %s; expected =, !=, ~, !~, <, <=, >, >= or in", shown(op), c->column); return -1; }
    c->cmp = codes[k];
    if (value_token(p, &v, "the value to compare with")) return -1;
    c->value = v->text;
    if (c->cmp >= CMP_LT && number_of(v->text, &c->lo)) {
        perr(p, v->col, "'%s' is not a number; expected a number to compare with %s", v->text, op->text);
        return -1;
    }
    return 0;
}

/* TABLE.COLUMN op VALUE */
static int parse_assignment(parser *p, scen_edit *e, token *target)
{
    static const char *const ops[] = {"=", "*=", "/=", "+=", "-="};
    static const scen_op codes[] = {OP_SET, OP_MUL, OP_DIV, OP_ADD, OP_SUB};
    char *dot = strchr(target->text, '.');
    if (target->type != TK_WORD || !dot) {
        perr(p, target->col, "'%s' is not TABLE.COLUMN; expected an edit such as demand.quantity *= 1.2 or "
             "delete TABLE where ...", shown(target));
        return -1;
    }
    *dot = '\0';
    if ((e->table = table_of(p, target, target->text)) < 0) return -1;
    int c = column_of(p, target->col + (long)(dot - target->text) + 1, e->table, dot + 1);
    if (c < 0) return -1;
    e->column = scen_table(e->table)->cols[c].name;
    token *op = next(p), *v;
    int k = 0;
    while (k < 5 && !(op->type == TK_OP && strcmp(op->text, ops[k]) == 0)) k++;
    if (k == 5) { perr(p, op->col, "'%s' after %s.%s; expected =, *=, /=, += or -=", shown(op), target->text, e->column); return -1; }
    e->op = codes[k];
    if (value_token(p, &v, "the new value")) return -1;
    e->value = v->text;
    return check_value(p, e, &scen_table(e->table)->cols[c], v);
}

static int parse_statement(parser *p, scen_edit *e)
{
    token *t = next(p);
    e->col = t->col;
    if (is_kw(t, "delete")) {
        token *tab = next(p);
        e->op = OP_DELETE;
        if (tab->type != TK_WORD) { perr(p, tab->col, "'%s' after delete; expected a table name", shown(tab)); return -1; }
        if ((e->table = table_of(p, tab, tab->text)) < 0) return -1;
    } else if (parse_assignment(p, e, t)) return -1;
    t = next(p);
    if (t->type == TK_END) return 0;
    if (!is_kw(t, "where")) { perr(p, t->col, "'%s' after the edit; expected where or the end of the line", shown(t)); return -1; }
    do {
        if (e->nconds == SCEN_MAX_CONDS) { perr(p, peek(p)->col, "too many conditions; expected at most %d", SCEN_MAX_CONDS); return -1; }
        if (parse_cond(p, e, &e->conds[e->nconds++])) return -1;
    } while (is_kw(peek(p), "and") && next(p));
    t = next(p);
    if (t->type != TK_END) { perr(p, t->col, "'%s' after a condition; expected and or the end of the line", shown(t)); return -1; }
    return 0;
}

/* ---- lines ---- */

/* the statement of one physical line (CSV-unquoted when quoted); 1 when it holds none */
static int take_line(parser *p, const char *s, size_t n)
{
    size_t i = 0;
    p->len = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i == n || s[i] == '#') return 1;
    if (s[i] != '"') {
        for (; i < n && p->len < MAX_STMT; i++) { p->colmap[p->len] = (long)i + 1; p->stmt[p->len++] = s[i]; }
    } else {
        for (i++; i < n && p->len < MAX_STMT; i++) {
            if (s[i] == '"' && (i + 1 >= n || s[i + 1] != '"')) break;
            if (s[i] == '"') i++;
            p->colmap[p->len] = (long)i + 1;
            p->stmt[p->len++] = s[i];
        }
        if (i >= n) { perr(p, 1, "unterminated quoted line; expected a closing \""); return -1; }
    }
    while (p->len && (p->stmt[p->len - 1] == ' ' || p->stmt[p->len - 1] == '\t')) p->len--;
    p->stmt[p->len] = '\0';
    return p->len ? 0 : 1;
}

static int parse_line(parser *p, const char *s, size_t n, int first)
{
    p->failed = 0;
    p->pos = 0;
    int r = take_line(p, s, n);
    if (r) return r < 0 ? -1 : 0;
    if (first && strcasecmp(p->stmt, "edit") == 0) return 0;
    scen_edit *e = tokenize(p) ? NULL : VEC_PUSH(p->sc->edits);
    if (!e) { if (!p->failed) p->sc->d->nomem = 1; return -1; }
    e->line = p->line;
    if (parse_statement(p, e)) { p->sc->edits.len--; return -1; }
    return 0;
}

int scen_parse_edits(scenario *sc)
{
    FILE *f = fopen(sc->edits_path, "rb");
    if (!f && errno == ENOENT) return 0;
    if (!f) {
        diag_report(sc->d, SCOPT_SEV_ERROR, sc->edits_path, 0, 0, "cannot read file: %s; expected a readable "
                    "scenario.csv", strerror(errno));
        return -1;
    }
    parser *p = calloc(1, sizeof *p);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int bad = 0, first = 1;
    if (!p) { fclose(f); sc->d->nomem = 1; return -1; }
    p->sc = sc;
    while ((n = getline(&line, &cap, f)) >= 0 && !sc->d->nomem && !diag_limit_reached(sc->d)) {
        p->line++;
        char *s = line;
        if (p->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { s += 3; n -= 3; }
        while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
        if (parse_line(p, s, (size_t)n, first)) bad = 1;
        if (p->len) first = 0;
    }
    free(line);
    free(p);
    fclose(f);
    return bad || sc->d->nomem ? -1 : 0;
}
