/* Bit constants usable from C and from GNU as (no ULL suffix there), so that
 * the assembly files take CR, EFER and paging bits from the same tables. */
#ifndef ARCH_BITS_H
#define ARCH_BITS_H

#ifdef __ASSEMBLER__
#define ARCH_BIT(n) (1 << (n))
#else
#define ARCH_BIT(n) (1ULL << (n))
#endif

#endif
