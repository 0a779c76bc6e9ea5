# scopt - supply-chain planning optimiser. Plain make; see README.md.
#   make            build lib/libscopt.a, lib/libscopt.so, bin/scopt
#   make demo       solve examples/demo and print the KPI table
#   make test       install missing packages, build, run every test
#   make SAN=1 ...  AddressSanitizer + UndefinedBehaviorSanitizer build (in build/san)
#   make TSAN=1 ... ThreadSanitizer build (in build/tsan; make test runs test_threads in it)
#   make CUDA=0     never build the CUDA plugin
#   make OPENMP=0   no OpenMP: PDLP's CPU backend runs one thread whatever --threads says
#                   (default: OpenMP where the compiler has it; results are bit-identical)
#   make WERROR=1   warnings are errors (CI)
#   make install PREFIX=/usr/local

PREFIX  ?= /usr/local
CC      ?= gcc
SAN     ?= 0
WERROR  ?= 0
NVCC    ?= $(or $(shell command -v nvcc 2>/dev/null),$(wildcard /usr/local/cuda/bin/nvcc))
CUDA    ?= $(if $(NVCC),1,0)

TSAN    ?= 0
# OpenMP for --threads (gpu/cpu/backend_cpu.c) where the compiler has it; never under
# ThreadSanitizer (libgomp is not instrumented: its barriers would be reported as races)
# (probed once per make run: := , not ?= whose value would run the compiler at every use)
ifeq ($(origin OPENMP),undefined)
OPENMP  := $(if $(filter 1,$(TSAN)),0,$(shell printf 'int main(void){return 0;}\n' | $(CC) -fopenmp -x c - -o /dev/null 2>/dev/null && echo 1 || echo 0))
endif
BUILD   := build/$(if $(filter 1,$(SAN)),san,$(if $(filter 1,$(TSAN)),tsan,rel))
CFLAGS  ?= -O2 -g
# -ffp-contract=off: GCC's default with -std=c11, said for clang and -march=native builds too,
# so the CPU backend rounds gpu/kernels_hd.h as the CUDA plugin does (NVCC_FP below)
CFLAGS  += -std=c11 -ffp-contract=off -Wall -Wextra -fPIC -fvisibility=hidden -MMD -MP
ifeq ($(WERROR),1)
CFLAGS  += -Werror
endif
ifeq ($(TSAN),1)
CFLAGS  += -fsanitize=thread -fno-omit-frame-pointer
LDFLAGS += -fsanitize=thread
endif
ifeq ($(OPENMP),1)
CFLAGS  += -fopenmp
LDFLAGS += -fopenmp
endif
ifeq ($(SAN),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
INCLUDES := -Iinclude -Iutil -Iio -Imodels -Isolver -Igpu
LIBS    := -lglpk -lcsv -ljansson -lm -ldl

LIB_SRC := $(wildcard util/*.c io/*.c models/*.c solver/*.c gpu/*.c gpu/cpu/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_SRC := $(wildcard cli/*.c)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

SOVER   := 0
LIBDIR  := lib
BINDIR  := bin

# the CUDA plugin (rules below)
CUDA_HOME   ?= $(patsubst %/bin/nvcc,%,$(realpath $(NVCC)))
CUDA_ARCH   ?= -gencode arch=compute_80,code=sm_80 -gencode arch=compute_90,code=[sm_90,compute_90]
NVCCFLAGS   ?= -O3 -std=c++17 $(CUDA_ARCH) -Xcompiler -fPIC,-fvisibility=hidden,-Wall
# always: no contraction of a*b+c into FMA in device code (nvcc fuses by default: 27 fma.rn.f64
# in kernels_cuda.cu's PTX), as the C build (-ffp-contract=off), so a gpu/kernels_hd.h body
# gives the same bits on both backends
NVCC_FP     := -fmad=false
# how the plugin links cuSPARSE (tools/gpu_check.sh names the library's file where the toolkit has
# no lib64/libcusparse.so, e.g. cuSPARSE from a Python wheel)
CUDA_LIBS   ?= -lcusparse -Xlinker -rpath,$(CUDA_HOME)/lib64
CUDA_SRC    := $(wildcard gpu/cuda/*.cu)
CUDA_OBJ    := $(CUDA_SRC:%.cu=$(BUILD)/%.o)
CUDA_PLUGIN := $(if $(filter 1,$(CUDA)),$(LIBDIR)/libscopt_cuda.so)

.PHONY: all deps demo test test-long bench bench-quick bench-read clean install check-tools
all: $(LIBDIR)/libscopt.a $(LIBDIR)/libscopt.so $(BINDIR)/scopt $(CUDA_PLUGIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DSCOPT_BUILDING_LIBRARY $(INCLUDES) -c $< -o $@

$(LIBDIR)/libscopt.a: $(LIB_OBJ)
	@mkdir -p $(LIBDIR)
	rm -f $@ && ar rcs $@ $^

$(LIBDIR)/libscopt.so: $(LIB_OBJ)
	@mkdir -p $(LIBDIR)
	$(CC) -shared -Wl,-soname,libscopt.so.$(SOVER) -o $(LIBDIR)/libscopt.so.$(SOVER) $^ $(LDFLAGS) $(LIBS)
	ln -sf libscopt.so.$(SOVER) $@

# the CLI links the static library so that bin/scopt runs from the build tree
$(BINDIR)/scopt: $(CLI_OBJ) $(LIBDIR)/libscopt.a
	@mkdir -p $(BINDIR)
	$(CC) -o $@ $(CLI_OBJ) $(LIBDIR)/libscopt.a $(LDFLAGS) $(LIBS)

# unit tests link the library's objects directly (they may test internal modules)
$(BUILD)/tests/%: tests/%.c tests/harness.h $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(INCLUDES) -Itests -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LIBS)
$(BUILD)/tests/test_api: tests/api_loader.h
$(BUILD)/tests/test_control $(BUILD)/tests/test_threads: tests/lotsize_net.h

# the CUDA backend (ARCHITECTURE.md section 6): its own shared object linking cudart and
# cuSPARSE, opened with dlopen by gpu/loader.c; built whenever nvcc exists (CUDA=0: never).
# libscopt and scopt never link CUDA libraries.
$(BUILD)/gpu/cuda/%.o: gpu/cuda/%.cu $(wildcard gpu/cuda/*.h) gpu/backend.h gpu/kernels_hd.h include/scopt.h
	@mkdir -p $(dir $@)
	$(NVCC) $(NVCCFLAGS) $(NVCC_FP) -Iinclude -Igpu -Igpu/cuda -c $< -o $@

$(LIBDIR)/libscopt_cuda.so: $(CUDA_OBJ)
	@mkdir -p $(LIBDIR)
	$(NVCC) -shared $(CUDA_ARCH) -o $@ $^ $(CUDA_LIBS)

# where an installed libscopt looks for the plugin (gpu/loader.c)
$(BUILD)/gpu/loader.o: CFLAGS += -DSCOPT_LIBDIR='"$(PREFIX)/lib"'

# PDLP benchmark (bench/pdlp_bench.sh: simplex vs PDLP-CPU vs PDLP-CUDA, SpMV bandwidth)
# bench/pdlp_spmv.c, bench/pdlp_restart.c: programs on the library's internals
$(BUILD)/bench/pdlp_%: bench/pdlp_%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(INCLUDES) -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LIBS)

.PHONY: bench-pdlp bench-pdlp-restart bench-pdlp-threads bench-pdlp-polish bench-pdlp-mip gpu-debs gpu-check
bench-pdlp: deps all $(BUILD)/bench/pdlp_spmv
	@sh bench/pdlp_bench.sh

# PDLP's restart cap against cuPDLPx's rules alone on the XL stand-ins (bench/pdlp_restart.sh;
# about an hour on one CPU core, minutes with DEVICE=gpu)
bench-pdlp-restart: deps all $(BUILD)/bench/pdlp_restart
	@sh bench/pdlp_restart.sh

# PDLP on the CPU, 1 thread against all cores (--threads; bench/pdlp_threads.sh, PRESETS="M")
bench-pdlp-threads: deps all
	@sh bench/pdlp_threads.sh

# --pdlp-finish polish against the simplex finish and PDLP alone, side by side (docs/pdlp.md
# "Feasibility polishing"; PRESETS=S3 by default, about 5 minutes on one CPU core; the cuda runs
# too where a GPU is)
bench-pdlp-polish: deps all
	@PRESETS="$${PRESETS:-S3}" RUNS="pdlp-cpu+simplex pdlp-cpu pdlp-cpu+polish pdlp-cuda+simplex pdlp-cuda+polish" \
	    SPMV_BENCH=0 sh bench/pdlp_bench.sh bench/out/pdlp-polish

# the PDLP route for MIPs against branch and cut, glpsol and cbc under one cap (docs/pdlp.md
# "MIPs without the simplex"; bench/pdlp_mip.sh: PRESETS=S by default, some 20 minutes at
# CAP=600; PRESETS="S M" for BENCHMARKS.md's table)
bench-pdlp-mip: deps all
	@sh bench/pdlp_mip.sh

# the GPU run (ARCHITECTURE.md section 6): `make gpu-debs` here fetches the .deb files the GPU
# machine lacks into the git-ignored .device-debs/; carry it there and run `make gpu-check`
# (tools/gpu_check.sh: unpack, build with the CUDA plugin, GPU tests, benchmark)
DEVICE_DEBS := libglpk40 libglpk-dev libcsv3 libcsv-dev libjansson4 libjansson-dev libamd2 libcolamd2 \
               libsuitesparseconfig5 libltdl7 libgmp10 zlib1g
gpu-debs:
	@mkdir -p .device-debs/bin && cp "$$(command -v make)" .device-debs/bin/ && cd .device-debs && apt-get download $(DEVICE_DEBS)

gpu-check:
	@sh tools/gpu_check.sh

deps:
	@sh tools/deps.sh

demo: deps all
	@sh examples/demo/run.sh

test: deps
	@$(MAKE) --no-print-directory WERROR=1 all $(TEST_BIN)
	@$(MAKE) --no-print-directory WERROR=1 TSAN=1 build/tsan/tests/test_threads
	@sh tests/run.sh $(BUILD)

test-long: deps
	@$(MAKE) --no-print-directory WERROR=1 all $(TEST_BIN)
	@SCOPT_TEST_LONG=1 sh tests/run.sh $(BUILD)

bench-read: deps all
	@sh bench/bench_read.sh

# the benchmarks of BENCHMARKS.md: reading, scopt vs glpsol vs cbc per preset, GLPK's option
# sets on the S LP (docs/solver-settings.md), lot sizing
bench: deps all
	@sh bench/bench_read.sh
	@BENCH_CAP=$${BENCH_CAP:-1200} sh bench/bench_solve.sh "$${BENCH_PRESETS:-S M L}"
	@sh bench/glpk_settings.sh bench/data/solve/S-lp 60
	@if [ -f bench/lotsizing.sh ]; then sh bench/lotsizing.sh; fi

# under 5 minutes: reading and the S preset, 60 s caps
bench-quick: deps all
	@sh bench/bench_read.sh
	@BENCH_CAP=60 sh bench/bench_solve.sh S

clean:
	rm -rf build lib bin tests/out

install: all
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/bin
	install -m 644 include/scopt.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(LIBDIR)/libscopt.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(LIBDIR)/libscopt.so.$(SOVER) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libscopt.so.$(SOVER) $(DESTDIR)$(PREFIX)/lib/libscopt.so
	install -m 755 $(BINDIR)/scopt $(DESTDIR)$(PREFIX)/bin/
	if [ -f $(LIBDIR)/libscopt_cuda.so ]; then install -m 755 $(LIBDIR)/libscopt_cuda.so $(DESTDIR)$(PREFIX)/lib/; fi
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@OPENMP_LIBS@|$(if $(filter 1,$(OPENMP)),-fopenmp,)|' -e 's|@VERSION@|$(shell sed -n 's/.*SCOPT_VERSION_STRING "\(.*\)"/\1/p' include/scopt.h)|' \
	    scopt.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/scopt.pc

# test-san: the bad-input corpus (tests/sh/bad_input.sh) against an ASan+UBSan scopt built from
# build/san objects, through the in-memory API (tests/test_api.c) and a solve cancelled from
# another thread, whose exit must leave no leak (tests/test_control.c); a sanitizer report
# aborts the run, which counts as a failure
.PHONY: test-san
test-san: deps
	@$(MAKE) --no-print-directory SAN=1 build/san/scopt build/san/tests/test_api build/san/tests/test_control
	@ASAN_OPTIONS=abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
	    SCOPT_BIN=build/san/scopt BUILD=build/san sh tests/sh/bad_input.sh
	@ASAN_OPTIONS=abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
	    build/san/tests/test_api
	@ASAN_OPTIONS=abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
	    build/san/tests/test_control

build/san/scopt: $(CLI_OBJ) $(LIB_OBJ)
	$(CC) -o $@ $(CLI_OBJ) $(LIB_OBJ) $(LDFLAGS) $(LIBS)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_BIN:=.d)
