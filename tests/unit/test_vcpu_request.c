/* Per-vCPU request bits (xmhf/lib/vcpu_request.h): made from many threads,
 * each taken exactly once. */
#include <pthread.h>
#include "check.h"
#include "vcpu_request.h"

#define ROUNDS 20000

static u32 word;
static volatile int stop;
static unsigned made[VCPU_REQ_COUNT], taken[VCPU_REQ_COUNT];

static void *maker(void *arg)
{
	enum vcpu_request r = (enum vcpu_request)(long)arg;

	for (int i = 0; i < ROUNDS; i++) {
		while (vcpu_has_request(&word, r))
			;		/* one pending at a time: count each */
		vcpu_make_request(&word, r);
		made[r]++;
	}
	return NULL;
}

int main(void)
{
	pthread_t t[VCPU_REQ_COUNT];

	vcpu_make_request(&word, VCPU_REQ_NMI);
	CHECK(vcpu_has_request(&word, VCPU_REQ_NMI) && !vcpu_has_request(&word, VCPU_REQ_INIT));
	vcpu_make_request(&word, VCPU_REQ_NMI);		/* merges */
	CHECK(vcpu_take_request(&word, VCPU_REQ_NMI));
	CHECK(!vcpu_take_request(&word, VCPU_REQ_NMI));
	CHECK(word == 0);
	for (long r = 0; r < VCPU_REQ_COUNT; r++)
		pthread_create(&t[r], NULL, maker, (void *)r);
	while (!stop) {
		unsigned done = 0;

		for (int r = 0; r < VCPU_REQ_COUNT; r++) {
			if (vcpu_take_request(&word, (enum vcpu_request)r))
				taken[r]++;
			done += taken[r] == ROUNDS;
		}
		stop = done == VCPU_REQ_COUNT;
	}
	for (int r = 0; r < VCPU_REQ_COUNT; r++) {
		pthread_join(t[r], NULL);
		CHECK(made[r] == ROUNDS && taken[r] == ROUNDS);
	}
	CHECK(word == 0);
	return CHECK_DONE();
}
