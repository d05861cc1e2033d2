# shellcheck shell=bash
# Source this file (". tools/cups-env.sh") to point tests at this checkout's own cups-pdf print
# queue, which tools/cups-setup.sh (make cups) creates.
#
# Several checkouts (worktrees) on one machine share one cupsd. Each gets its own queue and its
# own output folder, named from a hash of the checkout's path, so parallel `make test` runs never
# see each other's jobs or files. cups-pdf reads /etc/cups/cups-pdf-<instance>.conf for a queue
# whose device URI is cups-pdf:/<instance>.
#   LDN_CUPS_PRINTER   name of the CUPS queue (a cups-pdf virtual printer), LDN_PDF_<hash>
#   LDN_CUPS_INSTANCE  cups-pdf instance of that queue, ldn-<hash>
#   LDN_CUPS_OUT       folder where cups-pdf writes the PDF of every job this user prints on it
# The instance labels every file with its job id ("<title>...-job_<id>.pdf"), so a reprint of
# the same title never overwrites an earlier file; match a job's file by "-job_<id>.pdf".
if [ -n "${BASH_SOURCE[0]:-}" ]; then
    LDN_CHECKOUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
else
    LDN_CHECKOUT="$(pwd -P)"  # plain sh: sourced from the checkout's top folder (the Makefile)
fi
_ldn_hash="$(printf '%s' "$LDN_CHECKOUT" | sha256sum | cut -c1-10)"
LDN_CUPS_PRINTER="LDN_PDF_$_ldn_hash"
LDN_CUPS_INSTANCE="ldn-$_ldn_hash"
LDN_CUPS_OUT="/var/spool/cups-pdf-ldn/$_ldn_hash/$(id -un)"
unset _ldn_hash
export LDN_CHECKOUT LDN_CUPS_PRINTER LDN_CUPS_INSTANCE LDN_CUPS_OUT
