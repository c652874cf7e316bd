/* The pre-entry VMCS checker (xmhf/lib/vmcs_check*.c, SDM 26.2, 26.3.1) over a
 * fuzzed fake VMCS and fuzzed capabilities: it must not crash, must read only
 * encodings of SDM Appendix B, must report the same violations on a second
 * run, and each report must name a rule, an SDM 26.x clause and a real field;
 * the return value is the number of reports. Input: the vmx_caps fields (11
 * u64, 2 u8), then one u64 per VMCS field in include/arch/vmcs_fields.h order
 * (missing values read as 0). */
#include "fuzz.h"
#include "vmcs_check.h"
#include "vmcs_names.h"
#include "arch/vmcs_fields.h"

#define AS_ENCODING(name, enc) enc,
static const u32 encodings[] = { VMCS_FIELD_TABLE(AS_ENCODING) };
#define NFIELDS ARRAY_SIZE(encodings)
#define MAX_SEEN 256

struct fake {
	u64 value[NFIELDS];
};

struct seen {
	unsigned n;
	struct vmcs_violation v[MAX_SEEN];
};

static int slot_of(u32 field)
{
	for (unsigned i = 0; i < NFIELDS; i++)
		if (encodings[i] == field)
			return (int)i;
	return -1;
}

static u64 fake_read(const struct vmcs_view *v, u32 field)
{
	struct fake *f = v->ctx;
	int slot = slot_of(field);

	FUZZ_ASSERT(slot >= 0, "read of unknown encoding 0x%x", field);
	return f->value[slot];
}

static void collect(void *arg, const struct vmcs_violation *v)
{
	struct seen *s = arg;

	FUZZ_ASSERT(v->rule && v->rule[0], "report without a rule");
	FUZZ_ASSERT(v->sdm && !strncmp(v->sdm, "SDM 26.", 7), "rule \"%s\" cites \"%s\"",
		    v->rule, v->sdm ? v->sdm : "(null)");
	FUZZ_ASSERT(slot_of(v->field) >= 0, "rule \"%s\" names encoding 0x%x", v->rule, v->field);
	if (s->n < MAX_SEEN)
		s->v[s->n] = *v;
	s->n++;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in = { data, size };
	static struct fake f;
	static struct seen a, b;
	struct vmcs_view view = { fake_read, &f };
	struct vmx_caps c;
	unsigned na, nb;

	c.basic = fuzz_u64(&in);
	c.pinbased = fuzz_u64(&in);
	c.procbased = fuzz_u64(&in);
	c.procbased2 = fuzz_u64(&in);
	c.exit = fuzz_u64(&in);
	c.entry = fuzz_u64(&in);
	c.misc = fuzz_u64(&in);
	c.cr0_fixed0 = fuzz_u64(&in);
	c.cr0_fixed1 = fuzz_u64(&in);
	c.cr4_fixed0 = fuzz_u64(&in);
	c.cr4_fixed1 = fuzz_u64(&in);
	c.ept_vpid = fuzz_u64(&in);
	c.maxphyaddr = fuzz_u8(&in);
	c.linear_bits = fuzz_u8(&in);
	for (unsigned i = 0; i < NFIELDS; i++)
		f.value[i] = fuzz_u64(&in);
	a.n = b.n = 0;
	na = vmcs_check_all(&view, &c, collect, &a);
	nb = vmcs_check_all(&view, &c, collect, &b);
	FUZZ_ASSERT(na == a.n, "returned %u, reported %u", na, a.n);
	FUZZ_ASSERT(na == nb && a.n == b.n, "second run: %u violations, first %u", nb, na);
	for (unsigned i = 0; i < a.n && i < MAX_SEEN; i++)
		FUZZ_ASSERT(!strcmp(a.v[i].rule, b.v[i].rule) && a.v[i].field == b.v[i].field &&
			    a.v[i].value == b.v[i].value, "report %u differs between runs", i);
	FUZZ_ASSERT(vmcs_check_all(&view, &c, NULL, NULL) == na, "count differs without a callback");
	return 0;
}
