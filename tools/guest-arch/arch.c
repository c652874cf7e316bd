/* Architectural probe guest, 32-bit part (entered from tools/bench/boot16.S
 * in flat protected mode, IF = 0). Each probe prints
 *   ARCH: <probe> -> <ok ... | FAILED: ... | skipped (no <feature>)>
 * then "ARCH: all probes done" and the guest triple faults. Bare Bochs and a
 * correct hypervisor must print the same (tests/boot/guest_arch.sh). */
#include "arch.h"
#include "arch/cr.h"
#include "arch/debugreg.h"
#include "arch/exceptions.h"
#include "arch/msr.h"
#include "arch/xcr.h"
#include "com1.h"
#include "probes.h"
#include "trap.h"

#define MSR_ABSENT 0x12345678	/* no such MSR: RDMSR/WRMSR #GP (SDM Vol. 2B) */
#define LANES 8
#define FLOAT_3 0x40400000u	/* 3.0f */

void arch_main(void);

void out_begin(const char *probe)
{
	com1_puts("ARCH: ");
	com1_puts(probe);
	com1_puts(" -> ");
}

void out_end(void) { com1_puts("\n"); }

void out_skipped(const char *probe, const char *feature)
{
	out_begin(probe);
	com1_puts("skipped (no ");
	com1_puts(feature);
	com1_puts(")");
	out_end();
}

static void out_fault(u32 vector)
{
	com1_puts(vector == VEC_GP ? "#GP" : vector == VEC_UD ? "#UD" :
		  vector == VEC_NM ? "#NM" : "no fault");
}

struct cpuid_regs cpuid(u32 leaf, u32 subleaf)
{
	struct cpuid_regs r;

	asm volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
		     : "a"(leaf), "c"(subleaf));
	return r;
}

