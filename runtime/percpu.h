/* Per-CPU state. CPU 0 is the BSP; CPU i > 0 is the i-th enabled AP in the MADT.
 * One struct cpu per CPU the MADT lists, in the per-CPU area of the reserved
 * range after the image (the loader sizes it: hv_layout.h). */
#ifndef RUNTIME_PERCPU_H
#define RUNTIME_PERCPU_H
#include "types.h"
#include "layout.h"
#include "vcpu_sipi.h"
#include "vcpu_request.h"
#include "percpu_offsets.h"

#define CPU_STACK_SIZE 16384

struct tss64 {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __attribute__((packed));

/* Guest general registers saved by vmx_exit_stub, indexed like the
 * exit-qualification register field (SDM Table 27-3): RAX RCX RDX RBX RSP RBP
 * RSI RDI R8-R15. Slot 4 is unused: guest RSP lives in the VMCS. */
enum gpr { GPR_RAX, GPR_RCX, GPR_RDX, GPR_RBX, GPR_RSP, GPR_RBP, GPR_RSI, GPR_RDI,
	   GPR_R8, GPR_COUNT = 16 };
struct guest_regs {
	u64 gpr[GPR_COUNT];
};

#define EXIT_REASON_SLOTS 80

struct cpu {
	u8 vmxon_region[4096];		/* page aligned: first in the struct */
	u8 vmcs[4096];
	struct cpu *self;		/* GS base points at the struct; see this_cpu() */
	u32 requests;			/* enum vcpu_request bits (vcpu_request.h) */
	u8 launched;			/* false until the first VM exit */
	u32 index;
	u32 apic_id;
	volatile u32 online;		/* set by the CPU itself once in 64-bit C code */
	struct tss64 tss;
	volatile u32 vmx_ready;		/* VMXON done and VMCS set up */
	struct vcpu_sipi sipi;		/* emulated INIT/SIPI state of this vCPU */
	u32 kick_inflight;		/* a kick NMI was sent and not yet taken (nmi.c) */
	bool nmi_pending;		/* a guest NMI waits for an injection window */
	u64 guest_perf_global_ctrl;	/* IA32_PERF_GLOBAL_CTRL at boot: the INIT value */
	u32 guest_ldr, guest_dfr;	/* APIC logical addressing the guest set */
	u64 vmcs_fingerprint;		/* VMCS host state + fixed controls (integrity.c) */
	u32 hv_access_logged;		/* EPT_QUAL_{READ,WRITE,FETCH} kinds already logged */
	u64 exits[EXIT_REASON_SLOTS];	/* VM exits by basic reason */
	struct {			/* idle waits in VMX root (idle.c) */
		u64 since;		/* TSC at the start of the current wait, 0 if none */
		u64 ticks;		/* TSC ticks in finished waits */
		u64 wakeups;		/* HLTs ended, by kicks or stray NMIs */
	} idle;
	u8 stack[CPU_STACK_SIZE] __attribute__((aligned(16)));
} __attribute__((aligned(4096)));

_Static_assert(offsetof(struct cpu, requests) == CPU_OFF_REQUESTS, "vmx_entry.S");
_Static_assert(offsetof(struct cpu, launched) == CPU_OFF_LAUNCHED, "vmx_entry.S");

extern struct cpu *cpus;	/* cpu_slots of them; the first cpu_count are online */
extern u32 cpu_slots;
extern u32 cpu_count;

/* The loader hands over the per-CPU area (zeroed here) right after relocation. */
void percpu_area_init(struct cpu *area, u32 slots);
void percpu_init(struct cpu *c);
/* A piece of hypervisor memory (integrity.c checks some of them). */
struct mem_region { const void *p; u64 len; };
struct mem_region percpu_gdt(void);	/* with every CPU's TSS descriptor */
u64 hv_virt_to_phys(const void *va);	/* GDT, TSS, IDT, GS base: call on the CPU itself */

static inline struct cpu *this_cpu(void)
{
	struct cpu *c;
	asm volatile("mov %%gs:%c1, %0" : "=r"(c) : "i"(offsetof(struct cpu, self)));
	return c;
}

#endif
