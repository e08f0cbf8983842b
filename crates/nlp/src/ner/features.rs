//! The recogniser's features: words, shapes and affixes around the word, predicted tags and
//! dependency relations, and the labels chosen before it.

use super::gazetteer::{self, KnownNames};
use crate::perceptron::{f, f2, f3};
use crate::tagger::Atoms;

/// One analysed sentence as the recogniser reads it. Tags and relations are hashes of their
/// names, so a recogniser does not depend on the class numbering of one parser model.
pub(crate) struct Input<'a> {
    pub atoms: &'a [Atoms],
    /// Hash of each word's tagger class ("UPOS\tXPOS").
    pub tag: &'a [u64],
    /// Hash of each word's UPOS.
    pub upos: &'a [u64],
    /// Hash of each word's dependency relation.
    pub rel: &'a [u64],
    /// Sentence-relative head of each word; `u32::MAX` for the root.
    pub heads: &'a [u32],
    /// Where each word lies in the known names of each class ([`KnownNames::positions`]).
    pub known: &'a [[u8; gazetteer::CLASSES]],
    /// For each word, the kind of the last mention that held it earlier in the document, as
    /// `1 + kind` (0: none; see [`super::Memory`]).
    pub seen: &'a [u8],
    /// Hash of the relation of each word's rightmost dependent after it ([`NONE`]: none):
    /// whether the parse continues a name past its last capitalised word ("the University
    /// of Copenhagen") or not ("met Emmanuel Macron in Paris").
    pub right: &'a [u64],
}

/// Reusable buffers of one analysis call.
#[derive(Default)]
pub(crate) struct NerWork {
    pub labels: Vec<u16>,
    pub inner: Vec<u16>,
    pub keys: Vec<u64>,
    pub scores: Vec<f32>,
}

const PAD: u64 = 0x5EED_0002;
const ROOT: u64 = 0x5EED_0003;
const START: u64 = 0x5EED_0004;
pub(crate) const NONE: u64 = 0x5EED_0005;

/// Which side the head is on and how far (buckets), or the root.
fn head_offset(heads: &[u32], i: usize) -> u64 {
    let h = heads[i];
    if h == u32::MAX {
        return ROOT;
    }
    let d = h as i64 - i as i64;
    let bucket = match d.abs() {
        1 => 1,
        2 => 2,
        3..=5 => 3,
        _ => 4,
    };
    (d.signum() * bucket + 8) as u64
}

/// All features of word `i` given the labels of the words before it (replaces `keys`).
/// With `outer` (the outer layer's labels), the features of the inner layer, which labels
/// the mentions nested in outer ones ("Copenhagen" in "the University of Copenhagen").
pub(crate) fn all(
    input: &Input,
    labels: &[u16],
    i: usize,
    outer: Option<&[u16]>,
    keys: &mut Vec<u64>,
) {
    keys.clear();
    let n = input.atoms.len();
    let at = |k: isize| -> Option<usize> {
        let j = i as isize + k;
        (j >= 0 && (j as usize) < n).then_some(j as usize)
    };
    let lower = |k| at(k).map_or(PAD, |j| input.atoms[j].lower);
    let shape = |k| at(k).map_or(PAD, |j| input.atoms[j].shape);
    let upos = |k| at(k).map_or(PAD, |j| input.upos[j]);
    let w = &input.atoms[i];
    let head = input.heads[i];
    let (head_lower, head_upos, head_rel) = if head == u32::MAX {
        (ROOT, ROOT, ROOT)
    } else {
        let h = head as usize;
        (input.atoms[h].lower, input.upos[h], input.rel[h])
    };
    let rel = input.rel[i];
    keys.extend_from_slice(&[
        f(1, 0),
        f(2, w.lower),
        f(3, w.form),
        f(4, w.shape),
        f(5, w.suffix[2]),
        f(6, w.prefix3),
        f(7, lower(-1)),
        f(8, lower(1)),
        f(9, lower(-2)),
        f(10, lower(2)),
        f(11, shape(-1)),
        f(12, shape(1)),
        f2(13, shape(-1), w.shape),
        f2(14, w.shape, shape(1)),
        f(15, upos(0)),
        f2(16, upos(-1), upos(0)),
        f2(17, upos(0), upos(1)),
        f3(18, upos(-1), upos(0), upos(1)),
        f(19, input.tag[i]),
        f2(20, w.lower, upos(0)),
        f(21, rel),
        f2(22, rel, head_upos),
        f2(23, rel, head_offset(input.heads, i)),
        f(24, head_lower),
        f2(25, head_rel, rel),
        f2(26, lower(-1), w.lower),
        f2(27, w.lower, lower(1)),
        f(29, w.suffix[1]),
        f2(30, w.shape, (i == 0) as u64),
        f(31, upos(2)),
        f(32, upos(-2)),
    ]);
    run_features(input, i, keys);
    known_names(input, i, keys, upos(0));
    if input.seen[i] != 0 {
        let seen = input.seen[i] as u64;
        keys.extend_from_slice(&[f(74, seen), f2(75, seen, w.shape), f2(76, seen, upos(0))]);
    }
    let right = input.right[i];
    keys.extend_from_slice(&[f(77, right), f2(78, right, upos(0)), f2(79, right, upos(1))]);
    history(input, labels, i, keys);
    if let Some(outer) = outer {
        let o = outer[i] as u64;
        let first = (i == 0 || outer[i - 1] == 0 || o == 0) as u64;
        keys.extend_from_slice(&[
            f(60, o),
            f2(61, o, w.lower),
            f2(62, o, input.upos[i]),
            f2(63, o, first),
        ]);
    }
}

