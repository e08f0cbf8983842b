//! Greedy arc-hybrid dependency parser (root at the end of the buffer, so exactly one word
//! attaches to it), trained as an averaged perceptron with the dynamic oracle of Goldberg and
//! Nivre (2013). Arc labels come from a second perceptron scoring each arc as it is built,
//! so later decisions see the labels of finished dependents.

use crate::binio::{Reader, Writer};
use crate::perceptron::{Trainer, f, f2, f3, mix};
use crate::table::Table;
use crate::tagger::{Atoms, argmax};

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
const NONE: u32 = u32::MAX;
const NO_LABEL: u16 = u16::MAX;

/// Parser input for one sentence: per-word atoms and tag classes.
pub(crate) struct Input<'a> {
    pub atoms: &'a [Atoms],
    pub tags: &'a [u16],
    /// The tagger's runner-up class and how close it came (see `tagger::runner_up`).
    pub alts: &'a [u16],
    /// UPOS (as `Upos as u8`) of each tag class.
    pub upos_of_class: &'a [u8],
}

/// Parser output: head (word index, or NONE for the root) and label id per word.
#[derive(Default)]
pub(crate) struct Output {
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
}

struct State {
    n: usize,
    stack: Vec<u32>,
    b0: usize,
    heads: Vec<u32>,
    labels: Vec<u16>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    /// Bit sets of the labels of each word's left and right dependents.
    left_labels: Vec<u64>,
    right_labels: Vec<u64>,
    /// Punctuation tokens before each position.
    punct_before: Vec<u32>,
}

impl State {
    fn new(input: &Input) -> State {
        let n = input.atoms.len();
        let mut punct_before = Vec::with_capacity(n + 2);
        let mut count = 0u32;
        for a in input.atoms {
            punct_before.push(count);
            count += a.punct as u32;
        }
        punct_before.push(count);
        punct_before.push(count);
        State {
            punct_before,
            n,
            stack: Vec::with_capacity(n),
            b0: 0,
            heads: vec![NONE; n + 1],
            labels: vec![NO_LABEL; n + 1],
            lc1: vec![NONE; n + 1],
            lc2: vec![NONE; n + 1],
            rc1: vec![NONE; n + 1],
            rc2: vec![NONE; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            left_labels: vec![0; n + 1],
            right_labels: vec![0; n + 1],
        }
    }

    fn done(&self) -> bool {
        self.stack.is_empty() && self.b0 == self.n
    }

    fn valid(&self) -> [bool; 3] {
        let depth = self.stack.len();
        [
            self.b0 < self.n,
            depth >= 1 && (self.b0 < self.n || depth == 1),
            depth >= 2,
        ]
    }

    fn s(&self, k: usize) -> u32 {
        let d = self.stack.len();
        if d > k { self.stack[d - 1 - k] } else { NONE }
    }

    fn b(&self, k: usize) -> u32 {
        let j = self.b0 + k;
        if j <= self.n { j as u32 } else { NONE }
    }

    /// Applies a move; returns the new arc (head, dependent) if any.
    fn apply(&mut self, mv: usize) -> Option<(u32, u32)> {
        match mv {
            SHIFT => {
                self.stack.push(self.b0 as u32);
                self.b0 += 1;
                None
            }
            LEFT => {
                let d = self.stack.pop().unwrap();
                let h = self.b0 as u32;
                self.attach(h, d);
                Some((h, d))
            }
            _ => {
                let d = self.stack.pop().unwrap();
                let h = *self.stack.last().unwrap();
                self.attach(h, d);
                Some((h, d))
            }
        }
    }

    fn set_label(&mut self, h: u32, d: u32, label: u16) {
        self.labels[d as usize] = label;
        let bit = 1u64 << (label % 64);
        if d < h {
            self.left_labels[h as usize] |= bit;
        } else {
            self.right_labels[h as usize] |= bit;
        }
    }

    fn attach(&mut self, h: u32, d: u32) {
        let (hu, du) = (h as usize, d as usize);
        self.heads[du] = h;
        if d < h {
            self.lc2[hu] = self.lc1[hu];
            self.lc1[hu] = d;
            self.nl[hu] = self.nl[hu].saturating_add(1);
        } else {
            self.rc2[hu] = self.rc1[hu];
            self.rc1[hu] = d;
            self.nr[hu] = self.nr[hu].saturating_add(1);
        }
    }

    /// Gold arcs each move would make unreachable (`gold` maps words to heads, root = n).
    fn costs(&self, gold: &[u32]) -> [u32; 3] {
        let valid = self.valid();
        let mut c = [u32::MAX; 3];
        let n = self.n;
        let in_buffer = |x: u32| x != NONE && (x as usize) >= self.b0 && (x as usize) <= n;
        if valid[SHIFT] {
            let b0 = self.b0 as u32;
            let depth = self.stack.len();
            let mut cost = 0;
            for (k, &s) in self.stack.iter().enumerate() {
                if gold[s as usize] == b0 {
                    cost += 1;
                }
                if k + 1 < depth && gold[b0 as usize] == s {
                    cost += 1;
                }
            }
            c[SHIFT] = cost;
        }
        let s0 = self.s(0);
        if s0 != NONE {
            let deps_in_buffer = (self.b0..n).filter(|&d| gold[d] == s0).count() as u32;
            let h = gold[s0 as usize];
            if valid[LEFT] {
                let lost = h != self.b0 as u32 && (h == self.s(1) || in_buffer(h));
                c[LEFT] = deps_in_buffer + lost as u32;
            }
            if valid[RIGHT] {
                let lost = h != self.s(1) && in_buffer(h);
                c[RIGHT] = deps_in_buffer + lost as u32;
            }
        }
        c
    }
}

const ABSENT: u64 = 0xA85E_0001;
const ROOT: u64 = 0x0000_F007;

struct View<'a> {
    input: &'a Input<'a>,
    st: &'a State,
}

