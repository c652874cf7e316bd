/* CR0/CR4/EFER decisions under an unrestricted guest: masks, fixed bits,
 * the faults hardware would raise, EFER.LMA and the IA-32e control moving
 * together on CR0.PG changes only, and the PAE PDPTE condition. */
#include "fake_vmcs.h"
#include "cr_policy.h"

static struct vmx_caps caps;

static struct cr_state real_mode(void)
{
	return (struct cr_state){ .cr0 = cr0_real(&caps, 0x10), .cr0_shadow = 0x10,
				  .cr4 = cr4_real(&caps, 0), .cr4_shadow = 0 };
}

int main(void)
{
	struct cr_state s, before;

	westmere(&caps);
	/* Masks: PG always, the fixed NE, never PE; CR4: VMXE (SDM 26.3.1.1, A.7, A.8). */
	CHECK(cr0_guest_host_mask(&caps) == (CR0_PG | CR0_NE));
	CHECK(cr4_guest_host_mask(&caps) & CR4_VMXE);
	CHECK(!(cr4_guest_host_mask(&caps) & CR4_PAE));
	/* Real values keep the fixed bits; PE/PG follow the guest (unrestricted guest). */
	CHECK(cr0_real(&caps, 0) == CR0_NE);
	CHECK(cr0_real(&caps, CR0_PG | CR0_PE) == (CR0_PG | CR0_PE | CR0_NE));
	CHECK(cr4_real(&caps, 0) == CR4_VMXE);

	/* Faulting writes leave the state untouched. */
	s = real_mode();
	before = s;
	CHECK(cr0_write(&caps, &s, CR0_PG) == CR_INJECT_GP);		/* PG without PE */
	CHECK(cr0_write(&caps, &s, CR0_NW | CR0_PE) == CR_INJECT_GP);	/* NW without CD */
	CHECK(cr0_write(&caps, &s, 1ULL << 32) == CR_INJECT_GP);	/* reserved 63:32 */
	CHECK(cr4_write(&caps, &s, CR4_VMXE) == CR_INJECT_GP);		/* VMX is hidden */
	CHECK(cr4_write(&caps, &s, 1ULL << 25) == CR_INJECT_GP);	/* beyond CR4_FIXED1 */
	CHECK(efer_write(&s, 1ULL << 12, true) == CR_INJECT_GP);	/* reserved bit */
	CHECK(efer_write(&s, EFER_NXE, false) == CR_INJECT_GP);	/* no NX on this CPU */
	CHECK(memcmp(&s, &before, sizeof(s)) == 0);

	/* Long mode needs PAE first (SDM 9.8.5). */
	CHECK(efer_write(&s, EFER_LME, true) == CR_OK);
	CHECK(cr0_write(&caps, &s, CR0_PG | CR0_PE) == CR_INJECT_GP);
	CHECK(cr4_write(&caps, &s, CR4_PAE) == CR_OK && s.cr4_shadow == CR4_PAE);
	CHECK(!(s.cr4_shadow & CR4_VMXE) && (s.cr4 & CR4_VMXE));	/* hidden, but set */
	CHECK(cr0_write(&caps, &s, CR0_PG | CR0_PE) == CR_OK);
	CHECK(s.ia32e && (s.efer & EFER_LMA));
	/* In long mode: LME cannot change, PAE cannot go, LMA is read-only. */
	CHECK(efer_write(&s, 0, true) == CR_INJECT_GP);
	CHECK(cr4_write(&caps, &s, 0) == CR_INJECT_GP);
	CHECK(efer_write(&s, EFER_LME | EFER_SCE, true) == CR_OK && (s.efer & EFER_LMA));
	/* A CR0 write that keeps PG does not touch LMA or the control (XMHF64 bug 015). */
	CHECK(cr0_write(&caps, &s, CR0_PG | CR0_PE | CR0_WP) == CR_OK && s.ia32e);
	/* Paging off leaves IA-32e mode: LMA and the control clear together. */
	CHECK(cr0_write(&caps, &s, CR0_PE) == CR_OK);
	CHECK(!s.ia32e && !(s.efer & EFER_LMA) && (s.efer & EFER_LME));

	/* PAE paging outside IA-32e mode needs the PDPTEs (SDM 26.3.2.4). */
	s = real_mode();
	CHECK(!cr_uses_pae_pdptes(&s));
	CHECK(cr4_write(&caps, &s, CR4_PAE) == CR_OK);
	CHECK(cr0_write(&caps, &s, CR0_PG | CR0_PE) == CR_OK);
	CHECK(cr_uses_pae_pdptes(&s) && !s.ia32e);
	return CHECK_DONE();
}
