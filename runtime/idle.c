/* Idle waits with HLT, no PAUSE spin (docs/architecture.md, "Idle CPUs").
 * The counters (wakeups, halted ticks) show it: hypercall 1 prints them. */
#include "idle.h"
#include "cpu.h"

bool idle_halt_while_eq(const volatile u32 *word, u32 value);

void idle_wait_while_eq(struct cpu *c, const volatile u32 *word, u32 value)
{
	u64 start = rdtsc();

	__atomic_store_n(&c->idle.since, start, __ATOMIC_RELAXED);
	while (__atomic_load_n(word, __ATOMIC_ACQUIRE) == value)
		if (idle_halt_while_eq(word, value))
			__atomic_fetch_add(&c->idle.wakeups, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&c->idle.since, 0, __ATOMIC_RELAXED);
	__atomic_fetch_add(&c->idle.ticks, rdtsc() - start, __ATOMIC_RELAXED);
}