impl View<'_> {
    /// An atom of word `x`, or the markers for no word and for the root.
    fn atom(&self, x: u32, of_word: impl Fn(usize) -> u64) -> u64 {
        if x == NONE {
            ABSENT
        } else if x as usize == self.st.n {
            ROOT
        } else {
            of_word(x as usize)
        }
    }
    fn w(&self, x: u32) -> u64 {
        self.atom(x, |i| self.input.atoms[i].lower)
    }
    fn t(&self, x: u32) -> u64 {
        self.atom(x, |i| self.input.tags[i] as u64)
    }
    /// The word's UPOS: triples of fine tags are too sparse to learn well.
    fn u(&self, x: u32) -> u64 {
        self.atom(x, |i| {
            let class = self.input.tags[i] as usize;
            self.input
                .upos_of_class
                .get(class)
                .map_or(ABSENT, |&u| u as u64)
        })
    }
    /// The tagger's runner-up class for the word and its margin.
    fn alt(&self, x: u32) -> u64 {
        self.atom(x, |i| self.input.alts[i] as u64)
    }
    fn l(&self, x: u32) -> u64 {
        if x == NONE {
            ABSENT
        } else {
            self.st.labels[x as usize] as u64
        }
    }
    fn child(&self, x: u32, which: &[u32]) -> u32 {
        if x == NONE { NONE } else { which[x as usize] }
    }
}

