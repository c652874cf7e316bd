/* hv_options_parse: the serial=, boot_drive=, trace=, crash=, debug= and dma= options. */
#include "check.h"
#include "cmdline.h"

static char err[256];

static int parse(const char *cmdline, struct hv_options *o)
{
	hv_options_default(o);
	memset(err, 'x', sizeof(err));
	return hv_options_parse(cmdline, o, err, sizeof(err));
}

static bool is_default(const struct hv_options *o)
{
	struct hv_options d;

	hv_options_default(&d);
	return o->baud == d.baud && o->data_bits == d.data_bits && o->parity == d.parity &&
	       o->stop_bits == d.stop_bits && o->serial_port == d.serial_port &&
	       o->boot_drive == d.boot_drive && o->boot_drive_set == d.boot_drive_set &&
	       o->trace == d.trace && o->debug_flags == d.debug_flags &&
	       o->crash_halt == d.crash_halt && o->dma_off == d.dma_off;
}

static void test_defaults(void)
{
	struct hv_options o;

	hv_options_default(&o);
	CHECK(o.baud == 115200 && o.data_bits == 8 && o.parity == 'n' && o.stop_bits == 1);
	CHECK(o.serial_port == 0x3f8);
	CHECK(o.boot_drive == 0x80 && !o.boot_drive_set);
	CHECK(o.trace == 0 && o.debug_flags == 0);
	CHECK(parse(NULL, &o) == 0 && is_default(&o) && err[0] == '\0');
	CHECK(parse("", &o) == 0 && is_default(&o));
	CHECK(parse("   \t ", &o) == 0 && is_default(&o));
	/* Image path, plain words and unknown keys are ignored. */
	CHECK(parse("/boot/xmhf-ng.bin quiet foo=bar serialx=1 =5 serial", &o) == 0);
	CHECK(is_default(&o) && err[0] == '\0');
}

static void test_all_options(void)
{
	struct hv_options o;

	CHECK(parse("/boot/xmhf-ng.bin  serial=57600,7e2,0x2f8\tboot_drive=0x81 trace=exits "
		    "debug=0x10\n", &o) == 0);
	CHECK(o.baud == 57600 && o.data_bits == 7 && o.parity == 'e' && o.stop_bits == 2);
	CHECK(o.serial_port == 0x2f8);
	CHECK(o.boot_drive == 0x81 && o.boot_drive_set);
	CHECK(o.trace == TRACE_EXITS && o.debug_flags == 0x10);
	CHECK(err[0] == '\0');

	CHECK(parse("serial=9600,5O1,760 boot_drive=128 debug=4294967295", &o) == 0);
	CHECK(o.baud == 9600 && o.data_bits == 5 && o.parity == 'o' && o.stop_bits == 1);
	CHECK(o.serial_port == 760 && o.boot_drive == 0x80 && o.boot_drive_set);
	CHECK(o.debug_flags == 0xffffffffu);
	CHECK(parse("serial=1,8N1,0XFFFF trace=exits,exits boot_drive=0", &o) == 0);
	CHECK(o.baud == 1 && o.parity == 'n' && o.serial_port == 0xffff);
	CHECK(o.trace == TRACE_EXITS && o.boot_drive == 0 && o.boot_drive_set);
	/* The last occurrence wins. */
	CHECK(parse("serial=9600,8n1,0x2f8 serial=19200,6o2,0x3e8", &o) == 0);
	CHECK(o.baud == 19200 && o.data_bits == 6 && o.serial_port == 0x3e8);
}

/* Each malformed serial= leaves every serial field at its default. */
static void test_serial_errors(void)
{
	static const char *const malformed[] = {
		"serial=abc", "serial=", "serial=115200,8n1", "serial=115200,8n1,0x3f8,1",
		"serial=115200,8n1,0x3f8,", "serial=,8n1,0x3f8", "serial=115200,,0x3f8",
		"serial=115200,9n1,0x3f8", "serial=115200,4n1,0x3f8", "serial=115200,8x1,0x3f8",
		"serial=115200,8n3,0x3f8", "serial=115200,8n10,0x3f8", "serial=115200,8n1,0x",
		"serial=115200,8n1,3f8", "serial=-9600,8n1,0x3f8", "serial=99999999999999999999,8n1,1",
	};
	struct hv_options o;

	for (size_t i = 0; i < ARRAY_SIZE(malformed); i++) {
		char want[256];

		snprintf(want, sizeof(want),
			 "cmdline: malformed serial= option \"%s\": expected BAUD,8n1,IOPORT "
			 "(e.g. serial=115200,8n1,0x3f8)", malformed[i]);
		CHECK(parse(malformed[i], &o) == -1);
		CHECK_STR(err, want);
		CHECK(is_default(&o));
	}
	CHECK(parse("serial=1000,7e1,0x2f8", &o) == -1);
	CHECK_STR(err, "cmdline: serial= baud rate 1000 in \"serial=1000,7e1,0x2f8\" does not "
		       "divide 115200 (e.g. 115200, 57600, 38400, 19200, 9600)");
	CHECK(is_default(&o));
	CHECK(parse("serial=230400,8n1,0x3f8", &o) == -1 && is_default(&o));
	CHECK(parse("serial=0,8n1,0x3f8", &o) == -1 && is_default(&o));
	CHECK(parse("serial=115200,8n1,0x10000", &o) == -1);
	CHECK_STR(err, "cmdline: serial= I/O port in \"serial=115200,8n1,0x10000\" is out of "
		       "range: expected 0x1-0xffff");
	CHECK(is_default(&o));
	CHECK(parse("serial=115200,8n1,0", &o) == -1 && is_default(&o));
}

static void test_other_errors(void)
{
	struct hv_options o;

	CHECK(parse("boot_drive=0x100", &o) == -1);
	CHECK_STR(err, "cmdline: malformed boot_drive= option \"boot_drive=0x100\": expected a "
		       "BIOS drive number 0x00-0xff (e.g. boot_drive=0x80)");
	CHECK(is_default(&o));
	CHECK(parse("boot_drive=hd0", &o) == -1 && is_default(&o));
	CHECK(parse("boot_drive=", &o) == -1 && is_default(&o));

	CHECK(parse("trace=exits,vmcalls", &o) == -1);
	CHECK_STR(err, "cmdline: unknown item \"vmcalls\" in trace= option "
		       "\"trace=exits,vmcalls\": expected a comma-separated list of: exits");
	CHECK(is_default(&o));
	CHECK(parse("trace=", &o) == -1 && is_default(&o));
	CHECK(parse("trace=exits,", &o) == -1 && is_default(&o));
	CHECK(parse("trace=EXITS", &o) == -1 && is_default(&o));

	CHECK(parse("crash=reboot", &o) == -1);
	CHECK_STR(err, "cmdline: malformed crash= option \"crash=reboot\": expected crash=reset "
		       "or crash=halt");
	CHECK(is_default(&o) && !o.crash_halt);
	CHECK(parse("crash=halt", &o) == 0 && o.crash_halt);
	CHECK(parse("crash=halt crash=reset", &o) == 0 && !o.crash_halt);

	CHECK(parse("dma=no", &o) == -1);
	CHECK_STR(err, "cmdline: malformed dma= option \"dma=no\": expected dma=on or dma=off");
	CHECK(is_default(&o) && !o.dma_off);
	CHECK(parse("dma=OFF", &o) == -1 && is_default(&o));
	CHECK(parse("dma=", &o) == -1 && is_default(&o));
	CHECK(parse("/boot/xmhf-ng.bin dma=off", &o) == 0 && o.dma_off);
	CHECK(parse("dma=off dma=on", &o) == 0 && !o.dma_off);
	CHECK(parse("dma=off boot_drive=0x81", &o) == 0 && o.dma_off && o.boot_drive == 0x81);

	CHECK(parse("debug=0x100000000", &o) == -1);
	CHECK_STR(err, "cmdline: malformed debug= option \"debug=0x100000000\": expected a "
		       "32-bit number (e.g. debug=0x1)");
	CHECK(is_default(&o));
}

/* The first error is reported; good options before and after still apply. */
static void test_error_then_continue(void)
{
	struct hv_options o;
	char small[12];

	CHECK(parse("trace=exits serial=abc boot_drive=0x81 boot_drive=zz", &o) == -1);
	CHECK(strncmp(err, "cmdline: malformed serial= option \"serial=abc\"", 46) == 0);
	CHECK(o.trace == TRACE_EXITS && o.boot_drive == 0x81 && o.boot_drive_set);
	CHECK(o.baud == 115200 && o.serial_port == 0x3f8);

	/* A short buffer gets a truncated, terminated message; none is fine too. */
	hv_options_default(&o);
	memset(small, 'x', sizeof(small));
	CHECK(hv_options_parse("serial=abc", &o, small, sizeof(small)) == -1);
	CHECK_STR(small, "cmdline: ma");
	CHECK(hv_options_parse("serial=abc", &o, NULL, 0) == -1);
}

int main(void)
{
	test_defaults();
	test_all_options();
	test_serial_errors();
	test_other_errors();
	test_error_then_continue();
	return CHECK_DONE();
}
