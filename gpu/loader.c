/* loader.c - find, open and probe the CUDA plugin (see loader.h). Nothing here touches CUDA:
 * the plugin's own probe (cudaGetDeviceCount) says whether a device can be used, and any
 * failure on the way (no file, missing libcudart/libcusparse, no driver, no device) becomes a
 * message: the CPU for --device auto, SCOPT_ENODEVICE for --device gpu. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader.h"
#include "util.h"

#define PLUGIN_NAME "libscopt_cuda.so"
#ifndef SCOPT_LIBDIR
#define SCOPT_LIBDIR "/usr/local/lib"
#endif

/* directory of the object (libscopt.so, or the program that links libscopt.a) holding this code */
static int own_dir(char *buf, size_t n)
{
    Dl_info info;
    if (!dladdr((void *)own_dir, &info) || !info.dli_fname || !strchr(info.dli_fname, '/')) return -1;
    snprintf(buf, n, "%s", info.dli_fname);
    *strrchr(buf, '/') = '\0';
    return 0;
}

/* try one path; keep the first failure's message, unless a later one says more than "not
 * there" (a plugin that exists but cannot load: a missing libcusparse, a bad file) */
static void *try_open(const char *path, char *why, size_t n)
{
    /* NODELETE: the CUDA runtime inside the plugin is never torn down by dlclose while the
     * driver may still hold its context (and a second solve does not start it again) */
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!h) {
        const char *e = dlerror();
        if (!why[0] || (e && !strstr(e, "No such file") && strstr(why, "No such file")))
            snprintf(why, n, "%.300s", e ? e : path);
    }
    return h;
}

static void *open_plugin(char *why, size_t n)
{
    char dir[400], path[512];
    const char *env = getenv("SCOPT_CUDA_LIBRARY");
    why[0] = '\0';
    if (env && *env) return try_open(env, why, n);
    void *h = NULL;
    if (own_dir(dir, sizeof dir) == 0) {
        snprintf(path, sizeof path, "%s/%s", dir, PLUGIN_NAME);
        h = try_open(path, why, n);
        if (!h) { snprintf(path, sizeof path, "%s/../lib/%s", dir, PLUGIN_NAME); h = try_open(path, why, n); }
    }
    if (!h) h = try_open(SCOPT_LIBDIR "/" PLUGIN_NAME, why, n);
    if (!h) h = try_open(PLUGIN_NAME, why, n);
    return h;
}

/* open and probe the plugin; 0 with choice->backend set, or -1 with the reason in why */
static int load_cuda(gpu_backend_choice *choice, char *why, size_t n)
{
    void *h = open_plugin(why, n);
    if (!h) return -1;
    scopt_backend_entry_fn entry;
    scopt_cuda_probe_fn probe;
    *(void **)&entry = dlsym(h, SCOPT_CUDA_ENTRY);
    *(void **)&probe = dlsym(h, SCOPT_CUDA_PROBE);
    const scopt_backend *be = entry ? entry(SCOPT_BACKEND_ABI) : NULL;
    if (!be || !probe) {
        snprintf(why, n, "%s is not a scopt CUDA plugin of this version", PLUGIN_NAME);
        dlclose(h);
        return -1;
    }
    char msg[256] = "";
    if (probe(msg, sizeof msg) <= 0) {
        snprintf(why, n, "no usable CUDA device: %s", msg[0] ? msg : "none found");
        dlclose(h);
        return -1;
    }
    choice->backend = be;
    choice->plugin = h;
    return 0;
}

scopt_status gpu_backend_open(scopt_device device, gpu_backend_choice *choice, scopt_error *err)
{
    memset(choice, 0, sizeof *choice);
    choice->backend = scopt_backend_cpu();
    if (device == SCOPT_DEVICE_CPU) return SCOPT_OK;
    char why[400];
    if (load_cuda(choice, why, sizeof why) == 0) return SCOPT_OK;
    if (device == SCOPT_DEVICE_GPU)
        return error_set(err, SCOPT_ENODEVICE, "--device gpu: no usable GPU (%s); use --device cpu or auto", why);
    snprintf(choice->note, sizeof choice->note, "CUDA backend not used (%s): running on the CPU", why);
    return SCOPT_OK;
}

void gpu_backend_close(gpu_backend_choice *choice)
{
    if (choice->plugin) dlclose(choice->plugin);
    choice->plugin = NULL;
    choice->backend = NULL;
}
