#include "cpuid_policy.h"
#include "arch/cr.h"
#include "arch/vmx_controls.h"

enum reg { EAX, EBX, ECX, EDX };
enum gate {
	NEVER,		/* not virtualized: always hidden */
	PROC2,		/* shown only with the secondary control(s) in `proc2` */
	PMU,		/* shown only with IA32_PERF_GLOBAL_CTRL switching */
};

struct rule {
	u32 leaf, subleaf;
	enum reg reg;
	u32 bit;
	const char *name;
	enum gate gate;
	u32 proc2;
	const char *why;
};

/* Features whose VMX enable control is off or absent are hidden: in VMX
 * non-root they would be #UD or escape the hypervisor (SDM 25.3, 24.6.2). */
static const struct rule rules[] = {
	{ 1, 0, ECX, CPUID1_ECX_VMX, "VMX", NEVER, 0, "no nested VMX" },
	{ 1, 0, ECX, CPUID1_ECX_SMX, "SMX", NEVER, 0, "GETSEC exits and is not emulated" },
	{ 1, 0, EDX, CPUID1_EDX_DS, "DS", PMU, 0,
	  "BTS/PEBS would run on in VMX root without IA32_PERF_GLOBAL_CTRL switching" },
	{ 1, 0, ECX, CPUID1_ECX_DTES64, "DTES64", PMU, 0, "as DS" },
	{ 1, 0, ECX, CPUID1_ECX_DS_CPL, "DS-CPL", PMU, 0, "as DS" },
	{ 1, 0, ECX, CPUID1_ECX_PDCM, "PDCM", PMU, 0, "the PMU is hidden" },
	{ 7, 0, EBX, CPUID7_EBX_INVPCID, "INVPCID", PROC2, PROC2_ENABLE_INVPCID,
	  "#UD without \"enable INVPCID\"" },
	{ 7, 0, EBX, CPUID7_EBX_PT, "Intel PT", NEVER, 0,
	  "output would bypass EPT (\"Intel PT uses guest-physical addresses\" not used)" },
	{ 7, 0, ECX, CPUID7_ECX_WAITPKG, "WAITPKG", PROC2, PROC2_USER_WAIT_PAUSE,
	  "TPAUSE/UMWAIT #UD without \"enable user wait and pause\"" },
	{ CPUID_LEAF_XSAVE, 1, EAX, CPUIDD1_EAX_XSAVES, "XSAVES", PROC2, PROC2_ENABLE_XSAVES,
	  "#UD without \"enable XSAVES/XRSTORS\"" },
	{ CPUID_LEAF_EXT_INFO, 0, EDX, CPUID80000001_EDX_RDTSCP, "RDTSCP", PROC2,
	  PROC2_ENABLE_RDTSCP, "#UD without \"enable RDTSCP\"" },
};

static u32 *reg_of(struct cpuid_regs *r, enum reg g)
{
	return g == EAX ? &r->eax : g == EBX ? &r->ebx : g == ECX ? &r->ecx : &r->edx;
}

static bool shown(const struct cpuid_policy *p, const struct rule *u)
{
	switch (u->gate) {
	case PROC2:
		return (p->proc2 & u->proc2) == u->proc2;
	case PMU:
		return p->pmu_switched;
	default:
		return false;
	}
}

static void set_bit_if(u32 *v, u32 bit, bool on)
{
	*v = on ? *v | bit : *v & ~bit;
}

/* Leaves 7 and 0xd have sub-leaves (ECX); 1 and 0x80000001 ignore ECX, so a
 * rule for them applies whatever ECX holds (SDM Vol. 2A CPUID). */
static bool leaf_indexed(u32 leaf)
{
	return leaf == CPUID_LEAF_EXT_FEATURES || leaf == CPUID_LEAF_XSAVE;
}

static bool leaf_matches(const struct cpuid_view_leaf *l, u32 leaf, u32 subleaf)
{
	return l->leaf == leaf && (!l->indexed || l->subleaf == subleaf);
}

bool cpuid_view_init(struct cpuid_view *v, const struct cpuid_policy *p)
{
	*v = (struct cpuid_view){ .pmu_hidden = !p->pmu_switched };
	for (unsigned i = 0; i < ARRAY_SIZE(rules); i++) {
		const struct rule *u = &rules[i];
		struct cpuid_view_leaf *l = NULL;

		if (shown(p, u))
			continue;
		for (unsigned k = 0; k < v->n && !l; k++)
			if (leaf_matches(&v->l[k], u->leaf, u->subleaf))
				l = &v->l[k];
		if (!l) {
			if (v->n == CPUID_VIEW_LEAVES)
				return false;
			l = &v->l[v->n++];
			*l = (struct cpuid_view_leaf){ u->leaf, u->subleaf, leaf_indexed(u->leaf),
						       { ~0u, ~0u, ~0u, ~0u } };
		}
		*reg_of(&l->keep, u->reg) &= ~u->bit;
	}
	/* Below 32, what cpuid_view_rewrite() leaves as it is. */
	for (u32 leaf = 0; leaf < 32; leaf++) {
		bool touched = leaf == CPUID_LEAF_FEATURES || leaf == CPUID_LEAF_EXT_FEATURES ||
			       leaf == CPUID_LEAF_PT || (leaf == CPUID_LEAF_PMU && v->pmu_hidden);

		for (unsigned k = 0; k < v->n; k++)
			touched |= v->l[k].leaf == leaf;
		if (!touched)
			v->unchanged_low |= 1u << leaf;
	}
	return true;
}

