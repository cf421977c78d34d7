# Shared by install.sh and test.sh: system packages and the project's virtual environment.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# Fonts that render Vietnamese (Times New Roman metrics) and the Qt runtime libraries.
WINDOW_PACKAGES="python3-venv fonts-liberation2 fonts-dejavu-core libegl1 libgl1 libfontconfig1
  libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1
  libglib2.0-0t64 libglib2.0-0"
# What the tests use as independent readers and a real printer; the bundle test's PyInstaller needs
# objdump (binutils) and the shared libpython of the system's Python (Ubuntu 24.04: ...t64).
PYVER="$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
TEST_PACKAGES="libreoffice-writer-nogui libreoffice-calc-nogui cups printer-driver-cups-pdf
  poppler-utils binutils libpython$PYVER libpython${PYVER}t64"

# The Windows test run and the installer (scripts/windows-*.sh): Wine, a display for the window,
# the cross compiler of the test-only icuuc stub, NSIS, unzip for the Windows Python and wheels.
WINE_PACKAGES="wine wine64 xvfb xauth gcc-mingw-w64-x86-64-win32 nsis unzip"
# The versions of every Python package the tests run with, on Linux and in the Windows run alike.
CONSTRAINTS="$ROOT/constraints.txt"

apt_install() {
  # Install the packages this release knows (names differ a little between Debian and Ubuntu).
  # A name the release lacks is skipped with one line; any other apt failure stops the script.
  local wanted=() known=" " name="" line policy
  $SUDO apt-get update -qq --error-on=any  # an index that failed to download is an error
  # Capture first: "apt-cache ... | grep -q" is false under pipefail (SIGPIPE kills apt-cache).
  if ! policy="$(LC_ALL=C apt-cache policy "$@" 2>&1)"; then
    echo "$policy" >&2
    return 1
  fi
  while IFS= read -r line; do
    case "$line" in
      [!\ ]*:) name="${line%:}" ;;
      "  Candidate: "[0-9]*) known+="$name " ;;
    esac
  done <<< "$policy"
  for name in "$@"; do
    if [[ "$known" == *" $name "* ]]; then
      wanted+=("$name")
    else
      echo "Bỏ qua gói $name: bản phát hành này không có gói đó."
    fi
  done
  [ "${#wanted[@]}" -eq 0 ] && return 0
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${wanted[@]}"
}

make_venv() {
  # $1: the pip extra to install with the project ("" for none).
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  if [ -n "${1:-}" ]; then
    "$VENV/bin/python" -m pip install -q -c "$CONSTRAINTS" -e "$ROOT[$1]"
  else
    "$VENV/bin/python" -m pip install -q -c "$CONSTRAINTS" -e "$ROOT"
  fi
}
