#!/usr/bin/env bash
# Builds the DMA attack guest disk (dma.c + the E820 step e820.S on the
# shared boot sector, entry dma_main; see tools/guest-boot/build.sh).
# usage: tools/guest-dma/build.sh OUT.img
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tools/guest-dma/build.sh OUT.img" >&2; exit 64; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SRC=$ROOT/tools/guest-dma
exec "$ROOT/tools/guest-boot/build.sh" "$1" dma_main "$SRC/dma.c" "$SRC/e820.S"