void cpuid_view_rewrite(const struct cpuid_view *v, u64 guest_cr4, u32 leaf, u32 subleaf,
			struct cpuid_regs *r)
{
	static const struct cpuid_regs zero;

	if (leaf >= CPUID_LEAF_HYPERVISOR && leaf <= CPUID_LEAF_HYPERVISOR_LAST) {
		/* Our own leaves, never L0's: a KVM signature from the host would
		 * turn on kvm-clock, PV EOI/TLB flush/IPIs in the guest. */
		*r = zero;
		if (leaf == CPUID_LEAF_HYPERVISOR)
			*r = (struct cpuid_regs){ CPUID_LEAF_HYPERVISOR, XMHF_CPUID_SIG_EBX,
						  XMHF_CPUID_SIG_ECX, XMHF_CPUID_SIG_EDX };
		return;
	}
	if ((leaf == CPUID_LEAF_PMU && v->pmu_hidden) || leaf == CPUID_LEAF_PT) {
		*r = zero;	/* architectural PMU hidden (version 0); no Intel PT */
		return;
	}
	for (unsigned i = 0; i < v->n; i++) {
		const struct cpuid_view_leaf *l = &v->l[i];

		if (leaf_matches(l, leaf, subleaf)) {
			r->eax &= l->keep.eax;
			r->ebx &= l->keep.ebx;
			r->ecx &= l->keep.ecx;
			r->edx &= l->keep.edx;
		}
	}
	/* OSXSAVE and OSPKE mirror CR4 of the software that runs CPUID: the
	 * guest's, not the host's (XMHF64 bug 119). Leaf 0xd follows XCR0 and
	 * IA32_XSS, which the hypervisor never changes: they are the guest's. */
	if (leaf == CPUID_LEAF_FEATURES) {
		r->ecx |= CPUID1_ECX_HYPERVISOR;
		set_bit_if(&r->ecx, CPUID1_ECX_OSXSAVE,
			   (r->ecx & CPUID1_ECX_XSAVE) && (guest_cr4 & CR4_OSXSAVE));
	}
	if (leaf == CPUID_LEAF_EXT_FEATURES && subleaf == 0)
		set_bit_if(&r->ecx, CPUID7_ECX_OSPKE, (r->ecx & CPUID7_ECX_PKU) && (guest_cr4 & CR4_PKE));
}

void cpuid_policy_apply(const struct cpuid_policy *p, u64 guest_cr4, u32 leaf, u32 subleaf,
			struct cpuid_regs *r)
{
	struct cpuid_view v;

	if (cpuid_view_init(&v, p))
		cpuid_view_rewrite(&v, guest_cr4, leaf, subleaf, r);
	else
		*r = (struct cpuid_regs){ 0 };	/* cannot happen: the rules fit (unit test) */
}

unsigned cpuid_policy_hidden(const struct cpuid_policy *p, cpuid_query_fn host_cpuid,
			     void *host_arg, cpuid_hidden_fn fn, void *arg)
{
	u32 max = host_cpuid(host_arg, 0, 0).eax;
	u32 ext_max = host_cpuid(host_arg, CPUID_LEAF_EXT_MAX, 0).eax;
	unsigned n = 0;

	for (unsigned i = 0; i < ARRAY_SIZE(rules); i++) {
		const struct rule *u = &rules[i];
		struct cpuid_regs r;

		if (u->leaf > (u->leaf >= CPUID_LEAF_EXT_MAX ? ext_max : max) || shown(p, u))
			continue;
		r = host_cpuid(host_arg, u->leaf, u->subleaf);
		if (*reg_of(&r, u->reg) & u->bit) {
			fn(arg, u->name, u->why);
			n++;
		}
	}
	if (max >= CPUID_LEAF_PMU && !p->pmu_switched &&
	    CPUIDA_EAX_VERSION(host_cpuid(host_arg, CPUID_LEAF_PMU, 0).eax)) {
		fn(arg, "architectural PMU (leaf 0xa)",
		   "no IA32_PERF_GLOBAL_CTRL load on VM entry and exit: counters would run in VMX root");
		n++;
	}
	return n;
}
