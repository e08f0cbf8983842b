//! Lemmatizer: a lexicon of (form, XPOS) -> lemma from the training treebanks, backed off to
//! suffix edit rules (strip n characters, append a string) learned per XPOS and word ending.

use crate::binio::{Reader, Writer};
use crate::perceptron::{FastMap, FastSet, hash_str, mix};
use std::borrow::Cow;
use std::collections::HashMap;

/// An edit turning a lowercased form into its lemma.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Edit {
    strip: u8,
    append: String,
}

#[derive(Clone, Default)]
pub(crate) struct Lemmatizer {
    /// Hash of (form, XPOS) -> lemma; forms as written and lowercased.
    lexicon: FastMap<u64, String>,
    /// "xpos\tending" -> edits, most frequent first, for endings of 0..=4 characters.
    rules: FastMap<String, Vec<Edit>>,
    /// Every lemma seen in training: among an ending's edits, one yielding a known lemma wins
    /// ("expelled" -> "expel", not "expell").
    known: FastSet<String>,
    /// Stem endings of verbs that drop a final e before -ing and -ed (`data/nlp/final-e.tsv`;
    /// not stored in the model, set at load).
    final_e: Vec<String>,
}

/// The other tag a verb form of this spelling takes (a past tense is spelled as the
/// participle of a regular verb): "lied" VBD is looked up as VBN when only that was seen.
fn sibling(xpos: &str) -> Option<&'static str> {
    match xpos {
        "VBD" => Some("VBN"),
        "VBN" => Some("VBD"),
        _ => None,
    }
}

/// `stem` without a doubled final consonant ("shunn" -> "shun"); None where it has none, is
/// short ("err"), or the letter is one English doubles at a word's end ("kill", "pass",
/// "staff", "buzz").
fn undoubled(stem: &str) -> Option<&str> {
    let b = stem.as_bytes();
    let n = b.len();
    (n >= 4
        && b[n - 1] == b[n - 2]
        && b[n - 1].is_ascii_lowercase()
        && !b"aeioulsfz".contains(&b[n - 1]))
    .then(|| &stem[..n - 1])
}

