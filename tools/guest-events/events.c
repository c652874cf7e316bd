/* Guest-events probe guest, 32-bit part (entered from tools/bench/boot16.S
 * in flat protected mode, IF = 0). Runs each probe once and prints
 *   EVENTS: <probe> -> <#UD | #GP | ok | eax=0x...>
 * then "EVENTS: all probes done" and triple faults. Bare, the outcomes are
 * the CPU's; under xmhf-ng they are what the hypervisor injects or emulates
 * (SDM Vol. 3C 26.6 event injection). tests/boot/guest_events.sh runs both. */
#include "types.h"
#include "arch/apic.h"
#include "arch/exceptions.h"
#include "arch/msr.h"
#include "hypercall.h"
#include "com1.h"
#include "ipi.h"
#include "probes.h"
#include "fault.h"

#define INIT_STORM 1000
#define INIT_TARGET 1		/* the AP: in wait-for-SIPI, bare and under xmhf-ng */
#define SIPI_TARGET 7		/* no CPU has this APIC ID */
#define SIPI_VECTOR 0x10	/* start page 0x10000, never reached */
#define MSR_IA32_TSC 0x10
#define MSR_ABSENT 0x12345678	/* outside both MSR-bitmap ranges */
#define MSR_ABSENT_HV_RANGE 0x40000123	/* also outside them; no MSR on Bochs */
#define FAKE_FN 0x1234		/* no hypercall has this number */

void events_main(void);

static const struct {
	const char *name;
	void (*run)(void);
} insn_probes[] = {
	{ "vmxon", probe_vmxon },	{ "vmclear", probe_vmclear },
	{ "vmptrld", probe_vmptrld },	{ "vmptrst", probe_vmptrst },
	{ "vmread", probe_vmread },	{ "vmwrite", probe_vmwrite },
	{ "vmlaunch", probe_vmlaunch }, { "vmresume", probe_vmresume },
	{ "vmxoff", probe_vmxoff },	{ "invept", probe_invept },
	{ "invvpid", probe_invvpid },	{ "vmfunc", probe_vmfunc },
	{ "getsec", probe_getsec },
};

/* Prints "EVENTS: <probe> -> <outcome>" for the probe just run: the fault it
 * took, else value_name and value, else "ok". */
static void report(const char *probe, const char *value_name, u64 value)
{
	com1_puts("EVENTS: ");
	com1_puts(probe);
	com1_puts(" -> ");
	if (fault_vector == VEC_UD) {
		com1_puts("#UD");
	} else if (fault_vector == VEC_GP) {
		com1_puts("#GP");
	} else if (value_name) {
		com1_puts(value_name);
		com1_hex(value);
	} else {
		com1_puts("ok");
	}
	com1_puts("\n");
}

static void msr_probes(void)
{
	u64 apic_base;

	probe_rdmsr(MSR_ABSENT);
	report("rdmsr 0x12345678", NULL, 0);
	probe_rdmsr(MSR_ABSENT_HV_RANGE);
	report("rdmsr 0x40000123", NULL, 0);
	probe_wrmsr(MSR_ABSENT, 0);
	report("wrmsr 0x12345678", NULL, 0);
	probe_rdmsr(MSR_IA32_TSC);
	report("rdmsr 0x10 (TSC)", NULL, 0);
	apic_base = probe_rdmsr(MSR_IA32_APIC_BASE);
	report("rdmsr 0x1b (APIC base)", "ok value=", apic_base);
	probe_wrmsr(MSR_IA32_APIC_BASE, apic_base);
	report("wrmsr 0x1b (APIC base, same value)", NULL, 0);
}

static void vmcall_probes(void)
{
	u32 eax;

	probe_vmcall(0, HYPERCALL_FN_NOP);
	report("vmcall eax=0 (no magic)", NULL, 0);
	eax = probe_vmcall(HYPERCALL_MAGIC, HYPERCALL_FN_NOP);
	report("hypercall nop", "eax=", eax);
	eax = probe_vmcall(HYPERCALL_MAGIC, FAKE_FN);
	report("hypercall 0x1234 (unknown)", "eax=", eax);
}

/* INIT to an AP already waiting for SIPI, INIT_STORM times, then a SIPI to
 * an APIC ID nobody has: neither may disturb this CPU. fault_vector stays 0
 * unless one of them faults. */
static void ipi_probes(void)
{
	u32 n;

	fault_vector = 0;
	for (n = 0; n < INIT_STORM; n++)
		ipi_send(INIT_TARGET, ICR_DELIVERY_INIT | ICR_LEVEL_ASSERT);
	report("init storm to APIC ID 1", "ok inits=", n);
	ipi_send(SIPI_TARGET, ICR_DELIVERY_STARTUP | SIPI_VECTOR);
	report("sipi to APIC ID 7", NULL, 0);
}

void events_main(void)
{
	u32 eax;

	com1_init();
	idt_load(VEC_GP + 1);
	for (u32 i = 0; i < ARRAY_SIZE(insn_probes); i++) {
		insn_probes[i].run();
		report(insn_probes[i].name, NULL, 0);
	}
	vmcall_probes();
	msr_probes();
	ipi_probes();
	eax = probe_vmcall(HYPERCALL_MAGIC, HYPERCALL_FN_PRINT_EXITS);
	report("hypercall print-exits", "eax=", eax);
	com1_puts("EVENTS: all probes done\n");
	com1_drain();
	trap_triple_fault();
}
