#!/bin/sh
# deps.sh - install the system packages scopt needs, only those missing (Debian/Ubuntu).
# Does nothing when everything is there. Run by `make deps`, `make demo`, `make test`.
set -e
need=""
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in libglpk-dev glpk-utils libcsv-dev libjansson-dev coinor-cbc python3; do
    have_pkg "$p" || need="$need $p"
done
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# chromium: optional, for the HTML report's browser check (tests/sh/report.sh skips without it)
if ! have_pkg chromium && ! command -v chromium >/dev/null 2>&1 && [ -z "$SCOPT_NO_CHROMIUM" ]; then
    echo "deps: installing chromium (for tests/sh/report.sh; SCOPT_NO_CHROMIUM=1 skips it)"
    { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium; } >/dev/null 2>&1 ||
        echo "deps: chromium could not be installed: the report test's browser check will be skipped"
fi
[ -z "$need" ] && exit 0
echo "deps: installing$need"
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq $need >/dev/null
