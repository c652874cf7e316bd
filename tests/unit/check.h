/* Minimal host unit-test helpers: each test program exits non-zero if any CHECK failed. */
#ifndef TESTS_CHECK_H
#define TESTS_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(expr)                                                              \
	do {                                                                     \
		check_count++;                                                   \
		if (!(expr)) {                                                   \
			check_failures++;                                        \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__,   \
				__LINE__, #expr);                                \
		}                                                                \
	} while (0)

#define CHECK_STR(a, b) CHECK(strcmp((a), (b)) == 0)

/* Call at the end of main(). */
#define CHECK_DONE()                                                             \
	(printf("%s: %d checks, %d failed\n", __FILE__, check_count,             \
		check_failures),                                                 \
	 check_failures ? 1 : 0)
#endif
