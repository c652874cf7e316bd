/* Host access to the local xAPIC (SDM Vol. 3A 10.4-10.6). */
#ifndef RUNTIME_LAPIC_H
#define RUNTIME_LAPIC_H
#include "types.h"

/* The BSP's IA32_APIC_BASE address, read before any other call here. */
void lapic_init_bsp(void);
/* An AP's own address (in *mine) equals the BSP's: one page serves all. */
bool lapic_base_is_bsps(u64 *mine);
u64 lapic_base(void);
u32 lapic_read(u32 reg);
void lapic_write(u32 reg, u32 v);
u32 lapic_id(void);
/* Send an IPI and wait for the delivery-status bit to clear; false on timeout. */
bool lapic_send_ipi(u32 dest_apic_id, u32 icr_lo);

#endif
