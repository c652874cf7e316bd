/* Intel 8254 PIT, channel 2 gated through port 0x61 (as on every PC). */
#ifndef HW_PIT_H
#define HW_PIT_H

#define PIT_HZ 1193182
#define PIT_CH2_DATA 0x42
#define PIT_MODE_CMD 0x43
#define PIT_CMD_CH2_LOHI_MODE0 0xb0	/* channel 2, lobyte/hibyte, mode 0 */
#define PORT_NMI_SC 0x61		/* NMI status and control */
#define NMI_SC_GATE2 0x01
#define NMI_SC_SPEAKER 0x02
#define NMI_SC_OUT2 0x20

#endif
