#include "check.h"
#include "checksum.h"

int main(void)
{
	/* Published FNV-1a 64 test vectors. */
	CHECK(fnv1a64("", 0) == 0xcbf29ce484222325ULL);
	CHECK(fnv1a64("a", 1) == 0xaf63dc4c8601ec8cULL);
	CHECK(fnv1a64("foobar", 6) == 0x85944171f73967e8ULL);
	return CHECK_DONE();
}
