//! Across documents, compatible fields are not enough: two mentions merge on evidence (shared
//! content, agreeing figures, or every participant named on the same day).

use attache_event::{EventCategory, Modality, Qualifier};
use attache_merge::content::content_words;
use attache_merge::{Count, DateSpan, Evidence, Policy, Strictness, decide};
use chrono::NaiveDate;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The window an undated report gets: the week before publication.
fn week_before(published: &str) -> Option<DateSpan> {
    Some(DateSpan {
        start: day(published) - chrono::Duration::days(7),
        end: day(published),
        exact: false,
    })
}

fn exact(on: &str) -> Option<DateSpan> {
    Some(DateSpan {
        start: day(on),
        end: day(on),
        exact: true,
    })
}

fn mention<'a>(
    category: EventCategory,
    actors: Vec<&'a str>,
    recipients: Vec<&'a str>,
    date: Option<DateSpan>,
    content: &'a [String],
) -> Evidence<'a> {
    Evidence {
        category,
        mode: None,
        modality: Modality::Asserted,
        claim: false,
        actors,
        recipients,
        date,
        announced: None,
        counts: Vec::new(),
        content: content.iter().map(String::as_str).collect(),
        story: Vec::new(),
        home: None,
        speakers: Vec::new(),
        cluster: None,
        places: Vec::new(),
        words: Vec::new(),
    }
}

fn words(text: &str) -> Vec<String> {
    content_words(text, &[])
}

#[test]
fn two_undated_accusations_of_one_actor_in_one_week_with_nothing_shared_stay_apart() {
    let lawsuit = words("accused the network of defamation in a lawsuit filed in Manhattan");
    let tweets = words("accused critics of lying about the ratings of Celebrity Apprentice");
    let a = mention(
        EventCategory::Accuse,
        vec!["USA"],
        vec![],
        week_before("2017-03-02"),
        &lawsuit,
    );
    let b = mention(
        EventCategory::Accuse,
        vec!["USA"],
        vec![],
        week_before("2017-03-04"),
        &tweets,
    );
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
    assert!(d.reason.contains("too little shared"), "{}", d.reason);
}

#[test]
fn an_empty_recipient_does_not_by_itself_join_two_events() {
    let a_words = words("expelled the ambassador over the assassination of Kim Jong-nam");
    let b_words = words("cancelled a touted meeting Friday night");
    let a = mention(
        EventCategory::Sanction,
        vec!["MYS"],
        vec!["PRK"],
        week_before("2017-03-06"),
        &a_words,
    );
    let b = mention(
        EventCategory::Sanction,
        vec!["MYS"],
        vec![],
        week_before("2017-03-06"),
        &b_words,
    );
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
    // The empty side blocks nothing either: with the words in common, they merge.
    let c_words =
        words("expelled the North Korean ambassador after the assassination of Kim Jong-nam");
    let c = mention(
        EventCategory::Sanction,
        vec!["MYS"],
        vec![],
        week_before("2017-03-06"),
        &c_words,
    );
    let d = decide(&a, &c, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
    assert!(d.reason.contains("says the same"), "{}", d.reason);
}

#[test]
fn named_participants_on_one_exact_day_need_no_words_in_common() {
    let none: Vec<String> = Vec::new();
    let a = mention(
        EventCategory::Consult,
        vec!["FRA"],
        vec!["DEU"],
        exact("2022-04-05"),
        &none,
    );
    let b = mention(
        EventCategory::Consult,
        vec!["FRA"],
        vec!["DEU"],
        exact("2022-04-05"),
        &none,
    );
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
    // A participant unnamed on one side: the same day alone is not enough.
    let c = mention(
        EventCategory::Consult,
        vec!["FRA"],
        vec![],
        exact("2022-04-05"),
        &none,
    );
    assert!(!decide(&a, &c, &Policy::ACROSS_DOCUMENTS).merge);
}

#[test]
fn agreeing_figures_are_textual_evidence_and_clashing_participants_block_any_content() {
    let a_words = words("Germany expelled 40 Russian diplomats");
    let b_words = words("Berlin ordered about 40 embassy staff to leave");
    let figure = |value: f64, qualifier: Qualifier, text: &'static str| Count {
        value,
        max: None,
        unit: Some("diplomat"),
        qualifier,
        main: true,
        text,
        source: "X",
    };
    let mut a = mention(
        EventCategory::Sanction,
        vec!["DEU"],
        vec!["RUS"],
        week_before("2022-04-05"),
        &a_words,
    );
    a.counts = vec![figure(40.0, Qualifier::Exact, "40")];
    let mut b = mention(
        EventCategory::Sanction,
        vec!["DEU"],
        vec![],
        week_before("2022-04-06"),
        &b_words,
    );
    b.counts = vec![figure(40.0, Qualifier::Approx, "about 40")];
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
    assert!(d.reason.contains("counts agree"), "{}", d.reason);
    let mut c = a.clone();
    c.actors = vec!["POL"];
    assert!(!decide(&a, &c, &Policy::ACROSS_DOCUMENTS).merge);
}

