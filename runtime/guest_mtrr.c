/* Guest MTRR writes never reach the real MTRRs, which type the hypervisor's
 * own accesses too; they change the EPT memory types instead (SDM 28.2.6.2:
 * with EPT the MTRRs do not apply to guest accesses), and every CPU drops
 * the translations it cached with the old types (SDM 28.3.3.1). One set for
 * all CPUs, as the OS keeps them equal (SDM 11.11.8). */
#include "guest_mtrr.h"
#include "ept.h"
#include "ept_memtype.h"
#include "nmi.h"
#include "vmcs.h"
#include "cpu.h"
#include "serial.h"
#include "ratelimit.h"
#include "spinlock.h"
#include "arch/cpuid.h"
#include "arch/msr.h"

static struct mtrr_state shadow;
static spinlock_t lock;
static u32 logged;

static int ept_type(void *arg, u64 base, u64 len)
{
	int t = mtrr_range_type(arg, base, len);

	return t == MTRR_RANGE_MIXED ? EPT_RANGE_MIXED : t;
}

const struct mtrr_state *guest_mtrr_init(void)
{
	if (!(cpuid(CPUID_LEAF_FEATURES, 0).edx & CPUID1_EDX_MTRR))
		return NULL;
	shadow.cap = rdmsr(MSR_IA32_MTRRCAP);
	shadow.maxphyaddr = vmx_caps.maxphyaddr;
	for (u32 msr = 0; msr < 0x2000; msr++) {
		u64 v;

		if (mtrr_is_msr(&shadow, msr) && msr != MSR_IA32_MTRR_DEF_TYPE) {
			v = rdmsr(msr);
			mtrr_write(&shadow, msr, v);
		}
	}
	mtrr_write(&shadow, MSR_IA32_MTRR_DEF_TYPE, rdmsr(MSR_IA32_MTRR_DEF_TYPE));
	hv_printf("xmhf-ng: guest MTRRs shadowed (%u variable ranges, default type %llu%s): EPT "
		  "memory types from them, %u leaves set\n", MTRRCAP_VCNT(shadow.cap),
		  (unsigned long long)(shadow.def_type & MTRR_DEF_TYPE_MASK),
		  (shadow.def_type & MTRR_DEF_E) ? "" : ", disabled: all UC",
		  ept_retype(ept_type, &shadow));
	return &shadow;
}

bool guest_mtrr_read(u32 msr, u64 *v)
{
	bool ok;

	spin_lock(&lock);
	ok = mtrr_read(&shadow, msr, v);
	spin_unlock(&lock);
	return ok;
}

bool guest_mtrr_write(struct cpu *c, u32 msr, u64 v)
{
	unsigned changed;

	spin_lock(&lock);
	if (!mtrr_write(&shadow, msr, v)) {
		spin_unlock(&lock);
		return false;
	}
	changed = ept_retype(ept_type, &shadow);
	spin_unlock(&lock);
	if (changed) {
		for (u32 i = 0; i < cpu_count; i++)
			vcpu_request_and_kick(&cpus[i], VCPU_REQ_EPT_FLUSH);
	}
	if (ratelimit_ok(&logged))
		hv_printf("CPU %u: guest MTRR 0x%x = 0x%llx: %u EPT leaves retyped\n", c->index, msr,
			  (unsigned long long)v, changed);
	return true;
}
