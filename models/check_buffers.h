/* check_buffers.h - the balance terms of every (site, item) buffer and period, gathered
 * from the dataset and the plan as written (check_buffers.c), for check_balance.c. */
#ifndef SCOPT_CHECK_BUFFERS_H
#define SCOPT_CHECK_BUFFERS_H

#include "check.h"

typedef struct check_buffers {
    keymap ix;          /* (site, item) -> buffer */
    size_t n, cap, stride;  /* buffers, allocated buffers, T + 1 */
    int T, nomem;
    int *site, *item;   /* [b] */
    /* [b * stride + t], t = 0..T */
    double *in, *out;   /* receipts + arrivals; consumption + shipped + delivered */
    double *mag;        /* sum of the magnitudes of the in and out terms */
    double *stock;      /* closing stock (t = 0: initial) */
    double *shortfall;
    int *line;          /* line of the inventory_plan.csv row, 0 = none */
} check_buffers;

/* 0, or -1 out of memory (B must still be freed) */
int buffers_build(check_buffers *B, const check_ctx *c);
void buffers_free(check_buffers *B);
/* buffer of (site, item), added when new; -1 out of memory */
int buffers_find(check_buffers *B, int site, int item);

#endif
