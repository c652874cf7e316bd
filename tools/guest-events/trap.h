/* #UD/#GP recording for the probes (trap.c) and the deliberate triple fault. */
#ifndef GUEST_EVENTS_TRAP_H
#define GUEST_EVENTS_TRAP_H
#include "types.h"

/* Vector of the last #UD/#GP, 0 if none; the probe clears it first. */
extern volatile u32 fault_vector;
/* Where a faulting probe resumes: set by each probe in probes.S. */
extern u32 fault_resume;

void trap_idt_load(void);
/* Loads a null IDT and executes INT3: the #BP, then #GP and #DF are all
 * beyond the IDT limit, so the CPU shuts down (SDM Vol. 3A 6.15, vector 8). */
__attribute__((noreturn)) void trap_triple_fault(void);

#endif
