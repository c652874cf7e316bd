/* A fake VMCS for host tests of the checker and of the code that builds
 * guest state: a field table read through struct vmcs_view, violation
 * collection, Westmere-like capabilities, and the controls and host state
 * our hypervisor writes. Included by one test program at a time. */
#ifndef TESTS_FAKE_VMCS_H
#define TESTS_FAKE_VMCS_H
#include "check.h"
#include "vmcs_check.h"
#include "vmcs_names.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/segment.h"
#include "arch/cr.h"
#include "arch/msr.h"

/* ---- fake VMCS ---- */

struct fake {
	struct { u32 field; u64 value; } e[160];
	unsigned n;
	unsigned missing;	/* reads of fields the fixture does not hold */
	u32 last_missing;
};

static inline u64 fake_read(const struct vmcs_view *v, u32 field)
{
	struct fake *f = v->ctx;

	for (unsigned i = 0; i < f->n; i++)
		if (f->e[i].field == field)
			return f->e[i].value;
	f->missing++;
	f->last_missing = field;
	return 0;
}

static inline void set(struct fake *f, u32 field, u64 value)
{
	for (unsigned i = 0; i < f->n; i++) {
		if (f->e[i].field == field) {
			f->e[i].value = value;
			return;
		}
	}
	if (f->n < ARRAY_SIZE(f->e)) {
		f->e[f->n].field = field;
		f->e[f->n++].value = value;
	}
}

static inline void unset(struct fake *f, u32 field)
{
	for (unsigned i = 0; i < f->n; i++)
		if (f->e[i].field == field)
			f->e[i] = f->e[--f->n];
}

/* ---- collected violations ---- */

struct seen {
	unsigned n;
	struct vmcs_violation v[64];
};

static inline void collect(void *arg, const struct vmcs_violation *v)
{
	struct seen *s = arg;

	if (s->n < ARRAY_SIZE(s->v))
		s->v[s->n] = *v;
	s->n++;
}

static inline bool seen_rule(const struct seen *s, const char *rule, const char *sdm, u32 field)
{
	for (unsigned i = 0; i < s->n && i < ARRAY_SIZE(s->v); i++)
		if (!strcmp(s->v[i].rule, rule) && !strcmp(s->v[i].sdm, sdm) && s->v[i].field == field)
			return true;
	return false;
}

static inline void print_seen(const char *name, const struct seen *s)
{
	fprintf(stderr, "  case \"%s\": %u violation(s)\n", name, s->n);
	for (unsigned i = 0; i < s->n && i < ARRAY_SIZE(s->v); i++)
		fprintf(stderr, "    %s [%s] %s = 0x%llx\n", s->v[i].rule, s->v[i].sdm,
			vmcs_field_name(s->v[i].field), (unsigned long long)s->v[i].value);
}

/* ---- Westmere-EP (Xeon X5650)-like capabilities, TRUE_* controls ---- */

static inline void westmere(struct vmx_caps *c)
{
	*c = (struct vmx_caps){
		.basic = 0x00da04000000000eULL,
		.pinbased = 0x0000007f00000016ULL,
		.procbased = 0xfff9fffe04006172ULL,
		.procbased2 = 0x000004ff00000000ULL,	/* vAPIC EPT desc RDTSCP x2APIC VPID WBINVD UG PLE */
		.exit = 0x007fffff00036dfbULL,
		.entry = 0x0000ffff000011fbULL,
		.misc = 0x00000000000401e5ULL,		/* HLT, shutdown, wait-for-SIPI; 4 CR3 targets */
		.cr0_fixed0 = 0x80000021ULL,
		.cr0_fixed1 = 0xffffffffULL,
		.cr4_fixed0 = 0x2000ULL,
		.cr4_fixed1 = 0x267ffULL,
		.ept_vpid = 0x00000f0106114141ULL,	/* walk 4, UC, WB, 2M, INVEPT; no A/D */
		.maxphyaddr = 40,
		.linear_bits = 48,
	};
}

#define PIN0 PIN_CTLS_DEFAULT1
#define PROC0 (0x04006172u | PROC_CTLS_USE_MSR_BITMAPS | PROC_CTLS_ACTIVATE_SECONDARY)
#define PROC2_0 (PROC2_ENABLE_EPT | PROC2_ENABLE_VPID | PROC2_UNRESTRICTED_GUEST)
#define EXIT0 (EXIT_CTLS_DEFAULT1 | EXIT_CTLS_HOST_ADDR_SPACE_SIZE | EXIT_CTLS_SAVE_PAT | EXIT_CTLS_LOAD_PAT | \
	       EXIT_CTLS_SAVE_EFER | EXIT_CTLS_LOAD_EFER)
