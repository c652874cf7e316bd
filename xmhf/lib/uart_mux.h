/* The guest's view of the console 16550 (NS16550A datasheet register model)
 * multiplexed with the hypervisor's console on the same real UART.
 *
 * Shadowed (the guest reads back its own values, the real UART never sees
 * them): LCR with DLAB, DLL/DLM, MCR (DTR, RTS, OUT1, OUT2, LOOP), SCR. The
 * real UART keeps the hypervisor's line format, DTR and RTS.
 * Passed to the real UART, because input and interrupts need them: IER (RX
 * data, THRE, line and modem status interrupts), FCR (after the transmitter
 * has drained, so clearing the TX FIFO loses no hypervisor byte; the FIFO
 * type in IIR bits 7:6 then reads as on bare hardware), and MCR.OUT2, which
 * on a PC gates the UART's IRQ line (IRQ 4 for COM1), except in loopback.
 * Read from the real UART: RBR, IIR, LSR (THRE and TEMT forced to 1: guest
 * output is written synchronously) and MSR.
 * Loopback (MCR.LOOP) is emulated: a THR byte becomes the RBR byte (LSR.DR),
 * MSR shows DCD = OUT2, RI = OUT1, DSR = DTR, CTS = RTS; nothing goes out.
 * THR bytes otherwise go to the console writer, masked to the guest's word
 * length as a 16550 would send them. */
#ifndef XMHF_LIB_UART_MUX_H
#define XMHF_LIB_UART_MUX_H
#include "types.h"

/* The real UART, by register offset (include/hw/uart16550.h). */
struct uart_mux_hw {
	u8 (*in)(void *arg, unsigned reg);
	void (*out)(void *arg, unsigned reg, u8 value);
	void (*drain)(void *arg);		/* wait (bounded) until TEMT */
	void (*putc)(void *arg, u8 c);		/* a guest byte to the console writer */
	void *arg;
};

struct uart_mux {
	u8 lcr, dll, dlm, ier, mcr, scr;
	u8 loop_rbr;				/* last byte sent in loopback */
	bool loop_dr;				/* loop_rbr not yet read */
};

/* The guest first sees the UART as the hypervisor programmed it. */
void uart_mux_init(struct uart_mux *m, u8 lcr, u16 divisor, u8 mcr);
/* A guest IN/OUT of one byte at register `reg` (0-7). */
u8 uart_mux_in(struct uart_mux *m, const struct uart_mux_hw *hw, unsigned reg);
void uart_mux_out(struct uart_mux *m, const struct uart_mux_hw *hw, unsigned reg, u8 value);
/* What the real MCR holds for the guest's MCR: DTR, RTS, and OUT2 unless in
 * loopback. */
u8 uart_mux_real_mcr(u8 guest_mcr);

/* Line discipline between the two writers on one port: a hypervisor line and
 * a guest line never share a line on the wire. */
enum console_writer { CONSOLE_HV, CONSOLE_GUEST };

struct console_line {
	enum console_writer last;
	bool mid_line;				/* last byte sent was not '\n' */
};

/* `w` is about to send: true if CR LF must go out first, because the other
 * writer left its line unfinished (it continues after w's line). */
bool console_line_switch(struct console_line *l, enum console_writer w);
void console_line_sent(struct console_line *l, u8 c);

#endif
