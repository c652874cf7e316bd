/* uart_mux_in/out (xmhf/lib/uart_mux.c) over a fuzzed sequence of guest
 * accesses against a fake real UART, checked against a reference model:
 * the real UART's LCR, divisor and SCR are never written, its MCR always
 * holds DTR|RTS without LOOP and OUT2 only outside loopback, its IER is the
 * guest's IER, FCR is written only after a drain; shadowed registers read
 * back what the guest wrote; LSR always shows the transmitter empty; THR
 * bytes go out once each, masked to the word length, and never in loopback.
 * The console line discipline never lets two writers share a line.
 * Input: per access u8 op (bit 7 write, bit 6 hypervisor byte, bits 2:0
 * register), u8 value, u8 real-UART register value for reads. */
#include "fuzz.h"
#include "uart_mux.h"
#include "hw/uart16550.h"

struct fake {
	u8 reg[8];
	bool drained;
	int sent;
	u8 last_sent;
};

static u8 f_in(void *arg, unsigned reg)
{
	FUZZ_ASSERT(reg < 8, "register %u", reg);
	return ((struct fake *)arg)->reg[reg];
}

static void f_out(void *arg, unsigned reg, u8 v)
{
	struct fake *f = arg;

	FUZZ_ASSERT(reg == UART_IER || reg == UART_FCR || reg == UART_MCR, "real write of register %u", reg);
	if (reg == UART_FCR)
		FUZZ_ASSERT(f->drained, "FCR written without a drain");
	f->drained = false;
	f->reg[reg] = v;
}

static void f_drain(void *arg)
{
	((struct fake *)arg)->drained = true;
}

static void f_putc(void *arg, u8 c)
{
	struct fake *f = arg;

	f->sent++;
	f->last_sent = c;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct fake f = { .reg = { 0 } };
	const struct uart_mux_hw hw = { f_in, f_out, f_drain, f_putc, &f };
	struct uart_mux m;
	struct console_line line = { CONSOLE_HV, false };
	u8 lcr = 0x03, dll = 1, dlm = 0, ier = 0, mcr = UART_MCR_DTR_RTS, scr = 0;
	enum console_writer on_line = CONSOLE_HV;

	uart_mux_init(&m, lcr, dll, mcr);
	while (in.n >= 3) {
		u8 op = fuzz_u8(&in), v = fuzz_u8(&in), real = fuzz_u8(&in);
		unsigned reg = op & 7;
		bool dlab = lcr & UART_LCR_DLAB, loop = mcr & UART_MCR_LOOP;

		if (op & 0x40) {	/* a byte of either writer on the wire */
			enum console_writer w = op & 0x80 ? CONSOLE_GUEST : CONSOLE_HV;

			console_line_switch(&line, w);	/* true: CR LF, a fresh line */
			FUZZ_ASSERT(!line.mid_line || on_line == w, "two writers on one line");
			if (!line.mid_line)
				on_line = w;
			console_line_sent(&line, v);
			continue;
		}
		f.reg[reg] = real;
		if (op & 0x80) {
			int sent = f.sent;

			uart_mux_out(&m, &hw, reg, v);
			switch (reg) {
			case UART_THR:
				if (dlab) {
					dll = v;
				} else {
					u8 want = v & (0xff >> (3 - (lcr & 3)));

					FUZZ_ASSERT(f.sent == sent + !loop, "THR byte sent %d times",
						    f.sent - sent);
					FUZZ_ASSERT(loop || f.last_sent == want, "THR byte 0x%x sent as 0x%x",
						    want, f.last_sent);
				}
				break;
			case UART_IER:
				if (dlab) {
					dlm = v;
				} else {
					ier = v & UART_IER_MASK;
					FUZZ_ASSERT(f.reg[UART_IER] == ier, "real IER");
				}
				break;
			case UART_LCR:
				lcr = v;
				break;
			case UART_MCR:
				mcr = v & UART_MCR_MASK;
				break;
			case UART_SCR:
				scr = v;
				break;
			}
			if (reg != UART_THR)
				FUZZ_ASSERT(f.sent == sent, "output from a write of register %u", reg);
		} else {
			u8 got = uart_mux_in(&m, &hw, reg);

			switch (reg) {
			case UART_RBR:
				FUZZ_ASSERT(!dlab || got == dll, "DLL read back");
				FUZZ_ASSERT(dlab || loop || got == real, "RBR from the real UART");
				break;
			case UART_IER:
				FUZZ_ASSERT(got == (dlab ? dlm : ier), "IER/DLM read back");
				break;
			case UART_IIR:
				FUZZ_ASSERT(got == real, "IIR from the real UART");
				break;
			case UART_LCR:
				FUZZ_ASSERT(got == lcr, "LCR read back");
				break;
			case UART_MCR:
				FUZZ_ASSERT(got == mcr, "MCR read back");
				break;
			case UART_LSR:
				FUZZ_ASSERT((got & 0x60) == 0x60, "LSR transmitter not empty");
				break;
			case UART_MSR:
				FUZZ_ASSERT(loop ? !(got & 0x0f) : got == real, "MSR");
				break;
			case UART_SCR:
				FUZZ_ASSERT(got == scr, "SCR read back");
				break;
			}
		}
		FUZZ_ASSERT(m.mcr == mcr, "shadow MCR");
		FUZZ_ASSERT(uart_mux_real_mcr(mcr) == (UART_MCR_DTR_RTS |
			    ((mcr & UART_MCR_OUT2) && !(mcr & UART_MCR_LOOP) ? UART_MCR_OUT2 : 0)), "real MCR");
	}
	return 0;
}
