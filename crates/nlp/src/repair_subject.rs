//! Two repairs of the parser's output that give a subjectless finite verb the subject the
//! greedy parser hung on a phrase before it.
//!
//! A preposition that can also open a clause ("after", "before", "since", "until", "till")
//! followed by a noun phrase and a finite verb without a subject opens a clause whose subject
//! is that noun phrase: "... frozen after the Russian government ignored a US court order"
//! ("government" was the agent of "frozen" and "ignored" a complement of "have"), "hammered out
//! on Thursday night after Japan, one of the biggest creditor nations, finally signed up to
//! it" ("Japan" hung on "night" and "signed" was a conjunct of "thought"). The noun becomes the
//! verb's subject, the preposition its marker, and the verb an adverbial clause of the head it
//! had (or, where the parser made it a relative clause of the apposition, the apposition's
//! head); an apposition set off by commas between them is the noun's. The verb must be finite
//! (a bare participle counts: the tagger takes "signed" for one), have no subject, not be the root, and hang on a word before
//! the preposition, so "Talks before the summit failed" (with its subject) and a sentence
//! opening "After the vote, ..." keep their parse.
//!
//! A noun phrase hung as an apposition on a fronted time phrase, right after it or its comma
//! ("In December the House of Lords, the UK's highest court, ruled ...": "House" was an
//! apposition of "December", and so was "court"; "In October, the Council of Scottish Colonels
//! proposed ...") is the subject of the time phrase's verb where that verb is finite, has no
//! subject and follows the noun phrase; the time phrase's later appositions go with it. A
//! true apposition of a time phrase ("On Tuesday, the day of the vote, MPs said ...") leaves
//! the verb its own subject, so it stays.
//!
//! A time phrase fronted without a comma can run into the subject's name. A time word the
//! parser took into the subject ("On Monday Germany expelled ...": "Monday" a compound of
//! "Germany", whose case marker "On" became) is the verb's own time phrase, with its
//! preposition; it must be the word right after the subject's preposition, since a subject
//! has no preposition of its own. A subject hung on a fronted time word as part of it ("Last
//! week Germany expelled ...": "Germany" flat on "week", the verb's time phrase) is the
//! verb's subject where the verb is finite, has no subject and follows the name. The time
//! words are `data/nlp/time-nouns.tsv`'s.
//!
//! `Analyzer` runs these after the parser, before `repair_tree.rs`'s.

use crate::parser::Output;
use crate::split_class;

mod time;

/// The prepositions that also open a clause.
const CLAUSE_PREPOSITIONS: [&str; 5] = ["after", "before", "since", "until", "till"];

/// An apposition between a noun and its verb: its top word and the commas around it.
type Apposition = (usize, [usize; 2]);

/// What a tagger class is to the repair.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// MD, VBD, VBZ, VBP.
    Finite,
    /// VB, VBG.
    Verb,
    /// VBN: after a clause-opening preposition and its noun, a past tense the tagger missed
    /// ("after Japan ... finally signed up to it").
    Participle,
    /// NN, NNS, NNP, NNPS, PRP.
    Nominal,
    /// CD: an apposition's head ("one of the biggest creditor nations").
    Number,
    Comma,
    Other,
}

/// The labels the repair reads or writes, as the parser numbers them.
#[derive(Default)]
struct Labels {
    case: Option<u16>,
    mark: Option<u16>,
    advcl: Option<u16>,
    appos: Option<u16>,
    nsubj: Option<u16>,
    nsubj_pass: Option<u16>,
    punct: Option<u16>,
    /// aux, aux:pass, advmod: the words between a subject and its verb.
    before_verb: Vec<u16>,
    aux_pass: Option<u16>,
    subject: Vec<u16>,
    obl: Vec<u16>,
    /// obl itself, for a time phrase with its preposition.
    obl_plain: Option<u16>,
    compound: Option<u16>,
    obl_unmarked: Option<u16>,
    /// compound, flat: a word run into a name.
    name_part: Vec<u16>,
    /// case, mark: a preposition, as the parser may label a fronted one.
    marker: Vec<u16>,
}

pub(crate) struct SubjectRepair {
    classes: Vec<Class>,
    labels: Labels,
    /// Sorted lower-case time nouns (`data/nlp/time-nouns.tsv`), set when a model loads.
    time_nouns: Vec<String>,
}

