/* compare_report.c - `scopt compare --report FILE`: the HTML report of the runs (it comes with
 * the report module; until then the option is refused). */
#include <stdio.h>
#include "compare.h"

int cmp_write_report(const cmp_run *runs, int n, const char *path)
{
    (void)runs;
    (void)n;
    fprintf(stderr, "scopt compare: error: --report %s: not available yet in this version\n", path);
    return -1;
}
