/* IDT of the boot-sector guests' probes (probe.h): 32-bit interrupt gates
 * (SDM Vol. 3A 6.11); #UD and #GP record the fault and resume the probe. */
#ifndef GUEST_BOOT_FAULT_H
#define GUEST_BOOT_FAULT_H
#include "types.h"
#include "probe.h"

#define IDT_VECTORS 32

struct trap_frame {
	u32 eip, cs, eflags;
};

/* EFLAGS image the last recorded fault pushed. */
extern volatile u32 fault_eflags;

/* Gate for vector v: handler, P, DPL 0. */
void idt_gate(u32 v, u32 handler);
/* #UD and #GP gates, then LIDT for vectors 0 to n - 1 (n <= IDT_VECTORS). */
void idt_load(u32 n);
/* For a guest's own fault gates: records vector and EFLAGS, resumes at
 * fault_resume; a fault with no probe armed ends the run. */
void trap_fault(struct trap_frame *f, u32 vector);
/* Null IDT, then INT3: #BP, #GP and #DF are beyond the IDT limit, so the
 * CPU shuts down (SDM Vol. 3A 6.15, interrupt 8). */
__attribute__((noreturn)) void trap_triple_fault(void);

#endif
