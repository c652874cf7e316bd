/* Idle CPUs in VMX root sleep in HLT until another CPU kicks them with an
 * NMI (vcpu_kick): APs waiting for the BSP's go-ahead or for a guest SIPI. */
#ifndef RUNTIME_IDLE_H
#define RUNTIME_IDLE_H
#include "percpu.h"

/* Sleep until *word != value. Whoever changes *word kicks this CPU. */
void idle_wait_while_eq(struct cpu *c, const volatile u32 *word, u32 value);

#endif
