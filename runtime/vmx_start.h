#ifndef RUNTIME_VMX_START_H
#define RUNTIME_VMX_START_H
#include "percpu.h"

/* BSP, once: capabilities, controls, MSR bitmap, EPT; nothing the guest
 * would see. False after one clear line saying what the machine lacks. */
bool vmx_global_init(void);
/* BSP, once VMX runs: the guest-visible edits (INT 15h E820 hook in low
 * memory, hypervisor-range guard). */
void vmx_prepare_guest(void);
struct mem_region vmx_msr_bitmap(void);
struct mem_region vmx_io_bitmaps(void);
/* On each CPU after vmx_global_init(): VMXON and a ready VMCS. */
bool vmx_cpu_start(struct cpu *c);
/* First entry of a guest start state on this CPU (VMLAUNCH; never returns). */
__attribute__((noreturn)) void vmx_launch(struct cpu *c, const struct guest_regs *r);
/* BSP: the guest's boot sector at 0000:7C00 in real mode (never returns). */
__attribute__((noreturn)) void vmx_launch_boot_sector(struct cpu *c, const u8 *mbr, u8 drive);

#endif
