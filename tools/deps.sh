#!/usr/bin/env bash
# Installs (with apt-get, only what is missing) everything the build and the
# emulator harness need. Idempotent; prints nothing when all is present.
# usage: tools/deps.sh [-n]   (-n: only list what is missing, install nothing)
set -euo pipefail

usage() { echo "usage: $0 [-n]" >&2; exit 2; }
dry=0
while getopts n opt; do
	case $opt in
	n) dry=1 ;;
	*) usage ;;
	esac
done

PKGS=(
	bochs bochsbios vgabios bochs-term seabios qemu-system-x86
	grub-pc-bin grub-common xorriso mtools
	cpio busybox-static e2fsprogs fdisk gzip tar dpkg apt mmdebstrap
	gcc libc6-dev clang libclang-rt-14-dev make binutils gdb python3
	dpkg-dev help2man lintian
)

missing=()
for p in "${PKGS[@]}"; do
	dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$dry" -eq 1 ]; then
	echo "missing: ${missing[*]}"
	exit 1
fi

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { $SUDO apt-get update -qq && \
	$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
	cat "$log" >&2
	echo "deps: apt-get failed" >&2
	exit 1
fi
