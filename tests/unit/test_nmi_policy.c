/* Guest NMI injection decisions (virtual NMIs, SDM 25.3, 26.3.1.5, 26.6). */
#include "check.h"
#include "nmi_policy.h"
#include "arch/vmx_controls.h"

int main(void)
{
	u32 exc = INTR_INFO_VALID | (INTR_TYPE_HW_EXCEPTION << INTR_INFO_TYPE_SHIFT) | 13;

	CHECK(nmi_decide(0, 0) == NMI_INJECT);
	CHECK(nmi_decide(INTR_BLOCK_NMI, 0) == NMI_WAIT_WINDOW);	/* in its NMI handler */
	CHECK(nmi_decide(INTR_BLOCK_MOV_SS, 0) == NMI_WAIT_WINDOW);
	CHECK(nmi_decide(0, exc) == NMI_WAIT_WINDOW);			/* one event per entry */
	CHECK(nmi_decide(INTR_BLOCK_STI, 0) == NMI_INJECT_CLEAR_STI);
	CHECK(nmi_decide(INTR_BLOCK_STI | INTR_BLOCK_NMI, 0) == NMI_WAIT_WINDOW);
	CHECK(nmi_decide(INTR_BLOCK_SMI, 0) == NMI_INJECT);
	CHECK(nmi_decide(0, exc & ~INTR_INFO_VALID) == NMI_INJECT);	/* field not valid */
	return CHECK_DONE();
}
