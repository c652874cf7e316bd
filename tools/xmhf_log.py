"""Parser for xmhf-ng serial logs (format: docs/serial-format.md) and decoders
for the values in them. Every name and bit comes from the C headers in
include/arch/, read at run time, so the tools never disagree with the
hypervisor: the repository's include/ next to this file, or, installed,
PREFIX/share/xmhf-ng/include (XMHF_NG_INCLUDE overrides both).
Python 3 standard library only."""

import argparse
import os
import re

HEX = r"0x([0-9a-fA-F]+)"


# ---------------------------------------------------------------- command line

class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help with "Usage:" capitalised: help2man, which makes the
    tools' man pages from --help (tools/install.mk), reads it as the SYNOPSIS."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Usage: " if prefix is None else prefix)


def arg_parser(doc):
    """The tools' argument parser: their module docstring is the --help text."""
    return argparse.ArgumentParser(description=doc, formatter_class=_HelpFormatter)


# ---------------------------------------------------------------- headers

def include_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    for d in (os.environ.get("XMHF_NG_INCLUDE"),
              os.path.join(here, "..", "include"),
              os.path.join(here, "include")):
        if d and os.path.isfile(os.path.join(d, "arch", "vmx_exit_reasons.h")):
            return os.path.normpath(d)
    raise SystemExit("xmhf_log: include/arch headers not found "
                     "(set XMHF_NG_INCLUDE to the repository's include/)")


def _header(name):
    with open(os.path.join(include_dir(), "arch", name)) as f:
        return f.read()


def _num(s):
    return int(s.rstrip("uUlL"), 0)


def _x_table(text, table, nargs):
    """Rows X(NAME, number[, "text"]) of the X-macro table `table`."""
    m = re.search(r"#define\s+%s\(X\)((?:[^\n]*\\\n)*[^\n]*)" % table, text)
    if not m:
        raise SystemExit("xmhf_log: table %s not found" % table)
    body = m.group(1)
    if nargs == 2:
        rows = re.findall(r"X\((\w+),\s*(0x[0-9a-fA-F]+|\d+)\)", body)
        return [(n, _num(v)) for n, v in rows]
    rows = re.findall(r'X\((\w+),\s*(0x[0-9a-fA-F]+|\d+),\s*"([^"]*)"\)', body)
    return [(n, _num(v), t) for n, v, t in rows]


def _bits(text, prefix):
    """{bit: NAME} for every `#define PREFIX_NAME (1u << n)`, `BIT(n)` or
    `ARCH_BIT(n)` (include/arch/bits.h)."""
    out = {}
    for name, shift, bit in re.findall(
            r"#define\s+%s_(\w+)\s+(?:\(1(?:u|U|ULL|ull)?\s*<<\s*(\d+)\)|(?:ARCH_)?BIT\((\d+)\))"
            % prefix, text):
        out.setdefault(int(shift or bit), name)
    return out


def _consts(text, prefix):
    """{value: NAME} for every `#define PREFIX_NAME number`."""
    return {_num(v): n for n, v in re.findall(
        r"#define\s+%s_(\w+)\s+(0x[0-9a-fA-F]+u?|\d+u?)\b" % prefix, text)}


