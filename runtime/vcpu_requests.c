/* The one place where pending vCPU requests (xmhf/lib/vcpu_request.h) are
 * consumed: vmx_entry.S calls vcpu_handle_requests() before every VM entry,
 * and enters only once no request is left. Order: INIT first (it resets the
 * vCPU and drops its pending NMI), then NMI delivery, the TLB flushes, and last
 * the VM-entry checks, which must see the final guest state. */
#include "vcpu_request.h"
#include "init_sipi.h"
#include "nmi.h"
#include "vmcs.h"
#include "vmcs_dump.h"
#include "vmcs_setup.h"
#include "vmx_insn.h"
#include "ept.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"

void vcpu_handle_requests(struct guest_regs *r);

/* Emulated INIT or CR0.PG change: drop what this vCPU's VPID cached, as the
 * real event would (SDM 4.10.4.1, 28.3.3.3). */
static void flush_vpid(void)
{
	u32 type = vmx_invvpid_type(&vmx_caps);

	if (vmx_ctls.proc2 & PROC2_ENABLE_VPID)
		invvpid(type, (u16)vmread(VMCS_VPID));
}

/* Bochs 2.7 leaves blocking-by-SMI set after wait-for-SIPI (on the APs, at
 * every exit); outside SMM it fails the next entry (SDM 26.3.1.5). */
static bool bochs_smi_blocking(u64 intr)
{
	return intr & INTR_BLOCK_SMI;
}

static __attribute__((noinline)) void handle_all(struct cpu *c, struct guest_regs *r)
{
	u64 intr;

	if (vcpu_take_request(&c->requests, VCPU_REQ_INIT))
		init_sipi_take_init(c, r);
	if (vcpu_take_request(&c->requests, VCPU_REQ_NMI) || c->nmi_pending)
		nmi_inject_or_wait(c);
	if (vcpu_take_request(&c->requests, VCPU_REQ_TLB_FLUSH))
		flush_vpid();
	if (vcpu_take_request(&c->requests, VCPU_REQ_EPT_FLUSH))
		ept_flush_this_cpu();
	/* Read here: INIT and NMI handling rewrite it. Clearing the bit cannot
	 * make an entry fail without "entry to SMM", which is never used: no
	 * re-check (vmwrite() would re-arm the full checker on every AP exit). */
	intr = vmread(VMCS_GUEST_INTERRUPTIBILITY);
	if (bochs_smi_blocking(intr))
		vmwrite_no_recheck(VMCS_GUEST_INTERRUPTIBILITY, intr & ~(u64)INTR_BLOCK_SMI);
#ifdef XMHF_DEBUG
	vcpu_make_request(&c->requests, VCPU_REQ_VMCS_CHECK);
#endif
	if (vcpu_take_request(&c->requests, VCPU_REQ_VMCS_CHECK) &&
	    vmcs_check_all(&vmcs_current_view, &vmx_caps, NULL, NULL))
		vmx_fatal(c, r, "guest state would fail VM entry (VMCS check lines below)");
}

/* Most exits leave no request and nothing to fix: one load, one VMREAD, and
 * the work out of line. A request made after this is seen by
 * vmx_entry_check. */
void vcpu_handle_requests(struct guest_regs *r)
{
	struct cpu *c = this_cpu();
	u64 intr = vmread(VMCS_GUEST_INTERRUPTIBILITY);
	bool debug = false;

#ifdef XMHF_DEBUG
	debug = true;
#endif
	if (__atomic_load_n(&c->requests, __ATOMIC_ACQUIRE) || c->nmi_pending ||
	    bochs_smi_blocking(intr) || debug)
		handle_all(c, r);
}
