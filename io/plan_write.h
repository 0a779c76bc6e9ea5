/* plan_write.h - writing a plan as files (docs/plan.md). */
#ifndef SCOPT_PLAN_WRITE_H
#define SCOPT_PLAN_WRITE_H

#include "atomic_dir.h"
#include "plan.h"

/* the CSV schedules into the temporary directory of a */
scopt_status plan_write_files(const scopt_plan *p, atomic_dir *a, scopt_error *err);
/* summary.json text (caller frees) */
char *plan_summary_json(const scopt_plan *p);

#endif
