/* Execution, exit and entry controls and the host-state area (SDM 24.6-24.8,
 * 24.5). Controls come from the capability MSRs: every required control is
 * checked, every optional one is used only when allowed (SDM Appendix A). */
#include "vmcs_setup.h"
#include "vmcs.h"
#include "vmx_ctls.h"
#include "cpuid_policy.h"
#include "cr_policy.h"
#include "percpu.h"
#include "idt.h"
#include "cpu.h"
#include "serial.h"
#include "msr_safe.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/msr.h"
#include "arch/cpuid.h"

struct vmx_controls vmx_ctls;

void vmx_exit_stub(void);

bool vmx_controls_compute(const struct vmx_caps *c)
{
	struct vmx_host_features f = vmx_host_features(cpuid_query_host, NULL);
	struct vmx_ctl_missing m;
	u64 v;

	/* Bochs 2.7 reports PMU version 2 without the MSR (ignore_bad_msrs=0):
	 * believe the MSR. */
	if (f.pmu_version >= 2 && !rdmsr_safe(MSR_IA32_PERF_GLOBAL_CTRL, &v)) {
		hv_printf("xmhf-ng: CPUID reports PMU version %u but IA32_PERF_GLOBAL_CTRL "
			  "faults: the PMU is hidden from the guest\n", f.pmu_version);
		f.pmu_version = 0;
	}
	if (!vmx_controls_choose(c, &f, &vmx_ctls, &m)) {
		hv_printf("xmhf-ng: VMX lacks required %s control bits 0x%08x (capability MSR "
			  "0x%016llx): cannot run the guest\n", m.what, m.bits, (unsigned long long)m.cap);
		return false;
	}
	guest_cpuid_policy = (struct cpuid_policy){
		.proc2 = vmx_ctls.proc2,
		.pmu_switched = vmx_ctls.entry & ENTRY_CTLS_LOAD_PERF_GLOBAL_CTRL,
	};
	if (!cpuid_view_init(&guest_cpuid_view, &guest_cpuid_policy)) {
		hv_printf("xmhf-ng: CPUID policy needs more than %u leaves of masks: cannot run "
			  "the guest\n", CPUID_VIEW_LEAVES);
		return false;
	}
	guest_msr_policy = (struct msr_policy){ .pmu_switched = guest_cpuid_policy.pmu_switched };
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
	if (vmx_ctls.exit & EXIT_CTLS_LOAD_PERF_GLOBAL_CTRL)
		vmwrite(VMCS_HOST_IA32_PERF_GLOBAL_CTRL, 0);	/* no counting in VMX root */
	vmwrite(VMCS_HOST_RSP, (u64)(c->stack + CPU_STACK_SIZE));
	vmwrite(VMCS_HOST_RIP, (u64)vmx_exit_stub);
}

void vmcs_setup(struct cpu *c, u64 eptp, u64 msr_bitmap_phys, u64 io_bitmap_a_phys,
		u64 io_bitmap_b_phys)
{
	vmwrite(VMCS_PIN_BASED_CTLS, vmx_ctls.pin);
	vmwrite(VMCS_PROC_BASED_CTLS, vmx_ctls.proc);
	vmwrite(VMCS_PROC_BASED_CTLS2, vmx_ctls.proc2);
	vmwrite(VMCS_EXIT_CTLS, vmx_ctls.exit);
	vmwrite(VMCS_ENTRY_CTLS, vmx_ctls.entry);
	vmwrite(VMCS_EXCEPTION_BITMAP, 0);
	vmwrite(VMCS_CR3_TARGET_COUNT, 0);
	vmwrite(VMCS_MSR_BITMAP, msr_bitmap_phys);
	vmwrite(VMCS_IO_BITMAP_A, io_bitmap_a_phys);
	vmwrite(VMCS_IO_BITMAP_B, io_bitmap_b_phys);
	vmwrite(VMCS_EPT_POINTER, eptp);
	if (vmx_ctls.proc2 & PROC2_ENABLE_VPID)
		vmwrite(VMCS_VPID, c->index + 1);	/* 0 is the host's (SDM 26.2.1.1) */
	if (vmx_ctls.proc2 & PROC2_ENABLE_XSAVES)
		vmwrite(VMCS_XSS_EXITING_BITMAP, 0);	/* no XSAVES/XRSTORS exits (SDM 25.1.3) */
	/* The guest's counters start as this CPU's firmware left them; INIT
	 * brings them back to that value (init_sipi.c). */
	if (vmx_ctls.entry & ENTRY_CTLS_LOAD_PERF_GLOBAL_CTRL) {
		c->guest_perf_global_ctrl = rdmsr(MSR_IA32_PERF_GLOBAL_CTRL);
		vmwrite(VMCS_GUEST_IA32_PERF_GLOBAL_CTRL, c->guest_perf_global_ctrl);
	}
	vmwrite(VMCS_CR0_GUEST_HOST_MASK, cr0_guest_host_mask(&vmx_caps));
	vmwrite(VMCS_CR4_GUEST_HOST_MASK, cr4_guest_host_mask(&vmx_caps));
	vmwrite(VMCS_ENTRY_INTR_INFO, 0);
	write_host_state(c);
}
