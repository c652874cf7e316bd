/* The INIT/SIPI state of one guest CPU, shared between the CPU that emulates
 * the guest's IPI and the CPU that receives it. One word, changed only by
 * compare-and-swap (SDM 8.4 / 10.4.7.3 semantics):
 *   WAIT_SIPI --SIPI--> STARTING --target takes it--> RUNNING
 *   RUNNING --INIT--> INIT_PENDING --target notices--> WAIT_SIPI
 *   STARTING --INIT--> WAIT_SIPI (the start is cancelled)
 * A SIPI outside WAIT_SIPI is ignored, as hardware ignores it. */
#ifndef XMHF_LIB_VCPU_SIPI_H
#define XMHF_LIB_VCPU_SIPI_H
#include "types.h"

enum vcpu_run_state {
	VCPU_WAIT_SIPI = 0,	/* in VMX root, waiting: the state after INIT */
	VCPU_STARTING = 1,	/* SIPI accepted, vector valid, not yet taken */
	VCPU_RUNNING = 2,	/* running guest code */
	VCPU_INIT_PENDING = 3,	/* INIT sent while running; target must be kicked */
};

struct vcpu_sipi {
	u32 word;		/* bits 7:0 enum vcpu_run_state, 15:8 SIPI vector */
	u32 inits, sipis, sipis_ignored;	/* statistics */
};

static inline enum vcpu_run_state vcpu_state(const struct vcpu_sipi *v)
{
	return (enum vcpu_run_state)(__atomic_load_n(&v->word, __ATOMIC_ACQUIRE) & 0xff);
}

/* Sender side. vcpu_init() returns true if the target is running guest code
 * and must be kicked out of it (the caller sends it an NMI). */
bool vcpu_init(struct vcpu_sipi *v);
/* Returns true if the SIPI was accepted. */
bool vcpu_sipi(struct vcpu_sipi *v, u8 vector);

/* Target side. vcpu_take_start() returns true and the vector once a SIPI is
 * there (state becomes RUNNING); vcpu_take_init() returns true if an INIT is
 * pending (state becomes WAIT_SIPI). */
bool vcpu_take_start(struct vcpu_sipi *v, u8 *vector);
bool vcpu_take_init(struct vcpu_sipi *v);

#endif
