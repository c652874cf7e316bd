/* CPU models for the control-choice and CPUID-policy tests: every Bochs 2.7
 * model with VMX (bochs_models.h, read off the hypervisor's serial lines)
 * and QEMU+KVM nested profiles (kvm_nested_profiles.h). */
#ifndef TESTS_CPU_MODELS_H
#define TESTS_CPU_MODELS_H
#include "types.h"
#include "vmx_ctls.h"
#include "arch/cpuid.h"

struct model_cpuid {
	u32 max, l1_ecx, l1_edx, l7_ebx, l7_ecx, l7_edx, la_eax, d0_eax, d0_edx, d1_eax, e1_ecx, e1_edx;
};

struct cpu_model {
	const char *name;
	struct vmx_caps caps;
	struct model_cpuid id;
	struct vmx_controls printed;	/* the hypervisor's "VMX controls" line */
	bool runs;			/* false: it printed why VMX cannot run */
};

static const struct cpu_model bochs_models[] = {
#include "bochs_models.h"
};

/* Derived from QEMU/KVM sources, not printed by a run: .printed is unknown (0). */
static const struct cpu_model kvm_profiles[] = {
#include "kvm_nested_profiles.h"
};

/* The CPUID leaves the fixture knows; others read as 0. The extended
 * maximum is not printed: any value >= 0x80000001 gives the same answers. */
static inline struct cpuid_regs model_cpuid(void *arg, u32 leaf, u32 sub)
{
	const struct model_cpuid *m = arg;
	struct cpuid_regs r = { 0, 0, 0, 0 };

	if (leaf == 0)
		r.eax = m->max;
	else if (leaf == CPUID_LEAF_FEATURES)
		r = (struct cpuid_regs){ 0, 0, m->l1_ecx, m->l1_edx };
	else if (leaf == CPUID_LEAF_EXT_FEATURES && sub == 0 && m->max >= leaf)
		r = (struct cpuid_regs){ 0, m->l7_ebx, m->l7_ecx, m->l7_edx };
	else if (leaf == CPUID_LEAF_PMU && m->max >= leaf)
		r.eax = m->la_eax;
	else if (leaf == CPUID_LEAF_XSAVE && sub == 0 && m->max >= leaf)
		r = (struct cpuid_regs){ m->d0_eax, 0, 0, m->d0_edx };
	else if (leaf == CPUID_LEAF_XSAVE && sub == 1 && m->max >= leaf)
		r.eax = m->d1_eax;
	else if (leaf == CPUID_LEAF_EXT_MAX)
		r.eax = CPUID_LEAF_ADDR_SIZES;
	else if (leaf == CPUID_LEAF_EXT_INFO)
		r = (struct cpuid_regs){ 0, 0, m->e1_ecx, m->e1_edx };
	return r;
}

/* The hypervisor's control choice on model m, from its CPUID and MSRs. */
static inline bool model_controls(const struct cpu_model *m, struct vmx_host_features *f,
				  struct vmx_controls *v)
{
	struct vmx_ctl_missing miss;

	*f = vmx_host_features(model_cpuid, (void *)&m->id);
	return vmx_controls_choose(&m->caps, f, v, &miss);
}

#endif
