/* Guest CR0/CR4/EFER writes (xmhf/lib/cr_policy.c) from the reset state under
 * fuzzed fixed-bit capabilities. After every write: #GP leaves the state
 * untouched; CR_OK stores the guest's value in the shadow, forces the fixed
 * bits in the real register (SDM 26.3.1.1, Appendix A.7/A.8) and keeps
 * EFER.LMA == IA-32e mode == (CR0.PG && EFER.LME) (SDM 9.8.5, 24.8.1), with
 * CR4.PAE set whenever LMA is. Input: CR0/CR4 fixed0/fixed1 (u32 each), then
 * a sequence of u8 op + u64 value. */
#include "fuzz.h"
#include "cr_policy.h"
#include "arch/cr.h"
#include "arch/msr.h"

#define CR0_RESET 0x60000010ULL	/* SDM Vol. 3A Table 9-1: CD NW ET */

static void check_state(const struct vmx_caps *c, const struct cr_state *s)
{
	u64 f0 = c->cr0_fixed0 & ~(CR0_PE | CR0_PG);
	bool lma = s->efer & EFER_LMA;

	FUZZ_ASSERT(lma == s->ia32e, "EFER.LMA %d, IA-32e mode %d", lma, s->ia32e);
	FUZZ_ASSERT(lma == ((s->cr0 & CR0_PG) && (s->efer & EFER_LME)),
		    "LMA %d with CR0 0x%llx EFER 0x%llx", lma, (unsigned long long)s->cr0,
		    (unsigned long long)s->efer);
	FUZZ_ASSERT(!lma || (s->cr4 & CR4_PAE), "IA-32e mode without CR4.PAE");
	FUZZ_ASSERT((s->cr0 & f0) == f0, "CR0 0x%llx lacks fixed-1 bits",
		    (unsigned long long)s->cr0);
	FUZZ_ASSERT((s->cr0 & ~(c->cr0_fixed1 | CR0_PE | CR0_PG)) == 0,
		    "CR0 0x%llx has fixed-0 bits", (unsigned long long)s->cr0);
	FUZZ_ASSERT((s->cr4 & c->cr4_fixed0) == c->cr4_fixed0, "CR4 0x%llx lacks fixed-1 bits",
		    (unsigned long long)s->cr4);
	FUZZ_ASSERT((s->cr4 & ~c->cr4_fixed1) == 0, "CR4 0x%llx has fixed-0 bits",
		    (unsigned long long)s->cr4);
	FUZZ_ASSERT(!(s->cr0 & CR0_PG) || (s->cr0 & CR0_PE), "PG without PE");
	FUZZ_ASSERT(!(s->cr4_shadow & CR4_VMXE), "guest sees CR4.VMXE");
}

static bool same_state(const struct cr_state *a, const struct cr_state *b)
{
	return a->cr0 == b->cr0 && a->cr0_shadow == b->cr0_shadow && a->cr4 == b->cr4 &&
	       a->cr4_shadow == b->cr4_shadow && a->efer == b->efer && a->ia32e == b->ia32e;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct vmx_caps c = { 0 };
	struct cr_state s, before;

	c.cr0_fixed1 = fuzz_u32(&in) | CR0_PE | CR0_PG | CR0_CD | CR0_NW | CR0_ET;
	c.cr0_fixed0 = fuzz_u32(&in) & c.cr0_fixed1 & ~(CR0_CD | CR0_NW);
	c.cr4_fixed1 = fuzz_u32(&in) | CR4_PAE | CR4_VMXE;
	c.cr4_fixed0 = (fuzz_u32(&in) & c.cr4_fixed1 & ~CR4_PAE) | CR4_VMXE;
	s = (struct cr_state){ .cr0_shadow = CR0_RESET, .cr0 = cr0_real(&c, CR0_RESET),
			       .cr4 = cr4_real(&c, 0) };
	check_state(&c, &s);
	while (in.n) {
		u8 op = fuzz_u8(&in);
		u64 v = (op & 0x80) ? fuzz_u64(&in) : fuzz_u32(&in);
		enum cr_result r;

		before = s;
		switch (op % 3) {
		case 0:
			r = cr0_write(&c, &s, v);
			FUZZ_ASSERT(r != CR_OK || s.cr0_shadow == v, "CR0 shadow");
			break;
		case 1:
			r = cr4_write(&c, &s, v);
			FUZZ_ASSERT(r != CR_OK || s.cr4_shadow == v, "CR4 shadow");
			break;
		default:
			r = efer_write(&s, v, op & 0x40);
			FUZZ_ASSERT(r != CR_OK || (s.efer & ~EFER_LMA) == (v & ~EFER_LMA),
				    "EFER write 0x%llx gave 0x%llx", (unsigned long long)v,
				    (unsigned long long)s.efer);
			break;
		}
		FUZZ_ASSERT(r == CR_OK || r == CR_INJECT_GP, "result %d", r);
		if (r == CR_INJECT_GP)
			FUZZ_ASSERT(same_state(&s, &before), "#GP changed the state");
		check_state(&c, &s);
	}
	return 0;
}
