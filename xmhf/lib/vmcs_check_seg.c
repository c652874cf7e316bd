/* Guest segment-register checks (SDM 26.3.1.2): selectors, bases, limits and
 * access rights of CS, SS, DS, ES, FS, GS, TR and LDTR. "Usable" means access
 * rights bit 16 is clear; the rules for ES/SS/DS/FS/GS/LDTR apply only then,
 * those for CS and TR always. */
#include "vmcs_check_int.h"
#include "arch/vmx_controls.h"
#include "arch/segment.h"
#include "arch/cr.h"

enum { ES, CS, SS, DS, FS, GS, LDTR, TR, NSEG };

struct seg {
	u32 f_sel, f_base, f_limit, f_ar;
	u64 sel, base, limit, ar;
	bool usable;
};

static const u32 fields[NSEG][4] = {
	[ES] = { VMCS_GUEST_ES_SELECTOR, VMCS_GUEST_ES_BASE, VMCS_GUEST_ES_LIMIT, VMCS_GUEST_ES_AR },
	[CS] = { VMCS_GUEST_CS_SELECTOR, VMCS_GUEST_CS_BASE, VMCS_GUEST_CS_LIMIT, VMCS_GUEST_CS_AR },
	[SS] = { VMCS_GUEST_SS_SELECTOR, VMCS_GUEST_SS_BASE, VMCS_GUEST_SS_LIMIT, VMCS_GUEST_SS_AR },
	[DS] = { VMCS_GUEST_DS_SELECTOR, VMCS_GUEST_DS_BASE, VMCS_GUEST_DS_LIMIT, VMCS_GUEST_DS_AR },
	[FS] = { VMCS_GUEST_FS_SELECTOR, VMCS_GUEST_FS_BASE, VMCS_GUEST_FS_LIMIT, VMCS_GUEST_FS_AR },
	[GS] = { VMCS_GUEST_GS_SELECTOR, VMCS_GUEST_GS_BASE, VMCS_GUEST_GS_LIMIT, VMCS_GUEST_GS_AR },
	[LDTR] = { VMCS_GUEST_LDTR_SELECTOR, VMCS_GUEST_LDTR_BASE, VMCS_GUEST_LDTR_LIMIT, VMCS_GUEST_LDTR_AR },
	[TR] = { VMCS_GUEST_TR_SELECTOR, VMCS_GUEST_TR_BASE, VMCS_GUEST_TR_LIMIT, VMCS_GUEST_TR_AR },
};

/* P, reserved bits and the limit/G relation, common to every checked segment. */
static void ar_common(struct vmcs_ck *k, const struct seg *s)
{
	CC(k, !(s->ar & AR_P), s->f_ar, s->ar, "guest segment not present (P=0)");
	CC(k, s->ar & AR_RSVD_11_8, s->f_ar, s->ar, "guest segment access rights bits 11:8 not 0");
	CC(k, s->ar & AR_RSVD_31_17, s->f_ar, s->ar, "guest segment access rights bits 31:17 not 0");
	CC(k, (s->ar & AR_G) && (s->limit & 0xfff) != 0xfff, s->f_limit, s->limit,
	   "guest segment G=1 with limit bits 11:0 not all 1");
	CC(k, !(s->ar & AR_G) && (s->limit >> 20), s->f_limit, s->limit,
	   "guest segment G=0 with limit bits 31:20 not 0");
}

/* Virtual-8086 guest: CS, SS, DS, ES, FS, GS are real-mode style. */
static void check_v8086(struct vmcs_ck *k, const struct seg *sg)
{
	static const int regs[] = { ES, CS, SS, DS, FS, GS };

	for (unsigned i = 0; i < ARRAY_SIZE(regs); i++) {
		const struct seg *s = &sg[regs[i]];
		CC(k, s->base != s->sel << 4, s->f_base, s->base,
		   "virtual-8086 guest segment base not selector << 4");
		CC(k, s->limit != 0xffff, s->f_limit, s->limit, "virtual-8086 guest segment limit not FFFFH");
		CC(k, s->ar != AR_V8086, s->f_ar, s->ar, "virtual-8086 guest segment access rights not F3H");
	}
}

