/* fake_cuda_cpu_plugin.c - a stand-in for lib/libscopt_cuda.so that is the CPU backend under the
 * name "cuda" (tests/sh/pdlp.sh builds it together with gpu/cpu/backend_cpu.c). It lets a machine
 * without a GPU run, end to end, what scopt does only when PDLP runs on CUDA: the refinement
 * toward 1e-5 before the simplex finish (docs/pdlp.md, "The tolerance before the finish"). */
#include <stddef.h>
#include "backend.h"

__attribute__((visibility("default"))) const scopt_backend *scopt_cuda_backend(int abi)
{
    static scopt_backend twin; /* the CPU backend's table, renamed; the same on every call */
    if (abi != SCOPT_BACKEND_ABI) return NULL;
    twin = *scopt_backend_cpu();
    twin.name = "cuda";
    return &twin;
}

__attribute__((visibility("default"))) int scopt_cuda_device_count(char *msg, size_t msg_len)
{
    if (msg_len) msg[0] = 0;
    return 1;
}
