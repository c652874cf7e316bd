/* acpi_dmar_parse_table (xmhf/lib/acpi_dmar.c) on a fuzzed DMAR table (the
 * input is the whole table, header included): the result is bounded and
 * consistent, a malformed table leaves one message, and parsing is
 * deterministic. The input is copied to an exact-size heap buffer, so ASan
 * catches any read past the table. */
#include "fuzz.h"
#include "acpi_dmar.h"

static struct dmar_info a, b;

static void check_scopes(const struct dmar_scope *s, u32 n)
{
	FUZZ_ASSERT(n <= DMAR_MAX_SCOPES, "%u scopes", n);
	for (u32 i = 0; i < n; i++)
		FUZZ_ASSERT(s[i].path_len <= DMAR_MAX_PATH, "path of %u hops", s[i].path_len);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	u8 *t = malloc(size ? size : 1);
	char err1[200], err2[200];
	int rc1, rc2;

	if (size > UINT32_MAX)
		size = UINT32_MAX;
	memcpy(t, data, size);
	memset(err1, 0x55, sizeof(err1));
	rc1 = acpi_dmar_parse_table(t, (u32)size, &a, err1, sizeof(err1));
	rc2 = acpi_dmar_parse_table(t, (u32)size, &b, err2, sizeof(err2));
	FUZZ_ASSERT(rc1 == 0 || rc1 == -1, "rc %d", rc1);
	FUZZ_ASSERT(fuzz_terminated(err1, sizeof(err1)), "err not terminated");
	FUZZ_ASSERT(rc1 == 0 ? err1[0] == '\0' : err1[0] != '\0', "rc %d with err \"%s\"", rc1,
		    err1);
	FUZZ_ASSERT(rc1 == rc2 && !memcmp(&a, &b, sizeof(a)) && !strcmp(err1, err2),
		    "two parses differ");
	FUZZ_ASSERT(a.unit_count <= DMAR_MAX_UNITS && a.rmrr_count <= DMAR_MAX_RMRRS,
		    "%u units, %u RMRRs", a.unit_count, a.rmrr_count);
	if (rc1 == 0) {
		FUZZ_ASSERT(size >= sizeof(struct acpi_dmar), "accepted %zu bytes", size);
		for (u32 i = 0; i < a.unit_count; i++) {
			FUZZ_ASSERT(a.unit[i].reg_base && !(a.unit[i].reg_base & 0xfff),
				    "unit base 0x%llx", (unsigned long long)a.unit[i].reg_base);
			check_scopes(a.unit[i].scope, a.unit[i].scope_count);
		}
		for (u32 i = 0; i < a.rmrr_count; i++) {
			const struct dmar_rmrr *r = &a.rmrr[i];

			FUZZ_ASSERT(r->base <= r->limit && !(r->base & 0xfff) &&
				    !((r->limit + 1) & 0xfff), "RMRR 0x%llx-0x%llx",
				    (unsigned long long)r->base, (unsigned long long)r->limit);
			check_scopes(r->scope, r->scope_count);
		}
	}
	free(t);
	return 0;
}
