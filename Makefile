# xmhf-ng: `make` builds build/xmhf-ng.bin (multiboot 1, flat image).
# `make test` installs what it needs, then runs unit and emulator tests.
# `make run` boots the default Debian guest under the hypervisor in Bochs.

CC := gcc
LD := ld
OBJCOPY := objcopy
BUILD := build
BUILD_ID := $(shell git describe --always --dirty 2>/dev/null || echo unknown)

INCLUDES := -Iinclude -Ixmhf/lib -Ixmhf/rt -Ibootloader -Iruntime
HV_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-pic -fno-pie -mno-red-zone \
	-mcmodel=kernel -mgeneral-regs-only -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-omit-frame-pointer --param=min-pagesize=0 \
	-Wall -Wextra -Werror $(INCLUDES) -DXMHF_NG_BUILD_ID='"$(BUILD_ID)"' $(HV_DEFS)
HV_LDFLAGS := -nostdlib -static -z max-page-size=4096 -z noexecstack --no-warn-rwx-segments \
	-T bootloader/linker.ld

HV_SRCS := $(wildcard bootloader/*.S bootloader/*.c runtime/*.S runtime/*.c \
	xmhf/lib/*.c xmhf/rt/*.c)
HV_OBJS := $(patsubst %,$(BUILD)/hv/%.o,$(HV_SRCS))

HOST_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -g -O1 -fsanitize=address,undefined \
	-fno-omit-frame-pointer -fno-sanitize-recover=all -Iinclude -Ixmhf/lib
LIB_SRCS := $(wildcard xmhf/lib/*.c)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))

.PHONY: all unit test run deps clean debug fuzz bench FORCE
all: $(BUILD)/xmhf-ng.bin

# The compiler flags (HV_DEFS among them) as of the last build: rewritten only
# when they change, so `make HV_DEFS=...` after a plain build rebuilds everything.
HV_FLAGS_FILE := $(BUILD)/hv/cflags
same = $(and $(findstring x$(1)x,x$(2)x),$(findstring x$(2)x,x$(1)x))
$(HV_FLAGS_FILE): FORCE
	$(shell mkdir -p $(dir $@))$(if $(call same,$(HV_CFLAGS),$(file <$@)),,$(file >$@,$(HV_CFLAGS)))

$(BUILD)/hv/%.c.o: %.c $(HV_FLAGS_FILE)
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(HV_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/hv/%.S.o: %.S $(HV_FLAGS_FILE)
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(HV_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/xmhf-ng.elf: $(HV_OBJS) bootloader/linker.ld
	$(LD) $(HV_LDFLAGS) -o $@ $(HV_OBJS)

$(BUILD)/xmhf-ng.bin: $(BUILD)/xmhf-ng.elf
	$(OBJCOPY) -O binary $< $@
	@echo "built $@ ($$(stat -c %s $@) bytes)"

$(BUILD)/tests/%: tests/unit/%.c $(LIB_SRCS) $(wildcard tests/unit/*.h xmhf/lib/*.h include/*.h include/*/*.h)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC $@"
	@$(CC) $(HOST_CFLAGS) $< $(LIB_SRCS) -lpthread -o $@

unit: $(UNIT_BINS)

deps:
	bash tools/deps.sh

test: deps
	$(MAKE) all unit
	bash tests/run.sh

run: deps all
	bash tools/run.sh

debug: deps all
	bash tools/debug.sh

FUZZ_SECONDS ?= 60
fuzz:
	bash tools/fuzz.sh $(FUZZ_SECONDS)

bench: deps all
	bash tools/bench/run.sh

include tools/install.mk

clean:
	rm -rf $(BUILD)/hv $(BUILD)/tests $(BUILD)/xmhf-ng.*

-include $(shell find $(BUILD)/hv -name '*.d' 2>/dev/null)
