#!/usr/bin/env python3
"""Tests of tools/xmhf-log-{decode,diff,stats} and tools/xmhf_log.py on serial
logs the hypervisor printed (tests/tools/logs/README.md says how each was
made). Run: python3 tests/tools/test_log_tools.py"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TOOLS = os.path.join(ROOT, "tools")
LOGS = os.path.join(ROOT, "tests", "tools", "logs")
TR83 = os.path.join(LOGS, "tr83-ap-fatal.log")
TR8B = os.path.join(LOGS, "tr8b-ap-dump.log")
TRACE = os.path.join(LOGS, "trace-exits-1cpu.log")
sys.path.insert(0, TOOLS)
import xmhf_log as X  # noqa: E402


def run(tool, *args, env=None):
    p = subprocess.run([os.path.join(TOOLS, tool)] + list(args), capture_output=True,
                       text=True, env=env)
    return p.returncode, p.stdout, p.stderr


def raw_lines(path):
    with open(path, "rb") as f:
        return [l.decode().rstrip("\r\n").replace("\r", "") for l in f]


class Diff(unittest.TestCase):
    def test_tr_rights_named_decoded_and_rule_given(self):
        rc, out, _ = run("xmhf-log-diff", TR83, TR8B)
        self.assertEqual(rc, 1, out)
        self.assertIn("VMCS_GUEST_TR_AR\n  a: 0x83 [ type=3 (TSS16_BUSY) S=system dpl=0 P ]\n"
                      "  b: 0x8b [ type=11 (TSS_BUSY) S=system dpl=0 P ]\n", out)
        hints = [l for l in out.splitlines() if l.startswith("hint:")]
        self.assertEqual(len(hints), 1, out)
        self.assertTrue(hints[0].startswith(
            "hint: a breaks a VM-entry rule: VMCS_GUEST_TR_AR: guest TR type invalid for "
            "IA-32e-mode guest (SDM 26.3.1.2)"), hints[0])
        self.assertTrue(out.endswith("1 field differs\n"), out)

    def test_rule_matches_the_hypervisors_checker(self):
        # The checker line in the real log and the tool's rule agree.
        log = X.Log(TR83)
        self.assertEqual([(c[3], c[2]) for c in log.checks], [("GUEST_TR_AR", "SDM 26.3.1.2")])
        rules = X.entry_rules(log.dump(1).fields, log.caps[1])
        self.assertEqual([r[0] for r in rules], ["GUEST_TR_AR"])
        self.assertIn(log.checks[0][1], rules[0][1])

    def test_same_dump_no_difference(self):
        rc, out, _ = run("xmhf-log-diff", TR8B, TR8B)
        self.assertEqual(rc, 0, out)
        self.assertTrue(out.endswith("0 fields differ\n"), out)
        self.assertNotIn("hint:", out)
        self.assertNotIn("note: both", out)

    def test_no_dump_is_an_error(self):
        rc, _, err = run("xmhf-log-diff", TRACE, TR8B)
        self.assertNotEqual(rc, 0)
        self.assertIn("no vmcs: dump", err)

    def test_more_rules_on_edited_real_dump(self):
        log = X.Log(TR8B)
        f = dict(log.dump(1).fields)
        self.assertEqual(X.entry_rules(f, log.caps[1]), [])
        cr4 = dict(f, GUEST_CR4=f["GUEST_CR4"] & ~(1 << 5))	# clear PAE
        self.assertIn("CR4.PAE", " ".join(m for _, m in X.entry_rules(cr4, log.caps[1])))
        # CR0/CR4 against the fixed-bit MSRs the CPU line prints (SDM 26.3.1.1).
        self.assertIn("cr0_fixed0", log.caps[1])
        cr0 = dict(f, GUEST_CR0=f["GUEST_CR0"] & ~(1 << 5))	# clear NE (fixed to 1)
        self.assertIn(("GUEST_CR0", "guest CR0 bits fixed to 1 in VMX operation are 0: NE "
                       "(SDM 26.3.1.1)"), X.entry_rules(cr0, log.caps[1]))
        cr4 = dict(f, GUEST_CR4=f["GUEST_CR4"] & ~(1 << 13))	# clear VMXE (fixed to 1)
        self.assertIn(("GUEST_CR4", "guest CR4 bits fixed to 1 in VMX operation are 0: VMXE "
                       "(SDM 26.3.1.1)"), X.entry_rules(cr4, log.caps[1]))
        entry = dict(f, ENTRY_CTLS=f["ENTRY_CTLS"] & ~1)	# bit 0: must be 1 (entry cap)
        msgs = X.entry_rules(entry, log.caps[1])
        self.assertEqual(msgs, [("ENTRY_CTLS", "control bits that must be 1 are 0: bit0 "
                                 "(SDM 26.2.1.3)")])


class Decode(unittest.TestCase):
    def annotated(self, path):
        rc, out, _ = run("xmhf-log-decode", path)
        self.assertEqual(rc, 0)
        return out.splitlines()

    def test_every_line_kept_in_order(self):
        out = self.annotated(TR83)
        self.assertEqual([l.split("  # ")[0] for l in out], raw_lines(TR83))

    def test_python_decoding_equals_the_hypervisors(self):
        # The dump carries the hypervisor's own decoding (xmhf/lib/vmcs_decode.c);
        # the tool decodes the value again from include/arch: they must agree.
        seen = 0
        for line in raw_lines(TR83):
            m = X.RE["dump_field"].match(line)
            if not m or not m.group(4).strip():
                continue
            mine = X.field_value(m.group(2), int(m.group(3), 16))
            mine = re.sub(r" \(\w+\)", "", mine)	# the tool adds the type's name
            self.assertEqual(mine, m.group(4).strip(), line)
            seen += 1
        self.assertGreaterEqual(seen, 15)

    def test_check_line_and_controls(self):
        out = self.annotated(TR83)
        chk = [l for l in out if l.startswith("VMCS check:")]
        self.assertEqual(chk, ["VMCS check: CPU 1: guest TR type invalid for IA-32e-mode guest "
                               "(SDM 26.3.1.2) field VMCS_GUEST_TR_AR = 0x83  "
                               "# [ type=3 (TSS16_BUSY) S=system dpl=0 P ]"])
        ctl = [l for l in out if l.startswith("xmhf-ng: VMX controls")][0]
        self.assertIn("proc2: UNRESTRICTED_GUEST ENABLE_VPID ENABLE_RDTSCP ENABLE_EPT;", ctl)
        self.assertIn("entry: LOAD_EFER LOAD_PAT", ctl)
        self.assertNotIn("IA32E_MODE_GUEST", ctl.split("entry:")[1])
        dump = [l for l in out if "VMCS_EXIT_REASON " in l][0]
        self.assertTrue(dump.endswith("# [ CR_ACCESS ]"), dump)

    def test_intercepts_named(self):
        out = self.annotated(TRACE)
        icp = [l for l in out if "Intercept:" in l]
        self.assertGreater(len(icp), 50)
        for l in icp:
            m = re.search(r"Intercept: 0x(\w+) 0x(\w+) .*  # CPU (\d+) (\w+)$", l)
            self.assertTrue(m, l)
            self.assertEqual(int(m.group(1), 16), int(m.group(3)))
            self.assertEqual(X.arch().exit_reasons[int(m.group(2), 16) & 0xffff], m.group(4))
        names = {l.rsplit(" ", 1)[1] for l in icp}
        self.assertTrue({"CPUID", "EPT_VIOLATION"} <= names, names)

    def test_entry_failure_and_vm_error_lines(self):
        # Formats printed by runtime/exit_dispatch.c (no real log of these yet).
        from importlib.machinery import SourceFileLoader
        dec = SourceFileLoader("dec", os.path.join(TOOLS, "xmhf-log-decode")).load_module()
        a = dec.annotate("xmhf-ng: CPU 0: VM-entry failure: exit reason 33 "
                         "(ENTRY_FAIL_GUEST_STATE), qualification 4")
        self.assertEqual(a, "invalid guest state: checks of SDM 26.3.1; qualification 4: "
                            "LINK_POINTER (SDM 26.8)")
        a = dec.annotate("xmhf-ng: CPU 0: VMLAUNCH failed: VM-instruction error 7 "
                         "(ENTRY_INVALID_CONTROL)")
        self.assertIn("SDM 26.2.1", a)


class Stats(unittest.TestCase):
    def test_counts_match_an_independent_count(self):
        rc, out, _ = run("xmhf-log-stats", TRACE)
        self.assertEqual(rc, 0, out)
        want = {}
        for l in raw_lines(TRACE):
            m = re.search(r"Intercept: 0x00 0x([0-9a-f]{8}) ", l)
            if m:
                want[int(m.group(1), 16)] = want.get(int(m.group(1), 16), 0) + 1
        got = {}
        for l in out.splitlines()[1:]:
            f = l.split()
            if f and f[0] != "all":
                got[int(f[1])] = int(f[2])
                self.assertEqual(f[0], X.arch().exit_reasons[int(f[1])])
                self.assertEqual(f[2], f[3])	# one CPU: its column is the total
        self.assertEqual(got, want)
        self.assertIn("all", out.splitlines()[-1])
        self.assertEqual(int(out.splitlines()[-1].split()[1]), sum(want.values()))

    def test_no_intercepts(self):
        rc, _, err = run("xmhf-log-stats", TR8B)
        self.assertEqual(rc, 1)
        self.assertIn("trace=exits", err)


class Headers(unittest.TestCase):
    def test_tables_parsed_from_include(self):
        a = X.arch()
        self.assertEqual(a.exit_reasons[0], "EXCEPTION_NMI")
        self.assertEqual(a.exit_reasons[48], "EPT_VIOLATION")
        self.assertEqual(a.ctls["ENTRY_CTLS"][9], "IA32E_MODE_GUEST")
        self.assertEqual(a.cr0[31], "PG")
        self.assertEqual(a.sys_types[11], "TSS_BUSY")
        # Every X() row of the exit-reason table, counted independently.
        with open(os.path.join(ROOT, "include", "arch", "vmx_exit_reasons.h")) as f:
            rows = len(re.findall(r"^\s*X\(\w+, \d+\)", f.read(), re.M))
        self.assertEqual(len(a.exit_reasons), rows)

    def test_missing_headers_reported(self):
        # A copy of the module with no include/ beside it and a wrong override.
        with tempfile.TemporaryDirectory() as d:
            shutil.copy(os.path.join(TOOLS, "xmhf_log.py"), d)
            p = subprocess.run([sys.executable, "-c", "import xmhf_log; xmhf_log.arch()"],
                               capture_output=True, text=True, cwd=d,
                               env=dict(os.environ, XMHF_NG_INCLUDE="/nonexistent"))
        self.assertEqual(p.returncode, 1)
        self.assertIn("include/arch headers not found", p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
