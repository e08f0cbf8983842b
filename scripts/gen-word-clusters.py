#!/usr/bin/env python3
"""Writes a hierarchy of word clusters learnt from unlabelled English text, tried as features
of the named-entity recogniser (docs/nlp.md, "Named entities", "Word clusters"); the word
representations of Ratinov & Roth (2009) and Turian et al. (2010),
which help a recogniser trained on little labelled text.

Each word seen at least MIN_COUNT times (case kept) is described by the words around it: its
left and right neighbours one and two words away, each the lower-cased neighbour when it is
one of the CONTEXTS most frequent words, else the neighbour's shape (Xx, x, d, X, punctuation),
weighted by positive pointwise mutual information and normalised. The words are then split in
two by spherical 2-means, each half again, and so on (bisecting k-means, deterministic: the
first centroid is the most frequent word's vector, the second the vector least like it), to
DEPTH levels or until a cluster has fewer than MIN_SIZE words; a word's cluster is its path of
halves from the root, a string of 0s and 1s, so that its prefixes are coarser clusters (as the
bit strings of Brown clusters are).

Sources (unlabelled text only; GUM's test documents are left out, as they score the recogniser):
- UD English EWT, all splits (CC BY-SA 4.0): ../shared/data/ud-english-ewt/sources
- UD English GUM, the documents of files.train and files.dev (CC BY / CC BY-NC-SA 4.0 by
  source, see its LICENSE.txt): ../shared/data/ud-english-gum
- ECB+ news texts, topics 1-35 (CC BY 3.0, Cybulska and Vossen 2014): ../shared/data/ecbplus
- TempEval-3 TBAQ-cleaned (UzZaman et al. 2013), the text of TimeBank 1.2 and AQUAINT newswire
  (no licence is stated in the release; research data): ../shared/data/tempeval3, the words
  between <TEXT> tags, split by a simple pattern. Only words and their clusters are derived
  from it; no text is copied.

Measured (docs/nlp.md, "Word clusters"): the clusters' prefixes as features of the kind
classifier (span's last and first word, word before), three folds of GUM train
(scripts/ner-folds.sh), mean exact F1 over seeds 1, 11, 21: 60.83 without -> 61.37; but GUM
dev (trained on train) 64.07 -> 62.22 and GUM test 58.49 -> 58.11; as features of the
labeller too (the word and its neighbours, clusters without TempEval-3), folds 59.62 (seed
1). Without TempEval-3 60.87; 300 or 1,200 context words 61.04 / 60.94; words seen twice
60.05 (seed 1); with 2,225 BBC articles added (1.7M tokens, not a licensed source, measured
only) 60.78, dev 64.17. The shipped recogniser does not read the clusters; the feature
template that was tried is described in docs/nlp.md ("Word clusters") and was not merged.

Usage: scripts/gen-word-clusters.py [SHARED_DATA_DIR] > word-clusters.tsv
(about 30 s of CPU; Python standard library only; deterministic)."""

import math
import os
import re
import sys
from collections import Counter, defaultdict

MIN_COUNT = 3
CONTEXTS = 600
DEPTH = 16
MIN_SIZE = 4
ITERATIONS = 6


