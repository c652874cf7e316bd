/* Emulated INIT and SIPI (SDM Vol. 3A 8.4.4, 10.4.7.3). */
#ifndef RUNTIME_INIT_SIPI_H
#define RUNTIME_INIT_SIPI_H
#include "percpu.h"
#include "icr.h"

/* Sender side: the guest's INIT or SIPI IPI (decoded from its ICR write). */
void init_sipi_send(struct cpu *from, const struct ipi *ipi, u32 icr_lo);
/* Target side, VCPU_REQ_INIT: back to the INIT state, wait in VMX root for
 * the SIPI, and load the start state into the VMCS and *r. */
void init_sipi_take_init(struct cpu *c, struct guest_regs *r);
/* AP, first start: wait for the guest's SIPI, then VMLAUNCH at it. */
__attribute__((noreturn)) void init_sipi_first_start(struct cpu *c);

#endif
