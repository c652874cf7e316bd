#!/usr/bin/env bash
# Runs tests/tools/test_log_tools.py (xmhf-log-decode/-diff/-stats on serial
# logs the hypervisor printed) and checks `make install` puts working copies
# of the tools under DESTDIR. No emulator.
# usage: tests/boot/log_tools.sh   (exit 0 pass, 1 fail, 77 skipped)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

boot_test_init log_tools
boot_require python3
rc=0
python3 "$REPO_ROOT/tests/tools/test_log_tools.py" || rc=$?
boot_assert "log tool tests" [ "$rc" -eq 0 ]

# Installed copies read the tables installed with them, not the repository's.
dest=$BOOT_TEST_DIR/destdir
: >"$BOOT_TEST_DIR/xmhf-ng.bin"
make -s -C "$REPO_ROOT" -f tools/install.mk install DESTDIR="$dest" PREFIX=/usr \
	BUILD="$BOOT_TEST_DIR" >"$BOOT_TEST_DIR/install.log"
logs=$REPO_ROOT/tests/tools/logs
out=$(cd / && XMHF_NG_INCLUDE='' "$dest/usr/bin/xmhf-log-diff" "$logs/tr83-ap-fatal.log" \
	"$logs/tr8b-ap-dump.log" || true)
boot_assert "installed xmhf-log-diff gives the TR rule" \
	grep -q '^hint: a breaks a VM-entry rule: VMCS_GUEST_TR_AR: guest TR type invalid for IA-32e-mode guest (SDM 26.3.1.2)' <<<"$out"
boot_assert "installed files" test -x "$dest/etc/grub.d/20_xmhf_ng" -a -f "$dest/etc/default/xmhf-ng" \
	-a -f "$dest/boot/xmhf-ng.bin" -a -x "$dest/usr/bin/xmhf-log-stats" -a -x "$dest/usr/bin/xmhf-log-decode"
echo 'XMHF_NG_EXTRA="trace=exits"' >"$dest/etc/default/xmhf-ng"
make -s -C "$REPO_ROOT" -f tools/install.mk install DESTDIR="$dest" PREFIX=/usr \
	BUILD="$BOOT_TEST_DIR" >>"$BOOT_TEST_DIR/install.log"
boot_assert "reinstall keeps an edited /etc/default/xmhf-ng" \
	grep -qx 'XMHF_NG_EXTRA="trace=exits"' "$dest/etc/default/xmhf-ng"
make -s -C "$REPO_ROOT" -f tools/install.mk uninstall DESTDIR="$dest" PREFIX=/usr \
	BUILD="$BOOT_TEST_DIR" >>"$BOOT_TEST_DIR/install.log"
boot_assert "uninstall leaves only the settings file" \
	[ "$(cd "$dest" && find . -type f)" = "./etc/default/xmhf-ng" ]
boot_test_result 0
