/* Serial console: 16550 UART output, one whole line per call across CPUs. */
#ifndef XMHF_RT_SERIAL_H
#define XMHF_RT_SERIAL_H
#include "types.h"
#include "cmdline.h"

void serial_init(const struct hv_options *o);
void serial_write(const char *s, size_t n);
void serial_drain(void);
__attribute__((format(printf, 1, 2))) void hv_printf(const char *fmt, ...);
__attribute__((noreturn, format(printf, 1, 2))) void hv_panic(const char *fmt, ...);

#endif
