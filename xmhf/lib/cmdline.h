/* Hypervisor options from the multiboot command line (Multiboot 0.6.96 3.3:
 * GRUB passes the image path followed by the arguments). */
#ifndef XMHF_LIB_CMDLINE_H
#define XMHF_LIB_CMDLINE_H
#include "types.h"

#define TRACE_EXITS 1u	/* trace=exits: log every VM exit */

struct hv_options {
	u32 baud;		/* divides 115200 */
	u8 data_bits;		/* 5..8 */
	char parity;		/* 'n', 'e' or 'o' */
	u8 stop_bits;		/* 1 or 2 */
	u16 serial_port;	/* I/O port of the 16550 */
	u8 boot_drive;		/* BIOS drive number for the guest (DL) */
	bool boot_drive_set;	/* boot_drive= was given */
	u32 trace;		/* TRACE_* bits */
	bool crash_halt;	/* crash=halt: a guest crash stops the machine (no reset) */
	u32 debug_flags;	/* debug=N, free-form bits for development */
	bool dma_off;		/* dma=off: no VT-d DMA protection (runtime/vtd.c) */
};

/* 115200 8n1 on 0x3f8, boot drive 0x80 (not set), no tracing, crash=reset,
 * no debug flags, DMA protection on. */
void hv_options_default(struct hv_options *o);

/* Applies the options in `cmdline` (NULL: none) on top of *o. Words are
 * separated by blanks; recognised:
 *   serial=BAUD,<5-8><n|e|o><1|2>,IOPORT   e.g. serial=115200,8n1,0x3f8
 *   boot_drive=N                           0x00-0xff
 *   trace=NAME[,NAME...]                   names: exits
 *   crash=reset|halt                       what a guest triple fault or BSP INIT
 *                                          does after the dump (default reset)
 *   debug=N                                32-bit number
 *   dma=on|off                             VT-d DMA protection (default on)
 * Numbers are decimal or 0x-prefixed hex. Other words, including the image
 * path and unknown keys, are ignored. A later option replaces an earlier one.
 * Returns 0, or -1 if some option was malformed: that option keeps its
 * previous value, the rest are still applied, and err gets one message about
 * the first malformed option. */
int hv_options_parse(const char *cmdline, struct hv_options *o, char *err, size_t errlen);

#endif
