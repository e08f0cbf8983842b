//! [`decide`]: the evidence of two mentions in, a decision with its reason out.

use crate::content::{Overlap, overlap};
use crate::dates::{DateSpan, announcement_fits};
use crate::figures::{Count, figures_verdict, same_telling_count};
use crate::policy::{ClaimRule, ContentRule, Policy, SetRule};
use attache_event::{EventCategory, Modality};
use chrono::NaiveDate;

/// Whether a mention is a statement: criticism, a demand, a refusal or praise is an act of
/// saying, and a text that tells two of them in two sentences tells two statements, even by
/// one side against the same one ("Tory chairman Liam Fox accused Labour of ..." then "The Lib
/// Dems accused Mr Brown of ..."). An investigation (ACCUSE/investigate) is no statement;
/// material events (an expulsion told in the lead and again in the body) are none either.
pub fn is_statement(category: EventCategory, mode: Option<&str>) -> bool {
    use EventCategory as C;
    matches!(category, C::Accuse | C::Request | C::Reject | C::Support)
        && mode != Some("investigate")
}

/// Whether two mentions of one document that the coder kept apart stay apart in the store: a
/// statement ([`is_statement`]), and a commitment or agreement (AGREE: "Dr Fox underlined Tory
/// promises" and, five sentences on, "Mr Blair's promise"; "Gerrard has promised him" and
/// "Morientes has expressed a willingness"). The coder joins the repeats of one promise it can
/// see; what it leaves as two, two sides promised. Material events are not kept apart this way:
/// a country named in a list and detailed later is one expulsion.
pub fn kept_apart_in_document(category: EventCategory, mode: Option<&str>) -> bool {
    is_statement(category, mode) || category == EventCategory::Agree
}

/// What one side tells about its event: a single mention, or an event already merged.
#[derive(Debug, Clone)]
pub struct Evidence<'a> {
    pub category: EventCategory,
    pub mode: Option<&'a str>,
    pub modality: Modality,
    /// An aggregate claim ("a total of 80", "at least 300 since the invasion").
    pub claim: bool,
    /// Actor codes, without repeats.
    pub actors: Vec<&'a str>,
    pub recipients: Vec<&'a str>,
    /// When it happened, as far as the mention lets us say; `None` when undated.
    pub date: Option<DateSpan>,
    /// For a planned action, the day it was announced.
    pub announced: Option<NaiveDate>,
    pub counts: Vec<Count<'a>>,
    /// The content words of the mention's clause ([`crate::content::content_words`]); for a
    /// merged event, those of its reports.
    pub content: Vec<&'a str>,
    /// The names its document repeats most ([`crate::content::story_names`]); for a merged
    /// event, those of its first report's document. Empty when unknown.
    pub story: Vec<&'a str>,
    /// The country the report's document stands in; `None` when unknown.
    pub home: Option<&'a str>,
    /// Who speaks: the last content word of each actor's own words when it is a name ("beith"
    /// for "Mr Beith", "tory" for "the Tories"; [`crate::content::speaker_word`]). Empty when
    /// unknown.
    pub speakers: Vec<&'a str>,
    /// The cluster of documents its document is in ([`crate::cluster`]); for a merged event,
    /// that of its documents. `None` when unknown (a document too short to have a vector).
    pub cluster: Option<i64>,
    /// The countries its reports place the event in; empty when unknown.
    pub places: Vec<&'a str>,
    /// The trigger's own words, lowercased, one per report ("shooting" of a shooting the
    /// dictionary coded ASSAULT, mode firearms); empty when unknown.
    pub words: Vec<&'a str>,
}

/// Whether two mentions are one event, why (or why not), and how well they fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub merge: bool,
    /// "same SANCTION/expel, asserted event; actors {ITA}, ...", or what keeps them apart.
    pub reason: String,
    /// How well the mentions fit, to choose among candidates that merge: higher is better.
    pub score: u32,
}

