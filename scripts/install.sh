#!/usr/bin/env bash
# Install everything, load the demo data (first half of 2023) and open the window on it.
source "$(dirname "$0")/common.sh"
apt_install $WINDOW_PACKAGES
make_venv ""
"$VENV/bin/bachthong" demo
exec "$VENV/bin/bachthong-desktop" --period 2023-H1 "$@"
