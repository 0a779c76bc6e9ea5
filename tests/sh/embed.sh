#!/bin/sh
# embed.sh - the library as a host sees it (ARCHITECTURE.md section 7, issue 9):
#  - ABI: libscopt.so exports exactly the scopt_ functions declared in include/scopt.h, has a
#    SONAME, keeps no writable global state (.data/.bss objects) and imports nothing that
#    prints to the terminal, exits, aborts or installs signal handlers;
#  - install: `make install PREFIX=tmp` gives include/scopt.h, lib/libscopt.so.N and
#    lib/pkgconfig/scopt.pc; examples/embed builds against it with `pkg-config --cflags
#    --libs scopt` and runs (its built-in network costs 50.00, worked out in its README).
LIB=lib/libscopt.so
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL embed: $*"; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

if [ ! -f "$LIB" ]; then echo "embed: $LIB not built"; echo "embed: 0 passed, 1 failed"; exit 1; fi

# exported symbols = the functions of scopt.h
grep "^SCOPT_API" include/scopt.h | grep -o "scopt_[a-z0-9_]*(" | tr -d '(' | sort -u >"$tmp/declared"
nm -D --defined-only "$LIB" | awk '{print $3}' | sort -u >"$tmp/exported"
others=$(grep -v '^scopt_' "$tmp/exported")
[ -z "$others" ] && ok || bad "exported without the scopt_ prefix: $others"
missing=$(comm -23 "$tmp/declared" "$tmp/exported")
[ -z "$missing" ] && ok || bad "declared in scopt.h but not exported: $missing"
extra=$(comm -13 "$tmp/declared" "$tmp/exported")
[ -z "$extra" ] && ok || bad "exported but not declared in scopt.h: $extra"

# SONAME and the version macro
soname=$(readelf -d "$LIB" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
case "$soname" in libscopt.so.[0-9]*) ok;; *) bad "SONAME '$soname', expected libscopt.so.N";; esac

# no global mutable state: no objects in .data or .bss but the toolchain's own
state=$(objdump -t "$LIB" | awk '($4 == ".data" || $4 == ".bss") && $3 == "O" {print $NF}' |
        grep -v -x -e completed.0 -e __dso_handle -e __TMC_END__)
[ -z "$state" ] && ok || bad "writable global objects: $state"

# nothing that prints, exits, aborts or handles signals
forbidden=$(nm -D --undefined-only "$LIB" | awk '{print $2}' | sed 's/@.*//' |
            grep -x -e exit -e _exit -e abort -e printf -e puts -e perror -e putchar -e vprintf \
                    -e signal -e sigaction -e raise -e stdout -e stderr -e system)
[ -z "$forbidden" ] && ok || bad "imports $forbidden"

# install into a temporary prefix, build examples/embed with pkg-config, run it
if make --no-print-directory install PREFIX="$tmp/prefix" >"$tmp/install.log" 2>&1; then ok
else bad "make install failed"; sed -n 1,20p "$tmp/install.log"; fi
for f in include/scopt.h lib/pkgconfig/scopt.pc "lib/$soname"; do
    [ -f "$tmp/prefix/$f" ] && ok || bad "make install did not install $f"
done
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
if make --no-print-directory -C examples/embed OUT="$tmp" >"$tmp/build.log" 2>&1; then ok
else bad "examples/embed does not build against the installed library"; sed -n 1,20p "$tmp/build.log"; fi
if [ -x "$tmp/embed" ]; then
    ldd "$tmp/embed" | grep -q "$tmp/prefix/lib/libscopt.so" && ok || bad "embed does not use the installed libscopt.so"
    "$tmp/embed" >"$tmp/out" 2>"$tmp/err" && ok || { bad "embed exited $?"; cat "$tmp/err"; }
    version=$(sed -n 's/.*SCOPT_VERSION_STRING "\(.*\)"/\1/p' include/scopt.h)
    grep -q "^libscopt $version (built against $version)$" "$tmp/out" && ok || bad "version line: $(head -1 "$tmp/out")"
    grep -q "^status optimal$" "$tmp/out" && ok || bad "status: $(cat "$tmp/out")"
    grep -q "^total cost 50.00 " "$tmp/out" && ok || bad "cost: $(cat "$tmp/out")"
    grep -q "^fill rate 100.0%$" "$tmp/out" && ok || bad "fill rate: $(cat "$tmp/out")"
    "$tmp/embed" tests/data/conformance/lp-tiny >"$tmp/out2" 2>&1 && grep -q "^total cost 7622.18 " "$tmp/out2" && ok ||
        bad "embed on lp-tiny: $(cat "$tmp/out2")"
fi
echo "embed: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
