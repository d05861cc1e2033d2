# shellcheck shell=sh
# Source this file (". tools/cups-env.sh") to point tests at the cups-pdf print queue that
# tools/cups-setup.sh (make cups) creates.
#   LDN_CUPS_PRINTER  name of the CUPS queue (a cups-pdf virtual printer)
#   LDN_CUPS_OUT      folder where cups-pdf writes the PDF of every job printed by this user;
#                     /etc/cups/cups-pdf.conf is set to "Out /var/spool/cups-pdf/${USER}", so for
#                     root (CI) it is /var/spool/cups-pdf/root.
# cups-pdf names the files after the job title (e.g. "LDN_report.pdf", "<title>-job_12.pdf"),
# so a test should list the folder before printing and look for a new *.pdf afterwards.
LDN_CUPS_PRINTER=LDN_PDF
LDN_CUPS_OUT="/var/spool/cups-pdf/$(id -un)"
export LDN_CUPS_PRINTER LDN_CUPS_OUT