/// Features of the known names around word `i`: each class the word or a neighbour is part
/// of, and where in the name; the word's with its tag (`upos`), which is often wrong for a
/// known name ("Athens" a plural noun), and with whether it starts the sentence.
fn known_names(input: &Input, i: usize, keys: &mut Vec<u64>, upos: u64) {
    let w = &input.atoms[i];
    let first = (i == 0) as u64;
    for (c, &pos) in input.known[i].iter().enumerate() {
        if pos != 0 {
            let code = (c * 8) as u64 + pos as u64;
            keys.extend_from_slice(&[
                f(70, code),
                f2(71, code, w.shape),
                f2(80, code, upos),
                f2(81, code, first),
            ]);
        }
    }
    for (k, id) in [(i.wrapping_sub(1), 72), (i + 1, 73)] {
        if let Some(known) = input.known.get(k) {
            for (c, &pos) in known.iter().enumerate() {
                if pos != 0 {
                    keys.push(f(id, (c * 8) as u64 + pos as u64));
                }
            }
        }
    }
}

/// Whether word `j` can be part of a name: capitalised or tagged a proper noun.
fn namelike(input: &Input, j: usize, propn: u64) -> bool {
    input.atoms[j].capitalised || input.upos[j] == propn
}

/// Features of the run of name-like words holding word `i`: its last word, which names the
/// kind of most names ("... Committee", "... River", a surname), and the words around it. A
/// left-to-right labeller otherwise chooses a mention's kind before it has seen its end.
fn run_features(input: &Input, i: usize, keys: &mut Vec<u64>) {
    let propn = crate::perceptron::hash_str("PROPN");
    let n = input.atoms.len();
    if !namelike(input, i, propn) {
        return;
    }
    let mut end = i;
    while end + 1 < n && end < i + 8 && namelike(input, end + 1, propn) {
        end += 1;
    }
    let mut start = i;
    while start > 0 && start + 8 > i && namelike(input, start - 1, propn) {
        start -= 1;
    }
    let last = &input.atoms[end];
    let after = if end + 1 < n {
        input.atoms[end + 1].lower
    } else {
        PAD
    };
    let before = if start > 0 {
        input.atoms[start - 1].lower
    } else {
        PAD
    };
    keys.extend_from_slice(&[
        f(50, last.lower),
        f(51, last.suffix[2]),
        f(52, after),
        f(53, before),
        f2(54, before, last.lower),
        f2(55, (end - i).min(3) as u64, (i - start).min(3) as u64),
    ]);
}

/// Features over the labels chosen before word `i` (appended to `keys`).
fn history(input: &Input, labels: &[u16], i: usize, keys: &mut Vec<u64>) {
    let label = |k: usize| -> u64 {
        if i >= k {
            labels[i - k] as u64
        } else {
            START + k as u64
        }
    };
    let (l1, l2) = (label(1), label(2));
    let w = &input.atoms[i];
    let head_label = attachment_label(input.heads, labels, i);
    // The next word with the label before: whether a mention goes on ("of", a capitalised
    // word) or ends.
    let (next_lower, next_shape) = input
        .atoms
        .get(i + 1)
        .map_or((PAD, PAD), |a| (a.lower, a.shape));
    keys.extend_from_slice(&[
        f(40, l1),
        f2(41, l1, l2),
        f2(42, l1, w.lower),
        f2(43, l1, input.upos[i]),
        f2(44, l1, w.shape),
        f2(45, l1, input.rel[i]),
        f2(46, head_label, input.rel[i]),
        f(47, head_label),
        f2(48, l1, next_lower),
        f2(49, l1, next_shape),
    ]);
}

