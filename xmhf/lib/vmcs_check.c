/* VMCS checker core: control snapshot, reporting, address-format helpers. */
#include "vmcs_check_int.h"
#include "arch/vmx_controls.h"
#include "arch/msr.h"

void vmcs_ck_init(struct vmcs_ck *k, const struct vmcs_view *v, const struct vmx_caps *c,
		  vmcs_report_fn fn, void *arg)
{
	k->v = v;
	k->c = c;
	k->fn = fn;
	k->arg = arg;
	k->sdm = "";
	k->count = 0;
	k->pin = (u32)vmcs_ck_read(k, VMCS_PIN_BASED_CTLS);
	k->proc = (u32)vmcs_ck_read(k, VMCS_PROC_BASED_CTLS);
	/* The secondary controls act as 0 unless activated (SDM 24.6.2). */
	k->proc2 = (k->proc & PROC_CTLS_ACTIVATE_SECONDARY) ?
		(u32)vmcs_ck_read(k, VMCS_PROC_BASED_CTLS2) : 0;
	k->exit = (u32)vmcs_ck_read(k, VMCS_EXIT_CTLS);
	k->entry = (u32)vmcs_ck_read(k, VMCS_ENTRY_CTLS);
}

void vmcs_ck_report(struct vmcs_ck *k, const char *rule, u32 field, u64 value)
{
	struct vmcs_violation viol = { rule, k->sdm, field, value };

	k->count++;
	if (k->fn)
		k->fn(k->arg, &viol);
}

/* Bits 63:N-1 all equal, N = linear-address width (SDM Vol. 1 3.3.7.1); a
 * width of 0 or above 64 counts as not known. */
bool vmcs_ck_canonical(const struct vmcs_ck *k, u64 addr)
{
	unsigned bits = k->c->linear_bits && k->c->linear_bits <= 64 ? k->c->linear_bits : 48;
	u64 top = addr >> (bits - 1);

	return top == 0 || top == (~0ULL >> (bits - 1));
}

/* Any bit at or above MAXPHYADDR set (SDM 26.2.1: "beyond the processor's
 * physical-address width"); a width of 0 or 64+ counts as not known. */
bool vmx_caps_beyond_maxphyaddr(const struct vmx_caps *c, u64 addr)
{
	unsigned bits = c->maxphyaddr && c->maxphyaddr < 64 ? c->maxphyaddr : 52;

	return (addr >> bits) != 0;
}

bool vmcs_ck_beyond_maxphyaddr(const struct vmcs_ck *k, u64 addr)
{
	return vmx_caps_beyond_maxphyaddr(k->c, addr);
}

/* Every byte a memory type WRMSR accepts (SDM 11.12.2). */
bool vmcs_ck_pat_valid(u64 pat)
{
	for (unsigned i = 0; i < 8; i++) {
		u8 type = (u8)(pat >> (i * 8));
		if (type > 7 || !(PAT_MEMTYPE_VALID_MASK & (1u << type)))
			return false;
	}
	return true;
}

unsigned vmcs_check_all(const struct vmcs_view *v, const struct vmx_caps *c,
			vmcs_report_fn fn, void *arg)
{
	return vmcs_check_controls(v, c, fn, arg) + vmcs_check_host(v, c, fn, arg) +
	       vmcs_check_guest(v, c, fn, arg);
}
