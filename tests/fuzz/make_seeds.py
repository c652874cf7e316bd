#!/usr/bin/env python3
"""Writes the named seeds of tests/fuzz/corpus/<harness>/: typical inputs in
each harness's input format (see the comment at the top of fuzz_<harness>.c)
and the inputs that once crashed (regress_*). `tools/fuzz.sh --update-seeds`
keeps these and replaces only the SHA-1-named files libFuzzer adds.
usage: python3 tests/fuzz/make_seeds.py   (from the repository root)"""
import os
import struct

P = struct.pack
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")

# Westmere-like IA32_VMX_* values (the CPU Bochs' corei5_arrandale_m520 models):
# basic, pin, proc, proc2, exit, entry, misc, CR0/CR4 fixed0/1, EPT/VPID cap.
WESTMERE_CAPS = (0x00da04000000000e, 0x0000007f00000016, 0xfff9fffe04006172,
                 0x000004ff00000000, 0x007fffff00036dfb, 0x0000ffff000011fb,
                 0x00000000000401e5, 0x80000021, 0xffffffff, 0x2000, 0x267ff,
                 0x00000f0106114141)


def put(harness, name, data):
    d = os.path.join(ROOT, harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def cmdline():
    put("cmdline", "grub_default",
        b"/boot/xmhf-ng.bin serial=115200,8n1,0x3f8 boot_drive=0x80 trace=exits debug=0x1")
    put("cmdline", "bad_serial", b"/boot/xmhf-ng.bin serial=abc")
    put("cmdline", "bad_drive_trace", b"boot_drive=zz trace=bogus serial=9600,7e2,0x2f8")
    put("cmdline", "limits", b"trace=exits,exits debug=4294967295 boot_drive=255")


def multiboot():
    # Header: u32 info_addr, u8 magic selector; then memory from address 0.
    img = bytearray(0x500)
    info = bytearray(P("<IIIIIII16xII", 0x4f, 639, 2096000, 0x8000ffff, 0x200, 1, 0x280, 0, 0))
    mmap = b"".join(P("<IQQI", 20, a, n, t) for a, n, t in
                    [(0, 0x9fc00, 1), (0x9fc00, 0x400, 2), (0x100000, 0x7fee0000, 1)])
    struct.pack_into("<II", info, 44, len(mmap), 0x400)
    for at, b in [(0x100, info), (0x200, b"/boot/xmhf-ng.bin serial=115200,8n1,0x3f8\0"),
                  (0x280, P("<IIII", 0x100000, 0x100200, 0x300, 0)), (0x300, b"(hd0)+1\0"),
                  (0x400, mmap)]:
        img[at:at + len(b)] = b
    put("multiboot", "grub_like", P("<IB", 0x100, 0) + bytes(img))
    put("multiboot", "bad_magic", P("<IBI", 0x100, 0xf, 0x1badb002) + bytes(img))


def mmio_decode():
    # u8 mode (0: 16-bit, 1: 32-bit, 2: 64-bit), then instruction bytes.
    for name, mode, hexbytes in [("mov_rdx", 2, "890a"), ("mov_abs_sib", 2, "89142500b3e0fe"),
                                 ("mov_disp32", 1, "891500b3e0fe"),
                                 ("xchg_sib", 2, "8714250003e0fe"),
                                 ("mov_imm32", 2, "c70425b000e0fe00000000"),
                                 ("mov16_imm", 0, "66c706b00000000000"),
                                 ("rex_r", 2, "4489420c")]:
        put("mmio_decode", name, bytes([mode]) + bytes.fromhex(hexbytes))
    # C7 as the 15th byte after 13 prefixes: read past the buffer (fixed).
    put("mmio_decode", "regress_c7_no_modrm", bytes([1]) + b"\x2e" * 13 + b"\xc7")


def icr():
    # icr_lo, icr_hi, flags (bit 0 x2APIC), self, ncpus; per CPU apic_id, ldr, dfr.
    cpus = b"".join(P("<III", i, 1 << (24 + i), 0xffffffff) for i in range(4))
    put("icr", "init_cpu1", P("<IIBBB", 0xc500, 0x01000000, 0, 0, 4) + cpus)
    put("icr", "sipi_absent_id", P("<IIBBB", 0x0698, 0x09000000, 0, 0, 4) + cpus)
    put("icr", "x2apic_logical", P("<IIBBB", 0x0830, 0x00000003, 1, 1, 4) + cpus)


def cr_policy():
    # CR0 fixed1, CR0 fixed0, CR4 fixed1, CR4 fixed0; then u8 op + u32 value.
    hdr = P("<IIII", 0xffffffff, 0x80000021, 0x267ff, 0x2000)
    ops = [(1, 0x20), (2, 0x100), (0, 0x80000011), (0, 0x11), (2, 0)]
    put("cr_policy", "linux_long_mode", hdr + b"".join(P("<BI", o, v) for o, v in ops))


def guest_walk():
    # CR0, CR3, CR4, EFER, linear (u64 each); then memory from address 0.
    img = bytearray(0x3010)
    struct.pack_into("<Q", img, 0x1000, 0x2003)
    struct.pack_into("<Q", img, 0x2000, 0x3003)
    struct.pack_into("<Q", img, 0x3008, 0x400083)
    put("guest_walk", "long_2m", P("<5Q", 0x80000011, 0x1000, 0x20, 0x500, 0x201234) + bytes(img))
    img = bytearray(0x3000)
    struct.pack_into("<I", img, 0x1000, 0x2003)
    struct.pack_into("<I", img, 0x2004, 0x5003)
    put("guest_walk", "legacy_4k", P("<5Q", 0x80000011, 0x1000, 0, 0, 0x1234) + bytes(img))


def e820():
    # u8 count; per entry u8 type (compact form) + u16 page, u16 pages; then
    # mode, reserve range, limit (pages), size, align exponent.
    ents = [(1, 0, 0x9f), (2, 0x9f, 1), (2, 0xf0, 0x10), (1, 0x100, 0x7e00), (3, 0x7f00, 0x100)]
    d = P("<B", len(ents)) + b"".join(P("<BHH", t, a, n) for t, a, n in ents)
    put("e820", "bios_like", d + P("<BHH", 0, 0x7c00, 0x300) + P("<IHB", 0x100000, 0x200, 21))


def msr_bitmap():
    # u8 count; per intercept u8 flags + u16 MSR (bit 15: high range); then probes.
    d = P("<B", 3) + P("<BH", 2, 0x8080) + P("<BH", 3, 0x1b) + P("<BH", 1, 0x830)
    put("msr_bitmap", "policy_like", d + P("<BH", 0, 0x8080) + P("<BH", 0, 0x1b) +
        P("<BI", 4, 0x40000000))


def vmcs_check():
    # vmx_caps (12 u64, maxphyaddr, linear_bits); then one u64 per VMCS field.
    put("vmcs_check", "westmere_caps", P("<12Q2B", *WESTMERE_CAPS, 40, 48))
    # CPUID widths of 64+ shifted a u64 by >= 64 (fixed: "not known").
    put("vmcs_check", "regress_wide_widths", P("<12Q2B", *WESTMERE_CAPS, 246, 255))


def uart_mux():
    # per access: op (bit 7 write, bit 6 a wire byte, bits 2:0 register), value, real register.
    linux = [(0x83, 0x83, 0), (0x80, 12, 0), (0x81, 0, 0), (0x83, 0x03, 0), (0x82, 0xc7, 0),
             (0x84, 0x0b, 0), (0x81, 0x0f, 0), (0x02, 0, 0xc1), (0x05, 0, 0x60), (0x80, 0x41, 0)]
    put("uart_mux", "linux_setup", b"".join(P("<3B", *a) for a in linux))
    attack = [(0x83, 0x80, 0), (0x80, 0x77, 0), (0x83, 0x00, 0), (0x84, 0x19, 0), (0x80, 0x7a, 0),
              (0x05, 0, 0), (0x00, 0, 0), (0x06, 0, 0xb0), (0x40, ord("x"), 0), (0xc0, ord("y"), 0)]
    put("uart_mux", "loopback_attack", b"".join(P("<3B", *a) for a in attack))


for gen in (cmdline, multiboot, mmio_decode, icr, cr_policy, guest_walk, e820, msr_bitmap,
            vmcs_check, uart_mux):
    gen()