class Arch:
    """The architectural tables, parsed once from include/arch."""

    def __init__(self):
        ex = _header("vmx_exit_reasons.h")
        self.exit_reasons = dict((v, n) for n, v in
                                 _x_table(ex, "VMX_EXIT_REASON_TABLE", 2))
        self.exit_reason_flags = _bits(ex, "EXIT_REASON")
        self.entry_fail_qual = _consts(ex, "ENTRY_FAIL_QUAL")
        vie = _header("vm_instruction_error.h")
        self.vm_errors = dict((v, (n, t)) for n, v, t in
                              _x_table(vie, "VM_INSTRUCTION_ERROR_TABLE", 3))
        cr = _header("cr.h")
        self.cr0 = _bits(cr, "CR0")
        self.cr4 = _bits(cr, "CR4")
        self.rflags = _bits(cr, "RFLAGS")
        self.efer = _bits(_header("msr.h"), "EFER")
        ctl = _header("vmx_controls.h")
        self.ctls = {"PIN_BASED_CTLS": _bits(ctl, "PIN_CTLS"),
                     "PROC_BASED_CTLS": _bits(ctl, "PROC_CTLS"),
                     "PROC_BASED_CTLS2": _bits(ctl, "PROC2"),
                     "EXIT_CTLS": _bits(ctl, "EXIT_CTLS"),
                     "ENTRY_CTLS": _bits(ctl, "ENTRY_CTLS")}
        seg = _header("segment.h")
        self.ar_bits = _bits(seg, "AR")
        self.sys_types = _consts(seg, "SYS_TYPE")
        self.seg_types = _consts(seg, "SEG_TYPE")
        self.fields = dict((n, v) for n, v in
                           _x_table(_header("vmcs_fields.h"), "VMCS_FIELD_TABLE", 2))

    def bit_of(self, table, name):
        """The key (bit or value) of NAME in a {key: NAME} table."""
        for bit, n in table.items():
            if n == name:
                return bit
        raise KeyError(name)


_ARCH = None


def arch():
    global _ARCH
    if _ARCH is None:
        _ARCH = Arch()
    return _ARCH


# ---------------------------------------------------------------- decoders

# VM-entry failures reported as VM exits (SDM 26.8) and where the checks that
# fail are specified, by basic exit reason (Table C-1 numbers, names from
# vmx_exit_reasons.h; clause numbers: Vol. 3C with ch. 26 = VM entries).
ENTRY_FAIL_CLAUSE = {
    "ENTRY_FAIL_GUEST_STATE": "invalid guest state: checks of SDM 26.3.1",
    "ENTRY_FAIL_MSR_LOADING": "MSR loading failed: SDM 26.4",
    "ENTRY_FAIL_MACHINE_CHECK": "machine-check event during VM entry: SDM 26.9",
}

# VM-instruction errors of VMLAUNCH/VMRESUME and the checks behind them.
VM_ERROR_CLAUSE = {
    "ENTRY_INVALID_CONTROL": "checks on VMX controls, SDM 26.2.1",
    "ENTRY_INVALID_HOST_STATE": "checks on host state, SDM 26.2.2-26.2.4",
}


def bit_names(value, table, unnamed=True):
    """Names of the set bits, highest first; unnamed bits as bitN, or left
    out when `unnamed` is false (register decodings, as the hypervisor's)."""
    names = []
    for bit in range(63, -1, -1):
        if value >> bit & 1 and (unnamed or bit in table):
            names.append(table.get(bit, "bit%d" % bit))
    return names


def brackets(names):
    """The hypervisor's decoding style: "[ PG PE ]", "[ ]" when empty."""
    return "[ %s ]" % " ".join(names) if names else "[ ]"


def exit_reason(value):
    a = arch()
    basic = value & 0xffff
    s = a.exit_reasons.get(basic, "reason %d" % basic)
    flags = [n for b, n in a.exit_reason_flags.items() if value >> b & 1]
    if flags:
        s += " (" + " ".join(sorted(flags)) + ")"
    return s


def vm_error(value):
    e = arch().vm_errors.get(value)
    if not e:
        return "VM-instruction error %d (not in Table 30-1)" % value
    s = "%s: %s" % (e[0], e[1])
    if e[0] in VM_ERROR_CLAUSE:
        s += " [%s]" % VM_ERROR_CLAUSE[e[0]]
    return s


def ar_type_name(ar):
    a = arch()
    t = ar & 0xf
    table = a.seg_types if ar >> a.bit_of(a.ar_bits, "S") & 1 else a.sys_types
    return table.get(t, "")