impl Decision {
    fn keep_apart(reason: String) -> Decision {
        Decision {
            merge: false,
            reason,
            score: 0,
        }
    }
}

/// Decides whether `theirs` (a new mention) is the event `ours` describes.
pub fn decide(ours: &Evidence, theirs: &Evidence, policy: &Policy) -> Decision {
    match reason_to_merge(ours, theirs, policy) {
        Ok(reason) => Decision {
            merge: true,
            reason,
            score: affinity(ours, theirs),
        },
        Err(Apart(why_not)) => Decision::keep_apart(why_not),
    }
}

/// What keeps two mentions apart, as recorded in [`Decision::reason`]: a verdict, not a
/// failure.
#[derive(Debug)]
pub(crate) struct Apart(pub(crate) String);

/// `Ok` with why they may merge, `Err` with what keeps them apart.
fn reason_to_merge(ours: &Evidence, theirs: &Evidence, policy: &Policy) -> Result<String, Apart> {
    let unknown_fits = match (ours.mode, theirs.mode) {
        (Some(a), Some(b)) => crate::words::unknown_kind_fits(a, b),
        _ => false,
    } || word_told(ours, theirs);
    if theirs.category != ours.category && !unknown_fits {
        return Err(Apart(format!(
            "category {} vs {}",
            theirs.category, ours.category
        )));
    }
    let mode = match (ours.mode, theirs.mode) {
        (Some(a), Some(b)) if !crate::words::same_mode(a, b) && !unknown_fits => {
            return Err(Apart(format!("mode {b} vs {a}")));
        }
        (a, b) if !policy.open_mode && a != b => {
            return Err(Apart(format!(
                "mode {} vs {}",
                b.unwrap_or("none"),
                a.unwrap_or("none")
            )));
        }
        (Some(m), _) | (None, Some(m)) => format!("{}/{m}", ours.category),
        (None, None) => ours.category.to_string(),
    };
    if theirs.modality.merge_class() != ours.modality.merge_class() {
        return Err(Apart(format!(
            "modality {} vs {}",
            theirs.modality.as_str(),
            ours.modality.as_str()
        )));
    }
    let claims_apart = match policy.claims {
        ClaimRule::Never => ours.claim || theirs.claim,
        ClaimRule::SameKind => ours.claim != theirs.claim,
    };
    if claims_apart {
        return Err(Apart("an aggregate claim and a single event".to_string()));
    }
    for (what, rule, ours, theirs) in [
        ("actors", policy.actors, &ours.actors, &theirs.actors),
        (
            "recipients",
            policy.recipients,
            &ours.recipients,
            &theirs.recipients,
        ),
    ] {
        let unknown = policy.content.is_some() && (ours.is_empty() || theirs.is_empty());
        if !unknown && !sets_fit(rule, ours, theirs) {
            return Err(Apart(format!(
                "{what} {} vs {}",
                show_set(theirs),
                show_set(ours)
            )));
        }
    }
    if policy.content.is_some() && is_statement(ours.category, ours.mode) {
        speakers_verdict(ours, theirs)?;
    }
    let same_cluster = match (ours.cluster, theirs.cluster) {
        (Some(a), Some(b)) => Some(a == b),
        _ => None,
    };
    if policy.content.is_some() && same_cluster == Some(false) {
        return Err(Apart(
            "documents of different clusters (different stories)".to_string(),
        ));
    }
    let one_cluster = policy.content.is_some() && same_cluster == Some(true);
    if policy.content.is_some() {
        places_verdict(ours, theirs)?;
    }
    let one_story = one_cluster
        || policy
            .content
            .is_some_and(|r| overlap(&ours.story, &theirs.story).score >= r.story);
    let date = dates_verdict(ours, theirs, policy, one_story, one_cluster)?;
    let (counts, counts_agree) = figures_verdict(ours, theirs, policy.figures)?;
    let content = match policy.content {
        Some(rule) => {
            let verdict = content_verdict(
                ours,
                theirs,
                rule,
                counts_agree,
                one_cluster,
                policy.implied_doer,
            )?;
            format!("; {verdict}")
        }
        None => String::new(),
    };
    Ok(format!(
        "same {mode}, {} {}; actors {}, recipients {}; {date}; {counts}{content}",
        theirs.modality.as_str(),
        if ours.claim { "claim" } else { "event" },
        show_set(&theirs.actors),
        show_set(&theirs.recipients),
    ))
}

