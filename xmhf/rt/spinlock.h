/* Test-and-set spinlock for the serial console and cross-CPU state. */
#ifndef XMHF_RT_SPINLOCK_H
#define XMHF_RT_SPINLOCK_H
#include "cpu.h"

typedef struct { volatile u32 locked; } spinlock_t;

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (l->locked)
			cpu_relax();
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif
