/* hv_options_parse (xmhf/lib/cmdline.c) on a fuzzed command line: the result
 * is always in range, a malformed option leaves a message, and parsing is
 * deterministic. Input: the command line bytes (NUL-terminated copy). */
#include "fuzz.h"
#include "cmdline.h"

static void check_options(const struct hv_options *o)
{
	FUZZ_ASSERT(o->baud != 0 && 115200 % o->baud == 0, "baud %u", o->baud);
	FUZZ_ASSERT(o->data_bits >= 5 && o->data_bits <= 8, "data bits %u", o->data_bits);
	FUZZ_ASSERT(o->parity == 'n' || o->parity == 'e' || o->parity == 'o', "parity %c",
		    o->parity);
	FUZZ_ASSERT(o->stop_bits == 1 || o->stop_bits == 2, "stop bits %u", o->stop_bits);
	FUZZ_ASSERT(o->serial_port != 0, "serial port 0");
	FUZZ_ASSERT((o->trace & ~TRACE_EXITS) == 0, "trace 0x%x", o->trace);
	FUZZ_ASSERT(o->boot_drive_set || o->boot_drive == 0x80, "boot drive 0x%x without option",
		    o->boot_drive);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	char *line = malloc(size + 1);
	struct hv_options o1, o2;
	char err1[200], err2[200];
	int rc1, rc2;

	memcpy(line, data, size);
	line[size] = '\0';
	memset(&o1, 0, sizeof(o1));	/* padding too: the results are compared bytewise */
	memset(&o2, 0, sizeof(o2));
	hv_options_default(&o1);
	hv_options_default(&o2);
	memset(err1, 0x55, sizeof(err1));
	memset(err2, 0x55, sizeof(err2));
	rc1 = hv_options_parse(line, &o1, err1, sizeof(err1));
	rc2 = hv_options_parse(line, &o2, err2, sizeof(err2));
	FUZZ_ASSERT(rc1 == 0 || rc1 == -1, "rc %d", rc1);
	FUZZ_ASSERT(fuzz_terminated(err1, sizeof(err1)), "err not terminated");
	FUZZ_ASSERT(rc1 == 0 ? err1[0] == '\0' : err1[0] != '\0', "rc %d with err \"%s\"", rc1,
		    err1);
	FUZZ_ASSERT(rc1 == rc2 && !memcmp(&o1, &o2, sizeof(o1)) && !strcmp(err1, err2),
		    "two parses of one line differ");
	check_options(&o1);
	/* Applying the same line again on its own result changes nothing. */
	rc2 = hv_options_parse(line, &o2, err2, sizeof(err2));
	FUZZ_ASSERT(!memcmp(&o1, &o2, sizeof(o1)), "parse is not idempotent");
	free(line);
	return 0;
}
