/* I/O bitmaps (SDM 24.6.4, 25.1.3): the console UART's 8 ports and nothing else. */
#include "check.h"
#include "io_bitmap.h"

static u8 a[IO_BITMAP_SIZE], b[IO_BITMAP_SIZE];

int main(void)
{
	int set = 0;

	io_bitmap_intercept(a, b, 0x3f8, 8);
	CHECK(a[0x3f8 / 8] == 0xff);
	for (int i = 0; i < IO_BITMAP_SIZE; i++)
		set += __builtin_popcount(a[i]) + __builtin_popcount(b[i]);
	CHECK(set == 8);
	CHECK(io_bitmap_exits(a, b, 0x3f8, 1) && io_bitmap_exits(a, b, 0x3ff, 1));
	CHECK(!io_bitmap_exits(a, b, 0x3f7, 1) && !io_bitmap_exits(a, b, 0x400, 1));
	CHECK(io_bitmap_exits(a, b, 0x3f6, 4));		/* straddles into 0x3f8 */
	CHECK(!io_bitmap_exits(a, b, 0x3f4, 4));
	CHECK(!io_bitmap_exits(a, b, 0x60, 1) && !io_bitmap_exits(a, b, 0x61, 1));	/* PIT gate, 8042 */
	CHECK(io_bitmap_exits(a, b, 0xffff, 2));	/* wraps: always exits */
	CHECK(!io_bitmap_exits(a, b, 0xfffe, 2));
	/* Bitmap B from 0x8000, range clipped at 0xffff. */
	io_bitmap_intercept(a, b, 0xfffc, 8);
	CHECK(b[0xfff8 / 8 - 0x1000] == 0xf0 && io_bitmap_exits(a, b, 0xfffd, 1));
	io_bitmap_intercept(a, b, 0x7fff, 2);
	CHECK((a[IO_BITMAP_SIZE - 1] & 0x80) && (b[0] & 1));
	return CHECK_DONE();
}
