#!/bin/sh
# run.sh - solve the demo dataset and print the plan's KPI table (scopt solve prints it).
# Run from the repository root (make demo does): writes the plan into out/demo and
# passes scopt's exit code through (0 = solved).
mkdir -p out || exit 5
exec bin/scopt solve examples/demo -o out/demo "$@"
