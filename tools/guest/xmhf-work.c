/* Guest tool: one steady-state workload of make bench (tools/bench/run.sh),
 * timed with CPU 0's time-stamp counter (SDM Vol. 2B RDTSC; under Bochs with
 * "clock: sync=none" it counts emulated instructions, so the figures repeat
 * run to run), with the hypervisor's VM-exit counters before and after
 * (hypercall HYPERCALL_FN_EXIT_COUNT, runtime/hypercall.h).
 * usage: xmhf-work hash MIB | syscall N | disk MIB | ipi N | idle SECONDS | cpuid N
 *   hash     FNV-1a over MIB MiB of memory, 8 bytes at a time (CPU-bound)
 *   syscall  N x (getpid system call + clock_gettime(CLOCK_MONOTONIC))
 *   disk     O_DIRECT reads of 4 KiB from /dev/sda, MIB MiB from offset 0
 *   ipi      N round trips of one byte through two pipes between this thread
 *            on CPU 0 and a second one on CPU 1 (each wakes the other)
 *   idle     sleep SECONDS (emulated): the timer and nothing else
 *   cpuid    N x CPUID leaf 0 from 64-bit user mode: one exit each, to set the
 *            round-trip guest's flat 32-bit CPUID cost beside this guest's
 * Output (one line each, exit 0; a failure prints "work FAILED: ..." and
 * exits 1):
 *   work=NAME ticks=T ns=NS arg=ARG result=R
 *   work=NAME exits cpu=C reason=R count=DELTA     (each non-zero delta)
 *   work=NAME exits snapshot_vmcalls=V             (this tool's own VMCALLs
 *            between the two reads of any one counter, all on CPU 0: the
 *            VMCALL count on CPU 0 includes them)
 *   work=NAME exits none (no hypervisor)           (bare: VMCALL is #UD)
 * The timed part runs between two RDTSC on CPU 0; the counters are read
 * outside it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "hypercall.h"

#define MAX_CPUS 64
#define MAX_REASONS 128
#define BLOCK 4096

static const char *work;

static void fail(const char *what)
{
	printf("work FAILED: %s %s: %s\n", work, what, strerror(errno));
	exit(1);
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		fail("sched_setaffinity");
}

/* --- exit counters ---------------------------------------------------------- */
static sigjmp_buf no_vmcall;
static unsigned int hv_cpus, hv_reasons;
static uint64_t before[MAX_CPUS][MAX_REASONS];

static void on_sigill(int sig)
{
	(void)sig;
	siglongjmp(no_vmcall, 1);
}

/* HYPERCALL_FN_EXIT_COUNT for (cpu, reason): status; *count, and the bounds. */
static unsigned int exit_count(unsigned int cpu, unsigned int reason, uint64_t *count)
{
	uint64_t rax = HYPERCALL_MAGIC, rbx = HYPERCALL_FN_EXIT_COUNT, rcx = cpu, rdx = reason;

	asm volatile("vmcall" : "+a"(rax), "+b"(rbx), "+c"(rcx), "+d"(rdx) : : "memory");
	*count = rbx;
	hv_cpus = (unsigned int)rcx;
	hv_reasons = (unsigned int)rdx;
	return (unsigned int)rax;
}

/* Reads every counter into snap; false if there is no xmhf-ng (VMCALL is #UD,
 * or another hypervisor answered with its own status). */
static int snapshot(uint64_t snap[MAX_CPUS][MAX_REASONS])
{
	unsigned int status;
	uint64_t n;

	if (sigsetjmp(no_vmcall, 1))
		return 0;
	signal(SIGILL, on_sigill);
	status = exit_count(0, 0, &n);
	signal(SIGILL, SIG_DFL);
	if (status != HYPERCALL_OK) {
		printf("work=%s VMCALL status 0x%x: not xmhf-ng\n", work, status);
		return 0;
	}
	if (hv_cpus > MAX_CPUS || hv_reasons > MAX_REASONS)
		fail("counter bounds");
	for (unsigned int c = 0; c < hv_cpus; c++)
		for (unsigned int r = 0; r < hv_reasons; r++)
			if (exit_count(c, r, &snap[c][r]) != HYPERCALL_OK)
				fail("exit counter");
	return 1;
}

static void print_deltas(int hv)
{
	static uint64_t after[MAX_CPUS][MAX_REASONS];

	if (!hv) {
		printf("work=%s exits none (no hypervisor)\n", work);
		return;
	}
	snapshot(after);
	for (unsigned int c = 0; c < hv_cpus; c++)
		for (unsigned int r = 0; r < hv_reasons; r++)
			if (after[c][r] != before[c][r])
				printf("work=%s exits cpu=%u reason=%u count=%llu\n", work, c, r,
				       (unsigned long long)(after[c][r] - before[c][r]));
	printf("work=%s exits snapshot_vmcalls=%u\n", work, 1 + hv_cpus * hv_reasons);
}

/* --- workloads: a set-up outside the timed part (may be NULL), then the timed
 * part, which returns a value that depends on all of its work ------------------- */
static uint64_t *hash_buf;

