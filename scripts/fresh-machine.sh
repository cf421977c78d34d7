#!/usr/bin/env bash
# Prove the README's two commands on a Debian 12 machine that has never seen the project: a clean
# root (mmdebstrap), this branch cloned inside by a user with sudo, then `bash scripts/install.sh`
# and `bash scripts/test.sh` exactly as written. Needs root and the network; not run in CI.
#
# The root gets its own network namespace (slirp4netns gives it the outside network): its CUPS on
# localhost:631 and the machine's own never answer each other, so the machine's cupsd can keep
# running. install.sh ends by opening the window (offscreen): once it is up for 30 s it is closed.
#
# Usage: bash scripts/fresh-machine.sh [WORKDIR]   (default /var/tmp/bachthong-fresh; the last
# lines of each step are printed, whole logs are left in WORKDIR)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-/var/tmp/bachthong-fresh}"
ROOTFS="$WORK/root"
PERSON=canbo
BRANCH="$(git -C "$REPO" rev-parse --abbrev-ref HEAD)"

[ "$(id -u)" -eq 0 ] || { echo "Run as root (it builds a root file system and chroots)."; exit 1; }
[ ! -e "$ROOTFS" ] || { echo "$ROOTFS exists: remove it first (rm -rf $ROOTFS)."; exit 1; }
for tool in mmdebstrap slirp4netns; do
  command -v "$tool" >/dev/null || apt-get install -y -qq "$tool"
done
mkdir -p "$WORK"

pip_dirs() {
  # The local folders pip's configuration points at (find-links, file:// indexes).
  pip config list 2>/dev/null | sed -n "s/^[^=]*\(find-links\|index-url\)='\(.*\)'$/\2/p" \
    | tr ' ' '\n' | sed 's|^file://||; s|/simple/*$||' | { grep '^/' || true; } | sort -u
}

build_root() {
  mmdebstrap --variant=minbase --include=python3,python3-venv,git,ca-certificates,sudo \
    bookworm "$ROOTFS"
  cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
  printf '127.0.0.1 localhost\n127.0.1.1 %s\n::1 localhost ip6-localhost\n' "$(hostname)" \
    > "$ROOTFS/etc/hosts"
  [ -f /etc/pip.conf ] && cp /etc/pip.conf "$ROOTFS/etc/pip.conf"
  [ -d /etc/xdg/pip ] && mkdir -p "$ROOTFS/etc/xdg" && cp -r /etc/xdg/pip "$ROOTFS/etc/xdg/"
  cp /etc/ssl/certs/ca-certificates.crt "$ROOTFS/etc/ssl/certs/ca-certificates.crt"
  chroot "$ROOTFS" useradd --create-home --shell /bin/bash "$PERSON"
  echo "$PERSON ALL=(ALL) NOPASSWD:ALL" > "$ROOTFS/etc/sudoers.d/$PERSON"
  chmod 0440 "$ROOTFS/etc/sudoers.d/$PERSON"
  git -C "$REPO" bundle create "$ROOTFS/tmp/bachthong.bundle" "$BRANCH"
  # CI has a copy of shared/ beside the clone, without write bits: so does the person here.
  if [ -d "$REPO/../shared" ]; then
    cp -r "$REPO/../shared" "$ROOTFS/home/$PERSON/shared"
    chmod -R a-w "$ROOTFS/home/$PERSON/shared"
  fi
}

inside() {
  # Runs in the new network and mount namespaces: mount, run the two commands, end what ran.
  mount --rbind /proc "$ROOTFS/proc"
  mount --rbind /sys "$ROOTFS/sys"
  mount --rbind /dev "$ROOTFS/dev"
  local dir
  for dir in $PIP_DIRS; do
    [ -d "$dir" ] || continue
    mkdir -p "$ROOTFS$dir"
    mount --bind "$dir" "$ROOTFS$dir"
    mount -o remount,bind,ro "$ROOTFS$dir"
  done
  local tries=0
  until [[ "$(ip -4 addr show tap0 2>&1)" == *inet* ]]; do
    tries=$((tries + 1))
    [ "$tries" -lt 150 ] || { echo "The root got no network (slirp4netns)."; return 1; }
    sleep 0.2
  done
  local status=0
  run_commands || status=$?
  end_root_processes
  return "$status"
}

as_person() {
  # Run in a subshell, ( as_person ... ): it execs, so a background one keeps its process id.
  exec chroot --userspec="$PERSON:$PERSON" "$ROOTFS" env -i HOME="/home/$PERSON" USER="$PERSON" \
    LOGNAME="$PERSON" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    bash -c "cd ~ && $1"
}

run_commands() {
  ( as_person "git clone -q -b $BRANCH /tmp/bachthong.bundle bachthong_desktop" ) || return 1
  echo "== bash scripts/install.sh"
  ( as_person "cd bachthong_desktop && exec bash scripts/install.sh" ) > "$WORK/install.log" 2>&1 &
  local pid=$! up=0 cmdline
  for _ in $(seq 1 1800); do  # up to 30 minutes for apt and pip, then the window
    cmdline="$(tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline")" || break
    [ -n "$cmdline" ] || break  # ended (a zombie has no command line)
    [[ "$cmdline" == *bachthong-desktop* ]] && up=$((up + 1))
    [ "$up" -ge 30 ] && break
    sleep 1
  done
  tail -n 5 "$WORK/install.log"
  if [ "$up" -lt 30 ]; then
    wait "$pid" || true
    echo "install.sh did not end with the window open (log: $WORK/install.log)"
    return 1
  fi
  kill "$pid"
  wait "$pid" || true
  echo "The window was open for 30 s (offscreen); closed."
  ( as_person "cd bachthong_desktop && .venv/bin/bachthong-desktop --period 2023-H1 --screenshots ~/shots" ) \
    > "$WORK/screenshots.log" 2>&1 && cp -r "$ROOTFS/home/$PERSON/shots" "$WORK/"
  echo "== bash scripts/test.sh"
  local status=0
  ( as_person "cd bachthong_desktop && bash scripts/test.sh" ) > "$WORK/test.log" 2>&1 || status=$?
  tail -n 15 "$WORK/test.log"
  return "$status"
}

end_root_processes() {
  # What the run left inside the root (cupsd, a LibreOffice): ended by id.
  local proc
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$ROOTFS" ] && kill "${proc#/proc/}" 2>/dev/null
  done
  return 0
}

build_root > "$WORK/build.log" 2>&1 || { tail -n 20 "$WORK/build.log"; exit 1; }
PIP_DIRS="$(pip_dirs)"
export -f inside as_person run_commands end_root_processes
export ROOTFS PERSON BRANCH WORK PIP_DIRS
unshare --net --mount --propagation private bash -c 'set -euo pipefail; inside' &
NSPID=$!
until [ "$(readlink /proc/$NSPID/ns/net)" != "$(readlink /proc/self/ns/net)" ]; do sleep 0.1; done
slirp4netns --configure --mtu=65520 --disable-host-loopback "$NSPID" tap0 > "$WORK/slirp.log" 2>&1 &
SLIRP=$!
STATUS=0
wait "$NSPID" || STATUS=$?
kill "$SLIRP"
exit "$STATUS"
