/* VMX instructions (SDM Vol. 3C 30.3). Each returns true on VMsucceed; on
 * VMfailInvalid (CF=1) or VMfailValid (ZF=1) it returns false (SDM 30.2).
 * The "na" flag output lets the caller branch on CF|ZF directly. */
#ifndef RUNTIME_VMX_INSN_H
#define RUNTIME_VMX_INSN_H
#include "types.h"

static inline bool vmxon(u64 phys)
{
	bool fail;
	asm volatile("vmxon %1" : "=@ccna"(fail) : "m"(phys) : "cc", "memory");
	return !fail;
}

static inline bool vmclear(u64 phys)
{
	bool fail;
	asm volatile("vmclear %1" : "=@ccna"(fail) : "m"(phys) : "cc", "memory");
	return !fail;
}

static inline bool vmptrld(u64 phys)
{
	bool fail;
	asm volatile("vmptrld %1" : "=@ccna"(fail) : "m"(phys) : "cc", "memory");
	return !fail;
}

static inline bool vmread_safe(u32 field, u64 *value)
{
	bool fail;
	asm volatile("vmread %2, %1" : "=@ccna"(fail), "=rm"(*value) : "r"((u64)field) : "cc");
	return !fail;
}

static inline bool vmwrite_raw(u32 field, u64 value)
{
	bool fail;
	asm volatile("vmwrite %2, %1" : "=@ccna"(fail) : "r"((u64)field), "rm"(value) : "cc");
	return !fail;
}

struct invept_desc { u64 eptp, reserved; };

static inline void invept(u64 type, u64 eptp)
{
	struct invept_desc d = { eptp, 0 };
	asm volatile("invept %0, %1" : : "m"(d), "r"(type) : "cc", "memory");
}

struct invvpid_desc { u64 vpid, linear; };

/* A failure here is a hypervisor bug (type checked against the capability MSR). */
static inline void invvpid(u64 type, u16 vpid)
{
	struct invvpid_desc d = { vpid, 0 };
	asm volatile("invvpid %0, %1" : : "m"(d), "r"(type) : "cc", "memory");
}

#endif
