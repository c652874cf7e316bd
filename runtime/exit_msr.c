/* RDMSR/WRMSR exits: MSRs in the bitmap policy (xmhf/lib/msr_bitmap.c) and
 * every MSR outside the bitmap ranges (SDM 25.1.3). An MSR the CPU rejects
 * gets #GP in the guest, as on bare hardware (XMHF64 bug 004). */
#include "exit.h"
#include "vmcs.h"
#include "guest_cr.h"
#include "apic_guard.h"
#include "msr_safe.h"
#include "msr_policy.h"
#include "guest_mtrr.h"
#include "ratelimit.h"
#include "vmcs_setup.h"
#include "cpu.h"
#include "serial.h"
#include "arch/msr.h"
#include "arch/cpuid.h"
#include "arch/exceptions.h"
#include "arch/vmcs_fields.h"

void exit_rdmsr(struct cpu *c, struct guest_regs *r)
{
	u32 msr = (u32)r->gpr[GPR_RCX];
	u64 v;

	(void)c;
	if (msr == MSR_IA32_EFER)
		v = vmread(VMCS_GUEST_IA32_EFER);
	else if (guest_msr_policy.mtrr && mtrr_is_msr(guest_msr_policy.mtrr, msr))
		guest_mtrr_read(msr, &v);
	else if (msr_hidden(&guest_msr_policy, msr) || !rdmsr_safe(msr, &v)) {
		guest_inject_exception(VEC_GP);
		return;
	}
	r->gpr[GPR_RAX] = (u32)v;
	r->gpr[GPR_RDX] = v >> 32;
	guest_skip_instruction();
}

static bool write_efer(u64 v)
{
	struct cr_state old = guest_cr_load(), s = old;
	bool nx = cpuid(CPUID_LEAF_EXT_INFO, 0).edx & CPUID80000001_EDX_NX;

	return efer_write(&s, v, nx) == CR_OK && guest_cr_store(&old, &s);
}

struct msr_policy guest_msr_policy;
static u32 refusals;	/* guest-triggered lines: rate-limited */

/* IA32_MISC_ENABLE and IA32_APIC_BASE: written unless the value would break
 * the hypervisor (xmhf/lib/msr_policy.c); that is #GP and one line. */
static bool write_checked(struct cpu *c, u32 msr, u64 v)
{
	u64 old;
	const char *why;

	if (!rdmsr_safe(msr, &old))
		return false;
	why = msr_write_refused(msr, old, v);
	if (!why)
		return wrmsr_safe(msr, v);
	if (ratelimit_ok(&refusals))
		hv_printf("CPU %u: guest WRMSR 0x%x = 0x%llx refused (%s): #GP\n", c->index, msr,
			  (unsigned long long)v, why);
	return false;
}

/* With IA32_PERF_GLOBAL_CTRL switched, the guest's value lives in the VMCS
 * and is loaded at entry; exits load 0 (SDM 26.3.2.1, 27.5.1). The value is
 * tried on the MSR itself first, so a reserved bit is #GP as on bare hardware. */
static bool write_perf_global_ctrl(u64 v)
{
	if (!wrmsr_safe(MSR_IA32_PERF_GLOBAL_CTRL, v))
		return false;
	wrmsr(MSR_IA32_PERF_GLOBAL_CTRL, 0);
	vmwrite(VMCS_GUEST_IA32_PERF_GLOBAL_CTRL, v);
	return true;
}

void exit_wrmsr(struct cpu *c, struct guest_regs *r)
{
	u32 msr = (u32)r->gpr[GPR_RCX];
	u64 v = ((u64)(u32)r->gpr[GPR_RDX] << 32) | (u32)r->gpr[GPR_RAX];
	bool ok;

	switch (msr) {
	case MSR_IA32_EFER:
		ok = write_efer(v);
		break;
	case MSR_IA32_APIC_BASE:
	case MSR_IA32_MISC_ENABLE:
		ok = write_checked(c, msr, v);
		break;
	case MSR_IA32_PERF_GLOBAL_CTRL:	/* intercepted only when switched */
		ok = write_perf_global_ctrl(v);
		break;
	case MSR_X2APIC_ICR:	/* x2APIC mode (SDM 10.12.9): same IPI path as the xAPIC ICR */
		ok = rdmsr(MSR_IA32_APIC_BASE) & APIC_BASE_EXTD;
		if (ok)
			ipi_emulate(c, (u32)v, (u32)(v >> 32), true);
		break;
	default:
		if (guest_msr_policy.mtrr && mtrr_is_msr(guest_msr_policy.mtrr, msr))
			ok = guest_mtrr_write(c, msr, v);
		else
			ok = !msr_hidden(&guest_msr_policy, msr) && wrmsr_safe(msr, v);
		break;
	}
	if (ok)
		guest_skip_instruction();
	else
		guest_inject_exception(VEC_GP);
}
