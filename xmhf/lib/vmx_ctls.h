/* VMX control computation from capability MSRs (SDM Appendix A.3-A.5). */
#ifndef XMHF_LIB_VMX_CTLS_H
#define XMHF_LIB_VMX_CTLS_H
#include "types.h"
#include "vmcs_check.h"
#include "arch/cpuid.h"

/* Bits 31:0 of a capability MSR are the allowed-0 settings (1 = must be 1),
 * bits 63:32 the allowed-1 settings (0 = must be 0). Returns 0 and the value in
 * *out, or -1 with the required bits the CPU lacks in *missing. */
int vmx_ctl_compute(u64 cap, u32 required, u32 optional, u32 *out, u32 *missing);

struct vmx_controls {
	u32 pin, proc, proc2, exit, entry;
};

/* What the host CPU has (CPUID) that decides optional controls. */
struct vmx_host_features {
	bool rdtscp, invpcid, xsaves, waitpkg;
	u8 pmu_version;		/* CPUID.0AH:EAX[7:0] */
};

/* From the host's CPUID (SDM Vol. 2A CPUID). pmu_version is what CPUID says;
 * the caller clears it if IA32_PERF_GLOBAL_CTRL turns out to be missing. */
struct vmx_host_features vmx_host_features(cpuid_query_fn host_cpuid, void *arg);

/* The control word that lacked required bits. */
struct vmx_ctl_missing {
	const char *what;
	u32 bits;
	u64 cap;
};

/* The controls xmhf-ng runs with: every required one checked, each optional
 * one used exactly when the CPU allows it and the guest needs it. The
 * IA-32e-mode-guest entry control and NMI-window exiting are left clear
 * (they change at run time). false: *m names what is missing. */
bool vmx_controls_choose(const struct vmx_caps *c, const struct vmx_host_features *f,
			 struct vmx_controls *out, struct vmx_ctl_missing *m);

/* INVVPID type the hypervisor uses to flush one VPID: single-context,
 * else all-context; 0 if INVVPID is unusable (then VPID stays off). */
u32 vmx_invvpid_type(const struct vmx_caps *c);

#endif
