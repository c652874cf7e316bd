/* Command-line option parser: whitespace-separated key=value words. */
#include <string.h>
#include "cmdline.h"
#include "format.h"

#define UART_BASE_BAUD 115200u	/* 1.8432 MHz / 16: baud = 115200 / divisor */

void hv_options_default(struct hv_options *o)
{
	o->baud = UART_BASE_BAUD;
	o->data_bits = 8;
	o->parity = 'n';
	o->stop_bits = 1;
	o->serial_port = 0x3f8;
	o->boot_drive = 0x80;
	o->boot_drive_set = false;
	o->trace = 0;
	o->crash_halt = false;
	o->debug_flags = 0;
	o->dma_off = false;
}

/* A word of the command line: s[0..n). */
struct word {
	const char *s;
	size_t n;
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Decimal, or hex after 0x/0X; the whole word must be consumed, no overflow. */
static bool parse_number(struct word w, u64 *out)
{
	unsigned base = 10;
	u64 v = 0;

	if (w.n > 2 && w.s[0] == '0' && (w.s[1] == 'x' || w.s[1] == 'X')) {
		base = 16;
		w.s += 2;
		w.n -= 2;
	}
	if (w.n == 0)
		return false;
	for (size_t i = 0; i < w.n; i++) {
		char c = w.s[i];
		unsigned d;

		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (base == 16 && c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return false;
		if (v > (UINT64_MAX - d) / base)
			return false;
		v = v * base + d;
	}
	*out = v;
	return true;
}

/* Splits the text before the next `sep` (or the end) off *rest into *f;
 * returns whether a separator followed it (and was consumed). */
static bool next_field(struct word *rest, char sep, struct word *f)
{
	f->s = rest->s;
	f->n = 0;
	while (f->n < rest->n && rest->s[f->n] != sep)
		f->n++;
	rest->s += f->n;
	rest->n -= f->n;
	if (rest->n == 0)
		return false;
	rest->s++;
	rest->n--;
	return true;
}

static bool word_is(struct word w, const char *s)
{
	return strlen(s) == w.n && strncmp(w.s, s, w.n) == 0;
}

/* The "8n1" field: data bits 5-8, parity n/e/o, stop bits 1-2. */
static bool parse_line_format(struct word f, struct hv_options *o)
{
	char parity;

	if (f.n != 3 || f.s[0] < '5' || f.s[0] > '8' || (f.s[2] != '1' && f.s[2] != '2'))
		return false;
	parity = (char)(f.s[1] | 0x20);	/* ASCII lower case */
	if (parity != 'n' && parity != 'e' && parity != 'o')
		return false;
	o->data_bits = (u8)(f.s[0] - '0');
	o->parity = parity;
	o->stop_bits = (u8)(f.s[2] - '0');
	return true;
}

static int parse_serial(struct word word, struct word val, struct hv_options *o, char *err,
			size_t errlen)
{
	struct hv_options t = *o;
	struct word baud_f, fmt_f, port_f;
	u64 baud, port;

	/* Exactly three comma-separated fields. */
	if (!next_field(&val, ',', &baud_f) || !next_field(&val, ',', &fmt_f) ||
	    next_field(&val, ',', &port_f) || !parse_number(baud_f, &baud) ||
	    !parse_line_format(fmt_f, &t) || !parse_number(port_f, &port)) {
		xsnprintf(err, errlen,
			  "cmdline: malformed serial= option \"%.*s\": expected BAUD,8n1,IOPORT "
			  "(e.g. serial=115200,8n1,0x3f8)", (int)word.n, word.s);
		return -1;
	}
	if (baud == 0 || UART_BASE_BAUD % baud) {
		xsnprintf(err, errlen,
			  "cmdline: serial= baud rate %llu in \"%.*s\" does not divide 115200 "
			  "(e.g. 115200, 57600, 38400, 19200, 9600)", (unsigned long long)baud,
			  (int)word.n, word.s);
		return -1;
	}
	if (port == 0 || port > 0xffff) {
		xsnprintf(err, errlen,
			  "cmdline: serial= I/O port in \"%.*s\" is out of range: expected 0x1-0xffff",
			  (int)word.n, word.s);
		return -1;
	}
	t.baud = (u32)baud;
	t.serial_port = (u16)port;
	*o = t;
	return 0;
}

static int parse_boot_drive(struct word word, struct word val, struct hv_options *o, char *err,
			    size_t errlen)
{
	u64 drive;

	if (!parse_number(val, &drive) || drive > 0xff) {
		xsnprintf(err, errlen,
			  "cmdline: malformed boot_drive= option \"%.*s\": expected a BIOS drive "
			  "number 0x00-0xff (e.g. boot_drive=0x80)", (int)word.n, word.s);
		return -1;
	}
	o->boot_drive = (u8)drive;
	o->boot_drive_set = true;
	return 0;
}

static int parse_trace(struct word word, struct word val, struct hv_options *o, char *err,
		       size_t errlen)
{
	u32 trace = 0;
	struct word item;
	bool more;

	do {
		more = next_field(&val, ',', &item);
		if (word_is(item, "exits")) {
			trace |= TRACE_EXITS;
		} else {
			xsnprintf(err, errlen,
				  "cmdline: unknown item \"%.*s\" in trace= option \"%.*s\": "
				  "expected a comma-separated list of: exits", (int)item.n, item.s,
				  (int)word.n, word.s);
			return -1;
		}
	} while (more);
	o->trace = trace;
	return 0;
}

static int parse_crash(struct word word, struct word val, struct hv_options *o, char *err,
		       size_t errlen)
{
	if (word_is(val, "reset") || word_is(val, "halt")) {
		o->crash_halt = word_is(val, "halt");
		return 0;
	}
	xsnprintf(err, errlen, "cmdline: malformed crash= option \"%.*s\": expected crash=reset or "
		  "crash=halt", (int)word.n, word.s);
	return -1;
}

static int parse_debug(struct word word, struct word val, struct hv_options *o, char *err,
		       size_t errlen)
{
	u64 flags;

	if (!parse_number(val, &flags) || flags > UINT32_MAX) {
		xsnprintf(err, errlen,
			  "cmdline: malformed debug= option \"%.*s\": expected a 32-bit number "
			  "(e.g. debug=0x1)", (int)word.n, word.s);
		return -1;
	}
	o->debug_flags = (u32)flags;
	return 0;
}

static int parse_dma(struct word word, struct word val, struct hv_options *o, char *err,
		     size_t errlen)
{
	if (word_is(val, "on") || word_is(val, "off")) {
		o->dma_off = word_is(val, "off");
		return 0;
	}
	xsnprintf(err, errlen, "cmdline: malformed dma= option \"%.*s\": expected dma=on or "
		  "dma=off", (int)word.n, word.s);
	return -1;
}

/* Dispatches one word; words without a known key= are ignored. */
static int parse_word(struct word word, struct hv_options *o, char *err, size_t errlen)
{
	struct word val = word, key;

	if (!next_field(&val, '=', &key))
		return 0;
	if (word_is(key, "serial"))
		return parse_serial(word, val, o, err, errlen);
	if (word_is(key, "boot_drive"))
		return parse_boot_drive(word, val, o, err, errlen);
	if (word_is(key, "trace"))
		return parse_trace(word, val, o, err, errlen);
	if (word_is(key, "crash"))
		return parse_crash(word, val, o, err, errlen);
	if (word_is(key, "debug"))
		return parse_debug(word, val, o, err, errlen);
	if (word_is(key, "dma"))
		return parse_dma(word, val, o, err, errlen);
	return 0;
}

int hv_options_parse(const char *cmdline, struct hv_options *o, char *err, size_t errlen)
{
	const char *p = cmdline ? cmdline : "";
	int rc = 0;

	if (errlen)
		err[0] = '\0';
	while (*p) {
		struct word w;

		while (is_blank(*p))
			p++;
		w.s = p;
		while (*p && !is_blank(*p))
			p++;
		w.n = (size_t)(p - w.s);
		if (w.n == 0)
			continue;
		/* Only the first error is reported; later words still apply. */
		if (parse_word(w, o, rc ? NULL : err, rc ? 0 : errlen))
			rc = -1;
	}
	return rc;
}
