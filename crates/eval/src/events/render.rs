//! The text report of `attache eval events`.

use super::EventsReport;
use super::score::{MatchFigures, SideAccuracy};
use std::fmt::Write;

impl EventsReport {
    /// The figures, the per-category table and the miss classes; with `misses`, every missed
    /// gold event and every unmatched prediction.
    pub fn render_text(&self, misses: bool) -> String {
        let mut out = String::new();
        let w = &mut out;
        let _ = writeln!(
            w,
            "articles {}  gold events {} (+{} negated/hypothetical, not scored)  predicted {}",
            self.articles, self.gold_events, self.gold_unscored, self.predicted_events
        );
        figures(w, "strict (category + actor)", &self.strict);
        figures(w, "category only", &self.category_only);
        let _ = writeln!(
            w,
            "category accuracy (gold events with a prediction in their sentence): {}",
            self.category_accuracy
        );
        dates(w, &self.dates);
        table(w, self);
        reasons(w, "why gold events were missed", &self.miss_reasons);
        reasons(
            w,
            "why predictions were unmatched",
            &self.false_positive_reasons,
        );
        if misses {
            list_misses(w, self);
        }
        out
    }
}

fn figures(w: &mut String, name: &str, f: &MatchFigures) {
    let e = &f.events;
    let _ = writeln!(
        w,
        "events, {name}: precision {:.3}  recall {:.3}  F1 {:.3}  (tp {} fp {} fn {})",
        e.precision(),
        e.recall(),
        e.f1(),
        e.tp,
        e.fp,
        e.fn_
    );
    side(w, "actor", &f.actor);
    side(w, "recipient", &f.recipient);
    let _ = writeln!(
        w,
        "  recipient given, where the gold has one: {}",
        f.recipient_present
    );
}

fn side(w: &mut String, name: &str, s: &SideAccuracy) {
    let _ = writeln!(
        w,
        "  {name:<9} of matched: country {}  sector {}  both {}",
        s.country, s.sector, s.both
    );
}

fn dates(w: &mut String, d: &super::DateAgreement) {
    let total = d.total().max(1) as f64;
    let _ = writeln!(
        w,
        "date phrase of matched (strict): agree {}/{} ({:.3}): both none {}, same {}; \
         gold none, predicted one {}; gold one, predicted none {}; different {} \
         (one holds the other {})",
        d.agreeing(),
        d.total(),
        d.agreeing() as f64 / total,
        d.both_none,
        d.same,
        d.spurious,
        d.missed,
        d.different,
        d.different_nested
    );
}

fn table(w: &mut String, report: &EventsReport) {
    let _ = writeln!(
        w,
        "\n{:<10} {:>5} {:>9} {:>8}",
        "category", "gold", "predicted", "matched"
    );
    for row in &report.per_category {
        let _ = writeln!(
            w,
            "{:<10} {:>5} {:>9} {:>8}",
            row.category, row.gold, row.predicted, row.matched
        );
    }
}

fn reasons(w: &mut String, title: &str, counts: &[super::ReasonCount]) {
    let _ = writeln!(w, "\n{title}:");
    for c in counts {
        let _ = writeln!(w, "  {:>4}  {}", c.count, c.reason);
    }
}

fn list_misses(w: &mut String, report: &EventsReport) {
    let _ = writeln!(w, "\nmissed gold events:");
    for m in &report.misses {
        let _ = writeln!(
            w,
            "  {} line {}: {} {} -> {}  \"{}\"\n      {}{}{}",
            m.doc,
            m.line,
            m.category,
            m.actor,
            m.recipient,
            m.quote,
            m.reason,
            if m.detail.is_empty() { "" } else { ": " },
            m.detail
        );
        for p in &m.predicted_here {
            let _ = writeln!(w, "      here: {p}");
        }
    }
    for (title, country_right) in [
        ("matched, recipient country differs", false),
        ("matched, recipient sector differs (country right)", true),
    ] {
        let _ = writeln!(w, "\n{title}:");
        for m in report
            .recipient_mismatches
            .iter()
            .filter(|m| m.country_right == country_right)
        {
            let _ = writeln!(
                w,
                "  {} line {}: {} gold -> {}, predicted -> {}  \"{}\"\n      | {}",
                m.doc,
                m.line,
                m.category,
                m.gold,
                m.predicted,
                m.quote,
                m.sentence.trim()
            );
        }
    }
    let _ = writeln!(w, "\nmatched, date phrase disagrees (gold / predicted):");
    for m in &report.date_mismatches {
        let _ = writeln!(
            w,
            "  {} line {}: {} [{}] {:?} / {:?}  \"{}\"\n      | {}",
            m.doc,
            m.line,
            m.category,
            m.verdict.as_str(),
            m.gold,
            m.predicted,
            m.quote,
            m.sentence.trim()
        );
    }
    let _ = writeln!(w, "\nunmatched predictions:");
    for f in &report.false_positives {
        let _ = writeln!(
            w,
            "  {}: {} {} -> {}  trigger \"{}\"\n      {}\n      | {}",
            f.doc,
            f.category,
            f.actor,
            f.recipient,
            f.trigger,
            f.reason,
            f.sentence.trim()
        );
    }
}