def seg_ar(ar):
    """Access rights as stored in the VMCS (SDM Table 24-2)."""
    a = arch()
    if ar >> a.bit_of(a.ar_bits, "UNUSABLE") & 1:
        return "unusable type=%d" % (ar & 0xf)
    system = not ar >> a.bit_of(a.ar_bits, "S") & 1
    tn = ar_type_name(ar)
    parts = ["type=%d%s" % (ar & 0xf, " (%s)" % tn if tn else "")]
    parts.append("S=system" if system else "S=code/data")
    parts.append("dpl=%d" % (ar >> 5 & 3))
    for name in ("P", "AVL", "L", "DB", "G"):
        if ar >> a.bit_of(a.ar_bits, name) & 1:
            parts.append("D/B" if name == "DB" else name)
    return " ".join(parts)


def field_value(field, value):
    """Decoding of a VMCS field's value, '' if nothing to say. `field` is the
    name without VMCS_ (e.g. GUEST_TR_AR)."""
    a = arch()
    if field.endswith("_AR") and field.startswith("GUEST_"):
        return "[ %s ]" % seg_ar(value)
    if re.search(r"(^|_)CR0($|_)", field):
        return brackets(bit_names(value, a.cr0, False))
    if re.search(r"(^|_)CR4($|_)", field):
        return brackets(bit_names(value, a.cr4, False))
    if field.endswith("IA32_EFER"):
        return brackets(bit_names(value, a.efer, False))
    if field == "GUEST_RFLAGS":
        return brackets(bit_names(value, a.rflags, False))
    if field in a.ctls:
        return brackets(bit_names(value, a.ctls[field]))
    if field == "EXIT_REASON":
        return "[ %s ]" % exit_reason(value)
    if field == "VM_INSTRUCTION_ERROR" and value:
        return "[ %s ]" % vm_error(value)
    return ""


# ---------------------------------------------------------------- lines

RE = {
    "banner": re.compile(r"xmhf-ng (\S+) \(build (\S+)\): hypervisor at %s-%s \((\d+) KiB\)"
                         % (HEX, HEX)),
    "intercept": re.compile(r"Intercept: %s %s %s %s:%s ;" % (HEX, HEX, HEX, HEX, HEX)),
    "check": re.compile(r"VMCS check: CPU (\d+): (.*) \((SDM [^)]*)\) field VMCS_(\w+) = %s"
                        % HEX),
    "dump_mark": re.compile(r"^vmcs: CPU (\d+) (begin|end)\s*$"),
    "dump_field": re.compile(r"^vmcs: CPU (\d+) VMCS_(\w+) %s ?(.*)$" % HEX),
    "gpr": re.compile(r"^guest: CPU (\d+) (\w+) %s" % HEX),
    "cpu": re.compile(r"^CPU (\d+): lapic=(\d+) (.*)$"),
    "controls": re.compile(r"^xmhf-ng: VMX controls (.*)$"),
    "entry_fail": re.compile(r"VM-entry failure: exit reason (\d+)"),
    "vm_error": re.compile(r"VM(?:LAUNCH|RESUME) failed: VM-instruction error (\d+)"),
    "fatal": re.compile(r"^xmhf-ng: FATAL: (.*)$"),
}


def lines(path):
    """The log's lines without line ends (serial logs may have \\r)."""
    with open(path, "rb") as f:
        for raw in f:
            yield raw.decode("utf-8", "replace").rstrip("\r\n").replace("\r", "")


class Intercept:
    def __init__(self, m):
        self.cpu = int(m.group(1), 16)
        self.reason = int(m.group(2), 16)
        self.qual = int(m.group(3), 16)
        self.cs = int(m.group(4), 16)
        self.rip = int(m.group(5), 16)


def intercepts(path):
    for line in lines(path):
        m = RE["intercept"].search(line)
        if m:
            yield Intercept(m)


def _kv(text):
    return {k: int(v, 16) for k, v in re.findall(r"(\w+)=0x([0-9a-fA-F]+)", text)}


