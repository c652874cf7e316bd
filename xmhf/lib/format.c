/* One formatter (xvcprintf) that writes through a callback; the buffer
 * variants are a callback that fills memory. Semantics follow C11 7.21.6.1. */
#include <limits.h>
#include "format.h"

#define FL_LEFT 1u	/* '-': pad on the right */
#define FL_ZERO 2u	/* '0': pad numbers with zeros */
#define FL_ALT 4u	/* '#': 0x prefix, leading octal 0 */
#define FL_SPACE 8u	/* ' ': space before non-negative signed numbers */
#define FL_PLUS 16u	/* '+': sign before non-negative signed numbers */
#define FL_PTR 32u	/* %p: 0x prefix even for zero */

enum length { LEN_INT, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T };

struct spec {
	unsigned flags;
	int width;
	int prec;	/* -1: no precision given */
	enum length len;
};

struct out {
	void (*putc)(void *arg, char c);
	void *arg;
	size_t count;
};

static void emit(struct out *o, char c)
{
	o->putc(o->arg, c);
	o->count++;
}

static void emit_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		emit(o, c);
}

/* [spaces] prefix [zeros] body [spaces], padded to the field width. */
static void emit_field(struct out *o, const struct spec *sp, const char *prefix, int plen,
		       int zeros, const char *body, int blen)
{
	int pad = sp->width - plen - zeros - blen;

	if (!(sp->flags & FL_LEFT))
		emit_repeat(o, ' ', pad);
	for (int i = 0; i < plen; i++)
		emit(o, prefix[i]);
	emit_repeat(o, '0', zeros);
	for (int i = 0; i < blen; i++)
		emit(o, body[i]);
	if (sp->flags & FL_LEFT)
		emit_repeat(o, ' ', pad);
}

static void emit_number(struct out *o, const struct spec *sp, unsigned long long v,
			unsigned base, bool upper, char sign)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[24];	/* 2^64 needs 22 octal digits */
	char *p = digits + sizeof(digits);
	char prefix[3];
	int plen = 0, n, zeros;

	if (sign)
		prefix[plen++] = sign;
	if (base == 16 && ((sp->flags & FL_PTR) || ((sp->flags & FL_ALT) && v))) {
		prefix[plen++] = '0';
		prefix[plen++] = upper ? 'X' : 'x';
	}
	/* A zero value with precision 0 has no digits. */
	if (v || sp->prec != 0) {
		do {
			*--p = set[v % base];
			v /= base;
		} while (v);
	}
	n = (int)(digits + sizeof(digits) - p);
	zeros = sp->prec > n ? sp->prec - n : 0;
	/* '#' with o: raise the precision so the first digit is 0. */
	if ((sp->flags & FL_ALT) && base == 8 && zeros == 0 && (n == 0 || *p != '0'))
		zeros = 1;
	/* '0' pads with zeros unless '-' or a precision is given. */
	if ((sp->flags & FL_ZERO) && !(sp->flags & FL_LEFT) && sp->prec < 0 &&
	    sp->width > plen + zeros + n)
		zeros = sp->width - plen - n;
	emit_field(o, sp, prefix, plen, zeros, p, n);
}

static long long arg_signed(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
		return va_arg(*ap, long long);
	case LEN_Z:
		return (ptrdiff_t)va_arg(*ap, size_t);	/* the signed type of size_t's width */
	case LEN_J:
		return va_arg(*ap, intmax_t);
	case LEN_T:
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

static unsigned long long arg_unsigned(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
		return va_arg(*ap, unsigned long long);
	case LEN_Z:
		return va_arg(*ap, size_t);
	case LEN_J:
		return va_arg(*ap, uintmax_t);
	case LEN_T:
		return (size_t)va_arg(*ap, ptrdiff_t);	/* the unsigned type of ptrdiff_t's width */
	default:
		return va_arg(*ap, unsigned int);
	}
}

static int parse_decimal(const char **fmt)
{
	int v = 0;

	while (**fmt >= '0' && **fmt <= '9') {
		if (v <= (INT_MAX - 9) / 10)
			v = v * 10 + (**fmt - '0');
		(*fmt)++;
	}
	return v;
}

/* Parses flags, width, precision and length after '%'; leaves *fmt at the
 * conversion character. */