impl SubjectRepair {
    pub(crate) fn new(classes: &[String], labels: &[String]) -> SubjectRepair {
        let classes = classes
            .iter()
            .map(|c| match split_class(c).1 {
                "MD" | "VBD" | "VBZ" | "VBP" => Class::Finite,
                "VB" | "VBG" => Class::Verb,
                "VBN" => Class::Participle,
                "NN" | "NNS" | "NNP" | "NNPS" | "PRP" => Class::Nominal,
                "CD" => Class::Number,
                "," => Class::Comma,
                _ => Class::Other,
            })
            .collect();
        let label = |name: &str| labels.iter().position(|l| l == name).map(|l| l as u16);
        let all = |f: fn(&str) -> bool| {
            (0..labels.len())
                .filter(|&l| f(&labels[l]))
                .map(|l| l as u16)
                .collect::<Vec<_>>()
        };
        let labels = Labels {
            case: label("case"),
            mark: label("mark"),
            advcl: label("advcl"),
            appos: label("appos"),
            nsubj: label("nsubj"),
            nsubj_pass: label("nsubj:pass"),
            punct: label("punct"),
            before_verb: all(|l| matches!(l, "aux" | "aux:pass" | "advmod")),
            aux_pass: label("aux:pass"),
            subject: all(|l| l.starts_with("nsubj") || l.starts_with("csubj") || l == "expl"),
            obl: all(|l| l.starts_with("obl")),
            obl_plain: label("obl"),
            compound: label("compound"),
            obl_unmarked: label("obl:unmarked").or(label("obl:tmod")).or(label("obl")),
            name_part: all(|l| matches!(l, "compound" | "flat")),
            marker: all(|l| matches!(l, "case" | "mark")),
        };
        SubjectRepair {
            classes,
            labels,
            time_nouns: Vec::new(),
        }
    }

    fn class(&self, tags: &[u16], i: usize) -> Class {
        tags.get(i)
            .and_then(|&t| self.classes.get(t as usize))
            .copied()
            .unwrap_or(Class::Other)
    }

    /// Whether word `v` is a finite verb, or a verb with a finite auxiliary, without a
    /// subject; with `bare_participle`, a participle without auxiliaries counts as finite.
    fn subjectless_finite(
        &self,
        tags: &[u16],
        out: &Output,
        v: usize,
        bare_participle: bool,
    ) -> bool {
        let children = children(&out.heads, v);
        let auxiliaries = || {
            children
                .iter()
                .filter(|&&k| self.labels.before_verb.contains(&out.labels[k]))
                .filter(|&&k| matches!(self.class(tags, k), Class::Finite | Class::Verb))
        };
        let finite = match self.class(tags, v) {
            Class::Finite => true,
            Class::Participle if bare_participle && auxiliaries().next().is_none() => true,
            Class::Verb | Class::Participle => {
                auxiliaries().any(|&k| self.class(tags, k) == Class::Finite)
            }
            _ => false,
        };
        finite
            && !children
                .iter()
                .any(|&k| self.labels.subject.contains(&out.labels[k]))
    }

    fn subject_label(&self, out: &Output, v: usize) -> Option<u16> {
        let passive = children(&out.heads, v)
            .iter()
            .any(|&k| Some(out.labels[k]) == self.labels.aux_pass);
        if passive {
            self.labels.nsubj_pass
        } else {
            self.labels.nsubj
        }
    }

