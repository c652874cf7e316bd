/* VMX control bits, capability-MSR fields, EPT formats and guest non-register state
 * (SDM Vol. 3C 24.4.2, 24.6-24.8, 28.2, Appendix A). */
#ifndef ARCH_VMX_CONTROLS_H
#define ARCH_VMX_CONTROLS_H
#include "types.h"

/* Pin-based VM-execution controls (SDM 24.6.1, Table 24-5). */
#define PIN_CTLS_EXT_INTR_EXITING (1u << 0)
#define PIN_CTLS_NMI_EXITING (1u << 3)
#define PIN_CTLS_VIRTUAL_NMIS (1u << 5)
#define PIN_CTLS_PREEMPTION_TIMER (1u << 6)
#define PIN_CTLS_POSTED_INTR (1u << 7)
#define PIN_CTLS_DEFAULT1 0x00000016u		/* SDM A.3.1 */

/* Primary processor-based VM-execution controls (SDM 24.6.2, Table 24-6). */
#define PROC_CTLS_INTR_WINDOW_EXITING (1u << 2)
#define PROC_CTLS_USE_TSC_OFFSETTING (1u << 3)
#define PROC_CTLS_HLT_EXITING (1u << 7)
#define PROC_CTLS_INVLPG_EXITING (1u << 9)
#define PROC_CTLS_MWAIT_EXITING (1u << 10)
#define PROC_CTLS_RDPMC_EXITING (1u << 11)
#define PROC_CTLS_RDTSC_EXITING (1u << 12)
#define PROC_CTLS_CR3_LOAD_EXITING (1u << 15)
#define PROC_CTLS_CR3_STORE_EXITING (1u << 16)
#define PROC_CTLS_ACTIVATE_TERTIARY (1u << 17)
#define PROC_CTLS_CR8_LOAD_EXITING (1u << 19)
#define PROC_CTLS_CR8_STORE_EXITING (1u << 20)
#define PROC_CTLS_USE_TPR_SHADOW (1u << 21)
#define PROC_CTLS_NMI_WINDOW_EXITING (1u << 22)
#define PROC_CTLS_MOV_DR_EXITING (1u << 23)
#define PROC_CTLS_UNCOND_IO_EXITING (1u << 24)
#define PROC_CTLS_USE_IO_BITMAPS (1u << 25)
#define PROC_CTLS_MONITOR_TRAP_FLAG (1u << 27)
#define PROC_CTLS_USE_MSR_BITMAPS (1u << 28)
#define PROC_CTLS_MONITOR_EXITING (1u << 29)
#define PROC_CTLS_PAUSE_EXITING (1u << 30)
#define PROC_CTLS_ACTIVATE_SECONDARY (1u << 31)
#define PROC_CTLS_DEFAULT1 0x0401e172u		/* SDM A.3.2 */

/* Secondary processor-based VM-execution controls (SDM 24.6.2, Table 24-7). */
#define PROC2_VIRTUALIZE_APIC_ACCESSES (1u << 0)
#define PROC2_ENABLE_EPT (1u << 1)
#define PROC2_DESC_TABLE_EXITING (1u << 2)
#define PROC2_ENABLE_RDTSCP (1u << 3)
#define PROC2_VIRTUALIZE_X2APIC (1u << 4)
#define PROC2_ENABLE_VPID (1u << 5)
#define PROC2_WBINVD_EXITING (1u << 6)
#define PROC2_UNRESTRICTED_GUEST (1u << 7)
#define PROC2_APIC_REGISTER_VIRT (1u << 8)
#define PROC2_VIRTUAL_INTR_DELIVERY (1u << 9)
#define PROC2_PAUSE_LOOP_EXITING (1u << 10)
#define PROC2_RDRAND_EXITING (1u << 11)
#define PROC2_ENABLE_INVPCID (1u << 12)
#define PROC2_ENABLE_VMFUNC (1u << 13)
#define PROC2_VMCS_SHADOWING (1u << 14)
#define PROC2_ENCLS_EXITING (1u << 15)
#define PROC2_RDSEED_EXITING (1u << 16)
#define PROC2_ENABLE_PML (1u << 17)
#define PROC2_EPT_VIOLATION_VE (1u << 18)
#define PROC2_CONCEAL_VMX_FROM_PT (1u << 19)
#define PROC2_ENABLE_XSAVES (1u << 20)
#define PROC2_PASID_TRANSLATION (1u << 21)
#define PROC2_MODE_BASED_EPT_EXEC (1u << 22)
#define PROC2_SUBPAGE_WRITE_PERM (1u << 23)
#define PROC2_PT_USES_GPA (1u << 24)
#define PROC2_TSC_SCALING (1u << 25)
#define PROC2_USER_WAIT_PAUSE (1u << 26)
#define PROC2_ENABLE_PCONFIG (1u << 27)
#define PROC2_ENCLV_EXITING (1u << 28)
#define PROC2_BUS_LOCK_DETECTION (1u << 30)
#define PROC2_INSTRUCTION_TIMEOUT (1u << 31)

