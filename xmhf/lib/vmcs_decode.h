/* Human-readable decoding of VMCS values for serial dumps and the log tools:
 * CR0/CR4/EFER bit names in the seed report's style ("[ PG WP NE ET PE ]") and
 * segment access rights (SDM 24.4.1 Table 24-2). */
#ifndef XMHF_LIB_VMCS_DECODE_H
#define XMHF_LIB_VMCS_DECODE_H
#include "types.h"

/* Writes the decoding of `value` for `field` into buf; returns 0 (buf = "")
 * for fields that have no decoding. */
int vmcs_decode(u32 field, u64 value, char *buf, size_t size);

int decode_cr0(u64 v, char *buf, size_t size);
int decode_cr4(u64 v, char *buf, size_t size);
int decode_efer(u64 v, char *buf, size_t size);
int decode_access_rights(u64 ar, char *buf, size_t size);

#endif
