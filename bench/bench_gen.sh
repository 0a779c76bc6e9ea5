#!/bin/sh
# bench_gen.sh - `scopt gen` per preset (issue 5 item 1): wall and CPU time and peak resident
# memory of the generator (GNU time), rows written, the generator's model-size
# estimate, and for the presets named in $SIZE_CHECK (default "S M") the model size that
# `scopt solve --json` reports (field model.columns; the solve is cut after 1 s, only the
# model's size is read). Prints one markdown table for BENCHMARKS.md ("Generator presets").
# usage: sh bench/bench_gen.sh [PRESETS]   (default "S M L XL"; datasets in bench/data/gen-P)
BIN=${SCOPT_BIN:-bin/scopt}
PRESETS=${1:-"S M L XL"}
SIZE_CHECK=${SIZE_CHECK:-"S M"}
echo "| preset | rows written | size on disk | gen wall | gen CPU (user+sys) | peak RSS | model columns (gen estimate) | model columns (scopt solve) |"
echo "|---|---|---|---|---|---|---|---|"
for p in $PRESETS; do
    d=bench/data/gen-$p
    rm -rf "$d"
    # GNU time: getrusage of the child itself (Python's fork would count its own pages)
    /usr/bin/time -f "%e %U %S %M" -o "$d.time" "$BIN" gen "$d" --preset "$p" > "$d.out" &&
    awk '/ rows$/ {r += $2} /estimate/ {e = $4} END {printf "%d %s ", r, e}' "$d.out" > "$d.timing" &&
    awk '{printf "%.2f s %.2f s %.1f MB\n", $1, $2 + $3, $4 / 1024}' "$d.time" >> "$d.timing"
    [ $? -eq 0 ] || { echo "| $p | scopt gen failed |"; continue; }
    read -r rows est wall ws cpu cs rss rs < "$d.timing"
    cols="-"
    case " $SIZE_CHECK " in *" $p "*)
        cols=$("$BIN" solve "$d" -o "$d.plan" --quiet --json --time-limit 1 2>/dev/null |
               python3 -c 'import json,sys; print(json.load(sys.stdin)["model"]["columns"])');;
    esac
    echo "| $p | $rows | $(du -sh "$d" | cut -f1) | $wall $ws | $cpu $cs | $rss $rs | $est | $cols |"
done
