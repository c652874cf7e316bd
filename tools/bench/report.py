#!/usr/bin/env python3
"""Turns the serial logs of tools/bench/run.sh into CSV files, results.md
(also printed) and boot.dat for boot.gp.
usage: report.py LOGS_DIR OUT_DIR"""
import csv
import glob
import os
import re
import sys

LOGS, OUT = sys.argv[1], sys.argv[2]


def serial(name):
    path = os.path.join(LOGS, name + ".serial")
    if not os.path.exists(path):
        return ""
    with open(path, "rb") as f:
        return f.read().decode("latin-1").replace("\r", "")


def small(name, ext):
    path = os.path.join(LOGS, name + "." + ext)
    return open(path).read().strip() if os.path.exists(path) else "?"


def first(pattern, text, conv=str):
    m = re.search(pattern, text, re.M)
    return conv(m.group(1)) if m else None


def runs(prefix):
    """{(rep, rest of the name): name} for logs named PREFIX-rREP-REST."""
    out = {}
    for p in glob.glob(os.path.join(LOGS, prefix + "-r*.serial")):
        name = os.path.basename(p)[:-len(".serial")]
        m = re.match(re.escape(prefix) + r"-r(\d+)-(.*)$", name)
        out[(int(m.group(1)), m.group(2))] = name
    return out


