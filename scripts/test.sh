#!/usr/bin/env bash
# Install what the tests need (LibreOffice, a CUPS PDF printer), then run the whole test suite.
source "$(dirname "$0")/common.sh"
apt_install $WINDOW_PACKAGES $TEST_PACKAGES
make_venv test,build
bash "$ROOT/scripts/start-printer.sh" || echo "Không khởi động được máy in thử CUPS: các bài kiểm tra in sẽ báo thiếu máy in."
export QT_QPA_PLATFORM=offscreen
cd "$ROOT"
exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
