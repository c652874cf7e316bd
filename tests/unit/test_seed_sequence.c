/* The seed bug end to end on the host: an AP starts from our Table 9-1 state
 * (guest_state.c), runs Linux's trampoline_64.S sequence through our CR/EFER
 * policy (cr_policy.c), and the VM entry after MOV CR0 (PG=1) is checked.
 * TR AR 0x8b passes at every step; 0x83 is caught by exactly the SDM
 * 26.3.1.2 rule at the entry into IA-32e mode, and not before. */
#include "fake_vmcs.h"
#include "guest_state.h"
#include "cr_policy.h"

static struct vmx_caps caps;

static void load(struct fake *f, const struct guest_start_state *s)
{
	for (unsigned i = 0; i < s->n; i++)
		set(f, s->f[i].field, s->f[i].value);
}

static unsigned check(struct fake *f, struct seen *seen)
{
	struct vmcs_view v = { fake_read, f };

	memset(seen, 0, sizeof(*seen));
	return vmcs_check_all(&v, &caps, collect, seen);
}

static void store(struct fake *f, const struct cr_state *s)
{
	set(f, VMCS_GUEST_CR0, s->cr0);
	set(f, VMCS_CR0_READ_SHADOW, s->cr0_shadow);
	set(f, VMCS_GUEST_CR4, s->cr4);
	set(f, VMCS_CR4_READ_SHADOW, s->cr4_shadow);
	set(f, VMCS_GUEST_IA32_EFER, s->efer);
	set(f, VMCS_ENTRY_CTLS, ENTRY0 | (s->ia32e ? ENTRY_CTLS_IA32E_MODE_GUEST : 0));
}

/* Runs the AP from SIPI to 64-bit mode with a given INIT TR access-rights value. */
static unsigned run_ap(u32 tr_ar, struct seen *seen, unsigned *before_pg)
{
	static struct fake f;
	struct guest_start_state s;
	struct cr_state cr;

	memset(&f, 0, sizeof(f));
	controls_and_host(&f);
	guest_state_init(&s, &caps, 0x206c2);
	guest_state_sipi(&s, 0x9a);
	load(&f, &s);
	set(&f, VMCS_GUEST_TR_AR, tr_ar);
	CHECK(s.rdx == 0x206c2);			/* EDX = CPU signature (Table 9-1) */
	CHECK(guest_state_get(&s, VMCS_CR0_READ_SHADOW) == 0x60000010);
	CHECK(guest_state_get(&s, VMCS_GUEST_CS_BASE) == 0x9a000);
	CHECK(guest_state_get(&s, VMCS_GUEST_IA32_EFER) == 0);	/* XMHF64 bug 001 */
	CHECK(check(&f, seen) == 0);			/* SIPI start: real mode is fine */

	cr = (struct cr_state){
		.cr0 = guest_state_get(&s, VMCS_GUEST_CR0),
		.cr0_shadow = guest_state_get(&s, VMCS_CR0_READ_SHADOW),
		.cr4 = guest_state_get(&s, VMCS_GUEST_CR4),
	};
	CHECK(cr0_write(&caps, &cr, 0x1) == CR_OK);	/* trampoline: CR0.PE */
	store(&f, &cr);
	seg(&f, VMCS_GUEST_CS_SELECTOR, 0x10, 0, 0xffffffff, AR_G | AR_DB | AR_CODE_XR_ACCESSED);
	seg(&f, VMCS_GUEST_DS_SELECTOR, 0x18, 0, 0xffffffff, AR_G | AR_DB | AR_DATA_RW_ACCESSED);
	seg(&f, VMCS_GUEST_ES_SELECTOR, 0x18, 0, 0xffffffff, AR_G | AR_DB | AR_DATA_RW_ACCESSED);
	seg(&f, VMCS_GUEST_SS_SELECTOR, 0x18, 0, 0xffffffff, AR_G | AR_DB | AR_DATA_RW_ACCESSED);
	set(&f, VMCS_GUEST_RIP, 0x9ae79);
	CHECK(cr4_write(&caps, &cr, CR4_PAE | CR4_PGE) == CR_OK);
	set(&f, VMCS_GUEST_CR3, 0x9c000);
	CHECK(efer_write(&cr, EFER_NXE | EFER_LME | EFER_SCE, true) == CR_OK);	/* 0x901 */
	store(&f, &cr);
	*before_pg = check(&f, seen);
	CHECK(cr0_write(&caps, &cr, 0x80010001) == CR_OK);	/* PG | WP | PE */
	CHECK(cr.ia32e && (cr.efer & EFER_LMA));		/* SDM 24.8.1, 26.3.1.1 */
	CHECK(cr.cr0_shadow == 0x80010001 && (cr.cr0 & CR0_NE));
	store(&f, &cr);
	return check(&f, seen);
}

int main(void)
{
	struct seen seen;
	unsigned before;

	westmere(&caps);
	CHECK(run_ap(AR_TSS_BUSY, &seen, &before) == 0);	/* 0x8b: the fix */
	CHECK(before == 0);
	if (seen.n)
		print_seen("TR 0x8b", &seen);

	CHECK(run_ap(0x83, &seen, &before) == 1);		/* the seed */
	CHECK(before == 0);	/* 16-bit busy TSS is valid until IA-32e mode */
	CHECK(seen_rule(&seen, "guest TR type invalid for IA-32e-mode guest", "SDM 26.3.1.2",
			VMCS_GUEST_TR_AR));
	CHECK(seen.v[0].value == 0x83);

	/* Boot-sector start (BSP): also valid, DL = boot drive, caches on. */
	static struct fake f;
	struct guest_start_state s;

	controls_and_host(&f);
	guest_state_init(&s, &caps, 0x206c2);
	guest_state_boot_sector(&s, &caps, 0x80);
	load(&f, &s);
	CHECK(check(&f, &seen) == 0);
	CHECK(s.rdx == 0x80);
	CHECK(guest_state_get(&s, VMCS_GUEST_RIP) == 0x7c00);
	CHECK(!(guest_state_get(&s, VMCS_CR0_READ_SHADOW) & (CR0_CD | CR0_NW)));
	return CHECK_DONE();
}
