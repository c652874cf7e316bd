/* The guest's CPUID (xmhf/lib/cpuid_policy.c) on every Bochs model, with the
 * controls the hypervisor chooses there: nothing whose VMX enable control is
 * off stays visible, OSXSAVE/OSPKE follow the guest's CR4, the hypervisor
 * leaves are ours. */
#include "check.h"
#include "cpu_models.h"
#include "cpuid_policy.h"
#include "arch/cr.h"
#include "arch/vmx_controls.h"

static unsigned hidden_count;
static char hidden_names[512];

static void on_hidden(void *arg, const char *feature, const char *why)
{
	(void)arg;
	CHECK(why && *why);
	strncat(hidden_names, feature, sizeof(hidden_names) - strlen(hidden_names) - 2);
	strcat(hidden_names, ",");
	hidden_count++;
}

static struct cpuid_regs guest(const struct cpuid_policy *p, const struct cpu_model *m, u64 cr4,
			       u32 leaf, u32 sub)
{
	struct cpuid_regs r = model_cpuid((void *)&m->id, leaf, sub);

	cpuid_policy_apply(p, cr4, leaf, sub, &r);
	return r;
}

static void check_model(const struct cpu_model *m, const struct vmx_controls *v)
{
	struct cpuid_policy p = { v->proc2, v->entry & ENTRY_CTLS_LOAD_PERF_GLOBAL_CTRL };
	struct cpuid_regs l1 = guest(&p, m, 0, 1, 0), l1x = guest(&p, m, CR4_OSXSAVE, 1, 0);
	struct cpuid_regs l7 = guest(&p, m, 0, 7, 0), l7p = guest(&p, m, CR4_PKE, 7, 0);
	struct cpuid_regs d1 = guest(&p, m, 0, 0xd, 1), e1 = guest(&p, m, 0, 0x80000001, 0);
	struct cpuid_regs hv = guest(&p, m, 0, 0x40000000, 0), hv1 = guest(&p, m, 0, 0x40000001, 0);

	CHECK(!(l1.ecx & (CPUID1_ECX_VMX | CPUID1_ECX_SMX)) && (l1.ecx & CPUID1_ECX_HYPERVISOR));
	CHECK(!(l1.ecx & CPUID1_ECX_OSXSAVE));
	CHECK(!!(l1x.ecx & CPUID1_ECX_OSXSAVE) == !!(m->id.l1_ecx & CPUID1_ECX_XSAVE));
	CHECK(!(l7.ecx & CPUID7_ECX_OSPKE));
	CHECK(!!(l7p.ecx & CPUID7_ECX_OSPKE) == !!(m->id.l7_ecx & CPUID7_ECX_PKU));
	CHECK(!(l7.ebx & CPUID7_EBX_PT));
	CHECK(!(l7.ebx & CPUID7_EBX_INVPCID) || (v->proc2 & PROC2_ENABLE_INVPCID));
	CHECK(!(l7.ecx & CPUID7_ECX_WAITPKG) || (v->proc2 & PROC2_USER_WAIT_PAUSE));
	CHECK(!(d1.eax & CPUIDD1_EAX_XSAVES) || (v->proc2 & PROC2_ENABLE_XSAVES));
	CHECK(!(e1.edx & CPUID80000001_EDX_RDTSCP) || (v->proc2 & PROC2_ENABLE_RDTSCP));
	/* What the control allows stays visible: the guest keeps its features. */
	CHECK(!!(l7.ebx & CPUID7_EBX_INVPCID) == !!(m->id.l7_ebx & CPUID7_EBX_INVPCID));
	CHECK(!!(d1.eax & CPUIDD1_EAX_XSAVES) == !!(m->id.d1_eax & CPUIDD1_EAX_XSAVES));
	CHECK(!!(e1.edx & CPUID80000001_EDX_RDTSCP) == !!(m->id.e1_edx & CPUID80000001_EDX_RDTSCP));
	CHECK((l1.edx & ~CPUID1_EDX_DS) == (m->id.l1_edx & ~CPUID1_EDX_DS));
	CHECK(hv.eax == 0x40000000 && hv.ebx == XMHF_CPUID_SIG_EBX && hv.ecx == XMHF_CPUID_SIG_ECX &&
	      hv.edx == XMHF_CPUID_SIG_EDX);
	CHECK(!hv1.eax && !hv1.ebx && !hv1.ecx && !hv1.edx);
	hidden_count = 0;
	hidden_names[0] = 0;
	cpuid_policy_apply(&p, 0, 0, 0, &hv);	/* leaf 0 untouched */
	cpuid_policy_hidden(&p, model_cpuid, (void *)&m->id, on_hidden, NULL);
	printf("%s: hides %s\n", m->name, hidden_names);
	CHECK(strstr(hidden_names, "VMX,") == hidden_names);
}