#define ENTRY0 (ENTRY_CTLS_DEFAULT1 | ENTRY_CTLS_LOAD_PAT | ENTRY_CTLS_LOAD_EFER)
#define ENTRY64 (ENTRY0 | ENTRY_CTLS_IA32E_MODE_GUEST)
#define PAT0 0x0007040600070406ULL
#define EPTP0 (0x9000ULL | EPT_MEMTYPE_WB | EPTP_WALK_4)
#define INJ(type, vec) (INTR_INFO_VALID | ((type) << INTR_INFO_TYPE_SHIFT) | (vec))
#define NONCANON 0x0000800000000000ULL

static inline void seg(struct fake *f, u32 sel_field, u64 sel, u64 base, u64 limit, u64 ar)
{
	/* Guest segment fields are evenly spaced (SDM Appendix B). */
	u32 i = (sel_field - VMCS_GUEST_ES_SELECTOR) / 2;

	set(f, sel_field, sel);
	set(f, VMCS_GUEST_ES_BASE + 2 * i, base);
	set(f, VMCS_GUEST_ES_LIMIT + 2 * i, limit);
	set(f, VMCS_GUEST_ES_AR + 2 * i, ar);
}

/* What our hypervisor writes: controls and a 64-bit host. */
static inline void controls_and_host(struct fake *f)
{
	set(f, VMCS_PIN_BASED_CTLS, PIN0);
	set(f, VMCS_PROC_BASED_CTLS, PROC0);
	set(f, VMCS_PROC_BASED_CTLS2, PROC2_0);
	set(f, VMCS_EXIT_CTLS, EXIT0);
	set(f, VMCS_ENTRY_CTLS, ENTRY0);
	set(f, VMCS_CR3_TARGET_COUNT, 0);
	set(f, VMCS_MSR_BITMAP, 0x3000);
	set(f, VMCS_VPID, 1);
	set(f, VMCS_EPT_POINTER, EPTP0);
	set(f, VMCS_EXIT_MSR_STORE_COUNT, 0);
	set(f, VMCS_EXIT_MSR_LOAD_COUNT, 0);
	set(f, VMCS_ENTRY_MSR_LOAD_COUNT, 0);
	set(f, VMCS_ENTRY_INTR_INFO, 0);

	set(f, VMCS_HOST_CR0, CR0_PG | CR0_AM | CR0_WP | CR0_NE | CR0_ET | CR0_MP | CR0_PE);
	set(f, VMCS_HOST_CR3, 0x1000000);
	set(f, VMCS_HOST_CR4, CR4_VMXE | CR4_PGE | CR4_PAE);
	set(f, VMCS_HOST_ES_SELECTOR, 0x10);
	set(f, VMCS_HOST_CS_SELECTOR, 0x08);
	set(f, VMCS_HOST_SS_SELECTOR, 0x10);
	set(f, VMCS_HOST_DS_SELECTOR, 0x10);
	set(f, VMCS_HOST_FS_SELECTOR, 0);
	set(f, VMCS_HOST_GS_SELECTOR, 0);
	set(f, VMCS_HOST_TR_SELECTOR, 0x18);
	set(f, VMCS_HOST_FS_BASE, 0);
	set(f, VMCS_HOST_GS_BASE, 0xffffffff80300000ULL);
	set(f, VMCS_HOST_TR_BASE, 0xffffffff80100000ULL);
	set(f, VMCS_HOST_GDTR_BASE, 0xffffffff80101000ULL);
	set(f, VMCS_HOST_IDTR_BASE, 0xffffffff80102000ULL);
	set(f, VMCS_HOST_SYSENTER_ESP, 0);
	set(f, VMCS_HOST_SYSENTER_EIP, 0);
	set(f, VMCS_HOST_RIP, 0xffffffff80200000ULL);
	set(f, VMCS_HOST_IA32_PAT, PAT0);
	set(f, VMCS_HOST_IA32_EFER, EFER_LMA | EFER_LME | EFER_NXE | EFER_SCE);
}

static inline void guest_common(struct fake *f)
{
	set(f, VMCS_GUEST_DR7, 0x400);
	set(f, VMCS_GUEST_IA32_DEBUGCTL, 0);
	set(f, VMCS_GUEST_IA32_PAT, PAT0);
	set(f, VMCS_GUEST_SYSENTER_ESP, 0);
	set(f, VMCS_GUEST_SYSENTER_EIP, 0);
	set(f, VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_ACTIVE);
	set(f, VMCS_GUEST_INTERRUPTIBILITY, 0);
	set(f, VMCS_GUEST_PENDING_DBG_EXCEPTIONS, 0);
	set(f, VMCS_VMCS_LINK_POINTER, ~0ULL);
}

#endif
