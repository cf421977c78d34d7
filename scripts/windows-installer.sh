#!/usr/bin/env bash
# The Windows installer: dist/windows/bachthong-ttdn-setup-VERSION.exe, made here with NSIS from
# the real Windows bundle (built by build.spec under Wine, as scripts/windows-test.sh does).
#   bash scripts/windows-installer.sh                 everything from nothing (Wine, prefix, bundle)
#   bash scripts/windows-installer.sh --use-bundle    from the bundle the last Windows run built
# BACHTHONG_INSTALLER_VERSION and BACHTHONG_INSTALLER_OUT make an installer that claims another
# version (the Windows run's upgrade test; BACHTHONG_INSTALLER_FAST=1 compresses it quickly);
# nobody else needs them.
source "$(dirname "$0")/windows-env.sh"

if [ "${1:-}" != "--use-bundle" ]; then
  [ -f "$PYDIR/python.exe" ] || prepare_windows
  build_windows_bundle
fi
[ -f "$BUNDLE/bachthong-desktop.exe" ] || { echo "No Windows bundle in $BUNDLE: run without --use-bundle."; exit 1; }

VERSION="${BACHTHONG_INSTALLER_VERSION:-$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/bachthong_desktop/_version.py")}"
# Windows' file version has four numbers: 0.1.0 -> 0.1.0.0
IFS=. read -r -a numbers <<< "${VERSION//[^0-9.]/}"
VERSION4="$(printf '%s.%s.%s.%s' "${numbers[0]:-0}" "${numbers[1]:-0}" "${numbers[2]:-0}" "${numbers[3]:-0}")"
OUT="${BACHTHONG_INSTALLER_OUT:-$ROOT/dist/windows/bachthong-ttdn-setup-$VERSION.exe}"
mkdir -p "$(dirname "$OUT")"
command -v makensis >/dev/null || apt_install nsis

fast=()
[ -z "${BACHTHONG_INSTALLER_FAST:-}" ] || fast=(-DFAST)
makensis -INPUTCHARSET UTF8 -V2 "${fast[@]}" -DVERSION="$VERSION" -DVERSION4="$VERSION4" -DROOT="$ROOT" \
  -DBUNDLE="$BUNDLE" -DNOTICES="$BUNDLE/_internal/THIRD-PARTY-NOTICES.txt" \
  -DSIZE_KB="$(du -sk "$BUNDLE" | cut -f1)" -DOUTFILE="$OUT" "$ROOT/packaging/installer.nsi"
echo "Bộ cài: $OUT ($(( $(stat -c %s "$OUT") / 1048576 )) MB)"
