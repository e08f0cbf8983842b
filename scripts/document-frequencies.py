#!/usr/bin/env python3
"""Writes data/merge/document-frequencies.tsv: in how many documents of a JSONL corpus (one
{"text": ...} per line) each word is among the document's 64 most frequent content words, as
attache_merge::document::document_terms reads them (function words of
data/merge/function-words.txt dropped, lower-cased, a trailing "'s" and a plural "s" stripped,
words under 3 letters dropped unless numbers). Words counted in fewer than 3 documents are left
out.

    bench/run.sh fetches the corpus into bench/cache/ (docs/eval.md); then
    python3 scripts/document-frequencies.py bench/cache/bbc-news.jsonl > data/merge/document-frequencies.tsv
"""
import collections
import json
import re
import sys

TERMS = 64
MIN_DOCUMENTS = 3
WORD = re.compile(r"[^\W_][\w']*")

FUNCTION_WORDS = set()
with open("data/merge/function-words.txt", encoding="utf-8") as f:
    for line in f:
        FUNCTION_WORDS.update(line.split("#")[0].split())


def normalise(word):
    for suffix in ("'s", "'"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    lower = word.lower()
    if not lower or lower in FUNCTION_WORDS:
        return None
    if all(c.isdigit() or c in ",." for c in word):
        return word.replace(",", "")
    if len(lower) < 3:
        return None
    if len(lower) > 4 and lower.endswith("s") and not lower.endswith("ss"):
        lower = lower[:-1]
    return lower


def terms(text):
    counts = {}
    for match in WORD.finditer(text):
        word = normalise(match.group())
        if word:
            counts[word] = counts.get(word, 0) + 1
    # dicts keep the first seen first; a stable sort keeps it among equal counts
    return sorted(counts, key=lambda w: -counts[w])[:TERMS]


def main():
    frequencies = collections.Counter()
    documents = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            documents += 1
            frequencies.update(terms(json.loads(line)["text"]))
    out = sys.stdout
    out.write(HEADER)
    out.write(f"documents\t{documents}\n")
    for word, n in sorted(frequencies.items()):
        if n >= MIN_DOCUMENTS:
            out.write(f"{word}\t{n}\n")


HEADER = """# attache merge: in how many documents of a background corpus each word is among the 64
# most frequent content words (data/merge/document-frequencies.tsv).
#
# The idf of a document's tf-idf vector (crates/merge/src/document.rs) counts the documents a
# store has read; a new store has read few, so these counts stand beside them as
# BACKGROUND_DOCUMENTS documents (each count scaled by that number over the corpus's).
# Derived from the 2,225 BBC News articles of 2004-2005 of the benchmark corpus (docs/eval.md)
# by scripts/document-frequencies.py: words counted in at least 3 documents. The first data
# line gives the number of documents; each further line a word and its document count,
# tab-separated.
"""

if __name__ == "__main__":
    main()
