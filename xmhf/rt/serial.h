/* Serial console: 16550 UART output, one whole line per call across CPUs,
 * shared with the guest through the UART mux (xmhf/lib/uart_mux.h). */
#ifndef XMHF_RT_SERIAL_H
#define XMHF_RT_SERIAL_H
#include "types.h"
#include "cmdline.h"

void serial_init(const struct hv_options *o);
void serial_write(const char *s, size_t n);
void serial_drain(void);
/* The console UART's base port (serial=, default 0x3f8). */
u16 serial_port(void);
/* A guest IN/OUT of one byte at register `reg` of the console UART. */
u8 serial_guest_in(unsigned reg);
void serial_guest_out(unsigned reg, u8 value);
__attribute__((format(printf, 1, 2))) void hv_printf(const char *fmt, ...);
__attribute__((noreturn, format(printf, 1, 2))) void hv_panic(const char *fmt, ...);

#endif
