//! The repairs of a time phrase fronted without a comma that ran into the subject (see the
//! parent module's notes): the time word goes back to the verb, the name to the subject.

use super::{Class, SubjectRepair, children, dominated_by, subtree_end};
use crate::parser::Output;

/// A time word and what the parser made of the name after it.
struct TimePhrase {
    /// The preposition before the time word, if any.
    marker: Option<usize>,
    time: usize,
    verb: usize,
}

impl SubjectRepair {
    pub(crate) fn set_time_nouns(&mut self, words: Vec<String>) {
        self.time_nouns = words;
    }

    fn is_time_noun(&self, word: &str) -> bool {
        let word = word.to_ascii_lowercase();
        self.time_nouns.binary_search(&word).is_ok()
    }

    /// Gives a time word the parser ran into a name ("On Monday Green Party leader Jo Hall
    /// criticised": "Monday" a compound inside the subject, "On" its preposition) back to the
    /// verb the name is the subject or oblique of, with its preposition; a name the parser
    /// made an oblique through that preposition becomes the subjectless verb's subject.
    pub(crate) fn time_word_in_subject<'f>(
        &self,
        tags: &[u16],
        form: impl Fn(usize) -> &'f str,
        out: &mut Output,
    ) {
        for c in 0..out.heads.len().saturating_sub(1) {
            let t = c + 1;
            if !self.labels.marker.contains(&out.labels[c])
                || !self.labels.name_part.contains(&out.labels[t])
                || self.class(tags, t) != Class::Nominal
                || !self.is_time_noun(form(t))
            {
                continue;
            }
            let Some(x) = self.host_above(out, out.heads[t] as usize) else {
                continue;
            };
            let v = out.heads[x] as usize;
            let ch = out.heads[c] as usize;
            // "On Monday morning": the time word names part of its own time phrase.
            if self.is_time_noun(form(x)) || !(dominated_by(&out.heads, ch, x) || ch == v) {
                continue;
            }
            let phrase = TimePhrase {
                marker: Some(c),
                time: t,
                verb: v,
            };
            self.leave_name_to(out, t, out.heads[t]);
            self.hang_time_phrase(out, &phrase);
            if self.labels.obl.contains(&out.labels[x])
                && x < v
                && self.subjectless_finite(tags, out, v, false)
                && let Some(subject) = self.subject_label(out, v)
            {
                out.labels[x] = subject;
            }
        }
    }

    /// The nearest word at or above `x` that is a verb's nominal subject or oblique, where the
    /// verb comes after it.
    fn host_above(&self, out: &Output, mut x: usize) -> Option<usize> {
        let subjects = [self.labels.nsubj, self.labels.nsubj_pass];
        for _ in 0..out.heads.len() {
            let label = *out.labels.get(x)?;
            let head = *out.heads.get(x)?;
            if subjects.contains(&Some(label)) || self.labels.obl.contains(&label) {
                return (head != u32::MAX && head as usize > x).then_some(x);
            }
            x = head as usize;
        }
        None
    }

    /// Makes a name the parser hung on a fronted time word ("Last week Hungary recalled":
    /// "Hungary" flat on the time phrase "week"; "This week Norway froze": "week" the subject
    /// and "Norway" its apposition) the subject of the time word's verb.
    pub(crate) fn subject_in_time_word<'f>(
        &self,
        tags: &[u16],
        form: impl Fn(usize) -> &'f str,
        out: &mut Output,
    ) {
        for n in 0..out.heads.len() {
            let h = out.heads[n] as usize;
            let part = self.labels.name_part.contains(&out.labels[n])
                || Some(out.labels[n]) == self.labels.appos;
            if h >= n || !part || self.class(tags, n) != Class::Nominal {
                continue;
            }
            let Some(v) = self.time_word_verb(tags, form(h), out, h) else {
                continue;
            };
            let rest: Vec<usize> = children(&out.heads, h)
                .into_iter()
                .filter(|&k| k > n && self.labels.name_part.contains(&out.labels[k]))
                .collect();
            let end = rest
                .iter()
                .copied()
                .fold(subtree_end(&out.heads, n), usize::max);
            if v <= end
                || (h + 1..n).any(|k| !dominated_by(&out.heads, k, n))
                || (end + 1..v).any(|k| out.heads[k] as usize != v)
            {
                continue;
            }
            let Some(subject) = self.subject_label(out, v) else {
                continue;
            };
            out.heads[n] = v as u32;
            out.labels[n] = subject;
            for k in rest {
                out.heads[k] = n as u32;
            }
            let marker = h
                .checked_sub(1)
                .filter(|&c| self.labels.marker.contains(&out.labels[c]))
                .filter(|&c| matches!(out.heads[c] as usize, x if x == h || x == v));
            let phrase = TimePhrase {
                marker,
                time: h,
                verb: v,
            };
            self.hang_time_phrase(out, &phrase);
        }
    }

    /// The verb of time word `h` (its form `word`) where the parser made it the verb's time
    /// phrase with no subject, or the verb's subject itself.
    fn time_word_verb(&self, tags: &[u16], word: &str, out: &Output, h: usize) -> Option<usize> {
        let v = *out.heads.get(h)?;
        if v == u32::MAX || (v as usize) < h || !self.is_time_noun(word) {
            return None;
        }
        let v = v as usize;
        let label = out.labels[h];
        let subject = [self.labels.nsubj, self.labels.nsubj_pass].contains(&Some(label));
        let oblique =
            self.labels.obl.contains(&label) && self.subjectless_finite(tags, out, v, false);
        (subject || oblique).then_some(v)
    }

    /// Hangs a time word on its verb as an oblique, with its preposition as its case marker.
    fn hang_time_phrase(&self, out: &mut Output, phrase: &TimePhrase) {
        let (t, v) = (phrase.time, phrase.verb);
        out.heads[t] = v as u32;
        match (phrase.marker, self.labels.obl_plain, self.labels.case) {
            (Some(c), Some(obl), Some(case)) => {
                out.labels[t] = obl;
                out.heads[c] = t as u32;
                out.labels[c] = case;
            }
            _ => {
                if let Some(unmarked) = self.labels.obl_unmarked
                    && !self.labels.obl.contains(&out.labels[t])
                {
                    out.labels[t] = unmarked;
                }
            }
        }
    }

    /// Hangs the rest of a name the parser ran on time word `t` ("Monday Lib Dem ...": "Lib"
    /// and "Dem" flat on "Monday") on the word `head` that held `t`, its first word as a
    /// compound and the others on that first word.
    fn leave_name_to(&self, out: &mut Output, t: usize, head: u32) {
        let rest: Vec<usize> = children(&out.heads, t)
            .into_iter()
            .filter(|&k| k > t && self.labels.name_part.contains(&out.labels[k]))
            .collect();
        let Some((&first, others)) = rest.split_first() else {
            return;
        };
        out.heads[first] = head;
        if let Some(compound) = self.labels.compound {
            out.labels[first] = compound;
        }
        for &k in others {
            out.heads[k] = first as u32;
        }
    }
}
