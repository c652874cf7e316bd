/* 16550 UART console. Lines are formatted first, then written under a lock so
 * that CPUs never interleave inside a line. The guest reaches the same UART
 * only through the mux (xmhf/lib/uart_mux.c, I/O-bitmap exits), under the
 * same lock: a hypervisor line that would land in the middle of a guest line
 * starts on a new line instead, and the guest's line continues after it.
 * Every wait on the UART is bounded (the TSC, runtime/delay.c): if the
 * transmitter does not become ready, bytes are dropped and counted until it
 * does, then the count is printed. */
#include "serial.h"
#include "cpu.h"
#include "spinlock.h"
#include "format.h"
#include "delay.h"
#include "uart_mux.h"
#include "hw/uart16550.h"

/* Bits per character at most (start, 8 data, parity, 2 stop) and the FIFO
 * depth of a 16550A: a ready transmitter needs at most this long, twice over. */
#define UART_MAX_FRAME_BITS 12
#define UART_FIFO_BYTES 16
#define UART_TIMEOUT_MIN_US 1000

static u16 uart_port = 0x3f8;
static u32 tx_timeout_us = UART_TIMEOUT_MIN_US;
static spinlock_t console_lock;
static struct uart_mux mux;
static struct console_line line;
static bool stuck;
static u64 dropped;

u16 serial_port(void)
{
	return uart_port;
}

void serial_init(const struct hv_options *o)
{
	u16 div = (u16)(UART_CLOCK_DIV1_BAUD / o->baud);
	u8 lcr = (u8)(o->data_bits - 5);

	if (o->stop_bits == 2)
		lcr |= UART_LCR_STOP2;
	if (o->parity != 'n')
		lcr |= UART_LCR_PARITY_EN | (o->parity == 'e' ? UART_LCR_PARITY_EVEN : 0);
	uart_port = o->serial_port;
	tx_timeout_us = (u32)(2ull * UART_FIFO_BYTES * UART_MAX_FRAME_BITS * 1000000 / o->baud) +
			UART_TIMEOUT_MIN_US;
	outb(uart_port + UART_IER, 0);
	outb(uart_port + UART_LCR, UART_LCR_DLAB);
	outb(uart_port + UART_DLL, (u8)div);
	outb(uart_port + UART_DLM, (u8)(div >> 8));
	outb(uart_port + UART_LCR, lcr);
	outb(uart_port + UART_FCR, UART_FCR_ENABLE_CLEAR);
	outb(uart_port + UART_MCR, UART_MCR_DTR_RTS);
	uart_mux_init(&mux, lcr, div, UART_MCR_DTR_RTS);
}

static bool uart_wait(u8 lsr_bit)
{
	u64 end = delay_deadline(tx_timeout_us);

	while (!(inb(uart_port + UART_LSR) & lsr_bit)) {
		if (delay_expired(end))
			return false;
		cpu_relax();
	}
	return true;
}

/* While stuck, one LSR read per byte (no wait) tells whether it recovered. */
static void emit(u8 c)
{
	if (stuck && !(inb(uart_port + UART_LSR) & UART_LSR_THRE)) {
		dropped++;
		return;
	}
	stuck = false;
	if (!uart_wait(UART_LSR_THRE)) {
		stuck = true;
		dropped++;
		return;
	}
	outb(uart_port + UART_THR, c);
	console_line_sent(&line, c);
}

static void emit_str(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		emit((u8)s[i]);
}

static void break_line_for(enum console_writer w)
{
	if (console_line_switch(&line, w))
		emit_str("\r\n", 2);
}

/* Before each write: once the port transmits again, say what was lost. */
static void begin(enum console_writer w)
{
	char msg[96];

	if (stuck && (inb(uart_port + UART_LSR) & UART_LSR_THRE))
		stuck = false;
	if (!stuck && dropped) {
		int n = xsnprintf(msg, sizeof(msg), "xmhf-ng: serial: %llu bytes dropped while the "
				  "UART did not transmit\r\n", (unsigned long long)dropped);

		dropped = 0;
		break_line_for(CONSOLE_HV);
		emit_str(msg, n < (int)sizeof(msg) ? n : (int)sizeof(msg) - 1);
	}
	break_line_for(w);
}

void serial_write(const char *s, size_t n)
{
	spin_lock(&console_lock);
	begin(CONSOLE_HV);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			emit('\r');
		emit((u8)s[i]);
	}
	spin_unlock(&console_lock);
}

void serial_drain(void)
{
	uart_wait(UART_LSR_TEMT);
}

static u8 hw_in(void *arg, unsigned reg)
{
	(void)arg;
	return inb(uart_port + reg);
}

static void hw_out(void *arg, unsigned reg, u8 value)
{
	(void)arg;
	outb(uart_port + reg, value);
}

static void hw_drain(void *arg)
{
	(void)arg;
	serial_drain();
}

static void hw_putc(void *arg, u8 c)
{
	(void)arg;
	begin(CONSOLE_GUEST);
	emit(c);
}

static const struct uart_mux_hw real_uart = { hw_in, hw_out, hw_drain, hw_putc, NULL };

u8 serial_guest_in(unsigned reg)
{
	u8 v;

	spin_lock(&console_lock);
	v = uart_mux_in(&mux, &real_uart, reg);
	spin_unlock(&console_lock);
	return v;
}

void serial_guest_out(unsigned reg, u8 value)
{
	spin_lock(&console_lock);
	uart_mux_out(&mux, &real_uart, reg, value);
	spin_unlock(&console_lock);
}

static void vprint(const char *fmt, va_list ap)
{
	char line_buf[512];
	int n = xvsnprintf(line_buf, sizeof(line_buf), fmt, ap);

	if (n >= (int)sizeof(line_buf))
		n = sizeof(line_buf) - 1;
	if (n > 0)
		serial_write(line_buf, (size_t)n);
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
