/* gpu_part.h - test helper: the part of a test program that needs a GPU. gpu_part_run opens the
 * CUDA backend (lib/libscopt_cuda.so when the test runs from the repository root, as tests/run.sh
 * does: the binary itself lives in build/), runs body on it and prints "NAME: N passed, N failed,
 * N skipped": skipped when no GPU can be used, a failure instead when SCOPT_REQUIRE_GPU=1 (make
 * gpu-check). Include after harness.h; returns nonzero when the part failed. */
#ifndef SCOPT_TEST_GPU_PART_H
#define SCOPT_TEST_GPU_PART_H

#include <stdio.h>
#include <stdlib.h>
#include "loader.h"

static int gpu_part_run(const char *name, void (*body)(const scopt_backend *gpu))
{
    gpu_backend_choice ch;
    scopt_error err;
    int before = harness_failed_checks, skipped = 0;
    FILE *plugin = fopen("lib/libscopt_cuda.so", "rb");
    if (plugin) { fclose(plugin); setenv("SCOPT_CUDA_LIBRARY", "lib/libscopt_cuda.so", 0); }
    if (gpu_backend_open(SCOPT_DEVICE_GPU, &ch, &err) == SCOPT_OK) {
        body(ch.backend);
        gpu_backend_close(&ch);
    } else {
        const char *req = getenv("SCOPT_REQUIRE_GPU");
        if (req && *req == '1') { fprintf(stderr, "  no GPU: %s\n", err.message); CHECK(0); }
        else skipped = 1;
    }
    int failed = harness_failed_checks != before;
    printf("%s: %d passed, %d failed, %d skipped\n", name, !failed && !skipped, failed, skipped);
    return failed;
}

#endif