/* The compiled view: leaf 1 and 0x80000001 ignore ECX, so their rules hold
 * for any ECX (the rule table once matched sub-leaf 0 only); a leaf the view
 * calls unchanged is one the rewrite leaves as it is, for every CR4. */
static void check_view(const struct cpu_model *m, const struct vmx_controls *v)
{
	struct cpuid_policy p = { v->proc2, v->entry & ENTRY_CTLS_LOAD_PERF_GLOBAL_CTRL };
	struct cpuid_view view;
	struct cpuid_regs l1 = guest(&p, m, 0, 1, 5), e1 = guest(&p, m, 0, 0x80000001, 3);

	CHECK(!(l1.ecx & (CPUID1_ECX_VMX | CPUID1_ECX_SMX)));
	CHECK(!(e1.edx & CPUID80000001_EDX_RDTSCP) || (v->proc2 & PROC2_ENABLE_RDTSCP));
	CHECK(cpuid_view_init(&view, &p));
	CHECK(cpuid_view_unchanged(&view, 0) && !cpuid_view_unchanged(&view, 1) &&
	      !cpuid_view_unchanged(&view, 7) &&
	      !cpuid_view_unchanged(&view, 0x14) && !cpuid_view_unchanged(&view, 0x40000000));
	for (u32 leaf = 0; leaf < 32; leaf++) {
		for (u32 sub = 0; sub < 3; sub++) {
			struct cpuid_regs host = model_cpuid((void *)&m->id, leaf, sub), r = host;

			if (!cpuid_view_unchanged(&view, leaf))
				continue;
			cpuid_view_rewrite(&view, CR4_OSXSAVE | CR4_PKE, leaf, sub, &r);
			CHECK(!memcmp(&r, &host, sizeof(r)));
		}
	}
}

/* A PMU without IA32_PERF_GLOBAL_CTRL switching is hidden with DS/PEBS. */
static void no_pmu_switching(void)
{
	const struct cpu_model *m = &bochs_models[1];
	struct cpuid_policy p = { 0, false };
	struct cpuid_regs a = guest(&p, m, 0, 0xa, 0), l1 = guest(&p, m, 0, 1, 0);

	CHECK(!a.eax && !a.ebx && !a.ecx && !a.edx);
	CHECK(!(l1.edx & CPUID1_EDX_DS) && !(l1.ecx & (CPUID1_ECX_DTES64 | CPUID1_ECX_DS_CPL | CPUID1_ECX_PDCM)));
	hidden_names[0] = 0;
	cpuid_policy_hidden(&p, model_cpuid, (void *)&m->id, on_hidden, NULL);
	CHECK(strstr(hidden_names, "DS,") && strstr(hidden_names, "architectural PMU"));
	CHECK(strstr(hidden_names, "RDTSCP,"));		/* no proc2 controls at all */
}

int main(void)
{
	for (unsigned i = 0; i < ARRAY_SIZE(bochs_models); i++) {
		const struct cpu_model *m = &bochs_models[i];
		struct vmx_host_features f;
		struct vmx_controls v;

		if (model_controls(m, &f, &v)) {
			check_model(m, &v);
			check_view(m, &v);
		}
	}
	for (unsigned i = 0; i < ARRAY_SIZE(kvm_profiles); i++) {
		const struct cpu_model *m = &kvm_profiles[i];
		struct vmx_host_features f;
		struct vmx_controls v;

		CHECK(model_controls(m, &f, &v));
		check_model(m, &v);
		check_view(m, &v);
	}
	no_pmu_switching();
	return CHECK_DONE();
}
