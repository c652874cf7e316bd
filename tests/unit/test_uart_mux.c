/* The guest's virtual 16550 (xmhf/lib/uart_mux.c) over a fake real UART, and
 * the line discipline between hypervisor and guest output. */
#include "check.h"
#include "uart_mux.h"
#include "hw/uart16550.h"

/* The real UART: register file, a log of writes, drains and sent bytes. */
struct fake {
	u8 reg[8];
	char log[256];
	size_t n;
	char sent[64];
	size_t nsent;
};

static void note(struct fake *f, const char *s)
{
	while (*s && f->n < sizeof(f->log) - 1)
		f->log[f->n++] = *s++;
}

static u8 f_in(void *arg, unsigned reg)
{
	return ((struct fake *)arg)->reg[reg];
}

static void f_out(void *arg, unsigned reg, u8 v)
{
	struct fake *f = arg;
	char buf[16];

	snprintf(buf, sizeof(buf), "w%u=%02x ", reg, v);
	note(f, buf);
	if (reg != UART_FCR)
		f->reg[reg] = v;
}

static void f_drain(void *arg)
{
	note(arg, "drain ");
}

static void f_putc(void *arg, u8 c)
{
	struct fake *f = arg;

	f->sent[f->nsent++] = (char)c;
}

static struct fake f;
static const struct uart_mux_hw hw = { f_in, f_out, f_drain, f_putc, &f };

static void reset(struct uart_mux *m)
{
	memset(&f, 0, sizeof(f));
	f.reg[UART_LSR] = 0;		/* real transmitter busy: the guest still sees it empty */
	f.reg[UART_IIR] = 0xc1;		/* FIFOs on, no interrupt */
	f.reg[UART_MSR] = 0xb0;		/* DCD, DSR, CTS */
	uart_mux_init(m, 0x03, 1, UART_MCR_DTR_RTS);	/* 115200 8n1 */
}

/* Linux 8250 set-up: 9600 7e1 with DLAB, FIFO, OUT2 and interrupts. */
static void linux_like(void)
{
	struct uart_mux m;

	reset(&m);
	CHECK(uart_mux_in(&m, &hw, UART_LCR) == 0x03);		/* the hypervisor's format first */
	uart_mux_out(&m, &hw, UART_LCR, UART_LCR_DLAB | 0x1a);
	uart_mux_out(&m, &hw, UART_DLL, 12);
	uart_mux_out(&m, &hw, UART_DLM, 0);
	CHECK(uart_mux_in(&m, &hw, UART_DLL) == 12 && uart_mux_in(&m, &hw, UART_DLM) == 0);
	uart_mux_out(&m, &hw, UART_LCR, 0x1a);
	CHECK(uart_mux_in(&m, &hw, UART_LCR) == 0x1a);
	uart_mux_out(&m, &hw, UART_FCR, 0xc7);
	uart_mux_out(&m, &hw, UART_MCR, UART_MCR_DTR_RTS | UART_MCR_OUT2);
	uart_mux_out(&m, &hw, UART_IER, 0xf3);			/* bits 7:4 do not exist */
	CHECK(uart_mux_in(&m, &hw, UART_IER) == 0x03);
	CHECK_STR(f.log, "drain w2=c7 w4=0b w1=03 ");		/* no LCR, no divisor */
	CHECK(uart_mux_in(&m, &hw, UART_MCR) == 0x0b);
	CHECK(uart_mux_in(&m, &hw, UART_IIR) == 0xc1 && uart_mux_in(&m, &hw, UART_MSR) == 0xb0);
	CHECK((uart_mux_in(&m, &hw, UART_LSR) & 0x60) == 0x60);	/* output is synchronous */
	f.reg[UART_LSR] = UART_LSR_DR;
	f.reg[UART_RBR] = 'k';
	CHECK(uart_mux_in(&m, &hw, UART_LSR) == 0x61 && uart_mux_in(&m, &hw, UART_RBR) == 'k');
	/* 7 data bits: the 8th bit is not sent. */
	uart_mux_out(&m, &hw, UART_THR, 0x80 | 'A');
	uart_mux_out(&m, &hw, UART_SCR, 0x5a);
	CHECK(uart_mux_in(&m, &hw, UART_SCR) == 0x5a && f.reg[UART_SCR] == 0);
	CHECK(f.nsent == 1 && f.sent[0] == 'A');
}

