/* Busy-wait delays and deadlines on the TSC, calibrated against the PIT once
 * at boot (delay_calibrate); afterwards only RDTSC is used, so the guest owns
 * the PIT and port 61h. */
#ifndef RUNTIME_DELAY_H
#define RUNTIME_DELAY_H
#include "types.h"

/* On the BSP, before any guest code runs: measures the TSC rate over
 * DELAY_CALIBRATE_MS of PIT channel 2 (the only PIT and port 61h use). */
void delay_calibrate(void);
u32 delay_tsc_khz(void);
/* TSC value `us` microseconds from now, and whether it has passed. */
u64 delay_deadline(u32 us);
bool delay_expired(u64 deadline);
void udelay(u32 us);

#endif
