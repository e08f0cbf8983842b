//! Criticism in a sentence of a quotation that names no verb of saying of its own: the
//! paragraph of a quotation that goes on after its speaker was named ("Alex Salmond said the
//! campaign had been a boost. | \"Labour's arrogance has been their undoing."). The sentence
//! opens with a quotation mark, holds a negative phrase of `data/coder/evaluations.tsv` and
//! names whom it judges; its speaker is the quotation's (the last sentence's speaker, or the
//! one whose quotation is still open: `reference.rs`). It is coded as the trigger table's row
//! `say VERB ... cceval:negative` codes criticism in reported speech (ACCUSE disapprove 111 as
//! shipped; [`crate::triggers::QUOTED_CRITICISM`]), at the people the clause names: a sentence
//! with no speaker, or that names no actor but places, codes nothing.

use crate::discourse::Discourse;
use crate::evaluations::{EvaluationKind, quoted_judgement};
use crate::frames::{Frame, FrameOrigin};
use crate::measure::Coded;
use crate::measure::Measured;
use crate::sentence::SentenceCx;
use crate::tree::lemma;
use crate::words::{WordClass, is};
use attache_event::{Actor, CountryFrom, Modality};
use attache_nlp::{Deprel, Token};

/// Whether a frame is a quoted judgement's.
pub(crate) fn is_quoted(frame: &Frame<'_>) -> bool {
    frame.origin == FrameOrigin::QuotedJudgement
}

/// The frame of a sentence that opens a quotation and judges someone, with no verb of saying
/// in it (a sentence that names its own speaker is read by the `cceval` rows).
pub(crate) fn quoted_frame<'a>(sx: &SentenceCx<'a, '_>) -> Option<Frame<'a>> {
    let opens = sx.s.text().trim_start().starts_with(['"', '“']);
    if !opens
        || sx
            .tokens
            .iter()
            .any(|t| is(WordClass::Reporting, &lemma(*t)))
    {
        return None;
    }
    let rule = sx.cx.triggers.quoted_criticism()?;
    let root = sx.s.root()?;
    let (trigger, targets) = quoted_judgement(root, EvaluationKind::Negative)?;
    Some(Frame {
        rule,
        trigger,
        anchor: root,
        agents: Vec::new(),
        patients: targets,
        owners: Vec::new(),
        collective: None,
        category: rule.category,
        modality: Modality::Asserted,
        recoded: false,
        governor: None,
        origin: FrameOrigin::QuotedJudgement,
    })
}

/// The participants of the quoted judgement `frame` (index `k`): its speaker, and whom it
/// judges, the actors its named words read as, less places. None without a placed speaker or
/// anyone judged.
pub(crate) fn coded(
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
    k: usize,
    discourse: &mut Discourse,
) -> Option<Coded> {
    let (country, sector) = sx.reader.quotation_speaker(frame.trigger, discourse)?;
    let country = country?;
    let span = frame.trigger.span();
    let speaker = Actor {
        text: frame.trigger.text().to_string(),
        country: Some(country),
        sector,
        span: [span.start, span.end],
        country_from: Some(CountryFrom::Implied),
    };
    let mut judged: Vec<Actor> = Vec::new();
    // A name is read from its head: "Brown" reads "Gordon Brown", "Gordon" alone does not.
    let part_of_name = |t: Token<'_>| {
        matches!(t.rel(), Deprel::Flat | Deprel::Compound)
            && t.head()
                .is_some_and(|h| frame.patients.iter().any(|p| p.i() == h.i()))
    };
    let heads = frame.patients.iter().filter(|t| !part_of_name(**t));
    for t in heads.filter(|t| !is_place(sx, **t)) {
        for a in sx.reader.actors(*t, discourse) {
            let seen = judged
                .iter()
                .any(|j| j.country == a.country && j.sector == a.sector);
            if !seen && a.country.is_some() {
                judged.push(a);
            }
        }
    }
    (!judged.is_empty()).then(|| Coded {
        frame: k,
        actors: vec![speaker],
        recipients: judged,
        measured: Measured::default(),
    })
}

/// Whether the dictionaries read a word as a place (a country, a city, a nationality).
fn is_place(sx: &SentenceCx<'_, '_>, t: Token<'_>) -> bool {
    let sp = t.span();
    sx.lex
        .covering(sp.start, sp.end)
        .is_some_and(|m| crate::surnames::is_place_kind(m.entry.kind))
}
