/* Attack guest: shared between attack.c and lowlevel.S. */
#ifndef GUEST_ATTACK_H
#define GUEST_ATTACK_H

/* Our GDT (lowlevel.S). SEL_UNREAL's index is chosen so that a real-mode
 * reload of ES with the same value (a BIOS that does so) lands at 0x900,
 * unused low memory, not in the IVT or the BIOS data area. */
#define SEL_CODE32 0x08
#define SEL_DATA32 0x10
#define SEL_CODE16 0x18
#define SEL_DATA16 0x20
#define SEL_TSS_A 0x28
#define SEL_TSS_B 0x30
#define SEL_UNREAL 0x90

/* struct rm_regs offsets. */
#define RM_EAX 0
#define RM_EBX 4
#define RM_ECX 8
#define RM_EDX 12
#define RM_ESI 16
#define RM_EDI 20
#define RM_EFLAGS 24
#define RM_ES 28
#define RM_VEC 30
#define RM_UNREAL 31

#ifndef __ASSEMBLER__
#include "types.h"
#include "probe.h"

struct rm_regs {
	u32 eax, ebx, ecx, edx, esi, edi, eflags;
	u16 es;		/* real-mode ES, unless unreal */
	u8 vec;		/* BIOS interrupt */
	u8 unreal;	/* ES = SEL_UNREAL's base and limit, kept in real mode */
} __attribute__((packed));

extern struct rm_regs rm_regs;
extern u64 gdt[];
extern u8 boot_drive;
extern volatile u32 fault_vector, fault_error, fault_eip, fault_cr2, fault_resume;
extern volatile u32 task_b_ran;

void rm_call(void);
/* Each returns the fault vector its instruction raised, 0 if none. */
static inline u32 msr_read(u32 msr, u64 *v)	/* *v = 0 on a fault */
{
	*v = probe_rdmsr(msr);
	return fault_vector;
}
static inline u32 msr_write(u32 msr, u64 v)
{
	probe_wrmsr(msr, v);
	return fault_vector;
}
u32 probe_integrity(u32 *changed, u32 *checked);
u32 probe_hypercall(u32 fn, u32 *status);
u32 probe_load32(u32 addr, u32 *v);
u32 probe_store32(u32 addr, u32 v);
u32 probe_pae_cr3(u32 cr3);
u32 probe_store8(u32 addr, u32 v);
u32 probe_store8_imm0(u32 addr);
u32 probe_store16(u32 addr, u32 v);
u32 probe_call_at(u32 code, u32 addr, u32 v);
u32 probe_task_switch(void);
void task_b_entry(void);
__attribute__((noreturn)) void trap_triple_fault(void);
__attribute__((noreturn)) void trap_unexpected(void);
#endif

#endif
