/* VMX MSR bitmaps (SDM 24.6.9): one 4 KiB page, four 1 KiB bitmaps: reads of
 * 0-1FFFH, reads of C0000000H-C0001FFFH, then the same two for writes. An MSR
 * outside both ranges always exits. */
#ifndef XMHF_LIB_MSR_BITMAP_H
#define XMHF_LIB_MSR_BITMAP_H
#include "types.h"

#define MSR_BITMAP_SIZE 4096

/* Intercept reads and/or writes of msr; false if msr is outside the bitmap ranges
 * (those exit anyway). */
bool msr_bitmap_intercept(u8 *bitmap, u32 msr, bool read, bool write);
/* Whether an access exits under this bitmap (out-of-range MSRs: true). */
bool msr_bitmap_exits(const u8 *bitmap, u32 msr, bool write);

/* The MSRs we handle (the rest run on the hardware): writes of IA32_EFER,
 * to keep EFER.LMA and the IA-32e-mode entry control consistent; of
 * IA32_APIC_BASE and IA32_MISC_ENABLE (msr_write_refused); of the x2APIC ICR;
 * when p->pmu_switched, of IA32_PERF_GLOBAL_CTRL, whose guest value then
 * lives in the VMCS; reads and writes of every msr_hidden() MSR and of the
 * MTRRs when p->mtrr shadows them. */
struct msr_policy;
void msr_bitmap_build_policy(u8 *bitmap, const struct msr_policy *p);

#endif
