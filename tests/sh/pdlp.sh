#!/bin/sh
# pdlp.sh - the PDLP solver as a user meets it (issue 7): --lp-method pdlp on the conformance
# LPs gives expected.csv's optimum (1e-9 relative) after the simplex finish and `scopt check`
# accepts the plan; --pdlp-finish none reports the PDLP point with its residuals under
# "solver"."pdlp" in summary.json; infeasibility gives exit 2; option errors exit 1; --device gpu
# either runs on CUDA or fails cleanly with exit 1; scopt and libscopt never link CUDA; the CUDA
# plugin is built whenever nvcc exists; the refinement before the finish that runs only on CUDA,
# through a stand-in plugin that is the CPU backend named "cuda"; --lp-method auto's column rule;
# --pdlp-checkpoint; --pdlp-presolve.
# PDLP_DEVICE=gpu runs the PDLP cases on CUDA (make gpu-check).
BIN=${SCOPT_BIN:-bin/scopt}
DIR=tests/data/conformance
DEV=${PDLP_DEVICE:-cpu} # tools/gpu_check.sh runs these on CUDA with PDLP_DEVICE=gpu
OUT=$(mktemp -d)
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL pdlp: $*"; }
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): d=d[k]
print(d)' "$1" "$2" 2>/dev/null; }
close() { python3 -c 'import sys; a,b,r=map(float,sys.argv[1:4]); sys.exit(0 if abs(a-b) <= r*max(1,abs(b)) else 1)' "$1" "$2" "$3"; }
below() { python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) <= float(sys.argv[2]) else 1)' "$1" "$2"; }

for name in lp-tiny lp-tiny-bom lp-small-calendar lp-small-backorders lp-small-quirky; do
    want=$(awk -F, -v n="$name" '$1 == n {print $2}' "$DIR/expected.csv")
    if "$BIN" solve "$DIR/$name" -o "$OUT/$name" --quiet --json --lp-method pdlp --device "$DEV" > "$OUT/$name.json"; then
        got=$(field "$OUT/$name.json" objective)
        close "${got:-nan}" "$want" 1e-9 && ok || bad "$name: pdlp + simplex gives ${got:-nothing}, expected $want"
        [ "$(field "$OUT/$name.json" solver.pdlp.finish)" = simplex ] && ok || bad "$name: no simplex finish reported"
        [ "$DEV" != gpu ] || { [ "$(field "$OUT/$name.json" solver.pdlp.backend)" = cuda ] && ok || bad "$name: not run on CUDA"; }
        "$BIN" check "$DIR/$name" "$OUT/$name" >/dev/null 2>&1 && ok || bad "$name: scopt check rejects the finished plan"
    else bad "$name: scopt solve --lp-method pdlp failed"; fi
    if "$BIN" solve "$DIR/$name" -o "$OUT/$name-raw" --quiet --json --lp-method pdlp --pdlp-finish none \
        --pdlp-tol 1e-5 > "$OUT/$name-raw.json"; then
        [ "$(field "$OUT/$name-raw.json" solver.pdlp.status)" = optimal ] && ok || bad "$name: PDLP status not optimal"
        for r in relative_primal_residual relative_dual_residual relative_gap; do
            v=$(field "$OUT/$name-raw.json" "solver.pdlp.$r")
            below "${v:-1}" 1e-5 && ok || bad "$name: $r ${v:-missing} above --pdlp-tol 1e-5"
        done
        # relative criteria bound the objective's error only loosely: within 20 tolerances here
        got=$(field "$OUT/$name-raw.json" objective)
        close "${got:-nan}" "$want" 2e-4 && ok || bad "$name: PDLP alone gives ${got:-nothing}, expected $want"
        close "$(field "$OUT/$name-raw.json" options.pdlp_tol)" 1e-5 1e-12 && ok || bad "$name: options lack pdlp_tol"
    else bad "$name: scopt solve --pdlp-finish none failed"; fi
done

