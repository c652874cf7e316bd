/* Decodings printed in dumps, in the seed report's style. */
#include "check.h"
#include "vmcs_decode.h"
#include "arch/vmcs_fields.h"

int main(void)
{
	char b[160];

	decode_cr0(0x80010031, b, sizeof(b));
	CHECK_STR(b, "[ PG WP NE ET PE ]");
	decode_cr0(0, b, sizeof(b));
	CHECK_STR(b, "[ ]");
	decode_efer(0x901, b, sizeof(b));
	CHECK_STR(b, "[ NXE LME SCE ]");
	decode_cr4(0x2020, b, sizeof(b));
	CHECK_STR(b, "[ VMXE PAE ]");
	decode_access_rights(0x83, b, sizeof(b));
	CHECK_STR(b, "[ type=3 S=system dpl=0 P ]");
	decode_access_rights(0x8b, b, sizeof(b));
	CHECK_STR(b, "[ type=11 S=system dpl=0 P ]");
	decode_access_rights(0xa09b, b, sizeof(b));
	CHECK_STR(b, "[ type=11 S=code/data dpl=0 P L G ]");
	decode_access_rights(0x10082, b, sizeof(b));
	CHECK_STR(b, "[ unusable type=2 ]");
	CHECK(vmcs_decode(VMCS_GUEST_TR_AR, 0x8b, b, sizeof(b)) > 0);
	CHECK(vmcs_decode(VMCS_GUEST_RIP, 0x7c00, b, sizeof(b)) == 0 && b[0] == 0);
	/* Truncation is safe. */
	CHECK(decode_cr0(0xffffffff, b, 8) > 7 && strlen(b) == 7);
	return CHECK_DONE();
}
