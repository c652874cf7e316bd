/* See fault.h. */
#include "fault.h"
#include "arch/exceptions.h"

struct gate {
	u16 off_lo, sel, flags, off_hi;
};

struct idt_desc {
	u16 limit;
	u32 base;
} __attribute__((packed));

volatile u32 fault_vector, fault_eflags, fault_resume;
static struct gate idt[IDT_VECTORS];

void trap_fault(struct trap_frame *f, u32 vector)
{
	if (!fault_resume)
		trap_triple_fault();
	fault_vector = vector;
	fault_eflags = f->eflags;
	f->eip = fault_resume;
}

__attribute__((interrupt)) static void on_ud(struct trap_frame *f) { trap_fault(f, VEC_UD); }

/* #GP pushes an error code (SDM Vol. 3A 6.13); the compiler pops it. */
__attribute__((interrupt)) static void on_gp(struct trap_frame *f, u32 error_code)
{
	(void)error_code;
	trap_fault(f, VEC_GP);
}

void idt_gate(u32 v, u32 a)
{
	idt[v] = (struct gate){ (u16)a, 0x08, 0x8e00, (u16)(a >> 16) };	/* P, DPL 0, 32-bit interrupt gate */
}

void idt_load(u32 n)
{
	struct idt_desc d = { n * sizeof(idt[0]) - 1, (u32)idt };

	idt_gate(VEC_UD, (u32)on_ud);
	idt_gate(VEC_GP, (u32)on_gp);
	asm volatile("lidt %0" : : "m"(d));
}

void trap_triple_fault(void)
{
	static const struct idt_desc null_idt = { 0, 0 };

	asm volatile("lidt %0; int3" : : "m"(null_idt));
	__builtin_unreachable();
}