# --pdlp-finish polish (docs/pdlp.md "Feasibility polishing"): a plan scopt check accepts whole,
# its cost no lower than expected.csv's optimum and its proven bound no higher
for name in lp-tiny lp-small-calendar lp-small-quirky; do
    want=$(awk -F, -v n="$name" '$1 == n {print $2}' "$DIR/expected.csv")
    "$BIN" solve "$DIR/$name" -o "$OUT/$name-pol" --quiet --json --lp-method pdlp --device "$DEV" \
        --pdlp-finish polish > "$OUT/$name-pol.json"
    rc=$?
    [ $rc = 0 ] || [ $rc = 3 ] && ok || bad "$name: --pdlp-finish polish exit $rc"
    "$BIN" check "$DIR/$name" "$OUT/$name-pol" >/dev/null 2>&1 && ok || bad "$name: scopt check rejects the polished plan"
    [ "$(field "$OUT/$name-pol.json" solver.pdlp.plan_point)" = polished ] && ok || bad "$name: plan_point not polished"
    [ "$(field "$OUT/$name-pol.json" options.pdlp_finish)" = polish ] && ok || bad "$name: options lack pdlp_finish polish"
    got=$(field "$OUT/$name-pol.json" objective); bound=$(field "$OUT/$name-pol.json" best_bound)
    below "$want" "$(python3 -c "print(${got:-0} * (1 + 1e-9))")" && ok || bad "$name: polished cost ${got:-none} below the optimum $want"
    below "${bound:-1e300}" "$(python3 -c "print($want * (1 + 1e-7))")" && ok || bad "$name: bound ${bound:-none} above the optimum $want"
done
# a MIP with polish takes the PDLP route (docs/pdlp.md "MIPs without the simplex"): a plan scopt
# check accepts, no cheaper than expected.csv's optimum, the relaxation's bound no higher, within
# 3% of it; exit 3 (feasible: its gap is above --mip-gap) or 0; the KPI line says so; none/simplex
# still finish the root with the simplex and branch and cut gives the optimum
for name in mip-tiny-all mip-small-sparse; do
    want=$(awk -F, -v n="$name" '$1 == n {print $2}' "$DIR/expected.csv")
    "$BIN" solve "$DIR/$name" -o "$OUT/$name-route" --lp-method pdlp --device "$DEV" --pdlp-finish polish \
        > "$OUT/$name-route.txt" 2>/dev/null
    rc=$?
    [ $rc = 0 ] || [ $rc = 3 ] && ok || bad "$name: the PDLP route exit $rc"
    "$BIN" check "$DIR/$name" "$OUT/$name-route" >/dev/null 2>&1 && ok || bad "$name: scopt check rejects the route's plan"
    S="$OUT/$name-route/summary.json"
    [ "$(field "$S" solver.pdlp.plan_point)" = rounded ] && [ "$(field "$S" solver.method)" = pdlp-rounding ] && ok ||
        bad "$name: plan_point/method not the route's"
    got=$(field "$S" objective); bound=$(field "$S" best_bound)
    below "$want" "$(python3 -c "print(${got:-0} * (1 + 1e-9))")" && ok || bad "$name: the route's cost ${got:-none} below the optimum $want"
    below "${bound:-1e300}" "$(python3 -c "print($want * (1 + 1e-9))")" && ok || bad "$name: bound ${bound:-none} above the optimum $want"
    below "${got:-1e300}" "$(python3 -c "print($want * 1.03)")" && ok || bad "$name: the route's cost ${got:-none} more than 3% above $want"
    [ "$(field "$S" solver.pdlp.rounding.lp_solves)" -ge 1 ] 2>/dev/null && ok || bad "$name: no rounding.lp_solves in summary.json"
    grep -q "^plan        rounded from PDLP's relaxation.*proven bound" "$OUT/$name-route.txt" && ok ||
        bad "$name: the KPI lines do not say the plan was rounded"
done
want=$(awk -F, '$1 == "mip-tiny-all" {print $2}' "$DIR/expected.csv")
"$BIN" solve "$DIR/mip-tiny-all" -o "$OUT/mipnone" --quiet --json --lp-method pdlp --device "$DEV" --pdlp-finish none \
    > "$OUT/mipnone.json" && ok || bad "mip-tiny-all: --pdlp-finish none failed"
close "$(field "$OUT/mipnone.json" objective)" "$want" 1e-9 && ok || bad "mip-tiny-all with none: not expected.csv's optimum"
[ "$(field "$OUT/mipnone.json" solver.pdlp.finish)" = simplex ] && ok || bad "mip-tiny-all with none: the root did not finish with the simplex"
"$BIN" solve "$DIR/lp-tiny" -o "$OUT/polkpi" --quiet --lp-method pdlp --pdlp-finish polish > "$OUT/polkpi.txt" 2>/dev/null
grep -q "^plan        PDLP's point, polished: rows met to a relative .*(a proven bound)" "$OUT/polkpi.txt" && ok ||
    bad "the KPI lines do not say the plan is PDLP's polished point"

