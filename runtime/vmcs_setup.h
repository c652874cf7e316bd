#ifndef RUNTIME_VMCS_SETUP_H
#define RUNTIME_VMCS_SETUP_H
#include "percpu.h"
#include "vmcs_check.h"

#include "vmx_ctls.h"
#include "cpuid_policy.h"

extern struct vmx_controls vmx_ctls;
#include "msr_policy.h"

extern struct cpuid_policy guest_cpuid_policy;	/* exit_cpuid.c */
extern struct cpuid_view guest_cpuid_view;	/* guest_cpuid_policy compiled */
extern struct msr_policy guest_msr_policy;	/* exit_msr.c */

/* From the BSP's capabilities; false after one clear line naming what lacks. */
bool vmx_controls_compute(const struct vmx_caps *c);
/* Controls and host state into this CPU's current VMCS. */
void vmcs_setup(struct cpu *c, u64 eptp, u64 msr_bitmap_phys, u64 io_bitmap_a_phys,
		u64 io_bitmap_b_phys);

#endif
