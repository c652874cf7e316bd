#include "vcpu_sipi.h"

#define WORD(state, vector) ((u32)(state) | ((u32)(vector) << 8))

static bool cas(u32 *p, u32 from, u32 to)
{
	return __atomic_compare_exchange_n(p, &from, to, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

bool vcpu_init(struct vcpu_sipi *v)
{
	__atomic_fetch_add(&v->inits, 1, __ATOMIC_RELAXED);
	for (;;) {
		u32 w = __atomic_load_n(&v->word, __ATOMIC_ACQUIRE);

		switch (w & 0xff) {
		case VCPU_RUNNING:
			if (cas(&v->word, w, WORD(VCPU_INIT_PENDING, 0)))
				return true;
			break;
		case VCPU_STARTING:
			if (cas(&v->word, w, WORD(VCPU_WAIT_SIPI, 0)))
				return false;
			break;
		default:	/* already waiting, or an INIT is on its way */
			return false;
		}
	}
}

bool vcpu_sipi(struct vcpu_sipi *v, u8 vector)
{
	__atomic_fetch_add(&v->sipis, 1, __ATOMIC_RELAXED);
	if (cas(&v->word, WORD(VCPU_WAIT_SIPI, 0), WORD(VCPU_STARTING, vector)))
		return true;
	__atomic_fetch_add(&v->sipis_ignored, 1, __ATOMIC_RELAXED);
	return false;
}

bool vcpu_take_start(struct vcpu_sipi *v, u8 *vector)
{
	u32 w = __atomic_load_n(&v->word, __ATOMIC_ACQUIRE);

	if ((w & 0xff) != VCPU_STARTING || !cas(&v->word, w, WORD(VCPU_RUNNING, 0)))
		return false;
	*vector = (u8)(w >> 8);
	return true;
}

bool vcpu_take_init(struct vcpu_sipi *v)
{
	return cas(&v->word, WORD(VCPU_INIT_PENDING, 0), WORD(VCPU_WAIT_SIPI, 0));
}