#[test]
fn strictness_orders_how_much_must_be_shared() {
    let a_words = words("Police arrested Dennis Rader in Park City after a decades-long hunt");
    let b_words = words("Rader was arrested near his home in Park City, Kansas");
    let a = mention(EventCategory::Coerce, vec![], vec![], None, &a_words);
    let b = mention(EventCategory::Coerce, vec![], vec![], None, &b_words);
    let verdicts: Vec<bool> = [Strictness::Loose, Strictness::Default, Strictness::Strict]
        .into_iter()
        .map(|s| decide(&a, &b, &s.policy()).merge)
        .collect();
    // What a stricter setting merges, a looser one merges too.
    assert!(verdicts.windows(2).all(|w| w[0] >= w[1]), "{verdicts:?}");
    assert!(verdicts[0], "loose merges a clear rewrite");
}

#[test]
fn a_count_of_one_is_no_evidence_of_one_event() {
    // Two hit-and-runs, each killing "a woman": the counts agree, and say nothing more.
    let queens = words("struck and killed a woman in Queens last night");
    let bloomington = words("killed a 66-year-old woman outside the Sam's Club in Bloomington");
    let one = |text: &'static str| Count {
        value: 1.0,
        max: None,
        unit: Some("woman"),
        qualifier: Qualifier::Exact,
        main: true,
        text,
        source: "X",
    };
    let mut a = mention(EventCategory::Assault, vec![], vec!["USA"], None, &queens);
    a.counts = vec![one("a woman")];
    let mut b = mention(
        EventCategory::Assault,
        vec![],
        vec!["USA"],
        None,
        &bloomington,
    );
    b.counts = vec![one("a 66-year-old woman")];
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
    assert!(d.reason.contains("too little shared"), "{}", d.reason);
}

