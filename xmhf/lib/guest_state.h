/* The guest-state area values a vCPU starts with. One function follows SDM
 * Table 9-1 ("IA-32 and Intel 64 Processor States Following Power-up, Reset,
 * or INIT"); the BSP's boot-sector start and an AP's SIPI start are small edits
 * of it, so every start path shares it. */
#ifndef XMHF_LIB_GUEST_STATE_H
#define XMHF_LIB_GUEST_STATE_H
#include "types.h"
#include "vmcs_check.h"

#define GUEST_STATE_MAX 64

struct vmcs_field_value {
	u32 field;
	u64 value;
};

struct guest_start_state {
	struct vmcs_field_value f[GUEST_STATE_MAX];
	unsigned n;
	u64 rdx;		/* the only general register that is not 0 after INIT */
};

/* Table 9-1 after INIT, as written to the VMCS of an unrestricted guest: CR0 as
 * the guest sees it is 0x60000010 (the read shadow); GUEST_CR0 adds the bits
 * IA32_VMX_CR0_FIXED0 forces. EDX = CPU signature (CPUID.1:EAX). */
void guest_state_init(struct guest_start_state *s, const struct vmx_caps *c, u32 cpu_signature);

/* SIPI with vector V: real mode at CS.selector = V << 8, CS.base = V << 12,
 * IP = 0 (SDM 8.4.4.1, 10.6.1). Apply after guest_state_init(). */
void guest_state_sipi(struct guest_start_state *s, u8 vector);

/* What a PC BIOS leaves when it jumps to a boot sector: CS:IP = 0:7C00,
 * DL = boot drive, SS:SP = 0:7C00, caches enabled (CR0.CD = CR0.NW = 0). */
void guest_state_boot_sector(struct guest_start_state *s, const struct vmx_caps *c, u8 drive);

/* Set or replace one field's value. */
void guest_state_set(struct guest_start_state *s, u32 field, u64 value);
u64 guest_state_get(const struct guest_start_state *s, u32 field);

#endif
