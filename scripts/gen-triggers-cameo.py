#!/usr/bin/env python3
"""Turns the PETRARCH2 CAMEO verb dictionary into attache trigger rows.

Source: ../shared/data/petrarch2-dictionaries/CAMEO.2.0.txt (MIT licence, Copyright (c) 2015
Open Event Data Alliance; format in dictionaries.rst beside it). CAMEO codes become PLOVER
categories, modes and contexts through ../shared/eval/CAMEO2PLOVER-2021.txt, with the
departures of data/coder/README.md applied (CODE_OVERRIDES below).

Writes, deterministically (same input, same bytes), data/coder/triggers-cameo.tsv in the format
of data/coder/triggers.tsv. The hand-written data/coder/triggers.tsv is never touched and takes
precedence when the coder loads both: a lemma the hand file lists keeps every hand row first,
and never gets a bare (unconstrained) row from this file. Standard library only. Usage:

    scripts/gen-triggers-cameo.py [--shared ../shared] [--out data/coder/triggers-cameo.tsv]

What is generated, from each verb block of the dictionary:
  * every object pattern "- * NOUN [code]" becomes a row with `obj:noun` for the verb(s) its
    comment names (the verb it was written for, "# EXPEL"; a block of one verb needs none).
    PETRARCH applies a block's patterns to all its synonyms, but that reads "set fire" as
    "post fire" and "carry out armor" as an attack: too coarse, so the synonyms are not used;
    a synonym set of nouns (&FOOD) is expanded to its one-word members; a plural object also
    lists its singular;
  * a particle first after the `*` ("- * OFF TALK") becomes `prt:off`, a prepositional phrase
    "(OF CITIZENSHIP)" becomes `pp.of:citizenship`; several parts are joined with `&`;
  * a two-word object "{HUMANITARIAN AID}" becomes `obj:aid&objmod:humanitarian` (the
    modifier is a compound or adjective of the object);
  * a multi-word verb "+CARRY_OUT" is the verb `carry` with `prt:out` (particles) or
    `any:for` (prepositions) added to each of its rows.
What is skipped (and counted in the printed summary, and in the file header):
  * bare verb codes ("ASK [020]", "--- ARRIVE [040] ---"): a verb alone is too coarse (it
    costs precision; measured when this file was introduced);
  * patterns with words before the verb (subjects), with noun phrases of three or more words
    or inside a prepositional phrase, a preposition without its noun,
    actor slots ($ + % ^), or more than one object;
  * null codes [---], and codes the cross-walk does not map (01x statements, 02x appeals);
  * verbs written with the verb last (WIRE_+TAP) or of more than two words;
  * a verb+constraint that the dictionary codes to two different PLOVER categories;
  * rows of the categories in SKIP_CATEGORIES, and rows of the GENERAL_VERBS that have only
    an object condition (see below; both measured on the BBC corpus).
"""

import argparse
import collections
import os
import re
import sys

SOURCE = "data/petrarch2-dictionaries/CAMEO.2.0.txt"
LICENSE = "data/petrarch2-dictionaries/LICENSE"
CROSSWALK = "eval/CAMEO2PLOVER-2021.txt"

# Where this file departs from the cross-walk: the same departures as the hand-written
# triggers.tsv, documented in data/coder/README.md ("Where the file departs from the
# cross-walk"). code -> (category, mode, context).
CODE_OVERRIDES = {
    "163": ("SANCTION", "discontinue", "economic"),  # README: embargo/boycott/sanctions
    "0813": ("CONCEDE", "-", "legal"),  # README: easing a curfew is CAMEO 081
    "0814": ("CONCEDE", "-", "legal"),  # README: easing a state of emergency
    "175": ("ASSAULT", "-", "pro_autocracy"),  # README: cross-walk column slip
    "183": ("ASSAULT", "explosives", "-"),  # README: non-military bombing
    "0874": ("RETREAT", "withdraw", "military"),  # README: troop withdrawals
    "112": ("ACCUSE", "allege", "-"),  # README: accusations
}

# Where the dictionary contradicts the PLOVER manual for one verb and object: the manual
# wins. (verb lemma, object or prepositional noun lemma) -> code, or None to drop the pattern.
PATTERN_OVERRIDES = {
    # CAMEO.2.0 codes "EXPEL * DIPLOMAT" 161 and "EXPEL * DIPLOMATS" 174; PLOVER (and the
    # project issue) say expelling diplomats is SANCTION expel, CAMEO 166.
    ("expel", "diplomat"): "166",
    ("expel", "diplomats"): "166",
    # "EXPEL * PROTESTER [175]": expelling protesters is no violent repression; PLOVER
    # codes removing individuals as COERCE deport (174).
    ("expel", "protester"): "174",
    # "HOLD UP AID [1311]" (threaten to reduce aid): holding aid up is reducing it, which
    # PLOVER codes SANCTION discontinue (162), not a threat.
    ("hold", "aid"): "162",
    # "DIE (IN &DETENTION) [184]": 184 is using people as human shields; a death in custody
    # says nothing of who did what, so the pattern is dropped.
    ("die", "custody"): None,
    # "QUIT * PARTY [160]" (reduce relations): in news a party quit is a member leaving a
    # political party ("Kilroy-Silk has quit the UK Independence Party"), an act inside one
    # actor; PLOVER has no reduction of relations between two actors there.
    ("quit", "party"): None,
}

