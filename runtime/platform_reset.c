/* What a guest crash does on bare hardware: a triple fault shuts the CPU
 * down and the chipset resets the platform (SDM Vol. 3A 6.15, vector 8), and
 * an INIT to the boot CPU restarts the firmware. The hypervisor does the
 * same with a platform reset, after its dump; GRUB then loads it again. */
#include "platform_reset.h"
#include "cpu.h"
#include "delay.h"
#include "serial.h"
#include "hw/reset.h"

void platform_reset(const char *why)
{
	hv_printf("xmhf-ng: resetting the machine: %s (crash=halt keeps it stopped instead)\n", why);
	serial_drain();
	outb(PORT_RESET_CONTROL, RESET_CONTROL_SYS_RST);
	outb(PORT_RESET_CONTROL, RESET_CONTROL_SYS_RST | RESET_CONTROL_RST_CPU);
	udelay(10000);
	outb(PORT_KBC_COMMAND, KBC_CMD_PULSE_RESET);
	udelay(10000);
	hv_panic("the platform did not reset (port 0x%x and the keyboard controller ignored)\n",
		 PORT_RESET_CONTROL);
}
