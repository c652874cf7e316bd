# `make install` / `make uninstall` (included by the Makefile; also usable as
# `make -f tools/install.mk`). Honours DESTDIR and PREFIX. Installs:
#   $(DESTDIR)/boot/xmhf-ng.bin              the hypervisor image
#   $(DESTDIR)/etc/grub.d/20_xmhf_ng         GRUB menu-entry generator
#   $(DESTDIR)/etc/default/xmhf-ng           its settings (an existing file is kept)
#   $(DESTDIR)$(PREFIX)/bin/xmhf-log-*       log tools, with their parser module and
#   $(DESTDIR)$(PREFIX)/share/xmhf-ng/       the include/arch tables they read
# Then run update-grub (see docs/install.md).

BUILD ?= build
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL ?= install

XMHF_LOG_TOOLS := xmhf-log-decode xmhf-log-diff xmhf-log-stats
XMHF_SHARE := $(DESTDIR)$(PREFIX)/share/xmhf-ng

.PHONY: install uninstall
install: $(BUILD)/xmhf-ng.bin
	$(INSTALL) -d $(DESTDIR)/boot $(DESTDIR)/etc/grub.d $(DESTDIR)/etc/default \
		$(DESTDIR)$(PREFIX)/bin $(XMHF_SHARE)/include/arch
	$(INSTALL) -m 644 $(BUILD)/xmhf-ng.bin $(DESTDIR)/boot/xmhf-ng.bin
	$(INSTALL) -m 755 tools/grub.d/20_xmhf_ng $(DESTDIR)/etc/grub.d/20_xmhf_ng
	@if [ -e $(DESTDIR)/etc/default/xmhf-ng ]; then \
		echo "keeping $(DESTDIR)/etc/default/xmhf-ng"; \
	else \
		echo "$(INSTALL) -m 644 tools/default-xmhf-ng $(DESTDIR)/etc/default/xmhf-ng"; \
		$(INSTALL) -m 644 tools/default-xmhf-ng $(DESTDIR)/etc/default/xmhf-ng; \
	fi
	$(INSTALL) -m 644 tools/xmhf_log.py $(XMHF_SHARE)/xmhf_log.py
	$(INSTALL) -m 644 $(wildcard include/arch/*.h) $(XMHF_SHARE)/include/arch/
	$(INSTALL) -m 755 $(addprefix tools/,$(XMHF_LOG_TOOLS)) $(DESTDIR)$(PREFIX)/bin/
	@echo "installed; now run update-grub (docs/install.md)"

# /etc/default/xmhf-ng is configuration: uninstall leaves it.
uninstall:
	rm -f $(DESTDIR)/boot/xmhf-ng.bin $(DESTDIR)/etc/grub.d/20_xmhf_ng \
		$(addprefix $(DESTDIR)$(PREFIX)/bin/,$(XMHF_LOG_TOOLS))
	rm -rf $(XMHF_SHARE)
	@echo "uninstalled; $(DESTDIR)/etc/default/xmhf-ng kept; now run update-grub"
