//! Averaged perceptron over hashed features. Each feature key selects one row of a fixed-size
//! table; a row holds one weight per class, so scoring a feature is a contiguous vector add.

use crate::binio::{Reader, Writer};

/// Mixes feature atoms into a 64-bit key.
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 31)
}

/// FNV-1a over bytes: hashes a word once per token.
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A weight table: `1 << bits` rows of `stride` weights (`classes` used, the rest zero).
#[derive(Clone)]
pub(crate) struct Table {
    bits: u32,
    classes: usize,
    stride: usize,
    data: Vec<f32>,
}

impl Table {
    pub(crate) fn new(bits: u32, classes: usize) -> Table {
        let stride = classes.div_ceil(4) * 4;
        Table {
            bits,
            classes,
            stride,
            data: vec![0.0; stride << bits],
        }
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    pub(crate) fn stride(&self) -> usize {
        self.stride
    }

    #[inline]
    pub(crate) fn row_of(&self, key: u64) -> usize {
        (key.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> (64 - self.bits)) as usize
    }

    /// Adds the rows of `keys` into `scores` (length `stride`), after zeroing it.
    #[inline]
    pub(crate) fn score(&self, keys: &[u64], scores: &mut [f32]) {
        let stride = self.stride;
        if stride == 4 {
            // Small rows: accumulate in one register; the loads are independent, so cache
            // misses overlap.
            let mut acc = [0.0f32; 4];
            for &k in keys {
                let r = self.row_of(k) * 4;
                let row: &[f32; 4] = self.data[r..r + 4].try_into().unwrap();
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
            *slot = self.row_of(k) * stride;
            prefetch(&self.data[*slot..*slot + stride]);
        }
        let scores = &mut scores[..stride];
        scores.fill(0.0);
        for &r in &rows[..n] {
            let row = &self.data[r..r + stride];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += *w;
            }
        }
    }

    /// Writes nonzero weights sparsely as bfloat16, dropping those below `prune` in magnitude.
    pub(crate) fn write(&self, w: &mut Writer, prune: f32) {
        w.u8(self.bits as u8);
        w.u16(self.classes as u16);
        let mut prev = 0usize;
        let mut entries: Vec<(u8, u16)> = Vec::with_capacity(self.classes);
        let mut rows = 0u64;
        let mut body = Writer::default();
        for r in 0..(1usize << self.bits) {
            entries.clear();
            let row = &self.data[r * self.stride..r * self.stride + self.classes];
            for (c, &v) in row.iter().enumerate() {
                if v.abs() >= prune && v != 0.0 {
                    entries.push((c as u8, bf16(v)));
                }
            }
            if entries.is_empty() {
                continue;
            }
            body.varint((r - prev) as u64);
            prev = r;
            body.u8(entries.len() as u8 - 1);
            for &(c, v) in &entries {
                body.u8(c);
                body.u16(v);
            }
            rows += 1;
        }
        w.varint(rows);
        w.bytes(&body.into_bytes());
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Table, String> {
        let bits = r.u8()? as u32;
        let classes = r.u16()? as usize;
        if !(4..=26).contains(&bits) || classes == 0 || classes > 256 {
            return Err(format!("bad table shape ({bits} bits, {classes} classes)"));
        }
        let mut t = Table::new(bits, classes);
        let rows = r.varint()?;
        let mut r = Reader::new(r.bytes()?);
        let mut row = 0usize;
        for _ in 0..rows {
            row += r.varint()? as usize;
            if row >= 1 << bits {
                return Err("table row out of range".into());
            }
            let n = r.u8()? as usize + 1;
            for _ in 0..n {
                let c = r.u8()? as usize;
                let v = from_bf16(r.u16()?);
                if c >= classes {
                    return Err("table class out of range".into());
                }
                t.data[row * t.stride + c] = v;
            }
        }
        if !r.at_end() {
            return Err("table has trailing bytes".into());
        }
        Ok(t)
    }
}

/// Asks for every cache line of `row` ahead of use.
#[inline(always)]
fn prefetch(row: &[f32]) {
    #[cfg(target_arch = "x86_64")]
    for line in row.chunks(16) {
        // SAFETY: prefetching is a hint; the pointer is in bounds.
        unsafe {
            std::arch::x86_64::_mm_prefetch(
                line.as_ptr() as *const i8,
                std::arch::x86_64::_MM_HINT_T0,
            );
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = row;
}

fn bf16(v: f32) -> u16 {
    // Round to nearest: keep the top 16 bits of the f32.
    let bits = v.to_bits();
    ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16) as u16
}

fn from_bf16(v: u16) -> f32 {
    f32::from_bits((v as u32) << 16)
}

/// Training state: current weights plus the running sums needed for averaging.
pub(crate) struct Trainer {
    pub(crate) table: Table,
    stamp_sums: Vec<f64>,
    instances: f64,
}

impl Trainer {
    pub(crate) fn new(bits: u32, classes: usize) -> Trainer {
        let table = Table::new(bits, classes);
        let n = table.data.len();
        Trainer {
            table,
            stamp_sums: vec![0.0; n],
            instances: 1.0,
        }
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
        let stride = self.table.stride;
        let c = self.instances;
        for &k in keys {
            let r = self.table.row_of(k) * stride;
            self.table.data[r + truth] += amount;
            self.stamp_sums[r + truth] += c * amount as f64;
            self.table.data[r + guess] -= amount;
            self.stamp_sums[r + guess] -= c * amount as f64;
        }
    }

    /// Averaged weights: w - sum(c * delta) / c (Daumé's trick).
    pub(crate) fn averaged(&self) -> Table {
        let mut t = self.table.clone();
        let c = self.instances;
        for (w, &s) in t.data.iter_mut().zip(&self.stamp_sums) {
            *w = (*w as f64 - s / c) as f32;
        }
        t
    }
}
