/* plan_kpis.h - internal to the modules that read written plans back for people
 * (plan_kpis.c, the HTML report): loading a plan directory quietly and its KPIs. */
#ifndef SCOPT_PLAN_KPIS_H
#define SCOPT_PLAN_KPIS_H

#include "plan_read.h"

/* Read the plan in PLANDIR for NET into *plan (free with plan_free in every case). A plan
 * that names what NET lacks is bad input here (scopt check tells the details). */
scopt_status plan_load_dir(const scopt_network *net, const char *plandir, plan_data *plan, scopt_error *err);
/* the KPIs of a loaded plan */
scopt_status plan_kpis_compute(const scopt_network *net, const plan_data *p, scopt_plan_kpis *k);

#endif