static void check_cs_ss(struct vmcs_ck *k, const struct seg *sg, u64 cr0, bool ug, bool ia32e)
{
	const struct seg *cs = &sg[CS], *ss = &sg[SS];
	u32 t = AR_TYPE(cs->ar), dpl = AR_DPL(cs->ar), ss_dpl = AR_DPL(ss->ar);
	bool code = t == SEG_TYPE_CODE_X_ACCESSED || t == SEG_TYPE_CODE_XR_ACCESSED ||
		    t == SEG_TYPE_CODE_XC_ACCESSED || t == SEG_TYPE_CODE_XRC_ACCESSED;

	CC(k, !code && !(ug && t == SEG_TYPE_DATA_RW_ACCESSED), cs->f_ar, cs->ar,
	   "guest CS type not accessed code (or 3 with unrestricted guest)");
	CC(k, !(cs->ar & AR_S), cs->f_ar, cs->ar, "guest CS/SS/DS/ES/FS/GS not code/data (S=0)");
	CC(k, t == SEG_TYPE_DATA_RW_ACCESSED && dpl != 0, cs->f_ar, cs->ar, "guest CS type 3 with DPL not 0");
	CC(k, (t == SEG_TYPE_CODE_X_ACCESSED || t == SEG_TYPE_CODE_XR_ACCESSED) && dpl != ss_dpl, cs->f_ar, cs->ar,
	   "guest non-conforming CS DPL differs from SS DPL");
	CC(k, (t == SEG_TYPE_CODE_XC_ACCESSED || t == SEG_TYPE_CODE_XRC_ACCESSED) && dpl > ss_dpl, cs->f_ar, cs->ar,
	   "guest conforming CS DPL above SS DPL");
	CC(k, ia32e && (cs->ar & AR_L) && (cs->ar & AR_DB), cs->f_ar, cs->ar,
	   "guest CS L and D/B both set in IA-32e mode");
	ar_common(k, cs);

	CC(k, !ug && (ss->sel & SEL_RPL_MASK) != (cs->sel & SEL_RPL_MASK), ss->f_sel, ss->sel,
	   "guest SS RPL differs from CS RPL");
	CC(k, !ug && ss_dpl != (ss->sel & SEL_RPL_MASK), ss->f_ar, ss->ar,
	   "guest SS DPL differs from SS RPL");
	CC(k, ss_dpl != 0 && (t == SEG_TYPE_DATA_RW_ACCESSED || !(cr0 & CR0_PE)), ss->f_ar, ss->ar,
	   "guest SS DPL not 0 with CS type 3 or CR0.PE clear");
	/* Bochs 2.7 skips the usable-SS checks when SS.RPL = 0 in 64-bit mode. */
	if (!ss->usable)
		return;
	t = AR_TYPE(ss->ar);
	CC(k, t != SEG_TYPE_DATA_RW_ACCESSED && t != SEG_TYPE_DATA_RW_DOWN_ACCESSED, ss->f_ar, ss->ar,
	   "guest SS type not 3 or 7");
	CC(k, !(ss->ar & AR_S), ss->f_ar, ss->ar, "guest CS/SS/DS/ES/FS/GS not code/data (S=0)");
	ar_common(k, ss);
}

static void check_data(struct vmcs_ck *k, const struct seg *s, bool ug)
{
	u32 t = AR_TYPE(s->ar);

	if (!s->usable)
		return;
	CC(k, !(t & SEG_TYPE_ACCESSED), s->f_ar, s->ar, "guest DS/ES/FS/GS type not accessed");
	CC(k, (t & SEG_TYPE_CODE) && !(t & SEG_TYPE_READABLE), s->f_ar, s->ar,
	   "guest DS/ES/FS/GS code segment not readable");
	CC(k, !(s->ar & AR_S), s->f_ar, s->ar, "guest CS/SS/DS/ES/FS/GS not code/data (S=0)");
	CC(k, !ug && t <= SEG_TYPE_CODE_XR_ACCESSED && AR_DPL(s->ar) < (s->sel & SEL_RPL_MASK), s->f_ar, s->ar,
	   "guest DS/ES/FS/GS DPL below RPL");
	ar_common(k, s);
}

