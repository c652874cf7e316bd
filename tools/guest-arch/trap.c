/* 32-bit interrupt gates (SDM Vol. 3A 6.11) for vectors 0-31. */
#include "trap.h"
#include "arch/cr.h"
#include "arch/debugreg.h"
#include "arch/exceptions.h"
#include "com1.h"
#include "probes.h"

#define IDT_VECTORS 32

struct frame {
	u32 eip, cs, eflags;
};

struct gate {
	u16 off_lo, sel, flags, off_hi;
};

struct idt_desc {
	u16 limit;
	u32 base;
} __attribute__((packed));

volatile u32 fault_vector, fault_eflags;
u32 fault_resume;
volatile u32 db_count, db_eip, db_dr6;
u32 db_expect;
volatile u32 nmi_count;
static struct gate idt[IDT_VECTORS];

static void fault(struct frame *f, u32 vector)
{
	fault_vector = vector;
	fault_eflags = f->eflags;
	f->eip = fault_resume;
}

__attribute__((interrupt)) static void on_ud(struct frame *f) { fault(f, VEC_UD); }
__attribute__((interrupt)) static void on_nm(struct frame *f) { fault(f, VEC_NM); }

/* #GP pushes an error code (SDM Vol. 3A 6.13); the compiler pops it. */
__attribute__((interrupt)) static void on_gp(struct frame *f, u32 error_code)
{
	(void)error_code;
	fault(f, VEC_GP);
}

/* #DB is a trap for single step and data breakpoints: EIP is the next
 * instruction; DR6 says why (SDM Vol. 3B 17.2.3, 17.3.1). */
__attribute__((interrupt)) static void on_db(struct frame *f)
{
	u32 dr6;

	asm volatile("mov %%dr6, %0" : "=r"(dr6));
	if (db_count++ == 0) {
		db_eip = f->eip;
		db_dr6 = dr6;
	}
	f->eflags &= ~(u32)RFLAGS_TF;
}

/* NMIs stay blocked until this handler's IRET (SDM Vol. 3A 6.7.1). */
__attribute__((interrupt)) static void on_nmi(struct frame *f)
{
	(void)f;
	nmi_count++;
}

static struct gate gate(u32 a)
{
	return (struct gate){ (u16)a, 0x08, 0x8e00, (u16)(a >> 16) };	/* P, DPL 0, 32-bit interrupt gate */
}

void trap_idt_load(void)
{
	struct idt_desc d = { sizeof(idt) - 1, (u32)idt };

	for (u32 v = 0; v < IDT_VECTORS; v++)
		idt[v] = gate(trap_stubs[v]);
	idt[VEC_DB] = gate((u32)on_db);
	idt[VEC_NMI] = gate((u32)on_nmi);
	idt[VEC_UD] = gate((u32)on_ud);
	idt[VEC_NM] = gate((u32)on_nm);
	idt[VEC_GP] = gate((u32)on_gp);
	asm volatile("lidt %0" : : "m"(d));
}

void trap_db_reset(void)
{
	db_count = 0;
	db_eip = 0;
	db_dr6 = 0;
	asm volatile("mov %0, %%dr6" : : "r"((u32)DR6_INIT));
}

void trap_unexpected(u32 vector, const u32 *frame)
{
	com1_puts("ARCH: unexpected exception vector ");
	com1_hex(vector);
	com1_puts(", stack ");
	for (int i = 0; i < 4; i++) {
		com1_hex(frame[i]);
		com1_puts(" ");
	}
	com1_puts("\n");
	com1_drain();
	trap_triple_fault();
}

void trap_triple_fault(void)
{
	static const struct idt_desc null_idt = { 0, 0 };

	asm volatile("lidt %0; int3" : : "m"(null_idt));
	__builtin_unreachable();
}
