/* Debug registers DR6 and DR7 (SDM Vol. 3B 17.2.3, 17.2.4). Plain bits:
 * usable from C and from GNU as. */
#ifndef ARCH_DEBUGREG_H
#define ARCH_DEBUGREG_H
#include "arch/bits.h"

/* DR6 (Figure 17-1): breakpoint-condition bits B0-B3, single step BS. */
#define DR6_B0 ARCH_BIT(0)
#define DR6_BS ARCH_BIT(14)
#define DR6_INIT 0xffff0ff0	/* value after reset; reserved bits read as 1 */

/* DR7 (Figure 17-1): local enable Ln, R/Wn and LENn fields per breakpoint. */
#define DR7_L(n) ARCH_BIT(2 * (n))
#define DR7_RW_SHIFT(n) (16 + 4 * (n))
#define DR7_LEN_SHIFT(n) (18 + 4 * (n))
#define DR7_RW_EXEC 0		/* R/Wn encodings (17.2.4) */
#define DR7_RW_WRITE 1
#define DR7_RW_IO 2
#define DR7_RW_ACCESS 3
#define DR7_LEN_1 0		/* LENn encodings (17.2.5) */
#define DR7_LEN_2 1
#define DR7_LEN_8 2
#define DR7_LEN_4 3
#define DR7_INIT 0x400		/* value after reset: bit 10 reads as 1 */

#endif
