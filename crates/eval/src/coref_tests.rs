//! The scorers on small examples whose figures are worked by hand in the comments.

use super::*;

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

/// Bagga & Baldwin (1998): key {1-5} {6,7} {8-12}; the response joins the last two.
fn bagga_baldwin() -> CorefCounts {
    let key = [0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2];
    let response = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
    CorefCounts::score(&key, &response)
}

#[test]
fn muc_counts_links_not_mentions() {
    let s = bagga_baldwin();
    // Recall: every key cluster stays whole: (4 + 1 + 4) / (4 + 1 + 4).
    close(s.muc.r(), 1.0);
    // Precision: {1-5} whole (4/4); {6-12} is cut in two by the key: (7 - 2) / 6.
    close(s.muc.p(), 9.0 / 10.0);
}

#[test]
fn b_cubed_averages_over_mentions() {
    let s = bagga_baldwin();
    // Precision: mentions 1-5 score 1; 6 and 7 score 2/7; 8-12 score 5/7; over 12 mentions.
    close(
        s.b_cubed.p(),
        (5.0 + 2.0 * 2.0 / 7.0 + 5.0 * 5.0 / 7.0) / 12.0,
    );
    close(s.b_cubed.r(), 1.0);
}

#[test]
fn ceaf_e_aligns_clusters_one_to_one() {
    let s = bagga_baldwin();
    // phi4({1-5},{1-5}) = 1; {6-12} aligns best with {8-12}: 2*5/(5+7) = 10/12 (with {6,7}
    // it would be 2*2/(2+7)). Total 1 + 10/12 over 2 response and 3 key clusters.
    let total = 1.0 + 10.0 / 12.0;
    close(s.ceaf_e.p(), total / 2.0);
    close(s.ceaf_e.r(), total / 3.0);
}

#[test]
fn pairwise_counts_links() {
    let s = bagga_baldwin();
    // Key links 10 + 1 + 10 = 21; response links 10 + 21 = 31, of which 21 are in the key.
    close(s.pairwise.p(), 21.0 / 31.0);
    close(s.pairwise.r(), 1.0);
}

#[test]
fn a_misplaced_mention_and_a_singleton() {
    // Key {a,b,c} {d}; response {a,b} {c,d}.
    let s = CorefCounts::score(&[0, 0, 0, 1], &[0, 0, 1, 1]);
    // MUC recall: {a,b,c} cut in two: (3-2)/2; {d} adds 0/0. Precision: {a,b} 1/1, {c,d} 0/1.
    close(s.muc.r(), 0.5);
    close(s.muc.p(), 0.5);
    // B-cubed precision: a 1, b 1, c 1/2, d 1/2; recall: a 2/3, b 2/3, c 1/3, d 1.
    close(s.b_cubed.p(), 3.0 / 4.0);
    close(s.b_cubed.r(), 2.0 / 3.0);
    // CEAF-e: {a,b,c}-{a,b} 2*2/5 = 0.8 and {d}-{c,d} 2*1/3; 2 clusters on each side.
    close(s.ceaf_e.p(), (0.8 + 2.0 / 3.0) / 2.0);
    close(s.ceaf_e.r(), (0.8 + 2.0 / 3.0) / 2.0);
    // Pairwise: 3 key links, 2 response links, 1 shared.
    close(s.pairwise.p(), 0.5);
    close(s.pairwise.r(), 1.0 / 3.0);
    let b3_f1 = 2.0 * 0.75 * (2.0 / 3.0) / (0.75 + 2.0 / 3.0);
    close(s.conll_f1(), (0.5 + b3_f1 + (0.8 + 2.0 / 3.0) / 2.0) / 3.0);
}

#[test]
fn a_perfect_response_scores_one_and_topics_add_up() {
    let key = [3, 3, 7, 9, 9, 9];
    let s = CorefCounts::score(&key, &key);
    close(s.conll_f1(), 1.0);
    close(s.pairwise.p(), 1.0);
    let mut total = bagga_baldwin();
    total.add(&s);
    // MUC precision adds numerators and denominators: (9 + 3) / (10 + 3).
    close(total.muc.p(), 12.0 / 13.0);
}

#[test]
fn the_assignment_is_optimal_not_greedy() {
    // Greedy takes 0.9 and then 0.1; the best is 0.8 + 0.8.
    let w = vec![vec![0.9, 0.8], vec![0.8, 0.1]];
    close(max_assignment(&w), 1.6);
    close(max_assignment(&[vec![0.5, 0.7, 0.2]]), 0.7);
}
