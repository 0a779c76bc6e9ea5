/* explain.h - why a plan is infeasible, in the dataset's words: an elastic copy of the model
 * (penalised slack on every hard constraint) is solved and the constraints that needed slack
 * are described ("storage at DC_Busan in period 3 exceeds storage_capacity 800 by 100"). */
#ifndef SCOPT_EXPLAIN_H
#define SCOPT_EXPLAIN_H

#include "glpk_driver.h"
#include "plan.h"

/* fills p->explanation; failures leave a one-line generic explanation */
void explain_infeasible(scopt_plan *p, const solve_params *sp);

#endif
