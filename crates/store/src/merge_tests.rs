//! Merging with hand-built events, independent of the coder.

use super::*;
use crate::test_events::*;
use attache_event::{Attribution, Qualifier};

#[test]
fn three_outlets_reporting_one_expulsion_make_one_event_with_all_sources() {
    let reports = [
        report(
            &expulsion("a", &["ITA"], Some(30.0), Some("2022-04-05")),
            "Reuters",
        ),
        report(&expulsion("b", &["ITA"], Some(30.0), None), "AP"),
        report(&expulsion("c", &["ITA"], None, Some("2022-04-05")), "AFP"),
    ];
    let merged = merge_all(&reports);
    assert_eq!(merged.len(), 1, "{merged:#?}");
    assert_eq!(merged[0].sources, ["Reuters", "AP", "AFP"]);
    assert_eq!(merged[0].count_range(), (Some(30), Some(30)));
    assert!(!merged[0].counts_conflict());
    // The undated report's publication window narrows to the dated report's day.
    assert_eq!(merged[0].date.map(|d| d.start), Some(day("2022-04-05")));
}

#[test]
fn conflicting_counts_of_one_expulsion_show_as_a_range() {
    let reports = [
        report(
            &expulsion("a", &["ESP"], Some(25.0), Some("2022-04-05")),
            "El País",
        ),
        report(
            &expulsion("b", &["ESP"], Some(27.0), Some("2022-04-05")),
            "Reuters",
        ),
    ];
    let merged = merge_all(&reports);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].count_range(), (Some(25), Some(27)));
    assert!(merged[0].counts_conflict());
    assert_eq!(
        merged[0].figures.len(),
        2,
        "every figure is kept with its source"
    );
}

#[test]
fn the_same_country_expelling_again_a_month_later_is_a_second_event() {
    let first = expulsion("a", &["DEU"], Some(40.0), Some("2022-04-04"));
    let mut later = expulsion("b", &["DEU"], Some(40.0), None);
    later.published = Some(day("2022-05-10"));
    let merged = merge_all(&[report(&first, "Reuters"), report(&later, "DW")]);
    assert_eq!(merged.len(), 2);
    let decision = merged[0].accepts(&report(&later, "DW"));
    assert!(!decision.merge);
    let why = decision.reason;
    assert!(why.contains("date"), "{why}");
}

#[test]
fn far_apart_counts_on_one_day_are_two_events() {
    let reports = [
        report(
            &expulsion("a", &["POL"], Some(45.0), Some("2022-03-23")),
            "PAP",
        ),
        report(
            &expulsion("b", &["POL"], Some(3.0), Some("2022-03-23")),
            "TVN",
        ),
    ];
    let merged = merge_all(&reports);
    assert_eq!(merged.len(), 2);
    let decision = merged[0].accepts(&reports[1]);
    assert!(!decision.merge);
    let why = decision.reason;
    assert!(why.contains("contradict"), "{why}");
}

#[test]
fn different_actors_or_categories_never_merge() {
    let ita = report(
        &expulsion("a", &["ITA"], Some(30.0), Some("2022-04-05")),
        "X",
    );
    let dnk = report(
        &expulsion("b", &["DNK"], Some(30.0), Some("2022-04-05")),
        "Y",
    );
    assert_eq!(merge_all(&[ita.clone(), dnk]).len(), 2);
    let mut protest = expulsion("c", &["ITA"], Some(30.0), Some("2022-04-05"));
    protest.event = EventCategory::Protest;
    assert_eq!(merge_all(&[ita, report(&protest, "Z")]).len(), 2);
}

#[test]
fn a_range_of_days_contains_a_day_within_it() {
    let mut week = expulsion("a", &["SVK"], Some(35.0), Some("2022-03-28"));
    week.date.as_mut().unwrap().end = Some(day("2022-04-04"));
    let monday = expulsion("b", &["SVK"], Some(35.0), Some("2022-04-04"));
    let merged = merge_all(&[report(&week, "X"), report(&monday, "Y")]);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].date.unwrap().start, day("2022-04-04"));
}

