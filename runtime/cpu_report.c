#include "cpu_report.h"
#include "cpu.h"
#include "serial.h"
#include "arch/cpuid.h"
#include "arch/msr.h"
#include "arch/vmx_controls.h"

bool cpu_has_vmx(void)
{
	return cpuid(CPUID_LEAF_FEATURES, 0).ecx & CPUID1_ECX_VMX;
}

/* Display family/model per SDM Vol. 2A CPUID, "Version Information". */
static void cpu_signature(u32 eax, u32 *family, u32 *model, u32 *stepping)
{
	u32 fam = (eax >> 8) & 0xf, mod = (eax >> 4) & 0xf;

	if (fam == 0xf)
		fam += (eax >> 20) & 0xff;
	if (fam == 0x6 || fam >= 0xf)
		mod |= ((eax >> 16) & 0xf) << 4;
	*family = fam;
	*model = mod;
	*stepping = eax & 0xf;
}

/* The CPUID words that decide VMX controls and the guest's CPUID policy
 * (xmhf/lib/vmx_ctls.c, cpuid_policy.c); docs/testing.md tabulates them. */
static void cpuid_report(const struct cpu *c)
{
	u32 max = cpuid(0, 0).eax, ext = cpuid(CPUID_LEAF_EXT_MAX, 0).eax;
	struct cpuid_regs z = { 0 }, l1 = cpuid(CPUID_LEAF_FEATURES, 0);
	struct cpuid_regs l7 = max >= CPUID_LEAF_EXT_FEATURES ? cpuid(CPUID_LEAF_EXT_FEATURES, 0) : z;
	struct cpuid_regs la = max >= CPUID_LEAF_PMU ? cpuid(CPUID_LEAF_PMU, 0) : z;
	struct cpuid_regs d0 = max >= CPUID_LEAF_XSAVE ? cpuid(CPUID_LEAF_XSAVE, 0) : z;
	struct cpuid_regs d1 = max >= CPUID_LEAF_XSAVE ? cpuid(CPUID_LEAF_XSAVE, 1) : z;
	struct cpuid_regs e1 = ext >= CPUID_LEAF_EXT_INFO ? cpuid(CPUID_LEAF_EXT_INFO, 0) : z;

	hv_printf("CPU %u: cpuid max=0x%x 1.ecx=0x%08x 1.edx=0x%08x 7.ebx=0x%08x 7.ecx=0x%08x "
		  "7.edx=0x%08x a.eax=0x%08x d0.eax=0x%08x d0.edx=0x%08x d1.eax=0x%08x "
		  "80000001.ecx=0x%08x 80000001.edx=0x%08x\n", c->index, max, l1.ecx, l1.edx, l7.ebx,
		  l7.ecx, l7.edx, la.eax, d0.eax, d0.edx, d1.eax, e1.ecx, e1.edx);
}

void cpu_report(const struct cpu *c)
{
	cpuid_report(c);
	u32 fam, model, step;
	const char *mode = (rdmsr(MSR_IA32_EFER) & EFER_LMA) ? "64-bit" : "NOT-64-bit";

	cpu_signature(cpuid(CPUID_LEAF_FEATURES, 0).eax, &fam, &model, &step);
	if (!cpu_has_vmx()) {
		hv_printf("CPU %u: lapic=%u family=0x%x model=0x%x stepping=%u mode=%s vmx=no "
			  "(CPUID.1:ECX.VMX[bit 5] = 0: no VT-x on this CPU)\n",
			  c->index, c->apic_id, fam, model, step, mode);
		return;
	}
	u64 basic = rdmsr(MSR_IA32_VMX_BASIC);
	bool tru = basic & VMX_BASIC_TRUE_CTLS;
	u64 proc = rdmsr(tru ? MSR_IA32_VMX_TRUE_PROCBASED_CTLS : MSR_IA32_VMX_PROCBASED_CTLS);
	bool has2 = (proc >> 32) & PROC_CTLS_ACTIVATE_SECONDARY;

	hv_printf("CPU %u: lapic=%u family=0x%x model=0x%x stepping=%u mode=%s vmx=yes "
		  "feature_control=0x%llx basic=0x%llx pinbased=0x%llx procbased=0x%llx "
		  "secondary=0x%llx exit=0x%llx entry=0x%llx cr0_fixed0=0x%llx cr0_fixed1=0x%llx "
		  "cr4_fixed0=0x%llx cr4_fixed1=0x%llx misc=0x%llx ept_vpid=0x%llx\n",
		  c->index, c->apic_id, fam, model, step, mode,
		  (unsigned long long)rdmsr(MSR_IA32_FEATURE_CONTROL), (unsigned long long)basic,
		  (unsigned long long)rdmsr(tru ? MSR_IA32_VMX_TRUE_PINBASED_CTLS
						: MSR_IA32_VMX_PINBASED_CTLS),
		  (unsigned long long)proc,
		  (unsigned long long)(has2 ? rdmsr(MSR_IA32_VMX_PROCBASED_CTLS2) : 0),
		  (unsigned long long)rdmsr(tru ? MSR_IA32_VMX_TRUE_EXIT_CTLS : MSR_IA32_VMX_EXIT_CTLS),
		  (unsigned long long)rdmsr(tru ? MSR_IA32_VMX_TRUE_ENTRY_CTLS
						: MSR_IA32_VMX_ENTRY_CTLS),
		  (unsigned long long)rdmsr(MSR_IA32_VMX_CR0_FIXED0),
		  (unsigned long long)rdmsr(MSR_IA32_VMX_CR0_FIXED1),
		  (unsigned long long)rdmsr(MSR_IA32_VMX_CR4_FIXED0),
		  (unsigned long long)rdmsr(MSR_IA32_VMX_CR4_FIXED1),
		  (unsigned long long)rdmsr(MSR_IA32_VMX_MISC),
		  (unsigned long long)(has2 && ((rdmsr(MSR_IA32_VMX_PROCBASED_CTLS2) >> 32) &
						(PROC2_ENABLE_EPT | PROC2_ENABLE_VPID))
					   ? rdmsr(MSR_IA32_VMX_EPT_VPID_CAP) : 0));
}
