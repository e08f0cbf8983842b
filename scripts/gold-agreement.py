#!/usr/bin/env python3
"""Inter-coder agreement of two hand-coded event golds on the articles both declare.

Both files are in the format of docs/gold.md (data/eval/bbc-dev-gold.tsv and the like).

    python3 scripts/gold-agreement.py data/eval/bbc-second-coder.tsv data/eval/bbc-dev-gold.tsv \
        --corpus bench/cache/bbc-news.jsonl [--list]

Only asserted and planned rows are events (as `attache eval events` counts them); other rows are
counted apart. Two events match when they are of the same article, the same sentence (the one
holding the first occurrence of the row's trigger quote; sentences as this script splits them)
and the same category; within one article, sentence and category, pairs are taken greedily, best
first: same actor country and sector, then same actor country, then same recipient countries,
then file order. Reported per file pair:

- events in each file, matched, and agreement: precision and recall with either file as the
  reference (P of one is R of the other) and F1, which is the same both ways;
- the same at article level (same article and category, any sentence), to show how much of the
  disagreement is only the choice of the quoted sentence;
- on matched pairs: actor country, actor sector, both, and recipient country set agreement (a
  symmetric event, CONSULT, AGREE or COOPERATE, with its sides swapped counts as agreeing), and
  status and mode agreement;
- category confusion: unmatched events of the two files in the same sentence, paired greedily
  (same actor country first), counted by (category A, category B);
- with --list, every unmatched event and every confused or actor/recipient-differing pair.

Python 3, standard library only.
"""
import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

EVENT_STATUSES = ("asserted", "planned")
COLUMNS = ("doc", "category", "mode", "actor", "actor_sector", "recipient",
           "recipient_sector", "status", "date", "trigger")
DOC_ID = re.compile(r"^[a-z]+/[a-z]+/\d+$")
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Sir", "Gen", "Lt", "Col", "No",
                 "vs", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Inc", "Co")
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


def read_gold(path):
    """(declared article ids, list of rows as dicts with a line number), validated."""
    docs, rows = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if DOC_ID.match(line.strip()):
                docs.append(line.strip())
                continue
            cells = line.split("\t")
            if len(cells) != len(COLUMNS):
                sys.exit(f"{path}:{n}: {len(cells)} columns, expected {len(COLUMNS)}")
            row = dict(zip(COLUMNS, cells))
            row["line"] = n
            rows.append(row)
    return docs, rows


def read_texts(corpus, wanted):
    texts = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    missing = sorted(set(wanted) - set(texts))
    if missing:
        sys.exit(f"{corpus}: articles not found: {' '.join(missing)}")
    return texts


def sentence_starts(text):
    """Start offsets of the sentences of a text: paragraph breaks, and . ! ? (with closing
    quotes) before a capital or digit, except after a title abbreviation or an initial."""
    starts = [0]
    for m in re.finditer(r"\n\s*", text):
        starts.append(m.end())
    for m in SENTENCE_END.finditer(text):
        before = text[:m.start()].rsplit(None, 1)[-1] if text[:m.start()].strip() else ""
        word = before.lstrip("\"'(\u201c")
        if word in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word):
            continue
        starts.append(m.end())
    return sorted(set(starts))


def sentence_of(row, texts, starts, path):
    text = texts[row["doc"]]
    at = text.find(row["trigger"])
    if at < 0:
        sys.exit(f"{path}:{row['line']}: trigger not in {row['doc']}: {row['trigger']!r}")
    return sum(1 for s in starts[row["doc"]] if s <= at) - 1


SYMMETRIC = ("CONSULT", "AGREE", "COOPERATE")


def oriented(a, b):
    """b, its sides swapped when the category is symmetric and the swap lines it up with a
    (docs/gold.md: a symmetric event has the first-named side as actor, either side matches)."""
    if a["category"] not in SYMMETRIC or a["actor"] == b["actor"]:
        return b
    if a["actor"] == b["recipient"] and countries(a["recipient"]) == countries(b["actor"]):
        return dict(b, actor=b["recipient"], actor_sector=b["recipient_sector"],
                    recipient=b["actor"], recipient_sector=b["actor_sector"])
    return b


def countries(code):
    return frozenset(c for c in code.split("|") if c != "-")


def pair_score(a, b):
    """Higher is a better pair: actor country and sector, actor country, recipient."""
    b = oriented(a, b)
    same_country = a["actor"] == b["actor"]
    return (same_country and a["actor_sector"] == b["actor_sector"], same_country,
            countries(a["recipient"]) == countries(b["recipient"]))


def greedy_pairs(left, right):
    """One-to-one pairs of two lists, best pair_score first, then file order."""
    candidates = [(pair_score(a, b), -i, -j) for i, a in enumerate(left)
                  for j, b in enumerate(right)]
    used_l, used_r, pairs = set(), set(), []
    for _, i, j in sorted(candidates, reverse=True):
        i, j = -i, -j
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        pairs.append((left[i], right[j]))
    rest_l = [a for i, a in enumerate(left) if i not in used_l]
    rest_r = [b for j, b in enumerate(right) if j not in used_r]
    return pairs, rest_l, rest_r


def match(events_a, events_b, key):
    """Pairs of events with the same key(), and the unmatched events of each side."""
    groups = defaultdict(lambda: ([], []))
    for e in events_a:
        groups[key(e)][0].append(e)
    for e in events_b:
        groups[key(e)][1].append(e)
    pairs, rest_a, rest_b = [], [], []
    for k in sorted(groups):
        p, ra, rb = greedy_pairs(*groups[k])
        pairs += p
        rest_a += ra
        rest_b += rb
    return pairs, rest_a, rest_b


