/* 16550 UART registers (offsets from the I/O base) and bits. */
#ifndef HW_UART16550_H
#define HW_UART16550_H

#define UART_THR 0	/* transmit holding (DLAB=0) */
#define UART_DLL 0	/* divisor latch low (DLAB=1) */
#define UART_IER 1
#define UART_DLM 1	/* divisor latch high (DLAB=1) */
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5

#define UART_LCR_DLAB 0x80
#define UART_LCR_STOP2 0x04
#define UART_LCR_PARITY_EN 0x08
#define UART_LCR_PARITY_EVEN 0x10
#define UART_FCR_ENABLE_CLEAR 0x07
#define UART_MCR_DTR_RTS 0x03
#define UART_LSR_THRE 0x20	/* transmit holding register empty */
#define UART_LSR_TEMT 0x40	/* transmitter empty: all bits on the wire */
#define UART_CLOCK_DIV1_BAUD 115200

#endif
