//! Feature keys of a parser configuration: one for the next move, one for the label of an arc
//! just built.

use super::state::State;
use super::{Input, NONE};
use crate::perceptron::{f, f2, f3, mix};

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

pub(super) fn action_features(input: &Input, st: &State, keys: &mut Vec<u64>) {
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

pub(super) fn label_features(input: &Input, st: &State, h: u32, d: u32, keys: &mut Vec<u64>) {
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
