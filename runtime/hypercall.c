/* Hypercalls (ABI in hypercall.h). Function 1 prints each CPU's idle-wait
 * figures (idle.c), then the per-CPU VM-exit counters kept by exit_dispatch.c,
 * one line per CPU and basic exit reason (SDM Appendix C), then a total;
 * function 2 compares the integrity fingerprints (integrity.c); function 3
 * returns one exit counter, so that a guest benchmark can take the counters
 * before and after a workload. Any CPL may call: the guest tools are user
 * programs, and no function changes state. */
#include "hypercall.h"
#include "exit.h"
#include "serial.h"
#include "vmcs_names.h"
#include "integrity.h"
#include "ratelimit.h"
#include "cpu.h"

static u32 print_calls;

bool hypercall_is_ours(const struct guest_regs *r)
{
	return (u32)r->gpr[GPR_RAX] == HYPERCALL_MAGIC;
}

static void print_exits(void)
{
	u64 total = 0;

	for (u32 i = 0; i < cpu_count; i++) {
		for (u32 reason = 0; reason < EXIT_REASON_SLOTS; reason++) {
			u64 n = __atomic_load_n(&cpus[i].exits[reason], __ATOMIC_RELAXED);

			if (!n)
				continue;
			hv_printf("xmhf-ng: exits cpu=%u reason=%u name=%s count=%llu\n", i, reason,
				  vmx_exit_reason_name(reason), (unsigned long long)n);
			total += n;
		}
	}
	hv_printf("xmhf-ng: exits total=%llu cpus=%u\n", (unsigned long long)total, cpu_count);
}

/* Time each CPU spent in idle waits in VMX root (idle.c), the current one
 * included, and how often its HLT ended. */
static void print_idle(void)
{
	u64 now = rdtsc();

	for (u32 i = 0; i < cpu_count; i++) {
		u64 since = __atomic_load_n(&cpus[i].idle.since, __ATOMIC_RELAXED);
		u64 ticks = __atomic_load_n(&cpus[i].idle.ticks, __ATOMIC_RELAXED);

		hv_printf("xmhf-ng: idle cpu=%u waiting=%s ticks=%llu wakeups=%llu\n", i,
			  since ? "yes" : "no", (unsigned long long)(ticks + (since ? now - since : 0)),
			  (unsigned long long)__atomic_load_n(&cpus[i].idle.wakeups, __ATOMIC_RELAXED));
	}
}

/* Function 3: RBX = cpus[ECX].exits[EDX]; RCX, RDX = the bounds. */
static u32 exit_count(struct guest_regs *r)
{
	u32 cpu = (u32)r->gpr[GPR_RCX], reason = (u32)r->gpr[GPR_RDX];

	r->gpr[GPR_RCX] = cpu_count;
	r->gpr[GPR_RDX] = EXIT_REASON_SLOTS;
	if (cpu >= cpu_count || reason >= EXIT_REASON_SLOTS)
		return HYPERCALL_BAD_ARG;
	r->gpr[GPR_RBX] = __atomic_load_n(&cpus[cpu].exits[reason], __ATOMIC_RELAXED);
	return HYPERCALL_OK;
}

void hypercall_handle(struct cpu *c, struct guest_regs *r)
{
	u32 status = HYPERCALL_OK;

	switch ((u32)r->gpr[GPR_RBX]) {
	case HYPERCALL_FN_NOP:
		break;
	case HYPERCALL_FN_PRINT_EXITS:	/* guest-triggered lines: rate-limited */
		if (ratelimit_ok(&print_calls)) {
			print_idle();
			print_exits();
		}
		break;
	case HYPERCALL_FN_INTEGRITY: {
		u32 checked, changed = integrity_check(c, &checked);

		r->gpr[GPR_RBX] = changed;
		r->gpr[GPR_RCX] = checked;
		break;
	}
	case HYPERCALL_FN_EXIT_COUNT:
		status = exit_count(r);
		break;
	default:
		status = HYPERCALL_UNKNOWN;
		break;
	}
	r->gpr[GPR_RAX] = status;
	guest_skip_instruction();
}
