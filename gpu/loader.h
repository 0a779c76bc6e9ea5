/* loader.h - choosing the backend for --device auto|cpu|gpu at run time (ARCHITECTURE.md
 * section 6): the CPU backend is linked in; the CUDA backend is the plugin libscopt_cuda.so,
 * opened with dlopen only when asked for, so libscopt and scopt never link CUDA libraries. */
#ifndef SCOPT_GPU_LOADER_H
#define SCOPT_GPU_LOADER_H

#include "backend.h"
#include "scopt.h"

typedef struct gpu_backend_choice {
    const scopt_backend *backend; /* the chosen table (never NULL after SCOPT_OK) */
    void *plugin;                 /* dlopen handle of the CUDA plugin, or NULL */
    char note[512];               /* why auto fell back to the CPU ("" when it did not) */
} gpu_backend_choice;

/* Pick the backend for DEVICE. auto: CUDA when the plugin loads and finds a device, else the
 * CPU (choice->note says why). cpu: the CPU. gpu: CUDA or SCOPT_ENODEVICE with the reason in
 * err. The plugin is looked for at $SCOPT_CUDA_LIBRARY when set, else next to the object that
 * holds libscopt (and in ../lib from there), else in the install's library directory, else by
 * the dynamic loader's own search. Close with gpu_backend_close. */
scopt_status gpu_backend_open(scopt_device device, gpu_backend_choice *choice, scopt_error *err);
void gpu_backend_close(gpu_backend_choice *choice);

#endif