static void check_tr_ldtr(struct vmcs_ck *k, const struct seg *tr, const struct seg *ldtr, bool ia32e)
{
	u32 t = AR_TYPE(tr->ar);

	CC(k, tr->sel & SEL_TI, tr->f_sel, tr->sel, "guest TR selector TI set");
	CC(k, !ia32e && t != SYS_TYPE_TSS16_BUSY && t != SYS_TYPE_TSS_BUSY, tr->f_ar, tr->ar,
	   "guest TR type not a busy TSS (3 or 11)");
	CC(k, ia32e && t != SYS_TYPE_TSS_BUSY, tr->f_ar, tr->ar,
	   "guest TR type invalid for IA-32e-mode guest");
	CC(k, tr->ar & AR_S, tr->f_ar, tr->ar, "guest TR/LDTR not a system segment (S=1)");
	CC(k, !tr->usable, tr->f_ar, tr->ar, "guest TR unusable");
	ar_common(k, tr);
	if (!ldtr->usable)
		return;
	CC(k, ldtr->sel & SEL_TI, ldtr->f_sel, ldtr->sel, "guest LDTR selector TI set");
	CC(k, AR_TYPE(ldtr->ar) != SYS_TYPE_LDT, ldtr->f_ar, ldtr->ar, "guest LDTR type not 2 (LDT)");
	CC(k, ldtr->ar & AR_S, ldtr->f_ar, ldtr->ar, "guest TR/LDTR not a system segment (S=1)");
	ar_common(k, ldtr);
}

/* Base-address rules apply in every mode. */
static void check_bases(struct vmcs_ck *k, const struct seg *sg)
{
	static const int canonical[] = { TR, FS, GS, LDTR };
	static const int low32[] = { CS, SS, DS, ES };

	for (unsigned i = 0; i < ARRAY_SIZE(canonical); i++) {
		const struct seg *s = &sg[canonical[i]];
		CC(k, (s->usable || canonical[i] != LDTR) && !vmcs_ck_canonical(k, s->base), s->f_base, s->base,
		   "guest TR/FS/GS/LDTR base not canonical");
	}
	for (unsigned i = 0; i < ARRAY_SIZE(low32); i++) {
		const struct seg *s = &sg[low32[i]];
		CC(k, (s->usable || low32[i] == CS) && (s->base >> 32), s->f_base, s->base,
		   "guest CS/SS/DS/ES base bits 63:32 not 0");
	}
}

void vmcs_ck_guest_segments(struct vmcs_ck *k)
{
	struct seg sg[NSEG];
	u64 cr0 = vmcs_ck_read(k, VMCS_GUEST_CR0);
	bool v8086 = vmcs_ck_read(k, VMCS_GUEST_RFLAGS) & RFLAGS_VM;
	bool ug = k->proc2 & PROC2_UNRESTRICTED_GUEST, ia32e = k->entry & ENTRY_CTLS_IA32E_MODE_GUEST;

	for (int i = 0; i < NSEG; i++) {
		struct seg *s = &sg[i];
		s->f_sel = fields[i][0];
		s->f_base = fields[i][1];
		s->f_limit = fields[i][2];
		s->f_ar = fields[i][3];
		s->sel = vmcs_ck_read(k, s->f_sel);
		s->base = vmcs_ck_read(k, s->f_base);
		s->limit = vmcs_ck_read(k, s->f_limit);
		s->ar = vmcs_ck_read(k, s->f_ar);
		s->usable = !(s->ar & AR_UNUSABLE);
	}
	k->sdm = "SDM 26.3.1.2";
	if (v8086) {
		check_v8086(k, sg);
	} else {
		check_cs_ss(k, sg, cr0, ug, ia32e);
		check_data(k, &sg[DS], ug);
		check_data(k, &sg[ES], ug);
		check_data(k, &sg[FS], ug);
		check_data(k, &sg[GS], ug);
	}
	check_tr_ldtr(k, &sg[TR], &sg[LDTR], ia32e);
	check_bases(k, sg);
}
