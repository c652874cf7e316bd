/* Control computation from capability MSRs (SDM Appendix A.3-A.5) and the
 * control choice on every Bochs model: the same words the hypervisor printed. */
#include "check.h"
#include "cpu_models.h"
#include "arch/vmx_controls.h"

static void raw_compute(void)
{
	u32 out, missing;
	u64 proc = 0xf7f9fffe04006172ULL;	/* Bochs arrandale TRUE_PROCBASED_CTLS */

	CHECK(vmx_ctl_compute(proc, (1u << 28) | (1u << 31), 0, &out, &missing) == 0);
	CHECK(out == 0x94006172);
	CHECK(missing == 0);
	/* Monitor trap flag (bit 27) is optional and absent: left clear. */
	CHECK(vmx_ctl_compute(proc, 0, 1u << 27, &out, &missing) == 0);
	CHECK(!(out & (1u << 27)));
	/* Required and absent: fails and names the bit. */
	CHECK(vmx_ctl_compute(proc, 1u << 27, 0, &out, &missing) == -1);
	CHECK(missing == (1u << 27));
}

/* Invariants of a chosen set (SDM 24.6-24.8, 26.2.1.1). */
static void check_choice(const struct cpu_model *m, const struct vmx_host_features *f,
			 const struct vmx_controls *v)
{
	u32 proc2_may = (u32)(m->caps.procbased2 >> 32);

	CHECK((v->pin & (PIN_CTLS_NMI_EXITING | PIN_CTLS_VIRTUAL_NMIS)) ==
	      (PIN_CTLS_NMI_EXITING | PIN_CTLS_VIRTUAL_NMIS));
	CHECK(!(v->proc & PROC_CTLS_NMI_WINDOW_EXITING));	/* only while an NMI waits */
	CHECK(v->proc & PROC_CTLS_USE_IO_BITMAPS);		/* the console UART's ports */
	CHECK(v->exit & EXIT_CTLS_SAVE_DEBUG_CTLS);
	CHECK(v->entry & ENTRY_CTLS_LOAD_DEBUG_CTLS);
	CHECK(!(v->entry & ENTRY_CTLS_IA32E_MODE_GUEST));
	CHECK(!!(v->exit & EXIT_CTLS_LOAD_PERF_GLOBAL_CTRL) ==
	      !!(v->entry & ENTRY_CTLS_LOAD_PERF_GLOBAL_CTRL));
	CHECK(!!(v->proc2 & PROC2_ENABLE_XSAVES) == (f->xsaves && (proc2_may & PROC2_ENABLE_XSAVES)));
	CHECK(!!(v->proc2 & PROC2_ENABLE_INVPCID) == (f->invpcid && (proc2_may & PROC2_ENABLE_INVPCID)));
	CHECK(!!(v->proc2 & PROC2_ENABLE_RDTSCP) == (f->rdtscp && (proc2_may & PROC2_ENABLE_RDTSCP)));
	CHECK(!(v->proc2 & PROC2_ENABLE_VPID) || vmx_invvpid_type(&m->caps));
	/* Nothing outside allowed-1, nothing missing from allowed-0 (SDM A.3). */
	CHECK(!(v->pin & ~(u32)(m->caps.pinbased >> 32)) && !(~v->pin & (u32)m->caps.pinbased));
	CHECK(!(v->proc2 & ~proc2_may));
	CHECK(!(v->exit & ~(u32)(m->caps.exit >> 32)) && !(~v->exit & (u32)m->caps.exit));
}

int main(void)
{
	raw_compute();
	for (unsigned i = 0; i < ARRAY_SIZE(bochs_models); i++) {
		const struct cpu_model *m = &bochs_models[i];
		struct vmx_host_features f = vmx_host_features(model_cpuid, (void *)&m->id);
		struct vmx_controls v;
		struct vmx_ctl_missing miss;
		bool ok = vmx_controls_choose(&m->caps, &f, &v, &miss);

		printf("%s: %s\n", m->name, ok ? "runs" : miss.what);
		CHECK(ok == m->runs);
		if (!ok) {
			/* Lynnfield (Nehalem): no unrestricted guest. */
			CHECK(miss.bits == PROC2_UNRESTRICTED_GUEST);
			continue;
		}
		CHECK(v.pin == m->printed.pin && v.proc == m->printed.proc &&
		      v.proc2 == m->printed.proc2 && v.exit == m->printed.exit &&
		      v.entry == m->printed.entry);
		check_choice(m, &f, &v);
	}
	/* QEMU -cpu Westmere/Skylake-Server,vmx=on under KVM: the hypervisor runs. */
	for (unsigned i = 0; i < ARRAY_SIZE(kvm_profiles); i++) {
		const struct cpu_model *m = &kvm_profiles[i];
		struct vmx_host_features f;
		struct vmx_controls v;

		CHECK(model_controls(m, &f, &v));
		printf("%s: proc2=0x%08x exit=0x%08x entry=0x%08x\n", m->name, v.proc2, v.exit, v.entry);
		check_choice(m, &f, &v);
		CHECK(!(v.exit & EXIT_CTLS_LOAD_PERF_GLOBAL_CTRL));	/* pmu=off: no PMU */
	}
	return CHECK_DONE();
}
