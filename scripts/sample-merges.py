#!/usr/bin/env python3
"""Print a random sample of multi-source events (linked to mentions of two or more documents)
of an attache store, each mention with its text and the stored link reason, for judging by hand
whether each is one real event.

    attache ingest bench/cache/bbc-news.jsonl --db /tmp/bbc.db
    python3 scripts/sample-merges.py /tmp/bbc.db --seed 13 --n 20

The sample is Python's random.sample over the event ids in ascending order, seeded: the same
store and seed give the same events.
"""
import argparse
import json
import random
import sqlite3

MULTI_SOURCE = (
    "SELECT em.event FROM event_mentions em JOIN mentions m ON m.id = em.mention "
    "GROUP BY em.event HAVING COUNT(DISTINCT m.document) >= 2 ORDER BY em.event"
)
MENTIONS = (
    "SELECT m.document, m.record, em.reason FROM event_mentions em "
    "JOIN mentions m ON m.id = em.mention WHERE em.event = ? ORDER BY m.id"
)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--n", type=int, default=20)
    args = ap.parse_args()
    conn = sqlite3.connect(args.db)
    multi = [row[0] for row in conn.execute(MULTI_SOURCE)]
    print(f"multi-source events: {len(multi)}")
    random.seed(args.seed)
    for event in sorted(random.sample(multi, min(args.n, len(multi)))):
        print(f"=== event {event}")
        for document, record, reason in conn.execute(MENTIONS, (event,)):
            r = json.loads(record)
            text = " | ".join(m["text"] for m in r["mentions"])
            print(f"  [{document}] {r['event']}/{r.get('mode')} {text}")
            print(f"      why: {reason}")


if __name__ == "__main__":
    main()
