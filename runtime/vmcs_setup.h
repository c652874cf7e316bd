#ifndef RUNTIME_VMCS_SETUP_H
#define RUNTIME_VMCS_SETUP_H
#include "percpu.h"
#include "vmcs_check.h"

struct vmx_controls {
	u32 pin, proc, proc2, exit, entry;
};
extern struct vmx_controls vmx_ctls;

/* From the BSP's capabilities; false after one clear line naming what lacks. */
bool vmx_controls_compute(const struct vmx_caps *c);
/* Controls and host state into this CPU's current VMCS. */
void vmcs_setup(struct cpu *c, u64 eptp, u64 msr_bitmap_phys);

#endif