/* Primary VM-exit controls (SDM 24.7.1, Table 24-13). */
#define EXIT_CTLS_SAVE_DEBUG_CTLS (1u << 2)
#define EXIT_CTLS_HOST_ADDR_SPACE_SIZE (1u << 9)
#define EXIT_CTLS_LOAD_PERF_GLOBAL_CTRL (1u << 12)
#define EXIT_CTLS_ACK_INTR_ON_EXIT (1u << 15)
#define EXIT_CTLS_SAVE_PAT (1u << 18)
#define EXIT_CTLS_LOAD_PAT (1u << 19)
#define EXIT_CTLS_SAVE_EFER (1u << 20)
#define EXIT_CTLS_LOAD_EFER (1u << 21)
#define EXIT_CTLS_SAVE_PREEMPTION_TIMER (1u << 22)
#define EXIT_CTLS_CLEAR_BNDCFGS (1u << 23)
#define EXIT_CTLS_CONCEAL_VMX_FROM_PT (1u << 24)
#define EXIT_CTLS_CLEAR_RTIT_CTL (1u << 25)
#define EXIT_CTLS_CLEAR_LBR_CTL (1u << 26)
#define EXIT_CTLS_CLEAR_UINV (1u << 27)
#define EXIT_CTLS_LOAD_CET_STATE (1u << 28)
#define EXIT_CTLS_LOAD_PKRS (1u << 29)
#define EXIT_CTLS_SAVE_PERF_GLOBAL_CTRL (1u << 30)
#define EXIT_CTLS_ACTIVATE_SECONDARY (1u << 31)
#define EXIT_CTLS_DEFAULT1 0x00036dffu		/* SDM A.4.1 */

/* VM-entry controls (SDM 24.8.1, Table 24-15). */
#define ENTRY_CTLS_LOAD_DEBUG_CTLS (1u << 2)
#define ENTRY_CTLS_IA32E_MODE_GUEST (1u << 9)
#define ENTRY_CTLS_ENTRY_TO_SMM (1u << 10)
#define ENTRY_CTLS_DEACTIVATE_DUAL_MONITOR (1u << 11)
#define ENTRY_CTLS_LOAD_PERF_GLOBAL_CTRL (1u << 13)
#define ENTRY_CTLS_LOAD_PAT (1u << 14)
#define ENTRY_CTLS_LOAD_EFER (1u << 15)
#define ENTRY_CTLS_LOAD_BNDCFGS (1u << 16)
#define ENTRY_CTLS_CONCEAL_VMX_FROM_PT (1u << 17)
#define ENTRY_CTLS_LOAD_RTIT_CTL (1u << 18)
#define ENTRY_CTLS_LOAD_UINV (1u << 19)
#define ENTRY_CTLS_LOAD_CET_STATE (1u << 20)
#define ENTRY_CTLS_LOAD_LBR_CTL (1u << 21)
#define ENTRY_CTLS_LOAD_PKRS (1u << 22)
#define ENTRY_CTLS_DEFAULT1 0x000011ffu		/* SDM A.5 */

