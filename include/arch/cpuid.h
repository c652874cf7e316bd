/* CPUID leaves and feature bits we test (SDM Vol. 2A, CPUID, Tables 3-8 to 3-10). */
#ifndef ARCH_CPUID_H
#define ARCH_CPUID_H
#include "types.h"

/* Output registers of CPUID. */
struct cpuid_regs { u32 eax, ebx, ecx, edx; };
/* A source of CPUID answers: the CPU itself, or a test fixture. */
typedef struct cpuid_regs (*cpuid_query_fn)(void *arg, u32 leaf, u32 subleaf);

#define CPUID_LEAF_FEATURES 1
#define CPUID_LEAF_EXT_FEATURES 7
#define CPUID_LEAF_PMU 0xa
#define CPUID_LEAF_XSAVE 0xd
#define CPUID_LEAF_PT 0x14
#define CPUID_LEAF_HYPERVISOR 0x40000000	/* 0x40000000-0x400000ff: the hypervisor's */
#define CPUID_LEAF_HYPERVISOR_LAST 0x400000ff
#define CPUID_LEAF_EXT_MAX 0x80000000
#define CPUID_LEAF_EXT_INFO 0x80000001
#define CPUID_LEAF_ADDR_SIZES 0x80000008

/* Leaf 1 ECX */
#define CPUID1_ECX_DTES64 (1u << 2)
#define CPUID1_ECX_DS_CPL (1u << 4)
#define CPUID1_ECX_VMX (1u << 5)
#define CPUID1_ECX_SMX (1u << 6)
#define CPUID1_ECX_PDCM (1u << 15)
#define CPUID1_ECX_PCID (1u << 17)
#define CPUID1_ECX_X2APIC (1u << 21)
#define CPUID1_ECX_XSAVE (1u << 26)
#define CPUID1_ECX_OSXSAVE (1u << 27)
#define CPUID1_ECX_AVX (1u << 28)
#define CPUID1_ECX_HYPERVISOR (1u << 31)
/* Leaf 1 EDX */
#define CPUID1_EDX_MTRR (1u << 12)
#define CPUID1_EDX_DS (1u << 21)
/* Leaf 1 EBX bits 31:24: initial APIC ID */
#define CPUID1_EBX_APIC_ID_SHIFT 24
/* Leaf 7 sub-leaf 0 EBX, ECX */
#define CPUID7_EBX_INVPCID (1u << 10)
#define CPUID7_EBX_PT (1u << 25)
#define CPUID7_ECX_PKU (1u << 3)
#define CPUID7_ECX_OSPKE (1u << 4)
#define CPUID7_ECX_WAITPKG (1u << 5)
/* Leaf 0xa EAX bits 7:0: architectural PMU version; 15:8 counters per CPU */
#define CPUIDA_EAX_VERSION(a) ((a) & 0xffu)
#define CPUIDA_EAX_GP_COUNTERS(a) (((a) >> 8) & 0xffu)
/* Leaf 0xa EDX bits 4:0: fixed-function counters (PMU version > 1) */
#define CPUIDA_EDX_FIXED_COUNTERS(d) ((d) & 0x1fu)
/* Leaf 0xd sub-leaf 1 EAX */
#define CPUIDD1_EAX_XSAVES (1u << 3)
/* Leaf 0x80000001 EDX */
#define CPUID80000001_EDX_NX (1u << 20)
#define CPUID80000001_EDX_RDTSCP (1u << 27)
#define CPUID80000001_EDX_LM (1u << 29)
/* Leaf 0x80000008 EAX bits 7:0: physical-address width (MAXPHYADDR) */
#define CPUID80000008_EAX_MAXPHYADDR(a) ((a) & 0xffu)

#endif