class Dump:
    """One `vmcs: CPU n begin` ... `end` block: fields in order, value and
    the hypervisor's own decoding."""

    def __init__(self, cpu):
        self.cpu = cpu
        self.fields = {}
        self.hv_text = {}
        self.complete = False


class Log:
    """Everything the tools use from one serial log."""

    def __init__(self, path):
        self.path = path
        self.dumps = []
        self.checks = []	# (cpu, rule, sdm, field, value)
        self.caps = {}		# cpu -> {pinbased: cap, ...} from the CPU lines
        cur = None
        for line in lines(path):
            m = RE["dump_mark"].match(line)
            if m:
                if m.group(2) == "begin":
                    cur = Dump(int(m.group(1)))
                    self.dumps.append(cur)
                elif cur:
                    cur.complete = True
                    cur = None
                continue
            m = RE["dump_field"].match(line)
            if m and cur and int(m.group(1)) == cur.cpu:
                cur.fields[m.group(2)] = int(m.group(3), 16)
                cur.hv_text[m.group(2)] = m.group(4).strip()
                continue
            m = RE["check"].search(line)
            if m:
                self.checks.append((int(m.group(1)), m.group(2), m.group(3), m.group(4),
                                    int(m.group(5), 16)))
                continue
            m = RE["cpu"].match(line)
            if m and "vmx=yes" in line:
                self.caps[int(m.group(1))] = _kv(m.group(3))

    def dump(self, cpu=None):
        """The last dump (of `cpu`, if given)."""
        for d in reversed(self.dumps):
            if cpu is None or d.cpu == cpu:
                return d
        return None


# ---------------------------------------------------------------- rules

# VMX control capability MSRs as printed on the `CPU n: ... vmx=yes` line
# (key) for each control field (SDM 26.2.1.1-26.2.1.3, Appendix A.3-A.5).
CAP_KEYS = {"PIN_BASED_CTLS": ("pinbased", "26.2.1.1"),
            "PROC_BASED_CTLS": ("procbased", "26.2.1.1"),
            "PROC_BASED_CTLS2": ("secondary", "26.2.1.1"),
            "EXIT_CTLS": ("exit", "26.2.1.2"),
            "ENTRY_CTLS": ("entry", "26.2.1.3")}


def fixed_bit_rules(cr0, cr4, caps, unrestricted, a):
    """Guest CR0/CR4 against IA32_VMX_CR0/CR4_FIXED0/1 from the CPU line
    (SDM 26.3.1.1, Appendix A.7-A.8); unrestricted guest relaxes CR0.PE/PG."""
    out = []
    if not caps or "cr0_fixed0" not in caps:
        return out
    relaxed = (1 << a.bit_of(a.cr0, "PE") | 1 << a.bit_of(a.cr0, "PG")) if unrestricted else 0
    for name, value, fixed0, fixed1, table, skip in (
            ("GUEST_CR0", cr0, caps["cr0_fixed0"], caps["cr0_fixed1"], a.cr0, relaxed),
            ("GUEST_CR4", cr4, caps["cr4_fixed0"], caps["cr4_fixed1"], a.cr4, 0)):
        if value is None:
            continue
        reg = name[len("GUEST_"):]
        low = (fixed0 & ~skip & ~value) & 0xffffffff
        high = (value & ~fixed1) & 0xffffffff
        if low:
            out.append((name, "guest %s bits fixed to 1 in VMX operation are 0: %s (SDM 26.3.1.1)"
                        % (reg, " ".join(bit_names(low, table)))))
        if high:
            out.append((name, "guest %s bits fixed to 0 in VMX operation are 1: %s (SDM 26.3.1.1)"
                        % (reg, " ".join(bit_names(high, table)))))
    return out


