/* VM-exit reasons (SDM Vol. 3C Appendix C) and exit-qualification layouts (SDM 27.2.1). */
#ifndef ARCH_VMX_EXIT_REASONS_H
#define ARCH_VMX_EXIT_REASONS_H

/* Basic exit reasons, bits 15:0 of the exit-reason field (Table C-1). */
#define VMX_EXIT_REASON_TABLE(X)                                              \
	X(EXCEPTION_NMI, 0)                                                   \
	X(EXTERNAL_INTERRUPT, 1)                                              \
	X(TRIPLE_FAULT, 2)                                                    \
	X(INIT, 3)                                                            \
	X(SIPI, 4)                                                            \
	X(IO_SMI, 5)                                                          \
	X(OTHER_SMI, 6)                                                       \
	X(INTERRUPT_WINDOW, 7)                                                \
	X(NMI_WINDOW, 8)                                                      \
	X(TASK_SWITCH, 9)                                                     \
	X(CPUID, 10)                                                          \
	X(GETSEC, 11)                                                         \
	X(HLT, 12)                                                            \
	X(INVD, 13)                                                           \
	X(INVLPG, 14)                                                         \
	X(RDPMC, 15)                                                          \
	X(RDTSC, 16)                                                          \
	X(RSM, 17)                                                            \
	X(VMCALL, 18)                                                         \
	X(VMCLEAR, 19)                                                        \
	X(VMLAUNCH, 20)                                                       \
	X(VMPTRLD, 21)                                                        \
	X(VMPTRST, 22)                                                        \
	X(VMREAD, 23)                                                         \
	X(VMRESUME, 24)                                                       \
	X(VMWRITE, 25)                                                        \
	X(VMXOFF, 26)                                                         \
	X(VMXON, 27)                                                          \
	X(CR_ACCESS, 28)                                                      \
	X(DR_ACCESS, 29)                                                      \
	X(IO_INSTRUCTION, 30)                                                 \
	X(RDMSR, 31)                                                          \
	X(WRMSR, 32)                                                          \
	X(ENTRY_FAIL_GUEST_STATE, 33)                                         \
	X(ENTRY_FAIL_MSR_LOADING, 34)                                         \
	X(MWAIT, 36)                                                          \
	X(MONITOR_TRAP_FLAG, 37)                                              \
	X(MONITOR, 39)                                                        \
	X(PAUSE, 40)                                                          \
	X(ENTRY_FAIL_MACHINE_CHECK, 41)                                       \
	X(TPR_BELOW_THRESHOLD, 43)                                            \
	X(APIC_ACCESS, 44)                                                    \
	X(VIRTUALIZED_EOI, 45)                                                \
	X(GDTR_IDTR_ACCESS, 46)                                               \
	X(LDTR_TR_ACCESS, 47)                                                 \
	X(EPT_VIOLATION, 48)                                                  \
	X(EPT_MISCONFIG, 49)                                                  \
	X(INVEPT, 50)                                                         \
	X(RDTSCP, 51)                                                         \
	X(PREEMPTION_TIMER, 52)                                               \
	X(INVVPID, 53)                                                        \
	X(WBINVD, 54)                                                         \
	X(XSETBV, 55)                                                         \
	X(APIC_WRITE, 56)                                                     \
	X(RDRAND, 57)                                                         \
	X(INVPCID, 58)                                                        \
	X(VMFUNC, 59)                                                         \
	X(ENCLS, 60)                                                          \
	X(RDSEED, 61)                                                         \
	X(PML_FULL, 62)                                                       \
	X(XSAVES, 63)                                                         \
	X(XRSTORS, 64)                                                        \
	X(PCONFIG, 65)                                                        \
	X(SPP_EVENT, 66)                                                      \
	X(UMWAIT, 67)                                                         \
	X(TPAUSE, 68)                                                         \
	X(LOADIWKEY, 69)                                                      \
	X(ENCLV, 70)                                                          \
	X(ENQCMD_PASID_FAIL, 72)                                              \
	X(ENQCMDS_PASID_FAIL, 73)                                             \
	X(BUS_LOCK, 74)                                                       \
	X(INSTRUCTION_TIMEOUT, 75)                                            \
	X(SEAMCALL, 76)                                                       \
	X(TDCALL, 77)                                                         \
	X(RDMSRLIST, 78)                                                      \
	X(WRMSRLIST, 79)

#define VMX_EXIT_REASON_ENUM(name, nr) EXIT_REASON_##name = (nr),
enum vmx_exit_reason { VMX_EXIT_REASON_TABLE(VMX_EXIT_REASON_ENUM) };
#undef VMX_EXIT_REASON_ENUM

/* Exit-reason field (SDM 24.9.1, Table 24-17). */
#define EXIT_REASON_BASIC(r) ((r) & 0xffffu)
#define EXIT_REASON_ENCLAVE_MODE (1u << 27)
#define EXIT_REASON_PENDING_MTF (1u << 28)
#define EXIT_REASON_FROM_VMX_ROOT (1u << 29)
#define EXIT_REASON_ENTRY_FAILURE (1u << 31)

/* Exit qualification of a VM-entry failure during guest-state loading (SDM 26.8). */
#define ENTRY_FAIL_QUAL_PDPTE 2u		/* failure loading PDPTEs */
#define ENTRY_FAIL_QUAL_NMI_INJECTION 3u
#define ENTRY_FAIL_QUAL_LINK_POINTER 4u

/* Exit qualification for control-register accesses (SDM Table 27-3). */
#define CR_QUAL_CR(q) ((unsigned)((q) & 0xf))
#define CR_QUAL_ACCESS(q) ((unsigned)(((q) >> 4) & 3))
#define CR_ACCESS_MOV_TO_CR 0u
#define CR_ACCESS_MOV_FROM_CR 1u
#define CR_ACCESS_CLTS 2u
#define CR_ACCESS_LMSW 3u
#define CR_QUAL_LMSW_MEMORY (1u << 6)		/* LMSW operand: 0 register, 1 memory */
#define CR_QUAL_GPR(q) ((unsigned)(((q) >> 8) & 0xf))	/* 0 RAX ... 15 R15 */
#define CR_QUAL_LMSW_DATA(q) ((unsigned)(((q) >> 16) & 0xffff))

/* EPT-violation qualification (SDM Table 27-7). */
#define EPT_QUAL_READ (1u << 0)
#define EPT_QUAL_WRITE (1u << 1)
#define EPT_QUAL_FETCH (1u << 2)
#define EPT_QUAL_GLA_VALID (1u << 7)

/* Exit qualification for I/O instructions (SDM Table 27-5). */
#define IO_QUAL_SIZE(q) ((unsigned)((q) & 7) + 1)	/* bytes: 0 -> 1, 1 -> 2, 3 -> 4 */
#define IO_QUAL_IN (1u << 3)				/* 0 = OUT, 1 = IN */
#define IO_QUAL_STRING (1u << 4)
#define IO_QUAL_REP (1u << 5)
#define IO_QUAL_IMMEDIATE (1u << 6)			/* 0 = port in DX */
#define IO_QUAL_PORT(q) ((unsigned)(((q) >> 16) & 0xffff))

#endif