# the sifting finish (default) prices in several rounds on lp-small-backorders (measured: 7),
# the older restricted-LP start stays reachable; both give expected.csv's optimum
name=lp-small-backorders
want=$(awk -F, -v n="$name" '$1 == n {print $2}' "$DIR/expected.csv")
if "$BIN" solve "$DIR/$name" -o "$OUT/sift" --quiet --json --lp-method pdlp --device "$DEV" > "$OUT/sift.json"; then
    [ "$(field "$OUT/sift.json" solver.pdlp.finish_start_basis)" = sifting ] && ok || bad "$name: finish did not sift"
    [ "$(field "$OUT/sift.json" solver.pdlp.finish_rounds)" -ge 2 ] 2>/dev/null && ok || bad "$name: sifting in fewer than 2 rounds"
else bad "$name: sifting finish failed"; fi
if "$BIN" solve "$DIR/$name" -o "$OUT/restr" --quiet --json --lp-method pdlp --device "$DEV" --pdlp-finish restricted > "$OUT/restr.json"; then
    got=$(field "$OUT/restr.json" objective)
    close "${got:-nan}" "$want" 1e-9 && ok || bad "$name: --pdlp-finish restricted gives ${got:-nothing}, expected $want"
    [ "$(field "$OUT/restr.json" solver.pdlp.finish_start_basis)" = restricted ] && ok || bad "$name: restricted start not used"
    [ "$(field "$OUT/restr.json" options.pdlp_finish)" = restricted ] && ok || bad "$name: options lack pdlp_finish restricted"
    "$BIN" check "$DIR/$name" "$OUT/restr" >/dev/null 2>&1 && ok || bad "$name: scopt check rejects the restricted finish's plan"
else bad "$name: --pdlp-finish restricted failed"; fi

# an infeasible network: exit 2 with both finishes
mkdir -p "$OUT/inf"
printf 'item\nA\n' > "$OUT/inf/items.csv"
printf 'site,kind,storage_capacity\nW,warehouse,5\nC,customer,\n' > "$OUT/inf/sites.csv"
printf 'site,item,initial\nW,A,8\n' > "$OUT/inf/inventory.csv"
printf 'customer,item,period,quantity,unmet_penalty\nC,A,1,1,10\n' > "$OUT/inf/demand.csv"
for f in simplex none; do
    "$BIN" solve "$OUT/inf" -o "$OUT/pinf" --quiet --lp-method pdlp --pdlp-finish $f >/dev/null 2>&1; rc=$?
    [ $rc -eq 2 ] && ok || bad "infeasible with --pdlp-finish $f: exit $rc, expected 2"
done

# option errors
"$BIN" solve "$DIR/lp-tiny" -o "$OUT/x" --pdlp-tol abc 2>/dev/null; [ $? -eq 1 ] && ok || bad "--pdlp-tol abc accepted"
"$BIN" solve "$DIR/lp-tiny" -o "$OUT/x" --pdlp-finish maybe 2>/dev/null; [ $? -eq 1 ] && ok || bad "--pdlp-finish maybe accepted"
for t in 0 -2 1.5 many 5000; do
    "$BIN" solve "$DIR/lp-tiny" -o "$OUT/x" --threads "$t" 2>"$OUT/thr.err"; rc=$?
    [ $rc -eq 1 ] && grep -q "threads from 1 to 4096 or 'all'" "$OUT/thr.err" && ok || bad "--threads $t: exit $rc"
done

# the KPI lines name a plan that is PDLP's point, with how close it is
"$BIN" solve "$DIR/lp-small-calendar" -o "$OUT/pp" --quiet --lp-method pdlp --pdlp-finish none > "$OUT/pp.txt" 2>/dev/null
grep -q "^plan        PDLP's point: rows met to a relative" "$OUT/pp.txt" && ok || bad "no 'PDLP's point' line: $(head -3 "$OUT/pp.txt")"
"$BIN" solve "$DIR/lp-small-calendar" -o "$OUT/pp" --quiet --lp-method pdlp > "$OUT/pp2.txt" 2>/dev/null
grep -q "PDLP's point" "$OUT/pp2.txt" && bad "a finished plan called PDLP's point" || ok

