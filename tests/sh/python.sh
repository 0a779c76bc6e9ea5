#!/bin/sh
# python.sh - the Python binding's unittest suite (python/tests, over lib/libscopt.so of this
# build tree); prints "python: N passed, N failed[, N skipped]".
if ! command -v python3 >/dev/null 2>&1; then
    echo "python: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
SCOPT_LIBRARY=${SCOPT_LIBRARY:-lib/libscopt.so} python3 python/tests/run.py
