/* compare_report.c - `scopt compare --report FILE`: the HTML report of the runs
 * (scopt_report_write_html), each run with its dataset and, when it wrote one, its plan. */
#include <stdio.h>
#include <string.h>
#include "compare.h"

int cmp_write_report(const cmp_run *runs, int n, const char *path)
{
    scopt_report_run rr[64];
    scopt_error err;
    memset(rr, 0, sizeof rr);
    for (int k = 0; k < n && k < 64; k++) {
        rr[k].name = runs[k].name;
        rr[k].net = runs[k].net;
        rr[k].plandir = runs[k].has_kpis ? runs[k].plandir : NULL;
        rr[k].status = runs[k].status;
    }
    if (scopt_report_write_html(path, rr, n < 64 ? n : 64, &err) != SCOPT_OK) {
        fprintf(stderr, "scopt compare: error: report %s: %s\n", path, err.message);
        return -1;
    }
    return 0;
}
