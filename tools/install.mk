# `make install` / `make uninstall` / `make deb` (included by the Makefile; also
# usable as `make -f tools/install.mk`). Honours DESTDIR and PREFIX. This file
# is the one list of what is installed; the Debian package (`make deb`,
# tools/deb/mkdeb.sh) is this install with PREFIX=/usr into a staging tree.
#   $(DESTDIR)/boot/xmhf-ng.bin              the hypervisor image
#   $(DESTDIR)/etc/grub.d/20_xmhf_ng         GRUB menu-entry generator
#   $(DESTDIR)/etc/default/xmhf-ng           its settings (an existing file is kept)
#   $(DESTDIR)$(PREFIX)/bin/xmhf-log-*       log tools, with their parser module and
#   $(DESTDIR)$(PREFIX)/share/xmhf-ng/       the include/arch tables they read
#   $(DESTDIR)$(PREFIX)/share/man/man1/      the log tools' man pages (from --help)
# Then run update-grub (see docs/install.md).

BUILD ?= build
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL ?= install
HELP2MAN ?= help2man

# The version is the banner's (runtime/version.h), for the man pages and the package.
XMHF_NG_VERSION := $(shell sed -n 's/^\#define XMHF_NG_VERSION "\(.*\)"$$/\1/p' runtime/version.h)

XMHF_LOG_TOOLS := xmhf-log-decode xmhf-log-diff xmhf-log-stats
XMHF_SHARE := $(DESTDIR)$(PREFIX)/share/xmhf-ng
XMHF_MAN1 := $(DESTDIR)$(PREFIX)/share/man/man1
XMHF_MANS := $(patsubst %,$(BUILD)/man/%.1.gz,$(XMHF_LOG_TOOLS))
# NAME line of each man page (the DESCRIPTION is the tool's --help).
man_name_xmhf-log-decode := annotate an xmhf-ng serial log
man_name_xmhf-log-diff := compare the VMCS dumps of two xmhf-ng serial logs
man_name_xmhf-log-stats := count the VM exits in an xmhf-ng serial log

.PHONY: install uninstall deb man
man: $(XMHF_MANS)

# help2man runs TOOL --help; gzip -n: no name or time stamp, the same bytes each build.
$(BUILD)/man/%.1.gz: tools/% tools/xmhf_log.py runtime/version.h
	@mkdir -p $(dir $@)
	$(HELP2MAN) --no-info --version-string=$(XMHF_NG_VERSION) --name="$(man_name_$*)" \
		--output=$(BUILD)/man/$*.1 tools/$*
	gzip -n -9 -f $(BUILD)/man/$*.1

install: $(BUILD)/xmhf-ng.bin $(XMHF_MANS)
	$(INSTALL) -d $(DESTDIR)/boot $(DESTDIR)/etc/grub.d $(DESTDIR)/etc/default \
		$(DESTDIR)$(PREFIX)/bin $(XMHF_SHARE)/include/arch $(XMHF_MAN1)
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
	$(INSTALL) -m 644 $(XMHF_MANS) $(XMHF_MAN1)/
	@echo "installed; now run update-grub (docs/install.md)"

# /etc/default/xmhf-ng is configuration: uninstall leaves it.
uninstall:
	rm -f $(DESTDIR)/boot/xmhf-ng.bin $(DESTDIR)/etc/grub.d/20_xmhf_ng \
		$(addprefix $(DESTDIR)$(PREFIX)/bin/,$(XMHF_LOG_TOOLS)) \
		$(patsubst %,$(XMHF_MAN1)/%.1.gz,$(XMHF_LOG_TOOLS))
	rm -rf $(XMHF_SHARE)
	@echo "uninstalled; $(DESTDIR)/etc/default/xmhf-ng kept; now run update-grub"

# $(DEB_DIR)/xmhf-ng_$(XMHF_NG_VERSION)_amd64.deb (docs/install.md).
DEB_DIR ?= $(BUILD)
deb: $(BUILD)/xmhf-ng.bin $(XMHF_MANS)
	bash tools/deb/mkdeb.sh $(XMHF_NG_VERSION) $(BUILD) $(DEB_DIR)