/* Control capability MSRs: bits 31:0 allowed-0 (1 = must be 1), bits 63:32
 * allowed-1 (0 = must be 0) (SDM A.3-A.5). */
#define VMX_CAP_MUST_BE_1(cap) ((u32)(cap))
#define VMX_CAP_MAY_BE_1(cap) ((u32)((cap) >> 32))

/* IA32_VMX_BASIC (SDM A.1). */
#define VMX_BASIC_REVISION(b) ((u32)(b) & 0x7fffffffu)
#define VMX_BASIC_REGION_SIZE(b) ((u32)((b) >> 32) & 0x1fffu)
#define VMX_BASIC_ADDR_32BIT BIT(48)
#define VMX_BASIC_DUAL_MONITOR BIT(49)
#define VMX_BASIC_MEMTYPE(b) ((u32)((b) >> 50) & 0xfu)
#define VMX_BASIC_INS_OUTS_INFO BIT(54)
#define VMX_BASIC_TRUE_CTLS BIT(55)
#define VMX_BASIC_NO_ERRCODE_CHECK BIT(56)	/* any hardware exception may inject with or without error code */

/* IA32_VMX_MISC (SDM A.6). */
#define VMX_MISC_PREEMPT_TSC_SHIFT(m) ((u32)(m) & 0x1fu)
#define VMX_MISC_STORES_LMA BIT(5)
#define VMX_MISC_ACT_HLT BIT(6)
#define VMX_MISC_ACT_SHUTDOWN BIT(7)
#define VMX_MISC_ACT_WAIT_SIPI BIT(8)
#define VMX_MISC_PT_IN_VMX BIT(14)
#define VMX_MISC_RDMSR_SMBASE BIT(15)
#define VMX_MISC_CR3_TARGETS(m) ((u32)((m) >> 16) & 0x1ffu)
#define VMX_MISC_MAX_MSR_LIST(m) (512u * (((u32)((m) >> 25) & 7u) + 1u))
#define VMX_MISC_SMM_MONITOR_CTL_B2 BIT(28)
#define VMX_MISC_VMWRITE_ANY BIT(29)
#define VMX_MISC_INJECT_ILEN0 BIT(30)		/* software events may inject with instruction length 0 */
#define VMX_MISC_MSEG_REVISION(m) ((u32)((m) >> 32))

/* IA32_VMX_EPT_VPID_CAP (SDM A.10). */
#define VMX_EPT_EXEC_ONLY BIT(0)
#define VMX_EPT_WALK_4 BIT(6)
#define VMX_EPT_WALK_5 BIT(7)
#define VMX_EPT_MEMTYPE_UC BIT(8)
#define VMX_EPT_MEMTYPE_WB BIT(14)
#define VMX_EPT_2MB_PAGES BIT(16)
#define VMX_EPT_1GB_PAGES BIT(17)
#define VMX_EPT_INVEPT BIT(20)
#define VMX_EPT_AD_FLAGS BIT(21)
#define VMX_EPT_ADV_EXIT_INFO BIT(22)
#define VMX_EPT_SSS_CTL BIT(23)			/* supervisor shadow-stack control */
#define VMX_EPT_INVEPT_SINGLE BIT(25)
#define VMX_EPT_INVEPT_ALL BIT(26)
/* INVEPT types (SDM 30.3 INVEPT). */
#define INVEPT_SINGLE_CONTEXT 1
#define INVEPT_ALL_CONTEXT 2
#define VMX_VPID_INVVPID BIT(32)
#define VMX_VPID_INVVPID_ADDR BIT(40)
#define VMX_VPID_INVVPID_SINGLE BIT(41)
#define VMX_VPID_INVVPID_ALL BIT(42)
#define VMX_VPID_INVVPID_SINGLE_NG BIT(43)
/* INVVPID types (SDM 30.3 INVVPID). */
#define INVVPID_ADDRESS 0
#define INVVPID_SINGLE_CONTEXT 1
#define INVVPID_ALL_CONTEXT 2

/* EPT memory types (SDM 28.2.7, same encoding as PAT/MTRR). */
#define EPT_MEMTYPE_UC 0u
#define EPT_MEMTYPE_WB 6u

