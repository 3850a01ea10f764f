#!/usr/bin/env python3
"""False alarms of the translationese rules (T701-T704) on NTREX-128.

NTREX is professionally translated news (English original plus references), so every
T70x finding on it is a false alarm. Lines are sentences; DOCUMENT_IDS.tsv groups them
into 123 documents. Each document becomes one JSON Lines article, laid out two ways:

The first line of each document is its headline and becomes the article's title.

  lines      one paragraph per sentence (sentences joined by blank lines), the layout
             of an article whose paragraphs are short, and the harder case for T703;
  paragraph  all sentences of a document in one paragraph (joined by spaces).

Usage: bench/ntrex_translationese.py [FAITHFUL_BINARY] [NTREX_DIR]
       bench/ntrex_translationese.py --speed N [FAITHFUL_BINARY] [NTREX_DIR]

--speed N builds a feed of N articles from the NTREX documents (all 11 languages, repeated)
and times `check --select Z` (analysis only, no rule selected) against `check --select T7`
(analysis plus the four translationese rules), best of three runs each, with peak RSS.
Defaults: target/release/faithful if built, else target/debug/faithful;
../shared/corpora/ntrex relative to the repository (or $NTREX). Skips cleanly when the
corpus is missing. Prints findings per language and per 1,000 sentences.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGS = {"eng": "en", "rus": "ru", "deu": "de", "fra": "fr", "spa": "es"}


def main():
    speed = None
    if len(sys.argv) > 2 and sys.argv[1] == "--speed":
        speed = int(sys.argv[2])
        del sys.argv[1:3]
    binary = sys.argv[1] if len(sys.argv) > 1 else None
    if binary is None:
        for b in ("target/release/faithful", "target/debug/faithful"):
            if os.path.exists(os.path.join(ROOT, b)):
                binary = os.path.join(ROOT, b)
                break
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.environ.get(
        "NTREX", os.path.join(ROOT, "..", "..", "shared", "corpora", "ntrex"))
    if not os.path.isdir(corpus):
        corpus = "/work/shared/corpora/ntrex"
    ids_path = os.path.join(corpus, "DOCUMENT_IDS.tsv")
    if not os.path.exists(ids_path) or binary is None:
        print("NTREX corpus or faithful binary not found; skipping")
        return 0
    with open(ids_path, encoding="utf-8") as f:
        doc_ids = [line.rstrip("\n").split("\t")[0] for line in f]
    files = sorted(n for n in os.listdir(corpus) if n.startswith("newstest2019-") and n.endswith(".txt"))
    if speed:
        return speed_test(binary, corpus, files, doc_ids, speed)
    total = collections.Counter()
    print(f"{'file':32} {'layout':9} {'sent':>5} {'T701':>5} {'T702':>5} {'T703':>5} {'T704':>5} {'per 1k':>7}")
    examples = []
    for name in files:
        code = name.rsplit(".", 2)[-2]
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f]
        docs = collections.OrderedDict()
        for did, line in zip(doc_ids, lines):
            docs.setdefault(did, []).append(line.strip())
        for layout, sep in (("lines", "\n\n"), ("paragraph", " ")):
            with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
                for did, sents in docs.items():
                    # The first line of an NTREX document is its headline.
                    art = {"id": did, "title": sents[0], "text": sep.join(sents[1:]) + "\n"}
                    if code in LANGS:
                        art["lang"] = LANGS[code]
                    out.write(json.dumps(art, ensure_ascii=False) + "\n")
                path = out.name
            res = subprocess.run([binary, "check", "--select", "T7", "--format", "jsonl", "--fail-on", "never", path],
                                 capture_output=True, text=True)
            os.unlink(path)
            counts = collections.Counter()
            for row in res.stdout.splitlines():
                rec = json.loads(row)
                for f in rec.get("findings", []) if rec.get("type") == "document" else []:
                    counts[f["code"]] += 1
                    ev = "".join(f" | {e['note']}: {e['text'][:80]!r}" for e in f.get("evidence", []))
                    examples.append(f"{name} {layout} {rec.get('id')} {f['code']}: {f['text'][:100]!r}{ev}")
            n = len(lines)
            per_k = 1000 * sum(counts.values()) / n
            total[layout] += sum(counts.values())
            print(f"{name:32} {layout:9} {n:5} {counts['T701']:5} {counts['T702']:5} {counts['T703']:5} {counts['T704']:5} {per_k:7.2f}")
    for e in examples:
        print("  " + e)
    return 0


def speed_test(binary, corpus, files, doc_ids, n):
    import resource
    import time
    articles = []
    for name in files:
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            lines = [l.strip() for l in f]
        docs = collections.OrderedDict()
        for did, line in zip(doc_ids, lines):
            docs.setdefault(did, []).append(line)
        for did, sents in docs.items():
            articles.append({"id": f"{name}:{did}", "title": sents[0], "text": "\n\n".join(sents[1:]) + "\n"})
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        size = 0
        for i in range(n):
            line = json.dumps(articles[i % len(articles)], ensure_ascii=False) + "\n"
            size += len(line.encode())
            out.write(line)
        path = out.name
    print(f"{n} articles, {size / 1e6:.1f} MB, binary {binary}")
    results = {}
    for label, select in (("analysis only (--select Z)", "Z"), ("analysis + T701-T704 (--select T7)", "T7")):
        best = None
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([binary, "check", "--select", select, "--format", "jsonl", "--fail-on", "never", path],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            dt = time.perf_counter() - t
            best = dt if best is None else min(best, dt)
        results[label] = best
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"{label:40} best {best:7.2f} s  {size / 1e6 / best:6.2f} MB/s  peak RSS so far {rss:.0f} MB")
    a, b = results.values()
    print(f"translationese rules: {b - a:+.2f} s ({100 * (b - a) / a:+.1f} %)")
    os.unlink(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
