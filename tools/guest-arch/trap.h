/* IDT of the guest-arch probes (trap.c): #DB, NMI, #UD, #NM and #GP are
 * recorded (#UD, #NM, #GP by tools/guest-boot/fault.c); any other
 * exception is reported and ends the run. */
#ifndef GUEST_ARCH_TRAP_H
#define GUEST_ARCH_TRAP_H
#include "types.h"
#include "fault.h"

/* #DB: how many since trap_db_reset(), and the first one's EIP and DR6.
 * The handler clears TF in the saved EFLAGS. db_expect: where a probe
 * expects the trap (set by probes.S). */
extern volatile u32 db_count, db_eip, db_dr6;
extern u32 db_expect;
extern volatile u32 nmi_count;

void trap_idt_load(void);
void trap_db_reset(void);
/* Called by probes.S for a vector without a handler: prints it, triple faults. */
__attribute__((noreturn)) void trap_unexpected(u32 vector, const u32 *frame);

#endif
