#!/usr/bin/env python3
"""pofilter (translate-toolkit's StandardChecker) on the planted benchmark's pairs.

    cargo run --release --example planted -- --cases-out /tmp/cases.jsonl
    python3 bench/pofilter.py /tmp/cases.jsonl

Each document pair of the benchmark becomes one unit per sentence (source line, target line),
as a translation tool sees them. For every planted kind it prints how many planted sentences
pofilter flags with the check that corresponds to the kind (``numbers`` for numbers and dates,
``unchanged`` for untranslated text, ``untranslated`` for a dropped sentence; names and
speakers have no pofilter check, so for them only "any check" is given), the precision of that
check on the planted copies, and its flags on the clean pairs. Needs ``pip install
translate-toolkit``.
"""
import json
import sys
from collections import Counter, defaultdict

from translate.filters import checks
from translate.storage import pypo

CHECK = {
    "number": "numbers",
    "date": "numbers",
    "name": None,
    "speaker": None,
    "untranslated": "unchanged",
    "quote": "unchanged",
    "dropped": "untranslated",
}


def failures(checker, source, target):
    unit = pypo.pounit(source)
    unit.target = target or ""
    try:
        return set(checker.run_filters(unit).keys())
    except Exception:  # pofilter raises on some inputs; count as no finding
        return set()


def main(path):
    checker = checks.StandardChecker()
    clean_units = 0
    clean_flagged = 0
    clean_by_check = Counter()
    planted = Counter()
    found_check = Counter()
    found_any = Counter()
    stray = Counter()
    with open(path, encoding="utf-8") as f:
        for raw in f:
            case = json.loads(raw)
            kind, line = case["kind"], case["line"]
            for i, (s, t) in enumerate(zip(case["source"], case["target"])):
                if s is None:
                    continue
                got = failures(checker, s, t)
                if kind is None:
                    clean_units += 1
                    clean_flagged += bool(got)
                    clean_by_check.update(got)
                    continue
                want = CHECK.get(kind)
                if i == line:
                    planted[kind] += 1
                    found_any[kind] += bool(got)
                    found_check[kind] += bool(want and want in got)
                elif want and want in got:
                    stray[kind] += 1
    print(f"pofilter on {clean_units} clean sentence pairs: {clean_flagged} flagged "
          f"({100 * clean_flagged / max(clean_units, 1):.1f} per 100)")
    print("  by check: " + " ".join(f"{c}:{n}" for c, n in clean_by_check.most_common(12)))
    print(f"\n{'kind':13} {'check':12} {'planted':>7} {'found':>6} {'stray':>6} {'precision':>9} "
          f"{'recall':>7} {'any check':>9}")
    for kind in CHECK:
        n = planted[kind]
        if not n:
            continue
        want = CHECK[kind] or "-"
        fc, st = found_check[kind], stray[kind]
        prec = f"{100 * fc / max(fc + st, 1):.1f}%" if CHECK[kind] else "-"
        print(f"{kind:13} {want:12} {n:>7} {fc:>6} {st:>6} {prec:>9} {100 * fc / n:>6.1f}% "
              f"{100 * found_any[kind] / n:>8.1f}%")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/cases.jsonl")
