/* The guest's writes to its local xAPIC page. EPT maps the page read-only
 * (reads go to the real APIC); each write exits as an EPT violation and is
 * decoded here (through a per-CPU cache checked against the instruction's
 * bytes, xmhf/lib/mmio_decode_cache.h): ICR writes are IPIs, emulated when
 * INIT or SIPI, made requests when NMI, and sent for real otherwise; every
 * other register is written through unchanged. */
#ifndef RUNTIME_APIC_GUARD_H
#define RUNTIME_APIC_GUARD_H
#include "percpu.h"

bool apic_guard_is_apic_page(u64 gpa);
/* Handle a write EPT violation on the APIC page. A store the decoder does
 * not know gets #GP(0); a narrower or unaligned one is dropped (SDM 10.4.1). */
void apic_guard_write(struct cpu *c, struct guest_regs *r, u64 gpa);
/* An IPI the guest wrote to the ICR (xAPIC MMIO or x2APIC MSR 0x830). */
void ipi_emulate(struct cpu *c, u32 icr_lo, u32 icr_hi, bool x2apic);

#endif
