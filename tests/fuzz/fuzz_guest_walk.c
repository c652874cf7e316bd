/* guest_linear_to_phys (xmhf/lib/guest_walk.c, SDM Vol. 3A 4.3-4.5) over a
 * fuzzed guest-physical memory image: the walker reads only aligned entries
 * inside the image through the callback, at most 4 per walk, never crashes,
 * and a translation keeps the page offset, stays below 4 GiB without PAE/IA-32e
 * and below 2^52 otherwise. Input: CR0, CR3, CR4, EFER, linear (u64 each),
 * then the memory image (guest-physical address 0 upwards). */
#include "fuzz.h"
#include "guest_walk.h"
#include "arch/cr.h"
#include "arch/msr.h"

struct image {
	const u8 *p;
	size_t n;
	unsigned reads;
	bool wide;	/* PAE or 4-level: 8-byte entries */
};

static bool read64(void *arg, u64 gpa, u64 *value)
{
	struct image *m = arg;

	m->reads++;
	FUZZ_ASSERT(gpa % (m->wide ? 8 : 4) == 0, "unaligned entry read at 0x%llx",
		    (unsigned long long)gpa);
	if (gpa >= m->n || m->n - gpa < 8)
		return false;
	memcpy(value, m->p + gpa, 8);
	return true;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct guest_paging p;
	struct image m;
	u64 linear, gpa = 0, gpa2 = 0;
	int rc, rc2;

	p.cr0 = fuzz_u64(&in);
	p.cr3 = fuzz_u64(&in);
	p.cr4 = fuzz_u64(&in);
	p.efer = fuzz_u64(&in);
	linear = fuzz_u64(&in);
	m = (struct image){ .p = in.p, .n = in.n,
			    .wide = (p.efer & EFER_LMA) || (p.cr4 & CR4_PAE) };
	p.read64 = read64;
	p.arg = &m;
	rc = guest_linear_to_phys(&p, linear, &gpa);
	FUZZ_ASSERT(rc == 0 || rc == -1, "rc %d", rc);
	FUZZ_ASSERT(m.reads <= 4, "%u entry reads", m.reads);
	if (rc == 0) {
		FUZZ_ASSERT((gpa & 0xfff) == (linear & 0xfff), "page offset changed");
		if (!(p.cr0 & CR0_PG) || !m.wide)
			FUZZ_ASSERT(gpa <= 0xffffffffULL, "32-bit walk gave 0x%llx",
				    (unsigned long long)gpa);
		else
			FUZZ_ASSERT(gpa < (1ULL << 52), "walk gave 0x%llx", (unsigned long long)gpa);
	}
	rc2 = guest_linear_to_phys(&p, linear, &gpa2);
	FUZZ_ASSERT(rc == rc2 && (rc || gpa == gpa2), "nondeterministic");
	return 0;
}
