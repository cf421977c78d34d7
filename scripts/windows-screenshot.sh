#!/usr/bin/env bash
# The guide's picture of the installed program on a 1366x768 screen (docs/img/windows-cua-so.png):
# the installer installed silently in the Wine prefix of the last `bash scripts/windows-test.sh`,
# the demo loaded, the window started from the install folder, the whole screen grabbed. By hand,
# when the window changes; not part of CI.
source "$(dirname "$0")/windows-env.sh"
INSTALLER="$(ls "$ROOT"/dist/windows/bachthong-ttdn-setup-*.exe | tail -1)"
PICTURE="$ROOT/docs/img/windows-cua-so.png"
win "$INSTALLER" /S
wineserver -w
PROGRAM="$WINEPREFIX/drive_c/users/$PROFILE_NAME/AppData/Local/Programs/BachThongTTDN"
win "$PROGRAM/bachthong.exe" demo

display_run() {
  wine "$PROGRAM/bachthong-desktop.exe" --period 2023-H1 </dev/null >/dev/null 2>&1 &
  local window=$!
  sleep 25  # Wine starts the window, Qt lays out the first tab
  QT_QPA_PLATFORM=xcb "$VENV/bin/python" - "$PICTURE" <<'EOF'
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
assert app.primaryScreen().grabWindow(0).save(sys.argv[1]), "could not save the picture"
EOF
  kill "$window" || true
  wineserver -k || true
}
export -f display_run
export PROGRAM PICTURE VENV
xvfb-run -a -s "-screen 0 1366x768x24 -nolisten tcp" bash -c display_run
echo "$PICTURE"
