/* The xmhf-ng hypercall ABI: VMCALL (SDM Vol. 2B; exits unconditionally in VMX
 * non-root operation at any CPL, SDM 25.1.2) with EAX = HYPERCALL_MAGIC and
 * EBX = function. On return EAX = HYPERCALL_OK, or HYPERCALL_UNKNOWN for a
 * function we do not have. Any other EAX gets #UD, as without a hypervisor.
 * The constants are shared with the guest tools (tools/guest, tools/bench),
 * so this part is plain #defines, usable from C and from assembly. */
#ifndef RUNTIME_HYPERCALL_H
#define RUNTIME_HYPERCALL_H

#define HYPERCALL_MAGIC 0x58484d46	/* 'XHMF' read as a big-endian u32 */
#define HYPERCALL_FN_NOP 0		/* returns at once: round-trip benchmark */
#define HYPERCALL_FN_PRINT_EXITS 1	/* prints every CPU's exit counters */
#define HYPERCALL_FN_INTEGRITY 2	/* EBX = regions changed since boot (0: intact), ECX = regions checked */
#define HYPERCALL_FN_EXIT_COUNT 3	/* ECX = CPU index, EDX = basic exit reason: RBX = that CPU's
					 * exits for that reason so far (64 bits), RCX = CPU count,
					 * RDX = reasons counted; HYPERCALL_BAD_ARG (RCX, RDX still
					 * set) if ECX or EDX is out of range */
#define HYPERCALL_OK 0
#define HYPERCALL_UNKNOWN 0xffffffff
#define HYPERCALL_BAD_ARG 0xfffffffe

#ifndef __ASSEMBLER__
#include "types.h"
struct cpu;
struct guest_regs;

/* True if the VMCALL exit carries our magic in EAX. */
bool hypercall_is_ours(const struct guest_regs *r);
/* Serve it: run the function in EBX, set EAX, skip the VMCALL. */
void hypercall_handle(struct cpu *c, struct guest_regs *r);
#endif

#endif
