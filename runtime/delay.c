/* Busy-wait delays on PIT channel 2 in mode 0 (interrupt on terminal count):
 * independent of the CPU clock, so it is right on hardware and in emulators. */
#include "delay.h"
#include "cpu.h"
#include "hw/pit.h"

#define PIT_MAX_COUNT 0xffff

static void pit_wait_ticks(u32 ticks)
{
	u8 sc = inb(PORT_NMI_SC) & ~(NMI_SC_GATE2 | NMI_SC_SPEAKER);

	outb(PORT_NMI_SC, sc);			/* gate low: counter holds */
	outb(PIT_MODE_CMD, PIT_CMD_CH2_LOHI_MODE0);
	outb(PIT_CH2_DATA, (u8)ticks);
	outb(PIT_CH2_DATA, (u8)(ticks >> 8));
	outb(PORT_NMI_SC, sc | NMI_SC_GATE2);	/* gate high: count down */
	while (!(inb(PORT_NMI_SC) & NMI_SC_OUT2))
		cpu_relax();
	outb(PORT_NMI_SC, sc);
}

void udelay(u32 us)
{
	u64 ticks = ((u64)us * PIT_HZ + 999999) / 1000000;

	while (ticks) {
		u32 t = ticks > PIT_MAX_COUNT ? PIT_MAX_COUNT : (u32)ticks;

		pit_wait_ticks(t ? t : 1);
		ticks -= t;
	}
}
