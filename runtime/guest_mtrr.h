/* The guest's MTRRs (xmhf/lib/mtrr.c): shadowed, and applied to EPT. */
#ifndef RUNTIME_GUEST_MTRR_H
#define RUNTIME_GUEST_MTRR_H
#include "percpu.h"
#include "mtrr.h"

/* BSP, after ept_build(): the firmware's MTRRs become the guest's, and EPT
 * takes their memory types. NULL if the CPU has no MTRRs (CPUID.1:EDX.MTRR
 * = 0): EPT then keeps the E820 types. */
const struct mtrr_state *guest_mtrr_init(void);
/* RDMSR/WRMSR exits of an MTRR; false = #GP. */
bool guest_mtrr_read(u32 msr, u64 *v);
bool guest_mtrr_write(struct cpu *c, u32 msr, u64 v);

#endif
