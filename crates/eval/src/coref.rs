//! Coreference scores over one set of mentions: pairwise links, MUC, B-cubed, CEAF-e and the
//! CoNLL F1 (the mean of MUC, B-cubed and CEAF-e F1).
//!
//! A clustering is one cluster label per mention (`labels[m]`); the key (gold) and the response
//! (system) label the same mentions. Scores over several topics add numerators and denominators
//! ([`CorefCounts::add`]), which is the same as scoring the topics as one document set whose
//! clusters never cross topics.

use serde::Serialize;
use std::collections::HashMap;

/// A ratio kept as numerator and denominator, so that topics add up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Part {
    pub num: f64,
    pub den: f64,
}

impl Part {
    pub fn value(&self) -> f64 {
        if self.den == 0.0 {
            0.0
        } else {
            self.num / self.den
        }
    }

    fn add(&mut self, other: Part) {
        self.num += other.num;
        self.den += other.den;
    }
}

/// Precision and recall of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Measure {
    pub precision: Part,
    pub recall: Part,
}

impl Measure {
    pub fn p(&self) -> f64 {
        self.precision.value()
    }

    pub fn r(&self) -> f64 {
        self.recall.value()
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: &Measure) {
        self.precision.add(other.precision);
        self.recall.add(other.recall);
    }
}

/// Every measure for one response against one key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct CorefCounts {
    pub pairwise: Measure,
    pub muc: Measure,
    pub b_cubed: Measure,
    pub ceaf_e: Measure,
}

impl CorefCounts {
    /// Scores `response` against `key`; both give one label per mention.
    pub fn score(key: &[usize], response: &[usize]) -> CorefCounts {
        assert_eq!(
            key.len(),
            response.len(),
            "key and response label the same mentions"
        );
        let k = clusters(key);
        let r = clusters(response);
        CorefCounts {
            pairwise: pairwise(key, &k, &r),
            muc: Measure {
                precision: muc_part(&r, key),
                recall: muc_part(&k, response),
            },
            b_cubed: b_cubed(&k, &r, key, response),
            ceaf_e: ceaf_e(&k, &r, key, response),
        }
    }

    pub fn add(&mut self, other: &CorefCounts) {
        self.pairwise.add(&other.pairwise);
        self.muc.add(&other.muc);
        self.b_cubed.add(&other.b_cubed);
        self.ceaf_e.add(&other.ceaf_e);
    }

    /// The CoNLL F1: mean of MUC, B-cubed and CEAF-e F1.
    pub fn conll_f1(&self) -> f64 {
        (self.muc.f1() + self.b_cubed.f1() + self.ceaf_e.f1()) / 3.0
    }
}

/// Mentions grouped by label, in order of first appearance.
fn clusters(labels: &[usize]) -> Vec<Vec<usize>> {
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (m, &label) in labels.iter().enumerate() {
        let i = *index.entry(label).or_insert_with(|| {
            out.push(Vec::new());
            out.len() - 1
        });
        out[i].push(m);
    }
    out
}

fn links(clusters: &[Vec<usize>]) -> f64 {
    clusters
        .iter()
        .map(|c| (c.len() * c.len().saturating_sub(1) / 2) as f64)
        .sum()
}

/// Links (mention pairs in one cluster): how many of the response's are in the key and back.
fn pairwise(key: &[usize], k: &[Vec<usize>], r: &[Vec<usize>]) -> Measure {
    let mut common = 0.0;
    for c in r {
        for (i, &a) in c.iter().enumerate() {
            common += c[i + 1..].iter().filter(|&&b| key[a] == key[b]).count() as f64;
        }
    }
    Measure {
        precision: Part {
            num: common,
            den: links(r),
        },
        recall: Part {
            num: common,
            den: links(k),
        },
    }
}

/// MUC (Vilain et al. 1995): for each cluster of `of`, its size minus the number of parts
/// `other` cuts it into, over its size minus one.
fn muc_part(of: &[Vec<usize>], other: &[usize]) -> Part {
    let mut part = Part::default();
    for c in of {
        let mut seen: Vec<usize> = c.iter().map(|&m| other[m]).collect();
        seen.sort_unstable();
        seen.dedup();
        part.num += (c.len() - seen.len()) as f64;
        part.den += (c.len() - 1) as f64;
    }
    part
}

