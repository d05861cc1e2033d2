#!/usr/bin/env bash
# Install the Debian packages the tests and the GUI need, but only those that are missing.
# Idempotent and quick when everything is there (one dpkg-query). Never fails the build when it
# cannot install: it prints a note and the tests that need a missing tool skip with a reason.
set -uo pipefail

PKGS=(
    poppler-utils qpdf xvfb xauth cups printer-driver-cups-pdf fonts-dejavu-core
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libnss3 libasound2
    postgresql
    # WeasyPrint (the accessible PDF): Pango for text layout, HarfBuzz's subsetter for fonts
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
)
# packages renamed in newer Debian/Ubuntu releases: tried when the first name has no candidate
declare -A ALT=([libasound2]=libasound2t64)
note() { echo "sysdeps: $*"; }

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    note "no apt-get/dpkg here; install by hand: ${PKGS[*]}"
    note "(tests that need poppler-utils, qpdf, CUPS or the Qt libraries skip with a reason)"
    exit 0
fi

missing=()
for p in "${PKGS[@]}"; do
    installed "$p" && continue
    [ -n "${ALT[$p]:-}" ] && installed "${ALT[$p]}" && continue
    missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    note "all ${#PKGS[@]} Debian packages present"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    note "not root, cannot install: ${missing[*]}"
    note "run 'sudo make sysdeps' (tests that need them skip with a reason)"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# another apt/dpkg may be running (e.g. an unattended install): wait for its locks
APT=(apt-get -o DPkg::Lock::Timeout=900 -o Acquire::Retries=3)
note "missing: ${missing[*]}"
note "apt-get update"
for i in 1 2 3 4 5 6; do
    "${APT[@]}" update -qq && break
    note "apt-get update failed (lock held?), retry $i in 20 s"; sleep 20
done

want=()
for p in "${missing[@]}"; do
    for cand in "$p" ${ALT[$p]:-}; do
        # capture first: with pipefail, grep -q closing the pipe early would fail the test
        policy="$(apt-cache policy "$cand" 2>/dev/null)"
        if grep -Eq 'Candidate: [^(]' <<<"$policy"; then
            want+=("$cand"); continue 2
        fi
    done
    note "skipping $p: no such package in this distribution's archive"
done
[ ${#want[@]} -eq 0 ] && exit 0
note "apt-get install ${want[*]}"
if ! "${APT[@]}" install -y -qq --no-install-recommends "${want[@]}"; then
    note "apt-get install failed; tests that need these packages will skip"
fi
exit 0
