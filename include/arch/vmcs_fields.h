/* VMCS field encodings (SDM Vol. 3C Appendix B) and the encoding format (SDM 24.11.2).
 * VMCS_FIELD_TABLE(X) lists every field once as X(NAME, encoding); the enum
 * below names each VMCS_<NAME>. 64-bit fields are listed by their "full"
 * encoding; the "high" half is encoding | VMCS_ENC_ACCESS_HIGH. */
#ifndef ARCH_VMCS_FIELDS_H
#define ARCH_VMCS_FIELDS_H
#include "types.h"

#define VMCS_FIELD_TABLE(X)                                                   \
	/* B.1.1 16-bit control fields */                                     \
	X(VPID, 0x0000)                                                       \
	X(POSTED_INTR_NV, 0x0002)                                             \
	X(EPTP_INDEX, 0x0004)                                                 \
	X(HLAT_PREFIX_SIZE, 0x0006)                                           \
	X(LAST_PID_POINTER_INDEX, 0x0008)                                     \
	/* B.1.2 16-bit guest-state fields */                                 \
	X(GUEST_ES_SELECTOR, 0x0800)                                          \
	X(GUEST_CS_SELECTOR, 0x0802)                                          \
	X(GUEST_SS_SELECTOR, 0x0804)                                          \
	X(GUEST_DS_SELECTOR, 0x0806)                                          \
	X(GUEST_FS_SELECTOR, 0x0808)                                          \
	X(GUEST_GS_SELECTOR, 0x080a)                                          \
	X(GUEST_LDTR_SELECTOR, 0x080c)                                        \
	X(GUEST_TR_SELECTOR, 0x080e)                                          \
	X(GUEST_INTR_STATUS, 0x0810)                                          \
	X(GUEST_PML_INDEX, 0x0812)                                            \
	X(GUEST_UINV, 0x0814)                                                 \
	/* B.1.3 16-bit host-state fields */                                  \
	X(HOST_ES_SELECTOR, 0x0c00)                                           \
	X(HOST_CS_SELECTOR, 0x0c02)                                           \
	X(HOST_SS_SELECTOR, 0x0c04)                                           \
	X(HOST_DS_SELECTOR, 0x0c06)                                           \
	X(HOST_FS_SELECTOR, 0x0c08)                                           \
	X(HOST_GS_SELECTOR, 0x0c0a)                                           \
	X(HOST_TR_SELECTOR, 0x0c0c)                                           \
	/* B.2.1 64-bit control fields */                                     \
	X(IO_BITMAP_A, 0x2000)                                                \
	X(IO_BITMAP_B, 0x2002)                                                \
	X(MSR_BITMAP, 0x2004)                                                 \
	X(EXIT_MSR_STORE_ADDR, 0x2006)                                        \
	X(EXIT_MSR_LOAD_ADDR, 0x2008)                                         \
	X(ENTRY_MSR_LOAD_ADDR, 0x200a)                                        \
	X(EXECUTIVE_VMCS_POINTER, 0x200c)                                     \
	X(PML_ADDRESS, 0x200e)                                                \
	X(TSC_OFFSET, 0x2010)                                                 \
	X(VIRTUAL_APIC_ADDR, 0x2012)                                          \
	X(APIC_ACCESS_ADDR, 0x2014)                                           \
	X(POSTED_INTR_DESC_ADDR, 0x2016)                                      \
	X(VM_FUNCTION_CONTROLS, 0x2018)                                       \
	X(EPT_POINTER, 0x201a)                                                \
	X(EOI_EXIT_BITMAP0, 0x201c)                                           \
	X(EOI_EXIT_BITMAP1, 0x201e)                                           \
	X(EOI_EXIT_BITMAP2, 0x2020)                                           \
	X(EOI_EXIT_BITMAP3, 0x2022)                                           \
	X(EPTP_LIST_ADDR, 0x2024)                                             \
	X(VMREAD_BITMAP, 0x2026)                                              \
	X(VMWRITE_BITMAP, 0x2028)                                             \
	X(VE_INFO_ADDR, 0x202a)                                               \
	X(XSS_EXITING_BITMAP, 0x202c)                                         \
	X(ENCLS_EXITING_BITMAP, 0x202e)                                       \
	X(SPPT_POINTER, 0x2030)                                               \
	X(TSC_MULTIPLIER, 0x2032)                                             \
	X(PROC_BASED_CTLS3, 0x2034)                                           \
	X(ENCLV_EXITING_BITMAP, 0x2036)                                       \
	X(LOW_PASID_DIR_ADDR, 0x2038)                                         \
	X(HIGH_PASID_DIR_ADDR, 0x203a)                                        \
	X(SHARED_EPT_POINTER, 0x203c)                                         \
	X(PCONFIG_EXITING_BITMAP, 0x203e)                                     \
	X(HLAT_POINTER, 0x2040)                                               \
	X(PID_POINTER_TABLE_ADDR, 0x2042)                                     \
	X(EXIT_CTLS2, 0x2044)                                                 \
	/* B.2.2 64-bit read-only data field */                               \
	X(GUEST_PHYSICAL_ADDRESS, 0x2400)                                     \
	/* B.2.3 64-bit guest-state fields */                                 \
	X(VMCS_LINK_POINTER, 0x2800)                                          \
	X(GUEST_IA32_DEBUGCTL, 0x2802)                                        \
	X(GUEST_IA32_PAT, 0x2804)                                             \
	X(GUEST_IA32_EFER, 0x2806)                                            \
	X(GUEST_IA32_PERF_GLOBAL_CTRL, 0x2808)                                \
	X(GUEST_PDPTE0, 0x280a)                                               \
	X(GUEST_PDPTE1, 0x280c)                                               \
	X(GUEST_PDPTE2, 0x280e)                                               \
	X(GUEST_PDPTE3, 0x2810)                                               \
	X(GUEST_IA32_BNDCFGS, 0x2812)                                         \
	X(GUEST_IA32_RTIT_CTL, 0x2814)                                        \
	X(GUEST_IA32_LBR_CTL, 0x2816)                                         \
	X(GUEST_IA32_PKRS, 0x2818)                                            \
	/* B.2.4 64-bit host-state fields */                                  \
	X(HOST_IA32_PAT, 0x2c00)                                              \
	X(HOST_IA32_EFER, 0x2c02)                                             \
	X(HOST_IA32_PERF_GLOBAL_CTRL, 0x2c04)                                 \
	X(HOST_IA32_PKRS, 0x2c06)                                             \
	/* B.3.1 32-bit control fields */                                     \
	X(PIN_BASED_CTLS, 0x4000)                                             \
	X(PROC_BASED_CTLS, 0x4002)                                            \
	X(EXCEPTION_BITMAP, 0x4004)                                           \
	X(PF_ERRCODE_MASK, 0x4006)                                            \
	X(PF_ERRCODE_MATCH, 0x4008)                                           \
	X(CR3_TARGET_COUNT, 0x400a)                                           \
	X(EXIT_CTLS, 0x400c)                                                  \
	X(EXIT_MSR_STORE_COUNT, 0x400e)                                       \
	X(EXIT_MSR_LOAD_COUNT, 0x4010)                                        \
	X(ENTRY_CTLS, 0x4012)                                                 \
	X(ENTRY_MSR_LOAD_COUNT, 0x4014)                                       \
	X(ENTRY_INTR_INFO, 0x4016)                                            \
	X(ENTRY_EXCEPTION_ERRCODE, 0x4018)                                    \
	X(ENTRY_INSTR_LEN, 0x401a)                                            \
	X(TPR_THRESHOLD, 0x401c)                                              \
	X(PROC_BASED_CTLS2, 0x401e)                                           \
	X(PLE_GAP, 0x4020)                                                    \
	X(PLE_WINDOW, 0x4022)                                                 \
	X(INSTRUCTION_TIMEOUT, 0x4024)                                        \
	/* B.3.2 32-bit read-only data fields */                              \
	X(VM_INSTRUCTION_ERROR, 0x4400)                                       \
	X(EXIT_REASON, 0x4402)                                                \
	X(EXIT_INTR_INFO, 0x4404)                                             \
	X(EXIT_INTR_ERRCODE, 0x4406)                                          \
	X(IDT_VECTORING_INFO, 0x4408)                                         \
	X(IDT_VECTORING_ERRCODE, 0x440a)                                      \
	X(EXIT_INSTR_LEN, 0x440c)                                             \
	X(EXIT_INSTR_INFO, 0x440e)                                            \
	/* B.3.3 32-bit guest-state fields */                                 \
	X(GUEST_ES_LIMIT, 0x4800)                                             \
	X(GUEST_CS_LIMIT, 0x4802)                                             \
	X(GUEST_SS_LIMIT, 0x4804)                                             \
	X(GUEST_DS_LIMIT, 0x4806)                                             \
	X(GUEST_FS_LIMIT, 0x4808)                                             \
	X(GUEST_GS_LIMIT, 0x480a)                                             \
	X(GUEST_LDTR_LIMIT, 0x480c)                                           \
	X(GUEST_TR_LIMIT, 0x480e)                                             \
	X(GUEST_GDTR_LIMIT, 0x4810)                                           \
	X(GUEST_IDTR_LIMIT, 0x4812)                                           \
	X(GUEST_ES_AR, 0x4814)                                                \
	X(GUEST_CS_AR, 0x4816)                                                \
	X(GUEST_SS_AR, 0x4818)                                                \
	X(GUEST_DS_AR, 0x481a)                                                \
	X(GUEST_FS_AR, 0x481c)                                                \
	X(GUEST_GS_AR, 0x481e)                                                \
	X(GUEST_LDTR_AR, 0x4820)                                              \
	X(GUEST_TR_AR, 0x4822)                                                \
	X(GUEST_INTERRUPTIBILITY, 0x4824)                                     \
	X(GUEST_ACTIVITY_STATE, 0x4826)                                       \
	X(GUEST_SMBASE, 0x4828)                                               \
	X(GUEST_SYSENTER_CS, 0x482a)                                          \
	X(PREEMPTION_TIMER_VALUE, 0x482e)                                     \
	/* B.3.4 32-bit host-state field */                                   \
	X(HOST_SYSENTER_CS, 0x4c00)                                           \
	/* B.4.1 natural-width control fields */                              \
	X(CR0_GUEST_HOST_MASK, 0x6000)                                        \
	X(CR4_GUEST_HOST_MASK, 0x6002)                                        \
	X(CR0_READ_SHADOW, 0x6004)                                            \
	X(CR4_READ_SHADOW, 0x6006)                                            \
	X(CR3_TARGET_VALUE0, 0x6008)                                          \
	X(CR3_TARGET_VALUE1, 0x600a)                                          \
	X(CR3_TARGET_VALUE2, 0x600c)                                          \
	X(CR3_TARGET_VALUE3, 0x600e)                                          \
	/* B.4.2 natural-width read-only data fields */                       \
	X(EXIT_QUALIFICATION, 0x6400)                                         \
	X(IO_RCX, 0x6402)                                                     \
	X(IO_RSI, 0x6404)                                                     \
	X(IO_RDI, 0x6406)                                                     \
	X(IO_RIP, 0x6408)                                                     \
	X(GUEST_LINEAR_ADDRESS, 0x640a)                                       \
	/* B.4.3 natural-width guest-state fields */                          \
	X(GUEST_CR0, 0x6800)                                                  \
	X(GUEST_CR3, 0x6802)                                                  \
	X(GUEST_CR4, 0x6804)                                                  \
	X(GUEST_ES_BASE, 0x6806)                                              \
	X(GUEST_CS_BASE, 0x6808)                                              \
	X(GUEST_SS_BASE, 0x680a)                                              \
	X(GUEST_DS_BASE, 0x680c)                                              \
	X(GUEST_FS_BASE, 0x680e)                                              \
	X(GUEST_GS_BASE, 0x6810)                                              \
	X(GUEST_LDTR_BASE, 0x6812)                                            \
	X(GUEST_TR_BASE, 0x6814)                                              \
	X(GUEST_GDTR_BASE, 0x6816)                                            \
	X(GUEST_IDTR_BASE, 0x6818)                                            \
	X(GUEST_DR7, 0x681a)                                                  \
	X(GUEST_RSP, 0x681c)                                                  \
	X(GUEST_RIP, 0x681e)                                                  \
	X(GUEST_RFLAGS, 0x6820)                                               \
	X(GUEST_PENDING_DBG_EXCEPTIONS, 0x6822)                               \
	X(GUEST_SYSENTER_ESP, 0x6824)                                         \
	X(GUEST_SYSENTER_EIP, 0x6826)                                         \
	X(GUEST_S_CET, 0x6828)                                                \
	X(GUEST_SSP, 0x682a)                                                  \
	X(GUEST_INTR_SSP_TABLE_ADDR, 0x682c)                                  \
	/* B.4.4 natural-width host-state fields */                           \
	X(HOST_CR0, 0x6c00)                                                   \
	X(HOST_CR3, 0x6c02)                                                   \
	X(HOST_CR4, 0x6c04)                                                   \
	X(HOST_FS_BASE, 0x6c06)                                               \
	X(HOST_GS_BASE, 0x6c08)                                               \
	X(HOST_TR_BASE, 0x6c0a)                                               \
	X(HOST_GDTR_BASE, 0x6c0c)                                             \
	X(HOST_IDTR_BASE, 0x6c0e)                                             \
	X(HOST_SYSENTER_ESP, 0x6c10)                                          \
	X(HOST_SYSENTER_EIP, 0x6c12)                                          \
	X(HOST_RSP, 0x6c14)                                                   \
	X(HOST_RIP, 0x6c16)                                                   \
	X(HOST_S_CET, 0x6c18)                                                 \
	X(HOST_SSP, 0x6c1a)                                                   \
	X(HOST_INTR_SSP_TABLE_ADDR, 0x6c1c)

