#!/bin/sh
# deps.sh - install the system packages scopt needs, only those missing (Debian/Ubuntu).
# Does nothing when everything is there. Run by `make deps`, `make demo`, `make test`.
set -e
need=""
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in libglpk-dev glpk-utils libcsv-dev libjansson-dev coinor-cbc python3; do
    have_pkg "$p" || need="$need $p"
done
[ -z "$need" ] && exit 0
echo "deps: installing$need"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq $need >/dev/null
