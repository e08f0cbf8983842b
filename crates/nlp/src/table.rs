//! Inference weight tables: one row per hashed feature, one 8-bit float weight per class.
//!
//! Scoring a decision sums the rows of its features, which lie at random across megabytes, so
//! speed is set by how many cache lines a decision touches. Eight-bit weights (the high byte of
//! an IEEE half: sign, 5 exponent bits, 2 mantissa bits) halve the lines of 16-bit weights and
//! rows of many classes are padded to whole lines. A perceptron's decisions are sums of dozens
//! of weights; rounding each to 2 mantissa bits moved EWT dev LAS and UPOS by under 0.1.

use crate::binio::{Reader, Writer};
use crate::hugebuf::HugeBuf;
use crate::perceptron::row_of;

/// Weights stored as "quarter" floats (E5M2): the high byte of an IEEE 754 half.
#[derive(Clone, Copy)]
struct Quarter;

impl Quarter {
    /// Rounds to the nearest quarter float; magnitudes below the smallest normal half (6e-5,
    /// far below the pruning threshold) and NaN become zero, those above the largest (infinity
    /// included) saturate.
    fn encode(v: f32) -> u8 {
        if v.is_nan() || v.abs() < 6.103_515_6e-5 {
            return 0;
        }
        let sign = ((v.to_bits() >> 24) & 0x80) as u8;
        // Round the f32 mantissa to 2 bits (to nearest, ties to even); a carry moves the
        // exponent up, as it should.
        let bits = v.abs().to_bits();
        let even = (bits >> 21) & 1;
        let rounded = (bits + 0x000F_FFFF + even) & !0x001F_FFFF;
        let exp = (rounded >> 23) as i32 - 127 + 15;
        if exp >= 31 {
            return sign | 0x7B; // largest finite: 57344
        }
        if exp <= 0 {
            return 0;
        }
        sign | ((exp as u8) << 2) | ((rounded >> 21) & 3) as u8
    }

    /// The value of a byte, as the hardware's half conversion gives it (subnormals,
    /// infinities and NaNs included, though `encode` writes none of them).
    #[inline(always)]
    const fn decode(b: u8) -> f32 {
        let mag = (b & 0x7F) as u32;
        let sign = ((b & 0x80) as u32) << 24;
        let v = match mag >> 2 {
            0 => mag as f32 / 65536.0,
            31 if mag & 3 == 0 => f32::INFINITY,
            31 => f32::NAN,
            // E5M2 exponent bias 15, f32 bias 127: shift the exponent field and rebias.
            _ => f32::from_bits((mag << 21) + ((127 - 15) << 23)),
        };
        f32::from_bits(v.to_bits() | sign)
    }
}

/// Decoded value of every byte, for the portable scoring path.
static DECODED: [f32; 256] = {
    let mut t = [0.0f32; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = Quarter::decode(i as u8);
        i += 1;
    }
    t
};

/// Bytes per row: 4 or 8 for small tables; otherwise whole 64-byte lines, so that a row never
/// straddles a line boundary it does not need.
fn stride_for(classes: usize) -> usize {
    match classes {
        0..=4 => 4,
        5..=8 => 8,
        _ => classes.div_ceil(64) * 64,
    }
}

/// A weight table for inference: `1 << bits` rows of `stride` weights (`classes` used).
#[derive(Clone)]
pub(crate) struct Table {
    bits: u32,
    classes: usize,
    stride: usize,
    data: HugeBuf,
}

impl Table {
    fn new(bits: u32, classes: usize) -> Table {
        let stride = stride_for(classes);
        Table {
            bits,
            classes,
            stride,
            data: HugeBuf::zeroed(stride << bits),
        }
    }