#[test]
fn two_reports_of_one_story_merge_and_a_like_event_of_another_story_does_not() {
    use attache_merge::content::story_names;
    let reid = story_names(
        "Tara Reid checks into rehab. Actress Tara Reid has entered Promises Treatment Center \
         in Malibu, her publicist said. Reid, 33, checked in on Tuesday. Promises in Malibu \
         has treated many stars.",
    );
    let reid_again = story_names(
        "Reid enters Malibu clinic. Tara Reid has checked herself into the Promises clinic in \
         Malibu, a spokesman for the actress said. Reid starred in American Pie.",
    );
    let lohan = story_names(
        "Lindsay Lohan checks into Betty Ford. Lindsay Lohan has checked into the Betty Ford \
         Center in Rancho Mirage, her lawyer said. Lohan was ordered into rehab by a judge.",
    );
    // No name in the clauses: what they say alone is too little.
    let clause_a = words("entered a rehab treatment center");
    let clause_b = words("checked into a rehab treatment center");
    let clause_c = words("checked into a rehab center");
    let with_story = |clause: &'static [String], story: &'static [String]| {
        let mut e = mention(EventCategory::Consult, vec![], vec![], None, clause);
        e.story = story.iter().map(String::as_str).collect();
        e
    };
    let leak = |v: Vec<String>| -> &'static [String] { Box::leak(v.into_boxed_slice()) };
    let a = with_story(leak(clause_a), leak(reid));
    let b = with_story(leak(clause_b), leak(reid_again));
    let c = with_story(leak(clause_c), leak(lohan));
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
    assert!(d.reason.contains("one story"), "{}", d.reason);
    let d = decide(&a, &c, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
}

#[test]
fn a_rivals_name_in_common_does_not_join_two_undated_attacks_of_one_party_on_another() {
    // Two different attacks on Labour by British politicians (actor and recipient both GBR):
    // the party's name is all they share.
    let pledges = words("The Tory co-chairman attacked Labour's six new pledges");
    let taxes = words("Mr Cable also attacked Labour's unfair and over-complicated taxes");
    let a = mention(
        EventCategory::Accuse,
        vec!["GBR"],
        vec!["GBR"],
        None,
        &pledges,
    );
    let b = mention(
        EventCategory::Accuse,
        vec!["GBR"],
        vec!["GBR"],
        None,
        &taxes,
    );
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
    assert!(d.reason.contains("too little shared"), "{}", d.reason);

    // Two reports of one speech say more of the same words beside the names.
    let speech = words(
        "Tony Blair said Labour would set out workable plans for tackling immigration abuse \
         in the next few weeks and attacked the Tory plans",
    );
    let rewrite = words(
        "Labour would set out workable plans to tackle immigration abuse, Tony Blair said as \
         he attacked the Tory plans",
    );
    let a = mention(
        EventCategory::Accuse,
        vec!["GBR"],
        vec!["GBR"],
        None,
        &speech,
    );
    let b = mention(
        EventCategory::Accuse,
        vec!["GBR"],
        vec!["GBR"],
        None,
        &rewrite,
    );
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
}

#[test]
fn between_countries_named_participants_and_a_name_in_common_still_join() {
    // Spain's expulsion, implied by the founding article's list and reported by a rewrite: the
    // clauses share little beyond "Russian diplomats", but an expulsion of Russia's diplomats
    // by Spain in one week is one event.
    let list = words(
        "Italy, Spain, Denmark, Sweden and Estonia announced the expulsion of a total of 80 \
         Russian diplomats",
    );
    let wire = words("Spain also expelled Russian diplomats, the government in Madrid said");
    let a = mention(
        EventCategory::Sanction,
        vec!["ESP"],
        vec!["RUS"],
        week_before("2022-04-05"),
        &list,
    );
    let b = mention(
        EventCategory::Sanction,
        vec!["ESP"],
        vec!["RUS"],
        week_before("2022-04-05"),
        &wire,
    );
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
    assert!(d.reason.contains("same participants"), "{}", d.reason);
}

#[test]
fn two_politicians_accusing_one_rival_are_two_accusations() {
    // The actors' own words are compared by code; the trigger and the rival's name are all
    // the rest of the clauses share.
    let letwin_text = "Tory shadow chancellor Oliver Letwin accused Mr Blair";
    let howard_text = "Tory leader Michael Howard has accused Mr Blair";
    let letwin = content_words(letwin_text, &[[0, letwin_text.find(" accused").unwrap()]]);
    let howard = content_words(howard_text, &[[0, howard_text.find(" has").unwrap()]]);
    assert_eq!(letwin, ["accused", "^blair"]);
    let a = mention(
        EventCategory::Accuse,
        vec!["GBR"],
        vec!["GBR"],
        None,
        &letwin,
    );
    let b = mention(EventCategory::Accuse, vec!["GBR"], vec![], None, &howard);
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
}

#[test]
fn one_partys_criticisms_of_different_things_with_no_recipient_stay_apart_at_home() {
    // Two BBC reports of one week: the recipient ("Mr Blair's government") went uncoded, so
    // only the home country tells that both are British politics.
    let tax = words("accused Mr Blair's government of breaking its promise on tax");
    let nhs = words("accused Mr Blair's government of breaking its promise on hospitals");
    let report = |content, published| {
        let mut e = mention(
            EventCategory::Accuse,
            vec!["GBR"],
            vec![],
            week_before(published),
            content,
        );
        e.home = Some("GBR");
        e
    };
    let (a, b) = (report(&tax, "2005-02-14"), report(&nhs, "2005-02-17"));
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
    // Reported from abroad, the same words are not one country's politics: one name suffices.
    let (mut a, mut b) = (a, b);
    a.home = Some("USA");
    b.home = Some("USA");
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
}

#[test]
fn one_story_at_home_still_needs_two_shared_names() {
    use attache_merge::content::{overlap, story_names};
    // Two articles of one week of British election news repeat the same names, whatever
    // each politician said: one story, but two accusations of the Prime Minister.
    let monday = story_names(
        "Tories attack Blair on schools. Michael Howard said Labour had failed parents. Tony \
         Blair defended Labour's record. Charles Kennedy said the Liberal Democrats would \
         scrap fees. Mr Howard and Mr Blair clashed again. Labour and the Tories traded blows.",
    );
    let thursday = story_names(
        "Blair hits back at Howard. Tony Blair said the Tories offered no plan. Michael Howard \
         accused Labour of stealth taxes. Mr Kennedy said Labour and the Tories were alike. \
         Mr Blair and Mr Howard will debate on Sunday. Labour leads in the polls.",
    );
    let short = words("accused Mr Blair");
    let longer = words("accused Mr Blair of arrogance");
    let report = |content: &'static [String], story: &'static [String], published| {
        let mut e = mention(
            EventCategory::Accuse,
            vec!["GBR"],
            vec!["GBR"],
            week_before(published),
            content,
        );
        e.story = story.iter().map(String::as_str).collect();
        e.home = Some("GBR");
        e
    };
    let leak = |v: Vec<String>| -> &'static [String] { Box::leak(v.into_boxed_slice()) };
    let (monday, thursday) = (leak(monday), leak(thursday));
    let story_rule = Policy::ACROSS_DOCUMENTS.content.unwrap().story;
    let as_strs = |v: &'static [String]| v.iter().map(String::as_str).collect::<Vec<_>>();
    assert!(overlap(&as_strs(monday), &as_strs(thursday)).score >= story_rule);
    let a = report(leak(short), monday, "2005-04-11");
    let b = report(leak(longer), thursday, "2005-04-14");
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
    // Two reports of one accusation share what it was about.
    let a = report(
        leak(words("accused Mr Blair of misleading Parliament over Iraq")),
        monday,
        "2005-04-11",
    );
    let b = report(
        leak(words("accused Mr Blair of misleading Parliament on Iraq")),
        thursday,
        "2005-04-14",
    );
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
}

#[test]
fn within_one_story_an_undated_report_may_join_a_dated_one_and_figures_need_more() {
    use attache_merge::content::story_names;
    let leak = |v: Vec<String>| -> &'static [String] { Box::leak(v.into_boxed_slice()) };
    let quake = leak(story_names(
        "Quake hits Sumbawa. A strong earthquake struck the Indonesian island of Sumbawa on \
         Friday, officials in Bima said. Sumbawa residents fled their homes. Bima hospital \
         treated dozens. The Sumbawa quake measured 6.1.",
    ));
    let quake_again = leak(story_names(
        "Sumbawa shaken. The earthquake on Sumbawa damaged houses in Bima, Indonesian \
         officials said. Bima was worst hit. Aid reached Sumbawa by boat.",
    ));
    let other = leak(story_names(
        "Quake hits Luzon. An earthquake struck northern Luzon, Philippine officials in \
         Baguio said. Luzon roads were closed. Baguio schools shut.",
    ));
    let report = |clause: &str, story: &'static [String], date| {
        let mut e = mention(
            EventCategory::Consult,
            vec![],
            vec![],
            date,
            leak(words(clause)),
        );
        e.mode = Some("generic:earthquake");
        e.story = story.iter().map(String::as_str).collect();
        e
    };
    let dated = report(
        "a strong earthquake struck the island",
        quake,
        exact("2009-11-27"),
    );
    let mut undated = report("the earthquake struck the island", quake_again, None);
    // "the quake" and "the earthquake" name one kind of event (data/merge/event-words.txt).
    undated.mode = Some("generic:quake");
    let d = decide(&dated, &undated, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
    assert!(d.reason.contains("in one story"), "{}", d.reason);
    // Another island's quake, undated, is not taken for this one.
    let elsewhere = report("the earthquake struck the island", other, None);
    let d = decide(&dated, &elsewhere, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);

    // Two captures of pirates in two stories: the counts agree within the tolerance, and
    // nothing else is shared.
    let count = |value: f64, text: &'static str| Count {
        value,
        max: None,
        unit: Some("pirate"),
        qualifier: Qualifier::Exact,
        main: true,
        text,
        source: "X",
    };
    let mut first = report("navy commandos captured the pirates", quake, None);
    let mut second = report("sailors seized the brigands", other, None);
    first.mode = Some("generic:capture");
    second.mode = Some("generic:capture");
    first.counts = vec![count(23.0, "23 pirates")];
    second.counts = vec![count(26.0, "26 brigands")];
    let d = decide(&first, &second, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
}

#[test]
fn at_home_the_very_same_count_still_tells_one_event_and_a_close_one_does_not() {
    // An Indian report of the Indian navy's capture (actor of the home country, no recipient
    // coded): one country's affairs, where one shared name proves little.
    let count = |value: f64, unit: Option<&'static str>, text: &'static str| Count {
        value,
        max: None,
        unit,
        qualifier: Qualifier::Exact,
        main: true,
        text,
        source: "X",
    };
    let leak = |v: Vec<String>| -> &'static [String] { Box::leak(v.into_boxed_slice()) };
    let report = |clause: &str, counts: Vec<Count<'static>>| {
        let mut e = mention(
            EventCategory::Coerce,
            vec!["IND"],
            vec![],
            None,
            leak(words(clause)),
        );
        e.mode = Some("arrest");
        e.home = Some("IND");
        e.counts = counts;
        e
    };
    let a = report(
        "the navy seized 18 suspects near Lakshadweep",
        vec![count(18.0, None, "18 suspects")],
    );
    let b = report("18 men were held at sea", vec![count(18.0, None, "18 men")]);
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
    let c = report(
        "the coast guard held 21 fishermen",
        vec![count(21.0, None, "21 fishermen")],
    );
    let d = decide(&a, &c, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
}
