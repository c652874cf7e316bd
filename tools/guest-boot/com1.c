/* COM1 at 115200 8N1, as the hypervisor programs it, polled on THRE. */
#include "com1.h"
#include "hw/uart16550.h"


static inline void outb(u16 port, u8 v) { asm volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }

static inline u8 inb(u16 port)
{
	u8 v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

void com1_init(void)
{
	outb(COM1_BASE + UART_IER, 0);
	outb(COM1_BASE + UART_LCR, UART_LCR_DLAB);
	outb(COM1_BASE + UART_DLL, 1);
	outb(COM1_BASE + UART_DLM, 0);
	outb(COM1_BASE + UART_LCR, 8 - 5);	/* word length select = data bits - 5 */
	outb(COM1_BASE + UART_FCR, UART_FCR_ENABLE_CLEAR);
}

static void put_char(char c)
{
	while (!(inb(COM1_BASE + UART_LSR) & UART_LSR_THRE))
		;
	outb(COM1_BASE + UART_THR, (u8)c);
}

void com1_puts(const char *s)
{
	while (*s)
		put_char(*s++);
}

void com1_hex(u64 v)
{
	int shift = 60;

	com1_puts("0x");
	while (shift > 0 && !(v >> shift))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		put_char("0123456789abcdef"[(v >> shift) & 15]);
}

void com1_dec(u32 v)
{
	char buf[11];
	int i = sizeof(buf) - 1;

	buf[i] = 0;
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	com1_puts(&buf[i]);
}

void com1_drain(void)
{
	while (!(inb(COM1_BASE + UART_LSR) & UART_LSR_TEMT))
		;
}
