/* Control computation from capability MSRs (SDM Appendix A.3). */
#include "check.h"
#include "vmx_ctls.h"

int main(void)
{
	u32 out, missing;
	/* Bochs arrandale TRUE_PROCBASED_CTLS as printed on its serial console. */
	u64 proc = 0xf7f9fffe04006172ULL;

	CHECK(vmx_ctl_compute(proc, (1u << 28) | (1u << 31), 0, &out, &missing) == 0);
	CHECK(out == 0x94006172);
	CHECK(missing == 0);
	/* Monitor trap flag (bit 27) is optional and absent: left clear. */
	CHECK(vmx_ctl_compute(proc, 0, 1u << 27, &out, &missing) == 0);
	CHECK(!(out & (1u << 27)));
	/* Required and absent: fails and names the bit. */
	CHECK(vmx_ctl_compute(proc, 1u << 27, 0, &out, &missing) == -1);
	CHECK(missing == (1u << 27));
	/* Secondary controls of arrandale: EPT (1) and unrestricted guest (7) present. */
	CHECK(vmx_ctl_compute(0xff00000000ULL, 0x82, 0x20, &out, &missing) == 0);
	CHECK(out == 0xa2);
	return CHECK_DONE();
}
