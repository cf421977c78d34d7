#!/usr/bin/env bash
# Start CUPS with a PDF printer named "PDF" (cups-pdf): a real print queue for the tests.
set -euo pipefail
PATH="$PATH:/usr/sbin:/sbin"  # cupsd and lpadmin live there; a user's PATH often lacks them
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
command -v cupsd >/dev/null || { echo "cupsd is not installed"; exit 1; }
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  $SUDO cupsd
  for _ in $(seq 1 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.2; done
fi
if ! lpstat -p PDF >/dev/null 2>&1; then
  $SUDO lpadmin -p PDF -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
fi
$SUDO lpadmin -d PDF  # the server's default, for every user (lpoptions -d is per user)
lpstat -p PDF
