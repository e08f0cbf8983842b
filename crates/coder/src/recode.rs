//! The modality pass of a frame and the recodings it implies: a promise, threat, ultimatum or
//! refusal is itself the event ("threatened to expel" is THREATEN, "will provide aid" AGREE,
//! "refused to meet" REJECT), read off the clause that governs the trigger.

use crate::modality::{aux_words, conditional, modality_of};
use crate::tree::lemma;
use crate::words::{WordClass, is};
use attache_event::{EventCategory, Modality};
use attache_nlp::{Deprel, Token};

/// A frame's category and modality after its governing verb has had its say.
pub(crate) struct Reading {
    pub(crate) category: EventCategory,
    pub(crate) modality: Modality,
    pub(crate) recoded: bool,
}

/// Modality pass of a frame: negation, plans and hypotheses read off its clause, and the
/// category its governing verb or modality gives it ("threatened to expel" is THREATEN, "will
/// provide aid" AGREE, "refused to meet" REJECT).
pub(crate) fn read_modality(
    category: EventCategory,
    anchor: Token<'_>,
    trigger: Token<'_>,
) -> Reading {
    let (modality, gov) = modality_of(anchor, trigger);
    let mut reading = Reading {
        category,
        modality,
        recoded: false,
    };
    if let Some(c) = recode_by_governor(reading.category, gov) {
        reading.category = c;
        reading.recoded = true;
    }
    if let Some(c) = recode_announced(reading.category, modality, anchor) {
        reading.category = c;
        reading.recoded = true;
    }
    if let Some(c) = recode_refusal(reading.category, modality, gov, anchor) {
        reading.category = c;
        reading.recoded = true;
    }
    // The promise, the threat, the refusal is itself what happened: "threatened to attack" is
    // an asserted THREATEN, not a planned attack. A conditional offer is a promise too ("would
    // meet the mediator if ...": AGREE); any other conditional act is only possible ("would
    // expel diplomats if Moscow used chemical weapons").
    if reading.recoded {
        reading.modality = Modality::Asserted;
    } else if modality == Modality::Planned && conditional(anchor) {
        reading.modality = Modality::Hypothetical;
    }
    reading
}

/// "threatened/warned to X" is THREATEN unless X is cooperative; "agreed/promised to X" is AGREE
/// when it is.
fn recode_by_governor(category: EventCategory, gov: Option<Token<'_>>) -> Option<EventCategory> {
    let gl = lemma(gov?);
    if is(WordClass::Threatening, &gl) && !is_cooperative(category) {
        Some(EventCategory::Threaten)
    } else if is(WordClass::Promising, &gl) && is_cooperative(category) {
        Some(EventCategory::Agree)
    } else {
        None
    }
}

/// PLOVER codes an announced intention to cooperate ("will provide aid", "would meet") as
/// AGREE; announced sanctions and force keep their category with modality "planned". An
/// announced act with a condition attached is an ultimatum ("will withdraw its force unless
/// ..."), and an announced protest is a threat of one ("said they would boycott"): PLOVER's
/// THREATEN (CAMEO 13).
fn recode_announced(
    category: EventCategory,
    modality: Modality,
    anchor: Token<'_>,
) -> Option<EventCategory> {
    if modality != Modality::Planned {
        return None;
    }
    let ultimatum = anchor.children().any(|c| {
        c.rel() == Deprel::Advcl
            && c.children().any(|m| {
                m.rel() == Deprel::Mark
                    && is(WordClass::UltimatumMark, &m.text().to_ascii_lowercase())
            })
    });
    let mut out = None;
    if ultimatum || category == EventCategory::Protest {
        out = Some(EventCategory::Threaten);
    }
    if is_cooperative(out.unwrap_or(category)) {
        out = Some(EventCategory::Agree);
    }
    out
}

/// Refusing to cooperate is REJECT: "refused to deploy peacekeepers", "will not accept
/// refugees". A plain past negation ("did not meet") only denies the event.
fn recode_refusal(
    category: EventCategory,
    modality: Modality,
    gov: Option<Token<'_>>,
    anchor: Token<'_>,
) -> Option<EventCategory> {
    let refusal = gov.is_some_and(|g| is(WordClass::Negating, &lemma(g)))
        || aux_words(anchor)
            .iter()
            .any(|a| is(WordClass::RefusalAux, a));
    let cooperation = is_cooperative(category) || category == EventCategory::Agree;
    (modality == Modality::Negated && refusal && cooperation).then_some(EventCategory::Reject)
}

/// Categories of cooperation, which an announcement or promise turns into AGREE.
fn is_cooperative(c: EventCategory) -> bool {
    matches!(
        c,
        EventCategory::Aid
            | EventCategory::Cooperate
            | EventCategory::Consult
            | EventCategory::Concede
            | EventCategory::Retreat
            | EventCategory::Support
    )
}