/// Two statements by different speakers are two events, whatever they say alike ("Mr Beith
/// urged the information commissioner" and "the Tories want the information commissioner to
/// investigate"): speakers differ when both are known and none of one side's is the other's.
fn speakers_verdict(ours: &Evidence, theirs: &Evidence) -> Result<(), Apart> {
    let differ = !ours.speakers.is_empty()
        && !theirs.speakers.is_empty()
        && !ours.speakers.iter().any(|s| theirs.speakers.contains(s));
    if differ {
        return Err(Apart(format!(
            "statements by different speakers {{{}}} vs {{{}}}",
            theirs.speakers.join(", "),
            ours.speakers.join(", ")
        )));
    }
    Ok(())
}

/// Where the event happened: two reports that place it in different countries, and in no
/// country in common, tell two events (a quake in Indonesia and one in California). A report
/// that names no place is unknown and blocks nothing.
fn places_verdict(ours: &Evidence, theirs: &Evidence) -> Result<(), Apart> {
    let differ = !ours.places.is_empty()
        && !theirs.places.is_empty()
        && !ours.places.iter().any(|p| theirs.places.contains(p));
    if differ {
        return Err(Apart(format!(
            "places in {} vs {}",
            show_set(&theirs.places),
            show_set(&ours.places)
        )));
    }
    Ok(())
}

/// The least weight of clause words shared by two reports of one story: more than the
/// trigger alone ("pledged", "accused" recur in every political story).
const STORY_MIN_SHARED: f64 = 2.0;

/// The least number of names or numbers that two reports of one country's politics (an actor
/// code among the recipients), not both dated to one day, or two undated reports, must share:
/// one is most often a participant's own name ("Labour", "Blair"), which every statement of one
/// party about another repeats. It holds for two reports of one story too: one week's British
/// politics repeats the same names in every article.
const DOMESTIC_MIN_NAMES: usize = 2;

/// Whether named participants with a name in common tell one event: between countries (Spain
/// expelling Russian diplomats) they do; within one country, where its politicians accuse and
/// praise each other daily, the clauses must also share two names and `participants_clause` of
/// their words.
fn participants_tell(ours: &Evidence, theirs: &Evidence, o: &Overlap, rule: ContentRule) -> bool {
    if domestic(ours) || domestic(theirs) {
        o.shared_names >= least_names(ours, theirs, rule) && o.score >= rule.participants_clause
    } else {
        o.shared_names >= least_names(ours, theirs, rule).max(1)
    }
}

/// Whether the clauses of two reports of one country's politics share enough for one story
/// or agreeing figures to join them: two names or numbers, or two other words ("hosted a
/// dinner"). The trigger and one participant's name ("accused Mr Blair") are what every
/// statement of one politician about another says; "two men" and "three men" agree on little.
fn tells_at_home(o: &Overlap) -> bool {
    o.shared_names >= DOMESTIC_MIN_NAMES || o.shared_plain >= 2
}

/// The least story overlap and clause overlap of two reports that repeat one another: a
/// duplicated or lightly edited article ("I will be asking Parliament" in both). At home such a
/// repeat joins without two shared names.
const VERBATIM_STORY: f64 = 0.8;
const VERBATIM_CLAUSE: f64 = 0.95;

/// Whether neither mention is dated: two fires at one church years apart share its name and
/// the trigger, and only the text can tell them apart, so it must share more than one name.
fn neither_dated(ours: &Evidence, theirs: &Evidence) -> bool {
    ours.date.is_none() && theirs.date.is_none()
}

