#!/usr/bin/env python3
"""Two checks of figures and dates over `attache extract --format jsonl` output (issue 14).

Usage: figure-checks.py EVENTS.jsonl [FIGURES.tsv]

1. Share of events with a count whose unit is a role noun (class `institution` in
   data/coder/figures.tsv) or a unit of time or date (class `time`, a month or a weekday):
   such a number is not a count of people or things, so the share should be 0.
2. Share of dated events asserted as past (modality `asserted`) whose first day lies after
   the report's publication date: a past event cannot happen after it is reported, so the
   share should be 0. Only events with both a resolved date and a publication date count.
Each offending event is listed (document, figure or date text, sentence) after the shares.
"""
import json
import sys

MONTHS = "january february march april may june july august september october november december"
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"


def load_words(path):
    role, time = set(), set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip() or line.startswith("word\t"):
                continue
            word, cls = line.rstrip("\n").split("\t")[:2]
            if cls == "institution":
                role.add(word)
            elif cls == "time":
                time.add(word)
    time.update(MONTHS.split())
    time.update(WEEKDAYS.split())
    return role, time


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    role, time = load_words(sys.argv[2] if len(sys.argv) == 3 else "data/coder/figures.tsv")
    events = counted = bad_units = dated = after = 0
    listed = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            events += 1
            q = e.get("quantity")
            if q is not None:
                counted += 1
                unit = (q.get("unit") or "").lower()
                if unit in role or unit in time:
                    bad_units += 1
                    listed.append(("unit", e["doc_id"], q["text"], e["sentence"]["text"]))
            date, published = e.get("date") or {}, e.get("published")
            if date.get("resolved") and date.get("start") and published:
                dated += 1
                if e.get("modality") == "asserted" and date["start"] > published:
                    after += 1
                    listed.append(("after", e["doc_id"], date.get("text"), e["sentence"]["text"]))
    share = lambda n, d: f"{n}/{d} ({100 * n / d:.1f}%)" if d else f"{n}/0"
    print(f"events: {events}")
    print(f"counts whose unit is a role noun or a date/time: {share(bad_units, counted)}")
    print(f"asserted past events dated after publication: {share(after, dated)}")
    for kind, doc, text, sentence in listed:
        print(f"  {kind}\t{doc}\t{text}\t{sentence[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
