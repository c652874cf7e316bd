/* Guest tool: print the time-stamp counter of CPU 0 (SDM Vol. 2B RDTSC).
 * Under Bochs with "clock: sync=none" it counts emulated instructions from
 * power-on, so a boot's length in ticks is reproducible run to run.
 * usage: xmhf-tsc   (prints "tsc=<decimal>") */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>

int main(void)
{
	cpu_set_t set;
	unsigned int lo, hi;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	if (sched_setaffinity(0, sizeof(set), &set)) {
		perror("xmhf-tsc: sched_setaffinity");
		return 1;
	}
	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	printf("tsc=%llu\n", ((unsigned long long)hi << 32) | lo);
	return 0;
}