/// Whether an event is one country's politics: an actor code among its recipients, or an
/// actor of the document's home country with no recipient of another ("He accused Mr Blair's
/// government" in a British report). An empty recipient is unknown, never a match.
fn domestic(e: &Evidence) -> bool {
    let home_actor = e.home.is_some_and(|h| e.actors.contains(&h));
    e.actors.iter().any(|a| e.recipients.contains(a))
        || (home_actor && e.recipients.iter().all(|r| Some(*r) == e.home))
}

/// The least number of names or numbers two mentions must share for their words to say the
/// same: [`DOMESTIC_MIN_NAMES`] within one country ("Letwin accused Mr Blair" and "Howard has
/// accused Mr Blair" share the trigger and the rival's name, and are two accusations).
fn least_names(ours: &Evidence, theirs: &Evidence, rule: ContentRule) -> usize {
    if domestic(ours) || domestic(theirs) || neither_dated(ours, theirs) {
        DOMESTIC_MIN_NAMES.max(rule.min_names)
    } else {
        rule.min_names
    }
}

/// Whether the mentions share enough to be one event, beyond fields that merely do not clash.
fn content_verdict(
    ours: &Evidence,
    theirs: &Evidence,
    rule: ContentRule,
    counts_agree: bool,
    one_cluster: bool,
    implied_doer: bool,
) -> Result<String, Apart> {
    let o = overlap(&ours.content, &theirs.content);
    let words = format!("content {:.2} {{{}}}", o.score, o.shared.join(", "));
    if o.score >= rule.threshold
        && o.shared_weight >= rule.min_shared
        && o.shared_names >= least_names(ours, theirs, rule)
    {
        return Ok(format!("{words}: says the same"));
    }
    let story = overlap(&ours.story, &theirs.story);
    let at_home = domestic(ours) || domestic(theirs);
    let verbatim = story.score >= VERBATIM_STORY && o.score >= VERBATIM_CLAUSE;
    let home_told = !at_home || tells_at_home(&o) || verbatim;
    // Agreeing figures tell one event only with something else in common: the very same
    // count ("23 pirates" and "23"), or one story, a name or two other words ("26 pirates"
    // and "23" captured by one navy in two operations agree within the tolerance and share
    // nothing else); at home, "two men" and "three men" need what any report there needs.
    let counts_told = same_telling_count(ours, theirs)
        || (home_told && (story.score >= rule.story || o.shared_names >= 1 || o.shared_plain >= 2));
    if counts_agree && counts_told {
        return Ok(format!("{words}; the counts agree"));
    }
    if story.score >= rule.story
        && o.score >= rule.story_clause
        && o.shared_weight >= STORY_MIN_SHARED
        && home_told
    {
        return Ok(format!(
            "{words}; one story {:.2} {{{}}}",
            story.score,
            story.shared.join(", ")
        ));
    }
    if !at_home
        && story.score >= rule.story_word
        && one_word_tells(ours, theirs, &o, verbatim, implied_doer)
    {
        return Ok(format!(
            "{words}; one story {:.2} {{{}}} and one word for the event",
            story.score,
            story.shared.join(", ")
        ));
    }
    if one_cluster && !at_home && one_word_tells(ours, theirs, &o, verbatim, implied_doer) {
        return Ok(format!(
            "{words}; one cluster of documents and one word for the event"
        ));
    }
    let exact = matches!((ours.date, theirs.date), (Some(a), Some(b)) if a.exact && b.exact);
    let named = |e: &Evidence| !e.actors.is_empty() && !e.recipients.is_empty();
    let both_named = named(ours) && named(theirs);
    if exact && both_named {
        return Ok(format!("{words}; same participants on the same day"));
    }
    if both_named && participants_tell(ours, theirs, &o, rule) {
        return Ok(format!("{words}; same participants, a name in common"));
    }
    let why = if !exact {
        "undated or vaguely dated"
    } else {
        "a participant unnamed"
    };
    Err(Apart(format!(
        "{words}: too little shared ({why}; story {:.2})",
        story.score
    )))
}

