/* NMIs: the kick that makes a vCPU see its requests, and guest NMIs
 * (virtual NMIs with NMI-window exiting, SDM 24.6.1, 25.3, 26.6.1.2). */
#ifndef RUNTIME_NMI_H
#define RUNTIME_NMI_H
#include "percpu.h"

/* Send t an NMI unless it is this CPU or a kick is already on its way: it
 * leaves the guest, or ends an idle HLT (idle.c). */
void vcpu_kick(struct cpu *t);
/* Make request r on target t from any CPU, and kick t out of the guest. */
void vcpu_request_and_kick(struct cpu *t, enum vcpu_request r);
/* Host IDT vector 2 (an NMI in VMX root); *rip is the interrupted RIP. */
void nmi_in_root(u64 *rip);
/* VCPU_REQ_NMI taken, or a guest NMI still waiting: inject it, or ask for
 * an NMI-window exit. */
void nmi_inject_or_wait(struct cpu *c);
/* INIT drops pending NMIs and the NMI-window request (SDM 9.1, Table 9-1). */
void nmi_reset(struct cpu *c);

#endif
