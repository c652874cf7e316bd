/* Round-trip benchmark guest, 32-bit part (entered from boot16.S in flat
 * protected mode, interrupts off). Each benchmark times ITERS iterations of a
 * loop whose body is one operation (two for CR0) with RDTSC (SDM Vol. 2B) and
 * prints to COM1, in hex:
 *   XMHF-BENCH: name=<name> iters=0x<n> ops=0x<per iteration> ticks=0x<t>
 * "loop" is the empty loop, to be subtracted. Under xmhf-ng it then asks for
 * the exit counters (hypercall function 1) and ends with
 *   XMHF-BENCH: done hypervisor=<yes|no>  */
#include "types.h"
#include "arch/apic.h"
#include "arch/cr.h"
#include "arch/msr.h"
#include "arch/exceptions.h"
#include "com1.h"
#include "hw/uart16550.h"
#include "hypercall.h"

#define ITERS 10000
#define POST_PORT 0x80		/* PC POST-code port: a read has no side effect */
#define BENCH_IPI_VECTOR 0x40	/* self-IPI; stays pending in IRR with IF = 0 */

void bench_main(void);
void bench_ud_handler(void);

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static void report(const char *name, u32 ops, u64 ticks)
{
	com1_puts("XMHF-BENCH: name=");
	com1_puts(name);
	com1_puts(" iters=");
	com1_hex(ITERS);
	com1_puts(" ops=");
	com1_hex(ops);
	com1_puts(" ticks=");
	com1_hex(ticks);
	com1_puts("\n");
}

/* 32-bit interrupt gate (SDM Vol. 3A 6.11): only #UD is ever delivered. */
struct gate {
	u16 off_lo, sel, flags, off_hi;
};
static struct gate idt[VEC_UD + 1];

static void idt_load(void)
{
	struct {
		u16 limit;
		u32 base;
	} __attribute__((packed)) d = { sizeof(idt) - 1, (u32)idt };
	u32 h = (u32)bench_ud_handler;

	idt[VEC_UD] = (struct gate){ (u16)h, 0x08, 0x8e00, (u16)(h >> 16) };
	asm volatile("lidt %0" : : "m"(d));
}

static u32 vmcall(u32 fn)
{
	u32 a = HYPERCALL_MAGIC, b = fn;

	asm volatile("vmcall" : "+a"(a), "+b"(b) : : "memory");
	return a;
}

static u64 t_loop(u32 n)
{
	u64 t = rdtsc();

	asm volatile("1: dec %0; jnz 1b" : "+S"(n));
	return rdtsc() - t;
}

static u64 t_cpuid(u32 n)
{
	u64 t = rdtsc();

	asm volatile("1: xor %%eax, %%eax; cpuid; dec %0; jnz 1b"
		     : "+S"(n) : : "eax", "ebx", "ecx", "edx");
	return rdtsc() - t;
}

static u64 t_vmcall(u32 n)
{
	u64 t = rdtsc();

	asm volatile("1: mov %1, %%eax; mov %2, %%ebx; vmcall; dec %0; jnz 1b"
		     : "+S"(n) : "i"(HYPERCALL_MAGIC), "i"(HYPERCALL_FN_NOP) : "eax", "ebx");
	return rdtsc() - t;
}

static u64 t_in(u32 n)
{
	u64 t = rdtsc();

	asm volatile("1: in %1, %%al; dec %0; jnz 1b" : "+S"(n) : "i"(POST_PORT) : "eax");
	return rdtsc() - t;
}

/* IN from COM1's line status register: the hypervisor's console mux
 * intercepts the UART's ports (I/O bitmap, SDM 25.1.3); reading LSR has no
 * side effect on a polled UART. */
static u64 t_in_uart(u32 n)
{
	u64 t = rdtsc();

	asm volatile("1: in %%dx, %%al; dec %0; jnz 1b"
		     : "+S"(n) : "d"((u16)(COM1_BASE + UART_LSR)) : "eax");
	return rdtsc() - t;
}

