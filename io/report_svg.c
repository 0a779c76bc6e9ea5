/* report_svg.c - the drawing primitives of the HTML report (report.h): escaping, a
 * colour-blind-friendly palette, SVG elements, axes and legends. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "report.h"

void rep_esc(FILE *f, const char *s)
{
    for (; s && *s; s++) switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
}

/* Okabe-Ito and Tableau hues */
static const char *const palette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
                                      "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1b9e77", "#7570b3"};

const char *rep_color(int k) { return palette[(k < 0 ? 0 : k) % (int)(sizeof palette / sizeof palette[0])]; }

void rep_svg_open(rep *r, const char *id, const char *cls, int w, int h, const char *title)
{
    fputs("<svg xmlns=\"http://www.w3.org/2000/svg\"", r->f);
    if (id && id[0]) fprintf(r->f, " id=\"%s\"", id);
    fprintf(r->f, " class=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\"><title>", cls, w, h, w, h);
    rep_esc(r->f, title);
    fprintf(r->f, "</title>\n");
}

void rep_svg_close(rep *r) { fputs("</svg>\n", r->f); }

void rep_text(rep *r, double x, double y, const char *anchor, int size, const char *text)
{
    fprintf(r->f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">", x, y, anchor, size);
    rep_esc(r->f, text);
    fputs("</text>\n", r->f);
}

double rep_nice_max(double v)
{
    if (!(v > 0) || !isfinite(v)) return 1;
    double p = pow(10, floor(log10(v))), m = v / p;
    static const double steps[] = {1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10}; /* each divides into 4 round labels */
    for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++)
        if (m <= steps[k] + 1e-12) return steps[k] * p;
    return 10 * p;
}

void rep_num(double v, char *buf, size_t n)
{
    double a = fabs(v);
    if (a >= 1e6) snprintf(buf, n, "%.3gM", v / 1e6);
    else if (a >= 1e4) snprintf(buf, n, "%.3gk", v / 1e3);
    else snprintf(buf, n, "%.4g", v);
}

void rep_axis_y(rep *r, int x0, int y0, int w, int h, double ymax, int percent)
{
    char label[64];
    for (int k = 0; k <= 4; k++) {
        double y = y0 + h - h * k / 4.0;
        fprintf(r->f, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n", x0, y, x0 + w, y);
        if (percent) snprintf(label, sizeof label, "%.0f%%", ymax * k / 4);
        else rep_num(ymax * k / 4, label, sizeof label);
        rep_text(r, x0 - 6, y + 4, "end", 11, label);
    }
    fprintf(r->f, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", x0, y0 + h, x0 + w, y0 + h);
}

static int legend_item_width(const char *name) { return 28 + 7 * (int)strlen(name); }

int rep_legend_rows(const char *const *names, int n, int width)
{
    int rows = n > 0, at = 0;
    for (int k = 0; k < n; k++) {
        int w = legend_item_width(names[k]);
        if (at > 0 && at + w > width) { rows++; at = 0; }
        at += w;
    }
    return rows;
}

void rep_legend(rep *r, int x, int y, int width, const char *const *names, int n, int first_color)
{
    int at = 0;
    for (int k = 0; k < n; k++) {
        int w = legend_item_width(names[k]);
        if (at > 0 && at + w > width) { at = 0; y += 18; }
        fprintf(r->f, "<g class=\"legend-item\"><rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", x + at,
                y - 10, rep_color(first_color + k));
        rep_text(r, x + at + 16, y, "start", 12, names[k]);
        fputs("</g>\n", r->f);
        at += w;
    }
}