#define VMCS_FIELD_ENUM(name, enc) VMCS_##name = (enc),
enum vmcs_field { VMCS_FIELD_TABLE(VMCS_FIELD_ENUM) };
#undef VMCS_FIELD_ENUM

/* Encoding layout (SDM 24.11.2, Table 24-21). */
#define VMCS_ENC_ACCESS_HIGH (1u << 0)	/* upper 32 bits of a 64-bit field */
#define VMCS_ENC_INDEX(e) (((e) >> 1) & 0x1ffu)
#define VMCS_ENC_TYPE(e) (((e) >> 10) & 3u)
#define VMCS_ENC_WIDTH(e) (((e) >> 13) & 3u)
#define VMCS_ENC_RESERVED 0xffff9000u	/* bits 31:15 and 12 */

enum vmcs_field_type {
	VMCS_TYPE_CONTROL = 0,
	VMCS_TYPE_EXIT_INFO = 1,	/* read-only data */
	VMCS_TYPE_GUEST = 2,
	VMCS_TYPE_HOST = 3,
};

enum vmcs_field_width {
	VMCS_WIDTH_16 = 0,
	VMCS_WIDTH_64 = 1,
	VMCS_WIDTH_32 = 2,
	VMCS_WIDTH_NATURAL = 3,
};

/* Bits a VMREAD of this encoding returns (natural width is 64 on a 64-bit host). */
static inline unsigned vmcs_field_bits(u32 enc)
{
	switch (VMCS_ENC_WIDTH(enc)) {
	case VMCS_WIDTH_16:
		return 16;
	case VMCS_WIDTH_32:
		return 32;
	case VMCS_WIDTH_64:
		return (enc & VMCS_ENC_ACCESS_HIGH) ? 32 : 64;
	default:
		return 64;
	}
}

static inline bool vmcs_field_read_only(u32 enc)
{
	return VMCS_ENC_TYPE(enc) == VMCS_TYPE_EXIT_INFO;
}

#endif
