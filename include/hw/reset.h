/* Platform reset on a PC: the chipset's Reset Control Register at I/O port
 * 0xCF9 (Intel PIIX3/ICH/PCH datasheets: bit 1 SYS_RST selects a hard reset,
 * a 0->1 write of bit 2 RST_CPU starts it), then the 8042 keyboard
 * controller's pulse-reset command (0xFE to port 0x64) as the fallback. */
#ifndef HW_RESET_H
#define HW_RESET_H

#define PORT_RESET_CONTROL 0xcf9
#define RESET_CONTROL_SYS_RST 0x02
#define RESET_CONTROL_RST_CPU 0x04
#define PORT_KBC_COMMAND 0x64
#define KBC_CMD_PULSE_RESET 0xfe

#endif
