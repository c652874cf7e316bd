#include "vmx_ctls.h"
#include "arch/vmx_controls.h"

int vmx_ctl_compute(u64 cap, u32 required, u32 optional, u32 *out, u32 *missing)
{
	u32 must_be_one = (u32)cap, may_be_one = (u32)(cap >> 32);

	*missing = required & ~may_be_one;
	if (*missing)
		return -1;
	*out = must_be_one | required | (optional & may_be_one);
	return 0;
}

u32 vmx_invvpid_type(const struct vmx_caps *c)
{
	if (!(c->ept_vpid & VMX_VPID_INVVPID))
		return 0;
	if (c->ept_vpid & VMX_VPID_INVVPID_SINGLE)
		return INVVPID_SINGLE_CONTEXT;
	return (c->ept_vpid & VMX_VPID_INVVPID_ALL) ? INVVPID_ALL_CONTEXT : 0;
}

struct vmx_host_features vmx_host_features(cpuid_query_fn q, void *arg)
{
	u32 max = q(arg, 0, 0).eax, ext_max = q(arg, CPUID_LEAF_EXT_MAX, 0).eax;
	struct vmx_host_features f = { 0 };

	if (ext_max >= CPUID_LEAF_EXT_INFO)
		f.rdtscp = q(arg, CPUID_LEAF_EXT_INFO, 0).edx & CPUID80000001_EDX_RDTSCP;
	if (max >= CPUID_LEAF_EXT_FEATURES) {
		struct cpuid_regs r = q(arg, CPUID_LEAF_EXT_FEATURES, 0);

		f.invpcid = r.ebx & CPUID7_EBX_INVPCID;
		f.waitpkg = r.ecx & CPUID7_ECX_WAITPKG;
	}
	if (max >= CPUID_LEAF_PMU)
		f.pmu_version = (u8)CPUIDA_EAX_VERSION(q(arg, CPUID_LEAF_PMU, 0).eax);
	if (max >= CPUID_LEAF_XSAVE && (q(arg, CPUID_LEAF_FEATURES, 0).ecx & CPUID1_ECX_XSAVE))
		f.xsaves = q(arg, CPUID_LEAF_XSAVE, 1).eax & CPUIDD1_EAX_XSAVES;
	return f;
}

static bool pick(const char *what, u64 cap, u32 required, u32 optional, u32 *out,
		 struct vmx_ctl_missing *m)
{
	if (vmx_ctl_compute(cap, required, optional, out, &m->bits) == 0)
		return true;
	m->what = what;
	m->cap = cap;
	return false;
}

/* Secondary features the guest uses when the CPU has them (XMHF64 bugs
 * 002/003/005/096): without the control they are #UD in VMX non-root
 * (SDM 25.3), and the CPUID policy hides whatever is not enabled. */
static u32 guest_proc2(const struct vmx_caps *c, const struct vmx_host_features *f)
{
	u32 want = 0;

	if (vmx_invvpid_type(c))
		want |= PROC2_ENABLE_VPID;
	if (f->rdtscp)
		want |= PROC2_ENABLE_RDTSCP;
	if (f->invpcid)
		want |= PROC2_ENABLE_INVPCID;
	if (f->xsaves)
		want |= PROC2_ENABLE_XSAVES;
	if (f->waitpkg)
		want |= PROC2_USER_WAIT_PAUSE;
	return want;
}

bool vmx_controls_choose(const struct vmx_caps *c, const struct vmx_host_features *f,
			 struct vmx_controls *v, struct vmx_ctl_missing *m)
{
	/* IA32_PERF_GLOBAL_CTRL exists from PMU version 2 (SDM Vol. 3B 18.2.2). */
	u32 perf_exit = f->pmu_version >= 2 ? EXIT_CTLS_LOAD_PERF_GLOBAL_CTRL : 0;
	u32 perf_entry = f->pmu_version >= 2 ? ENTRY_CTLS_LOAD_PERF_GLOBAL_CTRL : 0;

	/* NMI exiting: a real NMI is how an INIT or NMI request reaches a vCPU in
	 * the guest; virtual NMIs + NMI-window exiting deliver guest NMIs without
	 * losing any (SDM 24.6.1, 25.3, 26.6.1.2). */
	if (!pick("pin-based (NMI exiting, virtual NMIs)", c->pinbased,
		  PIN_CTLS_NMI_EXITING | PIN_CTLS_VIRTUAL_NMIS, 0, &v->pin, m) ||
	    /* I/O bitmaps: the console UART is the hypervisor's (SDM 24.6.4). */
	    !pick("processor-based (I/O and MSR bitmaps, NMI-window exiting)", c->procbased,
		  PROC_CTLS_USE_IO_BITMAPS | PROC_CTLS_USE_MSR_BITMAPS | PROC_CTLS_ACTIVATE_SECONDARY |
			  PROC_CTLS_NMI_WINDOW_EXITING, 0, &v->proc, m) ||
	    !pick("secondary (EPT, unrestricted guest)", c->procbased2,
		  PROC2_ENABLE_EPT | PROC2_UNRESTRICTED_GUEST, guest_proc2(c, f), &v->proc2, m) ||
	    /* Save/load debug controls keep the guest's DR7 and IA32_DEBUGCTL
	     * across exits (SDM 27.3.1, 27.5.1, 26.3.2.1). */
	    !pick("VM-exit (save debug controls, EFER)", c->exit,
		  EXIT_CTLS_HOST_ADDR_SPACE_SIZE | EXIT_CTLS_SAVE_DEBUG_CTLS | EXIT_CTLS_SAVE_EFER |
			  EXIT_CTLS_LOAD_EFER,
		  EXIT_CTLS_SAVE_PAT | EXIT_CTLS_LOAD_PAT | perf_exit, &v->exit, m) ||
	    !pick("VM-entry (load debug controls, EFER)", c->entry,
		  ENTRY_CTLS_LOAD_DEBUG_CTLS | ENTRY_CTLS_LOAD_EFER, ENTRY_CTLS_LOAD_PAT | perf_entry,
		  &v->entry, m))
		return false;
	/* Guest counters stop at each exit only if both directions switch. */
	if (!(v->exit & EXIT_CTLS_LOAD_PERF_GLOBAL_CTRL) || !(v->entry & ENTRY_CTLS_LOAD_PERF_GLOBAL_CTRL)) {
		v->exit &= ~EXIT_CTLS_LOAD_PERF_GLOBAL_CTRL;
		v->entry &= ~ENTRY_CTLS_LOAD_PERF_GLOBAL_CTRL;
	}
	v->proc &= ~PROC_CTLS_NMI_WINDOW_EXITING;	/* set only while an NMI waits */
	v->entry &= ~ENTRY_CTLS_IA32E_MODE_GUEST;	/* follows EFER.LMA; real mode first */
	return true;
}
