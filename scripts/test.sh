#!/usr/bin/env bash
# Install what the tests need (LibreOffice, a CUPS PDF printer), then run the whole test suite:
# the Linux one, then the Windows one under Wine (scripts/windows-test.sh).
source "$(dirname "$0")/common.sh"
apt_install $WINDOW_PACKAGES $TEST_PACKAGES
make_venv test,build
bash "$ROOT/scripts/start-printer.sh" || echo "Không khởi động được máy in thử CUPS: các bài kiểm tra in sẽ báo thiếu máy in."
export QT_QPA_PLATFORM=offscreen
cd "$ROOT"
"$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
# Then the Windows run under Wine (tests/windows/, the Windows bundle and its installer), after
# the whole Linux suite only: a run of chosen tests (arguments) stops here.
[ "$#" -gt 0 ] || bash "$ROOT/scripts/windows-test.sh"
