/* Per-CPU VMX enable (SDM Vol. 3C 23.7 "Enabling and entering VMX operation",
 * 23.8 "Restrictions on VMX operation"). */
#include "vmx_on.h"
#include "vmcs.h"
#include "vmx_insn.h"
#include "percpu.h"
#include "cpu.h"
#include "serial.h"
#include "cpu_report.h"
#include "arch/msr.h"
#include "arch/cr.h"
#include "arch/vmx_controls.h"
#include "arch/cpuid.h"

void vmx_read_caps(struct vmx_caps *c)
{
	bool tru;

	c->basic = rdmsr(MSR_IA32_VMX_BASIC);
	tru = c->basic & VMX_BASIC_TRUE_CTLS;
	c->pinbased = rdmsr(tru ? MSR_IA32_VMX_TRUE_PINBASED_CTLS : MSR_IA32_VMX_PINBASED_CTLS);
	c->procbased = rdmsr(tru ? MSR_IA32_VMX_TRUE_PROCBASED_CTLS : MSR_IA32_VMX_PROCBASED_CTLS);
	c->exit = rdmsr(tru ? MSR_IA32_VMX_TRUE_EXIT_CTLS : MSR_IA32_VMX_EXIT_CTLS);
	c->entry = rdmsr(tru ? MSR_IA32_VMX_TRUE_ENTRY_CTLS : MSR_IA32_VMX_ENTRY_CTLS);
	c->procbased2 = ((c->procbased >> 32) & PROC_CTLS_ACTIVATE_SECONDARY)
				? rdmsr(MSR_IA32_VMX_PROCBASED_CTLS2) : 0;
	c->misc = rdmsr(MSR_IA32_VMX_MISC);
	c->cr0_fixed0 = rdmsr(MSR_IA32_VMX_CR0_FIXED0);
	c->cr0_fixed1 = rdmsr(MSR_IA32_VMX_CR0_FIXED1);
	c->cr4_fixed0 = rdmsr(MSR_IA32_VMX_CR4_FIXED0);
	c->cr4_fixed1 = rdmsr(MSR_IA32_VMX_CR4_FIXED1);
	if (cpuid(CPUID_LEAF_EXT_MAX, 0).eax >= CPUID_LEAF_ADDR_SIZES) {
		u32 a = cpuid(CPUID_LEAF_ADDR_SIZES, 0).eax;

		c->maxphyaddr = (u8)a;
		c->linear_bits = (u8)(a >> 8);
	}
	c->ept_vpid = (c->procbased2 >> 32) & (PROC2_ENABLE_EPT | PROC2_ENABLE_VPID)
			      ? rdmsr(MSR_IA32_VMX_EPT_VPID_CAP) : 0;
}

/* IA32_FEATURE_CONTROL (SDM 23.7): lock it with VMX-outside-SMX on when the
 * firmware left it unlocked; a locked-off VMX can only be fixed in the firmware. */
static bool feature_control_ok(struct cpu *c)
{
	u64 fc = rdmsr(MSR_IA32_FEATURE_CONTROL);

	if (!(fc & FEATURE_CONTROL_LOCK)) {
		fc |= FEATURE_CONTROL_LOCK | FEATURE_CONTROL_VMX_OUTSIDE_SMX;
		wrmsr(MSR_IA32_FEATURE_CONTROL, fc);
	}
	if (!(fc & FEATURE_CONTROL_VMX_OUTSIDE_SMX)) {
		hv_printf("CPU %u: VMX is disabled and locked by the firmware "
			  "(IA32_FEATURE_CONTROL=0x%llx, bit 2 clear): enable VT-x in the "
			  "BIOS setup\n", c->index, (unsigned long long)fc);
		return false;
	}
	return true;
}

bool vmx_cpu_on(struct cpu *c)
{
	if (!cpu_has_vmx()) {
		hv_printf("CPU %u: no VMX (CPUID.1:ECX.VMX = 0): cannot run the hypervisor\n",
			  c->index);
		return false;
	}
	if (!feature_control_ok(c))
		return false;
	/* CR0/CR4 bits fixed in VMX operation (SDM 23.8, Appendix A.7, A.8).
	 * CR4.OSXSAVE: the guest's XSETBV exits and runs here, and XSETBV is
	 * #UD with it clear (SDM Vol. 2D XSETBV). Host CR4 then has it too. */
	write_cr0((read_cr0() | vmx_caps.cr0_fixed0) & vmx_caps.cr0_fixed1);
	write_cr4((read_cr4() | vmx_caps.cr4_fixed0 | CR4_VMXE |
		   ((cpuid(CPUID_LEAF_FEATURES, 0).ecx & CPUID1_ECX_XSAVE) ? CR4_OSXSAVE : 0)) &
		  vmx_caps.cr4_fixed1);
	/* VMXON region and VMCS start with the VMCS revision identifier (SDM 24.2). */
	*(u32 *)c->vmxon_region = VMX_BASIC_REVISION(vmx_caps.basic);
	*(u32 *)c->vmcs = VMX_BASIC_REVISION(vmx_caps.basic);
	if (!vmxon(hv_virt_to_phys(c->vmxon_region))) {
		hv_printf("CPU %u: VMXON failed (RFLAGS=0x%llx)\n", c->index,
			  (unsigned long long)read_rflags());
		return false;
	}
	if (!vmclear(hv_virt_to_phys(c->vmcs)) || !vmptrld(hv_virt_to_phys(c->vmcs))) {
		hv_printf("CPU %u: VMCLEAR/VMPTRLD of the VMCS failed\n", c->index);
		asm volatile("vmxoff" ::: "cc", "memory");	/* false = not in VMX operation */
		return false;
	}
	return true;
}
