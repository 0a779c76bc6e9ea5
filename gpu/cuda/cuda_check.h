/* cuda_check.h - CUDA and cuSPARSE failures become scopt_status codes with a message in the
 * context (STYLE.md section 2): these macros return from the calling function, they never
 * exit or abort. Used only inside gpu/cuda/. */
#ifndef SCOPT_CUDA_CHECK_H
#define SCOPT_CUDA_CHECK_H

#include <cuda_runtime.h>
#include <cusparse.h>
#include <stdio.h>
#include "scopt.h"

/* record what failed in buf (size n); returns the status to hand back */
static inline int cuda_fail(char *buf, size_t n, cudaError_t e, const char *what, int line)
{
    snprintf(buf, n, "CUDA backend: %s failed: %s (line %d)", what, cudaGetErrorString(e), line);
    (void)cudaGetLastError(); /* clear a non-sticky error so later calls can still report */
    return e == cudaErrorMemoryAllocation ? SCOPT_ENOMEM : SCOPT_EINTERNAL;
}

static inline int cusparse_fail(char *buf, size_t n, cusparseStatus_t s, const char *what, int line)
{
    snprintf(buf, n, "CUDA backend: %s failed: %s (line %d)", what, cusparseGetErrorString(s), line);
    return s == CUSPARSE_STATUS_ALLOC_FAILED ? SCOPT_ENOMEM : SCOPT_EINTERNAL;
}

/* CU_TRY(ctx, call): on failure return the status; ctx has a char error[] member */
#define CU_TRY(ctx, call)                                                                          \
    do {                                                                                           \
        cudaError_t cu_e_ = (call);                                                                \
        if (cu_e_ != cudaSuccess) return cuda_fail((ctx)->error, sizeof (ctx)->error, cu_e_, #call, __LINE__); \
    } while (0)

#define SP_TRY(ctx, call)                                                                          \
    do {                                                                                           \
        cusparseStatus_t sp_s_ = (call);                                                           \
        if (sp_s_ != CUSPARSE_STATUS_SUCCESS)                                                      \
            return cusparse_fail((ctx)->error, sizeof (ctx)->error, sp_s_, #call, __LINE__);       \
    } while (0)

/* after a kernel launch: a bad launch configuration or an earlier asynchronous fault */
#define CU_LAUNCHED(ctx) CU_TRY(ctx, cudaGetLastError())

#endif
