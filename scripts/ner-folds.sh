#!/usr/bin/env bash
# Scores a change to the named-entity recogniser on a three-fold split of GUM's training
# documents (docs/nlp.md, "Named entities"): for each fold, a recogniser trained on the other
# two (over the shipped tagger and parser, GUM dev left out) is scored on it, and the three
# scores are pooled (4,804 mentions, ten times GUM dev's 488). Extra arguments go to
# `attache nlp train --entities` (--epochs 6, --bits 19, ...).
# Usage: scripts/ner-folds.sh GUM_DIR [train args...]   (run from the repository root,
# after `cargo build --release`; ATTACHE_BIN=PATH scores another build, such as main's, for a
# before/after comparison)
set -euo pipefail
gum=${1:?usage: scripts/ner-folds.sh GUM_DIR [train args...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
bin="${ATTACHE_BIN:-$root/target/release/attache}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ls "$gum/sources" | sed 's/\.conllu$//' | sort > "$work/present"
grep -Fxf "$work/present" <(tr -s ' \n' '\n' < "$gum/files.train") > "$work/train" || true
for k in 0 1 2; do
  d="$work/fold$k"
  mkdir -p "$d/model"
  ln -s "$(cd "$gum" && pwd)/sources" "$d/sources"
  cp "$gum/files.dev" "$d/files.dev"
  awk -v k=$k 'NR % 3 == k' "$work/train" > "$d/files.test"
  awk -v k=$k 'NR % 3 != k' "$work/train" > "$d/files.train"
  ln -s "$root/models/en.nlp" "$d/model/en.nlp"
  "$bin" nlp train --entities --no-dev --gum "$d" --out "$d/model/en-ner.nlp" "$@" > "$d/log" 2>&1
  "$bin" nlp eval --entities --gum "$d" --model "$d/model/en.nlp" | tail -1
done | awk '{ gold += $2; sys += $3; tp += $4 * $3 / 100; htp += $7 * $3 / 100 }
  END { p = tp / sys; r = tp / gold; hp = htp / sys; hr = htp / gold;
        printf "three folds: %d gold mentions; exact P %.2f R %.2f F1 %.2f; head F1 %.2f\n",
               gold, 100 * p, 100 * r, 200 * p * r / (p + r), 200 * hp * hr / (hp + hr) }'