#[test]
fn negated_reports_stay_apart_and_planned_ones_join_what_happened() {
    let happened = report(
        &expulsion("a", &["EST"], Some(14.0), Some("2022-04-30")),
        "ERR",
    );
    let mut denied = expulsion("b", &["EST"], Some(14.0), Some("2022-04-30"));
    denied.modality = Modality::Negated;
    let mut announced = expulsion("c", &["EST"], Some(14.0), Some("2022-04-30"));
    announced.modality = Modality::Planned;
    let merged = merge_all(&[report(&announced, "FT"), happened, report(&denied, "TASS")]);
    assert_eq!(merged.len(), 2);
    assert_eq!(merged[0].modality, Modality::Asserted);
    assert_eq!(merged[1].modality, Modality::Negated);
}

#[test]
fn an_aggregate_claim_stays_a_claim_and_implies_each_actors_event() {
    let mut total = expulsion("a", &["ITA", "ESP", "DNK"], None, Some("2022-04-05"));
    total.aggregate = true;
    let mut q = quantity(80.0, "diplomat", Qualifier::Exact);
    q.text = "a total of 80".to_string();
    total.quantity = Some(q);
    total.attribution = Some(Attribution {
        text: "according to the ministry".to_string(),
        source: None,
    });
    let reports = Report::from_event(&total, "FT", None);
    assert_eq!(reports.len(), 4);
    assert!(reports[0].claim);
    assert!(
        reports[1..]
            .iter()
            .all(|r| !r.claim && r.figures.is_empty())
    );

    let italy = report(
        &expulsion("a", &["ITA"], Some(30.0), Some("2022-04-05")),
        "FT",
    );
    let mut all = vec![italy];
    all.extend(reports);
    let merged = merge_all(&all);
    // ITA's own event absorbs the implied one; ESP and DNK stand without counts; the claim
    // keeps its 80 apart.
    assert_eq!(merged.len(), 4, "{merged:#?}");
    assert_eq!(merged[0].count_range(), (Some(30), Some(30)));
    assert_eq!(merged[0].reports, 2);
    let claim = merged.iter().find(|m| m.claim).unwrap();
    assert_eq!(claim.count_range(), (Some(80), Some(80)));
    let spain = merged.iter().find(|m| m.actors == ["ESP"]).unwrap();
    assert_eq!(spain.count_range(), (None, None));
}

#[test]
fn two_figured_events_of_one_document_are_kept_apart() {
    let a = report(
        &expulsion("same", &["LTU"], Some(1.0), Some("2022-04-04")),
        "X",
    );
    let b = report(
        &expulsion("same", &["LTU"], Some(1.0), Some("2022-04-04")),
        "X",
    );
    assert_eq!(merge_all(&[a, b]).len(), 2);
}

#[test]
fn a_country_listed_without_figure_joins_its_detailed_report_in_the_same_document() {
    let listed = report(&expulsion("same", &["DNK"], None, None), "X");
    let detailed = report(&expulsion("same", &["DNK"], Some(15.0), None), "X");
    let merged = merge_all(&[listed, detailed]);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].count_range(), (Some(15), Some(15)));
}

#[test]
fn a_further_figure_is_shown_beside_the_count_not_in_it() {
    let mut estonia = expulsion("a", &["EST"], None, Some("2022-04-30"));
    estonia.quantity = Some(quantity(14.0, "staff", Qualifier::Exact));
    estonia.other_quantities = vec![quantity(7.0, "diplomat", Qualifier::Exact)];
    let merged = MergedEvent::new(&report(&estonia, "FT"));
    assert_eq!(merged.count_range(), (Some(14), Some(14)));
    assert_eq!(
        merged.other_counts(),
        [("diplomat".to_string(), Some(7), Some(7))]
    );
    // A second report counting only the diplomats is the same event.
    let diplomats = expulsion("b", &["EST"], Some(7.0), Some("2022-04-30"));
    assert!(merged.accepts(&report(&diplomats, "ERR")).merge);
}

