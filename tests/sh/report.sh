#!/bin/sh
# report.sh - the HTML report (`scopt compare --report`, `scopt solve --report`) on
# tests/data/scenario/base with three runs: the page is self-contained (no script, nothing
# fetched) and holds the charts with the right number of bars and series; then headless
# Chromium loads it (counted as skipped where no Chromium is installed): the DOM it parsed
# has the same charts, it logged no error, and its screenshot is kept in
# tests/out/report/report.png for a human to look at.
BIN=${SCOPT_BIN:-bin/scopt}
BASE=tests/data/scenario/base
OUT=$(mktemp -d)
SHOTS=tests/out/report
pass=0; fail=0; skipped=0
ok() { pass=$((pass+1)); }
ko() { fail=$((fail+1)); echo "FAIL report: $*"; }
count() { grep -o -- "$2" "$1" | wc -l; }
expect_count() { # FILE PATTERN N WHAT
    n=$(count "$1" "$2")
    [ "$n" -eq "$3" ] && ok || ko "$4: $n of '$2', expected $3"
}

# three runs: the base (700), KR demand +50% (900) and a shutdown of LINE in periods 2-3 (715)
mkdir -p "$OUT/s/korea" "$OUT/s/line_down"
printf 'demand.quantity *= 1.5 where customer ~ KR_*\n' > "$OUT/s/korea/scenario.csv"
printf 'resources.capacity = 20 where resource = LINE and period in 2..3\n' > "$OUT/s/line_down/scenario.csv"
"$BIN" compare "$BASE" --scenario "$OUT/s/korea" --scenario "$OUT/s/line_down" -o "$OUT/c" --quiet \
    --report "$OUT/report.html" >/dev/null 2>"$OUT/err"
rc=$?
[ $rc -eq 0 ] && [ -s "$OUT/report.html" ] && ok || { ko "compare --report: exit $rc"; cat "$OUT/err"; }

# self-contained: no script, no stylesheet or image fetched, no URL but the SVG namespace
R="$OUT/report.html"
head -c 15 "$R" | grep -q '<!DOCTYPE html>' && ok || ko "not an HTML page"
grep -qi '<script\|src=\|href=\|url(\|@import' "$R" && ko "the page loads something" || ok
[ -z "$(grep -o 'https\?://[^"]*' "$R" | grep -v '^http://www.w3.org/2000/svg$')" ] && ok || ko "the page names a URL"
# the charts of 3 runs: 1 warehouse (W), 1 resource (LINE) over 4 periods, customers in 2 regions (KR, JP_Tokyo)
check_charts() { # FILE WHERE
    expect_count "$1" '<g class="bar"' 3 "$2: cost bars"
    expect_count "$1" 'class="seg"' 15 "$2: cost segments (5 components some run has: purchase, production, transport, holding, fixed; x 3 runs)"
    expect_count "$1" '<rect class="bar"' 6 "$2: fill-rate bars (2 regions x 3 runs)"
    expect_count "$1" 'data-group="KR"' 3 "$2: the KR region"
    expect_count "$1" '<polyline class="series"' 3 "$2: inventory series (1 warehouse x 3 runs)"
    expect_count "$1" 'class="chart-inventory"' 1 "$2: inventory charts"
    expect_count "$1" 'class="heatmap"' 3 "$2: heat maps"
    expect_count "$1" '<rect class="cell"' 12 "$2: heat map cells (1 resource x 4 periods x 3 runs)"
}
check_charts "$R" "page"
grep -q 'korea against base' "$R" && grep -q 'MAKE\|P → W\|P \xe2\x86\x92 W' "$R" && ok || ko "no differences section"

# one plan: scopt solve --report
"$BIN" solve "$BASE" --scenario "$OUT/s/korea" -o "$OUT/p" --quiet --report "$OUT/one.html" >/dev/null 2>"$OUT/err1"
rc=$?
[ $rc -eq 0 ] && ok || { ko "solve --report: exit $rc"; cat "$OUT/err1"; }
expect_count "$OUT/one.html" '<g class="bar"' 1 "solve --report: cost bar"
expect_count "$OUT/one.html" '<rect class="cell"' 4 "solve --report: heat map cells"
grep -q '>900<' "$OUT/one.html" && ok || ko "solve --report: the total 900 is not shown"

# ---- in a browser ----
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$CHROME" ]; then
    skipped=$((skipped+1))
    echo "report: no chromium: the browser check is skipped"
else
    flags="--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --user-data-dir=$OUT/profile"
    timeout 120 "$CHROME" $flags --dump-dom "file://$R" >"$OUT/dom.html" 2>"$OUT/chrome.err"
    rc=$?
    [ $rc -eq 0 ] && ok || { ko "chromium --dump-dom: exit $rc"; tail -3 "$OUT/chrome.err"; }
    check_charts "$OUT/dom.html" "DOM in chromium"
    grep -qi 'uncaught\|syntaxerror\|console.*error' "$OUT/chrome.err" && ko "chromium logged an error: $(grep -i 'uncaught\|error' "$OUT/chrome.err" | head -2)" || ok
    mkdir -p "$SHOTS"
    timeout 120 "$CHROME" $flags --screenshot="$OUT/report.png" --window-size=1200,2000 "file://$R" >/dev/null 2>&1
    if [ -s "$OUT/report.png" ] && [ "$(head -c 8 "$OUT/report.png" | od -An -c | tr -d ' \n')" = '211PNG\r\n032\n' ] &&
       [ "$(wc -c < "$OUT/report.png")" -gt 20000 ]; then ok; cp "$OUT/report.png" "$SHOTS/report.png"
    else ko "no screenshot (or an empty one)"; fi
fi
rm -rf "$OUT"
echo "report: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
