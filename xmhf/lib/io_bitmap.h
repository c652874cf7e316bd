/* VMX I/O bitmaps (SDM 24.6.4): A covers ports 0-7FFF, B 8000-FFFF, one bit
 * per port; an IN/OUT exits if any port it touches has its bit set, and one
 * that wraps past FFFF always exits (SDM 25.1.3). */
#ifndef XMHF_LIB_IO_BITMAP_H
#define XMHF_LIB_IO_BITMAP_H
#include "types.h"

#define IO_BITMAP_SIZE 4096			/* bytes per bitmap */
#define IO_BITMAP_PORTS (IO_BITMAP_SIZE * 8)	/* ports per bitmap */

/* Sets the bits of ports first..first+count-1 in a (and b). */
void io_bitmap_intercept(u8 *a, u8 *b, u16 first, u32 count);
/* Whether an access of `size` bytes at `port` exits, as the CPU decides. */
bool io_bitmap_exits(const u8 *a, const u8 *b, u16 port, unsigned size);

#endif
