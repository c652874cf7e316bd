/* 16550 UART console. Lines are formatted first, then written under a lock so
 * that CPUs never interleave inside a line. */
#include "serial.h"
#include "cpu.h"
#include "spinlock.h"
#include "format.h"
#include "hw/uart16550.h"

static u16 uart_port = 0x3f8;
static spinlock_t console_lock;

void serial_init(const struct hv_options *o)
{
	u16 div = (u16)(UART_CLOCK_DIV1_BAUD / o->baud);
	u8 lcr = (u8)(o->data_bits - 5);

	if (o->stop_bits == 2)
		lcr |= UART_LCR_STOP2;
	if (o->parity != 'n')
		lcr |= UART_LCR_PARITY_EN | (o->parity == 'e' ? UART_LCR_PARITY_EVEN : 0);
	uart_port = o->serial_port;
	outb(uart_port + UART_IER, 0);
	outb(uart_port + UART_LCR, UART_LCR_DLAB);
	outb(uart_port + UART_DLL, (u8)div);
	outb(uart_port + UART_DLM, (u8)(div >> 8));
	outb(uart_port + UART_LCR, lcr);
	outb(uart_port + UART_FCR, UART_FCR_ENABLE_CLEAR);
	outb(uart_port + UART_MCR, UART_MCR_DTR_RTS);
}

static void uart_putc(char c)
{
	while (!(inb(uart_port + UART_LSR) & UART_LSR_THRE))
		cpu_relax();
	outb(uart_port + UART_THR, (u8)c);
}

void serial_write(const char *s, size_t n)
{
	spin_lock(&console_lock);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			uart_putc('\r');
		uart_putc(s[i]);
	}
	spin_unlock(&console_lock);
}

void serial_drain(void)
{
	while (!(inb(uart_port + UART_LSR) & UART_LSR_TEMT))
		cpu_relax();
}

static void vprint(const char *fmt, va_list ap)
{
	char line[512];
	int n = xvsnprintf(line, sizeof(line), fmt, ap);

	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	if (n > 0)
		serial_write(line, (size_t)n);
}

void hv_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
}

void hv_panic(const char *fmt, ...)
{
	va_list ap;

	serial_write("xmhf-ng: FATAL: ", 16);
	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
	serial_write("xmhf-ng: halted\n", 16);
	serial_drain();
	cpu_halt_forever();
}
