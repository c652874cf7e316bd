/* The INIT/SIPI state machine, alone and with real threads racing on it. */
#include "check.h"
#include "vcpu_sipi.h"
#include <pthread.h>

static struct vcpu_sipi shared;
static volatile int stop;
static unsigned started;

/* Target thread: takes starts and pending INITs like an AP in root mode. */
static void *target(void *arg)
{
	u8 vec;

	(void)arg;
	while (!stop) {
		if (vcpu_take_start(&shared, &vec)) {
			CHECK(vec == 0x9a);
			__atomic_fetch_add(&started, 1, __ATOMIC_RELAXED);
		}
		vcpu_take_init(&shared);
	}
	return NULL;
}

int main(void)
{
	struct vcpu_sipi v = { 0 };
	u8 vec = 0;

	/* Power-up: waiting for SIPI; INIT-SIPI-SIPI starts it once. */
	CHECK(vcpu_state(&v) == VCPU_WAIT_SIPI);
	CHECK(!vcpu_init(&v));
	CHECK(vcpu_sipi(&v, 0x9a));
	CHECK(!vcpu_sipi(&v, 0x9a));		/* second SIPI ignored */
	CHECK(vcpu_take_start(&v, &vec) && vec == 0x9a);
	CHECK(vcpu_state(&v) == VCPU_RUNNING);
	CHECK(!vcpu_sipi(&v, 0x10));		/* SIPI to a running CPU: ignored */
	/* Hot-plug: INIT to a running CPU must kick it, then it waits again. */
	CHECK(vcpu_init(&v));
	CHECK(vcpu_state(&v) == VCPU_INIT_PENDING);
	CHECK(!vcpu_init(&v));			/* INIT storm: one kick is enough */
	CHECK(!vcpu_sipi(&v, 0x9a));		/* not yet back in wait-for-SIPI */
	CHECK(vcpu_take_init(&v));
	CHECK(!vcpu_take_init(&v));
	CHECK(vcpu_state(&v) == VCPU_WAIT_SIPI);
	CHECK(vcpu_sipi(&v, 0x9b));
	/* INIT before the target took the start cancels it. */
	CHECK(!vcpu_init(&v));
	CHECK(!vcpu_take_start(&v, &vec));
	CHECK(v.inits == 4 && v.sipis == 5 && v.sipis_ignored == 3);

	/* Race: one sender doing INIT-SIPI-SIPI rounds against a live target. */
	pthread_t t;
	unsigned rounds = 20000, accepted = 0;

	pthread_create(&t, NULL, target, NULL);
	for (unsigned i = 0; i < rounds; i++) {
		vcpu_init(&shared);
		while (vcpu_state(&shared) == VCPU_INIT_PENDING)
			;
		accepted += vcpu_sipi(&shared, 0x9a);
		vcpu_sipi(&shared, 0x9a);
		while (vcpu_state(&shared) == VCPU_STARTING)
			;
	}
	stop = 1;
	pthread_join(t, NULL);
	CHECK(accepted == rounds);
	CHECK(started == rounds);
	return CHECK_DONE();
}
