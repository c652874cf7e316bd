/* Output and CPU helpers shared by the guest-arch probes (arch.c, smp.c). */
#ifndef GUEST_ARCH_ARCH_H
#define GUEST_ARCH_ARCH_H
#include "types.h"
#include "arch/cpuid.h"

/* One result line: out_begin("x"); com1_puts(...); out_end(); gives
 * "ARCH: x -> ...\n". */
void out_begin(const char *probe);
void out_end(void);
void out_skipped(const char *probe, const char *feature);

struct cpuid_regs cpuid(u32 leaf, u32 subleaf);
u64 rdtsc(void);
/* Busy-waits for at least ticks TSC ticks (Bochs, clock sync=none: the TSC
 * counts at the configured ips). */
void tsc_delay(u64 ticks);

void probe_self_nmi(void);
void probe_ap_start(void);
void probe_x2apic_start(void);

#endif
