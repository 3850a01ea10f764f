#!/usr/bin/env python3
"""False alarms of the quote, attribution and name rules on clean news: the NTREX-128
corpus (human translations of 123 news documents), read from /work/shared/corpora/ntrex
(never copied into the repo). Each document's sentences become one article, one paragraph
per sentence, and `faithful check` runs on all of them as a JSON Lines feed.

    cargo build --release && python3 bench/quote_rules_on_ntrex.py [--bin target/release/faithful]

Prints, per language: documents, quotes found, quotes with a speaker, and the findings of
Q301-Q303, A401-A403 and N501 (each of which is a false alarm on this clean text, unless
the human translation itself has the problem: the listing lets you judge).
"""

import argparse
import collections
import json
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NTREX = os.environ.get("NTREX_DIR", "/work/shared/corpora/ntrex")
FILES = {"en": "newstest2019-src.eng.txt", "ru": "newstest2019-ref.rus.txt", "de": "newstest2019-ref.deu.txt",
         "fr": "newstest2019-ref.fra.txt", "es": "newstest2019-ref.spa.txt"}
CODES = ("Q301", "Q302", "Q303", "A401", "A402", "A403", "N501")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/faithful"))
    ap.add_argument("--show", action="store_true", help="print every finding")
    args = ap.parse_args()
    if not os.path.isdir(NTREX):
        print(f"NTREX not found at {NTREX}; nothing to do")
        return
    ids = [l.rstrip("\n") for l in open(os.path.join(NTREX, "DOCUMENT_IDS.tsv"), encoding="utf-8")]
    for lang, name in FILES.items():
        lines = [l.rstrip("\n") for l in open(os.path.join(NTREX, name), encoding="utf-8")]
        docs = collections.OrderedDict()
        for doc_id, line in zip(ids, lines):
            docs.setdefault(doc_id, []).append(line)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for doc_id, sents in docs.items():
                f.write(json.dumps({"id": doc_id, "title": sents[0], "lang": lang, "text": " ".join(sents[1:])}, ensure_ascii=False) + "\n")
            path = f.name
        out = subprocess.run([args.bin, "check", "--format", "json", "--fail-on", "never", "--select", ",".join(CODES), path],
                             capture_output=True, text=True)
        os.unlink(path)
        report = json.loads(out.stdout)
        counts = collections.Counter()
        quotes = with_speaker = 0
        shown = []
        for d in report["documents"]:
            quotes += len(d["quotes"])
            with_speaker += sum(1 for q in d["quotes"] if q["speaker"])
            for fnd in d["findings"]:
                counts[fnd["code"]] += 1
                shown.append(f"  {d['id']} {fnd['code']} {fnd['text'][:60]!r}: {fnd['message'][:120]}")
        summary = " ".join(f"{c}={counts[c]}" for c in CODES)
        print(f"{lang}: {len(report['documents'])} docs, {quotes} quotes, {with_speaker} with speaker; {summary}")
        if args.show:
            print("\n".join(shown))


if __name__ == "__main__":
    main()
