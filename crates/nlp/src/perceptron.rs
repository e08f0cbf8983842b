//! Averaged perceptron over hashed features. Each feature key selects one row of a fixed-size
//! table; a row holds one weight per class, so scoring a feature is a contiguous vector add.
//! Training keeps full-precision weights here; the trained model is a [`Table`].

use crate::table::{Table, prefetch};

/// Mixes feature atoms into a 64-bit key.
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 31)
}

/// Feature key of template `t` over one atom (`f`), two (`f2`) or three (`f3`).
#[inline]
pub(crate) fn f(t: u64, a: u64) -> u64 {
    mix(t.wrapping_mul(0x100_0000_01B3), a)
}

#[inline]
pub(crate) fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(f(t, a), b)
}

#[inline]
pub(crate) fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(f2(t, a, b), c)
}

/// FNV-1a over bytes: hashes a word once per token.
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    attache_text::hash::fnv1a(s.as_bytes())
}

/// Row selection shared by training and inference tables.
#[inline]
pub(crate) fn row_of(bits: u32, key: u64) -> usize {
    (key.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> (64 - bits)) as usize
}

/// Sums the rows of `keys` into `scores[..stride]` (training weights).
#[inline(always)]
fn accumulate(data: &[f32], bits: u32, stride: usize, keys: &[u64], scores: &mut [f32]) {
    debug_assert!(keys.len() <= 128, "a decision has at most 128 features");
    if stride == 4 {
        // Small rows: accumulate in one register; the loads are independent, so cache
        // misses overlap.
        let mut rows = [0usize; 128];
        let n = keys.len().min(rows.len());
        for (slot, &k) in rows.iter_mut().zip(&keys[..n]) {
            *slot = row_of(bits, k) * 4;
            prefetch(&data[*slot..*slot + 4]);
        }
        let mut acc = [0.0f32; 4];
        for &r in &rows[..n] {
            let row: &[f32; 4] = data[r..r + 4].try_into().unwrap();
            for j in 0..4 {
                acc[j] += row[j];
            }
        }
        scores[..4].copy_from_slice(&acc);
        return;
    }
    let mut rows = [0usize; 128];
    let n = keys.len().min(rows.len());
    for (slot, &k) in rows.iter_mut().zip(&keys[..n]) {
        *slot = row_of(bits, k) * stride;
        prefetch(&data[*slot..*slot + stride]);
    }
    // Eight classes at a time, accumulated in registers across all rows (the rows' lines are
    // cached after the first pass), instead of reloading and storing every score per row.
    for (c, out) in scores[..stride].chunks_exact_mut(8).enumerate() {
        let mut acc = [0.0f32; 8];
        for &r in &rows[..n] {
            let w: &[f32; 8] = data[r + c * 8..r + c * 8 + 8].try_into().unwrap();
            for j in 0..8 {
                acc[j] += w[j];
            }
        }
        out.copy_from_slice(&acc);
    }
}

fn stride_for(classes: usize) -> usize {
    if classes <= 4 {
        4
    } else {
        classes.div_ceil(8) * 8
    }
}

/// Training state: full-precision weights plus the running sums needed for averaging.
pub(crate) struct Trainer {
    bits: u32,
    classes: usize,
    stride: usize,
    weights: Vec<f32>,
    stamp_sums: Vec<f64>,
    instances: f64,
}

impl Trainer {
    pub(crate) fn new(bits: u32, classes: usize) -> Trainer {
        let stride = stride_for(classes);
        let n = stride << bits;
        Trainer {
            bits,
            classes,
            stride,
            weights: vec![0.0; n],
            stamp_sums: vec![0.0; n],
            instances: 1.0,
        }
    }

    pub(crate) fn stride(&self) -> usize {
        self.stride
    }

    /// Scores with the current (not averaged) weights.
    #[inline]
    pub(crate) fn score(&self, keys: &[u64], scores: &mut [f32]) {
        accumulate(&self.weights, self.bits, self.stride, keys, scores);
    }

    /// Counts one training instance (for averaging).
    pub(crate) fn tick(&mut self) {
        self.instances += 1.0;
    }

    /// Moves weight towards `truth` and away from `guess` for every key.
    pub(crate) fn update(&mut self, keys: &[u64], truth: usize, guess: usize, amount: f32) {
        if truth == guess {
            return;
        }
        let c = self.instances;
        for &k in keys {
            let r = row_of(self.bits, k) * self.stride;
            self.weights[r + truth] += amount;
            self.stamp_sums[r + truth] += c * amount as f64;
            self.weights[r + guess] -= amount;
            self.stamp_sums[r + guess] -= c * amount as f64;
        }
    }