    /// A table of `weight(row, class)` for every row and class.
    pub(crate) fn from_weights(
        bits: u32,
        classes: usize,
        mut weight: impl FnMut(usize, usize) -> f32,
    ) -> Table {
        let mut t = Table::new(bits, classes);
        for r in 0..1usize << bits {
            for c in 0..classes {
                t.data[r * t.stride + c] = Quarter::encode(weight(r, c));
            }
        }
        t
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    /// The length of the score buffer `score` writes into.
    pub(crate) fn stride(&self) -> usize {
        self.stride
    }

    fn weight(&self, row: usize, class: usize) -> f32 {
        Quarter::decode(self.data[row * self.stride + class])
    }

    /// The element-wise mean of tables of one shape.
    pub(crate) fn average(tables: &[&Table]) -> Table {
        let n = tables.len() as f32;
        Table::from_weights(tables[0].bits, tables[0].classes, |r, c| {
            tables.iter().map(|t| t.weight(r, c)).sum::<f32>() / n
        })
    }

    /// Writes the summed scores of `keys` into `scores[..stride]`.
    #[inline]
    pub(crate) fn score(&self, keys: &[u64], scores: &mut [f32]) {
        debug_assert!(keys.len() <= 128, "a decision has at most 128 features");
        let mut rows = [0usize; 128];
        let n = keys.len().min(rows.len());
        for (slot, &k) in rows.iter_mut().zip(&keys[..n]) {
            *slot = row_of(self.bits, k) * self.stride;
            prefetch(&self.data[*slot..*slot + self.stride]);
        }
        let rows = &rows[..n];
        let scores = &mut scores[..self.stride];
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("f16c")
        {
            // SAFETY: the CPU has AVX2 and F16C, checked just above; `simd::sum_rows` reads
            // only within `data` (its rows were checked by the prefetch slices above).
            unsafe { simd::sum_rows(&self.data, self.stride, rows, scores) };
            return;
        }
        sum_rows(&self.data, self.stride, rows, scores);
    }

    /// Asks for the rows of `keys` ahead of a `score` of them.
    #[inline]
    pub(crate) fn prefetch(&self, keys: &[u64]) {
        for &k in keys {
            let r = row_of(self.bits, k) * self.stride;
            prefetch(&self.data[r..r + self.stride]);
        }
    }

    /// Writes nonzero weights sparsely (as bfloat16, which holds every quarter float exactly),
    /// dropping those below `prune` in magnitude.
    pub(crate) fn write(&self, w: &mut Writer, prune: f32) {
        w.u8(self.bits as u8);
        w.u16(self.classes as u16);
        let mut prev = 0usize;
        let mut entries: Vec<(u8, u16)> = Vec::with_capacity(self.classes);
        let mut rows = 0u64;
        let mut body = Writer::default();
        for r in 0..(1usize << self.bits) {
            entries.clear();
            for c in 0..self.classes {
                let v = self.weight(r, c);
                if v != 0.0 && v.abs() >= prune {
                    entries.push((c as u8, (v.to_bits() >> 16) as u16));
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

    /// Reads what `write` wrote (bfloat16 weights, rounded to quarter floats).
    pub(crate) fn read(r: &mut Reader) -> Result<Table, crate::FormatError> {
        let bits = r.u8()? as u32;
        let classes = r.u16()? as usize;
        // Refuse shapes no trainer writes before allocating: a damaged header must not ask for
        // gigabytes.
        if !(4..=24).contains(&bits)
            || classes == 0
            || classes > 255
            || (stride_for(classes) << bits) > 1 << 28
        {
            return Err(crate::FormatError::TableShape { bits, classes });
        }
        let mut t = Table::new(bits, classes);
        read_sparse_rows(r, bits, |row, r| {
            let c = r.u8()? as usize;
            let v = r.u16()?;
            if c >= classes {
                return Err(crate::FormatError::Inconsistent("table class out of range"));
            }
            t.data[row * t.stride + c] = Quarter::encode(f32::from_bits((v as u32) << 16));
            Ok(())
        })?;
        Ok(t)
    }
}

/// Portable scoring: each class's sum over the rows, through the decoding table.
fn sum_rows(data: &[u8], stride: usize, rows: &[usize], scores: &mut [f32]) {
    scores.fill(0.0);
    for &r in rows {
        for (s, &b) in scores.iter_mut().zip(&data[r..r + stride]) {
            *s += DECODED[b as usize];
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod simd {
    use std::arch::x86_64::*;

    /// Eight weights from `p` widened to f32: bytes to 16-bit halves (byte in the high half),
    /// then the hardware's half-to-single conversion.
    #[inline(always)]
    unsafe fn eight(p: *const u8) -> __m256 {
        // SAFETY (caller): `p..p + 8` is readable.
        unsafe {
            let bytes = _mm_loadl_epi64(p as *const __m128i);
            _mm256_cvtph_ps(_mm_slli_epi16::<8>(_mm_cvtepu8_epi16(bytes)))
        }
    }

    /// Sums rows `rows` (byte offsets of rows of `stride` bytes in `data`) into `scores`.
    ///
    /// # Safety
    /// The CPU supports AVX2 and F16C, and every `r + stride <= data.len()`.
    #[target_feature(enable = "avx2,f16c")]
    pub(super) unsafe fn sum_rows(data: &[u8], stride: usize, rows: &[usize], scores: &mut [f32]) {
        let base = data.as_ptr();
        // SAFETY: all reads are inside rows, which lie in `data` (caller's contract).
        unsafe {
            if stride == 4 {
                // One row of four at a time, in the portable path's order (same sums).
                let mut acc = _mm_setzero_ps();
                for &r in rows {
                    let row = (base.add(r) as *const u32).read_unaligned();
                    let bytes = _mm_cvtsi32_si128(row as i32);
                    acc = _mm_add_ps(
                        acc,
                        _mm_cvtph_ps(_mm_slli_epi16::<8>(_mm_cvtepu8_epi16(bytes))),
                    );
                }
                _mm_storeu_ps(scores.as_mut_ptr(), acc);
                return;
            }
            // Eight classes at a time, summed in a register across all rows.
            for (c, out) in scores.chunks_exact_mut(8).enumerate() {
                let mut acc = _mm256_setzero_ps();
                for &r in rows {
                    acc = _mm256_add_ps(acc, eight(base.add(r + c * 8)));
                }
                _mm256_storeu_ps(out.as_mut_ptr(), acc);
            }
        }
    }
}

/// Asks for every cache line of `row` ahead of use.
#[inline(always)]
pub(crate) fn prefetch<T>(row: &[T]) {
    #[cfg(target_arch = "x86_64")]
    for line in row.chunks(64 / std::mem::size_of::<T>().max(1)) {
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

/// Reads the body both table formats share: a count of rows, then in a length-prefixed block
/// each row as its distance from the previous one and its number of cells less one, each cell
/// read by `cell` (given the row). Refuses rows out of the table and trailing bytes.
pub(crate) fn read_sparse_rows(
    r: &mut Reader,
    bits: u32,
    mut cell: impl FnMut(usize, &mut Reader) -> Result<(), crate::FormatError>,
) -> Result<(), crate::FormatError> {
    let rows = r.varint()?;
    let mut r = Reader::new(r.bytes()?);
    let mut row = 0usize;
    for _ in 0..rows {
        row = usize::try_from(r.varint()?)
            .ok()
            .and_then(|step| row.checked_add(step))
            .filter(|&next| next < 1 << bits)
            .ok_or(crate::FormatError::Inconsistent("table row out of range"))?;
        for _ in 0..r.u8()? as usize + 1 {
            cell(row, &mut r)?;
        }
    }
    if !r.at_end() {
        return Err(crate::FormatError::Inconsistent("table has trailing bytes"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_floats_round_to_nearest_and_decode_exactly() {
        for b in 0..=255u8 {
            let v = Quarter::decode(b);
            if (4..0x7C).contains(&(b & 0x7F)) {
                assert_eq!(Quarter::encode(v), b, "{b:#x} -> {v}");
            }
        }
        assert_eq!(Quarter::decode(0x01), 1.0 / 65536.0);
        assert_eq!(Quarter::decode(0x7C), f32::INFINITY);
        assert_eq!(Quarter::decode(Quarter::encode(1.0)), 1.0);
        assert_eq!(Quarter::decode(Quarter::encode(-1.2)), -1.25);
        assert_eq!(Quarter::decode(Quarter::encode(1.1)), 1.0);
        assert_eq!(Quarter::decode(Quarter::encode(0.3)), 0.3125);
        assert_eq!(Quarter::decode(Quarter::encode(1e9)), 57344.0);
        assert_eq!(Quarter::encode(1e-6), 0);
    }

    #[test]
    fn both_scoring_paths_agree() {
        for classes in [3, 51, 108] {
            // Weights over twenty binary orders of magnitude, so that sums round.
            let t = Table::from_weights(8, classes, |r, c| {
                let k = (r * 7 + c * 13) % 23;
                (k as f32 - 11.0) * 2f32.powi((r * 5 + c) as i32 % 21 - 10) * 1.37
            });
            // Every byte value, subnormals and infinities too, decodes alike on both paths.
            let mut all = t.clone();
            for (i, b) in all.data.iter_mut().enumerate() {
                *b = (i % 251) as u8;
            }
            let all_keys: Vec<u64> = (0..256u64)
                .map(|k| k.wrapping_mul(0x2545_F491_4F6C_DD1D))
                .collect();
            for chunk in all_keys.chunks(1) {
                let mut fast = vec![0.0; all.stride()];
                all.score(chunk, &mut fast);
                let rows = [row_of(8, chunk[0]) * all.stride];
                let mut slow = vec![0.0; all.stride()];
                sum_rows(&all.data, all.stride, &rows, &mut slow);
                assert_eq!(format!("{fast:?}"), format!("{slow:?}"));
            }
            let keys: Vec<u64> = (0..37u64)
                .map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15))
                .collect();
            let mut fast = vec![0.0; t.stride()];
            t.score(&keys, &mut fast);
            let rows: Vec<usize> = keys.iter().map(|&k| row_of(8, k) * t.stride).collect();
            let mut slow = vec![0.0; t.stride()];
            sum_rows(&t.data, t.stride, &rows, &mut slow);
            assert_eq!(fast, slow);
        }
    }
}
