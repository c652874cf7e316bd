/* printf-style formatting without floating point (C11 7.21.6.1 subset):
 * %d %i %u %x %X %o %c %s %p %% with flags - 0 # space +, width and precision
 * (digits or *), length modifiers hh h l ll z j t. */
#ifndef XMHF_LIB_FORMAT_H
#define XMHF_LIB_FORMAT_H
#include "types.h"

/* Feeds every output character to putc(arg, c); returns the number of
 * characters produced, or -1 if that exceeds INT_MAX.
 * Beyond C: %s of NULL prints "(null)"; %p prints like %#lx but always with
 * "0x" (also for NULL); an unknown conversion %y is printed as "%y"; %n is
 * not supported. */
int xvcprintf(void (*putc)(void *arg, char c), void *arg, const char *fmt, va_list ap);

/* C99 vsnprintf/snprintf: writes at most size-1 characters plus a NUL (when
 * size > 0) and returns the length the full output would have. */
int xvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int xsnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