# Categories whose generated rows cost precision more than they add. AGREE (CAMEO 03,
# "express intent to cooperate"): the coder codes intentions itself from "agreed/promised/
# offered to X", and the dictionary's 03 patterns ("announce plans", "take part", "start
# negotiations", "offer programmes") fired wrongly on nearly all of 35 new BBC events.
SKIP_CATEGORIES = {"AGREE"}

# Verbs too general to code by their object alone: in news they take almost any object
# ("took part", "faced charges", "received money", "cancelled flights", "issued orders",
# "launched attacks" in sport), so their rows need a particle or a preposition as well
# ("put up barricades", "held up aid", "appeared before the court"). Measured on the BBC
# corpus: their object-only rows were right in under a third of the events they added.
GENERAL_VERBS = {
    "accept", "announce", "appoint", "approve", "attend", "award", "begin", "bring", "buy",
    "cancel", "close", "come", "commit", "deliver", "die", "do", "face", "find", "get", "give",
    "go", "have", "highlight", "hold", "impose", "increase", "issue", "keep", "launch", "make",
    "offer", "open", "pay", "prepare", "present", "prevent", "provide", "put", "raise",
    "receive", "reduce", "remain", "restore", "say", "see", "seek", "sell", "send", "set",
    "show", "sign", "start", "take", "tell", "use", "withdraw",
}

PARTICLES = {"out", "up", "off", "down", "away", "back", "aside", "apart", "forward"}
PREPOSITIONS = {"for", "with", "to", "against", "into", "from", "of", "at", "about", "on",
                "upon", "in", "over", "through", "by", "toward", "towards", "under", "behind",
                "before", "after", "across", "around", "onto", "among", "between", "without"}

HEADER = "lemma\tupos\tcategory\tmode\tcontext\tcameo\twith"


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def read_crosswalk(path):
    """CAMEO code -> (category, mode, context) from the CAMEO2PLOVER table."""
    table = {}
    for line in read_lines(path):
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,(.*)$", line)
        if not m:
            continue
        code, category, rest = m.group(1), m.group(2), m.group(3).split("#")[0]
        parts = [p.strip() for p in rest.split(",")]
        mode = parts[0] if parts and parts[0] else "-"
        context = parts[1] if len(parts) > 1 and parts[1] else "-"
        context = ";".join(c.strip() for c in context.split(";") if c.strip()) or "-"
        table.setdefault(code, (category, mode.replace(" ", ""), context))
    return table


def singular(word):
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def forms(word):
    """The lemma forms a noun may take: the word and its singular (lemmatizers keep some
    plurals, so the hand file lists both)."""
    word = word.lower()
    out = [singular(word)]
    if word not in out:
        out.append(word)
    return out


class Dictionary:
    def __init__(self):
        self.synsets = {}
        self.blocks = []  # (title, [verb entries], [patterns])
        self.skipped = collections.Counter()


def parse_dictionary(lines):
    d = Dictionary()
    current_synset = None
    block = None
    in_verbs = False
    for raw in lines:
        line = raw.split("#")[0].rstrip() if not raw.startswith("#") else ""
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            current_synset = None
            continue
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_synset = line.strip()
                d.synsets[current_synset] = []
            elif line.startswith("+") and current_synset:
                d.synsets[current_synset].append(line[1:].strip())
            continue
        if line.startswith("---"):
            block = {"verbs": [], "patterns": []}
            d.blocks.append(block)
            continue
        if block is None:
            continue
        if line.startswith("-"):
            comment = raw.split("#", 1)[1] if "#" in raw else ""
            block["patterns"].append((line[1:].strip(), comment))
        else:
            block["verbs"].append(line.strip())
    return d


def inflections(lemma):
    """Regular forms of a verb, as the dictionary's comments may write them."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if len(lemma) > 2:
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


def verb_names(entry):
    """The names a pattern comment may use for a verb line: its forms, in lower case, with
    the words of a multi-word verb joined by '_'."""
    head = re.sub(r"\{.*?\}|\[.*?\]", "", entry).split()
    if not head:
        return set()
    words = head[0].replace("+", "").lower().split("_")
    irregular = re.findall(r"\{(.*?)\}", entry)
    names = set()
    for form in inflections(words[0]):
        names.add("_".join([form] + words[1:]))
    for group in irregular:
        for form in group.split():
            names.add(form.replace("+", "").lower())
    return names


def comment_names(comment):
    """The verb names a pattern's comment gives ("CARRIED_OUT , CARRY_OUT")."""
    return {w.replace("+", "").lower() for w in re.split(r"[\s,;/]+", comment) if w}


