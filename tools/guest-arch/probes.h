/* Assembly probes of the guest-arch guest (probes.S). A guarded probe that
 * faults returns through trap.c with fault_vector set (probe.h, which also
 * declares the MSR probes); its return value is then 0 or meaningless. */
#ifndef GUEST_ARCH_PROBES_H
#define GUEST_ARCH_PROBES_H

/* AP start page: SIPI vector V starts the AP in real mode at CS = V << 8,
 * IP = 0, i.e. physical V << 12 (SDM Vol. 3A 8.4.3, 10.6.1). Above the
 * program (0x7c00 + at most one track, build.sh: below 0xfa00) and its stack
 * (below 0x7c00), below the EBDA. */
#define AP_START_PAGE 0x10000
#define AP_SIPI_VECTOR (AP_START_PAGE >> 12)
#define AP_COUNTER_OFF 0x100	/* the stub's start counter, in the same page */

#ifndef __ASSEMBLER__
#include "probe.h"

u64 probe_xgetbv(u32 xcr);
void probe_xsetbv(u32 xcr, u64 value);
/* 1.5f + 1.5f in the 8 lanes of a YMM register, stored to out[8]. */
void probe_avx_add(u32 *out);
/* One instruction with EFLAGS.TF set by POPF; db_expect = the next one. */
void ss_cpuid(void);
void ss_rdmsr_apic_base(void);
void ss_wrmsr_efer_same(void);
/* Stores to *watch (a 4-byte write); db_expect = the next instruction. */
void wp_store(volatile u32 *watch);
/* Per-vector entry points for trap_unexpected(). */
extern const u32 trap_stubs[32];
/* 16-bit AP stub: lock incl CS:AP_COUNTER_OFF, then cli; hlt forever. */
extern const u8 ap_stub[], ap_stub_end[];
#endif

#endif