/// Whether, within one story, the clauses' words for the event tell one event: a shared word,
/// or both modes the same word for the event ([`word_mode`]). A statement ([`is_statement`]:
/// two accusations by one party in one story are two unless they say the same) or a word for
/// saying (`data/merge/general-words.txt`: one story quotes many statements) needs more than
/// itself shared, unless one document repeats the other ([`VERBATIM_STORY`]); so does a kind
/// of event the coder named ("detained") when neither report names who acted, unless the
/// triggers read one word for the event ([`crate::words::read_words_meet`]: "murdered" and "the
/// killing", "negotiations" twice), and, where a doer is only implied
/// ([`Policy::implied_doer`]), the clauses share more than that word
/// ([`says_more_than_its_word`]): "men detained in the UK" and "the Britons were detained",
/// each with the state's police implied, share a story and a word, not the event.
fn one_word_tells(
    ours: &Evidence,
    theirs: &Evidence,
    o: &Overlap,
    verbatim: bool,
    implied_doer: bool,
) -> bool {
    let said = is_statement(ours.category, ours.mode)
        || [ours.mode, theirs.mode]
            .iter()
            .any(|m| m.is_some_and(crate::words::general));
    let nobody = ours.actors.is_empty() && theirs.actors.is_empty();
    let read = crate::words::read_words_meet(&ours.words, &theirs.words)
        && (!(nobody && implied_doer) || says_more_than_its_word(ours, theirs, o));
    let words = word_mode(ours) && word_mode(theirs) || word_told(ours, theirs) || read;
    if said || (nobody && !words) {
        verbatim || o.shared_weight > STORY_MIN_SHARED
    } else {
        o.shared_weight > 0.0 || words
    }
}

/// Whether the clauses share a word other than their triggers' own. Where neither report names
/// who acted and a doer is implied, the read word is all two custody acts of one story may share ("They were
/// detained" and "The Britons were detained": a detention at home and one abroad), so it tells
/// one event only with something more said alike ("foreign nationals ... detained").
fn says_more_than_its_word(ours: &Evidence, theirs: &Evidence, o: &Overlap) -> bool {
    let trigger_word = |w: &str| {
        crate::words::read_words_meet(&[w], &ours.words)
            || crate::words::read_words_meet(&[w], &theirs.words)
    };
    o.shared.iter().any(|w| !trigger_word(w))
}

/// Whether a mention's mode is the word for its event ("generic:quake": a prefix, a colon and
/// the trigger's lemma): two mentions of one such mode use the same word, or words of one line
/// of `data/merge/event-words.txt`. A coder's mode ("visit", "disapprove") is a kind of event,
/// which a trip to Iraq and hosting a meeting share: there the clauses must share a word.
fn word_mode(e: &Evidence) -> bool {
    e.mode.is_some_and(|m| m.contains(':'))
}

/// Whether a mention of unknown kind meets the word the other's trigger reads
/// ([`crate::words::unknown_word_fits`]): both then name the event by one word, as two word
/// modes do ([`word_mode`]).
fn word_told(ours: &Evidence, theirs: &Evidence) -> bool {
    crate::words::unknown_word_fits(ours.mode, &theirs.words)
        || crate::words::unknown_word_fits(theirs.mode, &ours.words)
}

/// How many days two exact dates of reports of one cluster of documents may lie apart: one
/// story's reports date one event a day apart when it happened late at night, in another time
/// zone, or when one counts "yesterday" from its own day ("Microsoft on Tuesday released" and
/// "Microsoft released on Wednesday" of one patch). Fitted on the ECB+ training topics.
const CLUSTER_DAY_SLACK: i64 = 1;