#[test]
fn open_ended_figures_leave_the_upper_end_open() {
    let mut claim = expulsion("a", &[], None, None);
    claim.aggregate = true;
    claim.quantity = Some(quantity(300.0, "diplomat", Qualifier::AtLeast));
    let merged = MergedEvent::new(&report(&claim, "FT"));
    assert_eq!(merged.count_range(), (Some(300), None));
}

#[test]
fn an_announcement_dated_by_its_own_words_joins_the_later_plan_and_keeps_the_plans_date() {
    // "... announced the expulsion ..., and others have acted in recent days" (exact range).
    let mut announced = expulsion("ft", &["EST"], None, Some("2022-03-29"));
    announced.date.as_mut().unwrap().end = Some(day("2022-04-05"));
    let mut plan = expulsion("ft", &["EST"], Some(14.0), Some("2022-04-30"));
    plan.modality = Modality::Planned;
    let merged = merge_all(&[report(&announced, "FT"), report(&plan, "FT")]);
    assert_eq!(merged.len(), 1, "{merged:#?}");
    let date = merged[0].date.unwrap();
    assert_eq!(
        (date.start, date.end),
        (day("2022-04-30"), day("2022-04-30"))
    );
}

#[test]
fn an_announcement_joins_the_action_it_plans_for_a_later_date() {
    // "Estonia announced the expulsion" on publication day; "Estonia will expel 14 staff as of
    // April 30" in the same report.
    let announced = report(&expulsion("ft", &["EST"], None, None), "FT");
    let mut plan = expulsion("ft", &["EST"], Some(14.0), Some("2022-04-30"));
    plan.modality = Modality::Planned;
    let plan = report(&plan, "FT");
    let merged = merge_all(&[announced, plan.clone()]);
    assert_eq!(merged.len(), 1, "{merged:#?}");
    assert_eq!(merged[0].date.map(|d| d.start), Some(day("2022-04-30")));
    assert_eq!(merged[0].count_range(), (Some(14), Some(14)));
    // An expulsion by the same country months later is not what was planned.
    let later = report(&expulsion("x", &["EST"], None, Some("2022-09-01")), "ERR");
    assert!(!merged[0].accepts(&later).merge);
    // Nor is one a month before the announcement.
    let before = report(&expulsion("y", &["EST"], None, Some("2022-03-01")), "ERR");
    assert!(!MergedEvent::new(&plan).accepts(&before).merge);
}

#[test]
fn within_one_document_a_mention_without_mode_does_not_join_one_with_a_mode() {
    // "His claims were denied by Jack Straw" (REJECT) and "we have a veto" (REJECT/yield), one
    // article: the coder kept them apart, and one text needs no shared words, so the modes
    // must agree as they do within a document.
    let mut denial = expulsion("a", &["GBR"], None, None);
    denial.event = EventCategory::Reject;
    denial.mode = None;
    let mut veto = denial.clone();
    veto.mode = Some("yield".to_string());
    let merged = merge_all(&[report(&denial, "BBC"), report(&veto, "BBC")]);
    assert_eq!(merged.len(), 2, "{merged:#?}");
}

/// Two criticisms one article tells in two sentences, by two speakers of one country against
/// the same government ("... attacked the Tory plans." then "Maeve Sherlock called the plans
/// dangerous."): the coder keeps them apart, and the store does not join them again.
#[test]
fn two_statements_the_coder_kept_apart_in_one_document_stay_apart() {
    let criticism = |doc: &str, trigger: &str| {
        let mut event = expulsion(doc, &["GBR"], None, None);
        event.event = EventCategory::Accuse;
        event.mode = Some("disapprove".to_string());
        event.recipients = vec![actor("GBR")];
        event.trigger.text = trigger.to_string();
        event
    };
    let first = report(&criticism("one", "attacked"), "BBC");
    let second = report(&criticism("one", "called"), "BBC");
    let merged = merge_all(&[first, second]);
    assert_eq!(merged.len(), 2, "{merged:#?}");
}

