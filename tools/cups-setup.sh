#!/usr/bin/env bash
# Start CUPS (no systemd needed) and create this checkout's cups-pdf print queue used by the print
# tests (named in tools/cups-env.sh: one queue and output folder per checkout, so worktrees that
# run `make test` at the same time never see each other's print jobs). Idempotent. Never fails
# the build: when something is missing it prints a note and the print tests skip with a reason.
#   tools/cups-setup.sh           set up (as root) or just report (not root)
#   tools/cups-setup.sh --verify  also print a test PDF with lp and wait for cups-pdf's output
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=tools/cups-env.sh
. "$here/cups-env.sh"
PPD_DEFAULT=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
CONF="/etc/cups/cups-pdf-$LDN_CUPS_INSTANCE.conf"
note() { echo "cups: $*"; }

scheduler_running() { lpstat -r 2>/dev/null | grep -q 'is running'; }
queue_ready() { lpstat -p "$LDN_CUPS_PRINTER" 2>/dev/null | grep -q enabled; }

if [ ! -x /usr/sbin/cupsd ] || ! command -v lpadmin >/dev/null 2>&1; then
    note "CUPS is not installed (run 'make sysdeps' as root); print tests will skip"
    exit 0
fi
if [ ! -e /usr/lib/cups/backend/cups-pdf ]; then  # mode 0700: only root may run it
    note "cups-pdf backend missing (Debian package printer-driver-cups-pdf); print tests will skip"
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    if scheduler_running && queue_ready; then
        note "queue $LDN_CUPS_PRINTER ready (not root: left configuration alone)"
    else
        note "not root: cannot start cupsd or add queue $LDN_CUPS_PRINTER; print tests will skip"
    fi
    exit 0
fi

# 1. this checkout's cups-pdf instance: its own output folder, every file labelled "-job_<id>".
#    The first line names the checkout, so step 4 can drop queues of checkouts that are gone.
want="# LDN report test queue of checkout $LDN_CHECKOUT (tools/cups-setup.sh)
Out $(dirname "$LDN_CUPS_OUT")/\${USER}
Label 2
Grp lpadmin
DecodeHexStrings 1"
if [ "$(cat "$CONF" 2>/dev/null)" != "$want" ]; then
    printf '%s\n' "$want" >"$CONF.tmp" && mv -f "$CONF.tmp" "$CONF"
    note "wrote $CONF"
fi

# 2. the scheduler (cupsd forks into the background; IdleExitTimeout applies only to on-demand -l)
if ! scheduler_running; then
    mkdir -p /run/cups /var/log/cups /var/spool/cups
    /usr/sbin/cupsd || { note "cupsd failed to start; see /var/log/cups/error_log"; exit 0; }
    for _ in $(seq 1 50); do scheduler_running && break; sleep 0.2; done
    if ! scheduler_running; then
        note "cupsd did not come up; see /var/log/cups/error_log"
        exit 0
    fi
    note "started cupsd"
fi

# 3. the queue
if ! lpstat -p "$LDN_CUPS_PRINTER" >/dev/null 2>&1; then
    if [ -f "$PPD_DEFAULT" ]; then
        lpadmin -p "$LDN_CUPS_PRINTER" -E -v "cups-pdf:/$LDN_CUPS_INSTANCE" -P "$PPD_DEFAULT" \
            -D "LDN report test printer of $LDN_CHECKOUT (cups-pdf)"
    else
        model="$(lpinfo -m 2>/dev/null | grep -i 'cups-pdf' | head -n1 | cut -d' ' -f1)"
        lpadmin -p "$LDN_CUPS_PRINTER" -E -v "cups-pdf:/$LDN_CUPS_INSTANCE" \
            -m "${model:-everywhere}" -D "LDN report test printer of $LDN_CHECKOUT (cups-pdf)"
    fi
    note "added queue $LDN_CUPS_PRINTER"
fi
cupsenable "$LDN_CUPS_PRINTER" 2>/dev/null || true
cupsaccept "$LDN_CUPS_PRINTER" 2>/dev/null || true
mkdir -p "$LDN_CUPS_OUT"

if queue_ready; then
    note "queue $LDN_CUPS_PRINTER ready; PDFs of $(id -un)'s jobs go to $LDN_CUPS_OUT"
else
    note "queue $LDN_CUPS_PRINTER is not enabled:"; lpstat -p "$LDN_CUPS_PRINTER" || true
    exit 0
fi

# 4. queues of checkouts that no longer exist (removed worktrees): queue, config, files, log
for conf in /etc/cups/cups-pdf-ldn-*.conf; do
    [ -f "$conf" ] || continue
    checkout="$(sed -n '1s/^# LDN report test queue of checkout \(.*\) (tools\/cups-setup.sh)$/\1/p' "$conf")"
    [ -n "$checkout" ] && [ ! -d "$checkout" ] || continue
    h="${conf#/etc/cups/cups-pdf-ldn-}"; h="${h%.conf}"
    lpadmin -x "LDN_PDF_$h" 2>/dev/null || true
    rm -rf "$conf" "/var/spool/cups-pdf-ldn/$h" "/var/log/cups/cups-pdf-LDN_PDF_${h}_log"
    note "removed queue LDN_PDF_$h of $checkout (checkout gone)"
done

# 5. optional end-to-end check
if [ "${1:-}" = "--verify" ]; then
    tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
    title="ldn-cups-verify-$$"
    # a minimal valid one-page PDF, written by hand so the check needs no Python packages
    python3 - "$tmp/verify.pdf" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
text = b"BT /F1 24 Tf 72 760 Td (LDN cups-pdf check) Tj ET"
objs[3] = b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream"
out, offs = bytearray(b"%PDF-1.4\n"), []
for i, o in enumerate(objs, 1):
    offs.append(len(out)); out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY
    # "request id is LDN_PDF_<hash>-17 (1 file(s))": the file is "...-job_17.pdf"
    job="$(lp -d "$LDN_CUPS_PRINTER" -t "$title" "$tmp/verify.pdf")" || { note "lp failed"; exit 1; }
    job="${job#request id is "$LDN_CUPS_PRINTER"-}"; job="${job%% *}"
    f=""
    for _ in $(seq 1 100); do
        f="$(ls "$LDN_CUPS_OUT"/*-job_"$job".pdf 2>/dev/null | head -n1)"
        [ -n "$f" ] && [ -s "$f" ] && break
        sleep 0.2
    done
    if [ -n "$f" ] && [ -s "$f" ]; then
        note "verify OK: $f ($(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}') page(s))"
        rm -f "$f"
    else
        note "verify FAILED: no PDF appeared in $LDN_CUPS_OUT; see /var/log/cups/error_log and /var/log/cups/cups-pdf-${LDN_CUPS_PRINTER}_log"
        exit 1
    fi
fi
