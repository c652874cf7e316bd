/* COM1 output for our boot-sector guests (bench and the guest-* guests): polled 16550. */
#ifndef GUEST_BOOT_COM1_H
#define GUEST_BOOT_COM1_H
#include "types.h"

#define COM1_BASE 0x3f8

void com1_init(void);
void com1_puts(const char *s);
void com1_hex(u64 v);
void com1_dec(u32 v);
/* Waits until every byte has left the transmitter (before the guest stops). */
void com1_drain(void);

#endif