/* EPT pointer (SDM 24.6.11, Table 24-9). */
#define EPTP_MEMTYPE(p) ((u32)(p) & 7u)
#define EPTP_WALK_LEN_SHIFT 3
#define EPTP_WALK_LEN(p) ((((u32)(p) >> EPTP_WALK_LEN_SHIFT) & 7u) + 1u)
#define EPTP_WALK_4 (3ULL << EPTP_WALK_LEN_SHIFT)
#define EPTP_WALK_5 (4ULL << EPTP_WALK_LEN_SHIFT)
#define EPTP_AD_ENABLE BIT(6)
#define EPTP_SSS_ENABLE BIT(7)
#define EPTP_RSVD_11_8 0xf00ULL

/* EPT paging-structure entries (SDM 28.2.2, Tables 28-1 to 28-6). */
#define EPT_READ BIT(0)
#define EPT_WRITE BIT(1)
#define EPT_EXEC BIT(2)
#define EPT_RWX (EPT_READ | EPT_WRITE | EPT_EXEC)
#define EPT_MEMTYPE_SHIFT 3			/* leaf entries: bits 5:3 */
#define EPT_MEMTYPE_MASK (7ULL << EPT_MEMTYPE_SHIFT)
#define EPT_IGNORE_PAT BIT(6)
#define EPT_LARGE_PAGE BIT(7)
#define EPT_ACCESSED BIT(8)
#define EPT_DIRTY BIT(9)
#define EPT_USER_EXEC BIT(10)
#define EPT_SUPPRESS_VE BIT(63)
#define EPT_ADDR_MASK 0x000ffffffffff000ULL

/* Guest interruptibility state (SDM 24.4.2, Table 24-3). */
#define INTR_BLOCK_STI (1u << 0)
#define INTR_BLOCK_MOV_SS (1u << 1)
#define INTR_BLOCK_SMI (1u << 2)
#define INTR_BLOCK_NMI (1u << 3)
#define INTR_ENCLAVE_INTERRUPTION (1u << 4)
#define INTR_STATE_RSVD 0xffffffe0u

/* Guest activity state (SDM 24.4.2). */
#define ACTIVITY_ACTIVE 0u
#define ACTIVITY_HLT 1u
#define ACTIVITY_SHUTDOWN 2u
#define ACTIVITY_WAIT_SIPI 3u

/* Guest pending debug exceptions (SDM 24.4.2, Table 24-4). */
#define PENDING_DBG_B0_B3 0xfULL
#define PENDING_DBG_ENABLED_BP BIT(12)
#define PENDING_DBG_BS BIT(14)
#define PENDING_DBG_RTM BIT(16)
#define PENDING_DBG_RSVD 0xfffffffffffeaff0ULL	/* 63:17, 15, 13, 11:4 */

/* VM-entry/exit interruption information (SDM 24.8.3 Table 24-16, 24.9.2). */
#define INTR_INFO_VECTOR(i) ((u32)(i) & 0xffu)
#define INTR_INFO_TYPE_SHIFT 8
#define INTR_INFO_TYPE(i) (((u32)(i) >> INTR_INFO_TYPE_SHIFT) & 7u)
#define INTR_INFO_DELIVER_ERRCODE (1u << 11)
#define INTR_INFO_NMI_UNBLOCKING (1u << 12)	/* exit information only */
#define INTR_INFO_RSVD_30_12 0x7ffff000u	/* VM-entry field */
#define INTR_INFO_VALID (1u << 31)
#define INTR_TYPE_EXT_INTR 0u
#define INTR_TYPE_RESERVED 1u
#define INTR_TYPE_NMI 2u
#define INTR_TYPE_HW_EXCEPTION 3u
#define INTR_TYPE_SW_INTR 4u
#define INTR_TYPE_PRIV_SW_EXCEPTION 5u
#define INTR_TYPE_SW_EXCEPTION 6u
#define INTR_TYPE_OTHER_EVENT 7u		/* vector 0: pending MTF VM exit */

#endif
