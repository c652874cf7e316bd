/* xvcprintf/xvsnprintf/xsnprintf against the host C library's vsnprintf. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "format.h"

/* Formats with both implementations into 256-byte buffers and compares. */
static void vsame(int line, const char *fmt, va_list ap)
{
	char got[256], want[256];
	va_list aq;
	int rg, rw;

	va_copy(aq, ap);
	rg = xvsnprintf(got, sizeof(got), fmt, ap);
	rw = vsnprintf(want, sizeof(want), fmt, aq);
	va_end(aq);
	CHECK(rg == rw);
	CHECK_STR(got, want);
	if (rg != rw || strcmp(got, want))
		fprintf(stderr, "  line %d: format \"%s\": got \"%s\" (%d), want \"%s\" (%d)\n",
			line, fmt, got, rg, want, rw);
}

/* Format strings the compiler checks against the arguments. */
__attribute__((format(printf, 2, 3))) static void same(int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsame(line, fmt, ap);
	va_end(ap);
}

/* Valid formats whose flag combinations the compiler warns about (a flag
 * that C says is ignored), or that are built at run time. */
static void same_unchecked(int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsame(line, fmt, ap);
	va_end(ap);
}

static int fmt_unchecked(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = xvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

#define SAME(...) same(__LINE__, __VA_ARGS__)
#define SAME_UNCHECKED(...) same_unchecked(__LINE__, __VA_ARGS__)

static void test_integers(void)
{
	SAME("%d %d %d %d %d", 0, 42, -42, INT_MAX, INT_MIN);
	SAME("%i|%u|%u", -7, 0u, UINT_MAX);
	SAME("%x %X %o %o", 0xdeadbeefu, 0xdeadbeefu, 8u, 0u);
	SAME("[%5d] [%-5d] [%05d] [%+d] [% d] [%+d] [% d]", 42, 42, -42, 5, 5, -5, -5);
	SAME("[%.3d] [%.0d] [%5.0d] [%.0x] [%#.0o] [%#o] [%#o]", 7, 0, 0, 0u, 0u, 0u, 8u);
	SAME("[%#x] [%#x] [%#X] [%#08x] [%#-8x] [%#5.3x]", 0u, 255u, 255u, 255u, 255u, 1u);
	SAME("[%*d] [%*d] [%.*d] [%.*d] [%*.*d]", 6, 42, -6, 42, 4, 42, -1, 42, 8, 3, -5);
	SAME("[%hhd] [%hhu] [%hhx] [%hd] [%hu]", 300, -1, 0x1ff, 70000, 70000);
	SAME("[%ld] [%lu] [%lx] [%lo]", LONG_MIN, ULONG_MAX, ULONG_MAX, ULONG_MAX);
	SAME("[%lld] [%lld] [%llu] [%llX] [%#llo]", LLONG_MIN, LLONG_MAX, ULLONG_MAX, ULLONG_MAX,
	     ULLONG_MAX);
	SAME("[%zu] [%zx] [%zd]", SIZE_MAX, (size_t)0x1234, (ptrdiff_t)-9);
	SAME("[%jd] [%ju] [%jx]", INTMAX_MIN, UINTMAX_MAX, (uintmax_t)0xabc);
	SAME("[%td] [%tx] [%tu]", (ptrdiff_t)-5, (ptrdiff_t)0x7f, (ptrdiff_t)77);
	SAME("[%20.15lld] [%-+20lld] [%020lld]", -123456789LL, 99LL, LLONG_MIN);
	/* Flags C says are ignored: '0' with '-' or with a precision, ' ' with '+'. */
	SAME_UNCHECKED("[%-05d] [%08.3d] [%+ d] [% +d] [%0-8x]", 42, 42, 7, 7, 0xabu);
}

static void test_chars_and_strings(void)
{
	SAME("[%c] [%5c] [%-5c] [%c]", 'A', 'b', 'c', 0x41);
	SAME("[%s] [%10s] [%-10s] [%.3s] [%10.3s] [%.*s] [%.0s] [%s]", "hello", "hello", "hello",
	     "hello", "hello", 2, "hello", "hello", "");
	SAME("[%*s] [%-*s]", 7, "ab", 7, "ab");
	SAME("%%|a%%b|100%% %d", 3);
	SAME("plain text with no conversions");
	SAME("%s=%#llx (%d%%) %c", "cr3", 0x1234000ULL, 50, '!');
}

/* glibc prints non-NULL pointers as %#lx, which is also what we do. */
static void test_pointers(void)
{
	char buf[64];

	SAME("[%p] [%20p] [%-20p]", (void *)0x1234, (void *)0xffff8000deadbeefULL, (void *)0x1);
	CHECK(xsnprintf(buf, sizeof(buf), "%p", (void *)0) == 3);
	CHECK_STR(buf, "0x0");
	CHECK(fmt_unchecked(buf, sizeof(buf), "[%s]", (const char *)NULL) == 8);
	CHECK_STR(buf, "[(null)]");
}

/* Every flag subset x width x precision x conversion x value, built at run time. */
static void test_combinations(void)
{
	static const char *const flags = "-0#+ ";
	static const char *const widths[] = { "", "1", "9" };
	static const char *const precs[] = { "", ".0", ".1", ".5" };
	static const char convs[] = "diuxXo";
	static const long long vals[] = { 0, 1, -1, 42, INT_MIN, INT_MAX, LLONG_MIN, LLONG_MAX };

	for (unsigned set = 0; set < 32; set++) {
		char fl[6];
		int nf = 0;

		for (int b = 0; b < 5; b++)
			if (set & (1u << b))
				fl[nf++] = flags[b];
		fl[nf] = '\0';
		for (size_t w = 0; w < ARRAY_SIZE(widths); w++)
			for (size_t p = 0; p < ARRAY_SIZE(precs); p++)
				for (const char *c = convs; *c; c++) {
					char fmt[32];
					bool is_signed = *c == 'd' || *c == 'i';

					/* '#' with d, i, u is undefined behaviour in C. */
					if ((set & 4) && (is_signed || *c == 'u'))
						continue;
					for (size_t v = 0; v < ARRAY_SIZE(vals); v++) {
						snprintf(fmt, sizeof(fmt), "[%%%s%s%sll%c]", fl,
							 widths[w], precs[p], *c);
						if (is_signed)
							SAME_UNCHECKED(fmt, vals[v]);
						else
							SAME_UNCHECKED(fmt, (unsigned long long)vals[v]);
						snprintf(fmt, sizeof(fmt), "[%%%s%s%s%c]", fl,
							 widths[w], precs[p], *c);
						if (is_signed)
							SAME_UNCHECKED(fmt, (int)vals[v]);
						else
							SAME_UNCHECKED(fmt, (unsigned)vals[v]);
					}
				}
	}
}

static void test_truncation(void)
{
	char buf[16];

	memset(buf, 'z', sizeof(buf));
	CHECK(xsnprintf(buf, 5, "hello %s", "world") == 11);
	CHECK_STR(buf, "hell");
	CHECK(buf[5] == 'z');
	CHECK(xsnprintf(NULL, 0, "%d-%s", 1234, "abc") == 8);
	memset(buf, 'z', sizeof(buf));
	CHECK(xsnprintf(buf, 1, "abc") == 3);
	CHECK(buf[0] == '\0' && buf[1] == 'z');
	CHECK(xsnprintf(buf, 4, "abc") == 3);
	CHECK_STR(buf, "abc");
	/* Width far beyond the buffer still counts every character. */
	CHECK(xsnprintf(buf, sizeof(buf), "%1000d", 1) == 1000);
	CHECK(strlen(buf) == sizeof(buf) - 1);
}

static void test_unknown_conversion(void)
{
	char buf[32];

	CHECK(fmt_unchecked(buf, sizeof(buf), "a%yb%", 0) == 5);
	CHECK_STR(buf, "a%yb%");
}

struct collect {
	char buf[64];
	size_t n;
};

static void collect_putc(void *arg, char c)
{
	struct collect *col = arg;

	if (col->n < sizeof(col->buf) - 1)
		col->buf[col->n++] = c;
}

__attribute__((format(printf, 2, 3))) static int cprintf(struct collect *col, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = xvcprintf(collect_putc, col, fmt, ap);
	va_end(ap);
	return n;
}

static void test_callback(void)
{
	struct collect col = { .n = 0 };

	CHECK(cprintf(&col, "cpu %u: %s 0x%04x", 3u, "up", 0xbeu) == 16);
	col.buf[col.n] = '\0';
	CHECK_STR(col.buf, "cpu 3: up 0x00be");
	CHECK(col.n == 16);
}

int main(void)
{
	test_integers();
	test_chars_and_strings();
	test_pointers();
	test_combinations();
	test_truncation();
	test_unknown_conversion();
	test_callback();
	return CHECK_DONE();
}