    /// Adds `amount` to `class`'s weight for every key (structured updates).
    pub(crate) fn add(&mut self, keys: &[u64], class: usize, amount: f32) {
        let c = self.instances;
        for &k in keys {
            let r = row_of(self.bits, k) * self.stride;
            self.weights[r + class] += amount;
            self.stamp_sums[r + class] += c * amount as f64;
        }
    }

    /// Averaged weights, w - sum(c * delta) / c (Daumé's trick), as an inference table.
    pub(crate) fn averaged(&self) -> Table {
        let c = self.instances;
        Table::from_weights(self.bits, self.classes, |r, class| {
            let i = r * self.stride + class;
            (self.weights[i] as f64 - self.stamp_sums[i] / c) as f32
        })
    }
}

impl Trainer {
    /// Averaged weights at full precision (see [`FullTable`]).
    pub(crate) fn averaged_full(&self) -> FullTable {
        let c = self.instances;
        let weights = (self.weights.iter().zip(&self.stamp_sums))
            .map(|(&w, &s)| (w as f64 - s / c) as f32)
            .collect();
        FullTable {
            bits: self.bits,
            classes: self.classes,
            stride: self.stride,
            weights,
        }
    }
}

/// Inference weights kept as `f32`, for a model whose weights span too wide a range for the
/// 8-bit [`Table`] (the recogniser's bias-like features grow to thousands while the
/// features that decide differ by units; two mantissa bits lose them).
#[derive(Clone)]
pub(crate) struct FullTable {
    bits: u32,
    classes: usize,
    stride: usize,
    weights: Vec<f32>,
}

impl FullTable {
    /// Adds `other`'s weights (a table of the same shape) to these.
    pub(crate) fn add(&mut self, other: &FullTable) {
        assert_eq!(
            self.weights.len(),
            other.weights.len(),
            "tables of one shape"
        );
        for (w, o) in self.weights.iter_mut().zip(&other.weights) {
            *w += o;
        }
    }

    /// Multiplies every weight by `by`.
    pub(crate) fn scale(&mut self, by: f32) {
        for w in &mut self.weights {
            *w *= by;
        }
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    /// The length of the score buffer `score` writes into.
    pub(crate) fn stride(&self) -> usize {
        self.stride
    }

    /// Writes the summed scores of `keys` into `scores[..stride]`.
    #[inline]
    pub(crate) fn score(&self, keys: &[u64], scores: &mut [f32]) {
        accumulate(&self.weights, self.bits, self.stride, keys, scores);
    }

    /// Writes the weights of at least `prune` in magnitude, sparsely.
    pub(crate) fn write(&self, w: &mut crate::binio::Writer, prune: f32) {
        w.u8(self.bits as u8);
        w.u16(self.classes as u16);
        let mut body = crate::binio::Writer::default();
        let (mut prev, mut rows) = (0usize, 0u64);
        for (r, row) in self.weights.chunks_exact(self.stride).enumerate() {
            let kept = row[..self.classes]
                .iter()
                .filter(|v| v.abs() >= prune)
                .count();
            if kept == 0 {
                continue;
            }
            body.varint((r - prev) as u64);
            prev = r;
            body.u8(kept as u8 - 1);
            for (c, v) in row[..self.classes].iter().enumerate() {
                if v.abs() >= prune {
                    body.u8(c as u8);
                    body.u32(v.to_bits());
                }
            }
            rows += 1;
        }
        w.varint(rows);
        w.bytes(&body.into_bytes());
    }

    /// Reads what `write` wrote.
    pub(crate) fn read(r: &mut crate::binio::Reader) -> Result<FullTable, crate::FormatError> {
        use crate::FormatError::{Inconsistent, TableShape};
        let bits = r.u8()? as u32;
        let classes = r.u16()? as usize;
        if !(4..=22).contains(&bits) || classes == 0 || classes > 64 {
            return Err(TableShape { bits, classes });
        }
        let stride = stride_for(classes);
        let mut weights = vec![0.0f32; stride << bits];
        crate::table::read_sparse_rows(r, bits, |row, r| {
            let c = r.u8()? as usize;
            let v = f32::from_bits(r.u32()?);
            if c >= classes || !v.is_finite() {
                return Err(Inconsistent("table class or weight out of range"));
            }
            weights[row * stride + c] = v;
            Ok(())
        })?;
        Ok(FullTable {
            bits,
            classes,
            stride,
            weights,
        })
    }
}

/// Hasher for the lexicons: FNV-1a over bytes, one multiply for integer keys (the tagger's keys
/// are already hashes). Much cheaper than SipHash on the per-token lookups; the maps hold
/// training data, not untrusted input.
#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let start = self.0 ^ attache_text::hash::FNV_OFFSET;
        self.0 = attache_text::hash::fnv1a_extend(start, bytes.iter().copied());
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = mix(self.0, v);
    }
}

pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;
pub(crate) type FastSet<K> =
    std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;