static void hash_prepare(long mib)
{
	size_t words = (size_t)mib << 17;

	hash_buf = malloc(words * sizeof(*hash_buf));
	if (!hash_buf)
		fail("malloc");
	for (size_t i = 0; i < words; i++)	/* fault every page in before timing */
		hash_buf[i] = i * 0x9e3779b97f4a7c15ull;
}

static uint64_t work_hash(long mib)
{
	size_t words = (size_t)mib << 17;
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < words; i++)
		h = (h ^ hash_buf[i]) * 0x100000001b3ull;
	return h;
}

static uint64_t work_syscall(long n)
{
	struct timespec ts;
	uint64_t sum = 0;

	for (long i = 0; i < n; i++) {
		sum += (uint64_t)syscall(SYS_getpid);
		clock_gettime(CLOCK_MONOTONIC, &ts);
		sum += (uint64_t)ts.tv_nsec & 1;
	}
	return sum;
}

static int disk_fd;
static void *disk_buf;

static void disk_prepare(long mib)
{
	(void)mib;
	disk_fd = open("/dev/sda", O_RDONLY | O_DIRECT);
	if (disk_fd < 0)
		fail("open /dev/sda");
	if (posix_memalign(&disk_buf, BLOCK, BLOCK))
		fail("posix_memalign");
}

static uint64_t work_disk(long mib)
{
	long blocks = mib * (1 << 20) / BLOCK;
	uint64_t sum = 0;

	for (long i = 0; i < blocks; i++) {
		if (pread(disk_fd, disk_buf, BLOCK, (off_t)i * BLOCK) != BLOCK)
			fail("pread");
		sum += ((unsigned char *)disk_buf)[i % BLOCK];
	}
	return sum;
}

static int ping[2], pong[2];
static long ipi_rounds;

static void *ipi_partner(void *arg)
{
	char b;

	(void)arg;
	pin(1);
	if (write(pong[1], "r", 1) != 1)	/* ready, on CPU 1 */
		fail("partner ready");
	for (long i = 0; i < ipi_rounds; i++) {
		if (read(ping[0], &b, 1) != 1)
			fail("partner read");
		if (write(pong[1], &b, 1) != 1)
			fail("partner write");
	}
	return NULL;
}

static pthread_t partner;

static void ipi_prepare(long n)
{
	char b;

	ipi_rounds = n;
	if (pipe(ping) || pipe(pong))
		fail("pipe");
	if (pthread_create(&partner, NULL, ipi_partner, NULL))
		fail("pthread_create");
	if (read(pong[0], &b, 1) != 1)
		fail("partner not ready");
}

static uint64_t work_ipi(long n)
{
	char b = 'x';

	for (long i = 0; i < n; i++) {
		if (write(ping[1], &b, 1) != 1)
			fail("write");
		if (read(pong[0], &b, 1) != 1)
			fail("read");
	}
	return (uint64_t)n;
}

static uint64_t work_idle(long seconds)
{
	struct timespec ts = { .tv_sec = seconds, .tv_nsec = 0 };

	while (nanosleep(&ts, &ts))
		;
	return 0;
}

static uint64_t work_cpuid(long n)
{
	uint64_t sum = 0;

	for (long i = 0; i < n; i++) {
		uint32_t a = 0, b, c = 0, d;

		asm volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
		sum += a;
	}
	return sum;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*prepare)(long);
		uint64_t (*run)(long);
	} works[] = {
		{ "hash", hash_prepare, work_hash }, { "syscall", NULL, work_syscall },
		{ "disk", disk_prepare, work_disk }, { "ipi", ipi_prepare, work_ipi },
		{ "idle", NULL, work_idle }, { "cpuid", NULL, work_cpuid },
	};
	void (*prepare)(long) = NULL;
	uint64_t (*run)(long) = NULL, t0, t1, ns, result;
	long arg;
	char *end;
	int hv;

	if (argc != 3)
		goto usage;
	for (size_t i = 0; i < sizeof(works) / sizeof(works[0]); i++)
		if (!strcmp(argv[1], works[i].name))
			run = works[i].run, prepare = works[i].prepare, work = works[i].name;
	arg = strtol(argv[2], &end, 0);
	if (!run || *end || arg <= 0)
		goto usage;
	setvbuf(stdout, NULL, _IOLBF, 0);
	pin(0);
	if (prepare)
		prepare(arg);
	hv = snapshot(before);
	ns = now_ns();
	t0 = rdtsc();
	result = run(arg);
	t1 = rdtsc();
	ns = now_ns() - ns;
	print_deltas(hv);
	if (run == work_ipi && pthread_join(partner, NULL))
		fail("pthread_join");
	printf("work=%s ticks=%llu ns=%llu arg=%ld result=%llu\n", work,
	       (unsigned long long)(t1 - t0), (unsigned long long)ns, arg,
	       (unsigned long long)result);
	return 0;
usage:
	fprintf(stderr, "usage: xmhf-work hash MIB | syscall N | disk MIB | ipi N | idle SECONDS"
		" | cpuid N\n");
	return 64;
}
