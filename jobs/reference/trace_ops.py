"""Native ops by self time in profiler traces (Chrome trace JSON, as `mood-nas bench --trace` and
pytorch_steps.py --trace write them), side by side: each op's self milliseconds and calls.

usage: trace_ops.py [--top N] NAME=TRACE...
"""
import argparse
import collections
import json
import sys


def self_times(path):
    """Self time (µs) and calls per op name: each event's duration less its children's."""
    with open(path) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and "dur" in e:
            by_thread[(e.get("pid"), e.get("tid"))].append(e)
    total, calls = collections.Counter(), collections.Counter()
    for thread in by_thread.values():
        thread.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        stack = []
        for e in thread:
            start, dur = float(e["ts"]), float(e["dur"])
            while stack and stack[-1][0] + stack[-1][1] <= start:
                stack.pop()
            if stack:
                total[stack[-1][2]] -= dur
            total[e["name"]] += dur
            calls[e["name"]] += 1
            stack.append((start, dur, e["name"]))
    return total, calls


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--top", type=int, default=20)
    p.add_argument("traces", nargs="+", metavar="NAME=TRACE")
    args = p.parse_args()
    named = []
    for t in args.traces:
        name, sep, path = t.partition("=")
        if not sep or not name or not path:
            sys.exit(f"trace_ops.py: {t}: not NAME=TRACE")
        try:
            named.append((name, *self_times(path)))
        except (OSError, ValueError, KeyError) as e:
            sys.exit(f"trace_ops.py: {path}: not a readable trace ({e})")
    ops = collections.Counter()
    for _, total, _ in named:
        ops.update({k: v for k, v in total.items() if k.startswith("aten::")})
    header = f"{'op (self time)':44}" + "".join(f"{n + ' ms':>14}{'calls':>8}" for n, _, _ in named)
    print(header)
    for op, _ in ops.most_common(args.top):
        print(f"{op[:44]:44}" + "".join(f"{t[op] / 1000:14.1f}{c[op]:8d}" for _, t, c in named))
    print(f"{'all ops':44}" + "".join(f"{sum(t.values()) / 1000:14.1f}{sum(c.values()):8d}"
                                     for _, t, c in named))


if __name__ == "__main__":
    main()
