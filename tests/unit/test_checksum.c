#include "check.h"
#include "checksum.h"

int main(void)
{
	/* Published FNV-1a 64 test vectors. */
	CHECK(fnv1a64("", 0) == 0xcbf29ce484222325ULL);
	CHECK(fnv1a64("a", 1) == 0xaf63dc4c8601ec8cULL);
	CHECK(fnv1a64("foobar", 6) == 0x85944171f73967e8ULL);
	CHECK(fnv1a64_more(fnv1a64("foo", 3), "bar", 3) == fnv1a64("foobar", 6));
	CHECK(fnv1a64_more(FNV1A64_INIT, "a", 1) == fnv1a64("a", 1));
	return CHECK_DONE();
}
