/* 16550 UART registers (offsets from the I/O base) and bits (NS16550A
 * datasheet; PC conventions: OUT2 gates the IRQ line, COM1 is 8 ports). */
#ifndef HW_UART16550_H
#define HW_UART16550_H

#define UART_PORTS 8	/* registers at base+0 .. base+7 */

#define UART_THR 0	/* transmit holding (write, DLAB=0) */
#define UART_RBR 0	/* receive buffer (read, DLAB=0) */
#define UART_DLL 0	/* divisor latch low (DLAB=1) */
#define UART_IER 1
#define UART_DLM 1	/* divisor latch high (DLAB=1) */
#define UART_IIR 2	/* interrupt identification (read) */
#define UART_FCR 2	/* FIFO control (write) */
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_MSR 6
#define UART_SCR 7

#define UART_IER_MASK 0x0f	/* RX data, THRE, line status, modem status */

#define UART_LCR_WLEN_MASK 0x03	/* word length select: data bits - 5 */
#define UART_LCR_STOP2 0x04
#define UART_LCR_PARITY_EN 0x08
#define UART_LCR_PARITY_EVEN 0x10
#define UART_LCR_DLAB 0x80
#define UART_FCR_ENABLE_CLEAR 0x07

#define UART_MCR_DTR 0x01
#define UART_MCR_RTS 0x02
#define UART_MCR_DTR_RTS 0x03
#define UART_MCR_OUT1 0x04
#define UART_MCR_OUT2 0x08	/* PC: enables the IRQ line driver */
#define UART_MCR_LOOP 0x10	/* local loopback: TX goes to RX, not the wire */
#define UART_MCR_MASK 0x1f

#define UART_LSR_DR 0x01	/* data ready */
#define UART_LSR_THRE 0x20	/* transmit holding register empty */
#define UART_LSR_TEMT 0x40	/* transmitter empty: all bits on the wire */

/* Modem status in loopback: CTS = RTS, DSR = DTR, RI = OUT1, DCD = OUT2. */
#define UART_MSR_CTS 0x10
#define UART_MSR_DSR 0x20
#define UART_MSR_RI 0x40
#define UART_MSR_DCD 0x80

#define UART_CLOCK_DIV1_BAUD 115200

#endif