/// Two promises one article tells in two places ("Dr Fox underlined Tory promises" and, later,
/// "Mr Blair's promise"): the coder kept them apart, so the store does not join them again,
/// though both are GBR AGREE, undated, with no figures. Two expulsions of one article still
/// may be one (a country named in a list and detailed later).
#[test]
fn two_commitments_the_coder_kept_apart_in_one_document_stay_apart() {
    let promise = |trigger: &str| {
        let mut event = expulsion("one", &["GBR"], None, None);
        event.event = EventCategory::Agree;
        event.mode = None;
        event.trigger.text = trigger.to_string();
        event
    };
    let merged = merge_all(&[
        report(&promise("promises"), "BBC"),
        report(&promise("promise"), "BBC"),
    ]);
    assert_eq!(merged.len(), 2, "{merged:#?}");
    let listed = report(&expulsion("one", &["DEU"], None, None), "BBC");
    let detailed = report(&expulsion("one", &["DEU"], Some(40.0), None), "BBC");
    assert_eq!(merge_all(&[listed, detailed]).len(), 1);
}

/// Two parties' requests to one body, told in two articles of one story ("Mr Ellis urged the
/// audit commission to examine the contracts" and "the Greens want the audit commission to
/// examine the contracts"): the same words, two speakers, two events. The speaker is read from
/// the actor's own words, so the same party named again joins.
#[test]
fn statements_by_different_speakers_in_two_documents_stay_two_events() {
    let clause = "urged the audit commission to examine the hospital contracts";
    let story: Vec<String> = ["^audit", "^commission", "^hospital", "^leeds", "^ellis"]
        .map(String::from)
        .to_vec();
    let request = |doc: &str, speaker: &str| {
        let mut event = expulsion(doc, &["GBR"], None, None);
        event.event = EventCategory::Request;
        event.mode = None;
        event.recipients = vec![actor("GBR")];
        event.actors[0].text = speaker.to_string();
        event.mentions[0].text = clause.to_string();
        event.mentions[0].span = [0, clause.len()];
        let reports = Report::from_event(&event, "BBC", None);
        Report::told_in(reports, &story, None).remove(0)
    };
    let ellis = request("one", "Mr Ellis");
    // Stemmed as every content word is ("ellis" loses its "s").
    assert_eq!(ellis.speakers, ["elli"]);
    let greens = request("two", "the Greens");
    let merged = merge_all(&[ellis.clone(), greens]);
    assert_eq!(merged.len(), 2, "{merged:#?}");
    let ellis_again = request("three", "Councillor Tom Ellis");
    let merged = merge_all(&[ellis, ellis_again]);
    assert_eq!(merged.len(), 1, "{merged:#?}");
}

/// One article read without a publication date (ECB+ gives none): "A gunman killed two people
/// at a Queens bakery on Monday" and, later, "Police said he killed them with a rifle". One text
/// told both: the undated mention takes the date the text gives elsewhere. Two words of one kind
/// of event ("kill", "killing") are one mode only under the loose setting: across the modes of
/// one document the default keeps to the word (precision first).
#[test]
fn within_one_document_an_undated_mention_of_one_kind_of_event_joins_the_dated_one() {
    let mut killed = expulsion("queens", &["USA"], None, Some("2008-03-10"));
    killed.event = EventCategory::Assault;
    killed.mode = Some("generic:kill".to_string());
    killed.recipients = Vec::new();
    let mut killing = killed.clone();
    killing.date = None;
    let unpublished = |e: &Event| Report::from_event(e, "NY1", None).remove(0);
    let merged = merge_all(&[unpublished(&killed), unpublished(&killing)]);
    assert_eq!(merged.len(), 1, "{merged:#?}");
    assert_eq!(merged[0].date.map(|d| d.start), Some(day("2008-03-10")));
    // Another document's undated killing, with no story in common, is not dated by this one.
    let mut elsewhere = killing.clone();
    elsewhere.doc_id = "bloomington".to_string();
    let decision = merged[0].accepts(&unpublished(&elsewhere));
    assert!(!decision.merge, "{}", decision.reason);
    // A mention without a mode still does not join one with a mode in one document.
    let mut modeless = killing.clone();
    modeless.mode = None;
    assert!(!merged[0].accepts(&unpublished(&modeless)).merge);
}