/// The label of the nearest word before `i` on the path from `i` to the root: a relative
/// clause or an "of" or "in" phrase continues the mention of the noun it hangs on, while a
/// phrase hanging on the verb ("on Tuesday") does not.
fn attachment_label(heads: &[u32], labels: &[u16], i: usize) -> u64 {
    let mut j = i;
    for _ in 0..8 {
        let h = heads[j];
        if h == u32::MAX {
            return ROOT;
        }
        j = h as usize;
        if j < i {
            return labels[j] as u64;
        }
    }
    PAD
}

/// An [`Input`] that owns its arrays (training and scoring keep whole corpora of them).
pub(crate) struct OwnedInput {
    pub atoms: Vec<Atoms>,
    pub tag: Vec<u64>,
    pub upos: Vec<u64>,
    pub rel: Vec<u64>,
    pub heads: Vec<u32>,
    pub known: Vec<[u8; gazetteer::CLASSES]>,
    pub seen: Vec<u8>,
    pub right: Vec<u64>,
}

impl OwnedInput {
    pub(crate) fn view(&self) -> Input<'_> {
        Input {
            atoms: &self.atoms,
            tag: &self.tag,
            upos: &self.upos,
            rel: &self.rel,
            heads: &self.heads,
            known: &self.known,
            seen: &self.seen,
            right: &self.right,
        }
    }
}

/// The recogniser's view of sentence `k` of an analysed `doc`.
pub(crate) fn input_of(
    doc: &crate::Doc,
    k: usize,
    h: &NameHashes,
    names: &KnownNames,
) -> OwnedInput {
    let (start, end) = doc.sentences[k];
    let range = start as usize..end as usize;
    let forms = doc.spans[range.clone()]
        .iter()
        .map(|&(s, e)| &doc.text[s as usize..e as usize]);
    let mut atoms = Vec::new();
    crate::tagger::atoms_into(forms, &mut atoms, &mut String::new());
    let tags = &doc.tags[range.clone()];
    let known = names.positions(&atoms);
    let rel: Vec<u64> = doc.labels[range.clone()]
        .iter()
        .map(|&l| h.rel[l as usize])
        .collect();
    let heads: Vec<u32> = doc.heads[range]
        .iter()
        .map(|&hd| if hd == u32::MAX { hd } else { hd - start })
        .collect();
    let mut right = vec![NONE; atoms.len()];
    for (j, &hd) in heads.iter().enumerate() {
        if hd != u32::MAX && (hd as usize) < j {
            right[hd as usize] = rel[j];
        }
    }
    let mut input = OwnedInput {
        right,
        known,
        seen: vec![0; atoms.len()],
        atoms,
        tag: tags.iter().map(|&t| h.tag[t as usize]).collect(),
        upos: tags.iter().map(|&t| h.upos[t as usize]).collect(),
        rel,
        heads,
    };
    known_nouns_as_names(&mut input);
    input
}

/// Hashes of a model's tag and relation names, which the recogniser's features read.
pub(crate) struct NameHashes {
    /// By tagger class.
    pub tag: Vec<u64>,
    /// By tagger class: its UPOS.
    pub upos: Vec<u64>,
    /// By relation label.
    pub rel: Vec<u64>,
}

impl NameHashes {
    pub(crate) fn new(names: &crate::Names) -> NameHashes {
        use crate::perceptron::hash_str;
        NameHashes {
            tag: (names.upos.iter().zip(&names.xpos))
                .map(|(u, x)| crate::perceptron::mix(hash_str(u.as_str()), hash_str(x)))
                .collect(),
            upos: names.upos.iter().map(|u| hash_str(u.as_str())).collect(),
            rel: names.deprels.iter().map(|l| hash_str(l)).collect(),
        }
    }
}

/// A capitalised word tagged a common noun that is a whole known name (a place, body, seat
/// or person) is read as a proper noun: the tagger takes a sentence's first word ending in
/// "s" for a plural ("Athens", "Brussels").
fn known_nouns_as_names(input: &mut OwnedInput) {
    use crate::perceptron::{hash_str, mix};
    let noun = hash_str("NOUN");
    let propn = hash_str("PROPN");
    let nnp = mix(propn, hash_str("NNP"));
    let classes = [
        gazetteer::PLACE,
        gazetteer::ORGANIZATION,
        gazetteer::SEAT,
        gazetteer::PERSON,
    ];
    for j in 0..input.atoms.len() {
        let whole = classes.iter().any(|&c| input.known[j][c as usize] == 4);
        if whole && input.atoms[j].capitalised && input.upos[j] == noun {
            input.upos[j] = propn;
            input.tag[j] = nnp;
        }
    }
}
