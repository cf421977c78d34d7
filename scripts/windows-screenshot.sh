#!/usr/bin/env bash
# The guide's picture of the installed program on a 1366x768 screen (docs/img/windows-cua-so.png):
# the installer installed silently in the Wine prefix of the last `bash scripts/windows-test.sh`,
# the demo loaded, the window started from the install folder, the whole screen grabbed. By hand,
# when the window changes; not part of CI.
source "$(dirname "$0")/windows-env.sh"
PICTURE="$ROOT/docs/img/windows-cua-so.png"
PROGRAM="$WINEPREFIX/drive_c/users/$PROFILE_NAME/AppData/Local/Programs/BachThongTTDN"
GRAB='import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
assert app.primaryScreen().grabWindow(0).save(sys.argv[1]), "could not save the picture"'

if [ "${1:-}" = "--on-display" ]; then  # inside xvfb-run: start the window, grab the screen
  wine "$PROGRAM/bachthong-desktop.exe" --period 2023-H1 </dev/null >/dev/null 2>&1 &
  window=$!
  sleep 25  # Wine starts the window, Qt lays out the first tab
  QT_QPA_PLATFORM=xcb "$VENV/bin/python" -c "$GRAB" "$PICTURE"
  kill "$window" || true
  wineserver -k || true
  exit 0
fi

win "$(ls "$ROOT"/dist/windows/bachthong-ttdn-setup-*.exe | tail -1)" /S
wineserver -w
win "$PROGRAM/bachthong.exe" demo
xvfb-run -a -s "-screen 0 1366x768x24 -nolisten tcp" bash "$0" --on-display
echo "$PICTURE"