fn bucket(d: i64) -> u64 {
    match d {
        ..=0 => 0,
        1..=4 => d as u64,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

fn action_features(input: &Input, st: &State, keys: &mut Vec<u64>) {
    keys.clear();
    let v = View { input, st };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.b(0), st.b(1), st.b(2));
    let (s0w, s0t, s1w, s1t) = (v.w(s0), v.t(s0), v.w(s1), v.t(s1));
    let (b0w, b0t, b1w, b1t, b2w, b2t) = (v.w(b0), v.t(b0), v.w(b1), v.t(b1), v.w(b2), v.t(b2));
    let s0wt = mix(s0w, s0t);
    let s1wt = mix(s1w, s1t);
    let b0wt = mix(b0w, b0t);
    let (s0l1, s0l2) = (v.child(s0, &st.lc1), v.child(s0, &st.lc2));
    let (s0r1, s0r2) = (v.child(s0, &st.rc1), v.child(s0, &st.rc2));
    let (s1l1, s1r1) = (v.child(s1, &st.lc1), v.child(s1, &st.rc1));
    let (b0l1, b0l2) = (v.child(b0, &st.lc1), v.child(b0, &st.lc2));
    let d = if s0 != NONE && b0 != NONE {
        bucket(b0 as i64 - s0 as i64)
    } else {
        0
    };
    let d2 = if s1 != NONE {
        bucket(s0 as i64 - s1 as i64)
    } else {
        0
    };
    let val = |x: u32, which: &[u8]| {
        if x == NONE {
            99
        } else {
            which[x as usize] as u64
        }
    };
    // Punctuation strictly between two positions, capped.
    let between = |a: u32, b: u32| -> u64 {
        if a == NONE || b == NONE || b <= a {
            return 9;
        }
        (st.punct_before[b as usize] - st.punct_before[a as usize + 1]).min(3) as u64
    };
    let (p01, p10) = (between(s0, b0), between(s1, s0));
    let next_of = |x: u32| if x == NONE { NONE } else { x + 1 };
    let prev_of = |x: u32| if x == NONE || x == 0 { NONE } else { x - 1 };
    let (s0n, s0p, b0p) = (next_of(s0), prev_of(s0), prev_of(b0));
    let set = |x: u32, sets: &[u64]| if x == NONE { ABSENT } else { sets[x as usize] };
    let (s0vl, s0vr, s1vr, b0vl) = (
        val(s0, &st.nl),
        val(s0, &st.nr),
        val(s1, &st.nr),
        val(b0, &st.nl),
    );
    keys.extend_from_slice(&[
        f(1, 0),
        f(2, s0w),
        f(3, s0t),
        f(4, s0wt),
        f(5, s1w),
        f(6, s1t),
        f(7, s1wt),
        f(8, b0w),
        f(9, b0t),
        f(10, b0wt),
        f(11, b1w),
        f(12, b1t),
        f(13, mix(b1w, b1t)),
        f(14, b2w),
        f(15, b2t),
        f2(16, s0wt, b0wt),
        f2(17, s0wt, b0w),
        f2(18, s0w, b0wt),
        f2(19, s0wt, b0t),
        f2(20, s0t, b0wt),
        f2(21, s0w, b0w),
        f2(22, s0t, b0t),
        f2(23, b0t, b1t),
        f2(24, s1w, s0w),
        f2(25, s1t, s0t),
        f2(26, s1wt, s0t),
        f2(27, s1t, s0wt),
        f3(28, v.u(b0), v.u(b1), v.u(b2)),
        f3(29, v.u(s0), v.u(b0), v.u(b1)),
        f3(30, v.u(s1), v.u(s0), v.u(b0)),
        f3(31, v.u(s2), v.u(s1), v.u(s0)),
        f3(32, s0t, v.t(s0l1), b0t),
        f3(33, s0t, v.t(s0r1), b0t),
        f3(34, s0t, b0t, v.t(b0l1)),
        f3(35, s1t, s0t, v.t(s0l1)),
        f3(36, s1t, v.t(s1r1), s0t),
        f3(37, s1t, s0t, v.t(s0r1)),
        f2(38, s0w, d),
        f2(39, s0t, d),
        f2(40, b0w, d),
        f2(41, b0t, d),
        f3(42, s0t, b0t, d),
        f3(43, s1t, s0t, d2),
        f2(44, s1w, d2),
        f2(45, s0w, d2),
        f2(46, s0w, s0vr),
        f2(47, s0t, s0vr),
        f2(48, s0w, s0vl),
        f2(49, s0t, s0vl),
        f2(50, b0w, b0vl),
        f2(51, b0t, b0vl),
        f2(52, s1t, s1vr),
        f(53, v.w(s0l1)),
        f(54, v.t(s0l1)),
        f(55, v.l(s0l1)),
        f(56, v.w(s0r1)),
        f(57, v.t(s0r1)),
        f(58, v.l(s0r1)),
        f(59, v.w(b0l1)),
        f(60, v.t(b0l1)),
        f(61, v.l(b0l1)),
        f(62, v.t(s0l2)),
        f(63, v.l(s0l2)),
        f(64, v.t(s0r2)),
        f(65, v.l(s0r2)),
        f(66, v.t(b0l2)),
        f(67, v.l(b0l2)),
        f(68, v.t(s1r1)),
        f(69, v.l(s1r1)),
        f(70, v.t(s1l1)),
        f3(71, s0t, v.t(s0l1), v.t(s0l2)),
        f3(72, s0t, v.t(s0r1), v.t(s0r2)),
        f3(73, b0t, v.t(b0l1), v.t(b0l2)),
        f3(74, s0t, v.l(s0l1), v.l(s0r1)),
        f3(75, b0t, s0t, v.l(s0r1)),
        f2(76, s1t, v.l(s1r1)),
        f2(77, s0t, set(s0, &st.left_labels)),
        f2(78, s0t, set(s0, &st.right_labels)),
        f2(79, b0t, set(b0, &st.left_labels)),
        f2(80, s1t, set(s1, &st.right_labels)),
        f2(81, s0w, set(s0, &st.left_labels)),
        f2(82, b0w, set(b0, &st.left_labels)),
        f3(83, s0t, b0t, p01),
        f3(84, s1t, s0t, p10),
        f2(85, s0w, p01),
        f3(86, s0t, v.t(s0n), b0t),
        f3(87, s0t, v.t(b0p), b0t),
        f3(88, v.t(s0p), s0t, b0t),
        f2(89, b0wt, v.t(b0p)),
        f2(90, s0wt, v.t(s0n)),
        f2(91, b0t, v.alt(b0)),
        f2(92, s0t, v.alt(s0)),
        f3(93, s0t, v.alt(s0), b0t),
        f3(94, s0t, b0t, v.alt(b0)),
    ]);
}

fn label_features(input: &Input, st: &State, h: u32, d: u32, keys: &mut Vec<u64>) {
    keys.clear();
    let v = View { input, st };
    let (dw, dt, hw, ht) = (v.w(d), v.t(d), v.w(h), v.t(h));
    let dir = (h > d) as u64;
    let dist = bucket((h as i64 - d as i64).abs());
    let dl1 = st.lc1[d as usize];
    let dr1 = st.rc1[d as usize];
    let prev_t = if d > 0 { v.t(d - 1) } else { ABSENT };
    let next_t = v.t(d + 1);
    let dl1w = v.w(dl1);
    // The arc is already in the state: h's nearest other dependents are one slot further out.
    let (hu, left_arc) = (h as usize, d < h);
    let h_left = if left_arc { st.lc2[hu] } else { st.lc1[hu] };
    let h_right = if left_arc { st.rc1[hu] } else { st.rc2[hu] };
    let (hll, hrl) = (v.l(h_left), v.l(h_right));
    keys.extend_from_slice(&[
        f(101, 0),
        f(102, dw),
        f(103, dt),
        f(104, hw),
        f(105, ht),
        f2(106, dt, ht),
        f2(107, dw, ht),
        f2(108, dt, hw),
        f2(109, dw, hw),
        f3(110, dir, dt, ht),
        f3(111, dir, dist, dt),
        f2(112, dt, v.l(dl1)),
        f2(113, dt, v.l(dr1)),
        f2(114, ht, hll),
        f2(115, ht, hrl),
        f2(116, dt, prev_t),
        f2(117, dt, next_t),
        f2(118, dir, dw),
        f2(119, dir, hw),
        f2(120, dt, dl1w),
        f2(121, dw, dl1w),
        f3(122, dt, ht, v.l(dl1)),
        f3(123, dir, dt, mix(ht, v.t(dl1))),
        f2(124, dt, v.t(dl1)),
        f3(125, dt, st.nl[d as usize] as u64, st.nr[d as usize] as u64),
        f3(126, dw, dir, ht),
        f(
            127,
            input.atoms.get(d as usize).map_or(ABSENT, |a| a.suffix[2]),
        ),
        f2(128, dt, v.w(dr1)),
        f3(129, dt, ht, hll),
        f3(130, dir, dt, mix(hw, hll)),
        f3(131, dt, ht, v.w(h_left)),
        f3(132, dt, ht, hrl),
    ]);
}

#[derive(Clone)]
pub(crate) struct Parser {
    pub labels: Vec<String>,
    actions: Table,
    labeler: Table,
}

struct Scratch {
    keys: Vec<u64>,
    scores: Vec<f32>,
}

impl Parser {
    /// Averages the weights of parsers trained on the same data.
    pub(crate) fn average(members: Vec<&Parser>) -> Parser {
        let actions: Vec<&Table> = members.iter().map(|m| &m.actions).collect();
        let labeler: Vec<&Table> = members.iter().map(|m| &m.labeler).collect();
        Parser {
            labels: members[0].labels.clone(),
            actions: Table::average(&actions),
            labeler: Table::average(&labeler),
        }
    }

    pub(crate) fn parse(
        &self,
        input: &Input,
        out: &mut Output,
        keys: &mut Vec<u64>,
        scores: &mut Vec<f32>,
    ) {
        let n = input.atoms.len();
        let mut st = State::new(input);
        scores.resize(self.labeler.stride().max(self.actions.stride()), 0.0);
        while !st.done() {
            let valid = st.valid();
            action_features(input, &st, keys);
            self.actions.score(keys, scores);
            let mv = best_valid(&scores[..3], &valid);
            if let Some((h, d)) = st.apply(mv) {
                label_features(input, &st, h, d, keys);
                self.labeler.score(keys, scores);
                let label = argmax(&scores[..self.labeler.classes()]) as u16;
                st.set_label(h, d, label);
            }
        }
        out.heads.clear();
        out.labels.clear();
        for i in 0..n {
            out.heads.push(if st.heads[i] as usize == n {
                NONE
            } else {
                st.heads[i]
            });
            out.labels.push(st.labels[i]);
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.strs(self.labels.iter().map(String::as_str));
        self.actions.write(w, 1e-3);
        self.labeler.write(w, 1e-3);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Parser, String> {
        let labels = r.strs()?;
        let actions = Table::read(r)?;
        let labeler = Table::read(r)?;
        if actions.classes() != 3 || labeler.classes() != labels.len() {
            return Err("parser tables do not match their classes".into());
        }
        Ok(Parser {
            labels,
            actions,
            labeler,
        })
    }
}

fn best_valid(scores: &[f32], valid: &[bool; 3]) -> usize {
    let mut best = usize::MAX;
    for m in 0..3 {
        if valid[m] && (best == usize::MAX || scores[m] > scores[best]) {
            best = m;
        }
    }
    best
}

pub(crate) struct ParserTrainer {
    labels: Vec<String>,
    actions: Trainer,
    labeler: Trainer,
    scratch: Scratch,
}

/// Gold analysis of one training sentence: heads (0 = root, else 1-based) and label ids.
pub(crate) struct GoldTree<'a> {
    pub heads: &'a [usize],
    pub labels: &'a [u16],
}

impl ParserTrainer {
    pub(crate) fn new(labels: Vec<String>, action_bits: u32, label_bits: u32) -> ParserTrainer {
        let n = labels.len();
        ParserTrainer {
            labels,
            actions: Trainer::new(action_bits, 3),
            labeler: Trainer::new(label_bits, n),
            scratch: Scratch {
                keys: Vec::with_capacity(96),
                scores: vec![0.0; n.div_ceil(8) * 8 + 8],
            },
        }
    }

    /// Parses one sentence with the current weights, updating on every move that loses gold
    /// arcs. `explore` follows the model's own (possibly wrong) move, as the dynamic oracle
    /// allows; otherwise the best zero-cost move is followed. Returns (correct heads, words).
    pub(crate) fn train_sentence(
        &mut self,
        input: &Input,
        gold: &GoldTree,
        explore: bool,
    ) -> (usize, usize) {
        let n = input.atoms.len();
        let gold_heads: Vec<u32> = gold
            .heads
            .iter()
            .map(|&h| if h == 0 { n as u32 } else { h as u32 - 1 })
            .collect();
        let mut st = State::new(input);
        let Scratch { keys, scores } = &mut self.scratch;
        while !st.done() {
            let valid = st.valid();
            let costs = st.costs(&gold_heads);
            action_features(input, &st, keys);
            self.actions.score(keys, scores);
            let guess = best_valid(&scores[..3], &valid);
            let min_cost = costs.iter().copied().min().unwrap();
            let mut best_ok = usize::MAX;
            for m in 0..3 {
                if costs[m] == min_cost && (best_ok == usize::MAX || scores[m] > scores[best_ok]) {
                    best_ok = m;
                }
            }
            self.actions.tick();
            if costs[guess] != min_cost {
                self.actions.update(keys, best_ok, guess, 1.0);
            }
            let mv = if explore { guess } else { best_ok };
            if let Some((h, d)) = st.apply(mv) {
                label_features(input, &st, h, d, keys);
                self.labeler.score(keys, scores);
                let predicted = argmax(&scores[..self.labels.len()]) as u16;
                let label = if gold_heads[d as usize] == h {
                    let truth = gold.labels[d as usize];
                    self.labeler.tick();
                    self.labeler
                        .update(keys, truth as usize, predicted as usize, 1.0);
                    truth
                } else {
                    predicted
                };
                st.set_label(h, d, label);
            }
        }
        let correct = (0..n).filter(|&i| st.heads[i] == gold_heads[i]).count();
        (correct, n)
    }

    pub(crate) fn finish(&self) -> Parser {
        Parser {
            labels: self.labels.clone(),
            actions: self.actions.averaged(),
            labeler: self.labeler.averaged(),
        }
    }
}
