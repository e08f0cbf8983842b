//! The modality pass of a frame and the recodings it implies: a promise, threat, ultimatum or
//! refusal is itself the event ("threatened to expel" is THREATEN, "will provide aid" AGREE,
//! "refused to meet" REJECT), read off the clause that governs the trigger.

use crate::modality::{aux_words, conditional, has_negation, modality_of};
use crate::tree::lemma;
use crate::triggers::TriggerRule;
use crate::words::{WordClass, is};
use attache_event::{EventCategory, Modality};
use attache_nlp::{Deprel, Token, Upos};

/// A frame's category and modality after its governing verb has had its say.
pub(crate) struct Reading<'d> {
    pub(crate) category: EventCategory,
    pub(crate) modality: Modality,
    pub(crate) recoded: bool,
    /// The verb whose word recoded the frame ("threatened" in "threatened to expel").
    pub(crate) governor: Option<Token<'d>>,
}

/// Modality pass of a frame: negation, plans and hypotheses read off its clause, and the
/// category its governing verb or modality gives it ("threatened to expel" is THREATEN, "will
/// provide aid" AGREE, "refused to meet" REJECT).
pub(crate) fn read_modality<'d>(
    rule: &TriggerRule,
    anchor: Token<'d>,
    trigger: Token<'d>,
) -> Reading<'d> {
    let category = rule.category;
    let (modality, gov) = modality_of(anchor, trigger);
    let mut reading = Reading {
        category,
        modality,
        recoded: false,
        governor: None,
    };
    let gov = gov.filter(|_| !third_party_clause(anchor));
    if threatened_cooperation(reading.category, gov) {
        reading.modality = Modality::Hypothetical;
        return reading;
    }
    if let Some(c) = recode_by_governor(reading.category, gov) {
        reading.category = c;
        reading.recoded = true;
        reading.governor = gov;
    }
    if let Some(c) = recode_announced(rule, reading.category, modality, anchor) {
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
    // A denied one is negated: "did not threaten to expel" is no threat.
    if reading.recoded {
        let denied = gov.is_some_and(has_negation);
        reading.modality = if denied {
            Modality::Negated
        } else {
            Modality::Asserted
        };
    } else if modality == Modality::Planned && conditional(anchor) {
        reading.modality = Modality::Hypothetical;
    }
    reading
}

/// "threatened to resign", "threatened to pull out of the talks": the resignation or the
/// withdrawal is what the actor says may happen, neither done nor promised. The threat is the
/// event (the governing verb's own trigger row codes it); the act it names stays possible,
/// never an announced concession (AGREE).
fn threatened_cooperation(category: EventCategory, gov: Option<Token<'_>>) -> bool {
    is_cooperative(category) && gov.is_some_and(|g| is(WordClass::Threatening, &lemma(g)))
}

/// "threatened/warned to X" is THREATEN unless X is cooperative; "agreed/promised to X" is AGREE
/// when it is, a promise of force is a threat ("vowed to fight on", "pledged to crush the
/// revolt"), and a promise to reject is the rejection, announced ("vowed to block the bill";
/// the vow's own row in triggers.tsv is REJECT too, so the two are one event). An attack one
/// is ready for is a show of force, not yet an attack ("the army prepared to attack", "is
/// poised to invade": MOBILIZE, CAMEO 15).
fn recode_by_governor(category: EventCategory, gov: Option<Token<'_>>) -> Option<EventCategory> {
    // (A verb of phase is looked through by `modality_of`: "prepared to resume shelling".)
    let gl = lemma(gov?);
    if is(WordClass::Threatening, &gl) && !is_cooperative(category) {
        Some(EventCategory::Threaten)
    } else if is(WordClass::Promising, &gl) && is_cooperative(category) {
        Some(EventCategory::Agree)
    } else if is(WordClass::Promising, &gl) && is_force(category) {
        Some(EventCategory::Threaten)
    } else if is(WordClass::Promising, &gl) && category == EventCategory::Reject {
        Some(EventCategory::Reject)
    } else if is(WordClass::Preparing, &gl) && category == EventCategory::Assault {
        Some(EventCategory::Mobilize)
    } else {
        None
    }
}

