//! A repair of the parser's output: the subject of a complement clause hung on the verb of
//! saying as its object.
//!
//! After a verb of saying, thinking or showing, a noun phrase followed by a finite auxiliary
//! is the subject of the clause the auxiliary begins: "Tony Blair claimed a Tory government
//! would "cut" £35bn" ("government" was the object of "claimed", and "cut" a complement with
//! no subject), "Ms Smith said the plan was a waste of money". The greedy parser attaches the
//! noun phrase to the verb before the clause begins and cannot take it back. Where a clausal
//! complement (`ccomp`) has no subject and its first auxiliary or copula is a modal or a
//! finite form, and its head's object ends right before that auxiliary, the object becomes the
//! complement's subject (`nsubj`, or `nsubj:pass` for a passive). On the BBC corpus this
//! finds 262 clauses; of the last 39 listed, 33 rightly ("Napster claims the higher price is
//! a result of ...", "IBM says 500 of its software patents will be released"); the six wrong
//! were already misparsed around them ("Ms Taylor said the limits legal download services
//! place on files could help", where "place" was the object; "Worryingly, said the firm,
//! phishing gangs were using ..."). EWT test LAS 82.85 -> 82.86, GUM test 81.60 -> 81.61.
//! Not covered: a clause the parser made a conjunct or an adverbial clause ('Labour claimed a
//! Tory chancellor would "cut" ...', "showed shoppers were spending less").

use crate::parser::Output;
use crate::split_class;

/// What a dependency label is to the repair.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rel {
    Object,
    Complement,
    /// aux, cop.
    Auxiliary,
    /// aux:pass.
    PassiveAuxiliary,
    /// nsubj, nsubj:pass, nsubj:outer, csubj, csubj:pass, csubj:outer, expl.
    Subject,
    Other,
}

pub(crate) struct TreeRepair {
    rels: Vec<Rel>,
    /// Whether a tagger class is MD, VBD, VBZ or VBP: an auxiliary that makes a clause finite.
    finite: Vec<bool>,
    nsubj: Option<u16>,
    nsubj_pass: Option<u16>,
}

impl TreeRepair {
    pub(crate) fn new(classes: &[String], labels: &[String]) -> TreeRepair {
        let rels = labels
            .iter()
            .map(|l| match l.as_str() {
                "obj" => Rel::Object,
                "ccomp" => Rel::Complement,
                "aux" | "cop" => Rel::Auxiliary,
                "aux:pass" => Rel::PassiveAuxiliary,
                "expl" => Rel::Subject,
                l if l.starts_with("nsubj") || l.starts_with("csubj") => Rel::Subject,
                _ => Rel::Other,
            })
            .collect();
        let label = |name: &str| labels.iter().position(|l| l == name).map(|l| l as u16);
        TreeRepair {
            rels,
            finite: classes
                .iter()
                .map(|c| matches!(split_class(c).1, "MD" | "VBD" | "VBZ" | "VBP"))
                .collect(),
            nsubj: label("nsubj"),
            nsubj_pass: label("nsubj:pass"),
        }
    }

    fn rel(&self, label: u16) -> Rel {
        self.rels.get(label as usize).copied().unwrap_or(Rel::Other)
    }

    /// The last word of the subtree of word `i` (heads are sentence-local, `u32::MAX` for the
    /// root).
    fn subtree_end(heads: &[u32], i: usize) -> usize {
        let mut end = i;
        for k in i + 1..heads.len() {
            if k > end && Self::dominated_by(heads, k, i) {
                end = k;
            }
        }
        end
    }

    /// Whether word `i` is the word `top` or below it.
    fn dominated_by(heads: &[u32], mut i: usize, top: usize) -> bool {
        for _ in 0..heads.len() {
            if i == top {
                return true;
            }
            match heads[i] {
                u32::MAX => return false,
                h => i = h as usize,
            }
        }
        false
    }

    /// Re-hangs the object that ends right before a subjectless finite complement as that
    /// complement's subject (see the module notes).
    pub(crate) fn object_before_complement(&self, tags: &[u16], out: &mut Output) {
        let (Some(nsubj), Some(nsubj_pass)) = (self.nsubj, self.nsubj_pass) else {
            return;
        };
        let mut moves = Vec::new();
        for c in 0..out.heads.len() {
            if self.rel(out.labels[c]) == Rel::Complement
                && let Some(m) = self.subject_of(tags, &out.heads, &out.labels, c)
            {
                moves.push((c, m));
            }
        }
        for (c, (o, passive)) in moves {
            out.heads[o] = c as u32;
            out.labels[o] = if passive { nsubj_pass } else { nsubj };
        }
    }

    /// The object of complement `c`'s head that is `c`'s subject, and whether `c` is passive.
    fn subject_of(
        &self,
        tags: &[u16],
        heads: &[u32],
        labels: &[u16],
        c: usize,
    ) -> Option<(usize, bool)> {
        let head = heads[c];
        if head == u32::MAX {
            return None;
        }
        let children = |p: usize| (0..heads.len()).filter(move |&k| heads[k] == p as u32);
        if children(c).any(|k| self.rel(labels[k]) == Rel::Subject) {
            return None;
        }
        let first = children(c).filter(|&k| k < c).min()?;
        let auxiliary = matches!(
            self.rel(labels[first]),
            Rel::Auxiliary | Rel::PassiveAuxiliary
        );
        if !auxiliary
            || !self
                .finite
                .get(tags[first] as usize)
                .copied()
                .unwrap_or(false)
        {
            return None;
        }
        let passive = children(c).any(|k| self.rel(labels[k]) == Rel::PassiveAuxiliary);
        let head = head as usize;
        children(head)
            .find(|&o| {
                o > head
                    && o < first
                    && self.rel(labels[o]) == Rel::Object
                    && Self::subtree_end(heads, o) + 1 == first
            })
            .map(|o| (o, passive))
    }
}
