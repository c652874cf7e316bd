#include "io_bitmap.h"

#define PORT_BYTE(p) (((p) % IO_BITMAP_PORTS) / 8)
#define PORT_BIT(p) (1u << ((p) % 8))

void io_bitmap_intercept(u8 *a, u8 *b, u16 first, u32 count)
{
	for (u32 p = first; p < (u32)first + count && p <= 0xffff; p++)
		(p < IO_BITMAP_PORTS ? a : b)[PORT_BYTE(p)] |= (u8)PORT_BIT(p);
}

bool io_bitmap_exits(const u8 *a, const u8 *b, u16 port, unsigned size)
{
	for (u32 p = port; p < (u32)port + size; p++)
		if (p > 0xffff || ((p < IO_BITMAP_PORTS ? a : b)[PORT_BYTE(p)] & PORT_BIT(p)))
			return true;
	return false;
}
