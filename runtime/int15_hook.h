/* E820 hiding: the guest's INT 15h vector points at a 4-byte stub in guest
 * memory, VMCALL; IRET. E820h, E801h and 88h calls are answered from the
 * hypervisor's edited map; every other function continues at the BIOS's own handler. */
#ifndef RUNTIME_INT15_HOOK_H
#define RUNTIME_INT15_HOOK_H
#include "types.h"
#include "boot/e820.h"
#include "percpu.h"

/* Takes 1 KiB off the top of base memory (BDA 40:13h), writes the stub there,
 * points IVT[15h] at it and builds the guest map (hypervisor, stub and RAM
 * above the EPT limit reserved). */
void int15_hook_install(const struct e820_map *firmware, u64 hv_base, u64 hv_size, u64 limit);
/* Without VMX: a real-mode handler (runtime/int15_native.S) with the same
 * edited map next to it, at the top of base memory, answers E820h/E801h/88h
 * itself, so the natively booted guest sees the hypervisor range reserved too. */
void int15_hook_install_native(const struct e820_map *firmware, u64 hv_base, u64 hv_size,
			       u64 limit);
/* True if the current VMCALL exit comes from the stub. */
bool int15_hook_is_caller(void);
/* Handle the stub's VMCALL: answer E820h/E801h/88h or chain to the BIOS. */
void int15_hook_handle(struct cpu *c, struct guest_regs *r);
extern struct e820_map guest_e820;

#endif
