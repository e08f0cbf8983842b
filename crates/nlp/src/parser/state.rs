//! Parser configuration: stack, buffer front and the partial tree, with the dynamic oracle's
//! cost of each move (Goldberg and Nivre 2013, arc-hybrid).

use super::{Input, LEFT, NO_LABEL, NONE, RIGHT, SHIFT};

#[derive(Clone)]
pub(super) struct State {
    pub(super) n: usize,
    pub(super) stack: Vec<u32>,
    pub(super) b0: usize,
    pub(super) heads: Vec<u32>,
    pub(super) labels: Vec<u16>,
    pub(super) lc1: Vec<u32>,
    pub(super) lc2: Vec<u32>,
    pub(super) rc1: Vec<u32>,
    pub(super) rc2: Vec<u32>,
    pub(super) nl: Vec<u8>,
    pub(super) nr: Vec<u8>,
    /// Bit sets of the labels of each word's left and right dependents.
    pub(super) left_labels: Vec<u64>,
    pub(super) right_labels: Vec<u64>,
    /// Punctuation tokens before each position.
    pub(super) punct_before: Vec<u32>,
}

impl State {
    pub(super) fn new(input: &Input) -> State {
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

    pub(super) fn done(&self) -> bool {
        self.stack.is_empty() && self.b0 == self.n
    }

    pub(super) fn valid(&self) -> [bool; 3] {
        let depth = self.stack.len();
        [
            self.b0 < self.n,
            depth >= 1 && (self.b0 < self.n || depth == 1),
            depth >= 2,
        ]
    }

    pub(super) fn s(&self, k: usize) -> u32 {
        let d = self.stack.len();
        if d > k { self.stack[d - 1 - k] } else { NONE }
    }

    pub(super) fn b(&self, k: usize) -> u32 {
        let j = self.b0 + k;
        if j <= self.n { j as u32 } else { NONE }
    }

    /// Applies a move; returns the new arc (head, dependent) if any.
    pub(super) fn apply(&mut self, mv: usize) -> Option<(u32, u32)> {
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

    pub(super) fn set_label(&mut self, h: u32, d: u32, label: u16) {
        self.labels[d as usize] = label;
        let bit = 1u64 << (label % 64);
        if d < h {
            self.left_labels[h as usize] |= bit;
        } else {
            self.right_labels[h as usize] |= bit;
        }
    }

    pub(super) fn attach(&mut self, h: u32, d: u32) {
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
    pub(super) fn costs(&self, gold: &[u32]) -> [u32; 3] {
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