static u64 t_rdmsr(u32 n)
{
	u64 t = rdtsc();

	asm volatile("1: mov %1, %%ecx; rdmsr; dec %0; jnz 1b"
		     : "+S"(n) : "i"(MSR_IA32_EFER) : "eax", "ecx", "edx");
	return rdtsc() - t;
}

/* WRMSR IA32_EFER with its current value: intercepted by the MSR bitmap. */
static u64 t_wrmsr(u32 n)
{
	u32 lo, hi;
	u64 t;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(MSR_IA32_EFER));
	t = rdtsc();
	asm volatile("1: mov %1, %%ecx; mov %2, %%eax; mov %3, %%edx; wrmsr; dec %0; jnz 1b"
		     : "+S"(n) : "i"(MSR_IA32_EFER), "D"(lo), "b"(hi) : "eax", "ecx", "edx");
	return rdtsc() - t;
}

/* Two MOV to CR0 per iteration, NE cleared then set: NE is VMX-fixed, so in
 * the guest/host mask and each write differs from the read shadow (SDM 25.1.3). */
static u64 t_cr0(u32 n)
{
	u32 cr0, alt;
	u64 t;

	asm volatile("mov %%cr0, %0" : "=r"(cr0));
	alt = cr0 ^ (u32)CR0_NE;
	t = rdtsc();
	asm volatile("1: mov %1, %%cr0; mov %2, %%cr0; dec %0; jnz 1b"
		     : "+S"(n) : "r"(alt), "r"(cr0) : "memory");
	return rdtsc() - t;
}

/* xAPIC ICR write: fixed self-IPI (SDM 10.6.1). With IF = 0 it only sets the
 * vector's IRR bit, the same on every iteration. */
static u64 t_icr(u32 n)
{
	volatile u32 *icr = (volatile u32 *)(u32)(APIC_DEFAULT_BASE + APIC_REG_ICR_LO);
	u32 v = ICR_SHORTHAND_SELF | ICR_DELIVERY_FIXED | BENCH_IPI_VECTOR;
	u64 t = rdtsc();

	asm volatile("1: movl %1, (%2); dec %0; jnz 1b" : "+S"(n) : "r"(v), "r"(icr) : "memory");
	return rdtsc() - t;
}

/* One xAPIC register store per iteration: the EOI register (SDM 10.8.5; with
 * no interrupt in service the write has no effect) or the timer's initial
 * count (0: the timer stays stopped, SDM 10.5.4). Both are the writes Linux
 * makes on every timer interrupt. */
static u64 t_apic_store(u32 n, u32 reg)
{
	volatile u32 *p = (volatile u32 *)(u32)(APIC_DEFAULT_BASE + reg);
	u64 t = rdtsc();

	asm volatile("1: movl %1, (%2); dec %0; jnz 1b" : "+S"(n) : "r"(0), "r"(p) : "memory");
	return rdtsc() - t;
}

void bench_main(void)
{
	bool hv;

	com1_init();
	idt_load();
	hv = vmcall(HYPERCALL_FN_NOP) == HYPERCALL_OK;
	report("loop", 1, t_loop(ITERS));
	report("cpuid", 1, t_cpuid(ITERS));
	if (hv)
		report("vmcall", 1, t_vmcall(ITERS));
	report("in", 1, t_in(ITERS));
	report("in_uart", 1, t_in_uart(ITERS));
	report("rdmsr", 1, t_rdmsr(ITERS));
	report("wrmsr", 1, t_wrmsr(ITERS));
	report("cr0", 2, t_cr0(ITERS));
	report("icr", 1, t_icr(ITERS));
	report("eoi", 1, t_apic_store(ITERS, APIC_REG_EOI));
	report("tmict", 1, t_apic_store(ITERS, APIC_REG_TIMER_INITIAL));
	if (hv)
		vmcall(HYPERCALL_FN_PRINT_EXITS);
	com1_puts(hv ? "XMHF-BENCH: done hypervisor=yes\n" : "XMHF-BENCH: done hypervisor=no\n");
}
