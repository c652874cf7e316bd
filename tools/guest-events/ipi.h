/* xAPIC IPIs from the guest (SDM Vol. 3A 10.6.1). */
#ifndef GUEST_EVENTS_IPI_H
#define GUEST_EVENTS_IPI_H
#include "types.h"

/* Waits for the previous IPI to leave, then writes ICR high (destination)
 * and ICR low (which sends). */
void ipi_send(u8 apic_id, u32 icr_lo);

#endif
