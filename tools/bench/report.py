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
reps = sorted({r for r, _ in boot} | {r for r, _ in runs("rt")})
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
          ("in", "IN port 0x80 (no exit: baseline)"), ("rdmsr", "RDMSR IA32_EFER (not intercepted)"),
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
