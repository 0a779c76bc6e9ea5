/* fake_cuda_plugin.c - a stand-in for lib/libscopt_cuda.so that tests/sh/pdlp.sh builds: it
 * says one CUDA device is there and then fails to create its context, as a real GPU does when
 * its memory is taken or another process holds it. --device auto must then run PDLP on the
 * CPU; --device gpu must fail with the plugin's message, never crash. */
#include <stdio.h>
#include "backend.h"

static int fake_ctx_create(gpu_ctx **out, int threads, char *msg, size_t msg_len)
{
    (void)threads;
    *out = NULL;
    snprintf(msg, msg_len, "fake CUDA plugin: out of device memory");
    return 5; /* SCOPT_EINTERNAL's value is not needed: any non-zero code is a failure */
}

static const scopt_backend fake = {.abi = SCOPT_BACKEND_ABI, .name = "cuda", .ctx_create = fake_ctx_create};

__attribute__((visibility("default"))) const scopt_backend *scopt_cuda_backend(int abi)
{
    return abi == SCOPT_BACKEND_ABI ? &fake : NULL;
}

__attribute__((visibility("default"))) int scopt_cuda_device_count(char *msg, size_t msg_len)
{
    if (msg_len) msg[0] = 0;
    return 1;
}
