/* Per-vCPU requests: work for a vCPU that any CPU or handler may ask for,
 * consumed in one place before each VM entry (runtime/vcpu_requests.c), in
 * the ACRN vcpu_make_request / acrn_handle_pending_request style. One word,
 * changed only atomically; a request made from another CPU is followed by a
 * kick (an NMI) so that a vCPU in the guest exits and sees it. */
#ifndef XMHF_LIB_VCPU_REQUEST_H
#define XMHF_LIB_VCPU_REQUEST_H
#include "types.h"

enum vcpu_request {
	VCPU_REQ_INIT,		/* emulated INIT: back to the INIT state, wait for SIPI */
	VCPU_REQ_NMI,		/* a guest NMI to deliver */
	VCPU_REQ_TLB_FLUSH,	/* INVVPID of this vCPU's translations */
	VCPU_REQ_EPT_FLUSH,	/* INVEPT: the EPT tables changed on another CPU */
	VCPU_REQ_VMCS_CHECK,	/* guest state changed: run the VM-entry checker */
	VCPU_REQ_COUNT,
};

static inline void vcpu_make_request(u32 *requests, enum vcpu_request r)
{
	__atomic_fetch_or(requests, 1u << r, __ATOMIC_RELEASE);
}

/* True (and the request cleared) if r was pending. */
static inline bool vcpu_take_request(u32 *requests, enum vcpu_request r)
{
	return __atomic_fetch_and(requests, ~(1u << r), __ATOMIC_ACQ_REL) & (1u << r);
}

static inline bool vcpu_has_request(const u32 *requests, enum vcpu_request r)
{
	return __atomic_load_n(requests, __ATOMIC_ACQUIRE) & (1u << r);
}

#endif
