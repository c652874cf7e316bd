/* VMX control computation from capability MSRs (SDM Appendix A.3-A.5). */
#ifndef XMHF_LIB_VMX_CTLS_H
#define XMHF_LIB_VMX_CTLS_H
#include "types.h"

/* Bits 31:0 of a capability MSR are the allowed-0 settings (1 = must be 1),
 * bits 63:32 the allowed-1 settings (0 = must be 0). Returns 0 and the value in
 * *out, or -1 with the required bits the CPU lacks in *missing. */
int vmx_ctl_compute(u64 cap, u32 required, u32 optional, u32 *out, u32 *missing);

#endif