# --threads: the same plan (the same bits: docs/pdlp.md "Threads"), the threads named in summary.json
name=lp-small-calendar
"$BIN" solve "$DIR/$name" -o "$OUT/t1" --quiet --json --lp-method pdlp --device cpu --pdlp-finish none > "$OUT/t1.json"
if "$BIN" solve "$DIR/$name" -o "$OUT/t2" --quiet --json --lp-method pdlp --device cpu --pdlp-finish none \
    --threads 2 > "$OUT/t2.json"; then
    [ "$(field "$OUT/t1.json" objective)" = "$(field "$OUT/t2.json" objective)" ] && ok || bad "--threads 2: another objective"
    same=1; for f in "$OUT/t1"/*.csv; do cmp -s "$f" "$OUT/t2/$(basename "$f")" || same=0; done
    [ $same = 1 ] && ok || bad "--threads 2: other plan files"
    case $(field "$OUT/t2.json" solver.pdlp.device) in
        "CPU, 2 threads"|"CPU, 1 thread (built without OpenMP)") ok ;;
        *) bad "--threads 2: device $(field "$OUT/t2.json" solver.pdlp.device)" ;;
    esac
    [ "$(field "$OUT/t2.json" options.threads)" = 2 ] && ok || bad "--threads 2 not in summary.json's options"
else bad "--threads 2 failed"; fi

# devices: auto always runs; gpu runs on CUDA or says why not (exit 1), never crashes
"$BIN" solve "$DIR/lp-tiny" -o "$OUT/auto" --quiet --lp-method pdlp --device auto >/dev/null && ok || bad "--device auto failed"
"$BIN" solve "$DIR/lp-tiny" -o "$OUT/gpu" --quiet --json --lp-method pdlp --device gpu > "$OUT/gpu.json" 2> "$OUT/gpu.err"
rc=$?
if [ $rc -eq 0 ]; then
    [ "$(field "$OUT/gpu.json" solver.pdlp.backend)" = cuda ] && ok || bad "--device gpu ran, but not on CUDA"
elif [ $rc -eq 1 ] && grep -q "no usable GPU" "$OUT/gpu.err"; then ok
else bad "--device gpu: exit $rc"; cat "$OUT/gpu.err"; fi

# a GPU that the probe finds but that fails afterwards (tests/fake_cuda_plugin.c: its context
# cannot be made): auto runs PDLP again on the CPU and says so; gpu fails with the plugin's message
if ${CC:-cc} -shared -fPIC -Igpu -o "$OUT/fake_cuda.so" tests/fake_cuda_plugin.c 2>"$OUT/cc.err"; then
    SCOPT_CUDA_LIBRARY="$OUT/fake_cuda.so" "$BIN" solve "$DIR/lp-tiny" -o "$OUT/fake-auto" --json \
        --lp-method pdlp --device auto > "$OUT/fake-auto.json" 2> "$OUT/fake-auto.err" && ok || bad "auto after a CUDA failure: exit $?"
    [ "$(field "$OUT/fake-auto.json" solver.pdlp.backend)" = cpu ] && ok || bad "auto after a CUDA failure did not run on the CPU"
    want=$(awk -F, '$1 == "lp-tiny" {print $2}' "$DIR/expected.csv")
    close "$(field "$OUT/fake-auto.json" objective)" "$want" 1e-9 && ok || bad "auto after a CUDA failure: wrong objective"
    grep -q "fake CUDA plugin: out of device memory; --device auto runs PDLP again on the CPU" "$OUT/fake-auto.err" \
        && ok || bad "auto after a CUDA failure does not say so"
    SCOPT_CUDA_LIBRARY="$OUT/fake_cuda.so" "$BIN" solve "$DIR/lp-tiny" -o "$OUT/fake-gpu" --quiet \
        --lp-method pdlp --device gpu > /dev/null 2> "$OUT/fake-gpu.err"
    rc=$?
    [ $rc -ne 0 ] && [ $rc -lt 128 ] && grep -q "fake CUDA plugin: out of device memory" "$OUT/fake-gpu.err" \
        && ok || { bad "--device gpu after a CUDA failure: exit $rc"; cat "$OUT/fake-gpu.err"; }
else bad "cannot build tests/fake_cuda_plugin.c"; cat "$OUT/cc.err"; fi

# what runs only on CUDA, on a machine without one (tests/fake_cuda_cpu_plugin.c: the CPU backend
# named "cuda"): before the simplex finish PDLP goes on from 1e-4 toward 1e-5 (docs/pdlp.md, "The
# tolerance before the finish"); an explicit --pdlp-tol or --pdlp-finish none keeps 1e-4 alone
if ${CC:-cc} -shared -fPIC -Igpu -Iinclude -o "$OUT/twin_cuda.so" tests/fake_cuda_cpu_plugin.c gpu/cpu/backend_cpu.c \
        -lm 2>"$OUT/cc2.err"; then
    refined=0
    for name in lp-tiny-bom lp-small-calendar lp-small-backorders lp-small-quirky; do
        want=$(awk -F, -v n="$name" '$1 == n {print $2}' "$DIR/expected.csv")
        j="$OUT/twin-$name.json"
        SCOPT_CUDA_LIBRARY="$OUT/twin_cuda.so" "$BIN" solve "$DIR/$name" -o "$OUT/twin-$name" --json --lp-method pdlp \
            --device gpu > "$j" 2> "$OUT/twin-$name.err" || bad "$name on the twin: exit $?"
        [ "$(field "$j" solver.pdlp.backend)" = cuda ] && ok || bad "$name: the twin was not taken for CUDA"
        close "$(field "$j" objective)" "$want" 1e-9 && ok || bad "$name with the refinement: wrong objective"
        [ "$(field "$j" solver.pdlp.refine_tolerance)" = 1e-05 ] && ok || bad "$name: no refinement toward 1e-5 reported"
        at=$(field "$j" solver.pdlp.iterations_at_tolerance); its=$(field "$j" solver.pdlp.iterations)
        [ "${at:-0}" -gt 0 ] && [ "$at" -le "${its:-0}" ] && ok || bad "$name: iterations_at_tolerance $at of $its"
        grep -q "going on toward 1e-05" "$OUT/twin-$name.err" && ok || bad "$name: the refinement is not in the log"
        if [ "$(field "$j" solver.pdlp.refined)" = True ]; then
            refined=$((refined+1))
            below "$(field "$j" solver.pdlp.relative_gap)" 1e-5 && below "$(field "$j" solver.pdlp.relative_primal_residual)" 1e-5 \
                && [ "$its" -gt "$at" ] && ok || bad "$name: refined, but not to 1e-5"
        fi
        "$BIN" check "$DIR/$name" "$OUT/twin-$name" >/dev/null 2>&1 && ok || bad "$name: scopt check rejects the refined plan"
    done
    [ $refined -ge 2 ] && ok || bad "the refinement met 1e-5 on $refined conformance LPs, expected at least 2"
    for extra in "--pdlp-tol 1e-4" "--pdlp-finish none"; do
        SCOPT_CUDA_LIBRARY="$OUT/twin_cuda.so" "$BIN" solve "$DIR/lp-small-calendar" -o "$OUT/twin-x" --quiet --json \
            --lp-method pdlp --device gpu $extra > "$OUT/twin-x.json" 2>/dev/null
        [ -z "$(field "$OUT/twin-x.json" solver.pdlp.refine_tolerance)" ] && [ "$(field "$OUT/twin-x.json" solver.pdlp.backend)" = cuda ] \
            && ok || bad "$extra: refined anyway (or not run)"
    done
else bad "cannot build tests/fake_cuda_cpu_plugin.c"; cat "$OUT/cc2.err"; fi

# deployment: no CUDA library in scopt or libscopt; the plugin exists when nvcc does
if command -v ldd >/dev/null; then
    ldd "$BIN" lib/libscopt.so 2>/dev/null | grep -q -i -E "libcuda|libcudart|libcusparse" \
        && bad "scopt or libscopt links a CUDA library" || ok
fi
if [ "${CUDA:-}" != 0 ] && { command -v nvcc >/dev/null || [ -x /usr/local/cuda/bin/nvcc ]; }; then
    [ -f lib/libscopt_cuda.so ] && ok || bad "nvcc exists but lib/libscopt_cuda.so was not built"
    nm -D lib/libscopt_cuda.so 2>/dev/null | grep -q scopt_cuda_backend && ok || bad "the plugin lacks its entry point"
fi
# --lp-method auto (the default) on the CPU: PDLP for LPs from 20,000 columns, the simplex below
# (solver/solve.c, docs/pdlp.md "When auto picks PDLP"): the S network over 24 periods has
# 19,023 columns, over 32 periods 25,431
if [ "$DEV" = cpu ]; then
    for per in 24:simplex 32:pdlp+simplex; do
        n=${per%%:*}; want=${per#*:}
        "$BIN" gen "$OUT/auto$n" --preset S --periods "$n" --seed 3 --mip none >/dev/null 2>&1 || bad "gen S over $n periods failed"
        if "$BIN" solve "$OUT/auto$n" -o "$OUT/auto$n-plan" --quiet --json --device cpu > "$OUT/auto$n.json"; then
            got=$(field "$OUT/auto$n.json" solver.method)
            [ "$got" = "$want" ] && ok || bad "auto on $(field "$OUT/auto$n.json" model.columns) columns: method $got, expected $want"
            "$BIN" check "$OUT/auto$n" "$OUT/auto$n-plan" >/dev/null 2>&1 && ok || bad "auto, $n periods: scopt check rejects the plan"
        else bad "auto, $n periods: scopt solve failed"; fi
    done
    close "$(field "$OUT/auto24.json" objective)" 1489073.9471142 1e-9 && ok || bad "auto, 24 periods: objective"
    close "$(field "$OUT/auto32.json" objective)" 2118005.23922257 1e-9 && ok || bad "auto, 32 periods: objective"
fi

# --pdlp-checkpoint: the first run leaves PDLP's point, the second starts from it (summary.json
# says so) and ends on the same optimum; compare refuses the option (several LPs), a missing
# file name is a usage error
name=lp-small-calendar
want=$(awk -F, -v n="$name" '$1 == n {print $2}' "$DIR/expected.csv")
for run in 1 2; do
    if "$BIN" solve "$DIR/$name" -o "$OUT/ck$run" --quiet --json --lp-method pdlp --device "$DEV" \
        --pdlp-checkpoint "$OUT/lp.ckpt" > "$OUT/ck$run.json"; then
        close "$(field "$OUT/ck$run.json" objective)" "$want" 1e-9 && ok || bad "checkpoint run $run: objective"
        [ "$(field "$OUT/ck$run.json" solver.pdlp.checkpoint.saved)" = True ] && ok || bad "checkpoint run $run: not saved"
    else bad "checkpoint run $run failed"; fi
done
[ "$(field "$OUT/ck1.json" solver.pdlp.checkpoint.resumed_from_iteration)" = 0 ] && ok || bad "first checkpoint run resumed"
[ "$(field "$OUT/ck2.json" solver.pdlp.checkpoint.resumed_from_iteration)" -gt 0 ] 2>/dev/null && ok || bad "second checkpoint run did not resume"
[ -z "$(ls "$OUT" | grep 'lp.ckpt.*tmp')" ] && ok || bad "a temporary checkpoint file was left"
"$BIN" compare "$DIR/$name" --pdlp-checkpoint "$OUT/lp.ckpt" >/dev/null 2>"$OUT/cmp.err"; rc=$?
[ $rc = 1 ] && grep -q "pdlp-checkpoint" "$OUT/cmp.err" && ok || bad "compare --pdlp-checkpoint: exit $rc, $(cat "$OUT/cmp.err")"
"$BIN" solve "$DIR/$name" -o "$OUT/ck3" --pdlp-checkpoint >/dev/null 2>"$OUT/ck3.err"; rc=$?
[ $rc = 1 ] && grep -q "file name" "$OUT/ck3.err" && ok || bad "--pdlp-checkpoint without a file: exit $rc"

# --pdlp-presolve: the lost-sales columns leave before PDLP; the finish gives the same optimum
name=lp-small-backorders
want=$(awk -F, -v n="$name" '$1 == n {print $2}' "$DIR/expected.csv")
if "$BIN" solve "$DIR/$name" -o "$OUT/pre" --quiet --json --lp-method pdlp --device "$DEV" --pdlp-presolve > "$OUT/pre.json"; then
    close "$(field "$OUT/pre.json" objective)" "$want" 1e-9 && ok || bad "--pdlp-presolve: objective"
    [ "$(field "$OUT/pre.json" solver.pdlp.presolved_columns)" -gt 0 ] 2>/dev/null && ok || bad "--pdlp-presolve removed nothing"
    [ "$(field "$OUT/pre.json" options.pdlp_presolve)" = True ] && ok || bad "options lack pdlp_presolve"
    "$BIN" check "$DIR/$name" "$OUT/pre" >/dev/null 2>&1 && ok || bad "--pdlp-presolve: scopt check rejects the plan"
else bad "--pdlp-presolve failed"; fi

rm -rf "$OUT"
echo "pdlp_cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
