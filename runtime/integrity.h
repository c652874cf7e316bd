/* Integrity of what a guest must never change: the hypervisor's code and
 * rodata, its page tables, GDT/TSS descriptors and IDT, the MSR bitmap, the
 * EPT tables, the guest's E820 copy, the VT-d tables, and the calling CPU's
 * VMCS host-state and fixed control fields. Each has an FNV-1a fingerprint taken at boot;
 * hypercall 2 (hypercall.h) and the hypervisor-range guard compare. */
#ifndef RUNTIME_INTEGRITY_H
#define RUNTIME_INTEGRITY_H
#include "percpu.h"

/* BSP, once everything is built, before the guest runs. */
void integrity_init(void);
/* This CPU's VMCS fields, once its VMCS is set up. */
void integrity_init_vmcs(struct cpu *c);
/* The EPT tables changed legitimately (ept.c, under its lock). */
void integrity_ept_changed(void);
/* Regions whose fingerprint differs from boot; *checked: how many were
 * compared. Names each changed one in one line. */
u32 integrity_check(struct cpu *c, u32 *checked);

#endif