/// B-cubed (Bagga & Baldwin 1998): per mention, the share of its response cluster that is in
/// its key cluster (precision) and back (recall), averaged over mentions.
fn b_cubed(k: &[Vec<usize>], r: &[Vec<usize>], key: &[usize], response: &[usize]) -> Measure {
    let n = key.len() as f64;
    let mut size_k: HashMap<usize, f64> = HashMap::new();
    let mut size_r: HashMap<usize, f64> = HashMap::new();
    for c in k {
        size_k.insert(key[c[0]], c.len() as f64);
    }
    for c in r {
        size_r.insert(response[c[0]], c.len() as f64);
    }
    let mut overlap: HashMap<(usize, usize), f64> = HashMap::new();
    for m in 0..key.len() {
        *overlap.entry((key[m], response[m])).or_default() += 1.0;
    }
    let (mut p, mut rc) = (0.0, 0.0);
    for m in 0..key.len() {
        let both = overlap[&(key[m], response[m])];
        p += both / size_r[&response[m]];
        rc += both / size_k[&key[m]];
    }
    Measure {
        precision: Part { num: p, den: n },
        recall: Part { num: rc, den: n },
    }
}

/// CEAF-e (Luo 2005): the best one-to-one alignment of key and response clusters under
/// phi4 = 2|K∩R| / (|K| + |R|); precision divides its total by the response's clusters,
/// recall by the key's.
fn ceaf_e(k: &[Vec<usize>], r: &[Vec<usize>], key: &[usize], response: &[usize]) -> Measure {
    let k_index: HashMap<usize, usize> =
        k.iter().enumerate().map(|(i, c)| (key[c[0]], i)).collect();
    let r_index: HashMap<usize, usize> = r
        .iter()
        .enumerate()
        .map(|(i, c)| (response[c[0]], i))
        .collect();
    let mut overlap: HashMap<(usize, usize), f64> = HashMap::new();
    for m in 0..key.len() {
        *overlap
            .entry((k_index[&key[m]], r_index[&response[m]]))
            .or_default() += 1.0;
    }
    let phi = |ki: usize, ri: usize, both: f64| 2.0 * both / (k[ki].len() + r[ri].len()) as f64;
    // Clusters that share no mention score 0 together, so each connected part of the overlap
    // graph is aligned on its own.
    let mut total = 0.0;
    for (ks, rs) in components(k.len(), &overlap) {
        let weights: Vec<Vec<f64>> = ks
            .iter()
            .map(|&ki| {
                rs.iter()
                    .map(|&ri| overlap.get(&(ki, ri)).map_or(0.0, |&b| phi(ki, ri, b)))
                    .collect()
            })
            .collect();
        total += max_assignment(&weights);
    }
    Measure {
        precision: Part {
            num: total,
            den: r.len() as f64,
        },
        recall: Part {
            num: total,
            den: k.len() as f64,
        },
    }
}

/// Connected parts of the bipartite graph of overlapping (key, response) clusters.
fn components(
    key_clusters: usize,
    overlap: &HashMap<(usize, usize), f64>,
) -> Vec<(Vec<usize>, Vec<usize>)> {
    let mut by_key: Vec<Vec<usize>> = vec![Vec::new(); key_clusters];
    let mut by_resp: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(ki, ri) in overlap.keys() {
        by_key[ki].push(ri);
        by_resp.entry(ri).or_default().push(ki);
    }
    let mut key_seen = vec![false; key_clusters];
    let mut resp_seen: HashMap<usize, bool> = HashMap::new();
    let mut out = Vec::new();
    for start in 0..key_clusters {
        if key_seen[start] {
            continue;
        }
        let (mut ks, mut rs) = (Vec::new(), Vec::new());
        let mut stack = vec![start];
        key_seen[start] = true;
        while let Some(ki) = stack.pop() {
            ks.push(ki);
            for &ri in &by_key[ki] {
                if resp_seen.insert(ri, true).is_none() {
                    rs.push(ri);
                    for &kj in &by_resp[&ri] {
                        if !key_seen[kj] {
                            key_seen[kj] = true;
                            stack.push(kj);
                        }
                    }
                }
            }
        }
        out.push((ks, rs));
    }
    out
}

/// The largest total weight of a one-to-one assignment of rows to columns (Hungarian method
/// on costs `max - w`, padded square).
fn max_assignment(weights: &[Vec<f64>]) -> f64 {
    let rows = weights.len();
    let cols = weights.first().map_or(0, Vec::len);
    let n = rows.max(cols);
    if n == 0 {
        return 0.0;
    }
    let w = |i: usize, j: usize| {
        if i < rows && j < cols {
            weights[i][j]
        } else {
            0.0
        }
    };
    // Minimise cost c = -w with potentials u, v (1-based, column 0 is the sentinel).
    let inf = f64::INFINITY;
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; n + 1];
    let mut p = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=n {
                if used[j] {
                    continue;
                }
                let cur = -w(i0 - 1, j - 1) - u[i0] - v[j];
                if cur < minv[j] {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if minv[j] < delta {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=n)
        .filter(|&j| p[j] != 0)
        .map(|j| w(p[j] - 1, j - 1))
        .sum()
}

#[cfg(test)]
#[path = "coref_tests.rs"]
mod tests;
