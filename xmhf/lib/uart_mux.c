#include "uart_mux.h"
#include "hw/uart16550.h"

void uart_mux_init(struct uart_mux *m, u8 lcr, u16 divisor, u8 mcr)
{
	*m = (struct uart_mux){
		.lcr = lcr, .dll = (u8)divisor, .dlm = (u8)(divisor >> 8), .mcr = mcr & UART_MCR_MASK,
	};
}

u8 uart_mux_real_mcr(u8 guest_mcr)
{
	bool out2 = (guest_mcr & UART_MCR_OUT2) && !(guest_mcr & UART_MCR_LOOP);

	return UART_MCR_DTR_RTS | (out2 ? UART_MCR_OUT2 : 0);
}

static bool dlab(const struct uart_mux *m)
{
	return m->lcr & UART_LCR_DLAB;
}

static bool loopback(const struct uart_mux *m)
{
	return m->mcr & UART_MCR_LOOP;
}

/* Loopback modem status: the outputs wired back to the inputs. */
static u8 loop_msr(u8 mcr)
{
	return (mcr & UART_MCR_RTS ? UART_MSR_CTS : 0) | (mcr & UART_MCR_DTR ? UART_MSR_DSR : 0) |
	       (mcr & UART_MCR_OUT1 ? UART_MSR_RI : 0) | (mcr & UART_MCR_OUT2 ? UART_MSR_DCD : 0);
}

u8 uart_mux_in(struct uart_mux *m, const struct uart_mux_hw *hw, unsigned reg)
{
	u8 v;

	switch (reg) {
	case UART_RBR:
		if (dlab(m))
			return m->dll;
		if (loopback(m)) {
			m->loop_dr = false;
			return m->loop_rbr;
		}
		return hw->in(hw->arg, UART_RBR);
	case UART_IER:
		return dlab(m) ? m->dlm : m->ier;
	case UART_LCR:
		return m->lcr;
	case UART_MCR:
		return m->mcr;
	case UART_LSR:
		v = hw->in(hw->arg, UART_LSR) | UART_LSR_THRE | UART_LSR_TEMT;
		if (loopback(m))
			v = (v & ~UART_LSR_DR) | (m->loop_dr ? UART_LSR_DR : 0);
		return v;
	case UART_MSR:
		return loopback(m) ? loop_msr(m->mcr) : hw->in(hw->arg, UART_MSR);
	case UART_SCR:
		return m->scr;
	default:	/* UART_IIR */
		return hw->in(hw->arg, UART_IIR);
	}
}

void uart_mux_out(struct uart_mux *m, const struct uart_mux_hw *hw, unsigned reg, u8 value)
{
	switch (reg) {
	case UART_THR:
		if (dlab(m)) {
			m->dll = value;
		} else {
			value &= 0xff >> (3 - (m->lcr & UART_LCR_WLEN_MASK));
			if (loopback(m)) {
				m->loop_rbr = value;
				m->loop_dr = true;
			} else {
				hw->putc(hw->arg, value);
			}
		}
		break;
	case UART_IER:
		if (dlab(m)) {
			m->dlm = value;
		} else {
			m->ier = value & UART_IER_MASK;
			hw->out(hw->arg, UART_IER, m->ier);
		}
		break;
	case UART_FCR:
		hw->drain(hw->arg);
		hw->out(hw->arg, UART_FCR, value);
		break;
	case UART_LCR:
		m->lcr = value;
		break;
	case UART_MCR:
		m->mcr = value & UART_MCR_MASK;
		hw->out(hw->arg, UART_MCR, uart_mux_real_mcr(m->mcr));
		break;
	case UART_SCR:
		m->scr = value;
		break;
	default:	/* LSR, MSR: read-only (factory test writes ignored) */
		break;
	}
}

bool console_line_switch(struct console_line *l, enum console_writer w)
{
	bool brk = l->last != w && l->mid_line;

	l->last = w;
	if (brk)
		l->mid_line = false;
	return brk;
}

void console_line_sent(struct console_line *l, u8 c)
{
	l->mid_line = c != '\n';
}