def write_csv(fname, header, rows):
    with open(os.path.join(OUT, fname), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def same(values):
    vals = [v for v in values if v is not None]
    if len(vals) < 2:
        return "n/a"
    return "yes" if len(set(vals)) == 1 else "NO"


md = []
boot = runs("boot")
reps = sorted({r for r, _ in boot} | {r for r, _ in runs("rt")} | {r for r, _ in runs("work")})
cpu_counts = sorted({int(k.split("-c")[1]) for _, k in boot})

# --- 1. boot ticks ---------------------------------------------------------
rows, dat = [], []
md += ["## Boot: power-on to the guest's init marker (CPU 0 TSC, emulated ticks)", ""]
head = ["CPUs"] + [f"bare run {r}" for r in reps] + [f"xmhf-ng run {r}" for r in reps] + \
    ["ratio", "identical", "kernel s bare/xmhf-ng", "wall s bare/xmhf-ng"]
md += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
for n in cpu_counts:
    tsc = {}
    for mode in ("bare", "hv"):
        for r in reps:
            name = boot.get((r, f"{mode}-c{n}"))
            text = serial(name) if name else ""
            t = first(r"XMHF-GUEST: tsc=(\d+)", text, int)
            up = first(r"XMHF-GUEST: uptime=([\d.]+)", text)
            online = first(r"XMHF-GUEST: MARKER cpus_online=(\d+)", text, int)
            tsc[(mode, r)] = (t, up, small(name, "wall") if name else "?")
            rows.append([r, n, mode, t, up, online, tsc[(mode, r)][2],
                         small(name, "rc") if name else "?"])
    b, h = tsc[("bare", reps[0])], tsc[("hv", reps[0])]
    ratio = f"{h[0] / b[0]:.3f}" if b[0] and h[0] else "?"
    ident = same([tsc[("bare", r)][0] for r in reps]) + "/" + same([tsc[("hv", r)][0] for r in reps])
    md.append("| " + " | ".join([str(n)] + [str(tsc[("bare", r)][0]) for r in reps] +
                                [str(tsc[("hv", r)][0]) for r in reps] +
                                [ratio, ident, f"{b[1]}/{h[1]}", f"{b[2]}/{h[2]}"]) + " |")
    dat.append(f"{n} {b[0] or 0} {h[0] or 0}")
write_csv("boot.csv", ["run", "cpus", "mode", "tsc_ticks", "kernel_uptime_s",
                       "cpus_online", "wall_s", "bochs_run_exit"], rows)
with open(os.path.join(OUT, "boot.dat"), "w") as f:
    f.write("# cpus bare_ticks xmhf_ticks\n" + "\n".join(dat) + "\n")
md += ["", "ratio = xmhf-ng / bare (run 1); identical = every run gave the same ticks "
       "(bare/xmhf-ng); kernel s = the guest's /proc/uptime at the marker.", ""]

# --- 2. exits ----------------------------------------------------------------
rows = []
md += ["## VM exits during the boot (xmhf-ng counters, hypercall function 1)", ""]
per = {}
for n in cpu_counts:
    for r in reps:
        name = boot.get((r, f"hv-c{n}"))
        for m in re.finditer(r"xmhf-ng: exits cpu=(\d+) reason=(\d+) name=(\S+) count=(\d+)",
                             serial(name) if name else ""):
            cpu, reason, rname, count = int(m[1]), int(m[2]), m[3], int(m[4])
            rows.append([r, n, cpu, reason, rname, count])
            per.setdefault((n, reason, rname), {}).setdefault(r, {})[cpu] = count
write_csv("exits.csv", ["run", "cpus", "cpu", "reason", "name", "count"], rows)
head = ["CPUs", "reason", "name"] + [f"run {r} per CPU" for r in reps] + ["total run 1", "identical"]
md += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
for (n, reason, rname), byrep in sorted(per.items()):
    cells = []
    for r in reps:
        c = byrep.get(r, {})
        cells.append(" ".join(f"{cpu}:{c[cpu]}" for cpu in sorted(c)) or "-")
    total = sum(byrep.get(reps[0], {}).values())
    md.append("| " + " | ".join([str(n), str(reason), rname] + cells +
                                [str(total), same([tuple(sorted(byrep.get(r, {}).items()))
                                                   for r in reps])]) + " |")
md.append("")

# --- 3. round trips ----------------------------------------------------------
rows, res = [], {}
rt = runs("rt")
for (r, mode), name in rt.items():
    for m in re.finditer(r"XMHF-BENCH: name=(\S+) iters=0x([0-9a-f]+) ops=0x([0-9a-f]+) "
                         r"ticks=0x([0-9a-f]+)", serial(name)):
        iters, ops, ticks = int(m[2], 16), int(m[3], 16), int(m[4], 16)
        res[(mode, r, m[1])] = (iters, ops, ticks)
        rows.append([r, mode, m[1], iters, ops, ticks])
write_csv("roundtrip.csv", ["run", "mode", "name", "iters", "ops_per_iter", "ticks"], rows)


def per_op(mode, r, bench):
    """Ticks per operation, the empty loop's ticks subtracted."""
    if (mode, r, bench) not in res or (mode, r, "loop") not in res:
        return None
    iters, ops, ticks = res[(mode, r, bench)]
    return (ticks - res[(mode, r, "loop")][2]) / (iters * ops)


LABELS = [("cpuid", "CPUID leaf 0"), ("vmcall", "VMCALL hypercall 0 (no-op)"),
          ("in", "IN port 0x80 (no exit: baseline)"),
          ("in_uart", "IN COM1 LSR (console mux: I/O exit)"), ("rdmsr", "RDMSR IA32_EFER (not intercepted)"),
          ("wrmsr", "WRMSR IA32_EFER, same value"), ("cr0", "MOV to CR0 toggling NE"),
          ("icr", "xAPIC ICR write, fixed self-IPI"), ("eoi", "xAPIC EOI write"),
          ("tmict", "xAPIC timer initial-count write (0)")]
md += ["## Round trips (ticks per operation, empty loop subtracted)", ""]
head = ["operation"] + [f"bare run {r}" for r in reps] + [f"xmhf-ng run {r}" for r in reps] + \
    ["xmhf-ng share", "identical"]
md += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
fmt = lambda v: "-" if v is None else f"{v:.1f}"
for bench, label in LABELS:
    bare = [per_op("bare", r, bench) for r in reps]
    hv = [per_op("hv", r, bench) for r in reps]
    share = "-" if hv[0] is None else fmt(hv[0] - (bare[0] or 0)) if bare[0] is not None else \
        f"{hv[0]:.1f} (bare: #UD)"
    md.append("| " + " | ".join([label] + [fmt(v) for v in bare] + [fmt(v) for v in hv] +
                                [share, same(bare) + "/" + same(hv)]) + " |")
md += ["", "Loop: " + ", ".join(f"{mode} run {r} {res[(mode, r, 'loop')][2]} ticks"
                                 for (mode, r, b) in sorted(res) if b == "loop") +
       f" for {next(iter(res.values()))[0] if res else '?'} iterations.", ""]

# --- 3b. what the boot difference is made of ----------------------------------
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Basic exit reason names, from the hypervisor's own table (SDM Appendix C).
with open(os.path.join(ROOT, "include/arch/vmx_exit_reasons.h")) as f:
    REASON = {int(m[2]): m[1] for m in re.finditer(r"X\((\w+), (\d+)\)", f.read())}
# Cost of one exit (ticks of hypervisor work over bare, round trips run 1) by
# reason: the round trip that exercises that exit path. EPT violations are APIC
# writes: EOI or timer cost each, an ICR write (one per IPI sent) costs "icr".
# RDMSR has no round trip of its own (the bench's RDMSR does not exit): WRMSR's.
COST_OF = {"CPUID": "cpuid", "VMCALL": "vmcall", "CR_ACCESS": "cr0", "WRMSR": "wrmsr",
           "RDMSR": "wrmsr", "IO_INSTRUCTION": "in_uart", "EPT_VIOLATION": "eoi"}
r1 = reps[0] if reps else 1


def cost(key):
    hv, bare = per_op("hv", r1, key), per_op("bare", r1, key)
    if hv is None:
        return None
    return hv - (bare or 0)


IPI_KINDS = ("RES", "CAL", "TLB")


def irq_counts(text, tag):
    """{kind: [per-CPU counts]} from "XMHF-GUEST: <tag> KIND: c0 c1 ..." lines."""
    out = {}
    for m in re.finditer(r"XMHF-GUEST: %s (\S+?):? ((?:\d+ ?)+)$" % re.escape(tag), text, re.M):
        out[m[1]] = [int(x) for x in m[2].split()]
    return out


def exit_ticks(counts, ipis):
    """Estimated hypervisor ticks for {reason name: count} with `ipis` ICR writes
    among the EPT violations: ({reason: ticks}, unknown reasons)."""
    est, unknown = {}, []
    for rname, c in counts.items():
        key = COST_OF.get(rname)
        k = cost(key) if key else None
        if k is None:
            unknown.append(rname)
            continue
        est[rname] = c * k
    if "EPT_VIOLATION" in est and cost("icr") is not None and cost("eoi") is not None:
        est["EPT_VIOLATION"] += ipis * (cost("icr") - cost("eoi"))
    return est, unknown


def printk_time(text, pattern):
    return first(r"^\[\s*([\d.]+)\] " + pattern, text, float)


def tsc_mhz(text):
    vals = re.findall(r"tsc: (?:Detected|Refined TSC clocksource calibration:) ([\d.]+) MHz", text)
    return float(vals[-1]) if vals else None


fmt_m = lambda v: "?" if v is None else f"{v / 1e6:.2f}"

# --- 3c. steady-state workloads ---------------------------------------------------
WORKS = [("hash", "(a) CPU-bound: FNV-1a over 32 MiB"),
         ("syscall", "(b) syscalls: getpid + clock_gettime"),
         ("disk", "(c) O_DIRECT 4 KiB reads of /dev/sda"),
         ("ipi", "(d) pipe ping-pong CPU 0 <-> CPU 1"),
         ("idle", "(e) idle (sleep)"),
         ("cpuid", "exit probe: CPUID from 64-bit user mode")]


def work_results(text):
    """{workload: dict(ticks, ns, arg, result, exits {(cpu, reason): n}, irq)}
    from the xmhf-work lines of one serial log."""
    out = {}
    for m in re.finditer(r"XMHF-GUEST: work=(\w+) ticks=(\d+) ns=(\d+) arg=(\d+) result=(\d+)",
                         text):
        w = m[1]
        ex = {}
        for e in re.finditer(r"XMHF-GUEST: work=%s exits cpu=(\d+) reason=(\d+) count=(\d+)" % w,
                             text):
            ex[(int(e[1]), REASON.get(int(e[2]), f"reason{e[2]}"))] = int(e[3])
        snap = first(r"XMHF-GUEST: work=%s exits snapshot_vmcalls=(\d+)" % w, text, int)
        if snap and (0, "VMCALL") in ex:	# the tool's own counter reads, on CPU 0
            ex[(0, "VMCALL")] -= snap
            if not ex[(0, "VMCALL")]:
                del ex[(0, "VMCALL")]
        before, after = irq_counts(text, f"work={w} irq_before"), irq_counts(text, f"work={w} irq_after")
        irq = {k: [a - b for a, b in zip(after[k], before.get(k, []))] for k in after}
        out[w] = dict(ticks=int(m[2]), ns=int(m[3]), arg=m[4], result=m[5], exits=ex, irq=irq)
    return out


work = runs("work")
wres = {}
rows, erows = [], []
for (r, mode), name in sorted(work.items()):
    for w, d in work_results(serial(name)).items():
        wres[(mode, r, w)] = d
        rows.append([r, mode, w, d["ticks"], d["ns"], d["arg"], d["result"]] +
                    [" ".join(map(str, d["irq"].get(k, []))) for k in ("LOC",) + IPI_KINDS])
        erows += [[r, mode, w, cpu, rn, c] for (cpu, rn), c in sorted(d["exits"].items())]
write_csv("work.csv", ["run", "mode", "work", "ticks", "guest_ns", "arg", "result",
                       "LOC_per_cpu", "RES_per_cpu", "CAL_per_cpu", "TLB_per_cpu"], rows)
write_csv("work_exits.csv", ["run", "mode", "work", "cpu", "reason", "count"], erows)
wreps = sorted({r for r, _ in work})
md += ["## Steady-state workloads (guest TSC ticks on CPU 0, 2 CPUs)", ""]
head = ["workload"] + [f"bare run {r}" for r in wreps] + [f"xmhf-ng run {r}" for r in wreps] + \
    ["ratio", "identical", "exits run 1 (cpu:count)", "exits x cost CPU 0 / diff",
     "diff / CPU 0 exits", "guest irqs bare/xmhf-ng"]
md += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
wdat, ratios, per_exit = [], {}, {}
for w, label in WORKS:
    b = [wres.get(("bare", r, w), {}).get("ticks") for r in wreps]
    h = [wres.get(("hv", r, w), {}).get("ticks") for r in wreps]
    if not wreps or b[0] is None or h[0] is None:
        md.append(f"| {label} | run missing |" + " |" * (len(head) - 2))
        continue
    ratio = h[0] / b[0]
    ratios[w] = ratio
    wr = wres[("hv", wreps[0], w)]
    byr = {}
    for (cpu, rn), c in wr["exits"].items():
        byr.setdefault(rn, {})[cpu] = c
    ex_txt = "; ".join(f"{rn} " + " ".join(f"{c}:{v}" for c, v in sorted(cs.items()))
                       for rn, cs in sorted(byr.items())) or "none"
    cpu0 = {rn: c for (cpu, rn), c in wr["exits"].items() if cpu == 0}
    ipis0 = sum(sum(wr["irq"].get(k, [])[1:]) for k in IPI_KINDS)	# received by the others
    e0, unk = exit_ticks(cpu0, ipis0)
    est_txt = f"{fmt_m(sum(e0.values()))} / {fmt_m(h[0] - b[0])}" + \
        (" (no cost: " + ", ".join(unk) + ")" if unk else "")
    n0 = sum(cpu0.values())
    per_exit[w] = ((h[0] - b[0]) / n0 if n0 else None, cpu0)
    per_txt = f"{per_exit[w][0]:.0f}" if n0 else "-"
    bi, hi = wres[("bare", wreps[0], w)]["irq"], wr["irq"]
    irq_txt = "; ".join(f"{k} " + "+".join(map(str, bi.get(k, []))) + "/" +
                        "+".join(map(str, hi.get(k, []))) for k in ("LOC",) + IPI_KINDS
                        if any(bi.get(k, [])) or any(hi.get(k, [])))
    if w == "idle":
        secs = wr["ns"] / 1e9
        per = {}
        for (cpu, rn), c in wr["exits"].items():
            per[cpu] = per.get(cpu, 0) + c
        ex_txt += " (per s: " + " ".join(f"{c}:{v / secs:.0f}" for c, v in sorted(per.items())) + ")"
    md.append("| " + " | ".join([label] + [str(v) for v in b] + [str(v) for v in h] +
                                [f"{ratio:.4f}", same(b) + "/" + same(h), ex_txt, est_txt,
                                 per_txt, irq_txt]) + " |")
    if w != "cpuid":	# a probe of one exit, not a workload: not in the chart
        wdat.append(f"{w} {ratio:.5f}")
with open(os.path.join(OUT, "work.dat"), "w") as f:
    f.write("# workload ratio(xmhf-ng/bare)\n" + "\n".join(wdat) + "\n")
md += ["", "ratio = xmhf-ng / bare (run 1). exits: the hypervisor's per-CPU counters "
       "(hypercall 3) read before and after the timed part, the tool's own counter reads "
       "taken off. exits x cost: CPU 0's exits x the round-trip cost of each path (as in the "
       "boot table; ICR writes = the IPIs the other CPU received) over the measured "
       "difference. guest irqs: /proc/interrupts deltas around the whole xmhf-work "
       "process, CPU 0+CPU 1.", ""]

# --- 3c'. the same guest on the other CPU models ---------------------------------------
model_runs = runs("model")
mreps = sorted({r for r, _ in model_runs})
models = sorted({k.split("-", 1)[1] for _, k in model_runs})
if models:
    md += ["## Per CPU model: the workload guest's boot and workloads (2 CPUs)", ""]
    head = ["model", "boot ratio"] + [label.split(" ")[0] for w, label in WORKS if w != "cpuid"] + \
        ["identical", "APIC-page exits CPU 0, (a)-(e)", "other exits CPU 0, (a)-(e)",
         "Linux under xmhf-ng, not bare"]
    md += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    mrows = []
    for m in models:
        per, marker, texts = {}, {}, {}
        for mode in ("bare", "hv"):
            for r in mreps:
                name = model_runs.get((r, f"{mode}-{m}"))
                text = serial(name) if name else ""
                texts[(mode, r)] = text
                per[(mode, r)] = work_results(text)
                marker[(mode, r)] = first(r"XMHF-GUEST: tsc=(\d+)", text, int)
        r0 = mreps[0]
        cells, ident = [], []
        b0, h0 = marker[("bare", r0)], marker[("hv", r0)]
        cells.append(f"{h0 / b0:.3f}" if b0 and h0 else "?")
        ident.append(same([marker[("bare", r)] for r in mreps]) + "/" +
                     same([marker[("hv", r)] for r in mreps]))
        apic, other = 0, {}
        for w, _ in WORKS:
            if w == "cpuid":
                continue
            b = per[("bare", r0)].get(w, {}).get("ticks")
            h = per[("hv", r0)].get(w, {}).get("ticks")
            cells.append(f"{h / b:.4f}" if b and h else "?")
            mrows.append([m, w, b, h])
            ident.append(same([per[("bare", r)].get(w, {}).get("ticks") for r in mreps]) + "/" +
                         same([per[("hv", r)].get(w, {}).get("ticks") for r in mreps]))
            for (cpu, rn), c in per[("hv", r0)].get(w, {}).get("exits", {}).items():
                if cpu != 0:
                    continue
                if rn == "EPT_VIOLATION":
                    apic += c
                else:
                    other[rn] = other.get(rn, 0) + c
        ident_txt = "yes" if all(x == "yes/yes" for x in ident) else \
            "n/a" if all("n/a" in x for x in ident) else "NO (" + " ".join(ident) + ")"
        # dmesg lines that only one of the two boots printed, on what Linux chose
        chosen = []
        for pat, what in ((r"ITS: Mitigation", "ITS return thunks"),
                          (r"TSC deadline timer available", "TSC deadline"),
                          (r"x2apic enabled", "x2APIC")):
            on = [bool(re.search(pat, texts[(mode, r0)])) for mode in ("bare", "hv")]
            if on[0] != on[1]:
                chosen.append(("" if on[1] else "no ") + what)
        md.append("| " + " | ".join([m] + cells + [ident_txt, str(apic),
                                                   ", ".join(f"{k} {v}" for k, v in
                                                             sorted(other.items())) or "-",
                                                   ", ".join(chosen) or "-"]) + " |")
    write_csv("models.csv", ["model", "work", "bare_ticks", "xmhf_ticks"], mrows)
    with open(os.path.join(OUT, "models.dat"), "w") as f:
        names = [w for w, _ in WORKS if w != "cpuid"]
        f.write("model " + " ".join(f"({chr(97 + i)})_{w}" for i, w in enumerate(names)) + "\n")
        for m in models:
            r = {w: h / b for mm, w, b, h in mrows if mm == m and b and h}
            f.write(m + " " + " ".join(f"{r.get(w, 0):.5f}" for w in names) + "\n")
    md += ["", "boot ratio = the init marker's CPU 0 TSC, xmhf-ng / bare (run 1), workload "
           "columns as in the table above (run 1); identical = every run of every figure gave "
           "the same ticks. Round trips are the same on every VMX model (one tick per "
           "instruction in Bochs): only what the guest's kernel chooses differs.", ""]

md += ["## What the boot difference is made of (run 1, M ticks)", ""]
# The cost of one APIC-write exit inside the 64-bit Linux guest: workload (a)'s
# extra ticks over its CPU 0 exits, when those are all EPT violations.
h_exits = per_exit.get("hash", (None, {}))
linux_ept = h_exits[0] if h_exits[0] and set(h_exits[1]) == {"EPT_VIOLATION"} else None
head = ["CPUs", "marker diff", "pre-kernel diff", "kernel-time diff",
        "exits x round-trip cost, all CPUs", "by reason", "exits x in-guest cost, all CPUs",
        "per CPU", "IPIs sent", "AP bring-up ms bare/xmhf-ng", "xmhf-ng guest start"]
md += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
explain_rows = []
for n in cpu_counts:
    tb = serial(boot.get((r1, f"bare-c{n}"), "")) if boot.get((r1, f"bare-c{n}")) else ""
    th = serial(boot.get((r1, f"hv-c{n}"), "")) if boot.get((r1, f"hv-c{n}")) else ""
    vals = {}
    for mode, text in (("bare", tb), ("hv", th)):
        t = first(r"XMHF-GUEST: tsc=(\d+)", text, int)
        up = first(r"XMHF-GUEST: uptime=([\d.]+)", text, float)
        mhz = tsc_mhz(text)
        kern = up * mhz * 1e6 if up is not None and mhz else None
        a = printk_time(text, r"smp: Bringing up secondary CPUs")
        b = printk_time(text, r"smp: Brought up")
        vals[mode] = (t, kern, (b - a) * 1e3 if a is not None and b is not None else None)
    if None in (vals["bare"][0], vals["hv"][0], vals["bare"][1], vals["hv"][1]):
        md.append(f"| {n} | run missing |" + " |" * (len(head) - 2))
        continue
    counts, per_cpu = {}, {}
    for m in re.finditer(r"xmhf-ng: exits cpu=(\d+) reason=(\d+) name=(\S+) count=(\d+)", th):
        counts[m[3]] = counts.get(m[3], 0) + int(m[4])
        per_cpu.setdefault(int(m[1]), {})[m[3]] = int(m[4])
    irq = irq_counts(th, "irq")
    ipis = sum(sum(irq.get(k, [])) for k in IPI_KINDS)
    est, unknown = exit_ticks(counts, ipis)
    cpu_est = []
    for cpu in sorted(per_cpu):
        # IPIs are charged to the CPUs in proportion to their EPT violations.
        share = per_cpu[cpu].get("EPT_VIOLATION", 0) / max(1, counts.get("EPT_VIOLATION", 0))
        e, _ = exit_ticks(per_cpu[cpu], ipis * share)
        if linux_ept and "EPT_VIOLATION" in e:	# at the in-guest cost
            e["EPT_VIOLATION"] = per_cpu[cpu]["EPT_VIOLATION"] * linux_ept
        cpu_est.append(f"{cpu}:{fmt_m(sum(e.values()))}")
    diff = vals["hv"][0] - vals["bare"][0]
    kdiff = vals["hv"][1] - vals["bare"][1]
    by = ", ".join(f"{r} {fmt_m(v)}" for r, v in sorted(est.items(), key=lambda x: -x[1]))
    if unknown:
        by += " (no cost for " + ", ".join(unknown) + ")"
    ap = "/".join("-" if vals[m][2] is None else f"{vals[m][2]:.1f}" for m in ("bare", "hv"))
    est2 = None
    if linux_ept and "EPT_VIOLATION" in est:
        est2 = sum(v for r, v in est.items() if r != "EPT_VIOLATION") + \
            counts["EPT_VIOLATION"] * linux_ept
    start = first(r"xmhf-ng: CPU 0: starting the guest .* tsc=(\d+)", th, int)
    md.append(f"| {n} | {fmt_m(diff)} | {fmt_m(diff - kdiff)} | {fmt_m(kdiff)} | "
              f"{fmt_m(sum(est.values()))} | {by} | {fmt_m(est2)} | {' '.join(cpu_est)} | "
              f"{ipis} | {ap} | {fmt_m(start)} |")
    explain_rows.append([n, diff, diff - kdiff, kdiff, round(sum(est.values())), ipis,
                         vals["bare"][2], vals["hv"][2]])
write_csv("boot_explained.csv", ["cpus", "marker_diff_ticks", "prekernel_diff_ticks",
                                 "kernel_diff_ticks", "exit_cost_ticks_all_cpus", "ipis_sent",
                                 "ap_bringup_ms_bare", "ap_bringup_ms_hv"], explain_rows)
md += ["", "kernel time = the marker's /proc/uptime x the kernel's TSC calibration "
       "(\"tsc: ... MHz\"); pre-kernel = marker minus kernel time (firmware, both GRUBs, the "
       "hypervisor's start-up). exits x cost: each exit counted by the hypervisor x the "
       "round-trip cost of that exit path (CPUID: cpuid, VMCALL: vmcall, CR: cr0, "
       "RDMSR/WRMSR: wrmsr, I/O: in_uart, EPT violation: eoi, plus icr-eoi for each IPI "
       "sent, the RES+CAL+TLB interrupts the guest counted). In-guest cost: the same with "
       "every EPT violation at the ticks per exit that workload (a) shows in the 64-bit guest "
       f"({'?' if linux_ept is None else f'{linux_ept:.0f}'}); per CPU is at that cost too. "
       "xmhf-ng guest start = CPU 0's TSC when the hypervisor starts the disk's boot sector. "
       "The marker is CPU 0's: "
       "exits on the APs cost CPU 0 time only where it waits for them. AP bring-up = "
       "printk time from \"smp: Bringing up secondary CPUs\" to \"smp: Brought up\".", ""]

# --- 3d. the targets -----------------------------------------------------------
md += ["## Targets (issue 12)", ""]
md += ["| figure | target | measured | met |", "|---|---|---|---|"]


def boot_ratio(n):
    b = serial(boot[(r1, f"bare-c{n}")]) if (r1, f"bare-c{n}") in boot else ""
    h = serial(boot[(r1, f"hv-c{n}")]) if (r1, f"hv-c{n}") in boot else ""
    tb, th = first(r"XMHF-GUEST: tsc=(\d+)", b, int), first(r"XMHF-GUEST: tsc=(\d+)", h, int)
    return th / tb if tb and th else None


def target(label, limit, values, fmtv):
    vals = [v for v in values if v is not None]
    met = "?" if not vals else "yes" if all(v <= limit for v in vals) else "**no**"
    md.append(f"| {label} | <= {fmtv(limit)} | " +
              (", ".join(fmtv(v) for v in vals) or "not measured") + f" | {met} |")


target("boot ratio, like for like (" + "/".join(map(str, cpu_counts)) + " CPUs)", 1.01,
       [boot_ratio(n) for n in cpu_counts], lambda v: f"{v:.3f}")
target("CPUID round trip over bare (ticks)", 100, [cost("cpuid")], lambda v: f"{v:.0f}")
target("APIC EOI or timer write (ticks)", 400, [cost("eoi"), cost("tmict")], lambda v: f"{v:.0f}")
target("workload (a)", 1.005, [ratios.get("hash")], lambda v: f"{v:.4f}")
target("workload (b)", 1.005, [ratios.get("syscall")], lambda v: f"{v:.4f}")
target("workloads (c) and (d)", 1.03, [ratios.get("disk"), ratios.get("ipi")],
       lambda v: f"{v:.4f}")
md.append("")

# --- idle APs ------------------------------------------------------------------
# A maxcpus=1 guest on 4 CPUs: CPUs 1-3 wait for a SIPI that never comes. The
# hypervisor's idle figures (hypercall 1): TSC ticks in idle waits and HLT
# wake-ups per CPU; a PAUSE spin would count a wake-up per loop iteration.
# Wall seconds: Bochs skips halted CPUs, so they cost no emulation time.
idle = runs("idle")
md += ["## Idle APs: a maxcpus=1 guest on 4 CPUs", ""]
head = ["run", "CPU", "waiting", "idle ticks", "guest TSC at marker", "idle share", "HLT wake-ups"]
md += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
rows = []
for (r, mode), name in sorted(idle.items()):
    text = serial(name)
    tsc = first(r"^XMHF-GUEST: tsc=(\d+)", text, int)
    if mode == "bare":
        md.append(f"| {r} bare | - | - | - | {tsc} | - | - (wall {small(name, 'wall')} s) |")
        continue
    for cpu, waiting, ticks, wakeups in re.findall(
            r"^xmhf-ng: idle cpu=(\d+) waiting=(\w+) ticks=(\d+) wakeups=(\d+)", text, re.M):
        share = f"{int(ticks) / tsc:.3f}" if tsc else "?"
        rows.append([r, cpu, waiting, ticks, tsc, wakeups, small(name, "wall")])
        md.append(f"| {r} xmhf-ng | {cpu} | {waiting} | {ticks} | {tsc} | {share} | {wakeups} |")
    md.append(f"| {r} xmhf-ng | wall | | | | | {small(name, 'wall')} s |")
write_csv("idle.csv", ["run", "cpu", "waiting", "idle_ticks", "guest_tsc", "wakeups", "wall_s"], rows)
md.append("")

# --- 4. memory -----------------------------------------------------------------
rows = []
md += ["## Hypervisor resident memory (its own accounting)", ""]
head = ["CPUs", "guest RAM (E820 RAM MiB)", "image KiB", "loaded KiB", "per-CPU KiB x slots",
        "EPT pages used/pool", "E820 reservation KiB"]
md += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
mem_runs = [(n, "512", boot.get((reps[0], f"hv-c{n}"))) for n in cpu_counts] + \
    [(n, "4096", f"mem4g-c{n}") for n in cpu_counts]
for n, mib, name in mem_runs:
    text = serial(name) if name else ""
    m = re.search(r"xmhf-ng: memory image=(\d+) KiB loaded=(\d+) KiB percpu=(\d+) KiBx(\d+) "
                  r"ept_pool=(\d+)/(\d+) pages", text)
    ram = sum(int(e, 16) - int(b, 16) + 1 for b, e in
              re.findall(r"xmhf-ng: e820 \[0x([0-9a-f]+)-0x([0-9a-f]+)\] RAM", text)) >> 20
    rsv = re.search(r"guest E820 has \d+ entries, hypervisor 0x([0-9a-f]+)-0x([0-9a-f]+) reserved",
                    text)
    rsv_kib = (int(rsv[2], 16) - int(rsv[1], 16) + 1) >> 10 if rsv else None
    # Where the guest booted, its own E820 must show the same reservation.
    if rsv and "XMHF-GUEST: e820" in text:
        seen = re.search(r"XMHF-GUEST: e820 \[mem 0x0*%s-0x0*%s\] reserved" % (rsv[1], rsv[2]), text)
        rsv_kib = f"{rsv_kib} (guest sees it)" if seen else f"{rsv_kib} (NOT in guest E820)"
    if not m:
        md.append(f"| {n} | {mib} | run failed | | | | |")
        continue
    rows.append([n, mib, ram, *m.groups(), rsv_kib])
    md.append(f"| {n} | {mib} ({ram}) | {m[1]} | {m[2]} | {m[3]} x {m[4]} | {m[5]}/{m[6]} | {rsv_kib} |")
write_csv("memory.csv", ["cpus", "bochs_guest_mib", "e820_ram_mib", "image_kib", "loaded_kib",
                         "percpu_kib", "percpu_slots", "ept_used", "ept_pool", "e820_reserved_kib"],
          rows)
md.append("")

text = "\n".join(md)
with open(os.path.join(OUT, "results.md"), "w") as f:
    f.write(text)
print(text)
# One line per ratio, for the end of make bench's output.
for n in cpu_counts:
    v = boot_ratio(n)
    print(f"bench: boot {n} CPU(s): xmhf-ng/bare {'?' if v is None else f'{v:.4f}'}")
for w, label in WORKS:
    b = [wres.get(("bare", r, w), {}).get("ticks") for r in wreps]
    h = [wres.get(("hv", r, w), {}).get("ticks") for r in wreps]
    if w in ratios:
        print(f"bench: work {w}: xmhf-ng/bare {ratios[w]:.4f} (bare {b[0]}, xmhf-ng {h[0]} ticks; "
              f"runs identical {same(b)}/{same(h)})")
