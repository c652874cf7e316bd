/* Execution, exit and entry controls and the host-state area (SDM 24.6-24.8,
 * 24.5). Controls come from the capability MSRs: every required control is
 * checked, every optional one is used only when allowed (SDM Appendix A). */
#include "vmcs_setup.h"
#include "vmcs.h"
#include "vmx_ctls.h"
#include "cr_policy.h"
#include "percpu.h"
#include "idt.h"
#include "cpu.h"
#include "serial.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/msr.h"
#include "arch/cpuid.h"

struct vmx_controls vmx_ctls;

void vmx_exit_stub(void);

static bool compute(const char *what, u64 cap, u32 required, u32 optional, u32 *out)
{
	u32 missing;

	if (vmx_ctl_compute(cap, required, optional, out, &missing) == 0)
		return true;
	hv_printf("xmhf-ng: VMX lacks required %s control bits 0x%08x (capability MSR 0x%016llx): "
		  "cannot run the guest\n", what, missing, (unsigned long long)cap);
	return false;
}

/* Secondary features the guest uses when the CPU has them (XMHF64 bugs
 * 002/003/005/096): enabled exactly when both CPUID and VMX allow them. */
static u32 guest_visible_proc2(void)
{
	u32 want = 0;

	if (cpuid(CPUID_LEAF_EXT_MAX, 0).eax >= CPUID_LEAF_EXT_INFO &&
	    (cpuid(CPUID_LEAF_EXT_INFO, 0).edx & CPUID80000001_EDX_RDTSCP))
		want |= PROC2_ENABLE_RDTSCP;
	if (cpuid(0, 0).eax >= CPUID_LEAF_EXT_FEATURES &&
	    (cpuid(CPUID_LEAF_EXT_FEATURES, 0).ebx & CPUID7_EBX_INVPCID))
		want |= PROC2_ENABLE_INVPCID;
	if (cpuid(0, 0).eax >= CPUID_LEAF_XSAVE &&
	    (cpuid(CPUID_LEAF_FEATURES, 0).ecx & CPUID1_ECX_XSAVE) &&
	    (cpuid(CPUID_LEAF_XSAVE, 1).eax & CPUIDD1_EAX_XSAVES))
		want |= PROC2_ENABLE_XSAVES;
	return want;
}

bool vmx_controls_compute(const struct vmx_caps *c)
{
	struct vmx_controls *v = &vmx_ctls;

	/* NMI exiting: a real NMI is how an INIT reaches a vCPU running the guest. */
	if (!compute("pin-based (NMI exiting)", c->pinbased, PIN_CTLS_NMI_EXITING, 0, &v->pin) ||
	    !compute("processor-based", c->procbased,
		     PROC_CTLS_USE_MSR_BITMAPS | PROC_CTLS_ACTIVATE_SECONDARY, 0, &v->proc) ||
	    !compute("secondary (EPT, unrestricted guest)", c->procbased2,
		     PROC2_ENABLE_EPT | PROC2_UNRESTRICTED_GUEST,
		     PROC2_ENABLE_VPID | guest_visible_proc2(), &v->proc2) ||
	    !compute("VM-exit", c->exit,
		     EXIT_CTLS_HOST_ADDR_SPACE_SIZE | EXIT_CTLS_SAVE_EFER | EXIT_CTLS_LOAD_EFER,
		     EXIT_CTLS_SAVE_PAT | EXIT_CTLS_LOAD_PAT, &v->exit) ||
	    !compute("VM-entry", c->entry, ENTRY_CTLS_LOAD_EFER, ENTRY_CTLS_LOAD_PAT, &v->entry))
		return false;
	/* IA-32e mode guest follows EFER.LMA at run time; the guest starts in real mode. */
	v->entry &= ~ENTRY_CTLS_IA32E_MODE_GUEST;
	return true;
}

struct __attribute__((packed)) dtr { u16 limit; u64 base; };

static void write_host_state(struct cpu *c)
{
	struct dtr gdtr, idtr;

	asm volatile("sgdt %0" : "=m"(gdtr));
	asm volatile("sidt %0" : "=m"(idtr));
	vmwrite(VMCS_HOST_CR0, read_cr0());
	vmwrite(VMCS_HOST_CR3, read_cr3());
	vmwrite(VMCS_HOST_CR4, read_cr4());
	vmwrite(VMCS_HOST_CS_SELECTOR, 0x08);
	vmwrite(VMCS_HOST_SS_SELECTOR, 0x10);
	vmwrite(VMCS_HOST_DS_SELECTOR, 0x10);
	vmwrite(VMCS_HOST_ES_SELECTOR, 0x10);
	vmwrite(VMCS_HOST_FS_SELECTOR, 0x10);
	vmwrite(VMCS_HOST_GS_SELECTOR, 0x10);
	vmwrite(VMCS_HOST_TR_SELECTOR, tss_selector(c->index));
	vmwrite(VMCS_HOST_FS_BASE, 0);
	vmwrite(VMCS_HOST_GS_BASE, (u64)c);
	vmwrite(VMCS_HOST_TR_BASE, (u64)&c->tss);
	vmwrite(VMCS_HOST_GDTR_BASE, gdtr.base);
	vmwrite(VMCS_HOST_IDTR_BASE, idtr.base);
	vmwrite(VMCS_HOST_SYSENTER_CS, 0);
	vmwrite(VMCS_HOST_SYSENTER_ESP, 0);
	vmwrite(VMCS_HOST_SYSENTER_EIP, 0);
	vmwrite(VMCS_HOST_IA32_EFER, rdmsr(MSR_IA32_EFER));
	if (vmx_ctls.exit & EXIT_CTLS_LOAD_PAT)
		vmwrite(VMCS_HOST_IA32_PAT, rdmsr(MSR_IA32_PAT));
	vmwrite(VMCS_HOST_RSP, (u64)(c->stack + CPU_STACK_SIZE));
	vmwrite(VMCS_HOST_RIP, (u64)vmx_exit_stub);
}

void vmcs_setup(struct cpu *c, u64 eptp, u64 msr_bitmap_phys)
{
	vmwrite(VMCS_PIN_BASED_CTLS, vmx_ctls.pin);
	vmwrite(VMCS_PROC_BASED_CTLS, vmx_ctls.proc);
	vmwrite(VMCS_PROC_BASED_CTLS2, vmx_ctls.proc2);
	vmwrite(VMCS_EXIT_CTLS, vmx_ctls.exit);
	vmwrite(VMCS_ENTRY_CTLS, vmx_ctls.entry);
	vmwrite(VMCS_EXCEPTION_BITMAP, 0);
	vmwrite(VMCS_CR3_TARGET_COUNT, 0);
	vmwrite(VMCS_MSR_BITMAP, msr_bitmap_phys);
	vmwrite(VMCS_EPT_POINTER, eptp);
	if (vmx_ctls.proc2 & PROC2_ENABLE_VPID)
		vmwrite(VMCS_VPID, c->index + 1);	/* 0 is the host's (SDM 26.2.1.1) */
	vmwrite(VMCS_CR0_GUEST_HOST_MASK, cr0_guest_host_mask(&vmx_caps));
	vmwrite(VMCS_CR4_GUEST_HOST_MASK, cr4_guest_host_mask(&vmx_caps));
	vmwrite(VMCS_ENTRY_INTR_INFO, 0);
	write_host_state(c);
}