/// A report keeps the word its trigger reads ("expelled"), and a merged event the words of its
/// reports; an event stored before the words were kept reads back with none, the rest as it
/// was.
#[test]
fn a_report_keeps_its_trigger_word_and_an_event_stored_without_words_reads_back() {
    let first = report(&expulsion("a", &["ITA"], Some(30.0), None), "Reuters");
    assert_eq!(first.words, ["expelled"]);
    let merged = merge_all(&[first]);
    assert_eq!(merged[0].words, ["expelled"]);
    let mut json: serde_json::Value = serde_json::to_value(&merged[0]).unwrap();
    json.as_object_mut().unwrap().remove("words");
    let old: MergedEvent = serde_json::from_value(json).unwrap();
    assert!(old.words.is_empty());
    assert_eq!(
        MergedEvent {
            words: merged[0].words.clone(),
            ..old
        },
        merged[0]
    );
}

/// A COERCE/arrest with no doer named: the coder's implied doer, whose words are the trigger's.
fn custody_act(doc: &str, word: &str, sector: &str, clause: &str) -> Event {
    let mut event = expulsion(doc, &[], None, None);
    event.event = EventCategory::Coerce;
    event.mode = Some("arrest".to_string());
    event.recipients = Vec::new();
    event.trigger = attache_event::Trigger {
        text: word.to_string(),
        span: [10, 10 + word.len()],
    };
    event.actors = vec![attache_event::Actor {
        text: word.to_string(),
        country: Some("GBR".to_string()),
        sector: Some(sector.to_string()),
        span: [10, 10 + word.len()],
        country_from: Some(attache_event::CountryFrom::Document),
    }];
    event.mentions[0].text = clause.to_string();
    event.mentions[0].span = [0, clause.len()];
    event
}

#[test]
fn an_implied_doer_is_unknown_and_an_event_stored_without_sides_reads_as_before() {
    let arrested = custody_act("d", "arrested", "COP", "All were arrested");
    let jailed = custody_act("d", "jailed", "JUD", "They were all jailed");
    assert!(implied_doer(&arrested, &arrested.actors[0]));
    let first = MergedEvent::new(&report(&arrested, "BBC"));
    let decision = first.accepts(&report(&jailed, "BBC"));
    assert!(!decision.merge, "{}", decision.reason);
    // An event stored before sides were kept: its actor codes count as stated, and the two
    // acts of one document join as they did.
    let mut json: serde_json::Value = serde_json::to_value(&first).unwrap();
    json.as_object_mut().unwrap().remove("sides");
    let old: MergedEvent = serde_json::from_value(json).unwrap();
    let mut jailed_then = report(&jailed, "BBC");
    jailed_then.sides.clear();
    assert!(old.accepts(&jailed_then).merge);
}

/// Two reports of one cluster of documents that read one word for a custody act and name
/// nobody: where the coder implied the doer (a state's police), one state's many detentions
/// share that word, and the two stay apart; where no doer stands at all (a mention coded
/// alone, as the ECB+ gold mentions are), the read word tells one event, as "the killing" and
/// "the murder" do.
#[test]
fn an_implied_doer_asks_more_than_the_read_word_of_one_cluster() {
    let in_cluster = |event: &Event| Report {
        cluster: Some(1),
        ..report(event, "BBC")
    };
    let home = custody_act("a", "detained", "COP", "They were detained at the port");
    let abroad = custody_act("b", "detained", "COP", "The Britons were detained in Cuba");
    let first = MergedEvent::new(&in_cluster(&home));
    let decision = first.accepts(&in_cluster(&abroad));
    assert!(!decision.merge, "{}", decision.reason);
    let nobody = |event: &Event| {
        let mut event = event.clone();
        event.actors.clear();
        in_cluster(&event)
    };
    let first = MergedEvent::new(&nobody(&home));
    let decision = first.accepts(&nobody(&abroad));
    assert!(decision.merge, "{}", decision.reason);
    assert!(
        decision.reason.contains("one cluster"),
        "{}",
        decision.reason
    );
}
