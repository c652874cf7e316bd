/* Starting a guest CPU from the emulated INIT/SIPI protocol. */
#ifndef RUNTIME_VCPU_START_H
#define RUNTIME_VCPU_START_H
#include "percpu.h"

/* AP, first start: wait in VMX root for the guest's SIPI, VMLAUNCH at it. */
__attribute__((noreturn)) void vcpu_first_start(struct cpu *c);
/* In an exit handler: an INIT is pending; wait for the SIPI and load the
 * new start state into the VMCS and *r (the exit path then VMRESUMEs). */
void vcpu_restart_after_init(struct cpu *c, struct guest_regs *r);

#endif