/// PLOVER codes an announced intention to cooperate ("will provide aid", "would meet") as
/// AGREE; announced sanctions, arrests and force reported of others keep their category with
/// modality "planned". An announced act with a condition attached is an ultimatum ("will
/// withdraw its force unless ..."), an announced protest is a threat of one ("said they would
/// boycott"), and so is armed force the actor says it will use ("said it would attack"):
/// PLOVER's THREATEN (CAMEO 13).
fn recode_announced(
    rule: &TriggerRule,
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
    if ultimatum
        || category == EventCategory::Protest
        || (armed(rule, category) && self_announced(anchor))
    {
        out = Some(EventCategory::Threaten);
    }
    if is_cooperative(out.unwrap_or(category)) {
        out = Some(EventCategory::Agree);
    }
    out
}

/// An act the actor itself says it will do: the clause of a verb of announcing whose subject is
/// a pronoun or a noun with a possessive pronoun that refers back to the speaker ("said they
/// would blockade Paris", "announced that its forces will attack"). An announced act of armed
/// force is a threat (CAMEO 138, 1381); a plan reported of a third party ("said Russia would
/// attack") is not.
fn self_announced(anchor: Token<'_>) -> bool {
    let mut v = anchor;
    while v.rel() == Deprel::Conj {
        match v.head() {
            Some(h) => v = h,
            None => return false,
        }
    }
    let announced = v.rel() == Deprel::Ccomp
        && v.head()
            .is_some_and(|h| is(WordClass::Announcing, &lemma(h)));
    announced && v.children().any(|c| c.rel().is_nsubj() && refers_back(c))
}

/// A complement clause about someone other than the speaker: "warned that militias could
/// attack" foretells, it does not threaten; "warned that it would retaliate" does.
fn third_party_clause(anchor: Token<'_>) -> bool {
    let mut v = anchor;
    while v.rel() == Deprel::Conj {
        match v.head() {
            Some(h) => v = h,
            None => return false,
        }
    }
    v.rel() == Deprel::Ccomp && has_other_subject(v)
}

/// Whether a clause's subject is someone other than who speaks: a noun that does not refer
/// back, or "there".
pub(crate) fn has_other_subject(clause: Token<'_>) -> bool {
    clause
        .children()
        .any(|c| (c.rel().is_nsubj() || c.rel() == Deprel::Expl) && !refers_back(c))
}

/// Whether a clause's subject refers back to the speaker: "(warned that) it would act".
pub(crate) fn has_own_subject(clause: Token<'_>) -> bool {
    clause
        .children()
        .any(|c| c.rel().is_nsubj() && refers_back(c))
}

/// A subject that stands for someone named before: "it", "they", "its forces".
pub(crate) fn refers_back(subject: Token<'_>) -> bool {
    let pronoun = subject.upos() == Upos::Pron
        && is(
            WordClass::ActorPronoun,
            &subject.text().to_ascii_lowercase(),
        );
    pronoun
        || subject.children().any(|d| {
            d.rel().base() == Deprel::Nmod
                && is(WordClass::Possessive, &d.text().to_ascii_lowercase())
        })
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

/// Force and coercion, which a promise or an announcement turns into a threat.
fn is_force(c: EventCategory) -> bool {
    matches!(c, EventCategory::Assault | EventCategory::Coerce)
}

/// Armed force: an attack, or coercion by arms (a blockade). An announced arrest or deportation
/// ("said it would expel two journalists") is a decision, not a threat.
fn armed(rule: &TriggerRule, category: EventCategory) -> bool {
    category == EventCategory::Assault
        || (category == EventCategory::Coerce && rule.context.iter().any(|c| c == "military"))
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