/// Days between two spans that do not overlap (0 when they do).
fn days_apart(a: &DateSpan, b: &DateSpan) -> i64 {
    (b.start - a.end)
        .num_days()
        .max((a.start - b.end).num_days())
        .max(0)
}

/// Whether the dates of two mentions fit. `one_story`: their documents tell one story (their
/// story names overlap at least [`ContentRule::story`]), so an undated mention may be the dated
/// one's event; the content rule must still find them saying the same.
fn dates_verdict(
    ours: &Evidence,
    theirs: &Evidence,
    policy: &Policy,
    one_story: bool,
    one_cluster: bool,
) -> Result<String, Apart> {
    match (&ours.date, &theirs.date) {
        (None, None) => Ok("neither dated".to_string()),
        (Some(o), Some(t)) if o.compatible(t) => {
            Ok(format!("date {} fits {}", t.describe(), o.describe()))
        }
        (Some(o), Some(t)) if announcement_fits(o, ours.announced, t) => Ok(format!(
            "date {} fits the plan announced for {}",
            t.describe(),
            o.describe()
        )),
        (Some(o), Some(t)) if announcement_fits(t, theirs.announced, o) => Ok(format!(
            "planned for {} and announced within {}",
            t.describe(),
            o.describe()
        )),
        (Some(o), Some(t))
            if one_cluster && o.exact && t.exact && days_apart(o, t) <= CLUSTER_DAY_SLACK =>
        {
            Ok(format!(
                "date {} a day from {} in one cluster of documents",
                t.describe(),
                o.describe()
            ))
        }
        (Some(o), Some(t)) if one_cluster && !(o.exact && t.exact) => Ok(format!(
            "date {} taken as {} in one cluster of documents (a window is no date given)",
            t.describe(),
            o.describe()
        )),
        (Some(_), None) | (None, Some(_)) if policy.undated_matches_any => {
            Ok("one undated, taken as the other's date".to_string())
        }
        (Some(_), None) | (None, Some(_)) if one_story => {
            Ok("one undated, in one story with the other".to_string())
        }
        (o, t) => {
            let show = |d: &Option<DateSpan>| d.map_or("undated".into(), |d| d.describe());
            Err(Apart(format!("date {} vs {}", show(t), show(o))))
        }
    }
}

/// How well two compatible mentions fit, to choose among several candidates.
fn affinity(ours: &Evidence, theirs: &Evidence) -> u32 {
    let mut score = 0;
    score += 4 * u32::from(same_set(&ours.actors, &theirs.actors));
    score += 2 * u32::from(same_set(&ours.recipients, &theirs.recipients));
    score += 2 * u32::from(ours.date.is_some() && ours.date == theirs.date);
    let exact_figure = theirs.counts.iter().any(|t| {
        ours.counts
            .iter()
            .any(|o| t.comparable(o) && t.bounds() == o.bounds())
    });
    let content = (4.0 * overlap(&ours.content, &theirs.content).score).round() as u32;
    score + u32::from(exact_figure) + content
}

fn sets_fit(rule: SetRule, a: &[&str], b: &[&str]) -> bool {
    match rule {
        SetRule::Equal => same_codes(a, b),
        SetRule::EqualOrEitherEmpty => a.is_empty() || b.is_empty() || same_codes(a, b),
        SetRule::Nested => {
            let a_in_b = a.iter().all(|x| b.contains(x));
            let b_in_a = b.iter().all(|x| a.contains(x));
            let shared = a.iter().any(|x| b.contains(x));
            (a_in_b && b_in_a) || (shared && (a_in_b || b_in_a))
        }
    }
}

/// The same codes, counting repeats.
fn same_codes(a: &[&str], b: &[&str]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

fn same_set(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

fn show_set(codes: &[&str]) -> String {
    if codes.is_empty() {
        "{}".to_string()
    } else {
        format!("{{{}}}", codes.join(","))
    }
}
