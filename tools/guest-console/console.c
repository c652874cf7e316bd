/* Console-attack guest (tests/boot/hv_console_mux.sh), 32-bit part entered
 * from tools/bench/boot16.S. It reprograms COM1 the way a hostile or buggy
 * guest could: a wrong divisor, 5 data bits, loopback (MCR bit 4), OUT2,
 * and asks the hypervisor to print (hypercall 1) while the UART is in that
 * state and while its own line is unfinished. Then it restores 115200 8N1,
 * prints what it read back, tries REP OUTSB on the UART and ends with
 *   CONSOLE: done
 * Bare, the hypercall is #UD; under xmhf-ng the hypervisor's lines must be on
 * the serial log, whole, and the read-back values the guest's own (NS16550A
 * datasheet register model). */
#include "types.h"
#include "arch/exceptions.h"
#include "hw/uart16550.h"
#include "hypercall.h"
#include "com1.h"
#include "fault.h"

#define COM1 0x3f8
#define BAD_DIVISOR 0x77
#define LCR_5N1 0x00		/* word length select 0: 5 data bits */
#define LOOP_BYTE 'z'

void console_main(void);
u32 probe_rep_outsb(u16 port, const void *buf, u32 n);

static inline void outb(u16 port, u8 v) { asm volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }

static inline u8 inb(u16 port)
{
	u8 v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static void print_exits(void)
{
	probe_vmcall(HYPERCALL_MAGIC, HYPERCALL_FN_PRINT_EXITS);	/* #UD bare */
}

static void field(const char *name, u32 v)
{
	com1_puts(" ");
	com1_puts(name);
	com1_puts("=");
	com1_hex(v);
}

void console_main(void)
{
	u8 lcr, mcr, dll, rbr, lsr;
	u32 left;

	com1_init();
	idt_load(VEC_GP + 1);
	com1_puts("CONSOLE: start\n");
	/* A hypervisor line while the guest's line is unfinished. */
	com1_puts("CONSOLE: partial line");
	print_exits();
	com1_puts(" continued\n");

	/* The attack: wrong divisor, 5 data bits, loopback with OUT2. */
	outb(COM1 + UART_LCR, UART_LCR_DLAB);
	outb(COM1 + UART_DLL, BAD_DIVISOR);
	outb(COM1 + UART_DLM, 0);
	outb(COM1 + UART_LCR, LCR_5N1);
	outb(COM1 + UART_MCR, UART_MCR_LOOP | UART_MCR_OUT2 | UART_MCR_DTR);
	outb(COM1 + UART_IER, 0);
	com1_puts("zap zap");			/* looped back, never on the wire */
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
		;
	while (inb(COM1 + UART_LSR) & UART_LSR_DR)	/* empty the receiver */
		(void)inb(COM1 + UART_RBR);
	outb(COM1 + UART_THR, LOOP_BYTE);
	while (!(inb(COM1 + UART_LSR) & UART_LSR_TEMT))
		;
	lsr = inb(COM1 + UART_LSR);
	rbr = inb(COM1 + UART_RBR);
	print_exits();				/* the hypervisor must still be heard */
	lcr = inb(COM1 + UART_LCR);
	mcr = inb(COM1 + UART_MCR);
	outb(COM1 + UART_LCR, lcr | UART_LCR_DLAB);
	dll = inb(COM1 + UART_DLL);

	com1_init();				/* 115200 8N1 again */
	outb(COM1 + UART_MCR, UART_MCR_DTR_RTS);	/* loopback off */
	com1_puts("CONSOLE: readback");
	field("lcr", lcr);
	field("mcr", mcr);
	field("dll", dll);
	field("loop_dr", lsr & UART_LSR_DR);
	field("loop_rbr", rbr);
	com1_puts("\n");

	left = probe_rep_outsb(COM1 + UART_THR, "ab\n", 3);
	com1_puts("CONSOLE: rep outsb -> ");
	com1_puts(fault_vector == VEC_GP ? "#GP" : "ok");
	field("left", left);
	com1_puts("\nCONSOLE: done\n");
	com1_drain();
	for (;;)
		asm volatile("cli; hlt");
}
