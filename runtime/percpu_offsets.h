/* Offsets in struct cpu that vmx_entry.S reads through %gs (checked by
 * _Static_assert in percpu.h). */
#ifndef RUNTIME_PERCPU_OFFSETS_H
#define RUNTIME_PERCPU_OFFSETS_H

#define CPU_OFF_REQUESTS 8200	/* u32 requests: enum vcpu_request bits */
#define CPU_OFF_LAUNCHED 8204	/* u8 launched: VMRESUME, not VMLAUNCH */

#endif