static void parse_spec(const char **fmt, va_list *ap, struct spec *sp)
{
	const char *f = *fmt;

	sp->flags = 0;
	for (;; f++) {
		if (*f == '-')
			sp->flags |= FL_LEFT;
		else if (*f == '0')
			sp->flags |= FL_ZERO;
		else if (*f == '#')
			sp->flags |= FL_ALT;
		else if (*f == ' ')
			sp->flags |= FL_SPACE;
		else if (*f == '+')
			sp->flags |= FL_PLUS;
		else
			break;
	}
	sp->width = 0;
	if (*f == '*') {
		int w = va_arg(*ap, int);

		f++;
		/* A negative '*' width is a '-' flag and a positive width. */
		if (w < 0) {
			sp->flags |= FL_LEFT;
			w = w == INT_MIN ? INT_MAX : -w;
		}
		sp->width = w;
	} else {
		sp->width = parse_decimal(&f);
	}
	sp->prec = -1;
	if (*f == '.') {
		f++;
		if (*f == '*') {
			int p = va_arg(*ap, int);

			f++;
			sp->prec = p < 0 ? -1 : p;	/* negative: as if omitted */
		} else {
			sp->prec = parse_decimal(&f);
		}
	}
	sp->len = LEN_INT;
	if (f[0] == 'h' && f[1] == 'h') {
		sp->len = LEN_HH;
		f += 2;
	} else if (f[0] == 'l' && f[1] == 'l') {
		sp->len = LEN_LL;
		f += 2;
	} else if (*f == 'h' || *f == 'l' || *f == 'z' || *f == 'j' || *f == 't') {
		sp->len = *f == 'h' ? LEN_H : *f == 'l' ? LEN_L : *f == 'z' ? LEN_Z :
			  *f == 'j' ? LEN_J : LEN_T;
		f++;
	}
	*fmt = f;
}

static void emit_signed(struct out *o, const struct spec *sp, long long v)
{
	/* Negate in unsigned arithmetic so LLONG_MIN is well defined. */
	unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	char sign = v < 0 ? '-' : (sp->flags & FL_PLUS) ? '+' : (sp->flags & FL_SPACE) ? ' ' : 0;

	emit_number(o, sp, mag, 10, false, sign);
}

static void emit_string(struct out *o, const struct spec *sp, const char *s)
{
	int n = 0;

	if (!s)
		s = "(null)";
	while (s[n] && (sp->prec < 0 || n < sp->prec))
		n++;
	emit_field(o, sp, "", 0, 0, s, n);
}

/* One conversion at *fmt (just past '%'). */
static void convert(struct out *o, const char **fmt, va_list *ap)
{
	struct spec sp;
	char c;

	parse_spec(fmt, ap, &sp);
	c = **fmt;
	if (c)
		(*fmt)++;
	switch (c) {
	case 'd':
	case 'i':
		emit_signed(o, &sp, arg_signed(ap, sp.len));
		break;
	case 'u':
		emit_number(o, &sp, arg_unsigned(ap, sp.len), 10, false, 0);
		break;
	case 'x':
	case 'X':
		emit_number(o, &sp, arg_unsigned(ap, sp.len), 16, c == 'X', 0);
		break;
	case 'o':
		emit_number(o, &sp, arg_unsigned(ap, sp.len), 8, false, 0);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		emit_field(o, &sp, "", 0, 0, &c, 1);
		break;
	case 's':
		emit_string(o, &sp, va_arg(*ap, const char *));
		break;
	case 'p':
		sp.flags |= FL_PTR;
		emit_number(o, &sp, (uintptr_t)va_arg(*ap, void *), 16, false, 0);
		break;
	case '%':
		emit(o, '%');
		break;
	default:
		/* Unknown conversion (or '%' at the end): show it as written. */
		emit(o, '%');
		if (c)
			emit(o, c);
		break;
	}
}

int xvcprintf(void (*putc)(void *arg, char c), void *arg, const char *fmt, va_list ap)
{
	struct out o = { putc, arg, 0 };
	va_list aq;

	va_copy(aq, ap);
	while (*fmt) {
		if (*fmt != '%') {
			emit(&o, *fmt++);
			continue;
		}
		fmt++;
		convert(&o, &fmt, &aq);
	}
	va_end(aq);
	return o.count > INT_MAX ? -1 : (int)o.count;
}

struct buf_sink {
	char *buf;
	size_t size;
	size_t pos;
};

/* Stores while there is room for the character and the final NUL. */
static void buf_putc(void *arg, char c)
{
	struct buf_sink *b = arg;

	if (b->pos + 1 < b->size)
		b->buf[b->pos++] = c;
}

int xvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buf_sink b = { buf, size, 0 };
	int n = xvcprintf(buf_putc, &b, fmt, ap);

	if (size)
		buf[b.pos] = '\0';
	return n;
}

int xsnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = xvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