def ud_sentences(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words
                words = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if cols[0].isdigit():
                    words.append(cols[1])
    if words:
        yield words


def ewt(root):
    base = os.path.join(root, "ud-english-ewt", "sources")
    for dirpath, _, files in sorted(os.walk(base)):
        for name in sorted(files):
            if name.endswith(".conllu"):
                yield from ud_sentences(os.path.join(dirpath, name))


def gum(root):
    base = os.path.join(root, "ud-english-gum")
    names = []
    for split in ("files.train", "files.dev"):
        with open(os.path.join(base, split), encoding="utf-8") as f:
            names += f.read().split()
    with open(os.path.join(base, "files.test"), encoding="utf-8") as f:
        test = set(f.read().split())
    for name in sorted(set(names) - test):
        path = os.path.join(base, "sources", name + ".conllu")
        if os.path.exists(path):
            yield from ud_sentences(path)


TOKEN = re.compile(r'<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>')


def texts(base, suffix):
    """The text of every file under `base` whose name ends in `suffix`, in a fixed order."""
    for dirpath, _, files in sorted(os.walk(base)):
        for name in sorted(files):
            if name.endswith(suffix):
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    yield f.read()


def ecbplus(root):
    for text in texts(os.path.join(root, "ecbplus"), ".xml"):
        sentence, words = None, []
        for m in TOKEN.finditer(text):
            if m.group(1) != sentence and words:
                yield words
                words = []
            sentence = m.group(1)
            words.append(unescape(m.group(2)))
        if words:
            yield words


WORD = re.compile(r"[A-Za-z]+(?:[.'][A-Za-z]+)*\.?(?=\s|$)|n't|'[a-z]+|[A-Za-z]+(?=n't)|[A-Za-z]+|\d+(?:[.,]\d+)*|\S")


def tempeval(root):
    for text in texts(os.path.join(root, "tempeval3"), ".tml"):
        m = re.search(r"<TEXT>(.*)</TEXT>", text, re.S)
        if not m:
            continue
        words = []
        for word in WORD.findall(unescape(re.sub(r"<[^>]*>", "", m.group(1)))):
            if word.endswith(".") and len(word) > 1 and not re.search(r"\.[A-Za-z]", word) \
                    and not re.fullmatch(r"(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jr|Inc|Corp|Co|Ltd|U\.S)\.", word):
                words += [word[:-1], "."]
            else:
                words.append(word)
            if words[-1] in (".", "!", "?"):
                yield words
                words = []
        if words:
            yield words


def unescape(word):
    return (word.replace("&quot;", '"').replace("&apos;", "'").replace("&lt;", "<")
            .replace("&gt;", ">").replace("&amp;", "&"))


def shape(word):
    if word[0].isupper():
        return "<Xx>" if len(word) > 1 and not word.isupper() else "<X>"
    if word[0].isdigit():
        return "<d>"
    if word[0].isalpha():
        return "<x>"
    return "<p>"


def context_vectors(sentences):
    counts = Counter()
    lower = Counter()
    for s in sentences:
        counts.update(s)
        lower.update(w.lower() for w in s)
    frequent = {w for w, _ in lower.most_common(CONTEXTS)}
    vocab = sorted(w for w, c in counts.items() if c >= MIN_COUNT)
    index = {w: k for k, w in enumerate(vocab)}
    co = [Counter() for _ in vocab]
    for s in sentences:
        ctx = [w.lower() if w.lower() in frequent else shape(w) for w in s]
        n = len(s)
        for i, w in enumerate(s):
            k = index.get(w)
            if k is None:
                continue
            for d in (-2, -1, 1, 2):
                j = i + d
                c = ctx[j] if 0 <= j < n else "<s>"
                co[k][(d, c)] += 1
    return vocab, [counts[w] for w in vocab], ppmi(co)


def ppmi(co):
    total = sum(sum(c.values()) for c in co)
    feature = Counter()
    for c in co:
        feature.update(c)
    ids = {f: k for k, f in enumerate(sorted(feature, key=str))}
    vectors = []
    for c in co:
        row_total = sum(c.values())
        v = {}
        for f, n in c.items():
            pmi = math.log(n * total / (row_total * feature[f]))
            if pmi > 0:
                v[ids[f]] = pmi
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append(sorted((k, x / norm) for k, x in v.items()))
    return vectors


def centroid(vectors, members):
    c = defaultdict(float)
    for m in members:
        for k, x in vectors[m]:
            c[k] += x
    norm = math.sqrt(sum(x * x for x in c.values())) or 1.0
    return {k: x / norm for k, x in c.items()}


def dot(v, c):
    return sum(x * c.get(k, 0.0) for k, x in v)


def split(vectors, freq, members):
    """Two halves of `members` by spherical 2-means."""
    first = max(members, key=lambda m: (freq[m], -m))
    a = dict(vectors[first])
    second = min(members, key=lambda m: (dot(vectors[m], a), -freq[m], m))
    b = dict(vectors[second])
    left = members
    for _ in range(ITERATIONS):
        left, right = [], []
        for m in members:
            (left if dot(vectors[m], a) >= dot(vectors[m], b) else right).append(m)
        if not left or not right:
            return None
        a, b = centroid(vectors, left), centroid(vectors, right)
    return left, right


def cluster(vectors, freq):
    paths = {}
    stack = [("", list(range(len(vectors))))]
    while stack:
        path, members = stack.pop()
        halves = None
        if len(path) < DEPTH and len(members) >= MIN_SIZE:
            halves = split(vectors, freq, members)
        if halves is None:
            for m in members:
                paths[m] = path or "0"
            continue
        stack.append((path + "0", halves[0]))
        stack.append((path + "1", halves[1]))
    return paths


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")
    sentences = [s for source in (ewt, gum, ecbplus, tempeval) for s in source(root)]
    tokens = sum(len(s) for s in sentences)
    vocab, freq, vectors = context_vectors(sentences)
    paths = cluster(vectors, freq)
    out = sys.stdout
    out.write(
        "# Word clusters tried for the named-entity recogniser (docs/nlp.md, \"Word clusters\"),\n"
        "# written by scripts/gen-word-clusters.py (bisecting spherical 2-means over PPMI-weighted\n"
        "# neighbour vectors; see its docstring). Learnt from %d sentences, %d tokens of\n"
        "# unlabelled text: UD English EWT, all splits (CC BY-SA 4.0); UD English GUM, train and\n"
        "# dev documents only (CC BY / CC BY-NC-SA 4.0 by source); ECB+ topics 1-35 (CC BY 3.0,\n"
        "# Cybulska and Vossen 2014); TempEval-3 TBAQ-cleaned, TimeBank 1.2 and AQUAINT newswire\n"
        "# (no licence stated; research data; only words and their clusters are derived, no text).\n"
        "# GUM's test documents are left out. Words seen at least %d times, case kept.\n"
        "# Columns: word, cluster (its path in the hierarchy: prefixes are coarser clusters),\n"
        "# count in the text.\n" % (len(sentences), tokens, MIN_COUNT))
    for k, w in enumerate(vocab):
        out.write("%s\t%s\t%d\n" % (w, paths[k], freq[k]))


if __name__ == "__main__":
    main()
