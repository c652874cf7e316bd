/* TSC delays. The rate is measured once against PIT channel 2 in mode 0
 * (interrupt on terminal count, gated by port 61h bit 0; 8254 datasheet),
 * which is independent of the CPU clock, so it is right on hardware and in
 * emulators (Bochs's TSC runs at its ips rate). CPUID leaf 0x15/0x16 is not
 * used: many CPUs report no crystal clock there and 0x16 is the nominal, not
 * the measured, frequency. The TSC is assumed constant-rate from here on. */
#include "delay.h"
#include "cpu.h"
#include "hw/pit.h"

#define DELAY_CALIBRATE_MS 10
#define DELAY_CALIBRATE_TICKS (PIT_HZ * DELAY_CALIBRATE_MS / 1000)

/* Before calibration: an upper bound for any x86 TSC, so early deadlines are
 * at least as long as asked. */
#define TSC_KHZ_UNCALIBRATED 10000000u

static u32 tsc_khz = TSC_KHZ_UNCALIBRATED;

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

void delay_calibrate(void)
{
	u64 t0 = rdtsc();

	pit_wait_ticks(DELAY_CALIBRATE_TICKS);
	tsc_khz = (u32)((rdtsc() - t0) / DELAY_CALIBRATE_MS);
	if (!tsc_khz)
		tsc_khz = 1;
}

u32 delay_tsc_khz(void)
{
	return tsc_khz;
}

u64 delay_deadline(u32 us)
{
	return rdtsc() + ((u64)us * tsc_khz + 999) / 1000;
}

bool delay_expired(u64 deadline)
{
	return (s64)(rdtsc() - deadline) >= 0;
}

void udelay(u32 us)
{
	u64 end = delay_deadline(us);

	while (!delay_expired(end))
		cpu_relax();
}