/* The attack: loopback, 5 data bits, wrong divisor. */
static void loopback_attack(void)
{
	struct uart_mux m;

	reset(&m);
	uart_mux_out(&m, &hw, UART_LCR, UART_LCR_DLAB);
	uart_mux_out(&m, &hw, UART_DLL, 0x77);
	uart_mux_out(&m, &hw, UART_LCR, 0x00);			/* 5 data bits */
	uart_mux_out(&m, &hw, UART_MCR, UART_MCR_LOOP | UART_MCR_OUT2 | UART_MCR_OUT1 | UART_MCR_DTR);
	CHECK_STR(f.log, "w4=03 ");				/* no LOOP, no OUT2 in loopback */
	CHECK(uart_mux_in(&m, &hw, UART_MSR) == (UART_MSR_DCD | UART_MSR_RI | UART_MSR_DSR));
	CHECK(!(uart_mux_in(&m, &hw, UART_LSR) & UART_LSR_DR));
	uart_mux_out(&m, &hw, UART_THR, 'z');			/* 0x7a masked to 5 bits */
	CHECK(f.nsent == 0);
	CHECK(uart_mux_in(&m, &hw, UART_LSR) & UART_LSR_DR);
	CHECK(uart_mux_in(&m, &hw, UART_RBR) == ('z' & 0x1f));
	CHECK(!(uart_mux_in(&m, &hw, UART_LSR) & UART_LSR_DR));
	CHECK(uart_mux_in(&m, &hw, UART_MCR) == 0x1d && uart_mux_in(&m, &hw, UART_LCR) == 0);
	uart_mux_out(&m, &hw, UART_LCR, UART_LCR_DLAB);
	CHECK(uart_mux_in(&m, &hw, UART_DLL) == 0x77);
	/* Leaving loopback with OUT2 set gives the IRQ line back. */
	uart_mux_out(&m, &hw, UART_LCR, 0x03);
	uart_mux_out(&m, &hw, UART_MCR, UART_MCR_OUT2);
	CHECK(f.reg[UART_MCR] == (UART_MCR_DTR_RTS | UART_MCR_OUT2));
	CHECK(uart_mux_in(&m, &hw, UART_MSR) == 0xb0);
	uart_mux_out(&m, &hw, UART_LSR, 0);			/* read-only: ignored */
	uart_mux_out(&m, &hw, UART_MSR, 0);
	CHECK(f.reg[UART_LSR] == 0 && f.reg[UART_MSR] == 0xb0);
}

static void lines(void)
{
	struct console_line l = { CONSOLE_HV, false };

	CHECK(!console_line_switch(&l, CONSOLE_GUEST));	/* at a line start */
	console_line_sent(&l, 'a');
	CHECK(!console_line_switch(&l, CONSOLE_GUEST));	/* same writer */
	CHECK(console_line_switch(&l, CONSOLE_HV));		/* guest mid-line: break */
	console_line_sent(&l, 'x');
	console_line_sent(&l, '\n');
	CHECK(!console_line_switch(&l, CONSOLE_GUEST));	/* guest continues after it */
	console_line_sent(&l, 'b');
	console_line_sent(&l, '\n');
	CHECK(!console_line_switch(&l, CONSOLE_HV));
	console_line_sent(&l, 'p');				/* a partial hypervisor line */
	CHECK(console_line_switch(&l, CONSOLE_GUEST));
}

int main(void)
{
	CHECK(uart_mux_real_mcr(0) == UART_MCR_DTR_RTS);
	CHECK(uart_mux_real_mcr(0xff) == UART_MCR_DTR_RTS);
	CHECK(uart_mux_real_mcr(UART_MCR_OUT2) == (UART_MCR_DTR_RTS | UART_MCR_OUT2));
	linux_like();
	loopback_attack();
	lines();
	return CHECK_DONE();
}