    /// Makes the noun phrase after a clause-opening preposition the subject of the finite
    /// verb that follows it (see the module notes).
    pub(crate) fn clause_after_preposition<'f>(
        &self,
        tags: &[u16],
        form: impl Fn(usize) -> &'f str,
        out: &mut Output,
    ) {
        let (Some(case), Some(mark), Some(advcl)) =
            (self.labels.case, self.labels.mark, self.labels.advcl)
        else {
            return;
        };
        for p in 0..out.heads.len() {
            if out.labels[p] != case
                || !CLAUSE_PREPOSITIONS.contains(&form(p).to_ascii_lowercase().as_str())
            {
                continue;
            }
            let Some((n, v, vh, appos)) = self.clause_of(tags, out, p) else {
                continue;
            };
            let Some(subject) = self.subject_label(out, v) else {
                continue;
            };
            out.heads[n] = v as u32;
            out.labels[n] = subject;
            out.heads[p] = v as u32;
            out.labels[p] = mark;
            out.heads[v] = vh as u32;
            out.labels[v] = advcl;
            if let Some((t, commas)) = appos {
                self.hang_apposition(out, t, n, commas);
            }
        }
    }

    /// The noun after preposition `p`, the subjectless finite verb whose subject it is, the
    /// verb's head, and an apposition between them (its top word and commas).
    fn clause_of(
        &self,
        tags: &[u16],
        out: &Output,
        p: usize,
    ) -> Option<(usize, usize, usize, Option<Apposition>)> {
        let heads = &out.heads;
        let n = *heads.get(p)? as usize;
        if n <= p || n >= heads.len() || self.class(tags, n) != Class::Nominal {
            return None;
        }
        let mut j = subtree_end(heads, n) + 1;
        let mut appos = None;
        if self.class(tags, j) == Class::Comma
            && let Some((t, close)) = self.comma_phrase(tags, heads, j)
        {
            appos = Some((t, [j, close]));
            j = close + 1;
        }
        let skipped = j;
        while j < heads.len() && self.labels.before_verb.contains(&out.labels[j]) {
            j += 1;
        }
        let v = j;
        let mut vh = *heads.get(v)?;
        // A verb hung on the apposition as its relative clause hangs where the apposition did.
        if let Some((t, _)) = appos
            && vh as usize == t
        {
            vh = heads[t];
        }
        if vh == u32::MAX
            || vh as usize >= p
            || dominated_by(heads, v, n)
            || !self.subjectless_finite(tags, out, v, true)
            || (skipped..v).any(|k| heads[k] as usize != v)
        {
            return None;
        }
        Some((n, v, vh as usize, appos))
    }

    /// A phrase between comma `open` and the next comma whose words all hang inside it but one,
    /// its top: that top word and the closing comma.
    fn comma_phrase(&self, tags: &[u16], heads: &[u32], open: usize) -> Option<(usize, usize)> {
        let close = (open + 1..heads.len()).find(|&k| self.class(tags, k) == Class::Comma)?;
        let inside = |h: u32| h != u32::MAX && (open + 1..close).contains(&(h as usize));
        let mut tops = (open + 1..close).filter(|&k| !inside(heads[k]));
        let top = tops.next()?;
        let class = self.class(tags, top);
        (tops.next().is_none() && matches!(class, Class::Nominal | Class::Number))
            .then_some((top, close))
    }

    fn hang_apposition(&self, out: &mut Output, t: usize, n: usize, commas: [usize; 2]) {
        let (Some(appos), Some(punct)) = (self.labels.appos, self.labels.punct) else {
            return;
        };
        out.heads[t] = n as u32;
        out.labels[t] = appos;
        for c in commas {
            out.heads[c] = t as u32;
            out.labels[c] = punct;
        }
    }

    /// Makes a noun phrase hung as an apposition of a fronted time phrase the subject of the time phrase's verb (see the module notes).
    pub(crate) fn subject_after_time_phrase(&self, tags: &[u16], out: &mut Output) {
        let Some(appos) = self.labels.appos else {
            return;
        };
        for n in 0..out.heads.len() {
            if out.labels[n] != appos || self.class(tags, n) != Class::Nominal {
                continue;
            }
            let h = out.heads[n] as usize;
            if h >= n || !self.labels.obl.contains(&out.labels[h]) {
                continue;
            }
            let v = out.heads[h];
            let start = subtree_start(&out.heads, n);
            let end = subtree_end(&out.heads, n);
            if v == u32::MAX
                || (v as usize) <= end
                || start == 0
                || !dominated_by(&out.heads, start - 1, h)
                || !self.subjectless_finite(tags, out, v as usize, false)
            {
                continue;
            }
            let Some(subject) = self.subject_label(out, v as usize) else {
                continue;
            };
            let later: Vec<usize> = children(&out.heads, h)
                .into_iter()
                .filter(|&k| k > n && out.labels[k] == appos)
                .collect();
            out.heads[n] = v;
            out.labels[n] = subject;
            for k in later {
                out.heads[k] = n as u32;
            }
        }
    }
}

/// The words that hang on word `i` (heads are sentence-local, `u32::MAX` for the root).
fn children(heads: &[u32], i: usize) -> Vec<usize> {
    (0..heads.len()).filter(|&k| heads[k] == i as u32).collect()
}

/// Whether word `i` is the word `top` or below it.
fn dominated_by(heads: &[u32], mut i: usize, top: usize) -> bool {
    for _ in 0..=heads.len() {
        if i == top {
            return true;
        }
        match heads.get(i) {
            Some(&h) if h != u32::MAX => i = h as usize,
            _ => return false,
        }
    }
    false
}

/// The last word of the subtree of word `i`.
fn subtree_end(heads: &[u32], i: usize) -> usize {
    (i..heads.len())
        .filter(|&k| dominated_by(heads, k, i))
        .max()
        .unwrap_or(i)
}

/// The first word of the subtree of word `i`.
fn subtree_start(heads: &[u32], i: usize) -> usize {
    (0..=i).find(|&k| dominated_by(heads, k, i)).unwrap_or(i)
}