fn edit_between(lower: &str, lemma: &str) -> Option<Edit> {
    let common = lower
        .chars()
        .zip(lemma.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let strip = lower.chars().count() - common;
    if strip > 255 {
        return None;
    }
    Some(Edit {
        strip: strip as u8,
        append: lemma.chars().skip(common).collect(),
    })
}

/// Whether `edit` keeps part of `base`: an edit that replaces a whole word ("went" -> "go",
/// "Easterners" -> "Easterner" across a case change) is a fact about that word, for the
/// lexicon, never a rule for other words with its ending.
fn keeps_stem(edit: &Edit, base: &str) -> bool {
    (edit.strip as usize) < base.chars().count()
}

/// Whether `edit` differs from an ending's usual edit `top` by at most one letter stripped and
/// one appended ("expelled": strip 2 -> "expell", strip 3 -> "expel"), so that preferring it
/// for yielding a known lemma corrects a spelling rather than picks another word ("heirs"
/// must not become "her").
fn close_variant(edit: &Edit, top: &Edit) -> bool {
    edit.strip.abs_diff(top.strip) <= 1 && edit.append.len() <= top.append.len() + 1
}

/// `edit` applied to `form`; None when it would leave none of the form (see [`keeps_stem`]).
fn apply(edit: &Edit, form: &str) -> Option<String> {
    let n = form.chars().count();
    if edit.strip as usize >= n {
        return None;
    }
    let mut s: String = form.chars().take(n - edit.strip as usize).collect();
    s.push_str(&edit.append);
    if s.is_empty() { None } else { Some(s) }
}

/// The word's last four, three, two, one and no characters, longest first (fewer for a
/// shorter word).
fn endings(lower: &str) -> impl Iterator<Item = &str> {
    let mut starts = [0usize; 4];
    let mut n = 0;
    for (i, _) in lower.char_indices().rev().take(4) {
        starts[n] = i;
        n += 1;
    }
    (0..=n)
        .rev()
        .map(move |k| if k == 0 { "" } else { &lower[starts[k - 1]..] })
}

/// `s` in lower case, borrowed when it is lower case already (checked for ASCII only; other
/// text is always converted).
fn lower_case(s: &str) -> Cow<'_, str> {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Proper nouns keep their case; other words are lemmatised in lowercase.
fn keeps_case(xpos: &str) -> bool {
    xpos.starts_with("NNP") || xpos == "GW" || xpos == "ADD"
}

/// Lexicon key: the lookups hash two short strings instead of building and comparing one.
fn lexicon_key(form: &str, xpos: &str) -> u64 {
    mix(hash_str(form), hash_str(xpos))
}

impl Lemmatizer {
    pub(crate) fn learn(words: &[(&str, &str, &str)]) -> Lemmatizer {
        let mut lex_counts: HashMap<u64, HashMap<&str, u32>> = HashMap::new();
        let mut rule_counts: HashMap<String, HashMap<Edit, u32>> = HashMap::new();
        for &(form, xpos, lemma) in words {
            *lex_counts
                .entry(lexicon_key(form, xpos))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
            // Rules are learned in the case they are applied in: a common word's lemma in
            // lowercase ("Easterners" NNS -> "easterner"), or its edit would replace the whole
            // word ("pensioners" -> "Easterner"); the lexicon keeps the treebank's case.
            let (base, lemma) = if keeps_case(xpos) {
                (form.to_string(), Cow::Borrowed(lemma))
            } else {
                (form.to_lowercase(), lower_case(lemma))
            };
            if let Some(edit) = edit_between(&base, &lemma).filter(|e| keeps_stem(e, &base)) {
                for end in endings(&base.to_lowercase()) {
                    *rule_counts
                        .entry(format!("{xpos}\t{end}"))
                        .or_default()
                        .entry(edit.clone())
                        .or_default() += 1;
                }
            }
        }
        let lexicon = lex_counts
            .into_iter()
            .filter_map(|(k, m)| {
                let (lemma, _) = m
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
                Some((k, lemma.to_string()))
            })
            .collect();
        let rules = rule_counts
            .into_iter()
            .filter_map(|(k, m)| {
                let total: u32 = m.values().sum();
                let mut edits: Vec<(Edit, u32)> = m.into_iter().collect();
                edits.sort_by(|a, b| {
                    b.1.cmp(&a.1)
                        .then_with(|| (a.0.strip, &a.0.append).cmp(&(b.0.strip, &b.0.append)))
                });
                // Keep endings whose top edit is reliable; the empty ending always stays.
                let reliable = k.ends_with('\t') || (total >= 3 && edits[0].1 * 10 >= total * 6);
                edits.truncate(4);
                // An alternative edit seen once is one word's spelling, not a rule.
                let edits = edits
                    .into_iter()
                    .enumerate()
                    .filter(|&(i, (_, n))| i == 0 || n >= 2)
                    .map(|(_, (e, _))| e);
                reliable.then(|| (k, edits.collect()))
            })
            .collect();
        let known = words.iter().map(|w| w.2.to_string()).collect();
        Lemmatizer {
            lexicon,
            rules,
            known,
            final_e: Vec::new(),
        }
    }

    pub(crate) fn lemma(&self, form: &str, xpos: &str, key: &mut String) -> Cow<'_, str> {
        if let Some(l) = self.lexicon.get(&lexicon_key(form, xpos)) {
            return Cow::Borrowed(l);
        }
        let base = if keeps_case(xpos) {
            Cow::Borrowed(form)
        } else {
            lower_case(form)
        };
        // A borrowed base is the form itself, just looked up.
        if let Cow::Owned(base) = &base
            && let Some(l) = self.lexicon.get(&lexicon_key(base, xpos))
        {
            return Cow::Borrowed(l);
        }
        if let Some(other) = sibling(xpos)
            && let Some(l) = self.lexicon.get(&lexicon_key(&base, other))
        {
            return Cow::Borrowed(l);
        }
        let lower = lower_case(&base);
        let cased = keeps_case(xpos);
        let mut fallback: Option<String> = None;
        for end in endings(&lower) {
            key.clear();
            key.push_str(xpos);
            key.push('\t');
            key.push_str(end);
            let Some(edits) = self.rules.get(key.as_str()) else {
                continue;
            };
            // The longest ending with a rule decides: its usual edit, unless that yields an
            // unknown word while a close variant of it yields a known lemma of three or more
            // letters (consonant doubling: "expelled" -> "expel", not "expell"). Shorter
            // endings offer their usual edit's result when it is a known lemma, and for a verb
            // a close variant that keeps a letter more ("intervened": "interven" is unknown,
            // "intervene" known).
            let top = apply(&edits[0], &base);
            let decisive = fallback.is_none();
            let verb = xpos.starts_with("VB");
            for (i, edit) in edits.iter().enumerate() {
                if i > 0 && !(decisive || verb) {
                    break;
                }
                // A common word's lemma stays in lowercase (models trained before the rules
                // were learned in lowercase hold edits that capitalise).
                if !cased && edit.append.bytes().any(|b| b.is_ascii_uppercase())
                    || i > 0 && !close_variant(edit, &edits[0])
                {
                    continue;
                }
                let Some(l) = apply(edit, &base) else {
                    continue;
                };
                let longer = || top.as_ref().is_some_and(|t| l.len() > t.len());
                if (i == 0 || l.chars().count() >= 3 && (decisive || longer()))
                    && self.known.contains(&l)
                {
                    return Cow::Owned(l);
                }
            }
            if decisive {
                fallback = top;
            }
        }
        let mut lemma = fallback.unwrap_or_else(|| base.to_string());
        if matches!(xpos, "VBG" | "VBD" | "VBN") && !self.known.contains(&lemma) {
            self.spell_stem(&lower, &mut lemma);
        }
        Cow::Owned(lemma)
    }

    /// An unseen -ing or -ed form whose lemma is its bare stem, itself no known lemma: a
    /// doubled final consonant is undone ("shunning" -> "shun"), else a final e the suffix
    /// took is put back where the stem ends as `data/nlp/final-e.tsv` lists ("abdicating" ->
    /// "abdicate").
    fn spell_stem(&self, lower: &str, lemma: &mut String) {
        let stem = lower
            .strip_suffix("ing")
            .or_else(|| lower.strip_suffix("ed"));
        if stem != Some(lemma.as_str()) {
            return;
        }
        if let Some(u) = undoubled(lemma) {
            let n = u.len();
            lemma.truncate(n);
        } else if self
            .final_e
            .iter()
            .any(|e| crate::lemma_data::ends_as(lemma, e))
        {
            lemma.push('e');
        }
    }

    /// Whether `word` (lower case) is, in training, the lemma of verb forms and of no noun:
    /// "accuse" (accused VBD and VBN, accuses VBZ), not "attack" (attacks NNS).
    pub(crate) fn is_verb_lemma(&self, word: &str) -> bool {
        let is = |form: &str, xpos: &str| {
            self.lexicon
                .get(&lexicon_key(form, xpos))
                .is_some_and(|l| l == word)
        };
        let s = format!("{word}s");
        let es = format!("{word}es");
        let ed = if word.ends_with('e') {
            format!("{word}d")
        } else {
            format!("{word}ed")
        };
        if is(word, "NN") || is(&s, "NNS") || is(&es, "NNS") {
            return false;
        }
        is(&s, "VBZ") || is(&es, "VBZ") || is(&ed, "VBD") || is(&ed, "VBN")
    }

    /// Sets the lemma of each (form, XPOS) of `rows` (`data/nlp/lemmas.tsv`), over what
    /// training learned.
    pub(crate) fn correct(&mut self, rows: &[crate::lemma_data::Correction]) {
        for (form, xpos, lemma) in rows {
            self.lexicon
                .insert(lexicon_key(form, xpos), lemma.to_string());
            self.known.insert(lemma.to_string());
        }
    }

    /// Sets the stem endings of verbs that drop a final e (`data/nlp/final-e.tsv`).
    pub(crate) fn set_final_e(&mut self, endings: Vec<String>) {
        self.final_e = endings;
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        let mut lex: Vec<_> = self.lexicon.iter().collect();
        lex.sort();
        w.varint(lex.len() as u64);
        for (k, v) in lex {
            w.u64(*k);
            w.str(v);
        }
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort_by(|a, b| a.0.cmp(b.0));
        w.varint(rules.len() as u64);
        for (k, edits) in rules {
            w.str(k);
            w.varint(edits.len() as u64);
            for e in edits {
                w.u8(e.strip);
                w.str(&e.append);
            }
        }
        let mut known: Vec<&str> = self.known.iter().map(String::as_str).collect();
        known.sort_unstable();
        w.strs(known.into_iter());
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Lemmatizer, crate::FormatError> {
        let n = r.varint()? as usize;
        let mut lexicon = FastMap::default();
        lexicon.reserve(n.min(1 << 20));
        for _ in 0..n {
            let k = r.u64()?;
            lexicon.insert(k, r.str()?);
        }
        let n = r.varint()? as usize;
        let mut rules = FastMap::default();
        rules.reserve(n.min(1 << 20));
        for _ in 0..n {
            let k = r.str()?;
            let m = r.varint()? as usize;
            let mut edits = Vec::with_capacity(m.min(16));
            for _ in 0..m {
                let strip = r.u8()?;
                edits.push(Edit {
                    strip,
                    append: r.str()?,
                });
            }
            rules.insert(k, edits);
        }
        let known = r.strs()?.into_iter().collect();
        Ok(Lemmatizer {
            lexicon,
            rules,
            known,
            final_e: Vec::new(),
        })
    }
}