def entry_rules(fields, caps=None):
    """VM-entry rules the dumped values break: list of (field, message).
    A subset of SDM 26.2/26.3 that a field-by-field difference can explain."""
    a = arch()
    out = []
    f = fields.get
    entry = f("ENTRY_CTLS")
    ia32e = entry is not None and entry >> a.bit_of(a.ctls["ENTRY_CTLS"], "IA32E_MODE_GUEST") & 1
    proc2 = f("PROC_BASED_CTLS2") or 0
    proc = f("PROC_BASED_CTLS") or 0
    has2 = proc >> a.bit_of(a.ctls["PROC_BASED_CTLS"], "ACTIVATE_SECONDARY") & 1
    unrestricted = has2 and proc2 >> a.bit_of(a.ctls["PROC_BASED_CTLS2"], "UNRESTRICTED_GUEST") & 1
    tr = f("GUEST_TR_AR")
    if tr is not None and entry is not None:
        t = tr & 0xf
        busy = a.bit_of(a.sys_types, "TSS_BUSY")
        busy16 = a.bit_of(a.sys_types, "TSS16_BUSY")
        if ia32e and t != busy:
            out.append(("GUEST_TR_AR", "guest TR type invalid for IA-32e-mode guest "
                        "(SDM 26.3.1.2): type %d, must be %d (busy 64-bit TSS) when "
                        "VMCS_ENTRY_CTLS.IA32E_MODE_GUEST (bit 9) is 1" % (t, busy)))
        elif not ia32e and t not in (busy16, busy):
            out.append(("GUEST_TR_AR", "guest TR type invalid (SDM 26.3.1.2): type %d, "
                        "must be %d or %d (busy TSS)" % (t, busy16, busy)))
    cr0 = f("GUEST_CR0")
    cr4 = f("GUEST_CR4")
    if cr0 is not None:
        pg = cr0 >> a.bit_of(a.cr0, "PG") & 1
        pe = cr0 >> a.bit_of(a.cr0, "PE") & 1
        if pg and not pe and unrestricted:
            out.append(("GUEST_CR0", "guest CR0.PG = 1 needs CR0.PE = 1 with unrestricted "
                        "guest (SDM 26.3.1.1)"))
        if ia32e and not pg:
            out.append(("GUEST_CR0", "IA-32e-mode guest needs CR0.PG = 1 (SDM 26.3.1.1)"))
    if ia32e and cr4 is not None and not cr4 >> a.bit_of(a.cr4, "PAE") & 1:
        out.append(("GUEST_CR4", "IA-32e-mode guest needs CR4.PAE = 1 (SDM 26.3.1.1)"))
    efer = f("GUEST_IA32_EFER")
    if efer is not None and entry is not None and \
            entry >> a.bit_of(a.ctls["ENTRY_CTLS"], "LOAD_EFER") & 1:
        lma = efer >> a.bit_of(a.efer, "LMA") & 1
        if lma != ia32e:
            out.append(("GUEST_IA32_EFER", "guest IA32_EFER.LMA must equal "
                        "VMCS_ENTRY_CTLS.IA32E_MODE_GUEST when loading EFER (SDM 26.3.1.1)"))
    out += fixed_bit_rules(cr0, cr4, caps, unrestricted, a)
    for field, (key, clause) in sorted(CAP_KEYS.items()):
        v = f(field)
        if v is None or not caps or key not in caps:
            continue
        cap = caps[key]
        must1 = cap & 0xffffffff
        may1 = cap >> 32
        if field == "PROC_BASED_CTLS2" and not has2:
            continue
        if v & must1 != must1:
            out.append((field, "control bits that must be 1 are 0: %s (SDM %s)" % (
                " ".join(bit_names(must1 & ~v, a.ctls[field])), clause)))
        if v & ~may1 & 0xffffffff:
            out.append((field, "control bits that must be 0 are 1: %s (SDM %s)" % (
                " ".join(bit_names(v & ~may1 & 0xffffffff, a.ctls[field])), clause)))
    return out
