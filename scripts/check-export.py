#!/usr/bin/env python3
"""Loads attache exports with pandas, as docs/export.md shows, and checks them against the
column table of docs/export.md: every documented column present, in order, with its dtype;
event_id unique; the CSV and JSON Lines exports the same events.

    python3 scripts/check-export.py docs/export.md events.csv events.jsonl [events.parquet]

Exits 1 with a message naming the column on the first mismatch. Parquet is checked when a
third file is given and pyarrow is installed (required when ATTACHE_REQUIRE_PARQUET is set,
as .ci/run sets it).
"""
import os
import re
import sys

import pandas as pd

LISTS = ["context", "actor_codes", "actor_names", "actor_sectors", "recipient_codes",
         "recipient_names", "recipient_sectors", "other_counts", "source_documents",
         "source_urls", "source_titles", "source_outlets"]
DATES = ["date_start", "date_end", "planned_start", "planned_end", "first_report", "last_report"]
BOOLS = ["date_exact", "claim", "counts_conflict"]
FLOATS = ["location_lat", "location_lon"]
INTS = ["count_low", "count_high", "killed_low", "killed_high", "injured_low", "injured_high",
        "missing_low", "missing_high", "arrested_low", "arrested_high",
        "location_geonames_id", "location_precision", "sources", "documents", "reports",
        "sentence_start", "sentence_end"]


def typed(df):
    for c in DATES:
        df[c] = pd.to_datetime(df[c], format="%Y-%m-%d")
    df[INTS] = df[INTS].astype("Int64")
    df[FLOATS] = df[FLOATS].astype("float64")
    df[BOOLS] = df[BOOLS].astype("bool")
    text = [c for c in df.columns if c not in LISTS + DATES + BOOLS + FLOATS + INTS]
    df[text] = df[text].astype("string")
    return df


def load_jsonl(path):
    return typed(pd.read_json(path, lines=True, dtype=False))


def load_csv(path):
    csv = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    for c in LISTS:
        csv[c] = csv[c].fillna("").map(lambda s: s.split(";") if s else [])
    csv[BOOLS] = csv[BOOLS] == "true"
    return typed(csv)


def documented(doc_path):
    """(column, type) rows of the table in docs/export.md."""
    rows = []
    for line in open(doc_path, encoding="utf-8"):
        m = re.match(r"\|\s*`([a-z0-9_]+)`\s*\|\s*`([^`]+)`\s*\|", line)
        if m:
            rows.append((m.group(1), m.group(2)))
    return rows


def fits(series, kind):
    dtype = str(series.dtype)
    if kind == "list<string>":
        return dtype == "object" and series.map(lambda v: isinstance(v, list)).all()
    return {
        "string": dtype.startswith("string"),
        "int64": dtype == "Int64",
        "float64": dtype == "float64",
        "bool": dtype == "bool",
        "date": dtype.startswith("datetime64"),
    }[kind]


def check(name, df, schema):
    names = [c for c, _ in schema]
    if list(df.columns) != names:
        missing = [c for c in names if c not in df.columns]
        extra = [c for c in df.columns if c not in names]
        sys.exit(f"{name}: columns differ from docs/export.md: missing {missing}, extra {extra}")
    for column, kind in schema:
        if not fits(df[column], kind):
            sys.exit(f"{name}: column {column} is {df[column].dtype}, documented as {kind}")
    if not df["event_id"].is_unique:
        sys.exit(f"{name}: event_id is not unique")
    print(f"{name}: {len(df)} events, {len(names)} columns, dtypes as documented")


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    schema = documented(sys.argv[1])
    documented_names = {c for c, _ in schema}
    known = set(LISTS + DATES + BOOLS + FLOATS + INTS)
    if not known <= documented_names:
        sys.exit(f"the loader names undocumented columns: {sorted(known - documented_names)}")
    csv = load_csv(sys.argv[2])
    jsonl = load_jsonl(sys.argv[3])
    check(sys.argv[2], csv, schema)
    check(sys.argv[3], jsonl, schema)
    if list(csv["event_id"]) != list(jsonl["event_id"]):
        sys.exit("the CSV and JSON Lines exports list different events")
    if len(sys.argv) > 4:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            if os.environ.get("ATTACHE_REQUIRE_PARQUET"):
                sys.exit(f"{sys.argv[4]}: pyarrow not installed and ATTACHE_REQUIRE_PARQUET is set")
            print(f"{sys.argv[4]}: pyarrow not installed, Parquet not checked")
            return
        pq = pd.read_parquet(sys.argv[4])
        if list(pq["event_id"]) != list(jsonl["event_id"]):
            sys.exit("the Parquet and JSON Lines exports list different events")
        print(f"{sys.argv[4]}: {len(pq)} events")


if __name__ == "__main__":
    main()