def ratio(num, den):
    return f"{num / den:.3f} ({num}/{den})" if den else "- (0/0)"


def agreement_line(label, matched, n_a, n_b):
    f1 = 2 * matched / (n_a + n_b) if n_a + n_b else 0.0
    return (f"{label}: matched {matched}; P(A vs B) = R(B vs A) {ratio(matched, n_a)}, "
            f"R(A vs B) = P(B vs A) {ratio(matched, n_b)}, F1 {f1:.3f}")


def attribute_agreement(pairs):
    pairs = [(a, oriented(a, b)) for a, b in pairs]
    n = len(pairs)
    country = sum(a["actor"] == b["actor"] for a, b in pairs)
    sector = sum(a["actor_sector"] == b["actor_sector"] for a, b in pairs)
    both = sum(a["actor"] == b["actor"] and a["actor_sector"] == b["actor_sector"]
               for a, b in pairs)
    recipient = sum(countries(a["recipient"]) == countries(b["recipient"]) for a, b in pairs)
    status = sum(a["status"] == b["status"] for a, b in pairs)
    mode = sum(a["mode"] == b["mode"] for a, b in pairs)
    return [f"actor country {ratio(country, n)}", f"actor sector {ratio(sector, n)}",
            f"actor country+sector {ratio(both, n)}", f"recipient country {ratio(recipient, n)}",
            f"status {ratio(status, n)}", f"mode {ratio(mode, n)}"]


def describe(e):
    return (f"{e['doc']} s{e['sentence']} {e['category']} {e['mode']} "
            f"{e['actor']} {e['actor_sector']} -> {e['recipient']} {e['recipient_sector']} "
            f"{e['status']} | {e['trigger']}")


def report(name_a, name_b, a_rows, b_rows, show):
    ev_a = [r for r in a_rows if r["status"] in EVENT_STATUSES]
    ev_b = [r for r in b_rows if r["status"] in EVENT_STATUSES]
    print(f"A = {name_a}: {len(ev_a)} events ({len(a_rows) - len(ev_a)} other rows)")
    print(f"B = {name_b}: {len(ev_b)} events ({len(b_rows) - len(ev_b)} other rows)")
    pairs, rest_a, rest_b = match(ev_a, ev_b,
                                  lambda e: (e["doc"], e["sentence"], e["category"]))
    print(agreement_line("sentence + category", len(pairs), len(ev_a), len(ev_b)))
    loose = match(ev_a, ev_b, lambda e: (e["doc"], e["category"]))[0]
    print(agreement_line("article + category (any sentence)", len(loose), len(ev_a), len(ev_b)))
    print("on matched (sentence + category): " + "; ".join(attribute_agreement(pairs)))
    confused, only_a, only_b = match(rest_a, rest_b, lambda e: (e["doc"], e["sentence"]))
    counts = Counter((a["category"], b["category"]) for a, b in confused)
    print(f"category confusion (same sentence, other category): {len(confused)} pairs")
    for (ca, cb), n in counts.most_common():
        print(f"  A {ca} / B {cb}: {n}")
    print(f"unmatched, no event of the other file in the sentence: A {len(only_a)}, "
          f"B {len(only_b)}")
    print("  A by category: " + ", ".join(f"{c} {n}" for c, n in
                                          Counter(e["category"] for e in only_a).most_common()))
    print("  B by category: " + ", ".join(f"{c} {n}" for c, n in
                                          Counter(e["category"] for e in only_b).most_common()))
    if show:
        list_details(pairs, confused, only_a, only_b)


def list_details(pairs, confused, only_a, only_b):
    print("matched, actor or recipient differing:")
    for a, b in pairs:
        if pair_score(a, b)[0] and pair_score(a, b)[2]:
            continue
        print(f"  A {describe(a)}\n  B {describe(b)}")
    print("confused:")
    for a, b in confused:
        print(f"  A {describe(a)}\n  B {describe(b)}")
    print("only in A:")
    for e in only_a:
        print(f"  {describe(e)}")
    print("only in B:")
    for e in only_b:
        print(f"  {describe(e)}")


def default_corpus():
    cache = os.environ.get("ATTACHE_BENCH_CACHE", "bench/cache")
    return os.path.join(cache, "bbc-news.jsonl")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", help="gold file A")
    ap.add_argument("b", help="gold file B")
    ap.add_argument("--corpus", default=default_corpus(),
                    help="BBC News JSON Lines (default $ATTACHE_BENCH_CACHE/bbc-news.jsonl)")
    ap.add_argument("--list", action="store_true", help="list every disagreement")
    args = ap.parse_args()
    docs_a, rows_a = read_gold(args.a)
    docs_b, rows_b = read_gold(args.b)
    shared = sorted(set(docs_a) & set(docs_b))
    if not shared:
        sys.exit("the two files declare no article in common")
    print(f"{len(shared)} articles in common: {' '.join(shared)}")
    texts = read_texts(args.corpus, shared)
    starts = {d: sentence_starts(t) for d, t in texts.items()}
    rows_a = [r for r in rows_a if r["doc"] in texts]
    rows_b = [r for r in rows_b if r["doc"] in texts]
    for path, rows in ((args.a, rows_a), (args.b, rows_b)):
        for r in rows:
            r["sentence"] = sentence_of(r, texts, starts, path)
    report(args.a, args.b, rows_a, rows_b, args.list)


if __name__ == "__main__":
    main()