def verb_entry(entry):
    """(lemma, extra constraint or None) of a verb line, or None when it cannot be expressed."""
    text = re.sub(r"\{.*?\}", "", entry)
    text = re.sub(r"\[.*?\]", "", text).strip()
    if not text:
        return None
    word = text.split()[0]
    if "+" not in word:
        if "_" in word:
            return None
        return (word.lower(), None)
    parts = word.split("_")
    if len(parts) != 2 or not parts[0].startswith("+"):
        return None  # verb last (WIRE_+TAP) or more words
    lemma, second = parts[0][1:].lower(), parts[1].lower()
    if not lemma.isalpha() or not second.isalpha():
        return None
    if second in PARTICLES:
        return (lemma, "prt:" + second)
    if second in PREPOSITIONS:
        return (lemma, "any:" + second)
    return None


def tokens(post):
    """Splits a pattern's part after '*' into words, {phrases} and (prepositional phrases)."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", post)


def noun_lemmas(d, word, plural=True):
    """The lemmas a noun or &SYNSET stands for, or None when it cannot be expressed. A
    modifier (plural=False) is taken as written ("ARMS SHIPMENT": arms)."""
    if not plural and not word.startswith("&"):
        return [word.lower()] if re.fullmatch(r"[A-Za-z-]+", word) else None
    if word.startswith("&"):
        members = d.synsets.get(word)
        if members is None:
            return None
        out = []
        for m in members:
            m = m.rstrip("_")
            if "_" in m or not re.fullmatch(r"[A-Za-z-]+", m):
                continue
            for f in forms(m):
                if f not in out:
                    out.append(f)
        return out or None
    if not re.fullmatch(r"[A-Za-z-]+", word):
        return None
    return forms(word)


def pattern_constraints(d, post):
    """The constraints of a pattern's part after '*', or (None, reason)."""
    parts = tokens(post)
    constraints = []
    have_obj = False
    for i, tok in enumerate(parts):
        if tok.startswith("{"):
            words = tok[1:-1].split()
            if have_obj or len(words) != 2:
                return None, "noun phrase of more than two words"
            modifiers, nouns = noun_lemmas(d, words[0], plural=False), noun_lemmas(d, words[1])
            if not modifiers or not nouns:
                return None, "unexpressible noun"
            constraints.append("obj:" + "|".join(nouns))
            constraints.append("objmod:" + "|".join(modifiers))
            have_obj = True
            continue
        if tok.startswith("("):
            inner = tok[1:-1].split()
            if len(inner) != 2 or inner[0].lower() not in PREPOSITIONS:
                return None, "preposition without one noun"
            if inner[1].startswith("{"):
                return None, "noun phrase in a prepositional phrase"
            nouns = noun_lemmas(d, inner[1])
            if not nouns:
                return None, "unexpressible noun"
            constraints.append("pp.%s:%s" % (inner[0].lower(), "|".join(nouns)))
            continue
        if tok in ("$", "+", "%", "^"):
            return None, "actor slot"
        if i == 0 and tok.lower() in PARTICLES:
            constraints.append("prt:" + tok.lower())
            continue
        if have_obj:
            return None, "more than one object"
        nouns = noun_lemmas(d, tok)
        if not nouns:
            return None, "unexpressible noun"
        constraints.append("obj:" + "|".join(nouns))
        have_obj = True
    if not constraints:
        return None, "no constraint (bare verb)"
    if not have_obj and not any(c.startswith("pp.") and not c.endswith(":*") for c in constraints):
        return None, "particle alone"
    return constraints, None


def split_pattern(text):
    m = re.match(r"^(.*?)\*(.*?)\[([^\]]*)\]", text)
    if not m:
        return None
    return m.group(1).strip(), m.group(2).strip(), m.group(3).strip()


def code_of(spec):
    """The CAMEO code of a pattern's [code]: '062:062' -> 062, ':173' -> 173, '---' -> None."""
    for part in spec.split(":"):
        part = part.strip()
        if re.fullmatch(r"\d{2,4}", part):
            return part
    return None


def plover(crosswalk, code):
    if code in CODE_OVERRIDES:
        return CODE_OVERRIDES[code]
    return crosswalk.get(code)


