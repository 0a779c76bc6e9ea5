#!/bin/sh
# threads_tsan.sh - tests/test_threads.c built with ThreadSanitizer (make test builds it in
# build/tsan): 4 threads x 10 solves of different networks, every result equal to the
# single-threaded one; any data race ThreadSanitizer sees fails the run.
BIN=build/tsan/tests/test_threads
if [ ! -x "$BIN" ]; then
    echo "threads_tsan: $BIN not built (make TSAN=1 $BIN)"
    echo "threads_tsan: 0 passed, 1 failed"
    exit 1
fi
out=$(mktemp)
TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1" "$BIN" >"$out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q "^threads: 1 passed, 0 failed" "$out"; then
    echo "threads_tsan: 1 passed, 0 failed"
else
    sed -n 1,60p "$out"
    echo "threads_tsan: 0 passed, 1 failed (exit $rc)"
fi
rm -f "$out"
[ $rc -eq 0 ]