u64 rdtsc(void)
{
	u32 lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

void tsc_delay(u64 ticks)
{
	u64 end = rdtsc() + ticks;

	while (rdtsc() < end)
		asm volatile("pause");
}

static u32 read_cr0(void) { u32 v; asm volatile("mov %%cr0, %0" : "=r"(v)); return v; }
static void write_cr0(u32 v) { asm volatile("mov %0, %%cr0" : : "r"(v)); }
static u32 read_cr4(void) { u32 v; asm volatile("mov %%cr4, %0" : "=r"(v)); return v; }
static void write_cr4(u32 v) { asm volatile("mov %0, %%cr4" : : "r"(v)); }
static u32 read_dr7(void) { u32 v; asm volatile("mov %%dr7, %0" : "=r"(v)); return v; }
static void write_dr7(u32 v) { asm volatile("mov %0, %%dr7" : : "r"(v)); }
static void write_dr0(u32 v) { asm volatile("mov %0, %%dr0" : : "r"(v)); }

static bool osxsave_bit(void)
{
	return cpuid(CPUID_LEAF_FEATURES, 0).ecx & CPUID1_ECX_OSXSAVE;
}

/* AVX: VADDPS on YMM gives 3.0f in all 8 lanes. */
static void probe_avx(void)
{
	u32 out[LANES] = { 0 }, good = 0;

	probe_avx_add(out);
	out_begin("avx vaddps ymm");
	for (u32 i = 0; i < LANES; i++)
		good += out[i] == FLOAT_3;
	if (fault_vector) {
		com1_puts("FAILED: ");
		out_fault(fault_vector);
	} else if (good != LANES) {
		com1_puts("FAILED: lane0=");
		com1_hex(out[0]);
		com1_puts(" good lanes=");
		com1_dec(good);
	} else {
		com1_puts("ok lanes=8");
	}
	out_end();
}

/* XSAVE feature set (SDM Vol. 1 13.2-13.3, Vol. 2A CPUID leaf 0DH):
 * CPUID.1:ECX.OSXSAVE mirrors CR4.OSXSAVE, XCR0 starts as x87 only, XSETBV
 * sets it, leaf 0DH EBX follows it, AVX without SSE is #GP. */
static void probe_xsave(void)
{
	struct cpuid_regs r = cpuid(CPUID_LEAF_FEATURES, 0);
	bool avx = r.ecx & CPUID1_ECX_AVX;
	u64 want = XCR0_X87 | XCR0_SSE | (avx ? XCR0_AVX : 0), x;
	u32 cr0 = read_cr0(), cr4 = read_cr4(), fv;

	if (!(r.ecx & CPUID1_ECX_XSAVE)) {
		out_skipped("xsave cpuid.osxsave", "XSAVE");
		out_skipped("xsave xgetbv initial", "XSAVE");
		out_skipped("xsave xsetbv", "XSAVE");
		out_skipped("xsave xsetbv invalid 0x5", "XSAVE");
		out_skipped("avx vaddps ymm", "XSAVE");
		return;
	}
	/* SSE/AVX state usable: CR0.EM=0, CR0.TS=0, CR4.OSFXSR (SDM Vol. 3A 13.1.3). */
	write_cr0((cr0 & ~(u32)(CR0_EM | CR0_TS)) | (u32)CR0_MP);
	write_cr4(cr4 | (u32)(CR4_OSXSAVE | CR4_OSFXSR | CR4_OSXMMEXCPT));
	out_begin("xsave cpuid.osxsave");
	if (r.ecx & CPUID1_ECX_OSXSAVE)
		com1_puts("FAILED: 1 before CR4.OSXSAVE=1");
	else
		com1_puts(osxsave_bit() ? "ok 0 then 1" : "FAILED: 0 after CR4.OSXSAVE=1");
	out_end();

	out_begin("xsave xgetbv initial");
	x = probe_xgetbv(XCR_XFEATURE_ENABLED);
	if (fault_vector) {
		com1_puts("FAILED: ");
		out_fault(fault_vector);
	} else {
		com1_puts(x == XCR0_X87 ? "ok xcr0=" : "FAILED: xcr0=");
		com1_hex(x);
	}
	out_end();

	out_begin("xsave xsetbv");
	probe_xsetbv(XCR_XFEATURE_ENABLED, want);
	if (fault_vector) {
		com1_puts("FAILED: xsetbv ");
		com1_hex(want);
		com1_puts(" ");
		out_fault(fault_vector);
	} else {
		x = probe_xgetbv(XCR_XFEATURE_ENABLED);
		if (fault_vector || x != want) {
			com1_puts("FAILED: wrote ");
			com1_hex(want);
			com1_puts(" read ");
			com1_hex(x);
		} else {
			com1_puts("ok xcr0=");
			com1_hex(x);
			com1_puts(" size=");
			com1_hex(cpuid(CPUID_LEAF_XSAVE, 0).ebx);
		}
	}
	out_end();

	out_begin("xsave xsetbv invalid 0x5");
	probe_xsetbv(XCR_XFEATURE_ENABLED, XCR0_X87 | XCR0_AVX);
	fv = fault_vector;
	x = probe_xgetbv(XCR_XFEATURE_ENABLED);
	com1_puts(fv == VEC_GP ? "ok " : "FAILED: ");
	out_fault(fv);
	com1_puts(" xcr0=");
	com1_hex(x);
	out_end();

	if (avx)
		probe_avx();
	else
		out_skipped("avx vaddps ymm", "AVX");
	probe_xsetbv(XCR_XFEATURE_ENABLED, XCR0_X87);
	write_cr4(cr4);
	write_cr0(cr0);
}

static volatile u32 watch_var __attribute__((aligned(4)));

/* "FAILED: eip=next[+delta] dr6=...": the first #DB was not where expected. */
static void out_db_wrong(void)
{
	com1_puts("FAILED: eip=next");
	if (db_eip != db_expect) {
		com1_puts("+");
		com1_hex(db_eip - db_expect);
	}
	com1_puts(" dr6=");
	com1_hex(db_dr6);
}

/* DR0 write watchpoint across a VM exit (CPUID exits unconditionally in VMX
 * non-root operation, SDM Vol. 3C 25.1.2): the store must trap with DR6.B0
 * (SDM Vol. 3B 17.2.4, 17.3.1.2). */
static void probe_dr0_write(void)
{
	u32 dr7;

	trap_db_reset();
	write_dr0((u32)&watch_var);
	write_dr7(DR7_INIT | DR7_L(0) | DR7_RW_WRITE << DR7_RW_SHIFT(0) | DR7_LEN_4 << DR7_LEN_SHIFT(0));
	cpuid(0, 0);
	dr7 = read_dr7();
	wp_store(&watch_var);
	write_dr7(DR7_INIT);
	out_begin("dr0 write watchpoint after cpuid");
	if (db_count != 1) {
		com1_puts("FAILED: #DB count=");
		com1_dec(db_count);
		com1_puts(" dr7 after cpuid=");
		com1_hex(dr7);
	} else if (db_eip != db_expect || !(db_dr6 & DR6_B0)) {
		out_db_wrong();
	} else {
		com1_puts("ok db dr6.b0=1 eip=next");
	}
	out_end();
}

/* IA32_DEBUGCTL (SDM Vol. 4 Table 2-2) must keep LBR across a VM exit; the
 * CPU saves/loads it only with the VM-exit/entry controls (SDM Vol. 3C 27.3.1). */
static void probe_debugctl(void)
{
	u64 v;
	u32 fv;

	out_begin("debugctl lbr after cpuid");
	probe_wrmsr(MSR_IA32_DEBUGCTL, DEBUGCTL_LBR);
	fv = fault_vector;
	cpuid(0, 0);
	v = probe_rdmsr(MSR_IA32_DEBUGCTL);
	if (fv) {
		/* The Bochs model has no such MSR: nothing to keep. */
		com1_puts("skipped (no IA32_DEBUGCTL: wrmsr ");
		out_fault(fv);
		com1_puts(", rdmsr ");
		if (fault_vector)
			out_fault(fault_vector);
		else
			com1_hex(v);
		com1_puts(")");
	} else if (fault_vector) {
		com1_puts("FAILED: rdmsr ");
		out_fault(fault_vector);
	} else {
		com1_puts(v == DEBUGCTL_LBR ? "ok debugctl=" : "FAILED: debugctl=");
		com1_hex(v);
	}
	probe_wrmsr(MSR_IA32_DEBUGCTL, 0);
	out_end();
}

/* Single step over an instruction that exits: #DB with DR6.BS, EIP = the
 * next instruction (SDM Vol. 3B 17.3.1.4). */
static void single_step(const char *probe, void (*run)(void))
{
	trap_db_reset();
	run();
	out_begin(probe);
	if (db_count == 0) {
		com1_puts("FAILED: no #DB");
	} else if (db_eip == db_expect && (db_dr6 & DR6_BS) && db_count == 1) {
		com1_puts("ok eip=next bs=1");
	} else {
		out_db_wrong();
		com1_puts(" #DBs=");
		com1_dec(db_count);
	}
	out_end();
}

/* A fault pushes EFLAGS with RF = 1 (SDM Vol. 3B 17.3.1.1); a missing MSR is
 * #GP (SDM Vol. 2B RDMSR/WRMSR). */
static void probe_fault_rf(const char *probe, bool write)
{
	if (write)
		probe_wrmsr(MSR_ABSENT, 0);
	else
		probe_rdmsr(MSR_ABSENT);
	out_begin(probe);
	com1_puts(fault_vector == VEC_GP && (fault_eflags & RFLAGS_RF) ? "ok " : "FAILED: ");
	out_fault(fault_vector);
	if (fault_vector) {
		com1_puts(" rf=");
		com1_dec(!!(fault_eflags & RFLAGS_RF));
	}
	out_end();
}

void arch_main(void)
{
	com1_init();
	trap_idt_load();
	probe_xsave();
	probe_self_nmi();
	probe_dr0_write();
	probe_debugctl();
	single_step("single-step cpuid", ss_cpuid);
	single_step("single-step rdmsr 0x1b", ss_rdmsr_apic_base);
	single_step("single-step wrmsr efer same value", ss_wrmsr_efer_same);
	probe_fault_rf("fault rf wrmsr 0x12345678", true);
	probe_fault_rf("fault rf rdmsr 0x12345678", false);
	probe_ap_start();
	probe_x2apic_start();	/* last: with x2APIC on, the xAPIC MMIO is gone (SDM Vol. 3A 10.12.1.2) */
	com1_puts("ARCH: all probes done\n");
	com1_drain();
	trap_triple_fault();
}