def generate(d, crosswalk):
    """Rows keyed by (lemma, with) -> (category, mode, context, code), and the skip counts."""
    skipped = collections.Counter()
    rows = {}
    conflicts = set()
    overridden = 0
    for block in d.blocks:
        verbs = []
        for entry in block["verbs"]:
            v = verb_entry(entry)
            if v is None:
                skipped["verb written verb-last or of several words"] += 1
            else:
                verbs.append((v, verb_names(entry)))
            if re.search(r"\[\s*[\d:]+\s*\]", entry):
                skipped["bare verb code (too coarse)"] += 1
        for text, comment in block["patterns"]:
            parsed = split_pattern(text)
            if parsed is None:
                skipped["pattern without * or code"] += 1
                continue
            pre, post, spec = parsed
            if pre:
                skipped["words before the verb (subject)"] += 1
                continue
            code = code_of(spec)
            if code is None:
                skipped["null code [---]"] += 1
                continue
            constraints, reason = pattern_constraints(d, post)
            if constraints is None:
                skipped[reason] += 1
                continue
            obj_words = [c.split(":", 1)[1].split("|") for c in constraints
                         if c.startswith(("obj:", "pp."))]
            named = comment_names(comment)
            scope = [v for v, names in verbs if names & named]
            if not scope and len(verbs) == 1:
                scope = [verbs[0][0]]
            if not scope:
                skipped["pattern names no verb of its block"] += 1
                continue
            for lemma, extra in scope:
                row_code = code
                for words in obj_words:
                    for w in words:
                        if (lemma, w) in PATTERN_OVERRIDES:
                            row_code = PATTERN_OVERRIDES[(lemma, w)]
                            overridden += 1
                if row_code is None:
                    skipped["dropped by PATTERN_OVERRIDES"] += 1
                    continue
                mapped = plover(crosswalk, row_code)
                if mapped is None:
                    skipped["code not in the cross-walk (01x/02x)"] += 1
                    continue
                if mapped[0] in SKIP_CATEGORIES:
                    skipped["category in SKIP_CATEGORIES (AGREE)"] += 1
                    continue
                cons = ([extra] if extra else []) + constraints
                if lemma in GENERAL_VERBS and all(c.startswith(("obj:", "objmod:")) for c in cons):
                    skipped["general verb with an object alone"] += 1
                    continue
                key = (lemma, "&".join(cons))
                value = (mapped[0], mapped[1], mapped[2], row_code)
                if key in rows and rows[key][0] != value[0]:
                    conflicts.add(key)
                rows.setdefault(key, value)
    for key in conflicts:
        del rows[key]
    skipped["verb+pattern coded to two categories"] = len(conflicts)
    return rows, skipped, overridden


def specificity(with_):
    return -with_.count("&")


def licence_notice(shared):
    text = read_lines(os.path.join(shared, LICENSE))
    return ["# " + line if line else "#" for line in text if line is not None][:-1] \
        if text and text[-1] == "" else ["# " + line if line else "#" for line in text]


def render(rows, skipped, overridden, shared):
    out = [
        HEADER,
        "# GENERATED by scripts/gen-triggers-cameo.py from the PETRARCH2 CAMEO verb dictionary",
        "# (../shared/data/petrarch2-dictionaries/CAMEO.2.0.txt) through the CAMEO-to-PLOVER",
        "# table (../shared/eval/CAMEO2PLOVER-2021.txt). Do not edit: edit the hand-written",
        "# data/coder/triggers.tsv, whose rows take precedence (a lemma it lists keeps its hand",
        "# rows first and gets no bare row from here), or the tables at the top of the script.",
        "# Format: data/coder/README.md. Every row here is constrained (no bare verb codes).",
        "#",
        "# Rows: %d. Patterns applied with the manual's reading instead of the dictionary's: %d."
        % (len(rows), overridden),
        "# Skipped (cannot be expressed faithfully, or too coarse):",
    ]
    for reason in sorted(skipped):
        out.append("#   %-50s %d" % (reason, skipped[reason]))
    out.append("#")
    out.append("# Source dictionary licence (petrarch2-dictionaries/LICENSE):")
    out.append("#")
    out.extend(licence_notice(shared))
    out.append("")
    for (lemma, with_) in sorted(rows, key=lambda k: (k[0], specificity(k[1]), k[1])):
        category, mode, context, code = rows[(lemma, with_)]
        out.append("\t".join([lemma, "VERB", category, mode, context, code, with_]))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="data/coder/triggers-cameo.tsv")
    args = ap.parse_args()
    d = parse_dictionary(read_lines(os.path.join(args.shared, SOURCE)))
    crosswalk = read_crosswalk(os.path.join(args.shared, CROSSWALK))
    rows, skipped, overridden = generate(d, crosswalk)
    text = render(rows, skipped, overridden, args.shared)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("%s: %d rows from %d verb blocks" % (args.out, len(rows), len(d.blocks)))
    for reason in sorted(skipped):
        print("  skipped %-50s %d" % (reason, skipped[reason]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
