//! Who acted, beyond the country code: each actor's sector as one report gives it, and whether
//! the coder implied it. Codes alone join one country's government with its opposition, and a
//! doer the coder implied for every custody act of a report with a stated one.

use super::{MergedEvent, Report};
use attache_event::{Actor, Event};
use attache_merge::content::speaker_word;
use serde::{Deserialize, Serialize};

/// One actor of one report: its country, its sector, and how the text names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// No word names the actor: the implicit doer of a state act ("All were arrested": the
    /// police of the report's country), whose text and span are the trigger's (docs/coder.md).
    /// Every custody act of one report gets the same one, so it tells no two acts apart and
    /// proves no two the same: an unknown actor.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub implied: bool,
    /// A name speaks for it ("Labour", "Mr Howard"; [`speaker_word`]), not a pronoun or a
    /// common noun, whose sector the coder reads less surely.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub named: bool,
    pub document: String,
}

/// Whether `actor` is the implicit doer the coder gave `event`: its words are the trigger's.
pub fn implied_doer(event: &Event, actor: &Actor) -> bool {
    actor.span == event.trigger.span && actor.text == event.trigger.text
}

/// The sides of an event's actors that name a country.
pub(super) fn sides_of(event: &Event) -> Vec<Side> {
    event
        .actors
        .iter()
        .filter_map(|a| {
            Some(Side {
                country: a.country.clone()?,
                sector: a.sector.clone(),
                implied: implied_doer(event, a),
                named: speaker_word(&a.text).is_some(),
                document: event.doc_id.clone(),
            })
        })
        .collect()
}

/// The actor codes that only implied doers give: unknown to the merge rule.
pub(super) fn implied_codes(sides: &[Side]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for s in sides.iter().filter(|s| s.implied) {
        let stated = sides.iter().any(|x| !x.implied && x.country == s.country);
        if !stated && !out.contains(&s.country.as_str()) {
            out.push(&s.country);
        }
    }
    out
}

/// The actor codes the merge rule compares: those some report states, not those only an
/// implied doer gives ([`Side::implied`]), which are unknown.
pub(super) fn stated_actors<'a>(actors: &'a [String], sides: &[Side]) -> Vec<&'a str> {
    let implied = implied_codes(sides);
    actors
        .iter()
        .map(String::as_str)
        .filter(|a| !implied.contains(a))
        .collect()
}

/// Whether an implied doer stands on either side within `document`: the event's reports of
/// that document or the new report. The coder read both in one text, but its implied doer is
/// no reading of it, so the report must bring the evidence a report of another text brings.
pub(super) fn implied_in(event: &MergedEvent, report: &Report) -> bool {
    let here = |s: &&Side| s.document == report.document;
    report.sides.iter().any(|s| s.implied) || event.sides.iter().filter(here).any(|s| s.implied)
}

/// The sorted sectors that stated actors of `country` have among `sides`.
fn sectors<'a>(sides: impl Iterator<Item = &'a Side>, country: &str) -> Vec<&'a str> {
    let mut out: Vec<&str> = sides
        .filter(|s| !s.implied && s.country == country)
        .filter_map(|s| s.sector.as_deref())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// What keeps a report apart from an event that holds reports of its document, as the coder
/// keeps two mentions apart: the stated actors of one country have other sectors ("the
/// Conservatives are telephoning" and "the party avoided those lists when telephoning": an
/// opposition and a government). A country one side gives no sector for leaves it open.
pub(super) fn sectors_apart_in_document(event: &MergedEvent, report: &Report) -> Option<String> {
    let ours = || event.sides.iter().filter(|s| s.document == report.document);
    report.sides.iter().find_map(|s| {
        let (a, b) = (
            sectors(report.sides.iter(), &s.country),
            sectors(ours(), &s.country),
        );
        (!a.is_empty() && !b.is_empty() && a != b).then(|| {
            format!(
                "the coder kept them apart within one document: {} sectors {{{}}} vs {{{}}}",
                s.country,
                a.join(","),
                b.join(",")
            )
        })
    })
}

/// What keeps reports of two documents apart: a government and its opposition, each named
/// ("Labour is telephoning people" and "the Conservatives are still telephoning"), are two
/// actors of one country. Other sectors are compared only within a document: across outlets
/// one body is read as a ministry in one and a company in another.
pub(super) fn government_and_opposition(event: &MergedEvent, report: &Report) -> Option<String> {
    let named = |sides: &[Side], country: &str| -> Vec<String> {
        let mut out: Vec<String> = sides
            .iter()
            .filter(|s| s.named && !s.implied && s.country == country)
            .filter_map(|s| s.sector.clone())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    report.sides.iter().find_map(|s| {
        let (a, b) = (
            named(&report.sides, &s.country),
            named(&event.sides, &s.country),
        );
        let has = |v: &[String], x: &str| v.iter().any(|y| y == x);
        let opposed = (has(&a, "GOV") && has(&b, "OPP")) || (has(&a, "OPP") && has(&b, "GOV"));
        (opposed && !a.iter().any(|x| b.contains(x))).then(|| {
            format!(
                "{} government and opposition: named sectors {{{}}} vs {{{}}}",
                s.country,
                a.join(","),
                b.join(",")
            )
        })
    })
}
